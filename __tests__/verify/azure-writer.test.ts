/**
 * The rescue's Azure writer (src/verify/azure-writer.ts) against Azurite under Node 24
 * (support/azurite.js), which checks every SharedKey signature and honours `If-None-Match: *` with
 * 409 BlobAlreadyExists: Put Blob, Put Block and Put Block List, Get Blob Properties and Delete
 * Blob, each blob read back with a GET signed here (not by the action's signer), with the requests
 * sent recorded; the block IDs' one width; and, through a transport that answers from a script,
 * what Azurite never answers (412, another 409, no length, a host that does not resolve).
 */
import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { Transport, type Clock, type HttpAnswer } from '../../src/http.js'
import type { AzureTarget } from '../../src/plan.js'
import { blockId, makeAzureWriter } from '../../src/verify/azure-writer.js'
import type { ObjectWriter, PartUpload } from '../../src/verify/object-writer.js'
import { seedAzurite } from '../support/archives.js'
import { startAzurite } from '../support/azurite.js'
import { FakeClock } from '../support/fake-clock.js'

const ACCOUNT = { name: 'rescueaccount', key: Buffer.from('azurite-account-key-for-rescue-writer-tests').toString('base64') }
const CONTAINER = 'archives'
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
    return { status: 201, headers: {}, body: '', ...answer }
  }
}

/** A clock fixed at 2023-11-14T22:13:20Z. */
const fixedClock: Clock = { now: () => 1_700_000_000_000, sleep: async () => undefined, random: () => 1 }

function writer(
  transport: Transport,
  serviceUrl?: string,
  target: Partial<AzureTarget> = {},
  clock: Clock = new FakeClock()
): ObjectWriter {
  return makeAzureWriter(
    { type: 'azure', accountName: ACCOUNT.name, accountKey: ACCOUNT.key, container: CONTAINER, ...target },
    {
      transport,
      clock,
      policy: { maxAttempts: 1, timeoutMs: 30_000 },
      log: { info: () => undefined, debug: () => undefined },
      secrets: [ACCOUNT.key]
    },
    ...(serviceUrl === undefined ? [] : [serviceUrl])
  )
}

async function begun(w: ObjectWriter, key: string, contentType = 'video/mp4'): Promise<PartUpload> {
  const started = await w.begin(key, contentType)
  if (!started.ok) throw new Error(started.error)
  return started.upload
}

