/** Reads the action's inputs into one validated Plan; every input error is found here, before any I/O. */
import { checkCertificate } from './certificate.js'
import type { AzureTarget, Fallback, Operation, Plan, S3Target } from './plan.js'

/** Reads one input by its action.yml name; '' when it was not given. */
export type InputReader = (name: string) => string

/** One input at fault and what is allowed instead. */
export interface InputProblem {
  readonly input: string
  readonly message: string
}

export type PlanResult =
  | { readonly ok: true; readonly plan: Plan; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly problems: readonly InputProblem[]; readonly warnings: readonly string[] }

/** Inputs whose values are secrets: masked the moment they are read. */
export const SECRET_INPUTS = ['api-secret', 'secret-key', 'account-key'] as const

const S3_INPUTS = ['bucket', 'access-key', 'secret-key', 'endpoint', 'sse'] as const
const AZURE_INPUTS = ['account-name', 'account-key', 'container', 'domain'] as const

const DEFAULT_API_URL = 'https://api.opentok.com'
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost'])
const MAX_LENGTH = 1024

/** The secrets among the inputs, masked before anything else can fail and print them. */
export function maskSecretInputs(read: InputReader, mask: (secret: string) => void): void {
  for (const name of SECRET_INPUTS) {
    const value = read(name)
    if (value !== '') mask(value)
  }
}

/**
 * Validates every input and returns the plan, or every problem found at once.
 * `now` is used for the certificate's expiry check.
 */
export function readPlan(read: InputReader, now: Date): PlanResult {
  const problems: InputProblem[] = []
  const warnings: string[] = []
  const fail = (input: string, message: string): undefined => {
    problems.push({ input, message })
    return undefined
  }

  const text = (name: string): string => read(name).trim()
  const required = (name: string, what: string): string | undefined => {
    const value = text(name)
    if (value === '') return fail(name, `'${name}' is required${what}.`)
    if (value.length > MAX_LENGTH) return fail(name, `'${name}' is longer than ${MAX_LENGTH} characters.`)
    return value
  }
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallbackValue: T): T | undefined => {
    const value = text(name)
    if (value === '') return fallbackValue
    if ((allowed as readonly string[]).includes(value)) return value as T
    return fail(name, `'${name}' must be one of ${allowed.map(a => `'${a}'`).join(', ')}; got '${shown(value)}'.`)
  }
  const flag = (name: string, fallbackValue: boolean): boolean | undefined => {
    const value = text(name)
    if (value === '') return fallbackValue
    if (['true', 'True', 'TRUE'].includes(value)) return true
    if (['false', 'False', 'FALSE'].includes(value)) return false
    return fail(name, `'${name}' must be 'true' or 'false'; got '${shown(value)}'.`)
  }
  const integer = (name: string, fallbackValue: number, min: number, max: number): number | undefined => {
    const value = text(name)
    if (value === '') return fallbackValue
    if (!/^\d{1,6}$/.test(value) || Number(value) < min || Number(value) > max) {
      return fail(name, `'${name}' must be a whole number from ${min} to ${max}; got '${shown(value)}'.`)
    }
    return Number(value)
  }

  const apiKey = required('api-key', '')
  if (apiKey !== undefined && !/^[A-Za-z0-9-]{1,64}$/.test(apiKey)) {
    fail('api-key', "'api-key' must be the OpenTok API key or Vonage Video App ID: letters, digits and '-' only, at most 64.")
  }
  const apiSecret = required('api-secret', '')
  if (apiSecret !== undefined && /[\r\n]/.test(apiSecret)) {
    fail('api-secret', "'api-secret' must be a single line.")
  }
  const operation = oneOf<Operation>('operation', ['set', 'delete'], 'set')
  const type = oneOf('type', ['s3', 'azure'], 's3')
  const fallback = oneOf<Fallback>('fallback', ['none', 'opentok'], 'none')
  const apiUrl = readApiUrl(text('api-url'), fail)
  const dryRun = flag('dry-run', false)
  const failOnError = flag('fail-on-error', true)
  const verify = flag('verify', true)
  const maxAttempts = integer('max-attempts', 3, 1, 10)
  const timeoutSeconds = integer('timeout-seconds', 30, 1, 600)

  let target: S3Target | AzureTarget | undefined
  const certificateCheck = checkCertificate(read('certificate'), now)
  if (certificateCheck.error !== undefined) fail('certificate', certificateCheck.error)
  if (certificateCheck.warning !== undefined) warnings.push(certificateCheck.warning)

  if (operation === 'delete') {
    const ignored = [...S3_INPUTS, ...AZURE_INPUTS, 'certificate'].filter(name => text(name) !== '')
    if (ignored.length > 0) {
      warnings.push(`operation 'delete' sends no storage settings; ignored: ${ignored.map(n => `'${n}'`).join(', ')}.`)
    }
  } else if (type === 's3') {
    for (const name of AZURE_INPUTS) {
      if (text(name) !== '') fail(name, `'${name}' belongs to type 'azure'; remove it, or set 'type: azure'.`)
    }
    target = readS3Target(text, required, oneOf, fail)
  } else if (type === 'azure') {
    for (const name of S3_INPUTS) {
      if (text(name) !== '') fail(name, `'${name}' belongs to type 's3'; remove it, or set 'type: s3'.`)
    }
    target = readAzureTarget(text, required, fail)
  }

  if (
    problems.length > 0 ||
    apiKey === undefined ||
    apiSecret === undefined ||
    operation === undefined ||
    fallback === undefined ||
    apiUrl === undefined ||
    dryRun === undefined ||
    failOnError === undefined ||
    verify === undefined ||
    maxAttempts === undefined ||
    timeoutSeconds === undefined ||
    certificateCheck.setting === undefined ||
    (operation === 'set' && target === undefined)
  ) {
    return { ok: false, problems, warnings }
  }
  return {
    ok: true,
    warnings,
    plan: {
      apiKey,
      apiSecret,
      operation,
      ...(target === undefined ? {} : { target }),
      fallback,
      certificate: operation === 'set' ? certificateCheck.setting : { kind: 'unchanged' },
      apiUrl,
      dryRun,
      failOnError,
      verify,
      maxAttempts,
      timeoutSeconds
    }
  }
}

