// @ts-check
/**
 * A fast S3 stand-in on loopback: objects in memory, path-style, no signature check (only that a
 * request is signed at all). For what the signature-checking emulator (s3-emulator.js, s3rver)
 * cannot play: the benchmark's floor (the action's own cost shows when the store costs nothing),
 * conditional writes (`If-None-Match: *` answered 412 when the object exists), multipart uploads
 * with AbortMultipartUpload and the rules real services hold (parts of 5 MiB at least, and of one
 * size but the last, as Cloudflare R2 asks), and refusals a test scripts (403 AccessDenied).
 * It answers ListObjectsV2, PutObject, CreateMultipartUpload, UploadPart,
 * CompleteMultipartUpload, AbortMultipartUpload, HeadObject and DeleteObject.
 */
import { createHash, randomUUID } from 'node:crypto'
import { createServer } from 'node:http'

const MIN_PART = 5 * 1024 * 1024

/**
 * @typedef {{ body: Buffer, etag: string, contentType: string | undefined, sse: string | undefined }} StoredObject
 * @typedef {{ key: string, bucket: string, parts: Map<number, Buffer>, contentType: string | undefined, sse: string | undefined }} Upload
 * @typedef {{ method: string, path: string, query: string, headers: import('node:http').IncomingHttpHeaders, status: number, bytes: number }} SeenRequest
 * @typedef {(request: { method: string, bucket: string, key: string, query: URLSearchParams }) => { status: number, code: string } | { drop: true } | undefined} Policy
 */

/**
 * @param {string[]} buckets
 * @param {{ policy?: Policy, minPart?: number, unsigned?: boolean }} [options] `unsigned` answers requests
 *   without a signature too (the benchmark's bare script sends none).
 */
