/** A storage request that got no 2xx, turned into one message that names the input or permission to check. */
import type { HttpAnswer } from '../http.js'
import type { StorageCheck } from '../plan.js'
import { redact } from '../redact.js'
import { hintFor, parseStorageError, type StorageAction } from './storage-error.js'

/** How a refusal is worded for the operation that met it. */
export interface RefusalWording {
  /** The start of the message, e.g. "Storage check failed". */
  readonly failed: string
  /** What follows every message but a DNS failure: what was (not) done and what to do. */
  readonly tail: string
  /** What follows a DNS failure. */
  readonly dnsTail: string
}

/** The failed check for a request that got no 2xx, or undefined when it succeeded. */
export function storageRefusal(
  action: StorageAction,
  where: string,
  answer: HttpAnswer | undefined,
  failure: string | undefined,
  secrets: readonly string[],
  dnsHint: string,
  wording: RefusalWording,
  /** A further hint for a refusal that only the caller can explain (an 'sse' the service lacks). */
  explain?: (code: string | undefined, status: number) => string | undefined
): StorageCheck | undefined {
  if (answer === undefined && failure !== undefined && /^ENOTFOUND\b/.test(failure)) {
    // A name that does not resolve is a wrong setting, not an unreachable network: name the input.
    return {
      verified: 'false',
      summary: 'refused: the storage host does not exist (ENOTFOUND)',
      error: `${wording.failed}: could not ${action} ${where}: ${dnsHint} ${wording.dnsTail}`
    }
  }
  if (answer === undefined) {
    const why = redact(failure ?? 'no answer', secrets)
    return {
      verified: 'false',
      summary: `could not reach the storage: ${why}`,
      error: `${wording.failed}: could not ${action} ${where}: ${why}. ${wording.tail}`
    }
  }
  if (answer.status >= 200 && answer.status < 300) return undefined
  const { code, message } = parseStorageError(answer.body, answer.headers)
  const named = code === undefined ? `HTTP ${answer.status}` : `${code} (HTTP ${answer.status})`
  const said = message === undefined ? '' : ` The service said: "${redact(message, secrets)}".`
  const more = explain?.(code, answer.status)
  return {
    verified: 'false',
    summary: `refused: ${named}`,
    error: `${wording.failed}: the ${action} of ${where} was refused with ${named}: ${hintFor(code, answer.status, action)}${said}${more === undefined ? '' : ` ${more}`} ${wording.tail}`
  }
}