type Fail = (input: string, message: string) => undefined
type Required = (name: string, what: string) => string | undefined

function readS3Target(
  text: (name: string) => string,
  required: Required,
  oneOf: <T extends string>(name: string, allowed: readonly T[], fallbackValue: T) => T | undefined,
  fail: Fail
): S3Target | undefined {
  const bucket = required('bucket', " when 'type' is 's3'")
  // Amazon's rules, widened to what S3-compatible services accept (underscores, upper case).
  if (bucket !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]$/.test(bucket)) {
    fail('bucket', "'bucket' must be a bucket name: 3 to 255 letters, digits, '.', '_' or '-', starting and ending with a letter or digit.")
  }
  const accessKey = required('access-key', " when 'type' is 's3'")
  if (accessKey !== undefined && !/^[\x21-\x7e]+$/.test(accessKey)) {
    fail('access-key', "'access-key' must be printable ASCII without spaces.")
  }
  const secretKey = required('secret-key', " when 'type' is 's3'")
  if (secretKey !== undefined && !/^[\x20-\x7e]+$/.test(secretKey)) {
    fail('secret-key', "'secret-key' must be printable ASCII on a single line.")
  }
  const endpoint = readEndpoint(text('endpoint'), fail)
  const sse = oneOf('sse', ['s3', 'none'], 's3')
  if (bucket === undefined || accessKey === undefined || secretKey === undefined || sse === undefined || endpoint === null) {
    return undefined
  }
  return { type: 's3', bucket, accessKey, secretKey, ...(endpoint === undefined ? {} : { endpoint }), sse }
}

function readAzureTarget(text: (name: string) => string, required: Required, fail: Fail): AzureTarget | undefined {
  const accountName = required('account-name', " when 'type' is 'azure'")
  if (accountName !== undefined && !/^[a-z0-9]{3,24}$/.test(accountName)) {
    fail('account-name', "'account-name' must be a storage account name: 3 to 24 lower-case letters and digits.")
  }
  const accountKey = required('account-key', " when 'type' is 'azure'")
  if (accountKey !== undefined && !/^[A-Za-z0-9+/]+={0,2}$/.test(accountKey)) {
    fail('account-key', "'account-key' must be the storage account's access key, in base64.")
  }
  const container = required('container', " when 'type' is 'azure'")
  if (container !== undefined && !/^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(container)) {
    fail(
      'container',
      "'container' must be a container name: 3 to 63 lower-case letters, digits and single '-', starting and ending with a letter or digit."
    )
  }
  const domain = text('domain')
  if (domain !== '' && !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(domain)) {
    fail('domain', "'domain' must be a domain name such as 'core.windows.net' (no scheme, no path), or empty for the public Azure cloud.")
  }
  if (accountName === undefined || accountKey === undefined || container === undefined) return undefined
  return { type: 'azure', accountName, accountKey, container, ...(domain === '' ? {} : { domain: domain.toLowerCase() }) }
}

/** `undefined`: not given; `null`: given and wrong (already reported). */
function readEndpoint(value: string, fail: Fail): string | undefined | null {
  if (value === '') return undefined
  const url = parseUrl(value)
  if (
    url === undefined ||
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== ''
  ) {
    fail(
      'endpoint',
      "'endpoint' must be the base URL of an S3-compatible service, starting with http:// or https:// (e.g. https://storage.googleapis.com), without credentials, query or fragment."
    )
    return null
  }
  return value.replace(/\/+$/, '')
}

function readApiUrl(value: string, fail: Fail): string | undefined {
  if (value === '') return DEFAULT_API_URL
  const url = parseUrl(value)
  const allowed =
    "'api-url' must be an https:// URL such as https://api.opentok.com (http:// only for 127.0.0.1, ::1 or localhost), without credentials, query or fragment"
  if (url === undefined || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    return fail('api-url', `${allowed}.`)
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return fail('api-url', `${allowed}; plain http:// to '${url.hostname}' would send the API secret's token unencrypted.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('api-url', `${allowed}.`)
  return url.href.replace(/\/+$/, '')
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value)
  } catch {
    return undefined
  }
}

/** An input value as it can be quoted in a message: one line, not too long. */
function shown(value: string): string {
  const oneLine = value.replace(/[\r\n\t]/g, ' ')
  return oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine
}
