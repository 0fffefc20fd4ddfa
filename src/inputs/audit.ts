/**
 * The settings only an audit reads: the window ('since'), how long an upload may take
 * ('upload-grace'), the tracking issue ('tracking-issue', 'github-token'), and the rescue of
 * archives the vendor kept ('rescue', 'rescue-max-bytes').
 */
import type { AuditSettings } from '../plan.js'
import { shown, type Findings } from './findings.js'

const DAY_MS = 86_400_000
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: DAY_MS }
const DURATION = /^(\d{1,6})\s*([mhd])$/i
/** An ISO-8601 date, or date and time with an optional zone, as `Date.parse` reads them. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i

/** The default window: the last day, which a nightly audit covers with no gap. */
export const DEFAULT_SINCE = '24h'
export const DEFAULT_UPLOAD_GRACE = '2h'
/** The most a rescue copies in one run unless told otherwise: 50 GiB. */
export const DEFAULT_RESCUE_MAX_BYTES = 50 * 1024 ** 3
const SIZE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1000,
  mb: 1000 ** 2,
  gb: 1000 ** 3,
  tb: 1000 ** 4,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4
}
const SIZE = /^(\d{1,15}(?:\.\d{1,3})?)\s*([kmgt]i?b|b)?$/i
/** A rescue may copy at most this much in one run, whatever it is told: 10 TiB. */
const MAX_RESCUE_BYTES = 10 * 1024 ** 4
/** The oldest window an audit looks at, so that a typo cannot walk years of history. */
const MAX_SINCE_MS = 400 * DAY_MS
const MAX_GRACE_MS = 7 * DAY_MS

/** A duration such as `90m`, `24h` or `7d`, in ms; undefined when the text is not one. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim())
  if (match === null) return undefined
  return Number(match[1]) * (UNIT_MS[(match[2] ?? '').toLowerCase()] ?? Number.NaN)
}

/** Reads the audit's settings; `checkObjects` and its reason come from the target, decided by the caller. */
export function readAuditSettings(
  f: Findings,
  now: Date,
  objects: { readonly check: boolean; readonly because?: string }
): AuditSettings | undefined {
  const before = f.problems.length
  const since = readSince(f, now)
  const grace = readGrace(f)
  const trackingIssue = f.flag('tracking-issue', false)
  const rescue = f.flag('rescue', false)
  const rescueMaxBytes = readRescueMaxBytes(f)
  const githubToken = f.text('github-token')
  if (trackingIssue === true && githubToken === '') {
    f.fail(
      'github-token',
      "'github-token' is required with 'tracking-issue: true'; its default is ${{ github.token }}, with 'permissions: issues: write'."
    )
  } else if (/\s/.test(githubToken)) {
    f.fail('github-token', "'github-token' must be a single token without spaces or line breaks.")
  }
  if (
    f.problems.length > before ||
    since === undefined ||
    grace === undefined ||
    trackingIssue === undefined ||
    rescue === undefined ||
    rescueMaxBytes === undefined
  )
    return undefined
  return {
    since,
    uploadGraceMs: grace,
    rescue,
    rescueMaxBytes,
    checkObjects: objects.check,
    ...(objects.because === undefined ? {} : { statusesOnlyBecause: objects.because }),
    trackingIssue,
    githubToken: trackingIssue ? githubToken : ''
  }
}

function readSince(f: Findings, now: Date): Date | undefined {
  const value = f.text('since') || DEFAULT_SINCE
  const allowed =
    "'since' must be a duration back from now, such as '90m', '24h' or '7d' (at most 400d), or an ISO-8601 time in the past, such as '2026-11-01T00:00:00Z'"
  const duration = parseDuration(value)
  if (duration !== undefined) {
    if (duration <= 0 || duration > MAX_SINCE_MS) return f.fail('since', `${allowed}; got '${shown(value)}'.`)
    return new Date(now.getTime() - duration)
  }
  if (!ISO_TIME.test(value)) return f.fail('since', `${allowed}; got '${shown(value)}'.`)
  // A date or time without a zone is read as UTC, as the summary shows times.
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) || !/[T ]/i.test(value) ? value : `${value}Z`
  const time = Date.parse(zoned.replace(' ', 'T'))
  if (Number.isNaN(time)) return f.fail('since', `${allowed}; got '${shown(value)}', which is not a date.`)
  if (time > now.getTime()) return f.fail('since', `${allowed}; got '${shown(value)}', which is in the future.`)
  if (now.getTime() - time > MAX_SINCE_MS) return f.fail('since', `${allowed}; got '${shown(value)}', more than 400 days ago.`)
  return new Date(time)
}

function readGrace(f: Findings): number | undefined {
  const value = f.text('upload-grace') || DEFAULT_UPLOAD_GRACE
  const duration = parseDuration(value)
  if (duration === undefined || duration <= 0 || duration > MAX_GRACE_MS) {
    return f.fail(
      'upload-grace',
      `'upload-grace' must be how long a stopped archive may take to upload before it counts as stuck: a duration such as '30m', '2h' or '1d' (at most 7d); got '${shown(value)}'.`
    )
  }
  return duration
}

/** A size: bytes, or a number with a unit ('500MB', '50GiB'; 1 kB = 1000 bytes, 1 KiB = 1024). */
export function parseSize(text: string): number | undefined {
  const match = SIZE.exec(text.trim())
  if (match === null) return undefined
  return Math.floor(Number(match[1]) * (SIZE_UNITS[(match[2] ?? 'b').toLowerCase()] ?? Number.NaN))
}

function readRescueMaxBytes(f: Findings): number | undefined {
  const given = f.text('rescue-max-bytes')
  if (given === '') return DEFAULT_RESCUE_MAX_BYTES
  const bytes = parseSize(given)
  if (bytes === undefined || bytes <= 0 || bytes > MAX_RESCUE_BYTES) {
    return f.fail(
      'rescue-max-bytes',
      `'rescue-max-bytes' must be how much one rescue may copy in all: a number of bytes, or a size such as '500MB' or '50GiB' (at most 10TiB); got '${shown(given)}'.`
    )
  }
  return bytes
}
