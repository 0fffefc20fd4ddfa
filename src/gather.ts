/**
 * From the inputs (and the configuration file) to one validated Plan, or to every problem found
 * at once; and, on a pull request, the guard that a run with secrets sends only to the storage
 * host the base already had. Nothing here sends a request but the guard's read of the base file.
 */
import * as core from '@actions/core'
import * as log from './log.js'
import { readPlan, type InputProblem } from './inputs/index.js'
import type { RunDependencies } from './operations/dependencies.js'
import type { Plan } from './plan.js'
import { DEFAULT_CONFIG_FILE } from './sources/files.js'
import { readSettings, type Origin, type SettingProblem, type Settings } from './sources/settings.js'

export type Gathered =
  | { readonly ok: true; readonly plan: Plan; readonly settings: Settings }
  | { readonly ok: false; readonly problems: readonly SettingProblem[] }

/** Reads the settings and validates them; prints the notices and warnings found on the way. */
export async function gatherPlan(deps: RunDependencies): Promise<Gathered> {
  const gathered = await readSettings(deps.readInput, deps.workspace, core.setSecret)
  if (!gathered.ok) return { ok: false, problems: gathered.problems }
  const { settings } = gathered
  for (const notice of settings.notices) log.notice(notice)
  for (const warning of settings.warnings ?? []) log.warning(warning)
  const result = readPlan(settings.read, new Date(deps.clock.now()))
  for (const notice of result.notices) log.notice(notice)
  for (const warning of result.warnings) log.warning(warning)
  // Every problem at once: of the file and its conflicts, then of the values, each setting named once.
  const named = new Set(settings.problems.map(problem => problem.input))
  const problems = [
    ...settings.problems,
    ...(result.ok
      ? []
      : result.problems.filter(problem => !named.has(problem.input)).map(problem => locate(problem, settings.origin(problem.input))))
  ]
  if (!result.ok || problems.length > 0) return { ok: false, problems }
  // A configuration file naturally holds a project's target; only inputs given to a delete or an audit are worth a warning.
  const ignored = result.ignored.filter(name => settings.origin(name).kind === 'input')
  if (ignored.length > 0) {
    const why = result.plan.operation === 'delete' ? "operation 'delete' sends no storage settings" : "operation 'audit' changes no setting"
    log.warning(`${why}; ignored: ${ignored.map(n => `'${n}'`).join(', ')}.`)
  }
  const plan: Plan = {
    ...result.plan,
    ...(settings.source === undefined ? {} : { source: settings.source }),
    ...(settings.project === undefined ? {} : { project: settings.project })
  }
  return { ok: true, plan, settings }
}

/**
 * On any event about a pull request (review/base.ts says which), a run runs what a branch may
 * have written. It never writes: `set`, `delete` and a rescue's copies are refused before anything
 * is sent, whatever the file says (a dry run, `plan` and an `audit` without rescue only read). And a run that holds secrets and takes
 * its storage host from the configuration file may only send to the host the base already had
 * (review/host-guard.ts). Runs without secrets, and other events (`merge_group` among them, which
 * runs reviewed code), are not judged.
 */
export async function guardPullRequest(plan: Plan, settings: Settings, deps: RunDependencies): Promise<SettingProblem | undefined> {
  // Most runs are a push or a schedule: the event payload's reader loads only for an event that can be about a pull request.
  if (!MAYBE_PULL_REQUEST.has(deps.env.GITHUB_EVENT_NAME ?? '')) return undefined
  const { pullRequestEventOf } = await import('./review/base.js')
  const pullRequest = pullRequestEventOf(deps.env)
  if (pullRequest === undefined) return undefined
  if ((plan.operation === 'set' || plan.operation === 'delete') && !plan.dryRun) {
    return {
      input: 'operation',
      message: `operation '${plan.operation}' is refused on a '${pullRequest.event}' run: it is about a pull request, whose branch may have written the file and the workflow, and such a run never changes the archive upload target. Show the change with 'operation: plan' (see examples/pull-request.yml), and apply it after merge, from reviewed code (examples/deploy.yml).`
    }
  }
  if (plan.operation === 'audit' && plan.audit?.rescue === true && !plan.dryRun) {
    return {
      input: 'rescue',
      message: `'rescue: true' is refused on a '${pullRequest.event}' run: it is about a pull request, and such a run never writes to the archive upload target. Audit without 'rescue' here, or as a dry run; rescue from the nightly audit of reviewed code (examples/enforce.yml).`
    }
  }
  if (settings.project === undefined) return undefined
  // Without a secret nothing signed can be sent: a dry run without secrets is what pull requests should use.
  const holdsSecret = ['api-secret', 'private-key', 'secret-key', 'account-key'].some(name => settings.read(name).trim() !== '')
  if (!holdsSecret) return undefined
  const { hostChangedByPullRequest } = await import('./review/host-guard.js')
  const file = deps.readInput('config-file').trim() || DEFAULT_CONFIG_FILE
  return hostChangedByPullRequest({
    plan,
    file,
    project: settings.project,
    origin: settings.origin,
    workspace: deps.workspace,
    env: deps.env,
    token: deps.readInput('github-token').trim(),
    now: new Date(deps.clock.now()),
    mask: core.setSecret
  })
}

/** The event's name when the run is about a pull request, else undefined. */
export async function pullRequestEventName(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (!MAYBE_PULL_REQUEST.has(env.GITHUB_EVENT_NAME ?? '')) return undefined
  const { pullRequestEventOf } = await import('./review/base.js')
  return pullRequestEventOf(env)?.event
}

/** The events that can be about a pull request (review/base.ts tells which are). */
const MAYBE_PULL_REQUEST = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
  'issue_comment',
  'workflow_run'
])

/** A validation problem with the source of the setting it is about. */
function locate(problem: InputProblem, origin: Origin): SettingProblem {
  if (origin.kind === 'input') return problem
  return {
    ...problem,
    message: `project '${origin.project}': ${problem.message}`,
    file: origin.file,
    line: origin.line,
    ...(origin.column === undefined ? {} : { column: origin.column })
  }
}
