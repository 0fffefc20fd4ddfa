/**
 * The rescue: every archive the vendor kept in its cloud (status `available`, with fallback
 * 'opentok') that the target lacks is copied into the target before the vendor's copy expires, 72
 * hours after the archive was created: the soonest deadline first, one copy at a time, exactly
 * where the vendor would have written it, with the step's own credentials, signer and transport.
 * No copy starts past 'rescue-max-bytes'. A dry run copies nothing: it lists what it would copy.
 * The vendor's copy is never deleted, and no object is ever overwritten.
 */
import type { Archive } from '../archive-list.js'
import { expectedKey } from '../audit/verdicts.js'
import { vendorDeadline } from '../audit/window.js'
import type { Clock, SendLog, Transport } from '../http.js'
import type { Plan } from '../plan.js'
import type { ObjectWriter } from '../verify/object-writer.js'
import { copyArchive, type CopyResult } from './copy.js'
import type { Refresh } from './download.js'
import { fetchArchive, refusedDownloadUrl } from './vendor-archive.js'
import { phrase, value, type Phrase } from '../phrase.js'

/** A copy larger than this prints a progress line about every PROGRESS_EVERY_MS. */
const PROGRESS_ABOVE_BYTES = 100_000_000
const PROGRESS_EVERY_MS = 10_000

/** What became of one archive the rescue looked at. */
export type RescueOutcome =
  | Extract<CopyResult, { kind: 'rescued' | 'arrived' | 'failed' }>
  /** The vendor no longer has it as an archive to rescue (gone, or its upload went through meanwhile). */
  | { readonly kind: 'skipped'; readonly why: Phrase }
  /** Not copied: 'rescue-max-bytes' was reached. */
  | { readonly kind: 'limit' }
  /** A dry run: what would be copied. */
  | { readonly kind: 'planned' }

export interface RescueEntry {
  readonly archive: Archive
  /** Where the copy goes (or went): where the vendor would have written it. */
  readonly key: string
  /** When the vendor's copy expires (ms). */
  readonly deadline: number
  readonly outcome: RescueOutcome
}

export interface RescueReport {
  readonly entries: readonly RescueEntry[]
  /** Bytes of the archives rescued. */
  readonly bytes: number
  readonly limit: number
  readonly dryRun: boolean
}

export interface RescueIo {
  readonly transport: Transport
  readonly clock: Clock
  readonly log: SendLog
  readonly mask: (secret: string) => void
  readonly secrets: readonly string[]
  /** Counts vendor requests (the fresh links). */
  readonly counted: (requests: number) => void
}

/** The archives to rescue among `archives` (`missing(archive)`: the target lacks it), soonest deadline first. */
export function rescueCandidates(archives: readonly Archive[], missing: (archive: Archive) => boolean, now: number): Archive[] {
  return archives
    .filter(archive => archive.status === 'available' && vendorDeadline(archive) > now && missing(archive))
    .sort((a, b) => vendorDeadline(a) - vendorDeadline(b))
}

/** Copies each candidate into the target that `writer` writes to, in order, within the plan's limit. */
export async function rescueArchives(
  plan: Plan,
  projectId: string,
  candidates: readonly Archive[],
  writer: ObjectWriter,
  io: RescueIo
): Promise<RescueReport> {
  const limit = plan.audit?.rescueMaxBytes ?? 0
  const dryRun = plan.dryRun
  const entries: RescueEntry[] = []
  let started = 0
  let bytes = 0
  let limited = false
  for (const archive of candidates) {
    const key = expectedKey(projectId, archive)
    const entry = (outcome: RescueOutcome): RescueEntry => ({ archive, key, deadline: vendorDeadline(archive), outcome })
    if (limited || started + archive.size > limit) {
      limited = true
      entries.push(entry({ kind: 'limit' }))
      continue
    }
    if (dryRun) {
      started += archive.size
      entries.push(entry({ kind: 'planned' }))
      continue
    }
    // The list's size may be missing or stale: the cap is held against the size of the fresh answer, the one copied.
    const { outcome, size } = await rescueOne(plan, archive, key, writer, io, limit - started)
    if (outcome.kind === 'limit') limited = true
    else started += size
    if (outcome.kind === 'rescued') bytes += outcome.bytes
    entries.push(entry(outcome))
  }
  return { entries, bytes, limit, dryRun }
}

