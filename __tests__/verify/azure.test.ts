/**
 * The Azure storage check, its requests recorded by a transport that answers like the service: the
 * blob host, the headers it signs, and the account key never quoted.
 */
import { describe, expect, it } from 'vitest'
import { Transport, type HttpAnswer } from '../../src/http.js'
import { makeStorageVerifier } from '../../src/verify/index.js'
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

describe('the Azure check', () => {
  const accountKey = Buffer.from('azure-account-key-for-the-check-0123').toString('base64')
  const azure = { type: 'azure' as const, accountName: 'acmearchives', accountKey, container: 'archives' }

  it('puts then deletes the blob at the account’s blob host, and never quotes the account key the service echoes', async () => {
    const ok = new AmazonLike(method => (method === 'PUT' ? { status: 201 } : { status: 202 }))
    const passed = await makeStorageVerifier({ info: () => undefined, debug: () => undefined }, {})(
      s3Plan({ target: azure }),
      ok,
      new FakeClock()
    )
    expect(ok.sent.map(r => [r.method, r.url])).toEqual([
      ['PUT', `https://acmearchives.blob.core.windows.net/archives/${KEY}`],
      ['DELETE', `https://acmearchives.blob.core.windows.net/archives/${KEY}`]
    ])
    expect(passed).toEqual({ verified: 'true', summary: `wrote azure://acmearchives/archives/${KEY} and deleted it` })
    const [put, del] = ok.sent
    expect(put!.headers).toMatchObject({
      'x-ms-version': '2021-12-02',
      'x-ms-blob-type': 'BlockBlob',
      'Content-Type': 'text/plain; charset=utf-8',
      Authorization: expect.stringMatching(/^SharedKey acmearchives:[A-Za-z0-9+/]{43}=$/)
    })
    expect(new Date(put!.headers['x-ms-date']!).toUTCString()).toBe(put!.headers['x-ms-date'])
    expect(Object.keys(del!.headers).sort()).toEqual(['Authorization', 'x-ms-date', 'x-ms-version'])
    expect(del!.body).toBeUndefined()
    const echoing = new AmazonLike(() => ({
      status: 403,
      headers: { 'x-ms-error-code': 'AuthenticationFailed' },
      body: `<Error><Code>AuthenticationFailed</Code><Message>key ${accountKey} refused</Message></Error>`
    }))
    const refused = await makeStorageVerifier({ info: () => undefined, debug: () => undefined }, {})(
      s3Plan({ target: azure }),
      echoing,
      new FakeClock()
    )
    expect(refused.error).toMatch(/refused with AuthenticationFailed \(HTTP 403\): the account key was refused/)
    expect(revealsSecret(refused.error!, accountKey)).toBe(false)
  })

  it('uses the domain given, and names it for a host that does not resolve', async () => {
    const ok = new AmazonLike(method => (method === 'PUT' ? { status: 201 } : { status: 202 }))
    await makeStorageVerifier({ info: () => undefined, debug: () => undefined }, {})(
      s3Plan({ target: { ...azure, domain: 'core.usgovcloudapi.net' } }),
      ok,
      new FakeClock()
    )
    expect(ok.sent[0]!.url).toBe(`https://acmearchives.blob.core.usgovcloudapi.net/archives/${KEY}`)
  })
})
