/**
 * What an audit tells the workflow: outputs, the JSON report file and the job summary, for a
 * finished audit and for one that could not finish alike (what was done, what failed and why). No
 * part holds a `url`, a key or a token. Text from outside reaches the summary only as code
 * (markdown.ts), and the summary stays far under GitHub's 1 MiB per step.
 */
import * as core from '@actions/core'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { UnreadableItem } from '../archive-list.js'
import { code, codeBlock, codeCell, cell, fitTable } from '../markdown.js'
import { phraseMarkdown, phraseText, value, type Phrase } from '../phrase.js'
import { addRunLine, type RunContext } from '../report.js'
import type { RescueEntry, RescueReport } from '../rescue/index.js'
import { countsLine, formatSize, undeliveredTable, unreadableTable, type JudgedArchive } from './table.js'
import { CLASS_NAMES, formatUtc, isUndelivered, type ArchiveClass } from './verdicts.js'

/**
 * The summary's room, in characters: GitHub takes 1 MiB per step, and a character here is at most
 * 4 bytes (the names users type are cut short and code spans add little), so a quarter of it.
 */
export const SUMMARY_ROOM = 250_000

/** Why the audit could not finish: the list, the look in the target, or the tracking issue. */
export interface AuditFailure {
  readonly stage: 'list' | 'storage'
  readonly message: string
  /** The vendor's passing trouble (no answer, 5xx after retries): it fails the step but opens no issue. */
  readonly transient: boolean
}

export interface AuditReport {
  /** "OpenTok project 46000042" or "Vonage application …". */
  readonly project: string
  readonly projectId: string
  /** `s3://bucket`, `azure://account/container`, or '' when none was given. */
  readonly target: string
  readonly since: Date
  readonly objectsChecked: boolean
  readonly statusesOnlyBecause?: string
  readonly judged: readonly JudgedArchive[]
  /** Archives of the window that the list gave, judged or not (a list that failed half way judges none). */
  readonly listed: number
  readonly unreadable: readonly UnreadableItem[]
  readonly counts: Readonly<Record<ArchiveClass, number>>
  /** Requests to the vendor's API: the list, and a rescue's fresh links. */
  readonly vendorRequests: number
  /** Requests to the target: the look-ups, and a rescue's writes. */
  readonly storageRequests: number
  readonly listStatus?: number
  /** Where the settings came from, when a configuration file was used. */
  readonly source?: string
  readonly failure?: AuditFailure
  readonly rescue?: RescueReport
  readonly dryRun: boolean
}

/** Counts of nothing, for a report before anything was judged. */
export function noCounts(): Record<ArchiveClass, number> {
  return Object.fromEntries(CLASS_NAMES.map(([kind]) => [kind, 0])) as Record<ArchiveClass, number>
}

/** The archives that count as not delivered, newest first. */
export function undeliveredOf(report: Pick<AuditReport, 'judged'>): JudgedArchive[] {
  return report.judged.filter(entry => isUndelivered(entry.verdict.kind))
}

/** How many count as not delivered: the archives, and the items of the answer that could not be read (nothing proves those landed). */
export function undeliveredCount(report: Pick<AuditReport, 'judged' | 'unreadable'>): number {
  return undeliveredOf(report).length + report.unreadable.length
}

/** The first line of the summary: the counts, the window and whether the target was asked. */
export function overviewOf(report: AuditReport): Phrase {
  const unreadable = report.unreadable.length === 0 ? '' : `, and ${report.unreadable.length} item(s) of the answer that could not be read`
  const window = `${countsLine(report.judged.length, report.counts)}${unreadable}; those created since ${formatUtc(report.since)} or still recording or uploading then`
  if (report.objectsChecked && report.failure?.stage === 'storage')
    return [`${window}, judged by their status: the look-ups in `, value(report.target, 200), ' failed']
  if (report.objectsChecked) return [`${window}, each looked for in `, value(report.target, 200)]
  return [`${window}, statuses only (${report.statusesOnlyBecause ?? 'the target was not asked'})`]
}

