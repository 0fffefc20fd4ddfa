/**
 * The settings only an audit reads: the window ('since'), how long an upload may take
 * ('upload-grace'), and the tracking issue ('tracking-issue', 'github-token').
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
  const githubToken = f.text('github-token')
  if (trackingIssue === true && githubToken === '') {
    f.fail(
      'github-token',
      "'github-token' is required with 'tracking-issue: true'; its default is ${{ github.token }}, with 'permissions: issues: write'."
    )
  } else if (/\s/.test(githubToken)) {
    f.fail('github-token', "'github-token' must be a single token without spaces or line breaks.")
  }
  if (f.problems.length > before || since === undefined || grace === undefined || trackingIssue === undefined) return undefined
  return {
    since,
    uploadGraceMs: grace,
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
