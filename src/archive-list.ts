/**
 * The vendor's archive list, read page by page, newest first, down to where an audit needs it:
 * `GET {api-url}/v2/project/{id}/archive?offset=N&count=M`, signed like the storage call. Paging
 * goes on until the vendor's total is reached or a page reaches older archives; a page shorter than
 * asked is not the end. Every item is accounted for: one whose ID, creation time or status cannot be
 * read is counted and named, never dropped. Each archive's `url` is a signed download link: it is
 * masked the moment it is read when the archive is kept, and never kept itself.
 */
import { noAnswerMessage, sendWithRetries, type Clock, type SendLog, type Transport } from './http.js'
import { authHeaders, projectIdOf } from './platform.js'
import type { Plan } from './plan.js'
import { apiUrlHint, explainFailure } from './vendor-answer.js'
import { USER_AGENT } from './version.js'

/** The most the vendor returns in one page. */
export const PAGE_SIZE = 1000
/** The most archives one audit keeps; a larger window is cut here, with a warning. */
export const MAX_ARCHIVES = 10_000
/** The longest text of an archive's name, reason or session ID that is kept; the status's. */
const TEXT_MAX = 200
const STATUS_MAX = 40

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
  /** Bytes; 0 when the vendor gives none. */
  readonly size: number
  readonly outputMode: 'composed' | 'individual'
  /** Typed by the video application's users: text from outside, shown only through the log's and Markdown's doors. */
  readonly name: string
  readonly sessionId: string
  readonly reason: string
  /** The base64 SHA-256 of the file, when the vendor gives one. */
  readonly sha256?: string
}

/** An item of the answer that is not an archive the audit can judge, and what of it could not be read. */
export interface UnreadableItem {
  /** Where it was: "item 4 of the page at offset 1000". */
  readonly where: string
  /** Its ID, when that much was text. */
  readonly id?: string
  /** The fields that could not be read: id, createdAt, status. */
  readonly fields: readonly string[]
}

export interface ArchiveListing {
  /** The archives kept (see ListScope.keep), newest first, without duplicates. */
  readonly archives: Archive[]
  /** Items of the answer that could not be read and may belong to the window. */
  readonly unreadable: UnreadableItem[]
  /** List requests sent, retries included. */
  readonly requests: number
  /** The status of the last answer, when one came. */
  readonly status?: number
  /** True when MAX_ARCHIVES cut the window short. */
  readonly capped: boolean
  /** Why the list could not be read to the end; the audit fails with it. */
  readonly error?: string
  /** True when the failure is the vendor's passing trouble (no answer, or 5xx after retries), not a setting to fix. */
  readonly transient?: boolean
}

/** Which part of the list the audit needs. */
export interface ListScope {
  /** The oldest creation time (ms) read down to; paging stops at a page that reaches older. */
  readonly readDownTo: number
  /** Whether an archive is kept: in the window, or to rescue. Its `url` is masked only then. */
  readonly keep: (archive: Archive) => boolean
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

/** Reads the list down to `scope.readDownTo` and keeps what `scope.keep` keeps. Never walks the whole history. */
export async function listArchives(plan: Plan, scope: ListScope, io: ListIo): Promise<ArchiveListing> {
  const archives: Archive[] = []
  const unreadable: UnreadableItem[] = []
  const seen = new Set<string>()
  let requests = 0
  let status: number | undefined
  const result = (more: Partial<ArchiveListing> = {}): ArchiveListing => ({
    archives,
    unreadable,
    requests,
    ...(status === undefined ? {} : { status }),
    capped: false,
    ...more
  })
  for (let offset = 0; ;) {
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
      const hint =
        outcome.tooLarge === true ? " A page of 1,000 archives is about 0.5 MB: check 'api-url'." : apiUrlHint(plan, outcome.failure)
      return result({ error: `${noAnswerMessage(outgoing, outcome)}${hint}`, transient: outcome.tooLarge !== true })
    }
    status = answer.status
    if (answer.status < 200 || answer.status >= 300) {
      return result({ error: explainFailure(plan.credentials, outgoing, answer, io.secrets), transient: isPassing(answer.status) })
    }
    const page = readPage(answer.body, offset, scope, io.mask)
    if (page === undefined) {
      return result({
        error: `${outgoing.method} ${outgoing.url} answered ${answer.status} with a body that is not an archive list ({"count": …, "items": […]}); check 'api-url'.`
      })
    }
    unreadable.push(...page.unreadable)
    for (const archive of page.kept) {
      // Archives started while paging push the list down: the same archive can come twice.
      if (seen.has(archive.id)) continue
      if (archives.length >= MAX_ARCHIVES) return result({ capped: true })
      seen.add(archive.id)
      archives.push(archive)
    }
    offset += page.received
    const total = page.total
    if (page.reachedOlder || (total !== undefined && offset >= total)) return result()
    if (page.received === 0) {
      if (total === undefined) return result()
      return result({
        error: `${outgoing.method} ${outgoing.url} answered with no archives, but the vendor counted ${total} and the list had not yet reached the window's start: ${offset} archive(s) were read. Run the audit again; if it persists, the vendor's list is inconsistent.`,
        // Archives deleted while the list was read shrink it under the count: the next run reads it whole.
        transient: true
      })
    }
    // Without a total, a page shorter than asked is all the vendor has.
    if (total === undefined && page.received < PAGE_SIZE) return result()
  }
}

