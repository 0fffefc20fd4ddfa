// @ts-check
/**
 * A loopback stand-in for the archive storage endpoint, shared by the tests, the demo and the
 * benchmark. It checks each request as the vendor contract (shared/reference/API.md and
 * docs/vendor-contract.md) reads. OpenTok mode (given apiKey/apiSecret): the X-OPENTOK-AUTH JWT,
 * HS256 over the API secret, claims iss/ist/iat/exp/jti. Vonage mode (given applicationId and the
 * application's publicKey): `Authorization: Bearer` with an RS256 JWT verified against the public
 * key, claims application_id/iat/jti/exp, and no X-OPENTOK-AUTH. Both: the path, the method, the
 * content type and the exact body schema. By default it answers a valid PUT with 200
 * and the echo (secrets included, as the vendor does), a valid DELETE with 204, a bad body with
 * 400 and a bad token with 403. Tests can script any other answer, a reset, or a hang.
 * It also serves the archive list (`GET /v2/project/{id}/archive?offset=N&count=M`) from the
 * archives a test gives it, newest first, paged, with the same token checks; `count` over 1000 is
 * refused with 400, as the vendor documents. And one archive (`GET /v2/project/{id}/archive/{archiveId}`),
 * 404 when it has none by that ID, with a fresh download link from the links a test hands it
 * (`setLinks`, e.g. support/download-standin.js), as the vendor gives one in every answer.
 */
import { createHmac, createPublicKey, timingSafeEqual, verify as verifySignature } from 'node:crypto'
import { createServer } from 'node:http'
import { createServer as createTlsServer } from 'node:https'

/**
 * @typedef {{ status: number, body?: string, headers?: Record<string, string> }} ScriptedAnswer
 * @typedef {ScriptedAnswer | { reset: true } | { hang: true }} Script
 * @typedef {{ method: string, path: string, headers: import('node:http').IncomingHttpHeaders,
 *   body: string, claims?: Record<string, unknown>, problems: string[], answered: number | string }} SeenRequest
 */

const S3_KEYS = { required: ['bucket', 'accessKey', 'secretKey', 'sse'], optional: ['endpoint'] }
const AZURE_KEYS = { required: ['accountName', 'accountKey', 'container'], optional: ['domain'] }

/** @typedef {Script} ScriptType */
/**
 * An OpenTok project (API key and secret) or a Vonage application (its ID and public key).
 * @typedef {{ apiKey: string, apiSecret: string } | { applicationId: string, publicKey: string }} Project
 */

/**
 * Starts the stand-in on 127.0.0.1 with an ephemeral port; over https when given a key and
 * certificate.
 * @param {Project} project
 * @param {{ tls?: { key: string, cert: string } }} [options]
 */
