/**
 * `audit`: proves that archives really land. Reads the vendor's archive list down to the start of
 * the window, asks the target for each archive's prefix, judges each archive, reports, and keeps
 * the project's tracking issue in step. Loaded only when an audit runs.
 */
import * as core from '@actions/core'
import { archiveListUrl, listArchivesSince, MAX_ARCHIVES, PAGE_SIZE, type Archive } from '../archive-list.js'
import { overviewOf, setAuditOutputs, undeliveredOf, writeAuditSummary, writeReportFile, type AuditReport } from '../audit/report.js'
import { undeliveredTable, type JudgedArchive } from '../audit/table.js'
import { syncTrackingIssue } from '../audit/tracking-issue.js'
import { CLASS_NAMES, formatUtc, judge, type ArchiveClass } from '../audit/verdicts.js'
import { makeGitHubClient } from '../github-client.js'
import { describeProject, projectIdOf, vendorName } from '../platform.js'
import type { AuditSettings, Plan } from '../plan.js'
import { secretValuesOf } from '../plan-secrets.js'
import { mapWithLimit } from '../pool.js'
import { scrub } from '../redact.js'
import { describeTarget } from '../storage.js'
import { makeObjectFinder, type Lookup } from '../verify/find-objects.js'
import type { RunDependencies } from './dependencies.js'

/** How many prefix look-ups are in flight at once. */
export const LOOKUP_CONCURRENCY = 16
/** The most undelivered archives the log lists one per line; the summary and the report file have them all. */
const LOGGED_ROWS = 50

