/** The S3 storage check: a SigV4-signed PutObject of the check object, then a DeleteObject. */
import { AwsV4Signer } from 'aws4fetch'
import { createHash } from 'node:crypto'
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
  const path = key.split('/').map(uriEncode).join('/')
  if (endpoint === AMAZON_S3) {
    const host = region === DEFAULT_REGION ? 's3.amazonaws.com' : `s3.${region}.amazonaws.com`
    return bucket.includes('.') ? `https://${host}/${encodeURIComponent(bucket)}/${path}` : `https://${bucket}.${host}/${path}`
  }
  return `${endpoint}/${encodeURIComponent(bucket)}/${path}`
}

/**
 * SigV4's URI encoding (RFC 3986): encodeURIComponent leaves !'()* as they are, which a service
 * that signs the URL as sent would read differently from the signature's canonical form.
 */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** The URL of a bucket's list (ListObjectsV2) for one prefix, addressed as objectUrl addresses objects. */
export function listUrl(bucket: string, endpoint: string, region: string, prefix: string): string {
  const query = `?list-type=2&max-keys=1&prefix=${uriEncode(prefix)}`
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
  /** Requests sent, retries and a second region included. */
  readonly attempts: number
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
  return sendS3(
    target,
    {
      method,
      urlFor: inRegion => objectUrl(target.bucket, endpoint, inRegion, key),
      // The check object is text; a bucket policy that demands SSE-S3 is honoured, as the vendor's own uploads will.
      headers: method === 'PUT' ? { 'content-type': 'text/plain; charset=utf-8', ...sseHeader(target) } : {},
      ...(body === undefined ? {} : { body })
    },
    region,
    io
  )
}

/** A ListObjectsV2 of at most one key under `prefix` (needs only s3:ListBucket), with the same region handling. */
export function listS3(target: S3Target, endpoint: string, prefix: string, region: string, io: S3Io): Promise<S3Attempt> {
  return sendS3(target, { method: 'GET', urlFor: inRegion => listUrl(target.bucket, endpoint, inRegion, prefix) }, region, io)
}

/** The header that asks for SSE-S3, when the target sets 'sse: s3'. */
export function sseHeader(target: S3Target): Record<string, string> {
  return target.sse === 's3' ? { 'x-amz-server-side-encryption': 'AES256' } : {}
}

export interface S3Io {
  readonly transport: Transport
  readonly clock: Clock
  readonly policy: RetryPolicy
  readonly log: SendLog
}

/** One S3 request to sign and send. */
export interface S3Call {
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'HEAD'
  /** The URL in a region: on Amazon S3 the host depends on it. */
  readonly urlFor: (region: string) => string
  readonly headers?: Record<string, string>
  readonly body?: string | Buffer
  /** The body's hex SHA-256, when the caller has it already. */
  readonly payloadHash?: string
}

/** Signs and sends `call`, with retries, in `region`, and once more in the region an answer names. */
export async function sendS3(target: S3Target, call: S3Call, region: string, io: S3Io): Promise<S3Attempt> {
  // Sign the payload's hash rather than UNSIGNED-PAYLOAD: some S3-compatible services require it.
  const payloadHash = call.payloadHash ?? sha256Hex(call.body ?? '')
  const once = async (inRegion: string): Promise<S3Attempt> => {
    const url = call.urlFor(inRegion)
    const outcome = await sendWithRetries(
      io.transport,
      { method: call.method, url, ...(call.body === undefined ? {} : { body: call.body }) },
      () => signS3(call.method, url, target, inRegion, { ...call.headers, 'x-amz-content-sha256': payloadHash }, io.clock),
      io.policy,
      io.clock,
      io.log
    )
    return {
      region: inRegion,
      attempts: outcome.attempts,
      ...(outcome.answer ? { answer: outcome.answer } : { failure: outcome.failure ?? 'no answer' })
    }
  }
  const first = await once(region)
  const answer = first.answer
  if (answer === undefined || (answer.status >= 200 && answer.status < 300)) return first
  const named = parseStorageError(answer.body, answer.headers).region
  // parseStorageError gives only a region-shaped name (it goes into the host name).
  if (named !== undefined && named !== region) {
    io.log.info(`The bucket is in region ${named}; signing again for it.`)
    const second = await once(named)
    return { ...second, attempts: first.attempts + second.attempts }
  }
  return first
}

/**
 * The signing keys of the run, by secret, day, region and service: SigV4 derives one per day and
 * region, and deriving it again for each request (aws4fetch's default, a cache per signer) costs
 * four HMACs a request.
 */
const SIGNING_KEYS = new Map<string, ArrayBuffer>()

/** The SigV4 headers of one S3 request; `headers` must hold x-amz-content-sha256. */
export async function signS3(
  method: string,
  url: string,
  target: S3Target,
  region: string,
  headers: Record<string, string>,
  clock: Clock
): Promise<Record<string, string>> {
  const signer = new AwsV4Signer({
    method,
    url,
    headers,
    accessKeyId: target.accessKey,
    secretAccessKey: target.secretKey,
    service: 's3',
    region,
    cache: SIGNING_KEYS,
    datetime: new Date(clock.now()).toISOString().replace(/[:-]|\.\d{3}/g, '')
  })
  const signed = await signer.sign()
  return Object.fromEntries(signed.headers.entries())
}

/** The hex SHA-256 of a body. */
export function sha256Hex(body: string | Buffer): string {
  return createHash('sha256').update(body).digest('hex')
}
