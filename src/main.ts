/** run(): the one place that sequences the steps of the action and sets the step's result. */
import * as core from '@actions/core'
import * as log from './log.js'
import { systemClock, Transport } from './http.js'
import { gatherPlan, guardPullRequest, pullRequestEventName } from './gather.js'
import { maskSecretInputs, type InputReader } from './inputs/index.js'
import { overlongInputs } from './inputs/limits.js'
import { apply } from './operations/apply.js'
import type { RunDependencies, StorageVerifier } from './operations/dependencies.js'
import type { Plan } from './plan.js'
import { maskProxyCredentials, proxyProblems } from './proxy.js'
import { refuse } from './refuse.js'
import { currentRunContext } from './run-context.js'

export type { StorageCheck } from './plan.js'
export type { RunDependencies, StorageVerifier } from './operations/dependencies.js'

/** The storage clients load only when a check runs: most of the bundle's start-up does not need them. */
const checkStorage: StorageVerifier = async (plan, transport, clock) => {
  const { makeStorageVerifier } = await import('./verify/index.js')
  return makeStorageVerifier(log.sendLog)(plan, transport, clock)
}

/** Runs the action: mask the secrets, gather and check the settings, then carry out the operation. */
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
    const gathered = await gatherPlan(deps)
    if (!gathered.ok) {
      await refuse(gathered.problems, deps.runContext)
      return
    }
    const { settings } = gathered
    const guarded = await guardPullRequest(gathered.plan, settings, deps)
    if (guarded !== undefined) {
      await refuse([guarded], deps.runContext)
      return
    }
    const aboutPullRequest = await pullRequestEventName(deps.env)
    const plan = aboutPullRequest === undefined ? gathered.plan : { ...gathered.plan, aboutPullRequest }
    await operationFor(plan)(plan, deps)
  } catch (error) {
    // A last resort: the message only, never a stack trace.
    log.fail(`Unexpected failure: ${error instanceof Error ? error.message : String(error)}`)
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

/** Validation looks at some inputs more than once; the runner's environment is read once per input. */
function readEachInputOnce(read: InputReader): InputReader {
  const seen = new Map<string, string>()
  return name => {
    let value = seen.get(name)
    if (value === undefined) seen.set(name, (value = read(name)))
    return value
  }
}
