/** `set` and `delete`: check the storage, send the vendor's storage call, report. */
import * as core from '@actions/core'
import * as log from '../log.js'
import { noAnswerMessage, sendWithRetries } from '../http.js'
import { authHeaders, describeProject, vendorName } from '../platform.js'
import type { Plan, StorageCheck } from '../plan.js'
import { secretValuesOf } from '../plan-secrets.js'
import { redact, scrub } from '../redact.js'
import { resultOf, setOutputs, writeSummary, type RunReport } from '../report.js'
import { buildRequest, describeTarget, shownBody } from '../storage.js'
import { apiUrlHint, explainFailure } from '../vendor-answer.js'
import { USER_AGENT } from '../version.js'
import type { RunDependencies } from './dependencies.js'

/** Sets or removes the archive upload target that `plan` describes. */
export async function apply(plan: Plan, deps: RunDependencies): Promise<void> {
  const secrets = secretValuesOf(plan)
  const outgoing = buildRequest(plan)
  const vendor = vendorName(plan.credentials)
  const doing = plan.operation === 'set' ? 'setting' : 'removing'
  const mode = plan.dryRun ? `Dry run of ${doing}` : `${doing.charAt(0).toUpperCase()}${doing.slice(1)}`
  log.info(`${mode} the archive upload target of ${describeProject(plan.credentials)} through ${plan.apiUrl}.`)
  noteWithheldSecrets(plan)

  let check: StorageCheck = {
    verified: 'skipped',
    summary: plan.operation === 'set' ? "skipped ('verify' is false)" : 'not needed for delete'
  }
  const storageSecretWithheld = plan.withheldSecrets.some(name => name === 'secret-key' || name === 'account-key')
  if (plan.operation === 'set' && plan.verify && plan.aboutPullRequest !== undefined) {
    check = { verified: 'skipped', summary: `skipped: it writes a probe object, and a '${plan.aboutPullRequest}' run writes nothing` }
    log.notice(
      `Storage check skipped: it writes and deletes a probe object, and a run about a pull request ('${plan.aboutPullRequest}') writes nothing. The check runs when the target is set from reviewed code.`
    )
  } else if (plan.operation === 'set' && plan.verify && storageSecretWithheld) {
    check = { verified: 'skipped', summary: 'skipped: the storage secret was not given (dry run)' }
    log.notice('Storage check skipped: it writes with the storage secret, which this run was not given.')
  } else if (plan.operation === 'set' && plan.verify) {
    check = await deps.verifyStorage(plan, deps.transport, deps.clock)
    for (const warning of check.warnings ?? []) log.warning(scrub(warning, secrets))
    if (check.error !== undefined) {
      await finish(
        plan,
        deps,
        { plan, attempts: 0, verified: check.verified, verification: check.summary, result: 'not sent: the storage check failed' },
        check.error
      )
      return
    }
    log.info(`Storage check: ${check.summary}`)
  }

  if (plan.dryRun) {
    log.info(`Dry run: would send ${outgoing.method} ${outgoing.url}`)
    const shown = shownBody(plan)
    if (shown !== undefined) log.info(`Body (secrets redacted): ${shown}`)
    log.info(`Nothing was sent to ${vendor}.`)
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
      // Only the PUT has a body; a DELETE says nothing of a content type.
      ...(outgoing.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      Accept: 'application/json',
      'User-Agent': USER_AGENT
    }),
    { maxAttempts: plan.maxAttempts, timeoutMs: plan.timeoutSeconds * 1000 },
    deps.clock,
    log.sendLog
  )
  const answer = outcome.answer
  if (answer !== undefined && log.isDebug()) log.debug(`Response body (secrets redacted): ${redact(answer.body, secrets)}`)
  const base = { plan, attempts: outcome.attempts, verified: check.verified, verification: check.summary }

  if (answer === undefined) {
    await finish(plan, deps, { ...base, result: 'no answer' }, `${noAnswerMessage(outgoing, outcome)}${apiUrlHint(plan, outcome.failure)}`)
    return
  }
  const report = { ...base, status: answer.status }
  if (answer.status >= 200 && answer.status < 300) {
    const done = plan.operation === 'set' ? `archive upload target set to ${describeTarget(plan.target)}` : 'archive upload target removed'
    log.info(`${vendor} answered ${answer.status}: ${done}.`)
    await finish(plan, deps, { ...report, result: done })
    return
  }
  const message = explainFailure(plan.credentials, outgoing, answer, secrets)
  await finish(plan, deps, { ...report, result: `failed: HTTP ${answer.status}` }, message)
}

/** A dry run may leave secrets out (a pull request from a fork gets none): say which, once. */
export function noteWithheldSecrets(plan: Plan): void {
  if (plan.withheldSecrets.length === 0) return
  log.notice(
    `Dry run without ${plan.withheldSecrets.map(n => `'${n}'`).join(', ')} (a pull request from a fork gets no secrets): every setting was validated; what needs the secrets is skipped.`
  )
}

/** Reports the run; with `failure`, fails the step, or warns when 'fail-on-error' is false. */
async function finish(plan: Plan, deps: RunDependencies, report: RunReport, failure?: string): Promise<void> {
  setOutputs(report, resultOf(report, failure !== undefined))
  if (failure !== undefined) {
    // A last net: whatever a message quotes, no form of a secret leaves the action.
    const safe = scrub(failure, secretValuesOf(plan))
    const answered = report.status !== undefined
    if (answered && !plan.failOnError) log.warning(`${safe} The step stays green because 'fail-on-error' is false.`)
    else log.fail(safe)
  }
  try {
    await writeSummary(report, await deps.runContext())
  } catch (error) {
    log.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }
}
