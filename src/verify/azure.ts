/**
 * The Azure storage check: a SharedKey-signed Put Blob (block blob) and Delete Blob.
 * The signer is these forty lines rather than @azure/storage-blob, which would add about
 * 1.9 MB to the bundle (0.7 MB minified) for two requests (see README, "Bundle size").
 */
import { createHmac } from 'node:crypto'
import type { AzureTarget } from '../plan.js'

/** The Blob service REST version the requests speak. */
export const AZURE_API_VERSION = '2021-12-02'

/** The account's Blob endpoint: https://{account}.blob.{domain or core.windows.net}. */
export function blobServiceUrl(target: AzureTarget): string {
  return `https://${target.accountName}.blob.${target.domain ?? 'core.windows.net'}`
}

/** The URL of a blob under a Blob service base URL. */
export function blobUrl(serviceUrl: string, target: AzureTarget, blobName: string): string {
  return `${serviceUrl}/${target.container}/${blobName.split('/').map(encodeURIComponent).join('/')}`
}

/**
 * Signs a request with the account key ("Shared Key" authorization): the string to sign is the
 * verb, the standard headers in their fixed order, the x-ms-* headers and the resource.
 * https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key
 */
export function signSharedKey(
  method: string,
  url: string,
  target: AzureTarget,
  headers: Record<string, string>,
  contentLength: number
): Record<string, string> {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
  const canonicalHeaders = Object.keys(lower)
    .filter(name => name.startsWith('x-ms-'))
    .sort()
    .map(name => `${name}:${String(lower[name]).trim()}\n`)
    .join('')
  const parsed = new URL(url)
  const canonicalQuery = [...parsed.searchParams.keys()]
    .map(k => k.toLowerCase())
    .sort()
    .map(k => `\n${k}:${parsed.searchParams.getAll(k).sort().join(',')}`)
    .join('')
  const canonicalResource = `/${target.accountName}${parsed.pathname}${canonicalQuery}`
  const stringToSign = [
    method.toUpperCase(),
    lower['content-encoding'] ?? '',
    lower['content-language'] ?? '',
    contentLength === 0 ? '' : String(contentLength),
    lower['content-md5'] ?? '',
    lower['content-type'] ?? '',
    '', // Date: x-ms-date is sent instead
    lower['if-modified-since'] ?? '',
    lower['if-match'] ?? '',
    lower['if-none-match'] ?? '',
    lower['if-unmodified-since'] ?? '',
    lower['range'] ?? '',
    canonicalHeaders + canonicalResource
  ].join('\n')
  const signature = createHmac('sha256', Buffer.from(target.accountKey, 'base64')).update(stringToSign, 'utf8').digest('base64')
  return { ...headers, Authorization: `SharedKey ${target.accountName}:${signature}` }
}

/** The URL of a container's List Blobs for one prefix, at most one result. */
export function listBlobsUrl(serviceUrl: string, target: AzureTarget, prefix: string): string {
  return `${serviceUrl}/${target.container}?restype=container&comp=list&maxresults=1&prefix=${encodeURIComponent(prefix)}`
}

/** The headers of a Put Blob (block blob), Delete Blob or List Blobs, signed for `nowMs`. */
export function blobRequestHeaders(
  method: 'GET' | 'PUT' | 'DELETE',
  url: string,
  target: AzureTarget,
  body: string | undefined,
  nowMs: number
): Record<string, string> {
  const headers: Record<string, string> = {
    'x-ms-date': new Date(nowMs).toUTCString(),
    'x-ms-version': AZURE_API_VERSION
  }
  if (method === 'PUT') {
    headers['x-ms-blob-type'] = 'BlockBlob'
    headers['Content-Type'] = 'text/plain; charset=utf-8'
  }
  return signSharedKey(method, url, target, headers, body === undefined ? 0 : Buffer.byteLength(body))
}
