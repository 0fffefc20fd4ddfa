/**
 * A storage request that got no 2xx, turned into one message that names the input or permission to
 * check; the storage secret never reaches it.
 */
import { describe, expect, it } from 'vitest'
import { storageRefusal, type RefusalWording } from '../../src/verify/refusal.js'
import { revealsSecret } from '../support/reveals.js'

const xml = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${inner}</Error>`

describe('storageRefusal', () => {
  const wording: RefusalWording = { failed: 'Storage check failed', tail: 'Nothing was sent.', dnsTail: 'Nothing was sent (DNS).' }
  const secret = 'stor/age+secret/0123456789abcdef'
  const where = 's3://archives/46000042/.archive-target-check'

  it('is undefined for any 2xx', () => {
    for (const status of [200, 201, 204, 299])
      expect(storageRefusal('write', where, { status, headers: {}, body: '' }, undefined, [secret], 'dns', wording)).toBeUndefined()
  })

  it('refuses the answers on either side of 2xx', () => {
    for (const status of [199, 300])
      expect(storageRefusal('write', where, { status, headers: {}, body: '' }, undefined, [secret], 'dns', wording)?.summary).toBe(
        `refused: HTTP ${status}`
      )
  })

  it('names the code, the status, the hint and what the service said, without the secret it quoted', () => {
    const answer = {
      status: 403,
      headers: {},
      body: xml(`<Code>SignatureDoesNotMatch</Code><Message>Signed with ${secret} but expected another</Message>`)
    }
    const refused = storageRefusal('write', where, answer, undefined, [secret], 'dns', wording)
    expect(refused?.verified).toBe('false')
    expect(refused?.summary).toBe('refused: SignatureDoesNotMatch (HTTP 403)')
    expect(refused?.error).toMatch(
      /^Storage check failed: the write of s3:\/\/archives\/46000042\/\.archive-target-check was refused with SignatureDoesNotMatch \(HTTP 403\): the secret key does not belong to the access key: check 'secret-key'\. The service said: "Signed with .* but expected another"\. Nothing was sent\.$/
    )
    expect(revealsSecret(refused!.error!, secret)).toBe(false)
  })

  it('names the status alone when there is no code, and adds the caller’s own explanation', () => {
    const refused = storageRefusal('list', where, { status: 501, headers: {}, body: '' }, undefined, [], 'dns', wording, (code, status) =>
      code === undefined && status === 501 ? 'Set sse: none.' : undefined
    )
    expect(refused?.summary).toBe('refused: HTTP 501')
    expect(refused?.error).toBe(
      `Storage check failed: the list of ${where} was refused with HTTP 501: the storage service refused the list. Set sse: none. Nothing was sent.`
    )
  })

  it('blames the name for ENOTFOUND, and the network for anything else, without the secret', () => {
    expect(storageRefusal('write', where, undefined, 'ENOTFOUND: getaddrinfo', [secret], "check 'endpoint'.", wording)).toEqual({
      verified: 'false',
      summary: 'refused: the storage host does not exist (ENOTFOUND)',
      error: `Storage check failed: could not write ${where}: check 'endpoint'. Nothing was sent (DNS).`
    })
    const unreachable = storageRefusal('write', where, undefined, `ECONNRESET at https://x/?sig=${secret}`, [secret], 'dns', wording)
    expect(unreachable?.summary).toMatch(/^could not reach the storage: ECONNRESET at https:\/\/x\/\?sig=/)
    expect(revealsSecret(unreachable!.summary, secret)).toBe(false)
    expect(unreachable?.verified).toBe('false')
    expect(unreachable?.error).toMatch(
      /^Storage check failed: could not write .*: ECONNRESET at https:\/\/x\/\?sig=.*\. Nothing was sent\.$/
    )
    expect(revealsSecret(unreachable!.error!, secret)).toBe(false)
    expect(storageRefusal('write', where, undefined, undefined, [], 'dns', wording)?.error).toBe(
      `Storage check failed: could not write ${where}: no answer. Nothing was sent.`
    )
  })

  it('blames the proxy, not the storage host, when the proxy’s own name does not resolve', () => {
    const failure = 'could not reach the proxy proxy.corp.invalid:3128 (ENOTFOUND)'
    expect(storageRefusal('write', where, undefined, failure, [], "check 'endpoint'.", wording)).toEqual({
      verified: 'false',
      summary: `could not reach the storage: ${failure}`,
      error: `Storage check failed: could not write ${where}: ${failure}. Nothing was sent.`
    })
  })
})
