/**
 * The verdict on one archive. The target decides: an archive is delivered when the target holds
 * it, whatever its status says. Every other archive falls into one class by its status and age.
 * What happened and where the archive is now are phrases: the action's words, with what came from
 * outside (a reason typed by users, a status the vendor does not document, a key found in the
 * bucket) kept apart for the log's and Markdown's doors.
 */
import type { Archive } from '../archive-list.js'
import { phrase, value, type Phrase } from '../phrase.js'
import { endedAt, vendorDeadline } from './window.js'

export type ArchiveClass =
  'delivered' | 'pending' | 'rescued' | 'missing' | 'kept-by-vendor' | 'failed' | 'stuck' | 'gone' | 'unchecked' | 'unknown'

/** The classes in the order the summary lists them, with the words it uses. */
export const CLASS_NAMES: ReadonlyArray<readonly [ArchiveClass, string]> = [
  ['delivered', 'delivered'],
  ['pending', 'pending'],
  ['rescued', 'rescued by this audit'],
  ['missing', 'missing from the target'],
  ['kept-by-vendor', 'kept by the vendor'],
  ['failed', 'failed'],
  ['stuck', 'stuck'],
  ['gone', 'gone'],
  ['unchecked', 'not looked for'],
  ['unknown', 'unknown status']
]

/**
 * Classes that count as not delivered: every one but delivered, still on its way, and not looked
 * for (the audit failed before it could look, and says so). A rescued archive counts: the
 * vendor's upload failed, and the target still refuses the vendor.
 */
export function isUndelivered(kind: ArchiveClass): boolean {
  return kind !== 'delivered' && kind !== 'pending' && kind !== 'unchecked'
}

export interface Verdict {
  readonly kind: ArchiveClass
  /** What happened to the archive, in a few words. */
  readonly happened: Phrase
  /** Where the archive is now. */
  readonly whereNow: Phrase
  /** The object the target holds, or where the vendor writes it. */
  readonly objectKey: string
}

export interface JudgeOptions {
  readonly projectId: string
  readonly now: number
  readonly uploadGraceMs: number
  /** True when the target was asked; false when the audit reads statuses alone. */
  readonly objectsChecked: boolean
  /** Describes the target, e.g. `s3://bucket`, for "where it is now". */
  readonly target: string
}

/** What the target said of an archive's prefix: the key it holds, nothing, or no answer (the look-up never ran or was refused). */
export type Found = { readonly looked: true; readonly key?: string } | { readonly looked: false }

/** Where the vendor writes an archive: `{project id}/{archive id}/archive.mp4`, or `archive.zip` for individual streams. */
export function expectedKey(projectId: string, archive: Pick<Archive, 'id' | 'outputMode'>): string {
  return `${projectId}/${archive.id}/${archive.outputMode === 'individual' ? 'archive.zip' : 'archive.mp4'}`
}

/** Judges one archive by what the target holds under its prefix and by its status. */
export function judge(archive: Archive, found: Found, options: JudgeOptions): Verdict {
  const foundKey = found.looked ? found.key : undefined
  const objectKey = foundKey ?? expectedKey(options.projectId, archive)
  const verdict = (kind: ArchiveClass, happened: Phrase, whereNow: Phrase): Verdict => ({ kind, happened, whereNow, objectKey })
  if (foundKey !== undefined) return verdict('delivered', ['uploaded'], [value(`${options.target}/${foundKey}`, 300)])
  switch (archive.status) {
    case 'uploaded':
      if (!options.objectsChecked)
        return verdict('delivered', ['uploaded (status only: the target was not asked)'], [value(`${options.target}/${objectKey}`, 300)])
      if (!found.looked)
        return verdict('unchecked', ['uploaded, but the audit could not look for it'], ['not known: the target was not read'])
      return verdict(
        'missing',
        ['uploaded, but the target does not hold it: the object was deleted, or the target changed'],
        ['not in the target']
      )
    case 'started':
    case 'paused':
      return verdict('pending', [`still recording (${archive.status})`], ['with the vendor, recording'])
    case 'stopped': {
      const waited = options.now - (endedAt(archive) ?? archive.createdAt)
      return waited < options.uploadGraceMs
        ? verdict('pending', ['stopped, upload in progress'], ['with the vendor, uploading'])
        : verdict('stuck', [`stopped ${describeDuration(waited)} ago and never uploaded`], ['with the vendor; not in the target'])
    }
    case 'available':
      return verdict(
        'kept-by-vendor',
        ['the upload failed; the vendor kept it (fallback)'],
        [`the vendor cloud, until ${formatUtc(new Date(vendorDeadline(archive)))}`]
      )
    case 'failed':
      return verdict('failed', archive.reason === '' ? ['recording failed'] : phrase`recording failed: ${value(archive.reason)}`, [
        'nowhere: no file was made'
      ])
    case 'expired':
      return verdict('gone', ['never reached the target and expired from the vendor cloud'], ['nowhere: lost'])
    case 'deleted':
      return verdict('gone', ['deleted from the vendor cloud without reaching the target'], ['nowhere: lost'])
    default:
      return verdict('unknown', phrase`status ${value(archive.status, 40)} is not one the vendor documents`, ['unknown'])
  }
}

/** The verdict on an archive this audit copied into the target (rescue/): its own class, the vendor's upload still failed. */
export function rescuedVerdict(key: string, target: string): Verdict {
  return {
    kind: 'rescued',
    happened: ["the upload failed; this audit copied the vendor's copy into the target and checked it"],
    whereNow: [value(`${target}/${key}`, 300)],
    objectKey: key
  }
}

/** "2026-11-29 03:00 UTC". */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** "3 h 20 min", "2 d 4 h", "45 min". */
export function describeDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const rest = minutes % 60
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`
  return `${rest} min`
}
