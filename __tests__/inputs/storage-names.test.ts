/**
 * The storage names as users type them, judged as the services judge them: the exact message each
 * wrong one gets (the rule, the character at fault, and a suggestion only where lower-casing or a
 * separator gives a valid name), properties of the rules, and the Azure domain, which goes into the
 * storage host and so must be a domain and nothing more.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readPlan, type PlanResult } from '../../src/inputs/index.js'
import {
  accountNameProblem,
  amazonBucketProblem,
  compatibleBucketProblem,
  containerProblem,
  readAzureDomain
} from '../../src/inputs/storage-names.js'

const RULES = "Amazon S3 bucket names are 3 to 63 lower-case letters, digits, '.' and '-', start and end with a letter or digit"
const WITH_ENDPOINT = " (for an S3-compatible service with other rules, also give 'endpoint')"

describe('Amazon S3 bucket names, message by message', () => {
  it.each([
    ['a', `'bucket' has 1 character; ${RULES}.`],
    ['ab', `'bucket' has 2 characters; ${RULES}.`],
    ['a'.repeat(64), `'bucket' has 64 characters; ${RULES}.`],
    [
      'Acme.Archives',
      `'bucket' has upper-case letters, which Amazon S3 bucket names never have; did you mean 'acme.archives'?${WITH_ENDPOINT}`
    ],
    ['acme_archives', `'bucket' holds '_'; ${RULES}${WITH_ENDPOINT}. Did you mean 'acme-archives'?`],
    ['Acme Archives 2026', `'bucket' holds 'A', 'a space'; ${RULES}${WITH_ENDPOINT}. Did you mean 'acme-archives-2026'?`],
    ['acme _ archives', `'bucket' holds 'a space', '_'; ${RULES}${WITH_ENDPOINT}. Did you mean 'acme-archives'?`],
    ['_acme_', `'bucket' holds '_'; ${RULES}${WITH_ENDPOINT}. Did you mean 'acme'?`],
    ['__acme..--', `'bucket' holds '_'; ${RULES}${WITH_ENDPOINT}. Did you mean 'acme'?`],
    ['-.acme_', `'bucket' holds '_'; ${RULES}${WITH_ENDPOINT}. Did you mean 'acme'?`],
    ['a_b', `'bucket' holds '_'; ${RULES}${WITH_ENDPOINT}. Did you mean 'a-b'?`],
    ['a__', `'bucket' holds '_'; ${RULES}${WITH_ENDPOINT}.`],
    ['acme/archives', `'bucket' holds '/'; ${RULES}${WITH_ENDPOINT}.`],
    ['ab_cd!ef#gh$ij%kl', `'bucket' holds '_', '!', '#', '$', '%'; ${RULES}${WITH_ENDPOINT}.`],
    ['ab_cd!ef#gh$ij%kl&m', `'bucket' holds '_', '!', '#', '$', '%'; ${RULES}${WITH_ENDPOINT}.`],
    ['tríal', `'bucket' holds 'í' (\\u00ed); ${RULES}${WITH_ENDPOINT}.`],
    ['acme\u200barchives', `'bucket' holds '\\u200b'; ${RULES}${WITH_ENDPOINT}.`],
    ['-acme', `'bucket' must start and end with a letter or digit; ${RULES}.`],
    ['acme.', `'bucket' must start and end with a letter or digit; ${RULES}.`],
    ['acme..archives', "'bucket' has two adjacent periods ('..'), which Amazon S3 does not allow."],
    ['192.168.5.4', "'bucket' looks like an IP address, which Amazon S3 does not allow as a bucket name."],
    ['xn--acme', "'bucket' starts with 'xn--', which Amazon S3 reserves."],
    ['sthree-acme', "'bucket' starts with 'sthree-', which Amazon S3 reserves."],
    ['amzn-s3-demo-acme', "'bucket' starts with 'amzn-s3-demo-', which Amazon S3 reserves."],
    ['acme-s3alias', "'bucket' ends with '-s3alias', which Amazon S3 reserves for access points and other resources."],
    ['acme--ol-s3', "'bucket' ends with '--ol-s3', which Amazon S3 reserves for access points and other resources."],
    ['acme.mrap', "'bucket' ends with '.mrap', which Amazon S3 reserves for access points and other resources."],
    ['acme--x-s3', "'bucket' ends with '--x-s3', which Amazon S3 reserves for access points and other resources."],
    ['acme--table-s3', "'bucket' ends with '--table-s3', which Amazon S3 reserves for access points and other resources."]
  ])('refuses %j, saying why', (name, message) => {
    expect(amazonBucketProblem(name)).toBe(message)
  })

  it.each(['192.168.5.4.archives', 'archives.192.168.5.4', '1.2.3', 'acme-s3', 'my-xn--acme', 'sthree', 'acme.mrap.archive'])(
    'accepts %j, which only looks like a reserved or IP form',
    name => {
      expect(amazonBucketProblem(name)).toBeUndefined()
    }
  )
})

describe('bucket names with a custom endpoint', () => {
  it.each(['LegacyBucket', 'legacy_bucket', 'a.b', 'A'.repeat(255)])('accepts %j', name => {
    expect(compatibleBucketProblem(name)).toBeUndefined()
  })
  it.each(['ab', '_ab', 'ab_', 'A'.repeat(256), 'has space', 'a/b'])('refuses %j', name => {
    const shownName = name.length > 40 ? `${name.slice(0, 40)}…` : name
    expect(compatibleBucketProblem(name)).toBe(
      `'bucket' must be a bucket name: 3 to 255 letters, digits, '.', '_' or '-', starting and ending with a letter or digit; got '${shownName}'.`
    )
  })
})

describe('Azure storage account names', () => {
  const rule = "'account-name' must be a storage account name: 3 to 24 lower-case letters and digits; got"
  it.each([
    ['AcmeStorage', `${rule} 'AcmeStorage'. Did you mean 'acmestorage'?`],
    ['ACME', `${rule} 'ACME'. Did you mean 'acme'?`],
    ['Ab', `${rule} 'Ab'.`],
    [`A${'b'.repeat(24)}`, `${rule} 'A${'b'.repeat(24)}'.`],
    ['x.AcmeStorage', `${rule} 'x.AcmeStorage'.`],
    ['AcmeStorage.x', `${rule} 'AcmeStorage.x'.`],
    ['acme-storage', `${rule} 'acme-storage'.`]
  ])('refuses %j', (name, message) => {
    expect(accountNameProblem(name)).toBe(message)
  })
})

describe('Azure container names', () => {
  const rule =
    "'container' must be a container name: 3 to 63 lower-case letters, digits and single '-', starting and ending with a letter or digit; got"
  it.each([
    ['Archives', `${rule} 'Archives'. Did you mean 'archives'?`],
    ['Video-Archives', `${rule} 'Video-Archives'. Did you mean 'video-archives'?`],
    ['a--b', `${rule} 'a--b'.`],
    ['Ab', `${rule} 'Ab'.`],
    ['A'.repeat(64), `${rule} '${'A'.repeat(40)}…'.`],
    ['x.Archives', `${rule} 'x.Archives'.`],
    ['Archives.x', `${rule} 'Archives.x'.`],
    ['Arch_ives', `${rule} 'Arch_ives'.`],
    ['ab-', `${rule} 'ab-'.`]
  ])('refuses %j', (name, message) => {
    expect(containerProblem(name)).toBe(message)
  })
})

describe('the Azure domain', () => {
  const problem =
    "'domain' must be the Azure domain of the storage account, such as 'core.windows.net' or 'core.usgovcloudapi.net' (the action adds '{account-name}.blob.'), or empty for the public Azure cloud."

  it('takes the domain as it is, with no notice', () => {
    expect(readAzureDomain('core.windows.net', 'acmestorage')).toEqual({ domain: 'core.windows.net' })
  })

  it.each([
    ['https://core.chinacloudapi.cn//', 'core.chinacloudapi.cn'],
    ['acmestorage.blob.core.windows.net', 'core.windows.net'],
    ['blob.core.usgovcloudapi.net', 'core.usgovcloudapi.net']
  ])('reads %j as %j, and says so', (given, domain) => {
    expect(readAzureDomain(given, 'acmestorage')).toEqual({
      domain,
      notice: `'domain' '${given}' is read as '${domain}': archives go to https://{account-name}.blob.${domain}.`
    })
  })

  it("refuses another account's blob host, naming both accounts", () => {
    const given = 'https://otherstorage.blob.core.windows.net/'
    expect(readAzureDomain(given, 'acmestorage')).toEqual({
      problem: `'domain' '${given.slice(0, 40)}…' is the blob host of the storage account 'otherstorage', not of 'account-name' 'acmestorage'. Give the domain alone, such as 'core.windows.net', or fix 'account-name'.`
    })
    expect(readAzureDomain('otherstorage.blob.core.windows.net', 'acmestorage').problem).toMatch(
      /^'domain' 'otherstorage\.blob\.core\.windows\.net' is the blob host of the storage account 'otherstorage'/
    )
    // a blob host whose first label no account can have is still no domain
    expect(readAzureDomain('other-storage.blob.core.windows.net', 'acmestorage').problem).toMatch(
      /^'domain' 'other-storage\.blob\.core\.windows\.net' is the blob host of the storage account 'other-storage'/
    )
    expect(readAzureDomain('archives.acme.blob.core.windows.net', 'acmestorage').problem).toMatch(
      /is the blob host of the storage account 'archives\.acme', not of 'account-name' 'acmestorage'\./
    )
  })

  it('keeps a blob host whole when the account name is not known (it was refused on its own)', () => {
    expect(readAzureDomain('acmestorage.blob.core.windows.net', undefined)).toEqual({ domain: 'acmestorage.blob.core.windows.net' })
  })

  it('removes a scheme only at the start', () => {
    expect(readAzureDomain('core.windows.net/https://x', 'acmestorage')).toEqual({ problem })
  })

  it.each(['core windows net', 'localhost', 'x@evil.example/core.windows.net', 'core.windows.net/path'])('refuses %j', given => {
    expect(readAzureDomain(given, 'acmestorage')).toEqual({ problem })
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

const now = new Date('2026-11-27T12:00:00Z')
const project = { 'api-key': '46000042', 'api-secret': 'api-secret-value' }
const s3 = { ...project, bucket: 'acme-archives', 'access-key': 'AKIA01', 'secret-key': 'secret/key+1' }
const azure = { ...project, type: 'azure', 'account-name': 'acmestorage', 'account-key': 'a2V5', container: 'archives' }

const plan = (inputs: Record<string, string>): PlanResult => readPlan(name => inputs[name] ?? '', now)
const problemsOf = (inputs: Record<string, string>): string[] => {
  const result = plan(inputs)
  return result.ok ? [] : result.problems.map(p => p.input)
}

describe('Amazon S3 bucket names, rule by rule and through readPlan', () => {
  it.each([
    ['LegacyBucket', /upper-case letters.*did you mean 'legacybucket'/],
    ['ab', /has 2 characters/],
    ['a'.repeat(64), /has 64 characters/],
    ['acme_archives', /holds '_'/],
    ['acme archives', /holds 'a space'.*Did you mean 'acme-archives'/],
    ['-acme', /start and end with a letter or digit/],
    ['acme.', /start and end with a letter or digit/],
    ['acme..archives', /two adjacent periods/],
    ['192.168.5.4', /IP address/],
    ['xn--acme', /starts with 'xn--'/],
    ['sthree-acme', /starts with 'sthree-'/],
    ['acme-s3alias', /ends with '-s3alias'/],
    ['acme--ol-s3', /ends with '--ol-s3'/]
  ])('refuses %j', (name, reason) => {
    expect(amazonBucketProblem(name)).toMatch(reason)
    expect(problemsOf({ ...s3, bucket: name })).toEqual(['bucket'])
  })

  it.each(['acme-archives', 'a.b.c', 'abc', '1acme', 'a'.repeat(63), 'acme.archives-2026'])('accepts %j', name => {
    expect(amazonBucketProblem(name)).toBeUndefined()
  })

  it('with a custom endpoint refuses only what no S3 service allows', () => {
    expect(problemsOf({ ...s3, bucket: 'LegacyBucket', endpoint: 'https://minio.example.com' })).toEqual([])
    expect(problemsOf({ ...s3, bucket: 'legacy_bucket', endpoint: 'https://minio.example.com' })).toEqual([])
    expect(problemsOf({ ...s3, bucket: 'has space', endpoint: 'https://minio.example.com' })).toEqual(['bucket'])
    expect(problemsOf({ ...s3, bucket: 'a/b', endpoint: 'https://minio.example.com' })).toEqual(['bucket'])
  })

  it('property: a name Amazon accepts is accepted by the lenient rules too, and is lower case', () => {
    const char = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCZ0123456789.-_ '.split(''))
    fc.assert(
      fc.property(fc.array(char, { minLength: 1, maxLength: 70 }), chars => {
        const name = chars.join('')
        if (amazonBucketProblem(name) === undefined) {
          expect(compatibleBucketProblem(name)).toBeUndefined()
          expect(name).toBe(name.toLowerCase())
          expect(name.length).toBeGreaterThanOrEqual(3)
          expect(name.length).toBeLessThanOrEqual(63)
          expect(name).not.toContain('..')
          expect(name).toMatch(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/)
        }
      }),
      { numRuns: 2000 }
    )
  })
})

describe('Azure names', () => {
  it.each(['AcmeStorage', 'ab', 'a'.repeat(25), 'acme-storage'])('refuses the account name %j', name => {
    expect(accountNameProblem(name)).toMatch(/^'account-name' must be/)
  })
  it('suggests the lower-case account name', () => {
    expect(accountNameProblem('AcmeStorage')).toContain("Did you mean 'acmestorage'?")
  })
  it.each(['Archives', 'a--b', '-ab', 'ab-', 'ab', 'a'.repeat(64), 'arch_ives'])('refuses the container %j', name => {
    expect(containerProblem(name)).toMatch(/^'container' must be/)
  })
  it.each(['archives', 'a-b-c', 'abc', '1ab', 'a'.repeat(63), '$root', '$web'])('accepts the container %j', name => {
    expect(containerProblem(name)).toBeUndefined()
  })
  it('property: an accepted container name has no upper case, no "--" and no edge hyphen', () => {
    const char = fc.constantFrom(...'abcXYZ019-_'.split(''))
    fc.assert(
      fc.property(fc.array(char, { minLength: 1, maxLength: 66 }), chars => {
        const name = chars.join('')
        if (containerProblem(name) === undefined) expect(name).toMatch(/^[a-z0-9]([a-z0-9]|-(?=[a-z0-9])){2,62}$/)
      }),
      { numRuns: 2000 }
    )
  })

  it.each([
    ['core.windows.net', 'core.windows.net'],
    ['blob.core.windows.net', 'core.windows.net'],
    ['BLOB.core.usgovcloudapi.net', 'core.usgovcloudapi.net'],
    ['https://core.chinacloudapi.cn/', 'core.chinacloudapi.cn'],
    ['https://acmestorage.blob.core.windows.net', 'core.windows.net']
  ])('reads the domain %j as %j, never as blob.blob', (given, domain) => {
    expect(readAzureDomain(given, 'acmestorage').domain).toBe(domain)
    const result = plan({ ...azure, domain: given })
    expect(result.ok && result.plan.target?.type === 'azure' && result.plan.target.domain).toBe(domain)
    if (given !== domain) expect(result.notices.join()).toContain(`read as '${domain}'`)
  })
})

describe('the Azure domain goes into the storage host, so it must be a domain and nothing more', () => {
  it.each([
    'x@evil.example/core.windows.net',
    'evil.example/core.windows.net',
    'core.windows.net/evil',
    'core.windows.net.evil.example:443/x',
    'core.windows.net?x=1',
    'core windows net',
    '-core.windows.net',
    'core.windows.n3t'
  ])('refuses %j', domain => {
    expect(readAzureDomain(domain, 'acmestorage')).toEqual({
      problem:
        "'domain' must be the Azure domain of the storage account, such as 'core.windows.net' or 'core.usgovcloudapi.net' (the action adds '{account-name}.blob.'), or empty for the public Azure cloud."
    })
  })

  it('reads a URL, the blob host or the account host as the domain, and says so', () => {
    expect(readAzureDomain('https://acme.blob.core.cloudapi.de/', 'acme')).toEqual({
      domain: 'core.cloudapi.de',
      notice:
        "'domain' 'https://acme.blob.core.cloudapi.de/' is read as 'core.cloudapi.de': archives go to https://{account-name}.blob.core.cloudapi.de."
    })
    expect(readAzureDomain('Blob.Core.Windows.Net', 'acme').domain).toBe('core.windows.net')
    expect(readAzureDomain('core.chinacloudapi.cn', 'acmestorage')).toEqual({ domain: 'core.chinacloudapi.cn' })
  })
})
