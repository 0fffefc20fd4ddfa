/** run(): the one place that sequences the steps of the action and sets the step's result. */
import * as core from '@actions/core'
import { systemClock, Transport } from './http.js'
import { maskSecretInputs, readPlan, type InputProblem, type InputReader } from './inputs/index.js'
import { overlongInputs } from './inputs/limits.js'
import { apply } from './operations/apply.js'
import type { RunDependencies, StorageVerifier } from './operations/dependencies.js'
import type { Plan } from './plan.js'
import { maskProxyCredentials, proxyProblems } from './proxy.js'
import { refuse } from './refuse.js'
import { currentRunContext } from './run-context.js'
import { readSettings, type Origin, type SettingProblem, type Settings } from './sources/settings.js'

export type { StorageCheck } from './plan.js'
export type { RunDependencies, StorageVerifier } from './operations/dependencies.js'

/** The storage clients load only when a check runs: most of the bundle's start-up does not need them. */
const checkStorage: StorageVerifier = async (plan, transport, clock) => {
  const { makeStorageVerifier } = await import('./verify/index.js')
  return makeStorageVerifier({ info: core.info, debug: core.debug })(plan, transport, clock)
}

/** Runs the action: gather and check the settings, verify the storage, send, report. */
export async function run(overrides: Partial<RunDependencies> = {}): Promise<void> {
  const env = overrides.env ?? process.env
  const deps: RunDependencies = {
    readInput: readEachInputOnce(name => core.getInput(name)),
    env,
    clock: systemClock,
    transport: new Transport(undefined, env),
    verifyStorage: checkStorage,
    runContext: currentRunContext,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    ...overrides
  }
  try {
    // Secrets first: nothing below may print one before the runner knows to mask it.
    maskSecretInputs(deps.readInput, core.setSecret)
    maskProxyCredentials(deps.env, core.setSecret)
    const unusable = [...overlongInputs(deps.readInput), ...proxyProblems(deps.env)]
    if (unusable.length > 0) {
      await refuse(unusable, deps.runContext)
      return
    }

    if (deps.readInput('operation').trim().toLowerCase() === 'plan') {
      // A plan reads every project of the file, at two revisions, and needs no secret: it has its own reader.
      await (await import('./operations/plan.js')).plan(deps)
      return
    }
    const gathered = await readSettings(deps.readInput, deps.workspace, core.setSecret)
    if (!gathered.ok) {
      await refuse(gathered.problems, deps.runContext)
      return
    }
    const { settings } = gathered
    for (const notice of settings.notices) core.notice(notice)
    const result = readPlan(settings.read, new Date(deps.clock.now()))
    for (const notice of result.notices) core.notice(notice)
    for (const warning of result.warnings) core.warning(warning)
    // Every problem at once: of the file and its conflicts, then of the values, each setting named once.
    const named = new Set(settings.problems.map(problem => problem.input))
    const problems = [
      ...settings.problems,
      ...(result.ok
        ? []
        : result.problems.filter(problem => !named.has(problem.input)).map(problem => locate(problem, settings.origin(problem.input))))
    ]
    if (!result.ok || problems.length > 0) {
      await refuse(problems, deps.runContext)
      return
    }
    // A configuration file naturally holds a project's target; only inputs given to a delete or an audit are worth a warning.
    const ignored = result.ignored.filter(name => settings.origin(name).kind === 'input')
    if (ignored.length > 0) {
      const why =
        result.plan.operation === 'delete' ? "operation 'delete' sends no storage settings" : "operation 'audit' changes no setting"
      core.warning(`${why}; ignored: ${ignored.map(n => `'${n}'`).join(', ')}.`)
    }
    const plan: Plan = {
      ...result.plan,
      ...(settings.source === undefined ? {} : { source: settings.source }),
      ...(settings.project === undefined ? {} : { project: settings.project })
    }
    const guarded = await guardPullRequest(plan, settings, deps)
    if (guarded !== undefined) {
      await refuse([guarded], deps.runContext)
      return
    }
    await operationFor(plan)(plan, deps)
  } catch (error) {
    // A last resort: the message only, never a stack trace.
    core.setFailed(`Unexpected failure: ${error instanceof Error ? error.message : String(error)}`)
  } finally {
    await deps.transport.close()
  }
}

/** The operation that carries out `plan`; each lives in its own module under operations/. */
function operationFor(plan: Plan): (plan: Plan, deps: RunDependencies) => Promise<void> {
  if (plan.operation === 'audit') {
    // The audit and its clients load only when an audit runs: a set or delete never parses them.
    return async (auditPlan, deps) => (await import('./operations/audit.js')).audit(auditPlan, deps)
  }
  return apply
}

/**
 * On a pull request, a run that holds secrets and takes its storage host from the configuration
 * file may only send to the host the base already had (review/host-guard.ts). Runs without
 * secrets, and other events, are not judged.
 */
async function guardPullRequest(plan: Plan, settings: Settings, deps: RunDependencies): Promise<SettingProblem | undefined> {
  const event = deps.env.GITHUB_EVENT_NAME
  if ((event !== 'pull_request' && event !== 'pull_request_target') || settings.project === undefined) return undefined
  // Without a secret nothing signed can be sent: a dry run without secrets is what pull requests should use.
  const holdsSecret = ['api-secret', 'private-key', 'secret-key', 'account-key'].some(name => settings.read(name).trim() !== '')
  if (!holdsSecret) return undefined
  const { hostChangedByPullRequest } = await import('./review/host-guard.js')
  const file = deps.readInput('config-file').trim() || '.github/opentok-archive-target.yml'
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

/** Validation looks at some inputs more than once; the runner's environment is read once per input. */
function readEachInputOnce(read: InputReader): InputReader {
  const seen = new Map<string, string>()
  return name => {
    let value = seen.get(name)
    if (value === undefined) seen.set(name, (value = read(name)))
    return value
  }
}

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
