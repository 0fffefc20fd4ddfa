// @ts-check
/**
 * A loopback reverse proxy in front of a storage emulator that records every request with the
 * status it got, and can play a bucket policy that refuses deletes (403 AccessDenied), as the
 * vendor's recommended S3 policy does.
 */
import { createServer, request } from 'node:http'

/** @param {string} upstream base URL of the emulator @param {{ refuseDelete?: boolean }} [policy] */
export async function startStoragePolicyProxy(upstream, policy = {}) {
  /** @type {{ method: string, path: string, status: number, headers: import('node:http').IncomingHttpHeaders, body: string }[]} */
  const seen = []
  const target = new URL(upstream)
  const server = createServer((req, res) => {
    const record = { method: req.method ?? '', path: req.url ?? '', status: 0, headers: req.headers, body: '' }
    seen.push(record)
    req.on('data', chunk => (record.body += chunk))
    if (policy.refuseDelete && req.method === 'DELETE') {
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
    async close() {
      server.closeAllConnections()
      await new Promise(resolve => server.close(() => resolve(undefined)))
    }
  }
}
