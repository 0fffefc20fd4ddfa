/**
 * The storage check that runs before a target is set: with exactly the credentials the vendor
 * will get, write one small object where archives land, then try to delete it. The vendor does
 * not check the credentials itself, so with 'fallback: none' a mistake here would lose archives.
 */
import { sendWithRetries, type Clock, type HttpAnswer, type SendLog, type Transport } from '../http.js'
import { projectIdOf } from '../platform.js'
import type { AzureTarget, Plan, S3Target, StorageCheck } from '../plan.js'
import { blobRequestHeaders, blobServiceUrl, blobUrl } from './azure.js'
import { checkObjectContent, checkObjectKey } from './check-object.js'
import { AMAZON_S3, DEFAULT_REGION, s3DnsHint, sendToS3 } from './s3.js'
import { storageRefusal } from './refusal.js'
import { parseStorageError } from './storage-error.js'

const CHECK_WORDING = {
  failed: 'Storage check failed',
  tail: "Nothing was sent to the vendor. Fix the storage settings, or set 'verify: false' only if this runner cannot reach the storage.",
  dnsTail: 'Nothing was sent to the vendor.'
}

/** Where the services are: the real ones by default; tests point them at emulators. */
export interface StorageLocations {
  /** Base URL used for Amazon S3 when no 'endpoint' is given. */
  readonly amazonS3?: string
  /** The Blob service base URL of an Azure target. */
  readonly azureBlobService?: (target: AzureTarget) => string
}

interface CheckIo {
  readonly transport: Transport
  readonly clock: Clock
  readonly policy: { readonly maxAttempts: number; readonly timeoutMs: number }
  readonly log: SendLog
  readonly secrets: readonly string[]
}

/** Makes the storage check of a plan, against `locations`. */
export function makeStorageVerifier(log: SendLog, env: NodeJS.ProcessEnv = process.env, locations: StorageLocations = {}) {
  return async (plan: Plan, transport: Transport, clock: Clock): Promise<StorageCheck> => {
    const target = plan.target
    if (target === undefined) return { verified: 'skipped', summary: 'not needed for delete' }
    const key = checkObjectKey(projectIdOf(plan.credentials))
    const content = checkObjectContent(env, new Date(clock.now()))
    const io: CheckIo = {
      transport,
      clock,
      policy: { maxAttempts: plan.maxAttempts, timeoutMs: plan.timeoutSeconds * 1000 },
      log,
      secrets: target.type === 's3' ? [target.secretKey] : [target.accountKey]
    }
    return target.type === 's3'
      ? checkS3(target, key, content, locations.amazonS3 ?? AMAZON_S3, io)
      : checkAzure(target, key, content, locations, io)
  }
}

async function checkS3(target: S3Target, key: string, content: string, amazonS3: string, io: CheckIo): Promise<StorageCheck> {
  const where = `s3://${target.bucket}/${key}`
  const endpoint = target.endpoint ?? amazonS3
  const put = await sendToS3('PUT', target, endpoint, key, content, DEFAULT_REGION, io)
  const dnsHint = s3DnsHint(target, endpoint, put.region)
  const refused = storageRefusal('write', where, put.answer, put.failure, io.secrets, dnsHint, CHECK_WORDING, (_code, status) =>
    status === 501 && target.sse === 's3'
      ? "The write carried x-amz-server-side-encryption: AES256, as 'sse: s3' asks; a service without server-side encryption (MinIO without KMS, say) refuses it: set 'sse: none' for it."
      : undefined
  )
  if (refused !== undefined) return refused
  const sse = target.sse === 's3' ? ' with SSE-S3' : ''
  const del = await sendToS3('DELETE', target, endpoint, key, undefined, put.region, io)
  return deleted(`wrote ${where}${sse}`, where, del.answer, del.failure)
}

async function checkAzure(
  target: AzureTarget,
  key: string,
  content: string,
  locations: StorageLocations,
  io: CheckIo
): Promise<StorageCheck> {
  const where = `azure://${target.accountName}/${target.container}/${key}`
  const url = blobUrl((locations.azureBlobService ?? blobServiceUrl)(target), target, key)
  const send = (method: 'PUT' | 'DELETE', body?: string) =>
    sendWithRetries(
      io.transport,
      { method, url, ...(body === undefined ? {} : { body }) },
      () => blobRequestHeaders(method, url, target, body, io.clock.now()),
      io.policy,
      io.clock,
      io.log
    )
  const put = await send('PUT', content)
  const dnsHint = `the storage account's host (${new URL(url).hostname}) does not resolve: check 'account-name'${target.domain === undefined ? '' : " and 'domain'"}; the account may not exist.`
  const refused = storageRefusal('write', where, put.answer, put.failure, io.secrets, dnsHint, CHECK_WORDING)
  if (refused !== undefined) return refused
  const del = await send('DELETE')
  return deleted(`wrote ${where}`, where, del.answer, del.failure)
}

/** The passed check, noting a refused delete, which the vendor's recommended policy does not grant. */
function deleted(wrote: string, where: string, answer: HttpAnswer | undefined, failure: string | undefined): StorageCheck {
  if (answer !== undefined && answer.status >= 200 && answer.status < 300) return { verified: 'true', summary: `${wrote} and deleted it` }
  const why =
    answer === undefined ? (failure ?? 'no answer') : (parseStorageError(answer.body, answer.headers).code ?? `HTTP ${answer.status}`)
  return {
    verified: 'true',
    summary: `${wrote}; its delete was refused (${why})`,
    warnings: [
      `The storage check wrote ${where} but could not delete it (${why}). Archives can be uploaded; the object stays and is overwritten by the next check. Grant delete on that key to have it removed.`
    ]
  }
}
