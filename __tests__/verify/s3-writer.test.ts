/**
 * The rescue's S3 writer (src/verify/s3-writer.ts): against s3rver under Node 24
 * (support/s3-emulator.js), which checks every SigV4 signature, the whole PUT, the multipart upload
 * (begin, parts, commit), the list that proves an object, the delete, and the abort s3rver answers
 * 405, each read back from the emulator's files on disk and with the headers sent recorded;
 * against the fast S3 stand-in (support/s3-standin.js) the conditional writes answered 412 and the
 * refusals a bucket policy gives; and through a transport that answers from a script, what neither
 * gives (no upload ID, no ETag, an error in a 200, escaped XML, no answer at all).
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { Transport, type HttpAnswer } from '../../src/http.js'
import type { S3Target } from '../../src/plan.js'
import type { ObjectWriter, PartUpload } from '../../src/verify/object-writer.js'
import { makeS3Writer } from '../../src/verify/s3-writer.js'
import { FakeClock } from '../support/fake-clock.js'
import { startS3Emulator } from '../support/s3-emulator.js'
import { startS3StandIn } from '../support/s3-standin.js'

const KEYS = { accessKey: 'AKIAWRITER0000001', secretKey: 'writer/secret+key/0123456789' }
const BUCKET = 'writer-bucket'
const TAIL = 'The archive stays in the vendor cloud until its deadline; fix the target, and the next audit copies it.'

interface Sent {
  method: string
  url: string
  headers: Record<string, string>
  body: string | Buffer | undefined
}

/** The real transport, recording what it sends. */
class Recording extends Transport {
  readonly sent: Sent[] = []
  override once(method: string, url: string, headers: Record<string, string>, body: string | Buffer | undefined, timeoutMs: number) {
    this.sent.push({ method, url, headers, body })
    return super.once(method, url, headers, body, timeoutMs)
  }
}

/** Answers from a script (an answer, or an error to throw), recording what is sent. */
class Scripted extends Transport {
  readonly sent: Sent[] = []
  constructor(private readonly answer: (request: Sent, index: number) => Partial<HttpAnswer> | Error) {
    super()
  }
  override async once(method: string, url: string, headers: Record<string, string>, body: string | Buffer | undefined) {
    const request = { method, url, headers, body }
    this.sent.push(request)
    const answer = this.answer(request, this.sent.length - 1)
    if (answer instanceof Error) throw answer
    return { status: 200, headers: {}, body: '', ...answer }
  }
}

const md5 = (bytes: Buffer | string) => createHash('md5').update(bytes).digest('hex')
const sha256Hex = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex')
const lower = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))

function writer(transport: Transport, target: Partial<S3Target> = {}, maxAttempts = 1): ObjectWriter {
  return makeS3Writer(
    { type: 's3', bucket: BUCKET, ...KEYS, sse: 's3', ...target },
    {
      transport,
      clock: new FakeClock(),
      policy: { maxAttempts, timeoutMs: 30_000 },
      log: { info: () => undefined, debug: () => undefined },
      secrets: []
    }
  )
}

async function begun(w: ObjectWriter, key: string): Promise<PartUpload> {
  const started = await w.begin(key, 'video/mp4')
  if (!started.ok) throw new Error(started.error)
  return started.upload
}

describe('the part size', () => {
  it.each([
    [0, 8_388_608],
    [1, 8_388_608],
    [83_886_080_000, 8_388_608],
    [83_886_080_001, 9_437_184],
    [94_371_840_000, 9_437_184],
    [94_371_840_001, 10_485_760],
    [5_000_000_000_000, 500_170_752]
  ])('is %i bytes → %i for every part but the last', (size, part) => {
    expect(writer(new Transport()).partSize(size)).toBe(part)
  })
})

