// @ts-check
/**
 * An HTTPS_PROXY on loopback that answers for real storage hosts without reaching them: a
 * CONNECT to a host that matches a route is accepted, its TLS is ended here with a certificate
 * from the test CA (trusted through NODE_EXTRA_CA_CERTS), and the plain HTTP inside is passed to
 * a loopback emulator with its Host header as sent. So the action builds and signs its real
 * URLs (https://{account}.blob.core.windows.net/…) and an emulator answers them. Any other
 * CONNECT is refused: nothing leaves this machine.
 */
import { createServer } from 'node:http'
import { connect } from 'node:net'
import { TLSSocket } from 'node:tls'

/**
 * @param {{ host: RegExp, port: number }[]} routes where each host's requests go
 * @param {{ key: string, cert: string }} tls the certificate presented for the routed hosts
 */
export async function startInterceptingProxy(routes, tls) {
  /** @type {string[]} */
  const connects = []
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set()
  const server = createServer((_req, res) => res.writeHead(405).end())
  server.on('connect', (req, client, head) => {
    const target = req.url ?? ''
    connects.push(target)
    const host = target.replace(/:\d+$/, '')
    const route = routes.find(r => r.host.test(host))
    if (route === undefined) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    if (head.length > 0) client.unshift(head)
    const secure = new TLSSocket(client, { isServer: true, key: tls.key, cert: tls.cert })
    const upstream = connect(route.port, '127.0.0.1')
    secure.pipe(upstream)
    upstream.pipe(secure)
    const end = () => {
      secure.destroy()
      upstream.destroy()
    }
    secure.on('error', end)
    upstream.on('error', end)
    secure.on('close', end)
    upstream.on('close', end)
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise(resolve => server.close(() => resolve(undefined)))
    }
  }
}
