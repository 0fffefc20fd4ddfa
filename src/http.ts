/** Sends the vendor request with undici: per-attempt timeout, safe retries with backoff, proxies from the environment. */
import type { Dispatcher } from 'undici'
import { PROXY_VARIABLES, proxyFor } from './proxy.js'

/** undici, loaded on first use: a dry run without a storage check never needs it. */
const loadUndici = () => import('./undici-core.js')

export interface HttpAnswer {
  readonly status: number
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly body: string
}

export interface OutgoingRequest {
  readonly method: 'GET' | 'PUT' | 'DELETE' | 'POST' | 'HEAD'
  readonly url: string
  readonly body?: string | Buffer
}

/** An answer whose body is read as it arrives (a download), never whole. */
export interface StreamingAnswer {
  readonly status: number
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  /** The body's chunks; iterating past an idle spell of the request's time throws. */
  readonly body: AsyncIterable<Buffer>
  /** Stops reading and closes the connection. */
  readonly cancel: () => void
}

/** The headers of one attempt; made anew for each, since they carry a fresh token or signature. */
export type AttemptHeaders = () => Record<string, string> | Promise<Record<string, string>>

/** Time, sleep and randomness, injectable so backoff can be tested without waiting. */
export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
  random(): number
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
  random: () => Math.random()
}

export interface RetryPolicy {
  readonly maxAttempts: number
  readonly timeoutMs: number
}

/** Backoff: full jitter over base × 2^(n−1), capped; Retry-After is honoured up to its own cap. */
export const BACKOFF_BASE_MS = 500
export const BACKOFF_CAP_MS = 10_000
export const RETRY_AFTER_CAP_MS = 30_000

export interface SendOutcome {
  /** The final answer, or undefined when every attempt failed without one. */
  readonly answer?: HttpAnswer
  readonly attempts: number
  /** Why the last attempt got no answer. */
  readonly failure?: string
  /** The proxy (host:port) that could not be reached, when that is why. */
  readonly proxy?: string
  /** True when an answer came but its body was larger than MAX_ANSWER_BYTES. */
  readonly tooLarge?: boolean
}

export interface SendLog {
  info(message: string): void
  debug(message: string): void
}

/** Network error codes that mean the request did not get through and may be sent again. */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  // ENOTFOUND is not here: a name that does not resolve will not resolve a second later.
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT'
])

/**
 * Whether a status is worth another attempt: timeouts, throttling and server errors, but not 501
 * Not Implemented or 505, which say the request itself will never work there.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505)
}

/** The wait a Retry-After header asks for (seconds or an HTTP date), in ms, or undefined. */
export function parseRetryAfter(value: string | string[] | undefined, nowMs: number): number | undefined {
  const text = Array.isArray(value) ? value[0] : value
  if (text === undefined || text.trim() === '') return undefined
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1000
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs)
}

/** The wait before attempt `failedAttempt + 1`. */
export function backoffDelay(failedAttempt: number, random: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, RETRY_AFTER_CAP_MS)
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (failedAttempt - 1))
  return Math.floor(random * ceiling)
}

/**
 * The dispatcher for this environment: undici's EnvHttpProxyAgent (HTTPS_PROXY, HTTP_PROXY,
 * NO_PROXY in either case) when a proxy is set, else a plain Agent; the proxy agent prints an
 * "experimental" warning when made, which runs without a proxy need not show.
 */
export async function dispatcherFromEnvironment(env: NodeJS.ProcessEnv = process.env): Promise<Dispatcher> {
  const { Agent, EnvHttpProxyAgent } = await loadUndici()
  if (!PROXY_VARIABLES.some(name => env[name])) return new Agent()
  // Read from `env`, in the same order undici reads process.env, so proxyFor() names the same proxy.
  const httpProxy = env.http_proxy ?? env.HTTP_PROXY
  const httpsProxy = env.https_proxy ?? env.HTTPS_PROXY
  const noProxy = env.no_proxy ?? env.NO_PROXY
  // undici warns on stderr that this agent is experimental; users cannot act on that, so it is not shown.
  const emitWarning = process.emitWarning
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const options = rest[0]
    if (options !== null && typeof options === 'object' && (options as { code?: unknown }).code === 'UNDICI-EHPA') return
    ;(emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest)
  }) as typeof process.emitWarning
  try {
    return new EnvHttpProxyAgent({
      ...(httpProxy ? { httpProxy } : {}),
      ...(httpsProxy ? { httpsProxy } : {}),
      ...(noProxy === undefined ? {} : { noProxy })
    })
  } finally {
    process.emitWarning = emitWarning
  }
}

/**
 * Sends one request to the storage or vendor API, with one undici dispatcher for the whole run.
 * undici is imported on first use: a dry run without a storage check never needs it, and it is
 * the largest part of the bundle.
 */
