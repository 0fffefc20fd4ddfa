// @ts-check
/**
 * A small forward proxy on loopback for the proxy tests: CONNECT tunnels (what undici's
 * ProxyAgent uses) and plain absolute-URI forwarding. It records each request and its
 * Proxy-Authorization header, and answers 407 when `requireAuth` is given and not matched.
 */
import { createServer, request as httpRequest } from 'node:http'
import { connect } from 'node:net'

/** @param {{ requireAuth?: string }} [options] */
export async function startLoopbackProxy(options = {}) {
  /** @type {{ method: string, target: string, auth: string | undefined }[]} */
  const seen = []
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set()
  const expected = options.requireAuth === undefined ? undefined : `Basic ${Buffer.from(options.requireAuth).toString('base64')}`

  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', target: req.url ?? '', auth: req.headers['proxy-authorization'] })
    if (expected !== undefined && req.headers['proxy-authorization'] !== expected) {
      res.writeHead(407).end()
      return
    }
    const url = new URL(req.url ?? '')
    const upstream = httpRequest(url, { method: req.method, headers: req.headers }, answer => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })
  server.on('connect', (req, client, head) => {
    seen.push({ method: 'CONNECT', target: req.url ?? '', auth: req.headers['proxy-authorization'] })
    if (expected !== undefined && req.headers['proxy-authorization'] !== expected) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n')
      return
    }
    const [host, port] = (req.url ?? '').split(':')
    if (host !== '127.0.0.1' && host !== 'localhost') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n') // a test proxy only ever reaches loopback
      return
    }
    const upstream = connect(Number(port), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    seen,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise(resolve => server.close(() => resolve(undefined)))
    }
  }
}