export async function startStandIn(project, options = {}) {
  /** @type {SeenRequest[]} */
  const requests = []
  /** @type {Script[]} */
  const script = []
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set()
  /** @type {Record<string, unknown>[]} the archive list, newest first */
  let archives = []
  /** @type {((id: string) => string) | undefined} fresh download links for archives the vendor keeps */
  let linkFor
  /** The most items one page of the list holds, whatever `count` asks: the vendor may give fewer. */
  let pageLimit = Number.POSITIVE_INFINITY

  /** @type {import('node:http').RequestListener} */
  const listener = (req, res) => {
    const chunks = /** @type {Buffer[]} */ ([])
    req.on('data', chunk => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const { problems, claims, badToken, page, one } = checkRequest(project, req, body)
      /** @type {SeenRequest} */
      const seen = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        problems,
        answered: 0,
        ...(claims ? { claims } : {})
      }
      requests.push(seen)
      const next = script.shift()
      if (next && 'reset' in next) {
        seen.answered = 'reset'
        req.socket.resetAndDestroy()
        return
      }
      if (next && 'hang' in next) {
        seen.answered = 'hang'
        return // never answers; the socket is closed when the stand-in stops
      }
      /** @type {ScriptedAnswer} */
      let answer
      if (next) answer = next
      else if (badToken && 'apiKey' in project)
        answer = { status: 403, body: JSON.stringify({ code: -1, message: 'Invalid API key or secret' }) }
      else if (badToken) answer = { status: 401, body: JSON.stringify({ code: 401, message: 'Invalid token' }) }
      else if (problems.length > 0) answer = { status: 400, body: JSON.stringify({ code: -1, message: problems.join('; ') }) }
      else if (one !== undefined) {
        const archive = archives.find(a => a.id === one)
        answer =
          archive === undefined
            ? { status: 404, body: JSON.stringify({ code: 404, message: 'Archive not found' }) }
            : {
                status: 200,
                body: JSON.stringify({ ...archive, url: archive.status === 'available' && linkFor ? linkFor(one) : archive.url })
              }
      } else if (page)
        answer = {
          status: 200,
          body: JSON.stringify({
            count: archives.length,
            items: archives.slice(page.offset, page.offset + Math.min(page.count, pageLimit))
          })
        }
      else if (req.method === 'DELETE') answer = { status: 204 }
      else answer = { status: 200, body }
      seen.answered = answer.status
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
      res.end(answer.status === 204 ? undefined : answer.body)
    })
  }
  const server = options.tls ? createTlsServer(options.tls, listener) : createServer(listener)
  server.on(options.tls ? 'secureConnection' : 'connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const address = /** @type {import('node:net').AddressInfo} */ (server.address())

  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${address.port}`,
    port: address.port,
    requests,
    /** Queues answers for the next requests, in order; afterwards the stand-in answers by the contract. */
    /** @param {...Script} answers */
    answer(...answers) {
      script.push(...answers)
    },
    /**
     * The archives the list serves; sorted newest first, as the vendor lists them.
     * @param {Record<string, unknown>[]} list
     */
    setArchives(list) {
      archives = [...list].sort((a, b) => Number(b.createdAt) - Number(a.createdAt))
    },
    /**
     * Where the fresh download link of an archive the vendor keeps comes from.
     * @param {(id: string) => string} links
     */
    setLinks(links) {
      linkFor = links
    },
    /** Pages hold at most `limit` items from now on (Infinity: as many as asked). @param {number} limit */
    setPageLimit(limit) {
      pageLimit = limit
    },
    /** Requests that broke the contract, with what was wrong. */
    violations() {
      return requests.filter(r => r.problems.length > 0)
    },
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise(resolve => server.close(() => resolve(undefined)))
    }
  }
}

/**
 * @param {Project} project
 * @param {import('node:http').IncomingMessage} req
 * @param {string} body
 */
function checkRequest(project, req, body) {
  /** @type {string[]} */
  const problems = []
  const id = 'apiKey' in project ? project.apiKey : project.applicationId
  /** @type {{ offset: number, count: number } | undefined} */
  let page
  /** @type {string | undefined} */
  let one
  const single = /^\/v2\/project\/([^/?]+)\/archive\/([A-Za-z0-9-]+)$/.exec(req.url ?? '')
  if (req.method === 'GET' && single) {
    if (single[1] !== id) problems.push(`path is ${req.url}, expected /v2/project/${id}/archive/{archiveId}`)
    else one = single[2]
  } else if (req.method === 'GET') {
    const list = /^\/v2\/project\/([^/?]+)\/archive\?offset=(\d+)&count=(\d+)$/.exec(req.url ?? '')
    if (!list || list[1] !== id) problems.push(`path is ${req.url}, expected /v2/project/${id}/archive?offset=N&count=M`)
    else if (Number(list[3]) > 1000 || Number(list[3]) < 1) problems.push(`count is ${list[3]}; at most 1000`)
    else page = { offset: Number(list[2]), count: Number(list[3]) }
  } else {
    const path = `/v2/project/${id}/archive/storage`
    if (req.url !== path) problems.push(`path is ${req.url}, expected ${path}`)
    if (req.method !== 'PUT' && req.method !== 'DELETE') problems.push(`method ${req.method} is not PUT or DELETE`)
  }
  let verdict
  if ('apiKey' in project) {
    const token = req.headers['x-opentok-auth']
    if (req.headers.authorization !== undefined) problems.push('an Authorization header was sent to OpenTok')
    verdict = verifyToken(typeof token === 'string' ? token : '', project)
  } else {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')
    if (req.headers['x-opentok-auth'] !== undefined) problems.push('X-OPENTOK-AUTH was sent to Vonage Video')
    verdict = bearer ? verifyApplicationToken(bearer[1] ?? '', project) : { problem: 'no Authorization: Bearer header' }
  }
  const { claims, problem } = verdict
  const badToken = problem !== undefined
  if (problem) problems.push(problem)
  if (req.method === 'PUT') {
    if (req.headers['content-type'] !== 'application/json') problems.push(`content-type is ${req.headers['content-type']}`)
    problems.push(...checkBody(body))
  }
  if ((req.method === 'DELETE' || req.method === 'GET') && body !== '') problems.push(`${req.method} has a body`)
  if ((req.method === 'GET' || req.method === 'DELETE') && req.headers['content-type'] !== undefined)
    problems.push(`${req.method} has a content-type`)
  return { problems, claims, badToken, page: problems.length === 0 ? page : undefined, one: problems.length === 0 ? one : undefined }
}

/**
 * Verifies a Vonage application's RS256 JWT with node:crypto and the application's public key,
 * independent of the action's jsonwebtoken: header, signature, and the claims Vonage reads.
 * @param {string} token
 * @param {{ applicationId: string, publicKey: string }} application
 * @returns {{ claims?: Record<string, unknown>, problem?: string }}
 */
export function verifyApplicationToken(token, application) {
  const parts = token.split('.')
  if (parts.length !== 3) return { problem: 'the Bearer token is not a JWT' }
  const [header, payload, signature] = /** @type {[string, string, string]} */ (parts)
  const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))
  if (head.alg !== 'RS256') return { problem: `JWT alg is ${head.alg}` }
  const valid = verifySignature(
    'RSA-SHA256',
    Buffer.from(`${header}.${payload}`),
    createPublicKey(application.publicKey),
    Buffer.from(signature, 'base64url')
  )
  if (!valid) return { problem: "JWT signature does not match the application's public key" }
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  const now = Math.floor(Date.now() / 1000)
  if (claims.application_id !== application.applicationId) return { claims, problem: `application_id is ${claims.application_id}` }
  if (typeof claims.iat !== 'number' || Math.abs(claims.iat - now) > 60) return { claims, problem: 'iat is not now' }
  if (typeof claims.exp !== 'number' || claims.exp <= now || claims.exp - claims.iat > 900)
    return { claims, problem: 'exp is past or more than 15 minutes after iat' }
  if (claims.nbf !== undefined && claims.nbf > now) return { claims, problem: 'nbf is in the future' }
  if (typeof claims.jti !== 'string' || claims.jti === '') return { claims, problem: 'jti is missing' }
  return { claims }
}

/**
 * Verifies the HS256 JWT with node:crypto alone, independent of the action's jsonwebtoken.
 * @param {string} token
 * @param {{ apiKey: string, apiSecret: string }} project
 * @returns {{ claims?: Record<string, unknown>, problem?: string }}
 */
export function verifyToken(token, project) {
  const parts = token.split('.')
  if (parts.length !== 3) return { problem: 'X-OPENTOK-AUTH is not a JWT' }
  const [header, payload, signature] = /** @type {[string, string, string]} */ (parts)
  const expected = createHmac('sha256', project.apiSecret).update(`${header}.${payload}`).digest()
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { problem: 'JWT signature does not match the API secret' }
  const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))
  if (head.alg !== 'HS256') return { problem: `JWT alg is ${head.alg}` }
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  const now = Math.floor(Date.now() / 1000)
  if (claims.iss !== project.apiKey) return { claims, problem: `iss is ${claims.iss}` }
  if (claims.ist !== 'project') return { claims, problem: `ist is ${claims.ist}` }
  if (typeof claims.iat !== 'number' || Math.abs(claims.iat - now) > 60) return { claims, problem: 'iat is not now' }
  if (typeof claims.exp !== 'number' || claims.exp <= now || claims.exp - claims.iat > 300)
    return { claims, problem: 'exp is past or more than 5 minutes after iat' }
  if (typeof claims.jti !== 'string' || claims.jti === '') return { claims, problem: 'jti is missing' }
  return { claims }
}

/**
 * The exact body schema of a PUT: type, config (with exactly the keys of its type), fallback,
 * and an optional certificate (base64 PEM or null).
 * @param {string} text
 * @returns {string[]}
 */
export function checkBody(text) {
  /** @type {any} */
  let body
  try {
    body = JSON.parse(text)
  } catch {
    return ['body is not JSON']
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return ['body is not an object']
  const problems = []
  for (const key of Object.keys(body)) {
    if (!['type', 'config', 'fallback', 'certificate'].includes(key)) problems.push(`unexpected field ${key}`)
  }
  if (body.fallback !== 'none' && body.fallback !== 'opentok') problems.push('fallback is not none or opentok')
  const keys = body.type === 's3' ? S3_KEYS : body.type === 'azure' ? AZURE_KEYS : undefined
  if (!keys) return [...problems, `type is ${body.type}`]
  const config = body.config
  if (config === null || typeof config !== 'object') return [...problems, 'config is not an object']
  for (const key of keys.required) {
    if (typeof config[key] !== 'string' || config[key] === '') problems.push(`config.${key} is missing`)
  }
  for (const key of Object.keys(config)) {
    if (!keys.required.includes(key) && !keys.optional.includes(key)) problems.push(`unexpected config.${key}`)
    else if (typeof config[key] !== 'string') problems.push(`config.${key} is not a string`)
  }
  if (body.type === 's3' && config.sse !== 's3' && config.sse !== 'none') problems.push('config.sse is not s3 or none')
  if (body.type === 's3' && config.endpoint !== undefined && !/^https?:\/\//.test(config.endpoint))
    problems.push('config.endpoint is not http(s)')
  if ('certificate' in body && body.certificate !== null) {
    const pem = typeof body.certificate === 'string' ? Buffer.from(body.certificate, 'base64').toString('utf8') : ''
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) problems.push('certificate is not a base64 PEM certificate')
  }
  return problems
}