/** One page, read: the archives kept, the unreadable items that may be in the window, and whether it reached older archives. */
export interface Page {
  /** The vendor's total, when it gave one. */
  readonly total?: number
  readonly received: number
  readonly kept: Archive[]
  readonly unreadable: UnreadableItem[]
  readonly reachedOlder: boolean
}

/**
 * One page at `offset`: the body is parsed and let go, and only the fields the audit needs are
 * kept. The `url` of a kept archive is masked; every other `url` is dropped unread. Undefined
 * when the body is not an archive list.
 */
export function readPage(body: string, offset: number, scope: ListScope, mask: (secret: string) => void): Page | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return undefined
  }
  if (parsed === null || typeof parsed !== 'object' || !Array.isArray((parsed as { items?: unknown }).items)) return undefined
  const { count, items } = parsed as { count?: unknown; items: unknown[] }
  const kept: Archive[] = []
  const unreadable: UnreadableItem[] = []
  let reachedOlder = false
  items.forEach((raw, index) => {
    const item = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {}
    const createdAt = finite(item.createdAt)
    if (createdAt !== undefined && createdAt < scope.readDownTo) {
      reachedOlder = true
      return
    }
    const archive = archiveOf(item, createdAt)
    if ('fields' in archive) {
      unreadable.push({ where: `item ${index + 1} of the page at offset ${offset}`, ...archive })
      return
    }
    if (!scope.keep(archive)) return
    if (typeof item.url === 'string' && item.url !== '') mask(item.url)
    kept.push(archive)
  })
  const total = finite(count)
  return { ...(total === undefined || total < 0 ? {} : { total }), received: items.length, kept, unreadable, reachedOlder }
}

/** The archive an item describes, or what of it could not be read. */
function archiveOf(item: Record<string, unknown>, createdAt: number | undefined): Archive | { id?: string; fields: string[] } {
  const id = typeof item.id === 'string' && ARCHIVE_ID.test(item.id) ? item.id : undefined
  const status =
    typeof item.status === 'string' && item.status.trim() !== '' ? cut(item.status.trim().toLowerCase(), STATUS_MAX) : undefined
  if (id === undefined || createdAt === undefined || status === undefined) {
    const fields = [id === undefined ? 'id' : '', createdAt === undefined ? 'createdAt' : '', status === undefined ? 'status' : ''].filter(
      field => field !== ''
    )
    return { ...(typeof item.id === 'string' && item.id !== '' ? { id: cut(item.id, 64) } : {}), fields }
  }
  const updatedAt = finite(item.updatedAt)
  const sha256 = typeof item.sha256sum === 'string' && /^[A-Za-z0-9+/]{43}=$/.test(item.sha256sum) ? item.sha256sum : undefined
  return {
    id,
    status,
    createdAt,
    ...(updatedAt === undefined ? {} : { updatedAt }),
    duration: finite(item.duration) ?? 0,
    size: finite(item.size) ?? 0,
    outputMode: item.outputMode === 'individual' ? 'individual' : 'composed',
    name: text(item.name),
    sessionId: text(item.sessionId),
    reason: text(item.reason),
    ...(sha256 === undefined ? {} : { sha256 })
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? cut(value, TEXT_MAX) : ''
}

/** The first `max` UTF-16 units of `value`, less a last unit that would be half of a pair (a lone surrogate is not text). */
function cut(value: string, max: number): string {
  const head = value.slice(0, max)
  return /[\uD800-\uDBFF]$/.test(head) && head.length < value.length ? head.slice(0, -1) : head
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** A refusal the next run may not meet: the vendor busy, rate-limited or slow. It opens no tracking issue. */
function isPassing(status: number): boolean {
  return status >= 500 || status === 429 || status === 408
}