describe('against s3rver, which checks SigV4 signatures', () => {
  let emulator: Awaited<ReturnType<typeof startS3Emulator>>
  let transport: Recording
  beforeAll(async () => {
    emulator = await startS3Emulator(inject('node24'), KEYS, [BUCKET])
    transport = new Recording()
  })
  afterAll(async () => {
    await transport.close()
    await emulator.close()
  })
  beforeEach(() => {
    transport.sent.length = 0
  })
  const at = (key: string) => `${emulator.url}/${BUCKET}/${key}`
  /** The bytes s3rver keeps on disk for `key` of the bucket. */
  const onDisk = (key: string): Buffer | undefined => emulator.read(BUCKET, key)

  it('writes a whole object with If-None-Match: *, the content type, SSE and the body’s hash, and stats it', async () => {
    const w = writer(transport, { endpoint: emulator.url })
    const body = Buffer.from('the whole archive, small enough for one PUT')
    expect(await w.putWhole('46000071/whole-1/archive.mp4', body, 'video/mp4')).toStrictEqual({ ok: true, etag: `"${md5(body)}"` })
    expect(onDisk('46000071/whole-1/archive.mp4')?.equals(body)).toBe(true)
    expect(emulator.files(BUCKET)).toContain('46000071/whole-1/archive.mp4._S3rver_object')
    const [put] = transport.sent
    expect([put!.method, put!.url]).toStrictEqual(['PUT', at('46000071/whole-1/archive.mp4')])
    expect(lower(put!.headers)).toMatchObject({
      'content-type': 'video/mp4',
      'if-none-match': '*',
      'x-amz-server-side-encryption': 'AES256',
      'x-amz-content-sha256': sha256Hex(body),
      authorization: expect.stringMatching(/^AWS4-HMAC-SHA256 Credential=AKIAWRITER0000001\/\d{8}\/us-east-1\/s3\/aws4_request, /)
    })
    expect(w.requests()).toBe(1)

    expect(await w.stat('46000071/whole-1/archive.mp4')).toStrictEqual({ ok: true, object: { size: 43, etag: `"${md5(body)}"` } })
    expect(transport.sent[1]!.url).toBe(`${emulator.url}/${BUCKET}?list-type=2&max-keys=1&prefix=46000071%2Fwhole-1%2Farchive.mp4`)
    expect(w.requests()).toBe(2)
  })

  it('sends no SSE header when the target sets sse: none', async () => {
    const w = writer(transport, { endpoint: emulator.url, sse: 'none' })
    expect((await w.putWhole('46000071/plain-1/archive.mp4', Buffer.from('plain'), 'video/mp4')).ok).toBe(true)
    await begun(w, '46000071/plain-2/archive.mp4')
    expect(transport.sent.map(s => lower(s.headers)['x-amz-server-side-encryption'])).toStrictEqual([undefined, undefined])
  })

  it('uploads in parts and commits them in order: the object on disk is the parts joined', async () => {
    const w = writer(transport, { endpoint: emulator.url })
    const key = '46000071/parts-1/archive.mp4'
    const upload = await begun(w, key)
    const create = transport.sent[0]!
    expect([create.method, create.url]).toStrictEqual(['POST', `${at(key)}?uploads`])
    expect(lower(create.headers)).toMatchObject({ 'content-type': 'video/mp4', 'x-amz-server-side-encryption': 'AES256' })
    expect(lower(create.headers)['if-none-match']).toBeUndefined()
    const first = Buffer.from('0123456789')
    const second = Buffer.from('abcde')
    expect(await upload.part(1, second)).toStrictEqual({ ok: true })
    expect(await upload.part(0, first)).toStrictEqual({ ok: true })
    const uploadId = new URL(transport.sent[1]!.url).searchParams.get('uploadId')
    expect(transport.sent.slice(1).map(s => [s.method, s.url, lower(s.headers)['x-amz-content-sha256']])).toStrictEqual([
      ['PUT', `${at(key)}?partNumber=2&uploadId=${uploadId}`, sha256Hex(second)],
      ['PUT', `${at(key)}?partNumber=1&uploadId=${uploadId}`, sha256Hex(first)]
    ])
    expect(lower(transport.sent[1]!.headers)['x-amz-server-side-encryption']).toBeUndefined()
    const committed = await upload.commit(2)
    expect(committed).toStrictEqual({ ok: true, etag: expect.stringMatching(/^"[0-9a-f]{32}(-2)?"$/) })
    const complete = transport.sent[3]!
    expect([complete.method, complete.url]).toStrictEqual(['POST', `${at(key)}?uploadId=${uploadId}`])
    expect(lower(complete.headers)).toMatchObject({ 'content-type': 'application/xml', 'if-none-match': '*' })
    expect(complete.body).toBe(
      `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"${md5(first)}"</ETag></Part><Part><PartNumber>2</PartNumber><ETag>"${md5(second)}"</ETag></Part></CompleteMultipartUpload>`
    )
    expect(onDisk(key)?.toString()).toBe('0123456789abcde')
    expect(await w.stat(key)).toStrictEqual({ ok: true, object: { size: 15, etag: committed.ok ? committed.etag : '' } })
    expect(w.requests()).toBe(5)
  })

  it('lists only the exact key: another key under the same prefix is not the object', async () => {
    const w = writer(transport, { endpoint: emulator.url })
    await w.putWhole('46000071/prefix-1/archive.mp4', Buffer.from('x'), 'video/mp4')
    expect(await w.stat('46000071/prefix-1/archive')).toStrictEqual({ ok: true })
    expect(await w.stat('46000071/nothing-here/archive.mp4')).toStrictEqual({ ok: true })
  })

  it('finds a key the list escapes in XML (s3rver escapes a quote as &quot;)', async () => {
    const w = writer(transport, { endpoint: emulator.url })
    const key = '46000071/say "hi" +1/archive.mp4'
    expect((await w.putWhole(key, Buffer.from('escaped'), 'video/mp4')).ok).toBe(true)
    expect(await w.stat(key)).toStrictEqual({ ok: true, object: { size: 7, etag: `"${md5('escaped')}"` } })
  })

  it("writes and deletes a key holding !'()*, which SigV4 encodes and encodeURIComponent does not", async () => {
    const w = writer(transport, { endpoint: emulator.url })
    const key = "46000071/p'q (1)!*/archive.mp4"
    expect((await w.putWhole(key, Buffer.from('quoted'), 'video/mp4')).ok).toBe(true)
    expect(transport.sent.at(-1)?.url).toBe(`${emulator.url}/${BUCKET}/46000071/p%27q%20%281%29%21%2A/archive.mp4`)
    expect(onDisk(key)?.toString()).toBe('quoted')
    // The list's prefix is encoded the same way. s3rver signs a query with encodeURIComponent, not
    // as SigV4 says, so it refuses this list whatever the URL: Amazon S3 and aws4fetch agree.
    await w.stat(key)
    expect(transport.sent.at(-1)?.url).toContain('&prefix=46000071%2Fp%27q%20%281%29%21%2A%2Farchive.mp4')
    expect(await w.remove(key)).toStrictEqual({ ok: true })
    expect(onDisk(key)).toBeUndefined()
  })

  it('deletes an object: it is gone from disk and from the list', async () => {
    const w = writer(transport, { endpoint: emulator.url })
    const key = '46000071/remove-1/archive.mp4'
    await w.putWhole(key, Buffer.from('to be removed'), 'video/mp4')
    expect(onDisk(key)?.toString()).toBe('to be removed')
    expect(await w.remove(key)).toStrictEqual({ ok: true })
    expect(transport.sent.at(-1)).toMatchObject({ method: 'DELETE', url: at(key) })
    expect(onDisk(key)).toBeUndefined()
    expect(await w.stat(key)).toStrictEqual({ ok: true })
  })

  it('says which permission to grant when the abort is answered 405, and the parts stay', async () => {
    const w = writer(transport, { endpoint: emulator.url })
    const key = '46000071/abort-1/archive.mp4'
    const upload = await begun(w, key)
    expect(await upload.part(0, Buffer.from('a part'))).toStrictEqual({ ok: true })
    const uploadId = new URL(transport.sent[0 + 1]!.url).searchParams.get('uploadId')
    expect(await upload.abort()).toBe(
      `the multipart upload of s3://${BUCKET}/${key} could not be aborted (MethodNotAllowed): its parts stay until a lifecycle rule removes them (allow s3:AbortMultipartUpload).`
    )
    expect(transport.sent.at(-1)).toMatchObject({ method: 'DELETE', url: `${at(key)}?uploadId=${uploadId}` })
    expect(emulator.files(BUCKET).filter(f => f.startsWith('._S3rver_uploads/') && f.endsWith('/1'))).not.toStrictEqual([])
    expect(onDisk(key)).toBeUndefined()
  })

  it('is refused with SignatureDoesNotMatch when the secret key is wrong: the emulator checks the signature', async () => {
    const w = writer(transport, { endpoint: emulator.url, secretKey: 'not/the/secret' })
    expect(await w.putWhole('46000071/badsig/archive.mp4', Buffer.from('x'), 'video/mp4')).toStrictEqual({
      ok: false,
      error: `Rescue could not write to the target: the write of s3://${BUCKET}/46000071/badsig/archive.mp4 was refused with SignatureDoesNotMatch (HTTP 403): the secret key does not belong to the access key: check 'secret-key'. The service said: "The request signature we calculated does not match the signature you provided. Check your key and signing method.". ${TAIL}`
    })
    expect(onDisk('46000071/badsig/archive.mp4')).toBeUndefined()
  })
})

