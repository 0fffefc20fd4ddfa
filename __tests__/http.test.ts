/**
 * The sender: retries, backoff, Retry-After, timeouts, network errors, name resolution and proxies,
 * against the loopback stand-in and against a transport that plays back a script; the rules are
 * written out here, not computed by the module under test.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  AttemptTimeout,
  backoffDelay,
  describeNetworkError,
  describeWait,
  dispatcherFromEnvironment,
  isRetryableStatus,
  noAnswerMessage,
  parseRetryAfter,
  ProxyUnreachable,
  sendWithRetries,
  systemClock,
  Transport,
  type HttpAnswer,
  type SendLog
} from '../src/http.js'
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

/** A transport that plays back a script of answers and network errors, recording each attempt. */
class ScriptedTransport extends Transport {
  readonly attempts: Array<{ method: string; url: string; headers: Record<string, string>; body: unknown; timeoutMs: number }> = []
  constructor(private readonly script: Array<Partial<HttpAnswer> | Error>) {
    super()
  }
  override async once(method: string, url: string, headers: Record<string, string>, body: unknown, timeoutMs: number): Promise<HttpAnswer> {
    this.attempts.push({ method, url, headers, body, timeoutMs })
    const next = this.script.shift() ?? { status: 200 }
    if (next instanceof Error) throw next
    return { status: 200, headers: {}, body: '', ...next }
  }
}

const request = { method: 'PUT' as const, url: 'https://api.opentok.com/v2/project/46000042/archive/storage', body: '{}' }

