/** What the run tells the workflow: step outputs and the job summary, with every secret left out. */
import * as core from '@actions/core'
import type { InputProblem } from './inputs/index.js'
import { describeProject } from './platform.js'
import type { Plan, Verified } from './plan.js'
import { cell, codeCell } from './markdown.js'
import { describeTarget } from './storage.js'

export type { Verified } from './plan.js'

/** Everything the report shows about one run. */
export interface RunReport {
  readonly plan: Plan
  /** HTTP status of the final vendor answer; undefined when nothing was sent or no answer came. */
  readonly status?: number
  readonly attempts: number
  readonly verified: Verified
  /** One line on the storage check, e.g. what was written or why it failed. */
  readonly verification?: string
  /** One line on the result, e.g. "stored" or the failure. */
  readonly result: string
}

/** The run line: which repository, workflow and run did this (from the runner's context). */
export interface RunContext {
  readonly repository?: string
  readonly workflow?: string
  readonly runUrl?: string
}

type Output = (name: string, value: string) => void

/**
 * What a run came to, in one word a workflow can branch on: `set` (accepted, storage checked),
 * `unverified` (accepted without the storage check), `deleted`, `dry-run`, `refused` (settings
 * refused, nothing sent), `failed` (the storage check, the vendor or the network); `audited` and
 * `planned` for the other operations.
 */
export type RunResult = 'set' | 'unverified' | 'deleted' | 'dry-run' | 'refused' | 'failed' | 'audited' | 'planned'

/** The result of a set or delete that ended as `report` says; `failed` when it failed. */
export function resultOf(report: RunReport, failed: boolean): RunResult {
  if (failed) return 'failed'
  if (report.plan.dryRun) return 'dry-run'
  if (report.plan.operation === 'delete') return 'deleted'
  return report.verified === 'true' ? 'set' : 'unverified'
}

/**
 * Sets the step outputs: result, status, attempts, target, verified. `target` names where
 * archives go only when the vendor accepted it, or would in a dry run: never after a failure.
 */
export function setOutputs(report: RunReport, result: RunResult, output: Output = core.setOutput): void {
  output('result', result)
  output('status', report.status === undefined ? '' : String(report.status))
  output('attempts', String(report.attempts))
  output('target', result === 'set' || result === 'unverified' || result === 'dry-run' ? describeTarget(report.plan.target) : '')
  output('verified', report.verified)
}

/** The outputs of a run stopped by its inputs: nothing was sent and nothing was checked. */
export function setInputErrorOutputs(output: Output = core.setOutput): void {
  output('result', 'refused')
  output('status', '')
  output('attempts', '0')
  output('target', '')
  output('verified', 'skipped')
}

/** The summary rows, in order; every value is secret-free by construction. */
export function summaryRows(report: RunReport): Array<[string, string]> {
  const { plan } = report
  const rows: Array<[string, string]> = [['Project', describeProject(plan.credentials)]]
  if (plan.source !== undefined) rows.push(['Settings', plan.source])
  rows.push(['Operation', plan.operation])
  const target = plan.target
  if (target?.type === 's3') {
    rows.push(['Type', 's3'], ['Bucket', target.bucket], ['Endpoint', target.endpoint ?? 'Amazon S3 (default)'], ['SSE', target.sse])
  } else if (target?.type === 'azure') {
    rows.push(
      ['Type', 'azure'],
      ['Account / container', `${target.accountName}/${target.container}`],
      ['Domain', target.domain ?? 'core.windows.net (default)']
    )
  }
  if (plan.operation === 'set') {
    rows.push(['Fallback', plan.fallback], ['Certificate', describeCertificate(plan)])
    rows.push(['Storage check', report.verification ?? report.verified])
  }
  rows.push(['Status', statusText(report)], ['Attempts', String(report.attempts)], ['Result', report.result])
  return rows
}

function statusText(report: RunReport): string {
  if (report.status !== undefined) return String(report.status)
  if (report.plan.dryRun) return 'dry run: nothing was sent to the vendor'
  return report.attempts === 0 ? 'not sent' : 'no answer'
}

function describeCertificate(plan: Plan): string {
  const cert = plan.certificate
  if (cert.kind === 'unchanged') return 'unchanged'
  if (cert.kind === 'off') return 'encryption turned off (null)'
  return `${cert.subject}; SHA-256 ${cert.fingerprint256}; expires ${cert.validTo.toISOString().slice(0, 10)}`
}

/** One input problem as the summary lists it: where the setting came from, and what is wrong and allowed. */
export interface ReportedProblem extends InputProblem {
  /** e.g. "input" or "`.github/opentok-archive-target.yml` line 7, project `staging`". */
  readonly source: string
}

/** The longest value a summary cell shows; a certificate subject or an error can be long. */
const CELL_MAX = 500

/** Writes the job summary: a heading, the table and the run line. Does nothing outside a runner. */
export async function writeSummary(report: RunReport, context: RunContext, summary: typeof core.summary = core.summary): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const platform = report.plan.credentials.platform === 'opentok' ? 'OpenTok' : 'Vonage Video'
  const heading = `${platform} archive upload target${report.plan.dryRun ? ' (dry run)' : ''}`
  // Every value is shown as code: settings may come from a file under review, and a check's or a
  // certificate's words from outside; in code, none can mention, link or show an image.
  const table = [
    '| Field | Value |',
    '|---|---|',
    ...summaryRows(report).map(([field, value]) => `| ${cell(field)} | ${codeCell(value, CELL_MAX)} |`)
  ].join('\n')
  summary.addHeading(heading, 3).addRaw(`\n${table}\n`, true)
  addRunLine(summary, context)
  await summary.write()
}

/** Writes the job summary of a run refused for its inputs: which settings, from where, and what each accepts. */
export async function writeInputErrorSummary(
  problems: readonly ReportedProblem[],
  context: RunContext,
  summary: typeof core.summary = core.summary
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  // A message quotes the value as typed (in a file under review, say): shown as code.
  const table = [
    '| Setting | Source | What is wrong, and what it accepts |',
    '|---|---|---|',
    ...problems.map(
      problem => `| ${codeCell(problem.input, 100)} | ${codeCell(problem.source, 200)} | ${codeCell(problem.message, CELL_MAX)} |`
    )
  ].join('\n')
  summary
    .addHeading('OpenTok archive upload target: invalid settings', 3)
    .addRaw(`${problems.length} problem(s); nothing was sent to the vendor or the storage.`, true)
    .addRaw(`\n${table}\n`, true)
  addRunLine(summary, context)
  await summary.write()
}

/** Adds the line naming the repository and run, linked to the run. */
export function addRunLine(summary: typeof core.summary, context: RunContext): void {
  if (context.repository === undefined) return
  const line = `${context.repository} · ${context.workflow ?? 'workflow'}`
  summary.addRaw(context.runUrl === undefined ? escapeHtml(line) : `<a href="${escapeHtml(context.runUrl)}">${escapeHtml(line)}</a>`, true)
}

/** Text as it may stand in the summary's HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
}
