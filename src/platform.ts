/**
 * What differs between the two platforms the action serves, in one place: the project's ID in the
 * URL, the default base URL, the signed auth header, and how the run names the project and its
 * credentials. Everything else (body, retries, storage check, report) is the same code.
 */
import { maskValuesOf } from './inputs/secrets.js'
import type { Credentials } from './plan.js'
import { makeApplicationToken, makeProjectToken } from './token.js'

export const OPENTOK_API_URL = 'https://api.opentok.com'
export const VONAGE_VIDEO_API_URL = 'https://video.api.vonage.com'

/** The ID that goes into `/v2/project/{id}/…` and names the check object: the API key or application ID. */
export function projectIdOf(credentials: Credentials): string {
  return credentials.platform === 'opentok' ? credentials.apiKey : credentials.applicationId
}

/** The base URL used when 'api-url' is not given. */
export function defaultApiUrl(credentials: Credentials): string {
  return credentials.platform === 'opentok' ? OPENTOK_API_URL : VONAGE_VIDEO_API_URL
}

/** "OpenTok project 46000042" or "Vonage application c7f9…", for the log and the summary. */
export function describeProject(credentials: Credentials): string {
  return credentials.platform === 'opentok' ? `OpenTok project ${credentials.apiKey}` : `Vonage application ${credentials.applicationId}`
}

/** The vendor's name as the log says it answered. */
export function vendorName(credentials: Credentials): string {
  return credentials.platform === 'opentok' ? 'OpenTok' : 'Vonage Video'
}

/** Why a 401 or 403 came back, naming the inputs to check. */
export function refusedCredentials(credentials: Credentials): string {
  return credentials.platform === 'opentok'
    ? "the API key or API secret is wrong. Check 'api-key' (the OpenTok project's API key) and 'api-secret' (that project's secret)."
    : `the application ID and private key do not belong together, or the application has no Video capability. Check '${credentials.givenAs?.[0] ?? 'application-id'}' and '${credentials.givenAs?.[1] ?? 'private-key'}' (the application's ID and the key created with it in the Vonage dashboard).`
}

/**
 * The headers that authenticate one attempt, with a freshly signed token. `mask` registers the
 * token with the runner the moment it exists.
 */
export async function authHeaders(
  credentials: Credentials,
  nowMs: number,
  mask: (secret: string) => void
): Promise<Record<string, string>> {
  if (credentials.platform === 'opentok') {
    const token = await makeProjectToken(credentials.apiKey, credentials.apiSecret, nowMs)
    mask(token)
    return { 'X-OPENTOK-AUTH': token }
  }
  const token = await makeApplicationToken(credentials.applicationId, credentials.privateKey, nowMs)
  mask(token)
  return { Authorization: `Bearer ${token}` }
}

/** The secret values of the credentials, for redaction: the private key as a whole and line by line, as it was masked. */
export function credentialSecrets(credentials: Credentials): string[] {
  return credentials.platform === 'opentok' ? [credentials.apiSecret] : maskValuesOf(credentials.privateKey)
}