export class Transport {
  private dispatcher: Dispatcher | undefined

  constructor(
    private readonly makeDispatcher?: () => Dispatcher | Promise<Dispatcher>,
    private readonly env: NodeJS.ProcessEnv = process.env
  ) {}

  /** One attempt: the answer, or throws the network error; aborted after `timeoutMs`. */
  async once(
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | Buffer | undefined,
    timeoutMs: number
  ): Promise<HttpAnswer> {
    this.dispatcher ??= await (this.makeDispatcher ?? (() => dispatcherFromEnvironment(this.env)))()
    const { request } = await loadUndici()
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(new AttemptTimeout(timeoutMs)), timeoutMs)
    try {
      const response = await request(url, {
        method: method as Dispatcher.HttpMethod,
        headers,
        ...(body === undefined ? {} : { body }),
        dispatcher: this.dispatcher,
        signal: controller.signal
      })
      const text = await readBounded(response.body, MAX_ANSWER_BYTES)
      return { status: response.statusCode, headers: response.headers, body: text }
    } catch (error) {
      if (controller.signal.aborted) throw new AttemptTimeout(timeoutMs)
      const proxy = proxyFor(url, this.env)
      const code = errorCode(error)
      if (proxy !== undefined && code !== undefined && PROXY_CONNECT_CODES.has(code)) throw new ProxyUnreachable(proxy, code)
      throw error
    } finally {
      clearTimeout(timer)
    }
  }

  /**
   * A GET whose body is read as it arrives, for a download that may take minutes: the answer's
   * headers must come, and then each chunk must follow the one before, within `idleMs`. Nothing is
   * buffered here; the caller reads the body, or cancels it.
   */
  async stream(url: string, headers: Record<string, string>, idleMs: number): Promise<StreamingAnswer> {
    this.dispatcher ??= await (this.makeDispatcher ?? (() => dispatcherFromEnvironment(this.env)))()
    const { request } = await loadUndici()
    try {
      const response = await request(url, {
        method: 'GET',
        headers,
        dispatcher: this.dispatcher,
        headersTimeout: idleMs,
        bodyTimeout: idleMs
      })
      const body = response.body
      return {
        status: response.statusCode,
        headers: response.headers,
        body: body as AsyncIterable<Buffer>,
        cancel: () => {
          // Destroying a body not read to its end errors it: nobody waits for that error any more.
          body.on('error', () => undefined)
          body.destroy()
        }
      }
    } catch (error) {
      const proxy = proxyFor(url, this.env)
      const code = errorCode(error)
      if (proxy !== undefined && code !== undefined && PROXY_CONNECT_CODES.has(code)) throw new ProxyUnreachable(proxy, code)
      throw error
    }
  }

  /** Closes pooled connections so the process can end at once. */
  async close(): Promise<void> {
    const dispatcher = this.dispatcher
    this.dispatcher = undefined
    await dispatcher?.destroy()
  }
}

/**
 * The most an answer may hold. A page of 1,000 archives is about 0.5 MB and every other answer is
 * smaller; a body past this is not the vendor or the storage answering as documented, and reading
 * it whole would put the runner's memory at the mercy of whoever answers.
 */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024