/** Copies one archive whose fresh size fits in `room` bytes; the size is what counts against the cap. */
async function rescueOne(
  plan: Plan,
  archive: Archive,
  key: string,
  writer: ObjectWriter,
  io: RescueIo,
  room: number
): Promise<{ outcome: RescueOutcome; size: number }> {
  const fresh = await fetchArchive(plan, archive.id, io)
  if (fresh.kind === 'archive' && fresh.status === 'available' && fresh.size > room) return { outcome: { kind: 'limit' }, size: 0 }
  const size = fresh.kind === 'archive' ? fresh.size : 0
  return { outcome: await copyFresh(plan, archive, key, writer, io, fresh), size }
}

async function copyFresh(
  plan: Plan,
  archive: Archive,
  key: string,
  writer: ObjectWriter,
  io: RescueIo,
  fresh: Awaited<ReturnType<typeof fetchArchive>>
): Promise<RescueOutcome> {
  if (fresh.kind === 'vanished') return { kind: 'skipped', why: ['the vendor no longer has it (404): it was deleted meanwhile'] }
  if (fresh.kind === 'error') return { kind: 'failed', error: fresh.error, bytes: 0, seconds: 0 }
  if (fresh.status !== 'available') return { kind: 'skipped', why: phrase`its status is now ${value(fresh.status, 40)}` }
  if (fresh.url === undefined) return { kind: 'failed', error: 'the vendor gave no download link', bytes: 0, seconds: 0 }
  if (fresh.size <= 0) return { kind: 'failed', error: 'the vendor gave no size, so the copy could not be proved', bytes: 0, seconds: 0 }
  const refused = refusedDownloadUrl(fresh.url, plan.apiUrl)
  if (refused !== undefined) return { kind: 'failed', error: refused, bytes: 0, seconds: 0 }
  io.log.info(
    `Rescuing archive ${archive.id} (${fresh.size} bytes; the vendor keeps it until ${new Date(vendorDeadline(archive)).toISOString()}) into ${key}.`
  )
  const refresh: Refresh = async () => {
    const again = await fetchArchive(plan, archive.id, io)
    if (again.kind === 'vanished') return { error: 'the vendor no longer has the archive (404)' }
    if (again.kind === 'error') return { error: again.error }
    if (again.url === undefined) return { error: `the vendor gave no download link (status '${again.status}')` }
    const refusedAgain = refusedDownloadUrl(again.url, plan.apiUrl)
    return refusedAgain === undefined ? { url: again.url } : { error: refusedAgain }
  }
  return copyArchive({
    key,
    contentType: archive.outputMode === 'individual' ? 'application/zip' : 'video/mp4',
    source: { url: fresh.url, size: fresh.size, ...(fresh.sha256 === undefined ? {} : { sha256: fresh.sha256 }) },
    refresh,
    writer,
    io: { transport: io.transport, clock: io.clock, log: io.log, idleMs: plan.timeoutSeconds * 1000, maxAttempts: plan.maxAttempts },
    ...(fresh.size > PROGRESS_ABOVE_BYTES ? { progress: progressLine(archive.id, fresh.size, io) } : {})
  })
}

/** Prints, about every 10 s, how far a large copy is: bytes, MB/s and the time left. */
function progressLine(id: string, size: number, io: RescueIo): (bytes: number) => void {
  const started = io.clock.now()
  let last = started
  return bytes => {
    const now = io.clock.now()
    if (now - last < PROGRESS_EVERY_MS || bytes >= size) return
    last = now
    const rate = bytes / Math.max(1, now - started) / 1000
    const left = rate > 0 ? Math.round((size - bytes) / (rate * 1_000_000)) : undefined
    io.log.info(
      `  ${id}: ${(bytes / 1e6).toFixed(0)} of ${(size / 1e6).toFixed(0)} MB (${Math.floor((100 * bytes) / size)}%), ${rate.toFixed(1)} MB/s${left === undefined ? '' : `, about ${left} s left`}`
    )
  }
}
