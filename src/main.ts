/** run(): the one place that sequences the steps of the action and sets the step's result. */
import * as core from '@actions/core'
import { noAnswerMessage, sendWithRetries, systemClock, Transport, type Clock, type HttpAnswer, type OutgoingRequest } from './http.js'
import { maskSecretInputs, readPlan, type InputProblem, type InputReader } from './inputs/index.js'
import { authHeaders, credentialSecrets, describeProject, refusedCredentials, vendorName } from './platform.js'
import type { Plan, StorageCheck } from './plan.js'
import { maskProxyCredentials } from './proxy.js'
import { redact, scrub } from './redact.js'
import {
  setInputErrorOutputs,
  setOutputs,
  writeInputErrorSummary,
  writeSummary,
  type ReportedProblem,
  type RunContext,
  type RunReport
} from './report.js'
import { currentRunContext } from './run-context.js'
import { readSettings, type Origin, type SettingProblem } from './sources/settings.js'
import { buildRequest, describeTarget, shownBody } from './storage.js'
import { ACTION_NAME, ACTION_VERSION } from './version.js'

export type { StorageCheck } from './plan.js'

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
  /** The directory a configuration file and a certificate path are read relative to. */
  readonly workspace: string
}

const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`

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

    const gathered = await readSettings(deps.readInput, deps.workspace, core.setSecret)
    if (!gathered.ok) {
      await refuse(gathered.problems, deps)
      return
    }
    const { settings } = gathered
    const result = readPlan(settings.read, new Date(deps.clock.now()))
    for (const notice of result.notices) core.notice(notice)
    for (const warning of result.warnings) core.warning(warning)
    if (!result.ok) {
      await refuse(
        result.problems.map(problem => locate(problem, settings.origin(problem.input))),
        deps
      )
      return
    }
    // A configuration file naturally holds a project's target; only inputs given to a delete are worth a warning.
    const ignored = result.ignored.filter(name => settings.origin(name).kind === 'input')
    if (ignored.length > 0) {
      core.warning(`operation 'delete' sends no storage settings; ignored: ${ignored.map(n => `'${n}'`).join(', ')}.`)
    }
    const plan: Plan = settings.source === undefined ? result.plan : { ...result.plan, source: settings.source }
    await carryOut(plan, deps)
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

/** A validation problem with the source of the setting it is about. */
function locate(problem: InputProblem, origin: Origin): SettingProblem {
  if (origin.kind === 'input') return problem
  return { ...problem, message: `project '${origin.project}': ${problem.message}`, file: origin.file, line: origin.line }
}

/**
 * Stops a run whose settings are wrong, before anything is sent: one ::error:: per problem (an
 * annotation on the file's line when it came from the configuration file), the outputs, and a
 * summary table of what is wrong and what each setting accepts.
 */
async function refuse(problems: readonly SettingProblem[], deps: RunDependencies): Promise<void> {
  const reported: ReportedProblem[] = problems.map(problem => {
    const where =
      problem.file === undefined
        ? undefined
        : `${problem.file}${problem.line === undefined ? '' : ` line ${problem.line}`}${problem.column === undefined ? '' : `, column ${problem.column}`}`
    const message = where === undefined ? problem.message : `${where}: ${problem.message}`
    core.error(message, {
      title: problem.file === undefined ? `Invalid input: ${problem.input}` : `Invalid setting: ${problem.input}`,
      ...(problem.file === undefined ? {} : { file: problem.file }),
      ...(problem.line === undefined ? {} : { startLine: problem.line }),
      ...(problem.column === undefined ? {} : { startColumn: problem.column })
    })
    return { input: problem.input, message: problem.message, source: where ?? 'input' }
  })
  setInputErrorOutputs()
  core.setFailed(
    `${problems.length} problem(s) in the settings (${[...new Set(problems.map(p => `'${p.input}'`))].join(', ')}); nothing was sent.`
  )
  try {
    await writeInputErrorSummary(reported, await deps.runContext())
  } catch (error) {
    core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }
}

async function carryOut(plan: Plan, deps: RunDependencies): Promise<void> {
  const secrets = secretValues(plan)
  const outgoing = buildRequest(plan)
  const vendor = vendorName(plan.credentials)
  const doing = plan.operation === 'set' ? 'Setting' : 'Removing'
  core.info(`${doing} the archive upload target of ${describeProject(plan.credentials)} through ${plan.apiUrl}.`)
  if (plan.withheldSecrets.length > 0) {
    core.notice(
      `Dry run without ${plan.withheldSecrets.map(n => `'${n}'`).join(', ')} (a pull request from a fork gets no secrets): every setting was validated; what needs the secrets is skipped.`
    )
  }

  let check: StorageCheck = {
    verified: 'skipped',
    summary: plan.operation === 'set' ? "skipped ('verify' is false)" : 'not needed for delete'
  }
  const storageSecretWithheld = plan.withheldSecrets.some(name => name === 'secret-key' || name === 'account-key')
  if (plan.operation === 'set' && plan.verify && storageSecretWithheld) {
    check = { verified: 'skipped', summary: 'skipped: the storage secret was not given (dry run)' }
    core.notice('Storage check skipped: it writes with the storage secret, which this run was not given.')
  } else if (plan.operation === 'set' && plan.verify) {
    check = await deps.verifyStorage(plan, deps.transport, deps.clock)
    for (const warning of check.warnings ?? []) core.warning(scrub(warning, secrets))
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
    const shown = shownBody(plan)
    if (shown !== undefined) core.info(`Body (secrets redacted): ${shown}`)
    core.info(`Nothing was sent to ${vendor}.`)
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
    async () => ({
      ...(await authHeaders(plan.credentials, deps.clock.now(), core.setSecret)),
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'User-Agent': USER_AGENT
    }),
    { maxAttempts: plan.maxAttempts, timeoutMs: plan.timeoutSeconds * 1000 },
    deps.clock,
    { info: core.info, debug: core.debug }
  )
  const answer = outcome.answer
  if (answer !== undefined && core.isDebug()) core.debug(`Response body (secrets redacted): ${redact(answer.body, secrets)}`)
  const base = { plan, attempts: outcome.attempts, verified: check.verified, verification: check.summary }

  if (answer === undefined) {
    await finish(plan, deps, { ...base, result: 'no answer' }, noAnswerMessage(outgoing, outcome))
    return
  }
  const report = { ...base, status: answer.status }
  if (answer.status >= 200 && answer.status < 300) {
    const done = plan.operation === 'set' ? `archive upload target set to ${describeTarget(plan.target)}` : 'archive upload target removed'
    core.info(`${vendor} answered ${answer.status}: ${done}.`)
    await finish(plan, deps, { ...report, result: done })
    return
  }
  const message = explainFailure(plan, outgoing, answer, secrets)
  await finish(plan, deps, { ...report, result: `failed: HTTP ${answer.status}` }, message)
}

/** Reports the run; with `failure`, fails the step, or warns when 'fail-on-error' is false. */
async function finish(plan: Plan, deps: RunDependencies, report: RunReport, failure?: string): Promise<void> {
  setOutputs(report)
  if (failure !== undefined) {
    // A last net: whatever a message quotes, no form of a secret leaves the action.
    const safe = scrub(failure, secretValues(plan))
    const answered = report.status !== undefined
    if (answered && !plan.failOnError) core.warning(`${safe} The step stays green because 'fail-on-error' is false.`)
    else core.setFailed(safe)
  }
  try {
    await writeSummary(report, await deps.runContext())
  } catch (error) {
    core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** What a non-2xx answer means and what to do, naming no secret. */
export function explainFailure(plan: Plan, outgoing: OutgoingRequest, answer: HttpAnswer, secrets: readonly string[]): string {
  const what = `${outgoing.method} ${outgoing.url} answered ${answer.status}`
  if (answer.status === 401 || answer.status === 403) return `${what}: ${refusedCredentials(plan.credentials)}`
  const vendorMessage = messageOf(answer.body)
  const said = vendorMessage === undefined ? '' : ` ${vendorName(plan.credentials)} said: "${redact(vendorMessage, secrets)}".`
  if (answer.status === 400) return `${what}: the request was refused as invalid JSON data or as missing the upload target.${said}`
  if (answer.status === 404) {
    const id = plan.credentials.platform === 'opentok' ? "'api-key'" : "'application-id'"
    return `${what}: no such project at this address. Check ${id} and 'api-url'.${said}`
  }
  return `${what}.${said}`
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
  const values = credentialSecrets(plan.credentials)
  if (plan.target?.type === 's3') values.push(plan.target.secretKey)
  if (plan.target?.type === 'azure') values.push(plan.target.accountKey)
  return values.filter(value => value !== '')
}
