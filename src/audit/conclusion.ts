/**
 * How an audit ends, in the log and in the step's result: a line per archive not delivered (the
 * first 50; the summary and the report file have the rest, and the last line says how many each
 * holds), a line per rescue, an ::error:: for each archive the vendor deletes within a day that is
 * not in the target, and the step's result. Every line goes through the log's door.
 */
import type { Archive } from '../archive-list.js'
import * as log from '../log.js'
import { phraseText } from '../phrase.js'
import type { Plan } from '../plan.js'
import { overviewOf, rescuedOf, undeliveredCount, undeliveredOf, type AuditReport } from './report.js'
import { CLASS_NAMES, formatUtc } from './verdicts.js'
import { vendorDeadline } from './window.js'

/** The most undelivered archives the log lists one per line; the summary and the report file have more. */
const LOGGED_ROWS = 50
/** An archive the vendor keeps for less than this, and that is not in the target, is an error line. */
const URGENT_MS = 24 * 3_600_000

/** The audit's findings in the log. */
export function logFindings(report: AuditReport, reportFile: string, shownInSummary: number): void {
  // An audit whose list could not be read has judged nothing: its error says so, not a count of nothing.
  if (report.failure?.stage !== 'list') log.info(`Audit: ${phraseText(overviewOf(report))}.`)
  const undelivered = undeliveredOf(report)
  for (const { archive, verdict } of undelivered.slice(0, LOGGED_ROWS)) {
    log.info(
      `  ${archive.id}  "${archive.name}"  ${formatUtc(new Date(archive.createdAt))}  ${archive.status}: ${phraseText(verdict.happened)}; now ${phraseText(verdict.whereNow)}.`
    )
  }
  const more = undelivered.length - LOGGED_ROWS
  if (more > 0) {
    const summary =
      shownInSummary >= undelivered.length ? 'the job summary' : `the job summary (${shownInSummary} of the ${undelivered.length})`
    log.info(`  … and ${more} more in ${summary} and the report file.`)
  }
  for (const entry of rescuedOf(report.rescue)) {
    const outcome = entry.outcome
    if (outcome.kind === 'rescued')
      log.info(
        `Rescued ${entry.archive.id} into ${entry.key}: ${outcome.bytes} bytes, SHA-256 ${outcome.sha256} (${outcome.vendorSha256 === 'matched' ? "the vendor's" : 'the vendor gave none'}), in ${outcome.seconds.toFixed(1)} s.`
      )
  }
  for (const entry of report.rescue?.entries ?? []) {
    const outcome = entry.outcome
    if (outcome.kind === 'failed') log.warning(`The rescue of ${entry.archive.id} failed: ${outcome.error}`)
    if (outcome.kind === 'skipped') log.notice(`The rescue skipped ${entry.archive.id}: ${phraseText(outcome.why)}.`)
    if (outcome.kind === 'arrived')
      log.info(`${entry.archive.id} arrived in the target while it was being copied: delivered, and left as it is.`)
    if (outcome.kind === 'planned')
      log.info(
        `Would rescue ${entry.archive.id} (${entry.archive.size} bytes, kept until ${formatUtc(new Date(entry.deadline))}) into ${entry.key}.`
      )
  }
  if (report.rescue?.dryRun === true) {
    const planned = report.rescue.entries.filter(entry => entry.outcome.kind === 'planned')
    log.info(
      `A rescue would copy ${planned.length} archive(s), ${planned.reduce((sum, entry) => sum + entry.archive.size, 0)} bytes in all; nothing was copied (dry run).`
    )
  }
  log.info(`Report: ${reportFile}`)
}

/**
 * An archive the vendor keeps for less than a day, and that is not in the target, is an ::error::
 * with the hours left: `present` holds those the target was seen to hold.
 */
export function urgentArchives(report: AuditReport, kept: readonly Archive[], present: ReadonlySet<string>, now: number): void {
  const saved = new Set(
    (report.rescue?.entries ?? []).filter(e => e.outcome.kind === 'rescued' || e.outcome.kind === 'arrived').map(e => e.archive.id)
  )
  for (const archive of kept) {
    const left = vendorDeadline(archive) - now
    if (archive.status !== 'available' || left <= 0 || left >= URGENT_MS || saved.has(archive.id) || present.has(archive.id)) continue
    log.error(
      `Archive ${archive.id} is not in the target, and the vendor deletes its copy in ${Math.floor(left / 3_600_000)} h (${formatUtc(new Date(vendorDeadline(archive)))}): rescue it now (rescue: true), or download it from the vendor's dashboard.`
    )
  }
}

/**
 * The step's result: a dry run stays green; a failed or undelivered audit fails. With
 * 'fail-on-error: false' it warns instead, for what the vendor answered and for archives not
 * delivered, as for set; an audit the network or the storage kept from finishing still fails.
 */
export function conclude(plan: Plan, report: AuditReport): void {
  if (report.dryRun) return
  const problems: string[] = []
  if (report.failure !== undefined) problems.push(`The audit could not finish: ${report.failure.message}`)
  const undelivered = undeliveredCount(report)
  const rescued = rescuedOf(report.rescue).length
  if (undelivered > 0 || rescued > 0) {
    const classes = CLASS_NAMES.filter(
      ([kind]) => !['delivered', 'pending', 'unchecked', 'rescued'].includes(kind) && report.counts[kind] > 0
    ).map(([kind, name]) => `${report.counts[kind]} ${name}`)
    if (report.unreadable.length > 0) classes.push(`${report.unreadable.length} that could not be read`)
    const lost = undelivered - report.counts.rescued
    const saved = rescued === 0 ? '' : `; ${rescued} rescued${lost <= 0 ? ', nothing lost' : ''}; fix the target`
    const what = classes.length === 0 ? '' : ` (${classes.join(', ')})`
    problems.push(`${undelivered} archive(s) did not land in ${report.target || 'the target'}${what}${saved}. See the job summary.`)
  }
  if (problems.length === 0) return
  const message = problems.join(' ')
  const answered = report.failure === undefined || (report.failure.stage === 'list' && report.listStatus !== undefined)
  if (plan.failOnError || !answered) log.fail(message)
  else log.warning(`${message} The step stays green because 'fail-on-error' is false.`)
}
