/**
 * The storage names as users type them, and the exact message each wrong one gets: the rule, the
 * character at fault, and a suggestion only where lower-casing or a separator gives a valid name.
 */
import { describe, expect, it } from 'vitest'
import {
  accountNameProblem,
  amazonBucketProblem,
  compatibleBucketProblem,
  containerProblem,
  readAzureDomain
} from '../src/inputs/storage-names.js'

const RULES = "Amazon S3 bucket names are 3 to 63 lower-case letters, digits, '.' and '-', start and end with a letter or digit"
const WITH_ENDPOINT = " (for an S3-compatible service with other rules, also give 'endpoint')"

describe('Amazon S3 bucket names', () => {
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
