/** run(): the one place that sequences the steps of the action and sets the step's result. */
import * as core from '@actions/core'
import { sendWithRetries, systemClock, Transport, type Clock, type HttpAnswer, type OutgoingRequest } from './http.js'
import { maskSecretInputs, readPlan, type InputReader } from './inputs.js'
import type { Plan } from './plan.js'
import { maskProxyCredentials } from './proxy.js'
import { redact } from './redact.js'
import { setOutputs, writeSummary, type RunContext, type RunReport, type Verified } from './report.js'
import { currentRunContext } from './run-context.js'
import { buildRequest, describeTarget } from './storage.js'
import { makeProjectToken } from './token.js'
import { ACTION_NAME, ACTION_VERSION } from './version.js'

/** The outcome of the storage check that runs before a target is set. */
export interface StorageCheck {
  readonly verified: Verified
  /** One line for the summary. */
  readonly summary: string
  /** Set when the check failed: the message the step fails with. */
  readonly error?: string
  /** Things worth a warning that do not fail the check. */
  readonly warnings?: readonly string[]
}

/** Checks that the storage credentials can write where archives will land. */
export type StorageVerifier = (plan: Plan, transport: Transport, clock: Clock) => Promise<StorageCheck>

/** The collaborators of run(), each with a real default, so tests hand in their own. */
export interface RunDependencies {
  readonly readInput: InputReader
  readonly env: NodeJS.ProcessEnv
  readonly clock: Clock
  readonly transport: Transport
  readonly verifyStorage: StorageVerifier
  readonly runContext: () => Promise<RunContext>
}

