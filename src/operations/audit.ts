/**
 * `audit`: proves that archives really land, and with `rescue`, copies into the target each one the
 * vendor kept before it expires. An outline of steps, each below it: read the vendor's list down to
 * where the window needs it (archive-list.ts, audit/window.ts), look in the target for each archive
 * (audit/lookups.ts), judge each (audit/verdicts.ts), rescue (rescue/), report, whether the audit
 * finished or not (audit/report.ts), and keep the project's tracking issue in step
 * (audit/tracking-issue.ts). Loaded only when an audit runs.
 */
import * as core from '@actions/core'
import { archiveListUrl, listArchives, MAX_ARCHIVES, PAGE_SIZE, type Archive } from '../archive-list.js'
import { lookForArchives } from '../audit/lookups.js'
import {
  auditSections,
  auditSummary,
  noCounts,
  overviewOf,
  setAuditOutputs,
  undeliveredOf,
  writeAuditSummary,
  writeReportFile,
  type AuditFailure,
  type AuditReport
} from '../audit/report.js'
import type { JudgedArchive } from '../audit/table.js'
import { syncTrackingIssue, MAX_BODY } from '../audit/tracking-issue.js'
import { formatUtc, judge, rescuedVerdict, type Found } from '../audit/verdicts.js'
import { inWindow, readDownTo, vendorDeadline } from '../audit/window.js'
import { makeGitHubClient } from '../github-client.js'
import * as log from '../log.js'
import { describeProject, projectIdOf, vendorName } from '../platform.js'
import { phraseMarkdown } from '../phrase.js'
import type { Plan } from '../plan.js'
import { secretValuesOf } from '../plan-secrets.js'
import { scrub } from '../redact.js'
import type { RescueReport } from '../rescue/index.js'
import { describeTarget } from '../storage.js'
import type { RunDependencies } from './dependencies.js'
import { conclude, logFindings, urgentArchives } from '../audit/conclusion.js'