/** Reads `body` as UTF-8 text; past `limit` bytes it stops reading and throws AnswerTooLarge. */
async function readBounded(body: AsyncIterable<Buffer> & { destroy(error?: Error): unknown }, limit: number): Promise<string> {
  const chunks: Buffer[] = []
  let length = 0
  for await (const chunk of body) {
    length += chunk.length
    if (length > limit) {
      body.destroy()
      throw new AnswerTooLarge(limit)
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks, length).toString('utf8')
}

/** An answer whose body was larger than the action reads; it was refused before it was parsed. */
export class AnswerTooLarge extends Error {
  constructor(limit: number) {
    super(`the answer's body was larger than ${limit / (1024 * 1024)} MiB and was refused unread`)
  }
}

/** An attempt that got no full answer within its time. */
export class AttemptTimeout extends Error {
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs / 1000} s`)
  }
}

/** Errors of the connection to the proxy itself: through a proxy, the client connects to nothing else. */
const PROXY_CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT'])

/** The proxy a request goes through could not be reached; names it by host and port only. */
export class ProxyUnreachable extends Error {
  constructor(
    readonly proxy: string,
    readonly code: string
  ) {
    super(`could not reach the proxy ${proxy} (${code})`)
  }
}

/** A short, secret-free description of a network error, and whether it is safe to retry. */
export function describeNetworkError(error: unknown): { reason: string; retryable: boolean } {
  if (error instanceof AttemptTimeout) return { reason: error.message, retryable: true }
  // The same server would send the same body again.
  if (error instanceof AnswerTooLarge) return { reason: error.message, retryable: false }
  if (error instanceof ProxyUnreachable) return { reason: error.message, retryable: error.code !== 'ENOTFOUND' }
  const code = errorCode(error)
  const message = error instanceof Error ? error.message : String(error)
  if (code !== undefined && TRANSIENT_CODES.has(code)) return { reason: `${code}: ${message}`, retryable: true }
  if (code !== undefined && /CERT|SSL|TLS|SELF_SIGNED|VERIFY/.test(code)) {
    return {
      reason: `${code}: ${message} (a TLS certificate was not trusted; behind a proxy that re-signs TLS, point NODE_EXTRA_CA_CERTS at its CA)`,
      retryable: false
    }
  }
  return { reason: code === undefined ? message : `${code}: ${message}`, retryable: false }
}

function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/**
 * Sends `request` up to `policy.maxAttempts` times: network errors, timeouts, 408, 429 and 5xx
 * are retried after a backoff; any other answer is final. `headers` is called for each attempt,
 * so each one carries a fresh token.
 */
export async function sendWithRetries(
  transport: Transport,
  outgoing: OutgoingRequest,
  headers: AttemptHeaders,
  policy: RetryPolicy,
  clock: Clock,
  log: SendLog
): Promise<SendOutcome> {
  for (let attempt = 1; ; attempt++) {
    const started = clock.now()
    let answer: HttpAnswer | undefined
    let reason: string
    let retryable: boolean
    let proxy: string | undefined
    let tooLarge = false
    try {
      answer = await transport.once(outgoing.method, outgoing.url, await headers(), outgoing.body, policy.timeoutMs)
      log.debug(`${outgoing.method} ${outgoing.url} → ${answer.status} in ${clock.now() - started} ms`)
      reason = `HTTP ${answer.status}`
      retryable = isRetryableStatus(answer.status)
    } catch (error) {
      ;({ reason, retryable } = describeNetworkError(error))
      proxy = error instanceof ProxyUnreachable ? error.proxy : undefined
      tooLarge = error instanceof AnswerTooLarge
      log.debug(`${outgoing.method} ${outgoing.url} failed after ${clock.now() - started} ms: ${reason}`)
    }
    if (!retryable || attempt >= policy.maxAttempts) {
      if (answer !== undefined) return { answer, attempts: attempt }
      return { attempts: attempt, failure: reason, ...(proxy === undefined ? {} : { proxy }), ...(tooLarge ? { tooLarge } : {}) }
    }
    const retryAfter =
      answer !== undefined && (answer.status === 429 || answer.status === 503)
        ? parseRetryAfter(answer.headers['retry-after'], clock.now())
        : undefined
    const wait = backoffDelay(attempt, clock.random(), retryAfter)
    log.info(`Attempt ${attempt} of ${policy.maxAttempts} failed (${reason}); ${describeWait(wait, retryAfter)}.`)
    await clock.sleep(wait)
  }
}

/** "retrying in 1.2 s", or what Retry-After asked and what the action waits. */
export function describeWait(waitMs: number, retryAfterMs: number | undefined): string {
  const retrying = `retrying in ${(waitMs / 1000).toFixed(1)} s`
  if (retryAfterMs === undefined) return retrying
  if (retryAfterMs > waitMs) {
    const seconds = (ms: number) => `${Number.isInteger(ms / 1000) ? ms / 1000 : (ms / 1000).toFixed(1)} s`
    return `Retry-After asked ${seconds(retryAfterMs)}; waiting the ${seconds(waitMs)} maximum`
  }
  return `${retrying} as Retry-After asks`
}

/** The message for a request that got no answer: names the proxy when it was the proxy that failed. */
export function noAnswerMessage(outgoing: Pick<OutgoingRequest, 'method' | 'url'>, outcome: SendOutcome): string {
  const attempts = `${outcome.attempts} attempt(s)`
  if (outcome.proxy !== undefined && outcome.failure !== undefined) {
    // "Could not reach the proxy 127.0.0.1:9 (ECONNREFUSED) for PUT https://… after 3 attempt(s)"
    const sentence = outcome.failure.charAt(0).toUpperCase() + outcome.failure.slice(1)
    return `${sentence} for ${outgoing.method} ${outgoing.url} after ${attempts}; check HTTPS_PROXY / HTTP_PROXY and NO_PROXY.`
  }
  if (outcome.tooLarge === true) return `${outgoing.method} ${outgoing.url}: ${outcome.failure ?? 'the answer was too large'}.`
  return `${outgoing.method} ${outgoing.url} got no answer after ${attempts}: ${outcome.failure ?? 'unknown error'}.`
}