function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 203.0.113.9:443`), { code })
}

describe('which answers are sent again', () => {
  it.each([408, 429, 500, 502, 503, 504, 599])('%i is retried', status => {
    expect(isRetryableStatus(status)).toBe(true)
  })
  it.each([200, 204, 400, 401, 403, 404, 409, 499, 501, 505])('%i is final', status => {
    expect(isRetryableStatus(status)).toBe(false)
  })

  it('a 500 on the first attempt is retried, and the success after it is the answer', async () => {
    const transport = new ScriptedTransport([{ status: 500 }, { status: 200, body: 'ok' }])
    const clock = new FakeClock()
    const outcome = await sendWithRetries(transport, request, () => ({}), { maxAttempts: 3, timeoutMs: 1000 }, clock, log)
    expect(outcome).toEqual({ answer: { status: 200, headers: {}, body: 'ok' }, attempts: 2 })
    expect(clock.sleeps).toEqual([500])
  })

  it('a 501 is final at once: the request will never work there', async () => {
    const transport = new ScriptedTransport([{ status: 501 }])
    const clock = new FakeClock()
    const outcome = await sendWithRetries(transport, request, () => ({}), { maxAttempts: 3, timeoutMs: 1000 }, clock, log)
    expect(outcome.attempts).toBe(1)
    expect(clock.sleeps).toEqual([])
  })

  it('each attempt gets the same method, URL and body, fresh headers, and the per-attempt timeout', async () => {
    const transport = new ScriptedTransport([{ status: 503 }, { status: 200 }])
    let made = 0
    await sendWithRetries(
      transport,
      request,
      () => ({ 'X-OPENTOK-AUTH': `token-${++made}` }),
      { maxAttempts: 3, timeoutMs: 1234 },
      new FakeClock(),
      log
    )
    expect(transport.attempts).toEqual([
      { method: 'PUT', url: request.url, headers: { 'X-OPENTOK-AUTH': 'token-1' }, body: '{}', timeoutMs: 1234 },
      { method: 'PUT', url: request.url, headers: { 'X-OPENTOK-AUTH': 'token-2' }, body: '{}', timeoutMs: 1234 }
    ])
  })

  it('logs each answer at debug level with its status, and each failed attempt with its reason and wait', async () => {
    const transport = new ScriptedTransport([{ status: 502 }, networkError('ECONNRESET'), { status: 204 }])
    await sendWithRetries(transport, request, () => ({}), { maxAttempts: 3, timeoutMs: 1000 }, new FakeClock(), log)
    expect(lines[0]).toMatch(/^debug: PUT https:\/\/api\.opentok\.com\/v2\/project\/46000042\/archive\/storage → 502 in \d+ ms$/)
    expect(lines[1]).toBe('Attempt 1 of 3 failed (HTTP 502); retrying in 0.5 s.')
    expect(lines[2]).toMatch(/^debug: PUT .* failed after \d+ ms: ECONNRESET: connect ECONNRESET 203\.0\.113\.9:443$/)
    expect(lines[3]).toBe('Attempt 2 of 3 failed (ECONNRESET: connect ECONNRESET 203.0.113.9:443); retrying in 1.0 s.')
    expect(lines[4]).toMatch(/→ 204 in \d+ ms$/)
    expect(lines).toHaveLength(5)
  })
})

describe('Retry-After', () => {
  it('is honoured on a 503, in seconds', async () => {
    const transport = new ScriptedTransport([{ status: 503, headers: { 'retry-after': '4' } }])
    const clock = new FakeClock(0.1)
    await sendWithRetries(transport, request, () => ({}), { maxAttempts: 3, timeoutMs: 1000 }, clock, log)
    expect(clock.sleeps).toEqual([4000])
    expect(lines).toContain('Attempt 1 of 3 failed (HTTP 503); retrying in 4.0 s as Retry-After asks.')
  })

  it('is not read from other retried answers (a 502 or 500 with the header backs off as usual)', async () => {
    const transport = new ScriptedTransport([
      { status: 502, headers: { 'retry-after': '9' } },
      { status: 500, headers: { 'retry-after': '9' } }
    ])
    const clock = new FakeClock(1)
    await sendWithRetries(transport, request, () => ({}), { maxAttempts: 3, timeoutMs: 1000 }, clock, log)
    expect(clock.sleeps).toEqual([500, 1000])
  })

  it('is capped at 30 s, and the log says what was asked and what is waited', async () => {
    const transport = new ScriptedTransport([{ status: 429, headers: { 'retry-after': '120' } }])
    const clock = new FakeClock()
    await sendWithRetries(transport, request, () => ({}), { maxAttempts: 2, timeoutMs: 1000 }, clock, log)
    expect(clock.sleeps).toEqual([30_000])
    expect(lines).toContain('Attempt 1 of 2 failed (HTTP 429); Retry-After asked 120 s; waiting the 30 s maximum.')
  })

  it('reads seconds with spaces around them, and nothing from text that only holds digits at one end', () => {
    const now = Date.parse('2026-11-29T09:00:00Z')
    expect(parseRetryAfter(' 12 ', now)).toBe(12_000)
    expect(parseRetryAfter(['3', '9'], now)).toBe(3000)
    expect(parseRetryAfter('x5', now)).toBeUndefined()
    expect(parseRetryAfter('5x', now)).toBeUndefined()
    expect(parseRetryAfter('  ', now)).toBeUndefined()
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
  })

  it('describes the wait in words', () => {
    expect(describeWait(1500, undefined)).toBe('retrying in 1.5 s')
    expect(describeWait(2000, 2000)).toBe('retrying in 2.0 s as Retry-After asks')
    expect(describeWait(30_000, 45_500)).toBe('Retry-After asked 45.5 s; waiting the 30 s maximum')
    expect(describeWait(30_000, 61_234)).toBe('Retry-After asked 61.2 s; waiting the 30 s maximum')
  })
})

describe('the real clock', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('sleeps as long as it is asked, and no shorter', async () => {
    vi.useFakeTimers()
    let woke = false
    const sleeping = systemClock.sleep(1000).then(() => {
      woke = true
    })
    await vi.advanceTimersByTimeAsync(999)
    expect(woke).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await sleeping
    expect(woke).toBe(true)
  })

  it('tells the time and draws randomness in [0, 1)', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-29T08:00:00Z') })
    expect(systemClock.now()).toBe(Date.parse('2026-11-29T08:00:00Z'))
    const draws = Array.from({ length: 50 }, () => systemClock.random())
    expect(draws.every(r => r >= 0 && r < 1)).toBe(true)
    expect(new Set(draws).size).toBeGreaterThan(1)
  })
})

describe('which network errors are sent again', () => {
  it.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_SOCKET',
    'UND_ERR_CLOSED',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT'
  ])('%s did not get through and is retried', code => {
    expect(describeNetworkError(networkError(code))).toEqual({ reason: `${code}: connect ${code} 203.0.113.9:443`, retryable: true })
  })

  it.each(['ENOTFOUND', 'ERR_INVALID_URL', 'UND_ERR_INVALID_ARG'])('%s is final', code => {
    expect(describeNetworkError(networkError(code))).toEqual({ reason: `${code}: connect ${code} 203.0.113.9:443`, retryable: false })
  })

  it('finds the code on a cause a few levels down, as undici wraps it', () => {
    const wrapped = new TypeError('fetch failed', { cause: new Error('other', { cause: networkError('ECONNRESET') }) })
    expect(describeNetworkError(wrapped)).toEqual({ reason: 'ECONNRESET: fetch failed', retryable: true })
  })

  it('an untrusted TLS certificate is final, and points at NODE_EXTRA_CA_CERTS', () => {
    for (const code of [
      'SELF_SIGNED_CERT_IN_CHAIN',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'ERR_SSL_WRONG_VERSION_NUMBER'
    ]) {
      const described = describeNetworkError(networkError(code))
      expect(described.retryable).toBe(false)
      expect(described.reason).toBe(
        `${code}: connect ${code} 203.0.113.9:443 (a TLS certificate was not trusted; behind a proxy that re-signs TLS, point NODE_EXTRA_CA_CERTS at its CA)`
      )
    }
  })

  it('a timeout is retried and says how long it waited; an error without a code is final, by its message', () => {
    expect(describeNetworkError(new AttemptTimeout(2500))).toEqual({ reason: 'no answer within 2.5 s', retryable: true })
    expect(describeNetworkError(new Error('socket hang up'))).toEqual({ reason: 'socket hang up', retryable: false })
    expect(describeNetworkError('plain text')).toEqual({ reason: 'plain text', retryable: false })
  })

  it('a proxy that refuses is retried, one whose name does not resolve is not', () => {
    expect(describeNetworkError(new ProxyUnreachable('proxy.corp:3128', 'ECONNREFUSED'))).toEqual({
      reason: 'could not reach the proxy proxy.corp:3128 (ECONNREFUSED)',
      retryable: true
    })
    expect(describeNetworkError(new ProxyUnreachable('proxy.corp:3128', 'ENOTFOUND')).retryable).toBe(false)
  })

  it('gives up after max-attempts with the last reason, and a message naming the request', async () => {
    const transport = new ScriptedTransport([networkError('ETIMEDOUT'), networkError('ETIMEDOUT')])
    const outcome = await sendWithRetries(transport, request, () => ({}), { maxAttempts: 2, timeoutMs: 1000 }, new FakeClock(), log)
    expect(outcome).toEqual({ attempts: 2, failure: 'ETIMEDOUT: connect ETIMEDOUT 203.0.113.9:443' })
    expect(noAnswerMessage(request, outcome)).toBe(
      `PUT ${request.url} got no answer after 2 attempt(s): ETIMEDOUT: connect ETIMEDOUT 203.0.113.9:443.`
    )
    expect(noAnswerMessage(request, { attempts: 1 })).toBe(`PUT ${request.url} got no answer after 1 attempt(s): unknown error.`)
  })
})

describe('the dispatcher for the environment', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('is a plain agent without a proxy, and a proxy agent with one', async () => {
    const { Agent, EnvHttpProxyAgent } = await import('undici')
    const plain = await dispatcherFromEnvironment({ NO_PROXY: 'x' })
    expect(plain).toBeInstanceOf(Agent)
    expect(plain).not.toBeInstanceOf(EnvHttpProxyAgent)
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) {
      const proxied = await dispatcherFromEnvironment({ [name]: 'http://127.0.0.1:9' })
      expect(proxied.constructor.name).toBe('EnvHttpProxyAgent')
      await proxied.destroy()
    }
    await plain.destroy()
  })

  it("hides only undici's experimental-agent warning, and puts process.emitWarning back", async () => {
    const original = process.emitWarning
    const seen: unknown[] = []
    process.emitWarning = ((warning: unknown, ...rest: unknown[]) => {
      seen.push([warning, ...rest])
    }) as typeof process.emitWarning
    const installed = process.emitWarning
    try {
      const proxied = await dispatcherFromEnvironment({ HTTPS_PROXY: 'http://127.0.0.1:9' })
      await proxied.destroy()
      expect(seen.filter(s => JSON.stringify(s).includes('UNDICI-EHPA'))).toEqual([])
      expect(process.emitWarning).toBe(installed)
    } finally {
      process.emitWarning = original
    }
  })
})

describe('retries', () => {
  it('never retries 501 or 505, which say the request itself cannot work there', () => {
    expect([408, 429, 500, 502, 503, 504, 599].map(isRetryableStatus)).toEqual([true, true, true, true, true, true, true])
    expect([400, 401, 403, 404, 501, 505].map(isRetryableStatus)).toEqual([false, false, false, false, false, false])
  })

  it('says what Retry-After asked and what the action waits', () => {
    expect(describeWait(1234, undefined)).toBe('retrying in 1.2 s')
    expect(describeWait(30_000, 120_000)).toBe('Retry-After asked 120 s; waiting the 30 s maximum')
    expect(describeWait(5000, 5000)).toBe('retrying in 5.0 s as Retry-After asks')
  })
})