describe('against Azurite', () => {
  let azurite: Awaited<ReturnType<typeof startAzurite>>
  let transport: Recording
  beforeAll(async () => {
    azurite = await startAzurite(inject('node24'), ACCOUNT)
    await seedAzurite(azurite.serviceUrl, ACCOUNT, CONTAINER, [])
    transport = new Recording()
  })
  afterAll(async () => {
    await transport.close()
    await azurite.close()
  })
  beforeEach(() => {
    transport.sent.length = 0
  })
  const url = (key: string) => `${azurite.serviceUrl}/${CONTAINER}/${key}`
  const azure = () => writer(transport, azurite.serviceUrl)

  /** The blob as Azurite serves it, read with a SharedKey GET signed here. */
  async function blob(key: string): Promise<{ status: number; body: Buffer; contentType: string | null; etag: string | null }> {
    const target = new URL(url(key))
    const headers = { 'x-ms-date': new Date().toUTCString(), 'x-ms-version': '2021-12-02' }
    const toSign = [
      'GET',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      `x-ms-date:${headers['x-ms-date']}\nx-ms-version:2021-12-02\n/${ACCOUNT.name}${target.pathname}`
    ].join('\n')
    const signature = createHmac('sha256', Buffer.from(ACCOUNT.key, 'base64')).update(toSign).digest('base64')
    const response = await fetch(target, { headers: { ...headers, Authorization: `SharedKey ${ACCOUNT.name}:${signature}` } })
    return {
      status: response.status,
      body: Buffer.from(await response.arrayBuffer()),
      contentType: response.headers.get('content-type'),
      etag: response.headers.get('etag')
    }
  }

  it('puts a small archive whole, if no blob is there, and reads back its length and ETag', async () => {
    const w = azure()
    const key = '46000071/whole-1/archive.mp4'
    const written = await w.putWhole(key, Buffer.from('the whole archive'), 'video/mp4')
    const stored = await blob(key)
    expect(stored.body.toString()).toBe('the whole archive')
    expect(stored.contentType).toBe('video/mp4')
    expect(written).toStrictEqual({ ok: true, etag: stored.etag })
    expect(transport.sent[0]).toMatchObject({
      method: 'PUT',
      url: url(key),
      headers: {
        'x-ms-blob-type': 'BlockBlob',
        'Content-Type': 'video/mp4',
        'If-None-Match': '*',
        'x-ms-version': '2021-12-02',
        Authorization: expect.stringMatching(/^SharedKey rescueaccount:[A-Za-z0-9+/]{43}=$/)
      }
    })
    expect(await w.stat(key)).toStrictEqual({ ok: true, object: { size: 17, etag: stored.etag } })
    expect(transport.sent[1]).toMatchObject({ method: 'HEAD', url: url(key) })
    expect(w.requests()).toBe(2)
  })

  it('answers exists (409 BlobAlreadyExists) to a whole put over a blob that is there, and leaves it', async () => {
    const w = azure()
    const key = '46000071/exists-1/archive.mp4'
    await w.putWhole(key, Buffer.from('the vendor got there'), 'video/mp4')
    expect(await w.putWhole(key, Buffer.from('the copy'), 'video/mp4')).toStrictEqual({ ok: false, exists: true })
    expect((await blob(key)).body.toString()).toBe('the vendor got there')
  })

  it('puts blocks with IDs of one width and commits them in index order, whatever order they went up in', async () => {
    const w = azure()
    const key = '46000071/blocks-1/archive.zip'
    const upload = await begun(w, key, 'application/zip')
    expect(transport.sent).toStrictEqual([])
    expect(await upload.part(1, Buffer.from('second-'))).toStrictEqual({ ok: true })
    expect(await upload.part(0, Buffer.from('first-'))).toStrictEqual({ ok: true })
    expect(await upload.part(2, Buffer.from('third'))).toStrictEqual({ ok: true })
    expect(transport.sent.map(s => `${s.method} ${s.url}`)).toStrictEqual([
      `PUT ${url(key)}?comp=block&blockid=MDAwMDAx`,
      `PUT ${url(key)}?comp=block&blockid=MDAwMDAw`,
      `PUT ${url(key)}?comp=block&blockid=MDAwMDAy`
    ])
    expect((await blob(key)).status).toBe(404)
    const committed = await upload.commit(3)
    const list = transport.sent.at(-1)!
    expect(list).toMatchObject({
      method: 'PUT',
      url: `${url(key)}?comp=blocklist`,
      headers: { 'Content-Type': 'application/xml', 'x-ms-blob-content-type': 'application/zip', 'If-None-Match': '*' },
      body: '<?xml version="1.0" encoding="utf-8"?><BlockList><Latest>MDAwMDAw</Latest><Latest>MDAwMDAx</Latest><Latest>MDAwMDAy</Latest></BlockList>'
    })
    const stored = await blob(key)
    expect(stored.body.toString()).toBe('first-second-third')
    expect(stored.contentType).toBe('application/zip')
    expect(committed).toStrictEqual({ ok: true, etag: stored.etag })
    expect(await w.stat(key)).toStrictEqual({ ok: true, object: { size: 18, etag: stored.etag } })
    // Blocks never committed are dropped by the service: the abort sends nothing.
    const aborted = upload.abort()
    expect(aborted).toBeInstanceOf(Promise)
    expect(await aborted).toBeUndefined()
    expect(w.requests()).toBe(5)
  })

  it('answers exists (409) to a block list over a blob that is there, and leaves that blob', async () => {
    const w = azure()
    const key = '46000071/exists-2/archive.mp4'
    // Azurite checks the condition only against a blob that was there before the first block
    // (one put after the blocks is overwritten by the block list, whatever If-None-Match says).
    await w.putWhole(key, Buffer.from('a late vendor upload'), 'video/mp4')
    const upload = await begun(w, key)
    expect(await upload.part(0, Buffer.from('the copy'))).toStrictEqual({ ok: true })
    expect(await upload.commit(1)).toStrictEqual({ ok: false, exists: true })
    expect(transport.sent.at(-1)!.headers['If-None-Match']).toBe('*')
    expect((await blob(key)).body.toString()).toBe('a late vendor upload')
  })

  it('stats a blob that is not there as none, and deletes a blob', async () => {
    const w = azure()
    const key = '46000071/remove-1/archive.mp4'
    expect(await w.stat(key)).toStrictEqual({ ok: true })
    await w.putWhole(key, Buffer.from('to be removed'), 'video/mp4')
    expect(await w.remove(key)).toStrictEqual({ ok: true })
    expect(transport.sent.at(-1)).toMatchObject({ method: 'DELETE', url: url(key), body: undefined })
    expect((await blob(key)).status).toBe(404)
    expect(await w.stat(key)).toStrictEqual({ ok: true })
    // Deleting it again: Azure answers 404 BlobNotFound, and a blob that is not there is removed.
    expect(await w.remove(key)).toStrictEqual({ ok: true })
    expect(transport.sent.at(-1)).toMatchObject({ method: 'DELETE', url: url(key) })
    // A container that is not there is still a refusal.
    expect(await writer(transport, azurite.serviceUrl, { container: 'no-such-container' }).remove(key)).toMatchObject({
      ok: false,
      error: expect.stringContaining('ContainerNotFound (HTTP 404)')
    })
  })

  it('names the container when it does not exist, for a put, a block and a block list', async () => {
    const w = writer(transport, azurite.serviceUrl, { container: 'no-such-container' })
    const refused = `Rescue could not write to the target: the write of azure://rescueaccount/no-such-container/k was refused with ContainerNotFound (HTTP 404): the container does not exist: check 'container'. ${TAIL}`
    expect(await w.putWhole('k', Buffer.from('x'), 'video/mp4')).toStrictEqual({ ok: false, error: refused })
    const upload = await begun(w, 'k')
    expect(await upload.part(0, Buffer.from('x'))).toStrictEqual({ ok: false, error: refused })
    expect(await upload.commit(1)).toStrictEqual({ ok: false, error: refused })
  })

  it('is refused when the account key is wrong: Azurite checks the signature, for a write and for a stat', async () => {
    const w = writer(transport, azurite.serviceUrl, { accountKey: Buffer.from('not the account key').toString('base64') })
    const refused = (key: string) =>
      `Rescue could not write to the target: the write of azure://rescueaccount/archives/${key} was refused with AuthorizationFailure (HTTP 403): the request was not authorized: check 'account-key' and 'account-name'; if they are right, the account's firewall or a disabled 'Allow storage account key access' refuses it. ${TAIL}`
    expect(await w.putWhole('46000071/badkey/archive.mp4', Buffer.from('x'), 'video/mp4')).toStrictEqual({
      ok: false,
      error: refused('46000071/badkey/archive.mp4')
    })
    expect(await w.stat('46000071/badkey/archive.mp4')).toStrictEqual({ ok: false, error: refused('46000071/badkey/archive.mp4') })
    expect((await blob('46000071/badkey/archive.mp4')).status).toBe(404)
  })
})

