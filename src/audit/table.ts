/**
 * The audit's tables and its line of counts, in Markdown, shared by the job summary and the
 * tracking issue. Every cell that holds text from outside (an archive's name, status or reason, a
 * key found in the bucket) goes through the Markdown door as code; each table fits the room it is
 * given, and says how many rows it left out and where they are.
 */
import type { Archive, UnreadableItem } from '../archive-list.js'
import { cell, codeCell, fitTable } from '../markdown.js'
import { phraseMarkdown } from '../phrase.js'
import { CLASS_NAMES, describeDuration, formatUtc, type ArchiveClass, type Verdict } from './verdicts.js'

export interface JudgedArchive {
  readonly archive: Archive
  readonly verdict: Verdict
}

/** The longest archive name a table shows. */
const NAME_MAX = 60

/** "12 archives: 9 delivered · 1 pending · 2 missing from the target": every class with a count. */
export function countsLine(total: number, counts: Readonly<Record<ArchiveClass, number>>): string {
  const parts = CLASS_NAMES.filter(([kind]) => counts[kind] > 0).map(([kind, name]) => `${counts[kind]} ${name}`)
  return `${total} archive${total === 1 ? '' : 's'}${parts.length > 0 ? `: ${parts.join(' · ')}` : ''}`
}

/**
 * The table of `rows` (archives not delivered) within `budget` characters; the rows left out are
 * counted in a last line that says `more`. Returns how many rows it shows.
 */
export function undeliveredTable(rows: readonly JudgedArchive[], budget: number, more: string): { text: string; kept: number } {
  const header = ['Archive', 'Name', 'Created (UTC)', 'Duration', 'Size', 'Status', 'What happened', 'Where it is now']
  const cells = rows.map(({ archive, verdict }) => [
    codeCell(archive.id, 64),
    codeCell(archive.name, NAME_MAX),
    cell(formatUtc(new Date(archive.createdAt)).replace(' UTC', '')),
    cell(durationOf(archive)),
    cell(formatSize(archive.size)),
    codeCell(archive.status, 40),
    cell(phraseMarkdown(verdict.happened)),
    cell(phraseMarkdown(verdict.whereNow))
  ])
  return fitTable(header, cells, budget, left => `… and ${left} more: ${more}`)
}

/** The table of items of the vendor's answer that could not be read, within `budget` characters. */
export function unreadableTable(items: readonly UnreadableItem[], budget: number, more: string): string {
  const cells = items.map(item => [cell(item.where), item.id === undefined ? '—' : codeCell(item.id, 64), cell(item.fields.join(', '))])
  return fitTable(['Where in the answer', 'ID as given', 'Could not read'], cells, budget, left => `… and ${left} more: ${more}`).text
}

/** "10 min", or "45 s" for a recording shorter than a minute. */
function durationOf(archive: Archive): string {
  return archive.duration < 60 ? `${archive.duration} s` : describeDuration(archive.duration * 1000)
}

/** "1.4 GB", "820 kB", "0 B". */
export function formatSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB']
  let size = bytes
  let unit = 0
  // 999,999 bytes is "1.0 MB", not "1000.0 kB": the rounding decides the unit.
  while (Math.round(size * 10) / 10 >= 1000 && unit < units.length - 1) {
    size /= 1000
    unit++
  }
  return `${unit === 0 ? size : size.toFixed(1)} ${units[unit]}`
}