/** Audits the archives of the window that `plan.audit` describes. */
export async function audit(plan: Plan, deps: RunDependencies): Promise<void> {
  const settings = plan.audit
  if (settings === undefined) throw new Error('an audit needs its settings')
  const secrets = secretValuesOf(plan)
  const projectId = projectIdOf(plan.credentials)
  const target = describeTarget(plan.target)
  const now = deps.clock.now()
  const since = settings.since.getTime()
  const checkObjects = settings.checkObjects && plan.target !== undefined
  announce(plan, target, checkObjects)
  if (plan.dryRun && plan.withheldSecrets.length > 0) {
    log.info(`Dry run: would send GET ${archiveListUrl(plan, 0, PAGE_SIZE)} (and more pages down to the window's start)`)
    log.info(
      `Nothing was sent to ${vendorName(plan.credentials)} or the storage: this dry run was not given ${plan.withheldSecrets.map(n => `'${n}'`).join(', ')}.`
    )
    setAuditOutputs(blankReport(plan, target, checkObjects), '', 'dry-run')
    return
  }

  // 1. The vendor's list, down to where the window (and a rescue) needs it.
  const isCandidate = (archive: Archive) => settings.rescue && archive.status === 'available' && vendorDeadline(archive) > now
  const listing = await listArchives(
    plan,
    { readDownTo: readDownTo(since, now, settings.rescue), keep: archive => inWindow(archive, since) || isCandidate(archive) },
    { transport: deps.transport, clock: deps.clock, log: log.sendLog, mask: core.setSecret, secrets }
  )
  if (listing.capped) {
    log.warning(
      `More than ${MAX_ARCHIVES} archives were listed, the most one audit reads: only the newest ${MAX_ARCHIVES} were audited. Give a shorter 'since' and audit more often.`
    )
  }
  const window = listing.archives.filter(archive => inWindow(archive, since))
  if (listing.error === undefined) {
    log.info(`${vendorName(plan.credentials)} listed ${window.length} archive(s) of the window in ${listing.requests} request(s).`)
  }
  if (listing.unreadable.length > 0) {
    const named = listing.unreadable
      .slice(0, 10)
      .map(item => `${item.where}${item.id === undefined ? '' : ` (${item.id})`}: ${item.fields.join(', ')}`)
    log.warning(
      `${listing.unreadable.length} archive(s) of the answer could not be read: ${named.join('; ')}${listing.unreadable.length > 10 ? '; …' : ''}. Nothing proves they landed.`
    )
  }
  const base = {
    ...blankReport(plan, target, checkObjects),
    listed: window.length,
    unreadable: listing.unreadable,
    vendorRequests: listing.requests,
    ...statusOf(listing.status)
  }
  if (listing.error !== undefined) {
    const failure: AuditFailure = { stage: 'list', message: scrub(listing.error, secrets), transient: listing.transient === true }
    await finish(plan, deps, { ...base, failure }, [])
    return
  }

  // 2. The target, for each archive kept; 3. the verdicts on the window's archives.
  const looked = checkObjects
    ? await lookForArchives(plan, projectId, listing.archives, {
        transport: deps.transport,
        clock: deps.clock,
        log: log.sendLog,
        secrets,
        ...locations(deps)
      })
    : undefined
  const found = (index: number): Found => looked?.found[index] ?? { looked: false }
  const options = { projectId, now, uploadGraceMs: settings.uploadGraceMs, objectsChecked: checkObjects, target }
  let judged: JudgedArchive[] = listing.archives
    .map((archive, index) => ({ archive, verdict: judge(archive, found(index), options) }))
    .filter(entry => inWindow(entry.archive, since))
  const failure: AuditFailure | undefined =
    looked?.error === undefined ? undefined : { stage: 'storage', message: scrub(looked.error, secrets), transient: false }

  // 4. The rescue of what the vendor kept and the target lacks.
  let rescue: RescueReport | undefined
  let storageRequests = looked?.requests ?? 0
  let vendorRequests = listing.requests
  if (settings.rescue && failure === undefined && plan.target !== undefined) {
    const indexOf = new Map(listing.archives.map((archive, index) => [archive, index]))
    const missing = (archive: Archive) => {
      const at = found(indexOf.get(archive) ?? -1)
      return at.looked ? at.key === undefined : !checkObjects
    }
    const { runRescue } = await import('../rescue/run.js')
    const done = await runRescue(plan, projectId, listing.archives, missing, deps, secrets)
    rescue = done.report
    storageRequests += done.storageRequests
    vendorRequests += done.vendorRequests
    const outcomes = new Map(rescue.entries.map(entry => [entry.archive.id, entry.outcome]))
    judged = judged.map(entry => {
      const outcome = outcomes.get(entry.archive.id)
      if (outcome?.kind === 'rescued') return { ...entry, verdict: rescuedVerdict(entry.verdict.objectKey, target) }
      if (outcome?.kind === 'arrived')
        return { ...entry, verdict: judge(entry.archive, { looked: true, key: entry.verdict.objectKey }, options) }
      return entry
    })
  }
  const counts = noCounts()
  for (const { verdict } of judged) counts[verdict.kind]++
  await finish(
    plan,
    deps,
    {
      ...base,
      judged,
      counts,
      vendorRequests,
      storageRequests,
      ...(failure === undefined ? {} : { failure }),
      ...(rescue === undefined ? {} : { rescue })
    },
    listing.archives,
    new Set(listing.archives.filter((_, index) => found(index).looked && 'key' in found(index)).map(archive => archive.id))
  )
}

function announce(plan: Plan, target: string, checkObjects: boolean): void {
  const settings = plan.audit
  log.info(
    `Auditing the archives of ${describeProject(plan.credentials)} created since ${formatUtc(settings?.since ?? new Date(0))}, or still recording or uploading then, through ${plan.apiUrl}${target === '' ? '' : `, against ${target}`}.`
  )
  if (!checkObjects) {
    log.notice(
      `The archives are judged by their status alone, since ${settings?.statusesOnlyBecause ?? 'no target was given'}: 'uploaded' counts as delivered, and no object is looked for in the target.`
    )
  }
}

