// @ts-check
/**
 * A loopback stand-in for the vendor's cloud, where an archive it kept waits to be downloaded, for
 * the rescue's tests, demo and benchmark. Each archive is bytes made on the fly from its ID (no
 * memory held for them, whatever the size; every 64 KiB differs), served from signed links that
 * work as the vendor's do: for a while (10 minutes, or what a test sets), with Range honoured (206
 * and Content-Range), 403 once expired. A test can make a link drop its connection part way, expire
 * every link handed out so far, or count what was read, to see that a copy resumes where it stopped.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createServer } from 'node:http'

const CHUNK = 64 * 1024

/**
 * The bytes of an archive from `start` to `end` (inclusive), made from its seed.
 * @param {Buffer} seed
 * @param {number} start
 * @param {number} end
 */
export function archiveBytes(seed, start, end) {
  const out = Buffer.allocUnsafe(end - start + 1)
  let at = 0
  for (let chunk = Math.floor(start / CHUNK); chunk * CHUNK <= end; chunk++) {
    const block = blockOf(seed, chunk)
    const from = Math.max(start, chunk * CHUNK) - chunk * CHUNK
    const to = Math.min(end, chunk * CHUNK + CHUNK - 1) - chunk * CHUNK
    block.copy(out, at, from, to + 1)
    at += to - from + 1
  }
  return out
}

/** @type {Map<string, Buffer>} */
const blocks = new Map()
/** @param {Buffer} seed @param {number} index */
function blockOf(seed, index) {
  // One 64 KiB block per seed, with the block's index written into its first bytes: no two blocks are equal.
  const key = seed.toString('hex')
  let base = blocks.get(key)
  if (base === undefined) {
    base = Buffer.alloc(CHUNK)
    for (let i = 0; i < CHUNK; i += 32) createHash('sha256').update(seed).update(String(i)).digest().copy(base, i)
    blocks.set(key, base)
  }
  const block = Buffer.from(base)
  block.writeDoubleBE(index, 0)
  return block
}

/**
 * @typedef {{ id: string, size: number, seed: Buffer, sha256: string }} HostedArchive
 * @typedef {{ token: string, id: string, expiresAt: number }} Link
 */

/** @param {{ lifetimeMs?: number }} [options] */
export async function startDownloadStandIn(options = {}) {
  /** @type {Map<string, HostedArchive>} */
  const archives = new Map()
  /** @type {Map<string, Link>} */
  const links = new Map()
  /** @type {{ path: string, range: string | undefined, status: number, bytes: number, headers: import('node:http').IncomingHttpHeaders }[]} */
  const requests = []
  /** @type {{ id: string, afterBytes: number }[]} */
  const drops = []
  let lifetimeMs = options.lifetimeMs ?? 10 * 60_000

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in')
    const record = { path: url.pathname, range: req.headers.range, status: 0, bytes: 0, headers: req.headers }
    requests.push(record)
    const link = links.get(url.searchParams.get('token') ?? '')
    const archive = link === undefined ? undefined : archives.get(link.id)
    if (req.method !== 'GET' || link === undefined || archive === undefined || url.pathname !== `/archives/${link.id}/archive.mp4`) {
      record.status = 403
      res.writeHead(403, { 'content-type': 'application/xml' }).end('<Error><Code>AccessDenied</Code></Error>')
      return
    }
    if (Date.now() >= link.expiresAt) {
      record.status = 403
      res
        .writeHead(403, { 'content-type': 'application/xml' })
        .end('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>')
      return
    }
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '')
    const start = range === null ? 0 : Number(range[1])
    const end = range === null || range[2] === '' ? archive.size - 1 : Math.min(archive.size - 1, Number(range[2]))
    if (start > end) {
      record.status = 416
      res.writeHead(416).end()
      return
    }
    record.status = range === null ? 200 : 206
    res.writeHead(record.status, {
      'content-type': 'video/mp4',
      'content-length': String(end - start + 1),
      ...(range === null ? {} : { 'content-range': `bytes ${start}-${end}/${archive.size}` })
    })
    const drop = drops.findIndex(d => d.id === archive.id)
    const dropAt = drop < 0 ? Number.POSITIVE_INFINITY : start + (drops[drop]?.afterBytes ?? 0)
    if (drop >= 0) drops.splice(drop, 1)
    let at = start
    const pump = () => {
      while (at <= end) {
        const next = Math.min(end, at + CHUNK - 1, dropAt - 1)
        const bytes = archiveBytes(archive.seed, at, next)
        record.bytes += bytes.length
        at = next + 1
        if (at >= dropAt && at <= end) {
          // The connection drops mid-transfer, as a network does, once what was sent has left.
          res.write(bytes, () => res.socket?.destroy())
          return
        }
        if (!res.write(bytes)) {
          res.once('drain', pump)
          return
        }
      }
      res.end()
    }
    pump()
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
  const origin = `http://127.0.0.1:${port}`

  return {
    origin,
    requests,
    /**
     * Hosts an archive of `size` bytes; returns its base64 SHA-256, as the vendor's `sha256sum` gives it.
     * @param {string} id @param {number} size
     */
    host(id, size) {
      const seed = randomBytes(16)
      const hash = createHash('sha256')
      for (let at = 0; at < size; at += 8 * 1024 * 1024) hash.update(archiveBytes(seed, at, Math.min(size, at + 8 * 1024 * 1024) - 1))
      const sha256 = hash.digest('base64')
      archives.set(id, { id, size, seed, sha256 })
      return sha256
    },
    /** The bytes of a hosted archive, to compare with a copy. @param {string} id */
    bytesOf(id) {
      const archive = archives.get(id)
      if (archive === undefined) throw new Error(`no archive ${id}`)
      return archiveBytes(archive.seed, 0, archive.size - 1)
    },
    /** A fresh signed link to a hosted archive, as each vendor answer gives one. @param {string} id */
    issueLink(id) {
      const token = randomBytes(24).toString('base64url')
      links.set(token, { token, id, expiresAt: Date.now() + lifetimeMs })
      return `${origin}/archives/${id}/archive.mp4?Expires=${Math.floor((Date.now() + lifetimeMs) / 1000)}&token=${token}`
    },
    /** Every link handed out so far, as text (a bearer secret each, for the leak scan). */
    linksIssued() {
      return [...links.values()].map(link => `${origin}/archives/${link.id}/archive.mp4?Expires=`).concat([...links.keys()])
    },
    /** Expires every link handed out so far. */
    expireAll() {
      for (const link of links.values()) link.expiresAt = 0
    },
    /** Links handed out from now on work this long. @param {number} ms */
    setLifetime(ms) {
      lifetimeMs = ms
    },
    /**
     * The next GET of archive `id` drops its connection after `afterBytes` bytes.
     * @param {string} id @param {number} afterBytes
     */
    dropNext(id, afterBytes) {
      drops.push({ id, afterBytes })
    },
    /** Bytes served of archive `id` in all. @param {string} id */
    servedOf(id) {
      return requests.filter(r => r.path === `/archives/${id}/archive.mp4`).reduce((sum, r) => sum + r.bytes, 0)
    },
    async close() {
      server.closeAllConnections()
      await new Promise(resolve => server.close(() => resolve(undefined)))
    }
  }
}
