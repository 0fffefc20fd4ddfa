/** What the run tells the workflow: step outputs and the job summary, with every secret left out. */
import * as core from '@actions/core'
import type { Plan } from './plan.js'
import { describeTarget } from './storage.js'

/** How the storage check ended: passed, failed, or not run. */
export type Verified = 'true' | 'false' | 'skipped'

/** Everything the report shows about one run. */
export interface RunReport {
  readonly plan: Plan
  /** HTTP status of the final vendor answer; undefined when nothing was sent. */
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

/** Sets the step outputs: status, attempts, target, verified. */
export function setOutputs(report: RunReport, output: (name: string, value: string) => void = core.setOutput): void {
  output('status', report.status === undefined ? '' : String(report.status))
  output('attempts', String(report.attempts))
  output('target', describeTarget(report.plan.target))
  output('verified', report.verified)
}

/** The summary rows, in order; every value is secret-free by construction. */
export function summaryRows(report: RunReport): Array<[string, string]> {
  const { plan } = report
  const rows: Array<[string, string]> = [
    ['Project', plan.apiKey],
    ['Operation', plan.operation]
  ]
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
  rows.push(
    [
      'Status',
      report.status === undefined ? (plan.dryRun ? 'dry run: nothing was sent to the vendor' : 'no answer') : String(report.status)
    ],
    ['Attempts', String(report.attempts)],
    ['Result', report.result]
  )
  return rows
}

function describeCertificate(plan: Plan): string {
  const cert = plan.certificate
  if (cert.kind === 'unchanged') return 'unchanged'
  if (cert.kind === 'off') return 'encryption turned off (null)'
  return `${cert.subject}; SHA-256 ${cert.fingerprint256}; expires ${cert.validTo.toISOString().slice(0, 10)}`
}

/** Writes the job summary: a heading, the table and the run line. Does nothing outside a runner. */
export async function writeSummary(report: RunReport, context: RunContext, summary: typeof core.summary = core.summary): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const heading = report.plan.dryRun ? 'OpenTok archive upload target (dry run)' : 'OpenTok archive upload target'
  summary.addHeading(heading, 3).addTable([
    [
      { data: 'Field', header: true },
      { data: 'Value', header: true }
    ],
    ...summaryRows(report).map(([field, value]) => [escapeHtml(field), escapeHtml(value)])
  ])
  if (context.repository !== undefined) {
    const line = `${context.repository} · ${context.workflow ?? 'workflow'}`
    summary.addRaw(
      context.runUrl === undefined ? escapeHtml(line) : `<a href="${escapeHtml(context.runUrl)}">${escapeHtml(line)}</a>`,
      true
    )
  }
  await summary.write()
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
}
