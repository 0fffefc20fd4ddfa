/** The audit's table of undelivered archives and its line of counts, in Markdown, shared by the job summary and the tracking issue. */
import type { Archive } from '../archive-list.js'
import { CLASS_NAMES, describeDuration, formatUtc, type ArchiveClass, type Verdict } from './verdicts.js'

export interface JudgedArchive {
  readonly archive: Archive
  readonly verdict: Verdict
}

/** "12 archives: 9 delivered · 1 pending · 2 missing from the target": every class with a count. */
export function countsLine(total: number, counts: Readonly<Record<ArchiveClass, number>>): string {
  const parts = CLASS_NAMES.filter(([kind]) => counts[kind] > 0).map(([kind, name]) => `${counts[kind]} ${name}`)
  return `${total} archive${total === 1 ? '' : 's'}${parts.length > 0 ? `: ${parts.join(' · ')}` : ''}`
}

/** A Markdown table of `rows`, at most `limit` of them, with a line saying how many more there are and where. */
export function undeliveredTable(rows: readonly JudgedArchive[], limit: number, more: string): string {
  const lines = [
    '| Archive | Created (UTC) | Duration | Size | Status | What happened | Where it is now |',
    '|---|---|---|---|---|---|---|'
  ]
  for (const { archive, verdict } of rows.slice(0, limit)) {
    lines.push(
      `| ${[
        `\`${archive.id}\``,
        formatUtc(new Date(archive.createdAt)).replace(' UTC', ''),
        describeDuration(archive.duration * 1000).replace(/^0 min$/, `${archive.duration} s`),
        formatSize(archive.size),
        archive.status,
        verdict.happened,
        verdict.whereNow
      ]
        .map(cell)
        .join(' | ')} |`
    )
  }
  if (rows.length > limit) lines.push('', `… and ${rows.length - limit} more: ${more}`)
  return lines.join('\n')
}

/** "1.4 GB", "820 kB", "0 B". */
export function formatSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`
}

/** One cell: one line, no Markdown table syntax, no HTML. */
function cell(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[&<>]/g, c => `&#${c.charCodeAt(0)};`)
    .replace(/\|/g, '\\|')
}
