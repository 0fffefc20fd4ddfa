/** The S3 storage check: a SigV4-signed PutObject of the check object, then a DeleteObject. */
import { AwsV4Signer } from 'aws4fetch'
import { sendWithRetries, type Clock, type HttpAnswer, type RetryPolicy, type SendLog, type Transport } from '../http.js'
import type { S3Target } from '../plan.js'
import { parseStorageError } from './storage-error.js'

/** Amazon S3's global endpoint; an Amazon bucket in another region is found from its answer. */
export const AMAZON_S3 = 'https://s3.amazonaws.com'
export const DEFAULT_REGION = 'us-east-1'

/**
 * The URL of an object. On Amazon S3: virtual-hosted on the region's host, path-style for
 * names with dots (which break the TLS wildcard). Any other endpoint: path-style, which
 * S3-compatible services support without DNS set-up.
 */
export function objectUrl(bucket: string, endpoint: string, region: string, key: string): string {
  const path = key.split('/').map(encodeURIComponent).join('/')
  if (endpoint === AMAZON_S3) {
    const host = region === DEFAULT_REGION ? 's3.amazonaws.com' : `s3.${region}.amazonaws.com`
    return bucket.includes('.') ? `https://${host}/${encodeURIComponent(bucket)}/${path}` : `https://${bucket}.${host}/${path}`
  }
  return `${endpoint}/${encodeURIComponent(bucket)}/${path}`
}

/** The URL of a bucket's list (ListObjectsV2) for one prefix, addressed as objectUrl addresses objects. */
export function listUrl(bucket: string, endpoint: string, region: string, prefix: string): string {
  const query = `?list-type=2&max-keys=1&prefix=${encodeURIComponent(prefix)}`
  if (endpoint === AMAZON_S3) {
    const host = region === DEFAULT_REGION ? 's3.amazonaws.com' : `s3.${region}.amazonaws.com`
    return bucket.includes('.') ? `https://${host}/${encodeURIComponent(bucket)}${query}` : `https://${bucket}.${host}/${query}`
  }
  return `${endpoint}/${encodeURIComponent(bucket)}${query}`
}

/**
 * What a host that does not resolve means. Amazon S3 answers for every bucket name through
 * wildcard DNS, so there it is the runner's DNS or network, never 'bucket'; a custom endpoint is
 * addressed path-style, so its own host is the one at fault.
 */
export function s3DnsHint(target: S3Target, endpoint: string, region: string): string {
  if (target.endpoint !== undefined) return `the host of 'endpoint' (${new URL(endpoint).hostname}) does not resolve: check 'endpoint'.`
  const host = new URL(objectUrl(target.bucket, endpoint, region, 'x')).hostname
  return `this runner could not resolve ${host}. Amazon S3 answers for any bucket name, so this is the runner's DNS or network, not 'bucket': check them, set HTTPS_PROXY if the runner must go through a proxy, or give 'verify: false' if it cannot reach the storage.`
}

export interface S3Attempt {
  readonly answer?: HttpAnswer
  readonly failure?: string
  readonly region: string
}

/**
 * Sends one signed S3 request; when the answer names another region for the bucket
 * (x-amz-bucket-region, or <Region> in AuthorizationHeaderMalformed / PermanentRedirect), signs
 * again for that region and retries once there.
 */
export async function sendToS3(
  method: 'PUT' | 'DELETE',
  target: S3Target,
  endpoint: string,
  key: string,
  body: string | undefined,
  region: string,
  io: S3Io
): Promise<S3Attempt> {
  return sendSigned(method, target, inRegion => objectUrl(target.bucket, endpoint, inRegion, key), body, region, io)
}

/** A ListObjectsV2 of at most one key under `prefix` (needs only s3:ListBucket), with the same region handling. */
export function listS3(target: S3Target, endpoint: string, prefix: string, region: string, io: S3Io): Promise<S3Attempt> {
  return sendSigned('GET', target, inRegion => listUrl(target.bucket, endpoint, inRegion, prefix), undefined, region, io)
}

export interface S3Io {
  readonly transport: Transport
  readonly clock: Clock
  readonly policy: RetryPolicy
  readonly log: SendLog
}

async function sendSigned(
  method: 'GET' | 'PUT' | 'DELETE',
  target: S3Target,
  urlFor: (region: string) => string,
  body: string | undefined,
  region: string,
  io: S3Io
): Promise<S3Attempt> {
  const once = async (inRegion: string): Promise<S3Attempt> => {
    const url = urlFor(inRegion)
    const outcome = await sendWithRetries(
      io.transport,
      { method, url, ...(body === undefined ? {} : { body }) },
      () => signedHeaders(method, url, target, inRegion, body, io.clock),
      io.policy,
      io.clock,
      io.log
    )
    return { region: inRegion, ...(outcome.answer ? { answer: outcome.answer } : { failure: outcome.failure ?? 'no answer' }) }
  }
  const first = await once(region)
  const answer = first.answer
  if (answer === undefined || (answer.status >= 200 && answer.status < 300)) return first
  const named = parseStorageError(answer.body, answer.headers).region
  // parseStorageError gives only a region-shaped name (it goes into the host name).
  if (named !== undefined && named !== region) {
    io.log.info(`The bucket is in region ${named}; signing again for it.`)
    return once(named)
  }
  return first
}

async function signedHeaders(
  method: string,
  url: string,
  target: S3Target,
  region: string,
  body: string | undefined,
  clock: Clock
): Promise<Record<string, string>> {
  const headers: Record<string, string> = {}
  if (method === 'PUT') {
    headers['content-type'] = 'text/plain; charset=utf-8'
    // Sign the payload hash rather than UNSIGNED-PAYLOAD: some S3-compatible services require it.
    headers['x-amz-content-sha256'] = await sha256Hex(body ?? '')
    // Honour a bucket policy that demands SSE-S3, exactly as the vendor's own uploads will.
    if (target.sse === 's3') headers['x-amz-server-side-encryption'] = 'AES256'
  }
  const signer = new AwsV4Signer({
    method,
    url,
    headers,
    ...(body === undefined ? {} : { body }),
    accessKeyId: target.accessKey,
    secretAccessKey: target.secretKey,
    service: 's3',
    region,
    datetime: new Date(clock.now()).toISOString().replace(/[:-]|\.\d{3}/g, '')
  })
  const signed = await signer.sign()
  return Object.fromEntries(signed.headers.entries())
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Buffer.from(digest).toString('hex')
}
