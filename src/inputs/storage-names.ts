/**
 * Names judged as the storage services judge them, before any request, so a name the service
 * would refuse is reported against its input instead of surfacing as a DNS or HTTP error.
 */
import { shown } from './findings.js'

/**
 * Amazon S3's bucket naming rules (general purpose buckets):
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
export function amazonBucketProblem(name: string): string | undefined {
  const rules = "Amazon S3 bucket names are 3 to 63 lower-case letters, digits, '.' and '-', start and end with a letter or digit"
  const withEndpoint = " (for an S3-compatible service with other rules, also give 'endpoint')"
  if (name.length < 3 || name.length > 63) return `'bucket' has ${name.length} character${name.length === 1 ? '' : 's'}; ${rules}.`
  if (/^[A-Za-z0-9.-]+$/.test(name) && /[A-Z]/.test(name)) {
    return `'bucket' has upper-case letters, which Amazon S3 bucket names never have; did you mean '${name.toLowerCase()}'?${withEndpoint}`
  }
  const stray = [...new Set(name.match(/[^a-z0-9.-]/g) ?? [])]
  if (stray.length > 0) {
    const listed = stray.slice(0, 5).map(visible)
    // Suggest only what lower-casing and a separator fix give; a name with other letters (é, ü) has no safe guess.
    const suggestion = name
      .toLowerCase()
      .replace(/[\s_]+/g, '-')
      .replace(/^[.-]+|[.-]+$/g, '')
    const hint = /^[a-z0-9.-]{3,63}$/.test(suggestion) ? ` Did you mean '${suggestion}'?` : ''
    return `'bucket' holds ${listed.join(', ')}; ${rules}${withEndpoint}.${hint}`
  }
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) return `'bucket' must start and end with a letter or digit; ${rules}.`
  if (name.includes('..')) return "'bucket' has two adjacent periods ('..'), which Amazon S3 does not allow."
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return "'bucket' looks like an IP address, which Amazon S3 does not allow as a bucket name."
  const prefix = ['xn--', 'sthree-', 'amzn-s3-demo-'].find(p => name.startsWith(p))
  if (prefix) return `'bucket' starts with '${prefix}', which Amazon S3 reserves.`
  const suffix = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'].find(s => name.endsWith(s))
  if (suffix) return `'bucket' ends with '${suffix}', which Amazon S3 reserves for access points and other resources.`
  return undefined
}

/** A character as a message shows it: a space named, an invisible or non-ASCII one as its \\u code. */
function visible(c: string): string {
  if (c === ' ') return "'a space'"
  if (/[\x21-\x7e]/.test(c)) return `'${c}'`
  const code = c.codePointAt(0) ?? 0
  const escaped = `\\u${code.toString(16).padStart(4, '0')}`
  return /\p{L}|\p{N}/u.test(c) ? `'${c}' (${escaped})` : `'${escaped}'`
}

/** With a custom endpoint, only what no S3 service accepts is refused (so `LegacyBucket` on MinIO passes). */
export function compatibleBucketProblem(name: string): string | undefined {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]$/.test(name)) {
    return `'bucket' must be a bucket name: 3 to 255 letters, digits, '.', '_' or '-', starting and ending with a letter or digit; got '${shown(name)}'.`
  }
  return undefined
}

/** Azure storage account names: 3 to 24 lower-case letters and digits. */
export function accountNameProblem(name: string): string | undefined {
  if (/^[a-z0-9]{3,24}$/.test(name)) return undefined
  const hint = /^[A-Za-z0-9]{3,24}$/.test(name) ? ` Did you mean '${name.toLowerCase()}'?` : ''
  return `'account-name' must be a storage account name: 3 to 24 lower-case letters and digits; got '${shown(name)}'.${hint}`
}

/**
 * Azure container names: 3 to 63 lower-case letters, digits and '-', starting with a letter or
 * digit, every '-' between letters or digits; `$root` and `$web` are the special containers.
 * https://learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata
 */
export function containerProblem(name: string): string | undefined {
  if (name === '$root' || name === '$web') return undefined
  if (/^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/.test(name)) return undefined
  const hint = /^[A-Za-z0-9-]{3,63}$/.test(name) && /[A-Z]/.test(name) ? ` Did you mean '${name.toLowerCase()}'?` : ''
  return `'container' must be a container name: 3 to 63 lower-case letters, digits and single '-', starting and ending with a letter or digit; got '${shown(name)}'.${hint}`
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

/**
 * The Azure domain the action puts after `{account}.blob.`: given as `core.windows.net`, as
 * `blob.core.windows.net`, as the account's blob host or as a URL, it is read as `core.windows.net`.
 */
export function readAzureDomain(value: string, accountName: string | undefined): { domain?: string; problem?: string; notice?: string } {
  let domain = value
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/\/+$/, '')
  if (accountName !== undefined && domain.startsWith(`${accountName}.blob.`)) domain = domain.slice(accountName.length + 1)
  // Whatever stands before a '.blob.' label is some account's blob host, even a name no account can have.
  const otherAccount = accountName === undefined ? undefined : /^(.+?)\.blob\./.exec(domain)?.[1]
  if (otherAccount !== undefined) {
    // Another account's blob host: read as a domain, it would send archives to {account}.blob.{that host}.
    return {
      problem: `'domain' '${shown(value)}' is the blob host of the storage account '${otherAccount}', not of 'account-name' '${accountName}'. Give the domain alone, such as 'core.windows.net', or fix 'account-name'.`
    }
  }
  if (domain.startsWith('blob.')) domain = domain.slice('blob.'.length)
  if (!DOMAIN.test(domain)) {
    return {
      problem:
        "'domain' must be the Azure domain of the storage account, such as 'core.windows.net' or 'core.usgovcloudapi.net' (the action adds '{account-name}.blob.'), or empty for the public Azure cloud."
    }
  }
  const notice =
    domain === value
      ? undefined
      : `'domain' '${shown(value)}' is read as '${domain}': archives go to https://{account-name}.blob.${domain}.`
  return { domain, ...(notice === undefined ? {} : { notice }) }
}
