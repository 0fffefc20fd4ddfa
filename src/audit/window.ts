/**
 * Which archives an audit judges, and how far back it reads the vendor's list. The window is the
 * end of recording, not the start: an archive belongs to it when it was created after `since`, or
 * was still recording or uploading at `since` (it ended after `since`, or has not ended). So a
 * long recording still uploading at one nightly audit is judged by the next, whose `since` is
 * before it ended. A recording lasts at most 12 hours (4 hours, 12 with pauses: the vendor's
 * archiving overview), so the list is read down to `since` − 12 h; with rescue, down to 72 hours
 * back as well, the longest the vendor keeps an archive.
 */
import type { Archive } from '../archive-list.js'

/** The longest an archive records, pauses included (vendor's archiving overview). */
export const LONGEST_RECORDING_MS = 12 * 3_600_000

/**
 * How long the vendor keeps an archive whose upload failed (fallback 'opentok'), counted from
 * when the archive was created: developer.vonage.com/en/video/guides/archiving/overview.
 */
export const VENDOR_KEEPS_MS = 72 * 3_600_000

/** Statuses of an archive still recording: it has not ended. */
const RECORDING = new Set(['started', 'paused'])

/** When the archive stopped recording: the vendor's last update, or its start plus its length; undefined while it records. */
export function endedAt(archive: Pick<Archive, 'status' | 'createdAt' | 'updatedAt' | 'duration'>): number | undefined {
  if (RECORDING.has(archive.status)) return undefined
  return archive.updatedAt ?? archive.createdAt + archive.duration * 1000
}

/** Whether the archive belongs to the window that starts at `since` (ms). */
export function inWindow(archive: Pick<Archive, 'status' | 'createdAt' | 'updatedAt' | 'duration'>, since: number): boolean {
  if (archive.createdAt >= since) return true
  const ended = endedAt(archive)
  return ended === undefined || ended > since
}

/** The time the vendor's copy of an archive expires: created + 72 h. */
export function vendorDeadline(archive: Pick<Archive, 'createdAt'>): number {
  return archive.createdAt + VENDOR_KEEPS_MS
}

/**
 * The oldest creation time the list is read down to: `since` − 12 h, and with rescue no later than
 * 72 hours before `now`, so every archive the vendor may still keep is seen.
 */
export function readDownTo(since: number, now: number, rescue: boolean): number {
  const window = since - LONGEST_RECORDING_MS
  return rescue ? Math.min(window, now - VENDOR_KEEPS_MS) : window
}
