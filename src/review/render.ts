/**
 * The plan in Markdown, for the job summary and the pull-request comment: the headline, every risk
 * line above the fold, a line per project, then the details of each project that changes (folded
 * in the comment). Every value from the file under review is shown as code (markdown.ts), and
 * every part is cut to fit the room it has: GitHub refuses a comment over 65,536 characters.
 */
import { code, codeBlock, codeCell, cutAtLine, tableWithin } from '../markdown.js'
import { phraseMarkdown } from '../phrase.js'
import type { SettingProblem } from '../sources/settings.js'
import type { ProjectChange } from './changes.js'

/** GitHub refuses a comment over 65,536 characters; the plan is cut well before. */
export const MAX_COMMENT = 60_000
/** The room of the risk lines in a comment, and of the table of projects; the details have the rest. */
const RISKS_ROOM = 24_000
const OVERVIEW_ROOM = 12_000
/** A job summary may hold 1 MiB per step; the plan's stays well under, counted in characters (at most 3 bytes each here). */
const MAX_SUMMARY = 300_000
/** The longest project name (the file allows 64) and value a table shows. */
const NAME_MAX = 64
const VALUE_MAX = 300

export interface PlanContext {
  readonly file: string
  /** "commit 1a2b3c4" or "nothing (the file is new)". */
  readonly base: string
  readonly head: string
  readonly runUrl?: string
}

/** "2 projects change (5 settings), 3 risks to review", "No changes", or "No changes, 1 risk to review". */
export function headline(changes: readonly ProjectChange[]): string {
  const changed = changes.filter(change => change.kind !== 'unchanged')
  const risks = riskCount(changes)
  const toReview = risks === 0 ? '' : `, ${risks} risk${risks === 1 ? '' : 's'} to review`
  if (changed.length === 0) return `No changes${toReview}`
  const settings = countSettings(changes)
  const projects = `${changed.length} project${changed.length === 1 ? '' : 's'} change${changed.length === 1 ? 's' : ''}`
  return `${projects} (${settings} setting${settings === 1 ? '' : 's'})${toReview}`
}

/** Settings changed in all, of those the file wrote: a default the file never wrote is not counted. */
export function countSettings(changes: readonly ProjectChange[]): number {
  return changes.reduce((sum, change) => sum + change.settings.length, 0)
}

function riskCount(changes: readonly ProjectChange[]): number {
  return changes.reduce((sum, change) => sum + change.risks.length, 0)
}

/** How a change is named in the table and the details. */
function kindWords(change: ProjectChange): string {
  if (change.kind === 'renamed') return `renamed from ${codeCell(change.formerName ?? '', NAME_MAX)}`
  return { added: 'added', removed: 'removed', changed: 'changed', unchanged: 'no changes' }[change.kind]
}

/**
 * Every risk line, each with its project, in one warning above the fold, within `room`
 * characters; the lines that do not fit are counted, with where to read them.
 */
export function risksBlock(changes: readonly ProjectChange[], room: number, rest: string): string {
  const total = riskCount(changes)
  if (total === 0) return ''
  const lines = ['> [!WARNING]', `> **${total} risk${total === 1 ? '' : 's'} to review**`, '>']
  let used = lines.join('\n').length
  let shown = 0
  for (const change of changes) {
    for (const risk of change.risks) {
      const line = `> - ${code(change.name, NAME_MAX)}: ${phraseMarkdown(risk).replace(/[\r\n]+/g, ' ')}`
      const last = `> - … and ${total - shown} more: ${rest}`
      if (used + line.length + 1 + (shown + 1 < total ? last.length + 1 : 0) > room) {
        lines.push(last)
        return lines.join('\n')
      }
      lines.push(line)
      used += line.length + 1
      shown++
    }
  }
  return lines.join('\n')
}

/** The table with one line per project, within `room` characters. */
export function overview(changes: readonly ProjectChange[], room = Number.MAX_SAFE_INTEGER, rest = ''): string {
  const rows = changes.map(change => [
    codeCell(change.name, NAME_MAX),
    kindWords(change),
    String(change.settings.length),
    change.risks.length === 0 ? '' : `⚠️ ${change.risks.length}`
  ])
  return tableWithin(['project', 'change', 'settings', 'risks'], rows, room, left => `… and ${left} more projects: ${rest}`)
}

