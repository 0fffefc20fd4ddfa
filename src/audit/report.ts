/** What an audit tells the workflow: outputs, the JSON report file and the job summary; none holds a `url` or a key. */
import * as core from '@actions/core'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { addRunLine, escapeHtml, type RunContext } from '../report.js'
import { countsLine, undeliveredTable, type JudgedArchive } from './table.js'
import { isUndelivered, type ArchiveClass } from './verdicts.js'

/** The rows the job summary's table shows at most; the report file has every archive. */
const SUMMARY_ROWS = 500

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
  readonly counts: Readonly<Record<ArchiveClass, number>>
  /** List requests, storage requests. */
  readonly requests: number
  readonly listStatus?: number
  /** Where the settings came from, when a configuration file was used. */
  readonly source?: string
}

/** The archives that count as not delivered, newest first. */
export function undeliveredOf(report: Pick<AuditReport, 'judged'>): JudgedArchive[] {
  return report.judged.filter(entry => isUndelivered(entry.verdict.kind))
}

/** The first line of the summary: the counts, the window and whether the target was asked. */
export function overviewOf(report: AuditReport): string {
  const how = report.objectsChecked
    ? `each looked for in ${report.target}`
    : `statuses only (${report.statusesOnlyBecause ?? 'the target was not asked'})`
  return `${countsLine(report.judged.length, report.counts)}; created since ${report.since.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${how}`
}

/** Writes the JSON report, one entry per archive, without `url`; returns its path. */
export async function writeReportFile(report: AuditReport, env: NodeJS.ProcessEnv): Promise<string> {
  const path = join(env.RUNNER_TEMP || tmpdir(), `opentok-archive-audit-${report.projectId}.json`)
  const archives = report.judged.map(({ archive, verdict }) => ({
    id: archive.id,
    created: new Date(archive.createdAt).toISOString(),
    status: archive.status,
    class: verdict.kind,
    objectKey: verdict.objectKey,
    outputMode: archive.outputMode,
    duration: archive.duration,
    size: archive.size,
    sessionId: archive.sessionId,
    happened: verdict.happened,
    whereNow: verdict.whereNow
  }))
  const document = {
    project: report.projectId,
    target: report.target,
    since: report.since.toISOString(),
    objectsChecked: report.objectsChecked,
    counts: report.counts,
    archives
  }
  await writeFile(path, `${JSON.stringify(document, null, 1)}\n`, 'utf8')
  return path
}

/** Sets the audit's outputs, and the common ones (status, attempts, target, verified). */
export function setAuditOutputs(
  report: AuditReport,
  reportFile: string,
  result: 'audited' | 'failed' | 'dry-run',
  output = core.setOutput
): void {
  output('result', result)
  output('archives', String(report.judged.length))
  output('undelivered', String(undeliveredOf(report).length))
  output('report-file', reportFile)
  output('status', report.listStatus === undefined ? '' : String(report.listStatus))
  output('attempts', String(report.requests))
  output('target', report.target)
  // 'false' when the target was asked and refused: the archives were not all looked for.
  output('verified', !report.objectsChecked ? 'skipped' : result === 'failed' ? 'false' : 'true')
}

/** Writes the job summary: heading, counts, and the table of every undelivered archive. */
export async function writeAuditSummary(
  report: AuditReport,
  reportFile: string,
  context: RunContext,
  summary: typeof core.summary = core.summary
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const undelivered = undeliveredOf(report)
  summary.addHeading(`Archive delivery audit: ${escapeHtml(report.project)}`, 3)
  if (report.source !== undefined) summary.addRaw(`<p>Settings: ${escapeHtml(report.source)}</p>`, true)
  summary.addRaw(`<p>${escapeHtml(overviewOf(report))}.</p>`, true)
  if (undelivered.length === 0) {
    summary.addRaw('<p>Every archive of the window was delivered or is still on its way.</p>', true)
  } else {
    summary.addRaw(`\n${undeliveredTable(undelivered, SUMMARY_ROWS, `the report file (${reportFile}) lists every one.`)}\n`, true)
  }
  addRunLine(summary, context)
  await summary.write()
}