export async function startS3StandIn(buckets, options = {}) {
  /** @type {Map<string, Map<string, StoredObject>>} */
  const store = new Map(buckets.map(name => [name, new Map()]))
  /** @type {Map<string, Upload>} */
  const uploads = new Map()
  /** @type {SeenRequest[]} */
  const requests = []
  /** @type {string[]} */
  const aborted = []
  let policy = options.policy
  const minPart = options.minPart ?? MIN_PART

  const server = createServer((req, res) => {
    const chunks = /** @type {Buffer[]} */ ([])
    req.on('data', chunk => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const url = new URL(req.url ?? '/', 'http://stand-in')
      const [, bucketName = '', ...rest] = url.pathname.split('/')
      const key = rest.map(decodeURIComponent).join('/')
      const seen = { method: req.method ?? '', path: url.pathname, query: url.search, headers: req.headers, status: 0, bytes: body.length }
      requests.push(seen)
      /** @param {number} status @param {string} [xml] @param {Record<string, string>} [headers] */
      const send = (status, xml, headers = {}) => {
        seen.status = status
        res.writeHead(status, { ...(xml === undefined ? {} : { 'content-type': 'application/xml' }), ...headers })
        res.end(xml)
      }
      /** @param {number} status @param {string} code */
      const error = (status, code) =>
        send(status, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`)
      if (!options.unsigned && !String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 ')) return error(403, 'AccessDenied')
      const bucket = store.get(decodeURIComponent(bucketName))
      if (bucket === undefined) return error(404, 'NoSuchBucket')
      const refused = policy?.({ method: req.method ?? '', bucket: bucketName, key, query: url.searchParams })
      // `drop`: the connection is cut with no answer at all.
      if (refused !== undefined) return 'drop' in refused ? void req.socket.destroy() : error(refused.status, refused.code)
      const q = url.searchParams
      const exists = bucket.has(key)
      const noOverwrite = req.headers['if-none-match'] === '*'

      if (req.method === 'GET' && key === '' && q.get('list-type') === '2') {
        const prefix = q.get('prefix') ?? ''
        const max = Number(q.get('max-keys') ?? 1000)
        const keys = [...bucket.keys()]
          .filter(k => k.startsWith(prefix))
          .sort()
          .slice(0, max)
        const contents = keys
          .map(
            k =>
              `<Contents><Key>${escape(k)}</Key><Size>${bucket.get(k)?.body.length}</Size><ETag>&quot;${bucket.get(k)?.etag}&quot;</ETag></Contents>`
          )
          .join('')
        return send(
          200,
          `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${bucketName}</Name><KeyCount>${keys.length}</KeyCount>${contents}</ListBucketResult>`
        )
      }
      if (req.method === 'PUT' && !q.has('uploadId')) {
        if (noOverwrite && exists) return error(412, 'PreconditionFailed')
        const etag = md5(body)
        bucket.set(key, { body, etag, contentType: req.headers['content-type'], sse: header(req.headers['x-amz-server-side-encryption']) })
        return send(200, undefined, { etag: `"${etag}"` })
      }
      if (req.method === 'POST' && q.has('uploads')) {
        const id = randomUUID()
        uploads.set(id, {
          key,
          bucket: bucketName,
          parts: new Map(),
          contentType: req.headers['content-type'],
          sse: header(req.headers['x-amz-server-side-encryption'])
        })
        return send(
          200,
          `<?xml version="1.0" encoding="UTF-8"?><InitiateMultipartUploadResult><Bucket>${bucketName}</Bucket><Key>${escape(key)}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`
        )
      }
      const upload = uploads.get(q.get('uploadId') ?? '')
      if (q.has('uploadId') && upload === undefined) return error(404, 'NoSuchUpload')
      if (req.method === 'PUT' && upload !== undefined) {
        upload.parts.set(Number(q.get('partNumber')), body)
        return send(200, undefined, { etag: `"${md5(body)}"` })
      }
      if (req.method === 'POST' && upload !== undefined) {
        const numbers = [...body.toString('utf8').matchAll(/<PartNumber>(\d+)<\/PartNumber>\s*<ETag>([^<]*)<\/ETag>/g)].map(m => ({
          number: Number(m[1]),
          etag: (m[2] ?? '').replace(/&quot;|"/g, '')
        }))
        const parts = numbers.map(n => upload.parts.get(n.number))
        if (numbers.length === 0 || parts.some(p => p === undefined)) return error(400, 'InvalidPart')
        if (numbers.some((n, i) => n.etag !== md5(/** @type {Buffer} */ (parts[i])))) return error(400, 'InvalidPart')
        const sizes = parts.map(p => /** @type {Buffer} */ (p).length)
        if (sizes.slice(0, -1).some(size => size < minPart)) return error(400, 'EntityTooSmall')
        if (sizes.slice(0, -1).some(size => size !== sizes[0]) || (sizes.at(-1) ?? 0) > (sizes[0] ?? 0)) return error(400, 'InvalidPart') // Cloudflare R2: every part but the last of one size
        if (noOverwrite && exists) return error(412, 'PreconditionFailed')
        const whole = Buffer.concat(/** @type {Buffer[]} */ (parts))
        const etag = `${md5(
          Buffer.concat(
            parts.map(p =>
              createHash('md5')
                .update(/** @type {Buffer} */ (p))
                .digest()
            )
          )
        )}-${parts.length}`
        bucket.set(key, { body: whole, etag, contentType: upload.contentType, sse: upload.sse })
        uploads.delete(q.get('uploadId') ?? '')
        return send(
          200,
          `<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUploadResult><Key>${escape(key)}</Key><ETag>&quot;${etag}&quot;</ETag></CompleteMultipartUploadResult>`
        )
      }
      if (req.method === 'DELETE' && upload !== undefined) {
        uploads.delete(q.get('uploadId') ?? '')
        aborted.push(upload.key)
        return send(204)
      }
      if (req.method === 'HEAD') {
        const object = bucket.get(key)
        if (object === undefined) return send(404)
        return send(200, undefined, { 'content-length': String(object.body.length), etag: `"${object.etag}"` })
      }
      if (req.method === 'DELETE') {
        bucket.delete(key)
        return send(204)
      }
      return error(405, 'MethodNotAllowed')
    })
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    aborted,
    /** The object at `key` of `bucket`. @param {string} bucket @param {string} key */
    object(bucket, key) {
      return store.get(bucket)?.get(key)
    },
    /** Every key of `bucket`. @param {string} bucket */
    keys(bucket) {
      return [...(store.get(bucket)?.keys() ?? [])]
    },
    /** Puts an object, as another writer (the vendor, late) would. @param {string} bucket @param {string} key @param {Buffer} body */
    put(bucket, key, body) {
      store.get(bucket)?.set(key, { body, etag: md5(body), contentType: undefined, sse: undefined })
    },
    /** Uploads begun and neither completed nor aborted. */
    /** Forgets every open multipart upload (a test that leaves one on purpose cleans up after itself). */
    forgetUploads() {
      uploads.clear()
    },
    openUploads() {
      return [...uploads.values()].map(u => u.key)
    },
    /** Plays a bucket policy from now on. @param {Policy | undefined} next */
    setPolicy(next) {
      policy = next
    },
    async close() {
      server.closeAllConnections()
      await new Promise(resolve => server.close(() => resolve(undefined)))
    }
  }
}

/** @param {Buffer} body */
function md5(body) {
  return createHash('md5').update(body).digest('hex')
}

/** @param {string} text */
function escape(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** @param {string | string[] | undefined} value */
function header(value) {
  return Array.isArray(value) ? value[0] : value
}
