/**
 * Looks in the target for what the vendor wrote under one prefix, `{project id}/{archive id}/`,
 * with the storage credentials the vendor was given: on S3 a ListObjectsV2 of one key (only
 * s3:ListBucket, which the vendor's recommended policy grants; a HEAD would need s3:GetObject),
 * on Azure a List Blobs of one blob. Signed with the same code as the storage check.
 */
import { sendWithRetries, type Clock, type HttpAnswer, type RetryPolicy, type SendLog, type Transport } from '../http.js'
import type { AzureTarget, S3Target, StorageTarget } from '../plan.js'
import { blobRequestHeaders, blobServiceUrl, listBlobsUrl } from './azure.js'
import type { StorageLocations } from './index.js'
import { storageRefusal } from './refusal.js'
import { AMAZON_S3, DEFAULT_REGION, listS3, s3DnsHint } from './s3.js'

/** What one look found: the first object's key, or nothing; or why the target could not be read; and the requests it took. */
export type Lookup = (
  { readonly ok: true; readonly key?: string } | { readonly ok: false; readonly error: string; readonly summary: string }
) & {
  readonly requests: number
}

export interface FindIo {
  readonly transport: Transport
  readonly clock: Clock
  readonly policy: RetryPolicy
  readonly log: SendLog
  readonly secrets: readonly string[]
}

const WORDING = {
  failed: 'Audit could not read the target',
  tail: 'No archive was looked for in the target: each was judged by what its status proves. Fix the storage settings.',
  dnsTail:
    "No archive was looked for in the target: each was judged by what its status proves. Give 'verify: false' to audit statuses alone."
}

/** Makes the look-up of a prefix in `target`. */
export function makeObjectFinder(target: StorageTarget, io: FindIo, locations: StorageLocations = {}): (prefix: string) => Promise<Lookup> {
  return target.type === 's3' ? s3Finder(target, locations.amazonS3 ?? AMAZON_S3, io) : azureFinder(target, locations, io)
}

function s3Finder(target: S3Target, amazonS3: string, io: FindIo): (prefix: string) => Promise<Lookup> {
  const endpoint = target.endpoint ?? amazonS3
  // The bucket's region, once an answer has named it, saves every later look a redirect.
  let region = DEFAULT_REGION
  return async prefix => {
    const attempt = await listS3(target, endpoint, prefix, region, io)
    region = attempt.region
    const where = `s3://${target.bucket}/${prefix}`
    return {
      ...lookupOf(
        attempt.answer,
        attempt.failure,
        where,
        s3DnsHint(target, endpoint, region),
        io,
        /<Contents>\s*<Key>([^<]{1,1024})<\/Key>/
      ),
      requests: attempt.attempts
    }
  }
}

function azureFinder(target: AzureTarget, locations: StorageLocations, io: FindIo): (prefix: string) => Promise<Lookup> {
  const service = (locations.azureBlobService ?? blobServiceUrl)(target)
  const dnsHint = `the storage account's host (${new URL(service).hostname}) does not resolve: check 'account-name'${target.domain === undefined ? '' : " and 'domain'"}; the account may not exist.`
  return async prefix => {
    const url = listBlobsUrl(service, target, prefix)
    const outcome = await sendWithRetries(
      io.transport,
      { method: 'GET', url },
      () => blobRequestHeaders('GET', url, target, undefined, io.clock.now()),
      io.policy,
      io.clock,
      io.log
    )
    const where = `azure://${target.accountName}/${target.container}/${prefix}`
    return {
      ...lookupOf(outcome.answer, outcome.failure, where, dnsHint, io, /<Blob>\s*<Name>([^<]{1,1024})<\/Name>/),
      requests: outcome.attempts
    }
  }
}

function lookupOf(
  answer: HttpAnswer | undefined,
  failure: string | undefined,
  where: string,
  dnsHint: string,
  io: FindIo,
  firstKey: RegExp
): { ok: true; key?: string } | { ok: false; error: string; summary: string } {
  const refused = storageRefusal('list', where, answer, failure, io.secrets, dnsHint, WORDING)
  if (refused !== undefined) return { ok: false, error: refused.error ?? refused.summary, summary: refused.summary }
  const key = firstKey.exec(answer?.body ?? '')?.[1]
  return key === undefined ? { ok: true } : { ok: true, key: unescapeXml(key) }
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '')
}
