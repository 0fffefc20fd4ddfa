/**
 * The verdict on one archive. The target decides: an archive is delivered when the target holds
 * it, whatever its status says. Every other archive falls into one class by its status and age.
 */
import type { Archive } from '../archive-list.js'

export type ArchiveClass = 'delivered' | 'pending' | 'missing' | 'kept-by-vendor' | 'failed' | 'stuck' | 'gone' | 'unknown'

/** The classes in the order the summary lists them, with the words it uses. */
export const CLASS_NAMES: ReadonlyArray<readonly [ArchiveClass, string]> = [
  ['delivered', 'delivered'],
  ['pending', 'pending'],
  ['missing', 'missing from the target'],
  ['kept-by-vendor', 'kept by the vendor'],
  ['failed', 'failed'],
  ['stuck', 'stuck'],
  ['gone', 'gone'],
  ['unknown', 'unknown status']
]

/** Classes that are not failures: delivered, or still on their way. */
export function isUndelivered(kind: ArchiveClass): boolean {
  return kind !== 'delivered' && kind !== 'pending'
}

/** How long the vendor keeps an archive whose upload failed, with fallback 'opentok'. */
export const VENDOR_KEEPS_MS = 72 * 3_600_000

export interface Verdict {
  readonly kind: ArchiveClass
  /** What happened to the archive, in a few words. */
  readonly happened: string
  /** Where the archive is now. */
  readonly whereNow: string
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

/** Where the vendor writes an archive: `{project id}/{archive id}/archive.mp4`, or `archive.zip` for individual streams. */
export function expectedKey(projectId: string, archive: Pick<Archive, 'id' | 'outputMode'>): string {
  return `${projectId}/${archive.id}/${archive.outputMode === 'individual' ? 'archive.zip' : 'archive.mp4'}`
}

/** When the archive stopped recording: the vendor's last update, or its start plus its length. */
export function endedAt(archive: Pick<Archive, 'createdAt' | 'updatedAt' | 'duration'>): number {
  return archive.updatedAt ?? archive.createdAt + archive.duration * 1000
}

/** Judges one archive; `foundKey` is what the target holds under its prefix (undefined: nothing, or not asked). */
export function judge(archive: Archive, foundKey: string | undefined, options: JudgeOptions): Verdict {
  const objectKey = foundKey ?? expectedKey(options.projectId, archive)
  const verdict = (kind: ArchiveClass, happened: string, whereNow: string): Verdict => ({ kind, happened, whereNow, objectKey })
  if (foundKey !== undefined) return verdict('delivered', 'uploaded', `${options.target}/${foundKey}`)
  const reason = archive.reason === '' ? '' : ` (${archive.reason})`
  switch (archive.status) {
    case 'uploaded':
      return options.objectsChecked
        ? verdict(
            'missing',
            'uploaded, but the target does not hold it: the object was deleted, or the target changed',
            'not in the target'
          )
        : verdict('delivered', 'uploaded (status only: the target was not asked)', `${options.target}/${objectKey}`)
    case 'started':
    case 'paused':
      return verdict('pending', `still recording (${archive.status})`, 'with the vendor, recording')
    case 'stopped': {
      const waited = options.now - endedAt(archive)
      return waited < options.uploadGraceMs
        ? verdict('pending', 'stopped, upload in progress', 'with the vendor, uploading')
        : verdict('stuck', `stopped ${describeDuration(waited)} ago and never uploaded`, 'with the vendor; not in the target')
    }
    case 'available': {
      const expires = new Date(endedAt(archive) + VENDOR_KEEPS_MS)
      return verdict(
        'kept-by-vendor',
        'the upload failed; the vendor kept it (fallback)',
        `the vendor cloud, until ${formatUtc(expires)}; download it from the dashboard before then`
      )
    }
    case 'failed':
      return verdict('failed', `recording failed${reason}`, 'nowhere: no file was made')
    case 'expired':
      return verdict('gone', 'never reached the target and expired from the vendor cloud', 'nowhere: lost')
    case 'deleted':
      return verdict('gone', 'deleted from the vendor cloud without reaching the target', 'nowhere: lost')
    default:
      return verdict('unknown', `status '${archive.status.slice(0, 40)}' is not one the vendor documents`, 'unknown')
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
