/** The plan in Markdown: a line per project, then the details; the same text for the job summary and the pull-request comment. */
import type { ProjectChange } from './changes.js'

/** GitHub refuses a comment over 65,536 characters; the plan is cut well before. */
export const MAX_COMMENT = 60_000

export interface PlanContext {
  readonly file: string
  /** "commit 1a2b3c4" or "nothing (the file is new)". */
  readonly base: string
  readonly head: string
  readonly runUrl?: string
}

/** "2 projects change (5 settings), 3 risks" or "No changes". */
export function headline(changes: readonly ProjectChange[]): string {
  const changed = changes.filter(change => change.kind !== 'unchanged')
  if (changed.length === 0) return 'No changes'
  const settings = countSettings(changes)
  const risks = changes.reduce((sum, change) => sum + change.risks.length, 0)
  const projects = `${changed.length} project${changed.length === 1 ? '' : 's'} change${changed.length === 1 ? 's' : ''}`
  return `${projects} (${settings} setting${settings === 1 ? '' : 's'})${risks === 0 ? '' : `, ${risks} risk${risks === 1 ? '' : 's'} to review`}`
}

/** Settings changed in all: every setting of an added or removed project counts. */
export function countSettings(changes: readonly ProjectChange[]): number {
  return changes.reduce((sum, change) => sum + change.settings.length, 0)
}

const KIND_WORDS = { added: 'added', removed: 'removed', changed: 'changed', unchanged: 'no changes' } as const

/** The table with one line per project. */
export function overview(changes: readonly ProjectChange[]): string {
  const lines = ['| project | change | settings | risks |', '|---|---|---|---|']
  for (const change of changes) {
    lines.push(
      `| ${code(change.name)} | ${KIND_WORDS[change.kind]} | ${change.settings.length} | ${change.risks.length === 0 ? '' : `⚠️ ${change.risks.length}`} |`
    )
  }
  return lines.join('\n')
}

/** The details of every project that changes: its risks, then each setting old → new. */
export function details(changes: readonly ProjectChange[]): string {
  const parts: string[] = []
  for (const change of changes.filter(c => c.kind !== 'unchanged')) {
    parts.push(`#### ${code(change.name)}: ${KIND_WORDS[change.kind]}`, '')
    for (const risk of change.risks) parts.push(`> [!WARNING]\n> ${oneLine(risk)}`, '')
    const rows = ['| setting | before | after |', '|---|---|---|']
    for (const setting of change.settings) {
      rows.push(
        `| \`${setting.name}\` | ${setting.before === undefined ? '—' : code(setting.before)} | ${setting.after === undefined ? '—' : code(setting.after)} |`
      )
    }
    parts.push(rows.join('\n'), '')
    if (change.needs.length > 0)
      parts.push(`Given by inputs, never by the file: ${change.needs.map(name => `\`${name}\``).join(', ')}.`, '')
  }
  return parts.join('\n').trimEnd()
}

/** The whole plan for the job summary. */
export function summaryMarkdown(changes: readonly ProjectChange[], context: PlanContext): string {
  return [
    `### Archive target plan: ${headline(changes)}`,
    '',
    `${code(context.file)} at ${context.head}, compared with ${context.base}.`,
    '',
    overview(changes),
    '',
    details(changes)
  ]
    .join('\n')
    .trimEnd()
}

/** The hidden marker that finds the comment of a configuration file again. */
export function commentMarker(file: string): string {
  return `<!-- opentok-archive-target:plan file=${file.replace(/-->/g, '')} -->`
}

/** The pull-request comment: the headline above the collapsed details, cut to MAX_COMMENT with a pointer to the job summary. */
export function commentBody(changes: readonly ProjectChange[], context: PlanContext): string {
  const top = [
    commentMarker(context.file),
    `### Archive target plan: ${headline(changes)}`,
    '',
    `${code(context.file)} at ${context.head}, compared with ${context.base}. This plan used no secret; nothing was sent to the vendor or the storage.`,
    '',
    overview(changes),
    ''
  ].join('\n')
  const body = details(changes)
  if (body === '') return `${top}\n${footer(context)}`
  const pointer = `\n\n… cut here: the plan is longer than a comment may be. The job summary of ${context.runUrl === undefined ? 'the run' : `[the run](${context.runUrl})`} has all of it.`
  const room = MAX_COMMENT - top.length - footer(context).length - pointer.length - 64
  const shown = body.length > room ? `${body.slice(0, Math.max(0, room))}${pointer}` : body
  return `${top}\n<details><summary>Details</summary>\n\n${shown}\n\n</details>\n\n${footer(context)}`
}

function footer(context: PlanContext): string {
  return context.runUrl === undefined ? '' : `<sub>From [the plan run](${context.runUrl}).</sub>`
}

/** Text in a code span, safe in a table cell. */
function code(text: string): string {
  const clean = oneLine(text).replace(/\|/g, '\\|')
  return clean.includes('`') ? `\`\` ${clean} \`\`` : `\`${clean}\``
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ')
}
