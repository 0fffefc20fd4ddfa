// @ts-check
/**
 * Archives as the vendor lists them, and the objects the vendor would have written for them,
 * for the audit's tests, demo and benchmark. The objects are written straight into the
 * emulators with signed requests of their own (aws4fetch for S3, SharedKey written out here for
 * Azure), the way the vendor's uploader writes them, independently of the action's signers.
 */
import { AwsClient } from 'aws4fetch'
import { createHmac } from 'node:crypto'

/**
 * @typedef {{ id: string, status: string, createdAt: number, updatedAt?: number, duration: number,
 *   size: number, sessionId: string, name: string, outputMode: 'composed' | 'individual', sha256sum?: string,
 *   hasAudio: boolean, hasVideo: boolean, reason: string, url: string | null }} VendorArchive
 */

let counter = 0

/** An archive ID as the vendor makes them: a UUID. */
export function archiveId(n = ++counter) {
  return `a1b2c3d4-0000-4000-8000-${n.toString(16).padStart(12, '0')}`
}

/**
 * An archive created `hoursAgo` before `now`, ten minutes long, with a signed `url` while the vendor holds it.
 * @param {number} now
 * @param {number} hoursAgo
 * @param {Partial<VendorArchive>} [overrides]
 * @returns {VendorArchive}
 */
export function vendorArchive(now, hoursAgo, overrides = {}) {
  const id = overrides.id ?? archiveId()
  const status = overrides.status ?? 'uploaded'
  return {
    id,
    status,
    createdAt: Math.round(now - hoursAgo * 3_600_000),
    duration: 600,
    size: 48_000_000,
    sessionId: '2_MX40NjAwMDA0Mn5-MTcwMDAwMDAwMDAwMH5-fn4',
    name: 'weekly stand-up',
    outputMode: 'composed',
    hasAudio: true,
    hasVideo: true,
    reason: '',
    // The vendor gives a signed download link while it holds the file; the audit must treat it as a secret.
    url: status === 'available' ? signedUrl(id) : null,
    ...overrides
  }
}

/** A signed download link as the vendor hands them out, unique per archive. @param {string} id */
export function signedUrl(id) {
  const signature = createHmac('sha256', 'vendor-signing-key').update(id).digest('hex')
  return `https://vendor-archives.example.com/${id}/archive.mp4?Expires=1900000000&Signature=${signature}`
}

/**
 * Where the vendor writes an archive.
 * @param {string} projectId
 * @param {{ id: string, outputMode: string }} archive
 */
export function objectKeyOf(projectId, archive) {
  return `${projectId}/${archive.id}/${archive.outputMode === 'individual' ? 'archive.zip' : 'archive.mp4'}`
}

/**
 * Writes `keys` into a bucket of the S3 emulator, path-style, signed with `credentials`.
 * @param {string} endpoint
 * @param {string} bucket
 * @param {{ accessKey: string, secretKey: string }} credentials
 * @param {readonly string[]} keys
 */
export async function seedS3(endpoint, bucket, credentials, keys) {
  const client = new AwsClient({
    accessKeyId: credentials.accessKey,
    secretAccessKey: credentials.secretKey,
    service: 's3',
    region: 'us-east-1'
  })
  for (const key of keys) {
    const response = await client.fetch(`${endpoint}/${bucket}/${key}`, { method: 'PUT', body: 'archive bytes' })
    if (!response.ok) throw new Error(`seeding s3://${bucket}/${key}: HTTP ${response.status} ${await response.text()}`)
  }
}

/**
 * Creates a container in Azurite and writes `names` into it, SharedKey-signed, path-style.
 * @param {string} serviceUrl
 * @param {{ name: string, key: string }} account
 * @param {string} container
 * @param {readonly string[]} names
 */
export async function seedAzurite(serviceUrl, account, container, names) {
  /** @param {string} method @param {string} path @param {Record<string, string>} extra @param {string} [body] */
  const send = async (method, path, extra, body) => {
    const url = `${serviceUrl}/${path}`
    /** @type {Record<string, string>} */
    const headers = { 'x-ms-date': new Date().toUTCString(), 'x-ms-version': '2021-12-02', ...extra }
    const length = body === undefined ? 0 : Buffer.byteLength(body)
    const canonicalHeaders = Object.keys(headers)
      .filter(h => h.startsWith('x-ms-'))
      .sort()
      .map(h => `${h}:${headers[h]}\n`)
      .join('')
    const parsed = new URL(url)
    const query = [...parsed.searchParams.keys()]
      .sort()
      .map(k => `\n${k}:${parsed.searchParams.get(k)}`)
      .join('')
    const toSign = [method, '', '', length === 0 ? '' : String(length), '', headers['Content-Type'] ?? '', '', '', '', '', '', '']
      .concat(`${canonicalHeaders}/${account.name}${parsed.pathname}${query}`)
      .join('\n')
    const signature = createHmac('sha256', Buffer.from(account.key, 'base64')).update(toSign).digest('base64')
    const response = await fetch(url, {
      method,
      headers: { ...headers, Authorization: `SharedKey ${account.name}:${signature}` },
      ...(body === undefined ? {} : { body })
    })
    // 409: the container is there already.
    if (!response.ok && response.status !== 409)
      throw new Error(`seeding ${method} ${url}: HTTP ${response.status} ${await response.text()}`)
  }
  await send('PUT', `${container}?restype=container`, {})
  for (const name of names)
    await send('PUT', `${container}/${name}`, { 'x-ms-blob-type': 'BlockBlob', 'Content-Type': 'video/mp4' }, 'archive bytes')
}