describe('against the S3 stand-in: conditional writes and refusals', () => {
  let s3: Awaited<ReturnType<typeof startS3StandIn>>
  const transport = new Transport()
  beforeAll(async () => {
    s3 = await startS3StandIn([BUCKET], { minPart: 1 })
  })
  afterAll(async () => {
    await transport.close()
    await s3.close()
  })
  beforeEach(() => s3.setPolicy(undefined))
  const standIn = () => writer(transport, { endpoint: s3.url })
  const denied = (action: string, key: string, hint: string) =>
    `Rescue could not write to the target: the ${action} of s3://${BUCKET}/${key} was refused with AccessDenied (HTTP 403): ${hint} The service said: "AccessDenied". ${TAIL}`
  const PUT_HINT =
    "the credentials may not write to this bucket: the bucket or IAM policy must allow s3:PutObject on the bucket's objects (with 'sse: s3', also with x-amz-server-side-encryption: AES256)."

  it('answers exists to a whole PUT over an object that is there (412), and leaves it', async () => {
    const key = '46000071/exists-1/archive.mp4'
    s3.put(BUCKET, key, Buffer.from('the vendor got there'))
    expect(await standIn().putWhole(key, Buffer.from('the copy'), 'video/mp4')).toStrictEqual({ ok: false, exists: true })
    expect(s3.object(BUCKET, key)?.body.toString()).toBe('the vendor got there')
  })

  it('answers exists to a commit over an object that arrived meanwhile (412), and the abort leaves nothing open', async () => {
    const key = '46000071/exists-2/archive.mp4'
    const w = standIn()
    const upload = await begun(w, key)
    expect(await upload.part(0, Buffer.from('part one'))).toStrictEqual({ ok: true })
    s3.put(BUCKET, key, Buffer.from('a late vendor upload'))
    expect(await upload.commit(1)).toStrictEqual({ ok: false, exists: true })
    expect(await upload.abort()).toBeUndefined()
    expect(s3.aborted).toContain(key)
    expect(s3.openUploads()).not.toContain(key)
    expect(s3.object(BUCKET, key)?.body.toString()).toBe('a late vendor upload')
  })

  it('names s3:PutObject when a write, a begin, a part or a commit is refused with AccessDenied', async () => {
    s3.setPolicy(() => ({ status: 403, code: 'AccessDenied' }))
    const w = standIn()
    expect(await w.putWhole('46000071/denied-1/archive.mp4', Buffer.from('x'), 'video/mp4')).toStrictEqual({
      ok: false,
      error: denied('write', '46000071/denied-1/archive.mp4', PUT_HINT)
    })
    expect(await w.begin('46000071/denied-2/archive.mp4', 'video/mp4')).toStrictEqual({
      ok: false,
      error: denied('write', '46000071/denied-2/archive.mp4', PUT_HINT)
    })
    s3.setPolicy(undefined)
    const upload = await begun(w, '46000071/denied-3/archive.mp4')
    s3.setPolicy(() => ({ status: 403, code: 'AccessDenied' }))
    expect(await upload.part(0, Buffer.from('x'))).toStrictEqual({
      ok: false,
      error: denied('write', '46000071/denied-3/archive.mp4', PUT_HINT)
    })
    expect(await upload.commit(0)).toStrictEqual({ ok: false, error: denied('write', '46000071/denied-3/archive.mp4', PUT_HINT) })
    expect(await upload.abort()).toBe(
      `the multipart upload of s3://${BUCKET}/46000071/denied-3/archive.mp4 could not be aborted (AccessDenied): its parts stay until a lifecycle rule removes them (allow s3:AbortMultipartUpload).`
    )
    expect(await w.remove('46000071/denied-4/archive.mp4')).toStrictEqual({
      ok: false,
      error: denied('write', '46000071/denied-4/archive.mp4', PUT_HINT)
    })
  })

  it('names s3:ListBucket when the list that proves an object is refused', async () => {
    s3.setPolicy(() => ({ status: 403, code: 'AccessDenied' }))
    expect(await standIn().stat('46000071/denied-5/archive.mp4')).toStrictEqual({
      ok: false,
      error: denied(
        'list',
        '46000071/denied-5/archive.mp4',
        "the credentials may not list this bucket: the bucket or IAM policy must allow s3:ListBucket on the bucket (the vendor's recommended policy grants it), or give 'verify: false' to audit statuses alone."
      )
    })
  })

  it('counts every request sent, retries included', async () => {
    let refusals = 2
    s3.setPolicy(() => (refusals-- > 0 ? { status: 503, code: 'SlowDown' } : undefined))
    const w = writer(transport, { endpoint: s3.url }, 3)
    expect((await w.putWhole('46000071/retried-1/archive.mp4', Buffer.from('x'), 'video/mp4')).ok).toBe(true)
    expect(w.requests()).toBe(3)
    await w.stat('46000071/retried-1/archive.mp4')
    expect(w.requests()).toBe(4)
  })
})