const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`

/** The storage clients load only when a check runs: most of the bundle's start-up does not need them. */
const checkStorage: StorageVerifier = async (plan, transport, clock) => {
  const { makeStorageVerifier } = await import('./verify/index.js')
  return makeStorageVerifier({ info: core.info, debug: core.debug })(plan, transport, clock)
}

/** Runs the action: read and check the inputs, verify the storage, send, report. */
export async function run(overrides: Partial<RunDependencies> = {}): Promise<void> {
  const deps: RunDependencies = {
    readInput: readEachInputOnce(name => core.getInput(name)),
    env: process.env,
    clock: systemClock,
    transport: new Transport(),
    verifyStorage: checkStorage,
    runContext: currentRunContext,
    ...overrides
  }
  try {
    // Secrets first: nothing below may print one before the runner knows to mask it.
    maskSecretInputs(deps.readInput, core.setSecret)
    maskProxyCredentials(deps.env, core.setSecret)

    const result = readPlan(deps.readInput, new Date(deps.clock.now()))
    for (const warning of result.warnings) core.warning(warning)
    if (!result.ok) {
      for (const problem of result.problems) core.error(problem.message, { title: `Invalid input: ${problem.input}` })
      core.setFailed(
        `${result.problems.length} input problem(s) in ${[...new Set(result.problems.map(p => `'${p.input}'`))].join(', ')}; nothing was sent.`
      )
      return
    }
    await carryOut(result.plan, deps)
  } catch (error) {
    // A last resort: the message only, never a stack trace.
    core.setFailed(`Unexpected failure: ${error instanceof Error ? error.message : String(error)}`)
  } finally {
    await deps.transport.close()
  }
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

async function carryOut(plan: Plan, deps: RunDependencies): Promise<void> {
  const secrets = secretValues(plan)
  const outgoing = buildRequest(plan)

  let check: StorageCheck = {
    verified: 'skipped',
    summary: plan.operation === 'set' ? "skipped ('verify' is false)" : 'not needed for delete'
  }
  if (plan.operation === 'set' && plan.verify) {
    check = await deps.verifyStorage(plan, deps.transport, deps.clock)
    for (const warning of check.warnings ?? []) core.warning(warning)
    if (check.error !== undefined) {
      await finish(
        plan,
        deps,
        { plan, attempts: 0, verified: check.verified, verification: check.summary, result: 'not sent: the storage check failed' },
        check.error
      )
      return
    }
    core.info(`Storage check: ${check.summary}`)
  }

  if (plan.dryRun) {
    core.info(`Dry run: would send ${outgoing.method} ${outgoing.url}`)
    if (outgoing.body !== undefined) core.info(`Body (secrets redacted): ${redact(outgoing.body, secrets)}`)
    core.info('Nothing was sent to the vendor.')
    await finish(plan, deps, {
      plan,
      attempts: 0,
      verified: check.verified,
      verification: check.summary,
      result: 'dry run: valid, nothing sent'
    })
    return
  }

  const outcome = await sendWithRetries(
    deps.transport,
    outgoing,
    async () => {
      const token = await makeProjectToken(plan.apiKey, plan.apiSecret, deps.clock.now())
      core.setSecret(token)
      return {
        'X-OPENTOK-AUTH': token,
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'User-Agent': USER_AGENT
      }
    },
    { maxAttempts: plan.maxAttempts, timeoutMs: plan.timeoutSeconds * 1000 },
    deps.clock,
    { info: core.info, debug: core.debug }
  )
  const answer = outcome.answer
  if (answer !== undefined && core.isDebug()) core.debug(`Response body (secrets redacted): ${redact(answer.body, secrets)}`)
  const base = { plan, attempts: outcome.attempts, verified: check.verified, verification: check.summary }

  if (answer === undefined) {
    const message = `${outgoing.method} ${outgoing.url} got no answer after ${outcome.attempts} attempt(s): ${outcome.failure ?? 'unknown error'}.`
    await finish(plan, deps, { ...base, result: 'no answer' }, message)
    return
  }
  const report = { ...base, status: answer.status }
  if (answer.status >= 200 && answer.status < 300) {
    const done = plan.operation === 'set' ? `archive upload target set to ${describeTarget(plan.target)}` : 'archive upload target removed'
    core.info(`OpenTok answered ${answer.status}: ${done}.`)
    await finish(plan, deps, { ...report, result: done })
    return
  }
  const message = explainFailure(outgoing, answer, secrets)
  await finish(plan, deps, { ...report, result: `failed: HTTP ${answer.status}` }, message)
}

/** Reports the run; with `failure`, fails the step, or warns when 'fail-on-error' is false. */
async function finish(plan: Plan, deps: RunDependencies, report: RunReport, failure?: string): Promise<void> {
  setOutputs(report)
  if (failure !== undefined) {
    const answered = report.status !== undefined
    if (answered && !plan.failOnError) core.warning(`${failure} The step stays green because 'fail-on-error' is false.`)
    else core.setFailed(failure)
  }
  try {
    await writeSummary(report, await deps.runContext())
  } catch (error) {
    core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** What a non-2xx answer means and what to do, naming no secret. */
export function explainFailure(outgoing: OutgoingRequest, answer: HttpAnswer, secrets: readonly string[]): string {
  const what = `${outgoing.method} ${outgoing.url} answered ${answer.status}`
  if (answer.status === 403) {
    return `${what}: the API key or API secret is wrong. Check 'api-key' (the project's API key or Vonage Video App ID) and 'api-secret'.`
  }
  if (answer.status === 400) {
    const vendorMessage = messageOf(answer.body)
    const said = vendorMessage === undefined ? '' : ` OpenTok said: "${redact(vendorMessage, secrets)}".`
    return `${what}: the request was refused as invalid JSON data or as missing the upload target.${said}`
  }
  return `${what}.`
}

function messageOf(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body)
    if (parsed !== null && typeof parsed === 'object' && 'message' in parsed && typeof parsed.message === 'string') {
      return parsed.message
    }
  } catch {
    // not JSON: no vendor message to quote
  }
  return undefined
}

function secretValues(plan: Plan): string[] {
  const values = [plan.apiSecret]
  if (plan.target?.type === 's3') values.push(plan.target.secretKey)
  if (plan.target?.type === 'azure') values.push(plan.target.accountKey)
  return values
}
