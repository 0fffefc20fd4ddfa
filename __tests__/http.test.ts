/** Retries, backoff, timeouts and proxies of the sender, against the loopback stand-in. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  backoffDelay,
  describeNetworkError,
  dispatcherFromEnvironment,
  noAnswerMessage,
  parseRetryAfter,
  ProxyUnreachable,
  sendWithRetries,
  Transport,
  type SendLog
} from '../src/http.js'
import { proxyFor } from '../src/proxy.js'
import { makeProjectToken } from '../src/token.js'
import { FakeClock } from './support/fake-clock.js'
import { startLoopbackProxy } from './support/loopback-proxy.js'
import { startStandIn } from './support/opentok-standin.js'

const project = { apiKey: '46000042', apiSecret: 'http-test-secret-0123456789' }
const body = JSON.stringify({ type: 's3', config: { bucket: 'b12', accessKey: 'AK', secretKey: 'SK', sse: 's3' }, fallback: 'none' })

let standIn: Awaited<ReturnType<typeof startStandIn>>
let transport: Transport
let lines: string[]
const log: SendLog = { info: m => lines.push(m), debug: m => lines.push(`debug: ${m}`) }

beforeAll(async () => {
  standIn = await startStandIn(project)
})
afterAll(() => standIn.close())
beforeEach(() => {
  standIn.requests.length = 0
  transport = new Transport()
  lines = []
})
afterEach(() => transport.close())

function send(clock: FakeClock, maxAttempts = 3, timeoutMs = 5000) {
  return sendWithRetries(
    transport,
    { method: 'PUT', url: `${standIn.url}/v2/project/${project.apiKey}/archive/storage`, body },
    async () => ({
      'X-OPENTOK-AUTH': await makeProjectToken(project.apiKey, project.apiSecret, Date.now()),
      'Content-Type': 'application/json'
    }),
    { maxAttempts, timeoutMs },
    clock,
    log
  )
}

describe('sendWithRetries', () => {
  it('retries 503, 503, then succeeds on the third attempt with a fresh token each time', async () => {
    standIn.answer({ status: 503 }, { status: 503 })
    const clock = new FakeClock()
    const started = Date.now()
    const outcome = await send(clock)
    expect(outcome.answer?.status).toBe(200)
    expect(outcome.attempts).toBe(3)
    expect(standIn.requests).toHaveLength(3)
    expect(standIn.violations()).toEqual([])
    expect(new Set(standIn.requests.map(r => r.claims?.jti)).size).toBe(3)
    // full jitter with random()=1 waits the whole ceiling: 0.5 s, then 1 s
    expect(clock.sleeps).toEqual([500, 1000])
    expect(lines.filter(l => l.startsWith('Attempt'))).toEqual([
      'Attempt 1 of 3 failed (HTTP 503); retrying in 0.5 s.',
      'Attempt 2 of 3 failed (HTTP 503); retrying in 1.0 s.'
    ])
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('waits as a 429 Retry-After says, then succeeds', async () => {
    standIn.answer({ status: 429, headers: { 'retry-after': '7' } })
    const clock = new FakeClock()
    const outcome = await send(clock)
    expect(outcome).toMatchObject({ attempts: 2, answer: { status: 200 } })
    expect(clock.sleeps).toEqual([7000])
    expect(lines.some(l => l.includes('retrying in 7.0 s as Retry-After asks'))).toBe(true)
  })

  it('retries a connection reset, then succeeds', async () => {
    standIn.answer({ reset: true })
    const clock = new FakeClock()
    const outcome = await send(clock)
    expect(outcome).toMatchObject({ attempts: 2, answer: { status: 200 } })
    expect(standIn.requests).toHaveLength(2)
    expect(lines[0]).toMatch(/debug: PUT .* failed after \d+ ms: (ECONNRESET|UND_ERR_SOCKET)/)
  })

  it('retries a refused connection', async () => {
    const clock = new FakeClock()
    const outcome = await sendWithRetries(
      transport,
      { method: 'DELETE', url: 'http://127.0.0.1:1/x' },
      () => ({}),
      { maxAttempts: 2, timeoutMs: 1000 },
      clock,
      log
    )
    expect(outcome).toMatchObject({ attempts: 2 })
    expect(outcome.failure).toMatch(/ECONNREFUSED/)
  })

  it('times out each attempt of a server that never answers and gives up after max-attempts, within the bound', async () => {
    standIn.answer({ hang: true }, { hang: true })
    const clock = new FakeClock()
    const started = Date.now()
    const outcome = await send(clock, 2, 300)
    const elapsed = Date.now() - started
    expect(outcome.answer).toBeUndefined()
    expect(outcome.attempts).toBe(2)
    expect(outcome.failure).toBe('no answer within 0.3 s')
    expect(standIn.requests).toHaveLength(2)
    // worst case: attempts × timeout, plus the (fake) backoff
    expect(elapsed).toBeGreaterThanOrEqual(600)
    expect(elapsed).toBeLessThan(2 * 300 + 1000)
  })

  it.each([400, 401, 403, 404, 418])('never retries a %i', async status => {
    standIn.answer({ status })
    const clock = new FakeClock()
    const outcome = await send(clock)
    expect(outcome).toMatchObject({ attempts: 1, answer: { status } })
    expect(standIn.requests).toHaveLength(1)
    expect(clock.sleeps).toEqual([])
  })

  it('retries 408 and 5xx but returns the last answer when attempts run out', async () => {
    standIn.answer({ status: 408 }, { status: 502 }, { status: 500 })
    const outcome = await send(new FakeClock(0.5))
    expect(outcome).toMatchObject({ attempts: 3, answer: { status: 500 } })
  })

  it('sends once when max-attempts is 1', async () => {
    standIn.answer({ status: 503 })
    const outcome = await send(new FakeClock(), 1)
    expect(outcome).toMatchObject({ attempts: 1, answer: { status: 503 } })
  })
})

describe('backoff', () => {
  it('draws full jitter below a doubling ceiling, capped at 10 s', () => {
    expect([1, 2, 3, 4, 5, 6].map(n => backoffDelay(n, 1))).toEqual([500, 1000, 2000, 4000, 8000, 10000])
    expect(backoffDelay(3, 0)).toBe(0)
    expect(backoffDelay(3, 0.5)).toBe(1000)
  })

  it('honours Retry-After in seconds or as an HTTP date, capped at 30 s', () => {
    const now = Date.parse('2026-11-27T12:00:00Z')
    expect(parseRetryAfter('12', now)).toBe(12000)
    expect(parseRetryAfter('Fri, 27 Nov 2026 12:00:05 GMT', now)).toBe(5000)
    expect(parseRetryAfter('Fri, 27 Nov 2026 11:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(backoffDelay(1, 0.1, 120_000)).toBe(30_000)
  })
})

describe('the per-attempt timer', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('is cleared once the answer is in, so it keeps no process alive after a quick answer', async () => {
    const set = vi.spyOn(globalThis, 'setTimeout')
    const cleared = vi.spyOn(globalThis, 'clearTimeout')
    const answer = await transport.once('DELETE', `${standIn.url}/v2/project/${project.apiKey}/archive/storage`, {}, undefined, 54_321)
    expect(answer.status).toBe(403)
    const index = set.mock.calls.findIndex(call => call[1] === 54_321)
    expect(index).toBeGreaterThanOrEqual(0)
    expect(cleared).toHaveBeenCalledWith(set.mock.results[index]!.value)
  })
})

describe('proxies', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('goes through HTTP_PROXY with its credentials, and NO_PROXY bypasses it', async () => {
    const proxy = await startLoopbackProxy({ requireAuth: 'ci-user:proxy-p@ss' })
    try {
      vi.stubEnv('HTTP_PROXY', `http://ci-user:${encodeURIComponent('proxy-p@ss')}@127.0.0.1:${proxy.port}`)
      const through = new Transport()
      const answer = await through.once('DELETE', `${standIn.url}/v2/project/${project.apiKey}/archive/storage`, {}, undefined, 5000)
      await through.close()
      expect(answer.status).toBe(403) // no token: the stand-in refuses, but the request got there
      expect(proxy.seen).toHaveLength(1)
      expect(proxy.seen[0]!.target).toContain(`127.0.0.1:${standIn.port}`)

      vi.stubEnv('no_proxy', '127.0.0.1')
      const direct = new Transport()
      await direct.once('DELETE', `${standIn.url}/v2/project/${project.apiKey}/archive/storage`, {}, undefined, 5000)
      await direct.close()
      expect(proxy.seen).toHaveLength(1)
      expect(standIn.requests).toHaveLength(2)
    } finally {
      await proxy.close()
    }
  })

  // The transport is given an environment of its own here (process.env has no proxy): each
  // variable must reach undici from that environment, not from process.env.
  it.each(['HTTPS_PROXY', 'https_proxy'])('sends an https request through %s of the environment it is given', async name => {
    const proxy = await startLoopbackProxy()
    const through = new Transport(undefined, { [name]: proxy.url })
    try {
      // the tunnel is opened to the stand-in, which speaks no TLS: the request fails after the CONNECT
      await expect(through.once('GET', `https://127.0.0.1:${standIn.port}/x`, {}, undefined, 5000)).rejects.toThrow()
      expect(proxy.seen.map(s => [s.method, s.target])).toEqual([['CONNECT', `127.0.0.1:${standIn.port}`]])
    } finally {
      await through.close()
      await proxy.close()
    }
  })

  it.each(['NO_PROXY', 'no_proxy'])('goes direct to a host in %s of the environment it is given', async name => {
    const proxy = await startLoopbackProxy()
    const direct = new Transport(undefined, { HTTP_PROXY: proxy.url, [name]: '127.0.0.1' })
    try {
      const answer = await direct.once('DELETE', `${standIn.url}/v2/project/${project.apiKey}/archive/storage`, {}, undefined, 5000)
      expect(answer.status).toBe(403)
      expect(proxy.seen).toEqual([])
      expect(standIn.requests).toHaveLength(1)
    } finally {
      await direct.close()
      await proxy.close()
    }
  })

  it('reads the lower-case http_proxy too', async () => {
    const proxy = await startLoopbackProxy()
    try {
      vi.stubEnv('http_proxy', proxy.url)
      const through = new Transport()
      await through.once('DELETE', `${standIn.url}/v2/project/${project.apiKey}/archive/storage`, {}, undefined, 5000)
      await through.close()
      expect(proxy.seen).toHaveLength(1)
    } finally {
      await proxy.close()
    }
  })
})

/** A transport whose attempts fail with a chosen network error code, counting them. */
class FailingTransport extends Transport {
  calls = 0
  constructor(private readonly code: string) {
    super()
  }
  override async once(): Promise<never> {
    this.calls++
    throw Object.assign(new Error(`getaddrinfo ${this.code} storage.example.invalid`), { code: this.code })
  }
}