describe('answers neither gives, from a script', () => {
  const ENDPOINT = 'http://s3.test.invalid:9000'
  const scripted = (answer: ConstructorParameters<typeof Scripted>[0]) => {
    const transport = new Scripted(answer)
    return { transport, w: writer(transport, { endpoint: ENDPOINT }) }
  }
  const KEY = '46000071/scripted/archive.mp4'
  const created = (id: string) => ({ body: `<InitiateMultipartUploadResult><UploadId>${id}</UploadId></InitiateMultipartUploadResult>` })

  it('fails a begin that gets no upload ID', async () => {
    const { w } = scripted(() => ({ body: '<InitiateMultipartUploadResult></InitiateMultipartUploadResult>' }))
    expect(await w.begin(KEY, 'video/mp4')).toStrictEqual({
      ok: false,
      error: `Rescue could not write to the target: the multipart upload of s3://${BUCKET}/${KEY} got no upload ID.`
    })
  })

  it('unescapes the upload ID and encodes it in the URL of each part, the commit and the abort', async () => {
    const { transport, w } = scripted((request, index) =>
      index === 0 ? created('id&amp;1/2+3') : request.method === 'DELETE' ? { status: 204 } : { headers: { etag: '"e1"' } }
    )
    const upload = await begun(w, KEY)
    await upload.part(0, Buffer.from('x'))
    await upload.commit(1)
    expect(await upload.abort()).toBeUndefined()
    expect(transport.sent.slice(1).map(s => `${s.method} ${s.url}`)).toStrictEqual([
      `PUT ${ENDPOINT}/${BUCKET}/${KEY}?partNumber=1&uploadId=id%261%2F2%2B3`,
      `POST ${ENDPOINT}/${BUCKET}/${KEY}?uploadId=id%261%2F2%2B3`,
      `DELETE ${ENDPOINT}/${BUCKET}/${KEY}?uploadId=id%261%2F2%2B3`
    ])
  })

  it('fails a part that gets no ETag, naming the part by its number', async () => {
    const { w } = scripted((_request, index) => (index === 0 ? created('u1') : {}))
    const upload = await begun(w, KEY)
    expect(await upload.part(1, Buffer.from('x'))).toStrictEqual({
      ok: false,
      error: `Rescue could not write to the target: part 2 of s3://${BUCKET}/${KEY} got no ETag.`
    })
  })

  it('escapes the parts’ ETags in the commit, and names a part never stored with an empty ETag', async () => {
    const { transport, w } = scripted((_request, index) => (index === 0 ? created('u2') : { headers: { etag: '"a&b<c>"' } }))
    const upload = await begun(w, KEY)
    await upload.part(0, Buffer.from('x'))
    await upload.commit(2)
    expect(transport.sent.at(-1)!.body).toBe(
      '<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"a&amp;b&lt;c&gt;"</ETag></Part><Part><PartNumber>2</PartNumber><ETag></ETag></Part></CompleteMultipartUpload>'
    )
  })

  it('names a first part never stored with an empty ETag', async () => {
    const { transport, w } = scripted((_request, index) => (index === 0 ? created('u9') : {}))
    await (await begun(w, KEY)).commit(1)
    expect(transport.sent.at(-1)!.body).toBe(
      '<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag></ETag></Part></CompleteMultipartUpload>'
    )
  })

  it('fails a commit answered 200 with an error in its body', async () => {
    const { w } = scripted((_request, index) =>
      index === 0
        ? created('u3')
        : index === 1
          ? { body: '<Error><Code>InternalError</Code><Message>try again</Message></Error>' }
          : { body: '<Error></Error>' }
    )
    const upload = await begun(w, KEY)
    expect(await upload.commit(0)).toStrictEqual({
      ok: false,
      error: `Rescue could not write to the target: the upload of ${KEY} answered 200 with InternalError. ${TAIL}`
    })
    expect(await upload.commit(0)).toStrictEqual({
      ok: false,
      error: `Rescue could not write to the target: the upload of ${KEY} answered 200 with an error. ${TAIL}`
    })
  })

  it('takes the ETag from the body of a commit when no header gives it, and gives none when neither does', async () => {
    const { w } = scripted((_request, index) =>
      index === 0
        ? created('u4')
        : index === 1
          ? { body: '<CompleteMultipartUploadResult><ETag>&quot;abc-2&quot;</ETag></CompleteMultipartUploadResult>' }
          : index === 2
            ? { headers: { etag: ['"from-header"', '"second"'] }, body: '<ETag>&#34;from-body&#34;</ETag>' }
            : {}
    )
    const upload = await begun(w, KEY)
    expect(await upload.commit(0)).toStrictEqual({ ok: true, etag: '"abc-2"' })
    expect(await upload.commit(0)).toStrictEqual({ ok: true, etag: '"from-header"' })
    expect(await upload.commit(0)).toStrictEqual({ ok: true })
  })

  it('says why an abort failed: the status when the answer names no code, the network error when none came', async () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })
    const { w } = scripted((_request, index) => (index === 0 ? created('u5') : index === 1 ? { status: 500 } : reset))
    const upload = await begun(w, KEY)
    const stays = 'its parts stay until a lifecycle rule removes them (allow s3:AbortMultipartUpload).'
    expect(await upload.abort()).toBe(`the multipart upload of s3://${BUCKET}/${KEY} could not be aborted (HTTP 500): ${stays}`)
    expect(await upload.abort()).toBe(
      `the multipart upload of s3://${BUCKET}/${KEY} could not be aborted (ECONNRESET: read ECONNRESET): ${stays}`
    )
    const { w: ok } = scripted((_request, index) => (index === 0 ? created('u6') : { status: 200 }))
    expect(await (await begun(ok, KEY)).abort()).toBeUndefined()
    const { w: noContent } = scripted((_request, index) => (index === 0 ? created('u7') : { status: 299 }))
    expect(await (await begun(noContent, KEY)).abort()).toBeUndefined()
    const { w: redirect } = scripted((_request, index) => (index === 0 ? created('u8') : { status: 300 }))
    expect(await (await begun(redirect, KEY)).abort()).toBe(
      `the multipart upload of s3://${BUCKET}/${KEY} could not be aborted (HTTP 300): ${stays}`
    )
  })

  it('names the endpoint’s host when it does not resolve', async () => {
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND s3.test.invalid'), { code: 'ENOTFOUND' })
    const { w } = scripted(() => notFound)
    expect(await w.putWhole(KEY, Buffer.from('x'), 'video/mp4')).toStrictEqual({
      ok: false,
      error: `Rescue could not write to the target: could not write s3://${BUCKET}/${KEY}: the host of 'endpoint' (s3.test.invalid) does not resolve: check 'endpoint'. The archive stays in the vendor cloud until its deadline.`
    })
  })

  it('reads the list: the exact key among several, unescaped; no size or a size past 16 digits is no object', async () => {
    const list = (contents: string) => ({ body: `<ListBucketResult><KeyCount>1</KeyCount>${contents}</ListBucketResult>` })
    const answers = [
      list(
        '<Contents><Size>1</Size></Contents><Contents><Key>a/b2</Key><Size>5</Size></Contents><Contents><Key>a/b</Key><Size>42</Size><ETag>&quot;t&quot;</ETag></Contents>'
      ),
      list('<Contents><Key>a/b</Key><Size>1234567890123456</Size></Contents>'),
      list('<Contents><Key>a/b</Key><Size>12345678901234567</Size></Contents>'),
      list('<Contents><Key>a/b</Key><Size>big</Size></Contents>'),
      list(`<Contents><Key>x&lt;y&gt;&quot;z&apos;w&amp;v&#34;</Key><Size>3</Size></Contents>`),
      list('<Contents>\n<Key>a/b</Key>\n<Size>7</Size>\n</Contents>')
    ]
    const { w } = scripted((_request, index) => answers[index]!)
    expect(await w.stat('a/b')).toStrictEqual({ ok: true, object: { size: 42, etag: '"t"' } })
    expect(await w.stat('a/b')).toStrictEqual({ ok: true, object: { size: 1_234_567_890_123_456 } })
    expect(await w.stat('a/b')).toStrictEqual({ ok: true })
    expect(await w.stat('a/b')).toStrictEqual({ ok: true })
    expect(await w.stat(`x<y>"z'w&v"`)).toStrictEqual({ ok: true, object: { size: 3 } })
    expect(await w.stat('a/b')).toStrictEqual({ ok: true, object: { size: 7 } })
  })

  it('gives a whole PUT answered 200 without an ETag no ETag', async () => {
    const { w } = scripted(() => ({}))
    expect(await w.putWhole(KEY, Buffer.from('x'), 'video/mp4')).toStrictEqual({ ok: true })
  })
})
