/**
 * Markdown's one door for text the action did not write: an archive's name, reason or status typed
 * by a video application's users, a vendor or storage error, a value of a file under review, a
 * certificate subject. GitHub renders the job summary, the tracking issue and the plan comment as
 * Markdown, where such text could mention people and teams, cross-reference other repositories,
 * show links and load images. Here it is always shown in code, where GitHub (and any CommonMark
 * renderer) makes no mention, reference, link or image: a code span whose fence is longer than any
 * run of backticks in the text, or a fenced block. It is cut to a length per field first, and made
 * one line (a span) with no invisible or reordering characters.
 */

/** Line breaks of every kind, and tabs. */
const BREAKS = /\r\n|[\n\r\t\v\f\u0085\u2028\u2029]/g
/** Control and format characters: they print nothing, or reorder what is printed (bidi overrides). */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu

/** `text` without invisible characters, on one line, cut to `max` characters (code points) with '…'. */
export function oneLine(text: string, max: number): string {
  return cut(text.replace(BREAKS, ' ').replace(INVISIBLE, ''), max)
}

/** `text` cut to `max` characters (code points), the last one '…' when it was longer. */
export function cut(text: string, max: number): string {
  const characters = [...text]
  return characters.length > max ? `${characters.slice(0, Math.max(0, max - 1)).join('')}…` : text
}

/** The fence for `text`: one backtick more than its longest run, at least `least`. */
function fenceFor(text: string, least: number): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length))
  return '`'.repeat(Math.max(least, longest + 1))
}

/**
 * `text` as an inline code span, one line, at most `max` characters: `` `x` ``, or ``` `` a`b `` ```
 * when it holds backticks. Empty text is shown as an em dash, which a span cannot be.
 */
export function code(text: string, max: number): string {
  const shown = oneLine(text, max)
  if (shown.trim() === '') return '—'
  const fence = fenceFor(shown, 1)
  // A span that starts or ends with a backtick (or a space) needs a space inside each fence, which
  // the renderer strips again.
  const pad = /^[ `]|[ `]$/.test(shown) ? ' ' : ''
  return `${fence}${pad}${shown}${pad}${fence}`
}

/** `text` as a code span in a table cell: a `|` would end the cell, so it is escaped, as GFM tables allow inside spans. */
export function codeCell(text: string, max: number): string {
  return code(text, max).replace(/\|/g, '\\|')
}

/**
 * `text` as a fenced code block (its lines kept, each at most `lineMax` characters, at most
 * `maxLines` of them), for an error or a list of problems quoted in full.
 */
export function codeBlock(text: string, lineMax: number, maxLines = 40): string {
  const lines = text
    .split(/\r\n|[\n\r\u0085\u2028\u2029]/)
    .map(line => oneLine(line, lineMax))
    .filter((line, index, all) => line !== '' || (index > 0 && index < all.length - 1))
  const kept = lines.length > maxLines ? [...lines.slice(0, maxLines), `… and ${lines.length - maxLines} more lines`] : lines
  const body = kept.join('\n')
  const fence = fenceFor(body, 3)
  return `${fence}text\n${body}\n${fence}`
}

/**
 * The whole lines of `text` that fit in `max` characters. Markdown is cut only between lines: a
 * code span never spans one (code() keeps its value on one line), so no cut can leave a value
 * outside its fence, where it would be live.
 */
export function cutAtLine(text: string, max: number): string {
  if (text.length <= max) return text
  // No line break at all in reach: nothing fits (lastIndexOf gives -1).
  return text.slice(0, Math.max(0, text.lastIndexOf('\n', max)))
}

/** Text the action writes itself, as a table cell: its own words may hold `|`, which would end the cell. */
export function cell(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|')
}

/**
 * A Markdown table of `rows` under `header` that fits in `budget` characters: rows are kept in
 * order while they fit, and the rest are counted in a last line made by `more(n)`.
 */
export function tableWithin(header: readonly string[], rows: readonly string[][], budget: number, more: (left: number) => string): string {
  return fitTable(header, rows, budget, more).text
}

/** tableWithin, and how many rows it kept. */
export function fitTable(
  header: readonly string[],
  rows: readonly string[][],
  budget: number,
  more: (left: number) => string
): { text: string; kept: number } {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`]
  let used = lines.reduce((sum, line) => sum + line.length + 1, 0)
  const reserve = more(rows.length).length + 4
  let kept = 0
  for (const row of rows) {
    const line = `| ${row.join(' | ')} |`
    if (used + line.length + 1 + (kept + 1 < rows.length ? reserve : 0) > budget) break
    lines.push(line)
    used += line.length + 1
    kept++
  }
  if (kept < rows.length) lines.push('', more(rows.length - kept))
  return { text: lines.join('\n'), kept }
}