describe('name resolution failures', () => {
  const request = { method: 'PUT' as const, url: 'https://storage.example.invalid/x' }
  it('does not retry ENOTFOUND: a name that does not resolve will not resolve a second later', async () => {
    const failing = new FailingTransport('ENOTFOUND')
    const outcome = await sendWithRetries(failing, request, () => ({}), { maxAttempts: 3, timeoutMs: 1000 }, new FakeClock(), log)
    expect([failing.calls, outcome.attempts]).toEqual([1, 1])
    expect(outcome.failure).toMatch(/^ENOTFOUND/)
  })
  it('retries EAI_AGAIN, a passing failure of the resolver', async () => {
    const failing = new FailingTransport('EAI_AGAIN')
    const outcome = await sendWithRetries(failing, request, () => ({}), { maxAttempts: 3, timeoutMs: 1000 }, new FakeClock(), log)
    expect([failing.calls, outcome.attempts]).toEqual([3, 3])
  })
})

describe('a proxy that cannot be reached', () => {
  it('is named by host and port, without its credentials, and ENOTFOUND of the proxy is not retried', async () => {
    const env = { HTTP_PROXY: 'http://user:hunter2-proxy@127.0.0.1:9' }
    const viaProxy = new Transport(() => dispatcherFromEnvironment(env), env)
    const url = `${standIn.url}/v2/project/${project.apiKey}/archive/storage`
    const outcome = await sendWithRetries(
      viaProxy,
      { method: 'DELETE', url },
      () => ({}),
      { maxAttempts: 2, timeoutMs: 2000 },
      new FakeClock(),
      log
    )
    await viaProxy.close()
    expect(outcome).toMatchObject({ attempts: 2, proxy: '127.0.0.1:9', failure: 'could not reach the proxy 127.0.0.1:9 (ECONNREFUSED)' })
    expect(noAnswerMessage({ method: 'DELETE', url }, outcome)).toBe(
      `Could not reach the proxy 127.0.0.1:9 (ECONNREFUSED) for DELETE ${url} after 2 attempt(s); check HTTPS_PROXY / HTTP_PROXY and NO_PROXY.`
    )
    expect(JSON.stringify(outcome)).not.toContain('hunter2')
    expect(describeNetworkError(new ProxyUnreachable('proxy.corp.invalid:3128', 'ENOTFOUND')).retryable).toBe(false)
  })
})