/** Writes the JSON report, one entry per archive and per rescue, without `url`; returns its path. */
export async function writeReportFile(report: AuditReport, env: NodeJS.ProcessEnv): Promise<string> {
  const path = join(env.RUNNER_TEMP || tmpdir(), `opentok-archive-audit-${report.projectId}.json`)
  const archives = report.judged.map(({ archive, verdict }) => ({
    id: archive.id,
    name: archive.name,
    created: new Date(archive.createdAt).toISOString(),
    status: archive.status,
    class: verdict.kind,
    objectKey: verdict.objectKey,
    outputMode: archive.outputMode,
    duration: archive.duration,
    size: archive.size,
    sessionId: archive.sessionId,
    reason: archive.reason,
    happened: phraseText(verdict.happened),
    whereNow: phraseText(verdict.whereNow)
  }))
  const document = {
    project: report.projectId,
    target: report.target,
    since: report.since.toISOString(),
    objectsChecked: report.objectsChecked,
    finished: report.failure === undefined,
    ...(report.failure === undefined ? {} : { failure: report.failure }),
    counts: report.counts,
    archives,
    unreadable: report.unreadable,
    ...(report.rescue === undefined ? {} : { rescue: rescueRecords(report.rescue) })
  }
  await writeFile(path, `${JSON.stringify(document, null, 1)}\n`, 'utf8')
  return path
}

/** Each rescue as the report file records it: ID, key, bytes, our SHA-256 and whether it matched the vendor's, ETag, seconds, deadline. */
function rescueRecords(rescue: RescueReport): object {
  return {
    dryRun: rescue.dryRun,
    limit: rescue.limit,
    bytes: rescue.bytes,
    archives: rescue.entries.map(({ archive, key, deadline, outcome }) => ({
      id: archive.id,
      key,
      deadline: new Date(deadline).toISOString(),
      result: outcome.kind,
      ...(outcome.kind === 'rescued'
        ? {
            bytes: outcome.bytes,
            sha256: outcome.sha256,
            vendorSha256: outcome.vendorSha256 === 'matched' ? 'matched' : 'vendor gave none',
            etag: outcome.etag ?? null,
            seconds: outcome.seconds
          }
        : {}),
      ...(outcome.kind === 'planned' || outcome.kind === 'limit' ? { bytes: archive.size } : {}),
      ...(outcome.kind === 'failed' ? { error: outcome.error, seconds: outcome.seconds } : {}),
      ...(outcome.kind === 'skipped' ? { why: phraseText(outcome.why) } : {}),
      ...(outcome.kind === 'arrived' ? { note: 'the object arrived meanwhile; it counts as delivered' } : {})
    }))
  }
}

/** The rescued archives and how many bytes, for the outputs. */
export function rescuedOf(rescue: RescueReport | undefined): RescueEntry[] {
  return (rescue?.entries ?? []).filter(entry => entry.outcome.kind === 'rescued')
}

/** Sets the audit's outputs, and the common ones (status, attempts, target, verified). */
export function setAuditOutputs(
  report: AuditReport,
  reportFile: string,
  result: 'audited' | 'failed' | 'dry-run',
  output = core.setOutput
): void {
  output('result', result)
  output('archives', String(report.listed + report.unreadable.length))
  output('undelivered', String(undeliveredCount(report)))
  output('report-file', reportFile)
  output('status', report.listStatus === undefined ? '' : String(report.listStatus))
  output('attempts', String(report.vendorRequests))
  output('storage-requests', String(report.storageRequests))
  output('target', report.target)
  output('rescued', String(rescuedOf(report.rescue).length))
  output('rescued-bytes', String(report.rescue?.bytes ?? 0))
  // 'false' when the target was asked and refused: the archives were not all looked for.
  // 'true' only when every archive was looked for: a list that failed left nothing looked for.
  output('verified', !report.objectsChecked ? 'skipped' : report.failure === undefined ? 'true' : 'false')
}

/**
 * The audit's sections in Markdown within `room` characters, for the summary and the tracking
 * issue alike: why it could not finish, the items that could not be read, the rescue, and the
 * archives not delivered. `where` says where the rows left out are.
 */
export function auditSections(report: AuditReport, room: number, where: string): { text: string; undeliveredShown: number } {
  const parts: string[] = []
  let undeliveredShown = 0
  if (report.failure !== undefined) parts.push(failureSection(report))
  if (report.unreadable.length > 0) {
    parts.push(
      `${report.unreadable.length} item(s) of the vendor's answer could not be read; nothing proves they landed:\n\n${unreadableTable(report.unreadable, Math.floor(room / 8), where)}`
    )
  }
  if (report.rescue !== undefined && report.rescue.entries.length > 0) parts.push(rescueSection(report.rescue, Math.floor(room / 4), where))
  const undelivered = undeliveredOf(report)
  const used = parts.join('\n\n').length
  if (undelivered.length > 0) {
    const table = undeliveredTable(undelivered, Math.max(2000, room - used - 200), where)
    parts.push(table.text)
    undeliveredShown = table.kept
  } else if (report.failure === undefined && report.unreadable.length === 0) {
    parts.push('Every archive of the window was delivered or is still on its way.')
  }
  return { text: parts.join('\n\n'), undeliveredShown }
}