/** Reports the audit, finished or not: outputs, report file, log, summary, tracking issue, urgent archives, and the step's result. */
async function finish(
  plan: Plan,
  deps: RunDependencies,
  report: AuditReport,
  kept: readonly Archive[],
  present: ReadonlySet<string> = new Set()
): Promise<void> {
  const reportFile = await writeReportFile(report, deps.env)
  setAuditOutputs(report, reportFile, report.dryRun ? 'dry-run' : report.failure === undefined ? 'audited' : 'failed')
  const summary = auditSummary(report, reportFile)
  logFindings(report, reportFile, summary.undeliveredShown)
  const context = await deps.runContext()
  try {
    await writeAuditSummary(summary, context)
  } catch (error) {
    log.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }
  const settings = plan.audit
  if (settings?.trackingIssue === true && !report.dryRun && plan.aboutPullRequest !== undefined) {
    log.notice(
      `The tracking issue was not touched: a run about a pull request ('${plan.aboutPullRequest}') writes nothing. The nightly audit of reviewed code keeps it.`
    )
  } else if (settings?.trackingIssue === true && !report.dryRun) {
    const outcome = await syncTrackingIssue(await makeGitHubClient(settings.githubToken, deps.env), deps.env, {
      projectId: report.projectId,
      projectName: plan.project ?? report.projectId,
      undeliveredIds: [
        ...undeliveredOf(report).map(entry => entry.archive.id),
        ...report.unreadable.flatMap(item => (item.id === undefined ? [] : [item.id]))
      ],
      rescuedIds: report.judged.filter(entry => entry.verdict.kind === 'rescued').map(entry => entry.archive.id),
      // Found in the target, or still on its way: an earlier finding of it is resolved. A rescue of an archive older than the window settles it too.
      settledIds: [
        ...report.judged
          .filter(entry => entry.verdict.kind === 'delivered' || entry.verdict.kind === 'pending')
          .map(entry => entry.archive.id),
        ...(report.rescue?.entries ?? [])
          .filter(entry => entry.outcome.kind === 'rescued' || entry.outcome.kind === 'arrived')
          .map(entry => entry.archive.id)
      ],
      overview: phraseMarkdown(overviewOf(report)),
      sections: room =>
        auditSections(report, Math.min(room, MAX_BODY), 'the job summary and the report file of the run list every one.').text,
      ...(report.failure === undefined ? {} : { failure: report.failure }),
      ...(context.runUrl === undefined ? {} : { runUrl: context.runUrl })
    })
    for (const note of outcome.notes) log.warning(note)
    if (outcome.action === 'skipped') log.warning(outcome.warning)
    else if (outcome.action === 'none' && outcome.why !== undefined) log.info(`The tracking issue was not touched: ${outcome.why}.`)
    else if (outcome.action !== 'none') log.info(`Tracking issue #${outcome.number} ${outcome.action}: ${outcome.url}`)
  }
  urgentArchives(report, kept, present, deps.clock.now())
  conclude(plan, report)
}

function blankReport(plan: Plan, target: string, objectsChecked: boolean): AuditReport {
  const settings = plan.audit
  return {
    project: describeProject(plan.credentials),
    projectId: projectIdOf(plan.credentials),
    target,
    since: settings?.since ?? new Date(0),
    objectsChecked,
    ...(settings?.statusesOnlyBecause === undefined ? {} : { statusesOnlyBecause: settings.statusesOnlyBecause }),
    judged: [],
    unreadable: [],
    listed: 0,
    counts: noCounts(),
    vendorRequests: 0,
    storageRequests: 0,
    dryRun: plan.dryRun,
    ...(plan.source === undefined ? {} : { source: plan.source })
  }
}

function locations(deps: RunDependencies): { locations?: NonNullable<RunDependencies['storageLocations']> } {
  return deps.storageLocations === undefined ? {} : { locations: deps.storageLocations }
}

function statusOf(status: number | undefined): { listStatus?: number } {
  return status === undefined ? {} : { listStatus: status }
}