describe('block IDs', () => {
  it('are six digits in base64: the same width for every block, without +, / or =', () => {
    expect(blockId(0)).toBe('MDAwMDAw')
    expect(blockId(1)).toBe('MDAwMDAx')
    expect(blockId(10)).toBe('MDAwMDEw')
    expect(blockId(9999)).toBe('MDA5OTk5')
    expect(blockId(999_999)).toBe('OTk5OTk5')
    const ids = Array.from({ length: 10_000 }, (_, index) => blockId(index))
    expect(ids.every(id => /^[A-Za-z0-9]{8}$/.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(10_000)
  })
})

describe('the part size', () => {
  it('is 8 MiB, or a 10,000th of the archive rounded up to a MiB when that is larger', () => {
    const w = writer(new Transport())
    expect(w.partSize(83_886_080_000)).toBe(8_388_608)
    expect(w.partSize(83_886_080_001)).toBe(9_437_184)
  })
})

describe('answers Azurite never gives, from a script', () => {
  const KEY = '46000071/scripted/archive.mp4'
  const HOST = 'https://rescueaccount.blob.core.windows.net'

  it('addresses the account’s blob host when no service URL is given, in the domain the target names', async () => {
    const transport = new Scripted(() => ({ status: 201 }))
    await writer(transport).putWhole('46000071/a b/archive.mp4', Buffer.from('x'), 'video/mp4')
    await writer(transport, undefined, { domain: 'core.chinacloudapi.cn' }).putWhole(KEY, Buffer.from('x'), 'video/mp4')
    expect(transport.sent.map(s => s.url)).toStrictEqual([
      `${HOST}/archives/46000071/a%20b/archive.mp4`,
      `https://rescueaccount.blob.core.chinacloudapi.cn/archives/${KEY}`
    ])
  })

  it('dates each request by its clock', async () => {
    const transport = new Scripted(() => ({ status: 201 }))
    await writer(transport, undefined, {}, fixedClock).putWhole(KEY, Buffer.from('x'), 'video/mp4')
    expect(transport.sent[0]!.headers['x-ms-date']).toBe('Tue, 14 Nov 2023 22:13:20 GMT')
  })

  it('takes 412, and 409 BlobAlreadyExists by header or by body, as exists; another 409 is a refusal', async () => {
    const answers: Array<Partial<HttpAnswer>> = [
      { status: 412 },
      { status: 409, headers: { 'x-ms-error-code': 'BlobAlreadyExists' } },
      { status: 409, body: '<Error><Code>BlobAlreadyExists</Code></Error>' },
      { status: 409, headers: { 'x-ms-error-code': 'LeaseIdMissing' } },
      { status: 400, headers: { 'x-ms-error-code': 'BlobAlreadyExists' } },
      { status: 412 }
    ]
    const transport = new Scripted((_request, index) => answers[index]!)
    const w = writer(transport)
    expect(await w.putWhole(KEY, Buffer.from('x'), 'video/mp4')).toStrictEqual({ ok: false, exists: true })
    expect(await w.putWhole(KEY, Buffer.from('x'), 'video/mp4')).toStrictEqual({ ok: false, exists: true })
    expect(await w.putWhole(KEY, Buffer.from('x'), 'video/mp4')).toStrictEqual({ ok: false, exists: true })
    expect(await w.putWhole(KEY, Buffer.from('x'), 'video/mp4')).toStrictEqual({
      ok: false,
      error: `Rescue could not write to the target: the write of azure://rescueaccount/archives/${KEY} was refused with LeaseIdMissing (HTTP 409): the storage service refused the write. ${TAIL}`
    })
    expect(await w.putWhole(KEY, Buffer.from('x'), 'video/mp4')).toStrictEqual({
      ok: false,
      error: `Rescue could not write to the target: the write of azure://rescueaccount/archives/${KEY} was refused with BlobAlreadyExists (HTTP 400): the storage service refused the write. ${TAIL}`
    })
    expect(await (await begun(w, KEY)).commit(1)).toStrictEqual({ ok: false, exists: true })
  })

  it('gives a write answered without an ETag no ETag', async () => {
    const transport = new Scripted(() => ({ status: 201 }))
    expect(await writer(transport).putWhole(KEY, Buffer.from('x'), 'video/mp4')).toStrictEqual({ ok: true })
    expect(await (await begun(writer(transport), KEY)).commit(0)).toStrictEqual({ ok: true })
  })

  it('fails a stat whose answer gives no length, and takes a length without an ETag', async () => {
    const answers: Array<Partial<HttpAnswer>> = [
      { status: 200 },
      { status: 200, headers: { 'content-length': 'many' } },
      { status: 200, headers: { 'content-length': ['12', '13'] } }
    ]
    const transport = new Scripted((_request, index) => answers[index]!)
    const w = writer(transport)
    const noLength = { ok: false, error: `Get Blob Properties of azure://rescueaccount/archives/${KEY} gave no length.` }
    expect(await w.stat(KEY)).toStrictEqual(noLength)
    expect(await w.stat(KEY)).toStrictEqual(noLength)
    expect(await w.stat(KEY)).toStrictEqual({ ok: true, object: { size: 12 } })
  })

  it('names account-name (and domain, when the target sets one) when the host does not resolve', async () => {
    const notFound = () => Object.assign(new Error('getaddrinfo ENOTFOUND rescueaccount.blob.core.windows.net'), { code: 'ENOTFOUND' })
    const transport = new Scripted(notFound)
    expect(await writer(transport).putWhole(KEY, Buffer.from('x'), 'video/mp4')).toStrictEqual({
      ok: false,
      error: `Rescue could not write to the target: could not write azure://rescueaccount/archives/${KEY}: the storage account's host (rescueaccount.blob.core.windows.net) does not resolve: check 'account-name'. The archive stays in the vendor cloud until its deadline.`
    })
    expect(await writer(transport).stat(KEY)).toStrictEqual({
      ok: false,
      error: `Rescue could not write to the target: could not write azure://rescueaccount/archives/${KEY}: the storage account's host (rescueaccount.blob.core.windows.net) does not resolve: check 'account-name'. The archive stays in the vendor cloud until its deadline.`
    })
    expect(await writer(transport, undefined, { domain: 'core.usgovcloudapi.net' }).remove(KEY)).toStrictEqual({
      ok: false,
      error: `Rescue could not write to the target: could not write azure://rescueaccount/archives/${KEY}: the storage account's host (rescueaccount.blob.core.usgovcloudapi.net) does not resolve: check 'account-name' and 'domain'. The archive stays in the vendor cloud until its deadline.`
    })
  })

  it('never quotes the account key a refusal echoes', async () => {
    const transport = new Scripted(() => ({
      status: 403,
      headers: { 'x-ms-error-code': 'AuthenticationFailed' },
      body: `<Error><Code>AuthenticationFailed</Code><Message>key ${ACCOUNT.key} refused</Message></Error>`
    }))
    const written = await writer(transport).putWhole(KEY, Buffer.from('x'), 'video/mp4')
    expect(written.ok).toBe(false)
    expect(!written.ok && !written.exists && written.error).toContain('The service said: "key ')
    expect(JSON.stringify(written)).not.toContain(ACCOUNT.key)
  })

  it('counts the requests sent, retries included', async () => {
    const answers: Array<Partial<HttpAnswer>> = [{ status: 503 }, { status: 201 }, { status: 404 }]
    const transport = new Scripted((_request, index) => answers[index]!)
    const w = makeAzureWriter(
      { type: 'azure', accountName: ACCOUNT.name, accountKey: ACCOUNT.key, container: CONTAINER },
      {
        transport,
        clock: new FakeClock(),
        policy: { maxAttempts: 3, timeoutMs: 30_000 },
        log: { info: () => undefined, debug: () => undefined },
        secrets: []
      }
    )
    expect(await w.putWhole(KEY, Buffer.from('x'), 'video/mp4')).toStrictEqual({ ok: true })
    expect(w.requests()).toBe(2)
    expect(await w.stat(KEY)).toStrictEqual({ ok: true })
    expect(w.requests()).toBe(3)
  })
})
