/**
 * The vendor's archive list, read page by page, newest first, down to the start of an audit's
 * window: `GET {api-url}/v2/project/{id}/archive?offset=N&count=M`, signed like the storage call.
 * Each archive's `url` is a signed download link: it is masked the moment it is read and never kept.
 */
import { noAnswerMessage, sendWithRetries, type Clock, type SendLog, type Transport } from './http.js'
import { authHeaders, projectIdOf } from './platform.js'
import type { Plan } from './plan.js'
import { apiUrlHint, explainFailure } from './vendor-answer.js'
import { USER_AGENT } from './version.js'

/** The most the vendor returns in one page. */
export const PAGE_SIZE = 1000
/** The most archives one audit reads; a larger window is cut here, with a warning. */
export const MAX_ARCHIVES = 10_000

/** One archive as the audit needs it: what the vendor said, without its download `url`. */
export interface Archive {
  readonly id: string
  /** As the vendor gives it, lower-cased: available, deleted, expired, failed, paused, started, stopped or uploaded (audit/verdicts.ts judges each). */
  readonly status: string
  /** ms since the epoch. */
  readonly createdAt: number
  /** ms since the epoch, when the vendor gives it. */
  readonly updatedAt?: number
  /** Seconds. */
  readonly duration: number
  /** Bytes. */
  readonly size: number
  readonly outputMode: 'composed' | 'individual'
  readonly sessionId: string
  readonly reason: string
}

export interface ArchiveListing {
  /** The archives created at or after `since`, newest first, without duplicates. */
  readonly archives: Archive[]
  /** List requests sent, retries included. */
  readonly requests: number
  /** The status of the last answer, when one came. */
  readonly status?: number
  /** True when MAX_ARCHIVES cut the window short. */
  readonly capped: boolean
  /** Archives skipped because the vendor gave them an ID that is not safe in a storage key. */
  readonly skipped: number
  /** Why the list could not be read; the step fails with it. */
  readonly error?: string
}

export interface ListIo {
  readonly transport: Transport
  readonly clock: Clock
  readonly log: SendLog
  /** Registers a secret with the runner the moment it is read (the signed download `url`, the token). */
  readonly mask: (secret: string) => void
  readonly secrets: readonly string[]
}

/** Archive IDs are UUIDs; anything else would not be safe in a storage key or a report. */
const ARCHIVE_ID = /^[A-Za-z0-9-]{1,64}$/

/** The URL of one page of the list. */
export function archiveListUrl(plan: Plan, offset: number, count: number): string {
  return `${plan.apiUrl}/v2/project/${projectIdOf(plan.credentials)}/archive?offset=${offset}&count=${count}`
}

/**
 * Reads the archives created at or after `since`. Paging stops at the first page that reaches
 * older archives, at the end of the list, or at MAX_ARCHIVES: an audit never walks the whole history.
 */
export async function listArchivesSince(plan: Plan, since: Date, io: ListIo): Promise<ArchiveListing> {
  const archives: Archive[] = []
  const seen = new Set<string>()
  let requests = 0
  let status: number | undefined
  let skipped = 0
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const outgoing = { method: 'GET' as const, url: archiveListUrl(plan, offset, PAGE_SIZE) }
    const outcome = await sendWithRetries(
      io.transport,
      outgoing,
      async () => ({
        ...(await authHeaders(plan.credentials, io.clock.now(), io.mask)),
        Accept: 'application/json',
        'User-Agent': USER_AGENT
      }),
      { maxAttempts: plan.maxAttempts, timeoutMs: plan.timeoutSeconds * 1000 },
      io.clock,
      io.log
    )
    requests += outcome.attempts
    const answer = outcome.answer
    if (answer === undefined) {
      return {
        archives,
        requests,
        capped: false,
        skipped,
        error: `${noAnswerMessage(outgoing, outcome)}${apiUrlHint(plan, outcome.failure)}`
      }
    }
    status = answer.status
    if (answer.status < 200 || answer.status >= 300) {
      return { archives, requests, status, capped: false, skipped, error: explainFailure(plan.credentials, outgoing, answer, io.secrets) }
    }
    const page = readPage(answer.body, io.mask)
    if (page === undefined) {
      return {
        archives,
        requests,
        status,
        capped: false,
        skipped,
        error: `${outgoing.method} ${outgoing.url} answered ${answer.status} with a body that is not an archive list ({"count": …, "items": […]}); check 'api-url'.`
      }
    }
    let reachedOlder = false
    for (const item of page.items) {
      if (item.createdAt < since.getTime()) {
        reachedOlder = true
        continue
      }
      if (item.id === undefined) {
        skipped++
        continue
      }
      // Archives started while paging push the list down: the same archive can come twice.
      if (seen.has(item.id)) continue
      if (archives.length >= MAX_ARCHIVES) return { archives, requests, status, capped: true, skipped }
      seen.add(item.id)
      archives.push(item as Archive)
    }
    if (reachedOlder || page.received < PAGE_SIZE || offset + PAGE_SIZE >= page.total) {
      return { archives, requests, status, capped: false, skipped }
    }
  }
}

type PageItem = Omit<Archive, 'id'> & { readonly id: string | undefined }

/**
 * One page: the total and its archives, each `url` masked and dropped; undefined when the body
 * is not an archive list. The body is parsed and let go: only the fields the audit needs are kept.
 */
export function readPage(body: string, mask: (secret: string) => void): { total: number; received: number; items: PageItem[] } | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return undefined
  }
  if (parsed === null || typeof parsed !== 'object' || !Array.isArray((parsed as { items?: unknown }).items)) return undefined
  const { count, items } = parsed as { count?: unknown; items: unknown[] }
  const result: PageItem[] = []
  for (const raw of items) {
    if (raw === null || typeof raw !== 'object') continue
    const item = raw as Record<string, unknown>
    if (typeof item.url === 'string' && item.url !== '') mask(item.url)
    const createdAt = numberOr(item.createdAt, Number.NaN)
    if (Number.isNaN(createdAt)) continue
    const id = typeof item.id === 'string' && ARCHIVE_ID.test(item.id) ? item.id : undefined
    const updatedAt = numberOr(item.updatedAt, Number.NaN)
    result.push({
      id,
      status: typeof item.status === 'string' ? item.status.toLowerCase() : '',
      createdAt,
      ...(Number.isNaN(updatedAt) ? {} : { updatedAt }),
      duration: numberOr(item.duration, 0),
      size: numberOr(item.size, 0),
      outputMode: item.outputMode === 'individual' ? 'individual' : 'composed',
      sessionId: typeof item.sessionId === 'string' ? item.sessionId.slice(0, 200) : '',
      reason: typeof item.reason === 'string' ? item.reason.slice(0, 200) : ''
    })
  }
  return { total: numberOr(count, items.length), received: items.length, items: result }
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}
