/** What a vendor answer other than 2xx means and what to do, for every call the action makes to the vendor. */
import type { HttpAnswer, OutgoingRequest } from './http.js'
import { refusedCredentials, vendorName } from './platform.js'
import type { Credentials, Plan } from './plan.js'
import { redact } from './redact.js'

/** The failure message for a non-2xx answer, naming the inputs to check and no secret. */
export function explainFailure(
  credentials: Credentials,
  outgoing: Pick<OutgoingRequest, 'method' | 'url'>,
  answer: HttpAnswer,
  secrets: readonly string[]
): string {
  const what = `${outgoing.method} ${outgoing.url} answered ${answer.status}`
  if (answer.status === 401 || answer.status === 403) return `${what}: ${refusedCredentials(credentials)}`
  const vendorMessage = messageOf(answer.body)
  const said = vendorMessage === undefined ? '' : ` ${vendorName(credentials)} said: "${redact(vendorMessage, secrets)}".`
  if (answer.status === 400) {
    const refused =
      outgoing.method === 'GET'
        ? 'the request was refused as invalid'
        : 'the request was refused as invalid JSON data or as missing the upload target'
    return `${what}: ${refused}.${said}`
  }
  if (answer.status === 404) {
    const id = credentials.platform === 'opentok' ? "'api-key'" : "'application-id'"
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

/**
 * When the vendor's host does not resolve or refuses connections, the address came from
 * 'api-url' (given, or the platform's default): say so. Empty for other failures.
 */
export function apiUrlHint(plan: Plan, failure: string | undefined): string {
  if (failure === undefined || !/^(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|EHOSTUNREACH|ENETUNREACH)\b/.test(failure)) return ''
  return ` The vendor's address is 'api-url' (${plan.apiUrl}): check it, or this runner's network and proxy.`
}
