// @ts-check
/**
 * A loopback reverse proxy in front of a storage emulator that records every request with the
 * status it got, and can play a bucket policy that refuses deletes (403 AccessDenied), as the
 * vendor's recommended S3 policy does, or refuses what `refuse` names. It can also answer what
 * the emulator lacks: AbortMultipartUpload (s3rver answers 405), recorded in `aborted`.
 */
import { createServer, request } from 'node:http'

/**
 * @param {string} upstream base URL of the emulator
 * @param {{ refuseDelete?: boolean, refuse?: (method: string, url: URL) => boolean, answerAbort?: boolean }} [policy]
 */
export async function startStoragePolicyProxy(upstream, policy = {}) {
  /** @type {string[]} the paths of the multipart uploads aborted */
  const aborted = []
  /** @type {{ method: string, path: string, status: number, headers: import('node:http').IncomingHttpHeaders, body: string }[]} */
  const seen = []
  const target = new URL(upstream)
  const server = createServer((req, res) => {
    const record = { method: req.method ?? '', path: req.url ?? '', status: 0, headers: req.headers, body: '' }
    seen.push(record)
    req.on('data', chunk => (record.body += chunk))
    const url = new URL(req.url ?? '/', 'http://proxy')
    if (policy.answerAbort && req.method === 'DELETE' && url.searchParams.has('uploadId')) {
      record.status = 204
      aborted.push(url.pathname)
      req.resume()
      res.writeHead(204).end()
      return
    }
    if ((policy.refuseDelete && req.method === 'DELETE') || policy.refuse?.(req.method ?? '', url) === true) {
      record.status = 403
      res.writeHead(403, { 'content-type': 'application/xml' })
      res.end('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>')
      return
    }
    const forwarded = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      answer => {
        record.status = answer.statusCode ?? 0
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    forwarded.on('error', () => res.writeHead(502).end())
    req.pipe(forwarded)
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    aborted,
    async close() {
      server.closeAllConnections()
      await new Promise(resolve => server.close(() => resolve(undefined)))
    }
  }
}
