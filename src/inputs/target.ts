/**
 * The storage target of a `set`. Each given storage input is judged on its own, whatever the
 * other inputs say (a bad 'type' still reports a bad 'bucket'); which inputs are required, and
 * which belong to the other type, follows from a valid 'type'.
 */
import type { AzureTarget, S3Target, StorageTarget } from '../plan.js'
import { MAX_LENGTH, type Findings } from './findings.js'
import { accountNameProblem, amazonBucketProblem, compatibleBucketProblem, containerProblem, readAzureDomain } from './storage-names.js'
import { readEndpoint } from './urls.js'

export const S3_INPUTS = ['bucket', 'access-key', 'secret-key', 'endpoint', 'sse'] as const
export const AZURE_INPUTS = ['account-name', 'account-key', 'container', 'domain'] as const

export interface TargetReading {
  readonly target?: StorageTarget
  /** Storage secrets not given; allowed only in a dry run. */
  readonly withheld: readonly string[]
}

/** Reads the target for `type` (undefined when 'type' itself was wrong). */
export function readTarget(f: Findings, type: 's3' | 'azure' | undefined, dryRun: boolean): TargetReading {
  const before = f.problems.length
  const withheld: string[] = []
  const secret = (name: 'secret-key' | 'account-key', when: string): string => {
    const value = f.text(name)
    if (value === '' && dryRun && type !== undefined) withheld.push(name)
    else if (value === '' && type !== undefined) f.fail(name, `'${name}' is required${when}.`)
    return value
  }
  const get = (name: string, when: string): string | undefined => (type === undefined ? f.optional(name) : f.required(name, when))

  if (type === 's3') rejectOtherType(f, AZURE_INPUTS, 'azure')
  if (type === 'azure') rejectOtherType(f, S3_INPUTS, 's3')

  if (type === undefined) {
    // The type is unknown: judge whatever storage inputs were given, of either type.
    if (S3_INPUTS.some(name => f.text(name) !== '')) readS3(f, undefined, secret, get)
    if (AZURE_INPUTS.some(name => f.text(name) !== '')) readAzure(f, undefined, secret, get)
    return { withheld }
  }
  const target = type === 's3' ? readS3(f, " when 'type' is 's3'", secret, get) : readAzure(f, " when 'type' is 'azure'", secret, get)
  return f.problems.length > before || target === undefined ? { withheld } : { target, withheld }
}

function rejectOtherType(f: Findings, names: readonly string[], owner: string): void {
  for (const name of names) {
    if (f.text(name) !== '') f.fail(name, `'${name}' belongs to type '${owner}'; remove it, or set 'type: ${owner}'.`)
  }
}

type Secret = (name: 'secret-key' | 'account-key', when: string) => string
type Get = (name: string, when: string) => string | undefined

function readS3(f: Findings, when: string | undefined, secret: Secret, get: Get): S3Target | undefined {
  const endpoint = readEndpoint(f)
  const bucket = get('bucket', when ?? '')
  if (bucket) {
    // An invalid endpoint leaves the service unknown: judge the name by the lenient rules.
    const problem = endpoint === undefined ? amazonBucketProblem(bucket) : compatibleBucketProblem(bucket)
    if (problem !== undefined) f.fail('bucket', problem)
  }
  const accessKey = get('access-key', when ?? '')
  if (accessKey && !/^[\x21-\x7e]+$/.test(accessKey)) f.fail('access-key', "'access-key' must be printable ASCII without spaces.")
  const secretKey = secret('secret-key', when ?? '')
  if (secretKey !== '' && !/^[\x20-\x7e]+$/.test(secretKey)) f.fail('secret-key', "'secret-key' must be printable ASCII on a single line.")
  else if (secretKey.length > MAX_LENGTH) f.fail('secret-key', `'secret-key' is longer than ${MAX_LENGTH} characters.`)
  const sse = f.choice('sse', ['s3', 'none'], 's3')
  if (!bucket || !accessKey || sse === undefined || endpoint === null) return undefined
  return { type: 's3', bucket, accessKey, secretKey, ...(endpoint === undefined ? {} : { endpoint }), sse }
}

function readAzure(f: Findings, when: string | undefined, secret: Secret, get: Get): AzureTarget | undefined {
  const accountName = get('account-name', when ?? '')
  const nameProblem = accountName ? accountNameProblem(accountName) : undefined
  if (nameProblem !== undefined) f.fail('account-name', nameProblem)
  const accountKey = secret('account-key', when ?? '')
  if (accountKey !== '' && !/^[A-Za-z0-9+/]+={0,2}$/.test(accountKey)) {
    f.fail('account-key', "'account-key' must be the storage account's access key, in base64.")
  }
  const container = get('container', when ?? '')
  const containerIssue = container ? containerProblem(container) : undefined
  if (containerIssue !== undefined) f.fail('container', containerIssue)
  const domainValue = f.optional('domain')
  let domain: string | undefined
  if (domainValue) {
    const reading = readAzureDomain(domainValue, nameProblem === undefined ? accountName : undefined)
    if (reading.problem !== undefined) f.fail('domain', reading.problem)
    if (reading.notice !== undefined) f.notices.push(reading.notice)
    domain = reading.domain
  }
  if (!accountName || !container) return undefined
  return { type: 'azure', accountName, accountKey, container, ...(domain === undefined ? {} : { domain }) }
}
