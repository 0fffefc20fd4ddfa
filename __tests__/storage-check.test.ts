/**
 * The storage check against a scripted S3 service on loopback: the line it writes for each answer
 * to its write and its delete, word for word, and the refusal of a write that got no 2xx.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { Transport } from '../src/http.js'
import type { S3Target } from '../src/plan.js'
import { makeStorageVerifier } from '../src/verify/index.js'
import { FakeClock } from './support/fake-clock.js'
import { s3Plan } from './support/plans.js'

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
const check = (sse: 's3' | 'none' = 's3') => {
  const target: S3Target = { type: 's3', bucket: 'acme', accessKey: 'AK', secretKey: 'check-secret-key-0123', endpoint: url, sse }
  return makeStorageVerifier({ info: () => undefined, debug: () => undefined }, {})(
    s3Plan({ target, maxAttempts: 2 }),
    new Transport(),
    new FakeClock()
  )
}

describe('the storage check', () => {
  it.each([200, 204])('writes, and deletes what it wrote when the delete is answered %d', async status => {
    script = { PUT: { status: 200 }, DELETE: { status } }
    expect(await check()).toEqual({ verified: 'true', summary: `wrote ${where} with SSE-S3 and deleted it` })
  })

  it('passes, with a warning, when the delete is refused or gets no answer', async () => {
    script = { PUT: { status: 200 }, DELETE: { status: 300 } }
    expect(await check('none')).toEqual({
      verified: 'true',
      summary: `wrote ${where}; its delete was refused (HTTP 300)`,
      warnings: [
        `The storage check wrote ${where} but could not delete it (HTTP 300). Archives can be uploaded; the object stays and is overwritten by the next check. Grant delete on that key to have it removed.`
      ]
    })
    script = { PUT: { status: 200 }, DELETE: 'reset' }
    const reset = await check('none')
    expect(reset.verified).toBe('true')
    // the network error itself, as the sender describes it
    expect(reset.summary).toMatch(new RegExp(`^wrote ${where}; its delete was refused \\((ECONNRESET|UND_ERR_SOCKET): `))
  })

  it('fails on a write answered with a status outside 2xx', async () => {
    script = { PUT: { status: 300 } }
    expect(await check()).toMatchObject({ verified: 'false', summary: 'refused: HTTP 300' })
  })

  it("explains a 501 to an encrypted write as a service without SSE, and only with 'sse: s3'", async () => {
    const notImplemented = { status: 501, body: '<Error><Code>NotImplemented</Code><Message>not here</Message></Error>' }
    script = { PUT: notImplemented }
    const encrypted = await check('s3')
    expect(encrypted.error).toContain(
      "The write carried x-amz-server-side-encryption: AES256, as 'sse: s3' asks; a service without server-side encryption (MinIO without KMS, say) refuses it: set 'sse: none' for it."
    )
    const plain = await check('none')
    expect(plain.verified).toBe('false')
    expect(plain.error).not.toContain('x-amz-server-side-encryption')
  })
})
