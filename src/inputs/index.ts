/**
 * Reads the settings into one validated Plan; every input error is found here, before any
 * request, all at once. The reader it is given may be the action's inputs or a configuration
 * file entry merged with them (sources/): the rules below do not know which.
 */
import { checkCertificate } from '../certificate.js'
import { defaultApiUrl } from '../platform.js'
import type { AuditSettings, Fallback, Operation, Plan } from '../plan.js'
import { readAuditSettings } from './audit.js'
import { readCredentials } from './credentials.js'
import { Findings, type InputProblem, type InputReader } from './findings.js'
import { AZURE_INPUTS, readTarget, S3_INPUTS } from './target.js'
import { readApiUrl } from './urls.js'

export type { InputProblem, InputReader } from './findings.js'
export { maskSecretInputs, maskValuesOf, SECRET_INPUTS } from './secrets.js'

export type PlanResult =
  | {
      readonly ok: true
      readonly plan: Plan
      readonly warnings: readonly string[]
      readonly notices: readonly string[]
      /** Target settings given to a delete, which sends none: the caller warns about those it was given. */
      readonly ignored: readonly string[]
    }
  | {
      readonly ok: false
      readonly problems: readonly InputProblem[]
      readonly warnings: readonly string[]
      readonly notices: readonly string[]
    }

/**
 * Validates every setting and returns the plan, or every problem found at once. `now` is used
 * for the certificate's validity.
 */
export function readPlan(read: InputReader, now: Date): PlanResult {
  const f = new Findings(read)
  // 'plan' never reaches here (main.ts hands it to its own reader); it is listed so a typo's message names it.
  const chosen = f.choice<Operation | 'plan'>('operation', ['set', 'delete', 'audit', 'plan'], 'set')
  const operation = chosen === 'plan' ? f.fail('operation', "operation 'plan' reads the configuration file on its own.") : chosen
  const dryRun = f.flag('dry-run', false)
  const failOnError = f.flag('fail-on-error', true)
  const verify = f.flag('verify', true)
  const maxAttempts = f.integer('max-attempts', 3, 1, 10)
  const timeoutSeconds = f.integer('timeout-seconds', 30, 1, 600)
  const credentials = readCredentials(f, dryRun === true)
  const apiUrl = readApiUrl(f)

  let fallback: Fallback | undefined = 'none'
  let target: ReturnType<typeof readTarget> = { withheld: [] }
  let certificate: ReturnType<typeof checkCertificate> = { setting: { kind: 'unchanged' }, warnings: [] }
  let ignored: string[] = []
  let audit: AuditSettings | undefined
  if (operation === 'delete') {
    ignored = ['type', ...S3_INPUTS, ...AZURE_INPUTS, 'fallback', 'certificate'].filter(name => f.text(name) !== '')
  } else if (operation === 'audit') {
    // The audit reads the declared target to look for each archive in it. Without the storage
    // secret, or with 'verify: false', it judges the archives by their status alone.
    const storageGiven = ['type', ...S3_INPUTS, ...AZURE_INPUTS].some(name => f.text(name) !== '')
    if (storageGiven) target = readTarget(f, f.choice('type', ['s3', 'azure'], 's3'), true)
    ignored = ['fallback', 'certificate'].filter(name => f.text(name) !== '')
    const because = !storageGiven
      ? 'no storage target was given'
      : verify === false
        ? "'verify' is false"
        : target.withheld.length > 0
          ? `'${target.withheld[0]}' was not given`
          : undefined
    audit = readAuditSettings(f, now, because === undefined ? { check: true } : { check: false, because })
    // A rescue writes its copies with the storage credentials: only a dry run may leave them out.
    if (audit?.rescue === true && dryRun === false) {
      if (!storageGiven)
        f.fail('rescue', "'rescue: true' copies archives into the target: give the target's settings (or 'config-file' and 'project').")
      else if (target.withheld.length > 0)
        f.fail('rescue', `'rescue: true' writes the copies with the storage credentials: give '${target.withheld[0]}' (from a secret).`)
    }
  } else {
    const type = f.choice('type', ['s3', 'azure'], 's3')
    fallback = f.choice<Fallback>('fallback', ['none', 'opentok'], 'none')
    target = readTarget(f, type, dryRun === true)
    certificate = checkCertificate(f.raw('certificate'), now)
    if (certificate.error !== undefined) f.fail('certificate', certificate.error)
    f.warnings.push(...certificate.warnings)
  }

  const { problems, warnings, notices } = f
  if (
    problems.length > 0 ||
    operation === undefined ||
    dryRun === undefined ||
    failOnError === undefined ||
    verify === undefined ||
    maxAttempts === undefined ||
    timeoutSeconds === undefined ||
    credentials.credentials === undefined ||
    apiUrl === null ||
    fallback === undefined ||
    certificate.setting === undefined ||
    (operation === 'set' && target.target === undefined) ||
    (operation === 'audit' && audit === undefined)
  ) {
    return { ok: false, problems, warnings, notices }
  }
  return {
    ok: true,
    warnings,
    notices,
    ignored,
    plan: {
      credentials: credentials.credentials,
      operation,
      ...(target.target === undefined ? {} : { target: target.target }),
      fallback,
      certificate: certificate.setting,
      apiUrl: apiUrl ?? defaultApiUrl(credentials.credentials),
      dryRun,
      failOnError,
      verify,
      maxAttempts,
      timeoutSeconds,
      // An audit without the storage secret is no dry run: it reads statuses alone (audit.checkObjects).
      withheldSecrets: operation === 'audit' ? credentials.withheld : [...credentials.withheld, ...target.withheld],
      ...(audit === undefined ? {} : { audit })
    }
  }
}
