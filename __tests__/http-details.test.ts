/**
 * What the sender promises, one rule per test: which answers and network errors are sent again,
 * how long it waits, and what it says. Each expectation is written out here, not computed by the
 * module under test.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  AttemptTimeout,
  describeNetworkError,
  dispatcherFromEnvironment,
  describeWait,
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
import { FakeClock } from './support/fake-clock.js'

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
let lines: string[] = []
const log: SendLog = { info: m => lines.push(m), debug: m => lines.push(`debug: ${m}`) }
afterEach(() => {
  lines = []
})

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
