/**
 * The vendor's request tokens: short-lived JWTs, one per attempt. jsonwebtoken is imported on
 * first use, since dry runs sign nothing.
 */
import { randomUUID } from 'node:crypto'

/** Seconds an OpenTok project token is valid: the vendor allows at most 5 minutes and recommends about 3. */
export const TOKEN_LIFETIME_SECONDS = 180

/**
 * Seconds a Vonage application token is valid. Vonage's own SDKs use 15 minutes; one request
 * needs far less, and a shorter token is worth less to anyone who sees it.
 */
export const APPLICATION_TOKEN_LIFETIME_SECONDS = 300

/** The X-OPENTOK-AUTH token: HS256 over the project's API secret; `nowMs` is the clock, injectable for tests. */
export async function makeProjectToken(apiKey: string, apiSecret: string, nowMs: number): Promise<string> {
  const { default: jwt } = await import('jsonwebtoken')
  const iat = Math.floor(nowMs / 1000)
  return jwt.sign({ iss: apiKey, ist: 'project', iat, exp: iat + TOKEN_LIFETIME_SECONDS, jti: randomUUID() }, apiSecret, {
    algorithm: 'HS256',
    header: { alg: 'HS256', typ: 'JWT' }
  })
}

/**
 * The Vonage Video token sent as `Authorization: Bearer`: RS256 over the application's private
 * key with the claims Vonage's own JWT library sets (application_id, iat, jti, exp), and no nbf.
 */
export async function makeApplicationToken(applicationId: string, privateKeyPem: string, nowMs: number): Promise<string> {
  const { default: jwt } = await import('jsonwebtoken')
  const iat = Math.floor(nowMs / 1000)
  return jwt.sign({ application_id: applicationId, iat, jti: randomUUID(), exp: iat + APPLICATION_TOKEN_LIFETIME_SECONDS }, privateKeyPem, {
    algorithm: 'RS256',
    header: { alg: 'RS256', typ: 'JWT' }
  })
}