function failureSection(report: AuditReport): string {
  const failure = report.failure
  if (failure === undefined) return ''
  const stage =
    failure.stage === 'list'
      ? "The vendor's archive list could not be read to the window's start, so the archives read are not judged."
      : `The target could not be read, so the archives whose status says they landed were not looked for; the ${report.judged.length} archive(s) listed were judged by what their status proves.`
  const done = `Done: ${report.vendorRequests} request(s) to the vendor, ${report.storageRequests} to the storage.`
  return ['> [!CAUTION]', `> **The audit could not finish.** ${stage} ${done}`, '', codeBlock(failure.message, 1000, 10)].join('\n')
}

function rescueSection(rescue: RescueReport, room: number, where: string): string {
  const rescued = rescuedOf(rescue)
  const others = rescue.entries.length - rescued.length
  const heading = rescue.dryRun
    ? `A rescue would copy ${rescue.entries.filter(e => e.outcome.kind === 'planned').length} archive(s), ${formatSize(plannedBytes(rescue))} in all (a dry run: nothing was copied):`
    : `Rescue: ${rescued.length} archive(s) copied into the target and proved, ${formatSize(rescue.bytes)} in all${others === 0 ? '' : `; ${others} not rescued, each with why`}. The vendor's upload of each failed: fix the target (its credentials, policy or settings) so that the next uploads land.`
  const rows = rescue.entries.map(entry => [
    codeCell(entry.archive.id, 64),
    codeCell(entry.key, 200),
    cell(formatSize(entry.outcome.kind === 'rescued' ? entry.outcome.bytes : entry.archive.size)),
    cell(formatUtc(new Date(entry.deadline))),
    cell(outcomeWords(entry))
  ])
  return `${heading}\n\n${fitTable(['Archive', 'Key', 'Size', 'Vendor keeps it until', 'Rescue'], rows, room, left => `… and ${left} more: ${where}`).text}`
}

function plannedBytes(rescue: RescueReport): number {
  return rescue.entries.filter(e => e.outcome.kind === 'planned').reduce((sum, e) => sum + e.archive.size, 0)
}

/** What became of one rescue, in a few words (Markdown; the error from outside as code). */
function outcomeWords(entry: RescueEntry): string {
  const outcome = entry.outcome
  switch (outcome.kind) {
    case 'rescued':
      return `rescued in ${outcome.seconds.toFixed(1)} s; SHA-256 ${outcome.vendorSha256 === 'matched' ? "matches the vendor's" : 'taken (the vendor gave none)'}`
    case 'arrived':
      return 'arrived meanwhile: delivered, left as it is'
    case 'planned':
      return 'would be copied'
    case 'limit':
      return "not rescued: 'rescue-max-bytes' was reached"
    case 'skipped':
      return `skipped: ${phraseMarkdown(outcome.why)}`
    case 'failed':
      return `failed: ${code(outcome.error, 400)}`
  }
}

/** The job summary's Markdown: heading, overview, and the audit's sections, within SUMMARY_ROOM; and how many undelivered rows it shows. */
export function auditSummary(report: AuditReport, reportFile: string): { heading: string; text: string; undeliveredShown: number } {
  const heading = `Archive delivery audit: ${report.project}${report.dryRun ? ' (dry run)' : ''}`
  const settings = report.source === undefined ? '' : `Settings: ${code(report.source, 200)}\n\n`
  const overview = `${phraseMarkdown(overviewOf(report))}.\n\n`
  const room = SUMMARY_ROOM - heading.length - settings.length - overview.length
  const sections = auditSections(report, room, `the report file (${code(reportFile, 300)}) lists every one.`)
  return { heading, text: `${settings}${overview}${sections.text}\n`, undeliveredShown: sections.undeliveredShown }
}

/** Writes the job summary made by auditSummary. Does nothing outside a runner. */
export async function writeAuditSummary(
  made: { heading: string; text: string },
  context: RunContext,
  summary: typeof core.summary = core.summary
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  // The blank line ends the heading's HTML block: without it GitHub shows the next line's Markdown as it is.
  summary.addHeading(made.heading, 3).addRaw(`\n${made.text}`, true)
  addRunLine(summary, context)
  await summary.write()
}