/** Audits the archives of the window that `plan.audit` describes. */
export async function audit(plan: Plan, deps: RunDependencies): Promise<void> {
  const settings = plan.audit
  if (settings === undefined) throw new Error('an audit needs its settings')
  const secrets = secretValuesOf(plan)
  const projectId = projectIdOf(plan.credentials)
  const target = describeTarget(plan.target)
  core.info(
    `Auditing the archives of ${describeProject(plan.credentials)} created since ${formatUtc(settings.since)} through ${plan.apiUrl}${target === '' ? '' : `, against ${target}`}.`
  )
  const checkObjects = settings.checkObjects && plan.target !== undefined
  if (!checkObjects) {
    core.notice(
      `The archives are judged by their status alone, since ${settings.statusesOnlyBecause ?? 'no target was given'}: 'uploaded' counts as delivered, and no object is looked for in the target.`
    )
  }
  if (plan.dryRun) {
    core.info(`Dry run: would send GET ${archiveListUrl(plan, 0, PAGE_SIZE)} (and more pages down to the window's start)`)
    if (checkObjects) core.info(`and look for each archive under ${target}/${projectId}/{archive id}/.`)
    core.info(`Nothing was sent to ${vendorName(plan.credentials)} or the storage.`)
    setAuditOutputs(emptyReport(plan, settings, false), '', 'dry-run')
    return
  }

  const log = { info: core.info, debug: core.debug }
  const listing = await listArchivesSince(plan, settings.since, {
    transport: deps.transport,
    clock: deps.clock,
    log,
    mask: core.setSecret,
    secrets
  })
  if (listing.error !== undefined) {
    setAuditOutputs({ ...emptyReport(plan, settings, false), requests: listing.requests, ...statusOf(listing.status) }, '', 'failed')
    const message = scrub(listing.error, secrets)
    if (listing.status !== undefined && !plan.failOnError) core.warning(`${message} The step stays green because 'fail-on-error' is false.`)
    else core.setFailed(message)
    return
  }
  if (listing.capped) {
    core.warning(
      `The window holds more than ${MAX_ARCHIVES} archives, the most one audit reads: only the newest ${MAX_ARCHIVES} were audited. Give a shorter 'since' and audit more often.`
    )
  }
  if (listing.skipped > 0)
    core.warning(`${listing.skipped} archive(s) of the list had an ID that is not an archive ID; they were not judged.`)
  core.info(`${vendorName(plan.credentials)} listed ${listing.archives.length} archive(s) of the window in ${listing.requests} request(s).`)

  let found: ReadonlyArray<string | undefined> = []
  let storageRequests = 0
  if (checkObjects && plan.target !== undefined && listing.archives.length > 0) {
    const looked = await lookForArchives(plan, listing.archives, deps, secrets)
    if (looked.error !== undefined) {
      setAuditOutputs(
        { ...emptyReport(plan, settings, true), requests: listing.requests + looked.requests, ...statusOf(listing.status) },
        '',
        'failed'
      )
      core.setFailed(scrub(looked.error, secrets))
      return
    }
    found = looked.keys
    storageRequests = looked.requests
  }

  const now = deps.clock.now()
  const options = { projectId, now, uploadGraceMs: settings.uploadGraceMs, objectsChecked: checkObjects, target }
  const judged: JudgedArchive[] = listing.archives.map((archive, index) => ({ archive, verdict: judge(archive, found[index], options) }))
  const counts = countClasses(judged)
  const report: AuditReport = {
    project: describeProject(plan.credentials),
    projectId,
    target,
    since: settings.since,
    objectsChecked: checkObjects,
    ...(settings.statusesOnlyBecause === undefined ? {} : { statusesOnlyBecause: settings.statusesOnlyBecause }),
    judged,
    counts,
    requests: listing.requests + storageRequests,
    ...statusOf(listing.status),
    ...(plan.source === undefined ? {} : { source: plan.source })
  }
  const reportFile = await writeReportFile(report, deps.env)
  setAuditOutputs(report, reportFile, 'audited')
  const undelivered = undeliveredOf(report)
  core.info(`Audit: ${overviewOf(report)}.`)
  for (const { archive, verdict } of undelivered.slice(0, LOGGED_ROWS)) {
    core.info(
      `  ${archive.id}  ${formatUtc(new Date(archive.createdAt))}  ${archive.status}: ${verdict.happened}; now ${verdict.whereNow}.`
    )
  }
  if (undelivered.length > LOGGED_ROWS) core.info(`  … and ${undelivered.length - LOGGED_ROWS} more in the job summary and ${reportFile}.`)
  core.info(`Report: ${reportFile}`)

  const context = await deps.runContext()
  try {
    await writeAuditSummary(report, reportFile, context)
  } catch (error) {
    core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (settings.trackingIssue) {
    const outcome = await syncTrackingIssue(await makeGitHubClient(settings.githubToken, deps.env), deps.env, {
      projectId,
      projectName: plan.project ?? projectId,
      undeliveredIds: undelivered.map(entry => entry.archive.id),
      overview: overviewOf(report),
      table: (limit, more) => undeliveredTable(undelivered, limit, more),
      ...(context.runUrl === undefined ? {} : { runUrl: context.runUrl })
    })
    if (outcome.action === 'skipped') core.warning(outcome.warning)
    else if (outcome.action !== 'none') core.info(`Tracking issue #${outcome.number} ${outcome.action}: ${outcome.url}`)
  }

  if (undelivered.length > 0) {
    const message = `${undelivered.length} of ${judged.length} archive(s) were not delivered to ${target || 'the target'}: ${describeClasses(counts)}. See the job summary.`
    if (plan.failOnError) core.setFailed(message)
    else core.warning(`${message} The step stays green because 'fail-on-error' is false.`)
  }
}

/** Asks the target for every archive's prefix, 16 at a time; stops at the first refusal, which is one error for the run. */
async function lookForArchives(
  plan: Plan,
  archives: readonly Archive[],
  deps: RunDependencies,
  secrets: readonly string[]
): Promise<{ keys: Array<string | undefined>; requests: number; error?: string }> {
  if (plan.target === undefined) return { keys: [], requests: 0 }
  const { storageLocations } = deps
  const find = makeObjectFinder(
    plan.target,
    {
      transport: deps.transport,
      clock: deps.clock,
      policy: { maxAttempts: plan.maxAttempts, timeoutMs: plan.timeoutSeconds * 1000 },
      log: { info: core.info, debug: core.debug },
      secrets
    },
    storageLocations ?? {}
  )
  const projectId = projectIdOf(plan.credentials)
  let refusal: Lookup | undefined
  const lookups = await mapWithLimit(
    archives,
    LOOKUP_CONCURRENCY,
    async archive => {
      const lookup = await find(`${projectId}/${archive.id}/`)
      if (!lookup.ok) refusal ??= lookup
      return lookup
    },
    () => refusal !== undefined
  )
  const requests = lookups.filter(lookup => lookup !== undefined).length
  if (refusal !== undefined && !refusal.ok) return { keys: [], requests, error: refusal.error }
  return { keys: lookups.map(lookup => (lookup?.ok ? lookup.key : undefined)), requests }
}

function countClasses(judged: readonly JudgedArchive[]): Record<ArchiveClass, number> {
  const counts = Object.fromEntries(CLASS_NAMES.map(([kind]) => [kind, 0])) as Record<ArchiveClass, number>
  for (const { verdict } of judged) counts[verdict.kind]++
  return counts
}

function describeClasses(counts: Readonly<Record<ArchiveClass, number>>): string {
  return CLASS_NAMES.filter(([kind]) => kind !== 'delivered' && kind !== 'pending' && counts[kind] > 0)
    .map(([kind, name]) => `${counts[kind]} ${name}`)
    .join(', ')
}

function emptyReport(plan: Plan, settings: AuditSettings, objectsChecked: boolean): AuditReport {
  return {
    project: describeProject(plan.credentials),
    projectId: projectIdOf(plan.credentials),
    target: describeTarget(plan.target),
    since: settings.since,
    objectsChecked,
    judged: [],
    counts: Object.fromEntries(CLASS_NAMES.map(([kind]) => [kind, 0])) as Record<ArchiveClass, number>,
    requests: 0
  }
}

function statusOf(status: number | undefined): { listStatus?: number } {
  return status === undefined ? {} : { listStatus: status }
}
