/**
 * The S3 storage check. As it addresses the real Amazon S3, which no emulator can stand in for, the
 * requests are recorded by a transport that answers like Amazon, so what is checked is the URL and
 * headers the action would send to AWS; against a scripted S3 service on loopback, the line it
 * writes for each answer to its write and its delete, word for word; and a DNS failure on Amazon.
 */
import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Agent } from 'undici'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { Transport, type HttpAnswer } from '../../src/http.js'
import type { S3Target } from '../../src/plan.js'
import { makeStorageVerifier } from '../../src/verify/index.js'
import { listUrl, objectUrl, s3DnsHint } from '../../src/verify/s3.js'
import { FakeClock } from '../support/fake-clock.js'
import { s3Plan } from '../support/plans.js'
import { revealsSecret } from '../support/reveals.js'

const KEY = '46000042/.archive-target-check'

/** Records each request; answers from a script (by default 200 to PUT, 204 to DELETE). */
class AmazonLike extends Transport {
  readonly sent: Array<{ method: string; url: string; headers: Record<string, string>; body: string | undefined }> = []
  constructor(private readonly answerFor: (method: string, url: string) => Partial<HttpAnswer> = () => ({})) {
    super()
  }
  override async once(
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | Buffer | undefined
  ): Promise<HttpAnswer> {
    this.sent.push({ method, url, headers, body: body?.toString() })
    return { status: method === 'PUT' ? 200 : 204, headers: {}, body: '', ...this.answerFor(method, url) }
  }
}

const target = (overrides: Partial<S3Target> = {}): S3Target => ({
  type: 's3',
  bucket: 'acme-archives',
  accessKey: 'AKIAEXAMPLE0001',
  secretKey: 'example/secret+key',
  sse: 's3',
  ...overrides
})

async function check(s3: S3Target, transport: AmazonLike, clock = new FakeClock()) {
  const lines: string[] = []
  const result = await makeStorageVerifier({ info: m => lines.push(m), debug: () => undefined }, {})(
    s3Plan({ target: s3 }),
    transport,
    clock
  )
  return { result, lines }
}

