/** The storage check of either type where the storage host does not resolve: the input to check is named. */
import { describe, expect, it } from 'vitest'
import { Transport } from '../../src/http.js'
import { makeStorageVerifier } from '../../src/verify/index.js'

const account = { name: 'acmearchives', key: Buffer.from('verify-test-account-key-0123456789abcdef').toString('base64') }

describe('a storage host that does not resolve', () => {
  /** Every attempt fails as a lookup of a name that does not exist fails. */
  class UnresolvableTransport extends Transport {
    calls = 0
    override async once(_method: string, url: string): Promise<never> {
      this.calls++
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${new URL(url).hostname}`), { code: 'ENOTFOUND' })
    }
  }
  const log = { info: () => {}, debug: () => {} }
  const clock = { now: () => Date.now(), sleep: async () => {}, random: () => 0 }

  it.each([
    [
      { type: 'azure' as const, accountName: 'acmearchivez', accountKey: account.key, container: 'archives' },
      /host \(acmearchivez\.blob\.core\.windows\.net\) does not resolve: check 'account-name'; the account may not exist\./
    ],
    [
      {
        type: 'azure' as const,
        accountName: 'acmearchivez',
        accountKey: account.key,
        container: 'archives',
        domain: 'core.usgovcloudapi.net'
      },
      /host \(acmearchivez\.blob\.core\.usgovcloudapi\.net\) does not resolve: check 'account-name' and 'domain'; the account may not exist\./
    ],
    [
      {
        type: 's3' as const,
        bucket: 'archives',
        accessKey: 'AK',
        secretKey: 'SKSKSKSK',
        sse: 's3' as const,
        endpoint: 'https://minio.acme.invalid'
      },
      /'endpoint' \(minio\.acme\.invalid\) does not resolve: check 'endpoint'/
    ]
  ])('names the input instead of suggesting verify: false', async (target, hint) => {
    const transport = new UnresolvableTransport()
    const check = await makeStorageVerifier(log)({ ...(await import('../support/plans.js')).s3Plan(), target }, transport, clock)
    expect(check.verified).toBe('false')
    expect(check.error).toMatch(hint)
    expect(check.error).not.toContain('verify: false')
    expect(transport.calls).toBe(1)
  })
})