/** The details of every project that changes: each setting old → new, and the inputs it needs. */
export function details(changes: readonly ProjectChange[]): string {
  const parts: string[] = []
  for (const change of changes.filter(c => c.kind !== 'unchanged')) {
    parts.push(`#### ${code(change.name, NAME_MAX)}: ${kindWords(change)}`, '')
    if (change.settings.length > 0) {
      const rows = ['| setting | before | after |', '|---|---|---|']
      for (const setting of change.settings) {
        const before = setting.before === undefined ? '—' : codeCell(setting.before, VALUE_MAX)
        const after = setting.after === undefined ? '—' : codeCell(setting.after, VALUE_MAX)
        rows.push(`| \`${setting.name}\` | ${before} | ${after} |`)
      }
      parts.push(rows.join('\n'), '')
    } else if (change.kind === 'renamed') {
      parts.push('The same project under a new name; no setting changes.', '')
    }
    if (change.needs.length > 0)
      parts.push(`Given by inputs, never by the file: ${change.needs.map(name => `\`${name}\``).join(', ')}.`, '')
  }
  return parts.join('\n').trimEnd()
}

function contextLine(context: PlanContext): string {
  return `${code(context.file, 200)} at ${context.head}, compared with ${context.base}.`
}

/** The whole plan for the job summary: nothing folded, cut only past what a summary may hold. */
export function summaryMarkdown(changes: readonly ProjectChange[], context: PlanContext): string {
  const text = [
    `### Archive target plan: ${headline(changes)}`,
    '',
    contextLine(context),
    '',
    risksBlock(changes, MAX_SUMMARY / 3, 'the log has every one, as warnings.'),
    '',
    overview(changes),
    '',
    details(changes)
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()
  return text.length > MAX_SUMMARY ? `${cutAtLine(text, MAX_SUMMARY)}\n\n… cut here: the plan is longer than a job summary may be.` : text
}

/** The hidden marker that finds the comment of a configuration file again. */
export function commentMarker(file: string): string {
  return `<!-- opentok-archive-target:plan file=${file.replace(/-->/g, '')} -->`
}

/** The pull-request comment: headline, every risk line and the table above the fold, the details folded; at most MAX_COMMENT characters. */
export function commentBody(changes: readonly ProjectChange[], context: PlanContext): string {
  const inSummary = `the job summary of ${context.runUrl === undefined ? 'the run' : `[the run](${context.runUrl})`} has all of it.`
  const top = [
    commentMarker(context.file),
    `### Archive target plan: ${headline(changes)}`,
    '',
    `${contextLine(context)} This plan used no secret; nothing was sent to the vendor or the storage.`,
    '',
    risksBlock(changes, RISKS_ROOM, inSummary),
    '',
    overview(changes, OVERVIEW_ROOM, inSummary),
    ''
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
  const body = details(changes)
  if (body === '') return `${top}\n${footer(context)}`.trimEnd()
  const pointer = `\n\n… cut here: the plan is longer than a comment may be; ${inSummary}`
  const room = MAX_COMMENT - top.length - footer(context).length - pointer.length - 64
  const shown = body.length > room ? `${cutAtLine(body, Math.max(0, room))}${pointer}` : body
  return `${top}\n<details><summary>Details</summary>\n\n${shown}\n\n</details>\n\n${footer(context)}`.trimEnd()
}

/**
 * The comment of a head whose file does not validate: no plan can be made, and an earlier plan
 * must not stand as if it were current. Each problem is quoted as code: it may repeat a value of
 * the file under review.
 */
export function invalidBody(problems: readonly SettingProblem[], context: PlanContext & { readonly commit: string }): string {
  const listed = problems.map(problem => {
    const where = problem.file === undefined ? 'input' : `${problem.file}${problem.line === undefined ? '' : ` line ${problem.line}`}`
    return `${where}: ${problem.message}`
  })
  return [
    commentMarker(context.file),
    `### Archive target plan: the file at ${context.commit} does not validate`,
    '',
    `${code(context.file, 200)} at ${context.head} has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing can be planned until it validates. Fix ${problems.length === 1 ? 'it' : 'them'} and push: this comment is updated by the next plan.`,
    '',
    codeBlock(listed.join('\n'), 500, 60),
    '',
    footer(context)
  ]
    .join('\n')
    .trimEnd()
}

function footer(context: PlanContext): string {
  return context.runUrl === undefined ? '' : `<sub>From [the plan run](${context.runUrl}).</sub>`
}