describe('proxyFor', () => {
  it.each([
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://u:p@proxy:3128' }, 'proxy:3128'],
    ['https://api.opentok.com/x', { HTTP_PROXY: 'http://proxy:8080' }, 'proxy:8080'],
    ['https://api.opentok.com/x', { https_proxy: 'proxy.corp', HTTPS_PROXY: 'other:1' }, 'proxy.corp:80'],
    ['http://127.0.0.1:8080/x', { HTTPS_PROXY: 'http://proxy:3128' }, undefined],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '.opentok.com' }, undefined],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'api.opentok.com:443' }, undefined],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'api.opentok.com:8443' }, 'proxy:3128'],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', no_proxy: '*' }, undefined],
    ['https://api.opentok.com/x', { http_proxy: 'http://lower:3128' }, 'lower:3128'],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'https://secure.proxy' }, 'secure.proxy:443'],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://[broken' }, 'the proxy in HTTPS_PROXY / HTTP_PROXY'],
    ['https://API.OpenTok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'api.opentok.com' }, undefined],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'other.example api.opentok.com' }, undefined],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'other.example,*.opentok.com' }, undefined],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'opentok.com' }, 'proxy:3128'],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'API.OPENTOK.COM' }, undefined],
    ['https://api.opentok.com:8443/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'api.opentok.com:8443' }, undefined],
    ['http://storage.local/x', { HTTP_PROXY: 'proxy:8080', NO_PROXY: 'storage.local:80' }, undefined],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '' }, 'proxy:3128'],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', no_proxy: 'api.opentok.com', NO_PROXY: 'x' }, undefined],
    // an IPv6 host keeps its brackets and loses only its port, as undici reads it
    ['http://[::1]:8080/x', { HTTP_PROXY: 'http://proxy:3128', NO_PROXY: '[::1]' }, undefined],
    ['http://[::1]:8080/x', { HTTP_PROXY: 'http://proxy:3128', NO_PROXY: '[::1]:8080' }, undefined],
    // an entry whose port is not all digits is a host name that matches nothing
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'api.opentok.com:443x' }, 'proxy:3128'],
    // only a leading `*` is a wildcard: a stray one at the end leaves an entry that matches nothing
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '.opentok.com*' }, 'proxy:3128']
  ])('%s with %j goes through %s', (url, env, expected) => {
    expect(proxyFor(url, env)).toBe(expected)
  })
})