describe('addressing Amazon S3', () => {
  it.each([
    ['acme-archives', 'us-east-1', `https://acme-archives.s3.amazonaws.com/${KEY}`],
    ['acme-archives', 'eu-west-1', `https://acme-archives.s3.eu-west-1.amazonaws.com/${KEY}`],
    ['acme.archives', 'us-east-1', `https://s3.amazonaws.com/acme.archives/${KEY}`],
    ['acme.archives', 'ap-south-1', `https://s3.ap-south-1.amazonaws.com/acme.archives/${KEY}`]
  ])('puts %s in %s at %s', (bucket, region, url) => {
    expect(objectUrl(bucket, 'https://s3.amazonaws.com', region, KEY)).toBe(url)
  })

  it('addresses any other endpoint path-style, encoding the bucket and each key segment', () => {
    expect(objectUrl('acme-archives', 'http://127.0.0.1:9000', 'us-east-1', '46000042/.archive-target-check')).toBe(
      'http://127.0.0.1:9000/acme-archives/46000042/.archive-target-check'
    )
    expect(objectUrl('a b', 'https://minio.acme.example', 'eu-west-1', 'x y/z?')).toBe('https://minio.acme.example/a%20b/x%20y/z%3F')
    expect(objectUrl('b', 'https://minio.acme.example', 'eu-west-1', "it's (a)/!*~-_.")).toBe(
      'https://minio.acme.example/b/it%27s%20%28a%29/%21%2A~-_.'
    )
  })

  it.each([
    ['acme-archives', 'us-east-1', 'https://acme-archives.s3.amazonaws.com/?list-type=2&max-keys=1&prefix=46000042%2Fa%2B1'],
    ['acme-archives', 'eu-west-1', 'https://acme-archives.s3.eu-west-1.amazonaws.com/?list-type=2&max-keys=1&prefix=46000042%2Fa%2B1'],
    ['acme.archives', 'us-east-1', 'https://s3.amazonaws.com/acme.archives?list-type=2&max-keys=1&prefix=46000042%2Fa%2B1'],
    ['acme.archives', 'eu-west-1', 'https://s3.eu-west-1.amazonaws.com/acme.archives?list-type=2&max-keys=1&prefix=46000042%2Fa%2B1']
  ])('lists %s in %s at %s', (bucket, region, url) => {
    expect(listUrl(bucket, 'https://s3.amazonaws.com', region, '46000042/a+1')).toBe(url)
  })

  it('lists path-style at any other endpoint', () => {
    expect(listUrl('acme', 'http://127.0.0.1:9000', 'us-east-1', 'p')).toBe('http://127.0.0.1:9000/acme?list-type=2&max-keys=1&prefix=p')
  })

  it('writes then deletes the check object virtual-hosted at s3.amazonaws.com when no endpoint is given', async () => {
    const amazon = new AmazonLike()
    const { result } = await check(target(), amazon)
    expect(amazon.sent.map(r => [r.method, r.url])).toEqual([
      ['PUT', `https://acme-archives.s3.amazonaws.com/${KEY}`],
      ['DELETE', `https://acme-archives.s3.amazonaws.com/${KEY}`]
    ])
    expect(result).toEqual({ verified: 'true', summary: `wrote s3://acme-archives/${KEY} with SSE-S3 and deleted it` })
  })

  it('signs the PUT for us-east-1 with the payload hash, a text content type and SSE-S3, at the clock’s time', async () => {
    const amazon = new AmazonLike()
    const clock = new FakeClock()
    await check(target(), amazon, clock)
    const put = amazon.sent[0]!
    expect(put.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(put.headers['x-amz-content-sha256']).toBe(
      createHash('sha256')
        .update(put.body ?? '')
        .digest('hex')
    )
    expect(put.headers['x-amz-server-side-encryption']).toBe('AES256')
    expect(put.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/)
    expect(put.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE0001\/\d{8}\/us-east-1\/s3\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-server-side-encryption, Signature=[0-9a-f]{64}$/
    )
    expect(
      Math.abs(
        Date.parse(put.headers['x-amz-date']!.replace(/(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z/, '$1-$2-$3T$4:$5:$6Z')) - clock.now()
      )
    ).toBeLessThan(1500)
    const del = amazon.sent[1]!
    expect(del.headers['x-amz-server-side-encryption']).toBeUndefined()
    expect(del.headers['content-type']).toBeUndefined()
    expect(del.body).toBeUndefined()
  })

  it('sends no SSE header with sse: none, and says nothing of SSE-S3', async () => {
    const amazon = new AmazonLike()
    const { result } = await check(target({ sse: 'none' }), amazon)
    expect(amazon.sent[0]!.headers['x-amz-server-side-encryption']).toBeUndefined()
    expect(amazon.sent[0]!.headers.authorization).toMatch(/SignedHeaders=host;x-amz-content-sha256;x-amz-date,/)
    expect(result.summary).toBe(`wrote s3://acme-archives/${KEY} and deleted it`)
  })

  it('follows the region Amazon names to the regional host, for the write and the delete', async () => {
    const amazon = new AmazonLike((_method, url) =>
      url.includes('.s3.amazonaws.com')
        ? {
            status: 400,
            body: '<Error><Code>AuthorizationHeaderMalformed</Code><Region>eu-west-1</Region></Error>'
          }
        : {}
    )
    const { result, lines } = await check(target(), amazon)
    expect(amazon.sent.map(r => [r.method, r.url, /\/\d{8}\/([^/]+)\/s3\//.exec(r.headers.authorization ?? '')?.[1]])).toEqual([
      ['PUT', `https://acme-archives.s3.amazonaws.com/${KEY}`, 'us-east-1'],
      ['PUT', `https://acme-archives.s3.eu-west-1.amazonaws.com/${KEY}`, 'eu-west-1'],
      ['DELETE', `https://acme-archives.s3.eu-west-1.amazonaws.com/${KEY}`, 'eu-west-1']
    ])
    expect(lines).toEqual(['The bucket is in region eu-west-1; signing again for it.'])
    expect(result.verified).toBe('true')
  })

  it('does not follow a region that is not region-shaped, or the one it signed for', async () => {
    for (const region of ['us-east-1', 'EU WEST', 'eu-west-1/../x']) {
      const amazon = new AmazonLike(() => ({
        status: 400,
        body: `<Error><Code>AuthorizationHeaderMalformed</Code><Region>${region}</Region></Error>`
      }))
      const { result } = await check(target(), amazon)
      expect(amazon.sent).toHaveLength(1)
      expect(result.verified).toBe('false')
    }
  })

  it('takes a success as final even when it names another region, and follows any other answer that does', async () => {
    for (const [status, sent] of [
      [200, 2], // the write and the delete, both in us-east-1
      [299, 2],
      [300, 3], // the write again in eu-west-1, then the delete there
      [199, 3]
    ] as const) {
      const amazon = new AmazonLike((method, url) =>
        method === 'PUT' && url.includes('.s3.amazonaws.com') ? { status, headers: { 'x-amz-bucket-region': 'eu-west-1' } } : {}
      )
      await check(target(), amazon)
      expect([status, amazon.sent.length]).toEqual([status, sent])
    }
  })

  it('puts a dotted bucket path-style on the regional host after a redirect', async () => {
    const amazon = new AmazonLike((_method, url) =>
      url.startsWith('https://s3.amazonaws.com/') ? { status: 301, headers: { 'x-amz-bucket-region': 'ap-south-1' } } : {}
    )
    await check(target({ bucket: 'acme.archives' }), amazon)
    expect(amazon.sent.map(r => r.url)).toEqual([
      `https://s3.amazonaws.com/acme.archives/${KEY}`,
      `https://s3.ap-south-1.amazonaws.com/acme.archives/${KEY}`,
      `https://s3.ap-south-1.amazonaws.com/acme.archives/${KEY}`
    ])
  })

  it('uses the endpoint given, path-style, and never an Amazon host', async () => {
    const amazon = new AmazonLike()
    await check(target({ endpoint: 'https://minio.acme.example' }), amazon)
    expect(amazon.sent.map(r => r.url)).toEqual([
      `https://minio.acme.example/acme-archives/${KEY}`,
      `https://minio.acme.example/acme-archives/${KEY}`
    ])
  })

  it('blames the runner’s DNS for Amazon, and the endpoint for a custom one', () => {
    expect(s3DnsHint(target(), 'https://s3.amazonaws.com', 'eu-west-1')).toMatch(
      /^this runner could not resolve acme-archives\.s3\.eu-west-1\.amazonaws\.com\. Amazon S3 answers for any bucket name/
    )
    expect(s3DnsHint(target({ endpoint: 'https://minio.acme.invalid' }), 'https://minio.acme.invalid', 'us-east-1')).toBe(
      "the host of 'endpoint' (minio.acme.invalid) does not resolve: check 'endpoint'."
    )
  })

  it('warns, and still passes, when the delete is refused', async () => {
    const amazon = new AmazonLike(method =>
      method === 'DELETE' ? { status: 403, body: '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>' } : {}
    )
    const { result } = await check(target(), amazon)
    expect(result).toEqual({
      verified: 'true',
      summary: `wrote s3://acme-archives/${KEY} with SSE-S3; its delete was refused (AccessDenied)`,
      warnings: [
        `The storage check wrote s3://acme-archives/${KEY} but could not delete it (AccessDenied). Archives can be uploaded; the object stays and is overwritten by the next check. Grant delete on that key to have it removed.`
      ]
    })
  })

  it('takes only a 2xx to the delete as done', async () => {
    for (const status of [199, 300]) {
      const amazon = new AmazonLike(method => (method === 'DELETE' ? { status } : {}))
      const { result } = await check(target(), amazon)
      expect(result.summary).toBe(`wrote s3://acme-archives/${KEY} with SSE-S3; its delete was refused (HTTP ${status})`)
    }
  })

  it('names the status of a refused delete without a code', async () => {
    const amazon = new AmazonLike(method => (method === 'DELETE' ? { status: 405 } : {}))
    const { result } = await check(target(), amazon)
    expect(result.summary).toBe(`wrote s3://acme-archives/${KEY} with SSE-S3; its delete was refused (HTTP 405)`)
  })

  it('suggests sse: none when a service refuses the SSE header with 501, and only then', async () => {
    const refusing = new AmazonLike(() => ({ status: 501, body: '<Error><Code>NotImplemented</Code></Error>' }))
    const { result } = await check(target({ endpoint: 'https://minio.acme.example' }), refusing)
    expect(result.error).toContain("set 'sse: none' for it.")
    const without = await check(target({ endpoint: 'https://minio.acme.example', sse: 'none' }), new AmazonLike(() => ({ status: 501 })))
    expect(without.result.error).not.toContain("'sse: none'")
    const forbidden = await check(target({ endpoint: 'https://minio.acme.example' }), new AmazonLike(() => ({ status: 403 })))
    expect(forbidden.result.error).not.toContain("'sse: none'")
  })

  it('needs no check for a delete', async () => {
    const amazon = new AmazonLike()
    const plan = s3Plan({ operation: 'delete' })
    delete (plan as { target?: unknown }).target
    const result = await makeStorageVerifier({ info: () => undefined, debug: () => undefined })(plan, amazon, new FakeClock())
    expect(result).toEqual({ verified: 'skipped', summary: 'not needed for delete' })
    expect(amazon.sent).toEqual([])
  })

  it('never quotes the secret key the service echoes in its refusal', async () => {
    const secret = target().secretKey
    const echoing = new AmazonLike(() => ({
      status: 403,
      body: `<Error><Code>SignatureDoesNotMatch</Code><Message>Signed with ${secret}</Message></Error>`
    }))
    const { result } = await check(target(), echoing)
    expect(result.error).toMatch(
      /^Storage check failed: the write of s3:\/\/acme-archives\/.* was refused with SignatureDoesNotMatch \(HTTP 403\)/
    )
    expect(result.error).toContain('The service said: "Signed with ')
    expect(revealsSecret(result.error!, secret)).toBe(false)
  })
})

describe('the storage check', () => {
  /** What the service answers to each method: a status and a body, or 'reset' to drop the connection. */
  let script: Record<string, { status: number; body?: string } | 'reset'> = {}
  let server: Server
  let url: string
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume()
      const answer = script[req.method ?? ''] ?? { status: 500 }
      if (answer === 'reset') return req.socket.destroy()
      res.writeHead(answer.status, { 'content-type': 'application/xml' })
      res.end(answer.body ?? '')
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))
  beforeEach(() => {
    script = {}
  })

  const where = 's3://acme/46000042/.archive-target-check'
  const checkScripted = (sse: 's3' | 'none' = 's3') => {
    const target: S3Target = { type: 's3', bucket: 'acme', accessKey: 'AK', secretKey: 'check-secret-key-0123', endpoint: url, sse }
    return makeStorageVerifier({ info: () => undefined, debug: () => undefined }, {})(
      s3Plan({ target, maxAttempts: 2 }),
      new Transport(),
      new FakeClock()
    )
  }

  it.each([200, 204])('writes, and deletes what it wrote when the delete is answered %d', async status => {
    script = { PUT: { status: 200 }, DELETE: { status } }
    expect(await checkScripted()).toEqual({ verified: 'true', summary: `wrote ${where} with SSE-S3 and deleted it` })
  })

  it('passes, with a warning, when the delete is refused or gets no answer', async () => {
    script = { PUT: { status: 200 }, DELETE: { status: 300 } }
    expect(await checkScripted('none')).toEqual({
      verified: 'true',
      summary: `wrote ${where}; its delete was refused (HTTP 300)`,
      warnings: [
        `The storage check wrote ${where} but could not delete it (HTTP 300). Archives can be uploaded; the object stays and is overwritten by the next check. Grant delete on that key to have it removed.`
      ]
    })
    script = { PUT: { status: 200 }, DELETE: 'reset' }
    const reset = await checkScripted('none')
    expect(reset.verified).toBe('true')
    // the network error itself, as the sender describes it
    expect(reset.summary).toMatch(new RegExp(`^wrote ${where}; its delete was refused \\((ECONNRESET|UND_ERR_SOCKET): `))
  })

  it('fails on a write answered with a status outside 2xx', async () => {
    script = { PUT: { status: 300 } }
    expect(await checkScripted()).toMatchObject({ verified: 'false', summary: 'refused: HTTP 300' })
  })

  it("explains a 501 to an encrypted write as a service without SSE, and only with 'sse: s3'", async () => {
    const notImplemented = { status: 501, body: '<Error><Code>NotImplemented</Code><Message>not here</Message></Error>' }
    script = { PUT: notImplemented }
    const encrypted = await checkScripted('s3')
    expect(encrypted.error).toContain(
      "The write carried x-amz-server-side-encryption: AES256, as 'sse: s3' asks; a service without server-side encryption (MinIO without KMS, say) refuses it: set 'sse: none' for it."
    )
    const plain = await checkScripted('none')
    expect(plain.verified).toBe('false')
    expect(plain.error).not.toContain('x-amz-server-side-encryption')
  })
})

describe('a DNS failure on Amazon S3', () => {
  it("blames the runner's DNS or network, not the bucket, and names what to do", async () => {
    const failingDns = () =>
      new Agent({
        connect: {
          lookup: (hostname: string, _options: unknown, callback: (error: Error, address: string, family: number) => void) =>
            callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }), '', 4)
        }
      })
    const transport = new Transport(failingDns)
    try {
      const check = await makeStorageVerifier({ info: () => undefined, debug: () => undefined })(
        s3Plan({ maxAttempts: 1 }),
        transport,
        new FakeClock()
      )
      expect(check.verified).toBe('false')
      expect(check.error).toBe(
        "Storage check failed: could not write s3://acme/46000042/.archive-target-check: this runner could not resolve acme.s3.amazonaws.com. Amazon S3 answers for any bucket name, so this is the runner's DNS or network, not 'bucket': check them, set HTTPS_PROXY if the runner must go through a proxy, or give 'verify: false' if it cannot reach the storage. Nothing was sent to the vendor."
      )
    } finally {
      await transport.close()
    }
  })
})
