/** The second round of hardening in process: each rule at the line that holds it. */
import { Agent } from 'undici'
import { describe, expect, it } from 'vitest'
import { describeWait, isRetryableStatus, Transport } from '../src/http.js'
import { amazonBucketProblem } from '../src/inputs/storage-names.js'
import { INPUT_LIMITS, overlongInputs } from '../src/inputs/limits.js'
import { proxyProblems } from '../src/proxy.js'
import { secretInputOf } from '../src/sources/config-file.js'
import { isCertificatePath } from '../src/sources/settings.js'
import { makeStorageVerifier } from '../src/verify/index.js'
import { parseStorageError } from '../src/verify/storage-error.js'
import { FakeClock } from './support/fake-clock.js'
import { s3Plan } from './support/plans.js'
import { actionInputs } from './support/run-action.js'

describe('retries', () => {
  it('never retries 501 or 505, which say the request itself cannot work there', () => {
    expect([408, 429, 500, 502, 503, 504, 599].map(isRetryableStatus)).toEqual([true, true, true, true, true, true, true])
    expect([400, 401, 403, 404, 501, 505].map(isRetryableStatus)).toEqual([false, false, false, false, false, false])
  })

  it('says what Retry-After asked and what the action waits', () => {
    expect(describeWait(1234, undefined)).toBe('retrying in 1.2 s')
    expect(describeWait(30_000, 120_000)).toBe('Retry-After asked 120 s; waiting the 30 s maximum')
    expect(describeWait(5000, 5000)).toBe('retrying in 5.0 s as Retry-After asks')
  })
})

describe('limits', () => {
  it('has a limit for every input of action.yml, and only for those', () => {
    expect(Object.keys(INPUT_LIMITS).sort()).toEqual(Object.keys(actionInputs()).sort())
  })

  it('names each over-long input with its limit, echoing the start of a plain value and nothing of a secret', () => {
    const values: Record<string, string> = { project: 'x'.repeat(65), 'account-key': 'k'.repeat(1025), bucket: 'b'.repeat(255) }
    expect(overlongInputs(name => values[name] ?? '')).toEqual([
      { input: 'project', message: `'project' is 65 characters long, starting '${'x'.repeat(40)}…'; it takes at most 64.` },
      { input: 'account-key', message: "'account-key' is 1025 characters long; it takes at most 1024." }
    ])
  })

  it('counts a value without the spaces around it, as it is read', () => {
    expect(overlongInputs(name => (name === 'timeout-seconds' ? `  ${'3'.repeat(16)}  ` : ''))).toEqual([])
    expect(overlongInputs(name => (name === 'timeout-seconds' ? ` ${'3'.repeat(17)} ` : ''))).toEqual([
      { input: 'timeout-seconds', message: `'timeout-seconds' is 17 characters long, starting '${'3'.repeat(17)}'; it takes at most 16.` }
    ])
  })

  it('takes a private key in api-secret, as the OpenTok SDKs pass an application key', () => {
    expect(overlongInputs(name => (name === 'api-secret' ? 'p'.repeat(3000) : ''))).toEqual([])
  })
})

describe('secret settings in the file', () => {
  it.each([
    ['secret-key', 'secret-key'],
    ['secret_key', 'secret-key'],
    ['SecretKey', 'secret-key'],
    ['SECRET_ACCESS_KEY', 'secret-key'],
    ['apiSecret', 'api-secret'],
    ['private_key', 'private-key'],
    ['PrivateKey', 'private-key'],
    ['accountKey', 'account-key'],
    ['github_token', 'github-token'],
    ['secretAccessKey', 'secret-key'],
    ['aws_secret_access_key', 'secret-key'],
    ['AWS-Secret-Access-Key', 'secret-key'],
    ['storageKey', 'account-key'],
    ['storage key', 'account-key'],
    ['GITHUB TOKEN', 'github-token'],
    ['api-secret', 'api-secret'],
    ['private-key', 'private-key']
  ])('reads %s as the input %s', (spelling, input) => expect(secretInputOf(spelling)).toBe(input))

  it.each(['access-key', 'accessKey', 'bucket', 'api-key', 'key', 'secret'])('does not take %s for a secret', setting =>
    expect(secretInputOf(setting)).toBeUndefined()
  )
})

describe('certificate paths', () => {
  it.each(['certs/archive', 'certs/archive.pem', 'archive.crt', '/home/runner/work/repo/certs/a.pem', './certs/a'])(
    'reads %s as a path',
    value => expect(isCertificatePath(value)).toBe(true)
  )

  it.each([
    '',
    'none',
    '-----BEGIN CERTIFICATE-----\nMIIB',
    'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUIvd2F3',
    `${'A'.repeat(600)}/x.pem`,
    'a b.pem',
    'MIIB\\nabc.pem'
  ])('does not read %j as a path', value => expect(isCertificatePath(value)).toBe(false))
})

describe('proxy variables', () => {
  it('names a variable no proxy URL can be read from', () => {
    expect(
      proxyProblems({ HTTPS_PROXY: 'not a url', http_proxy: 'http://proxy.example:3128', HTTP_PROXY: 'ftp://x' }).map(p => p.input)
    ).toEqual(['HTTPS_PROXY', 'HTTP_PROXY'])
    expect(proxyProblems({ HTTPS_PROXY: 'user:pass@proxy.example:3128' })).toEqual([])
    expect(proxyProblems({})).toEqual([])
  })
})

describe('bucket names typed as people type them', () => {
  it('suggests only lower-casing and separator fixes', () => {
    expect(amazonBucketProblem('Acme_Archives')).toContain("Did you mean 'acme-archives'?")
    expect(amazonBucketProblem('acme archives')).toContain("'a space'")
    expect(amazonBucketProblem('tríal-bücket')).not.toContain('Did you mean')
    expect(amazonBucketProblem('tríal-bücket')).toContain("'í' (\\u00ed), 'ü' (\\u00fc)")
    expect(amazonBucketProblem('acme\u200barchives')).toContain("'\\u200b'")
  })
})

describe('storage errors', () => {
  it("reads the service's message only when it is one printable line", () => {
    const body = (message: string) => `<Error><Code>NotImplemented</Code><Message>${message}</Message></Error>`
    expect(parseStorageError(body('A header you provided implies functionality that is not implemented'), {})).toEqual({
      code: 'NotImplemented',
      message: 'A header you provided implies functionality that is not implemented'
    })
    expect(parseStorageError(body('x &amp; y &lt;z&gt;'), {}).message).toBe('x & y <z>')
    expect(parseStorageError(body('two\nlines'), {}).message).toBeUndefined()
    expect(parseStorageError(body('::error::injected'), {}).message).toBe('::error::injected')
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
