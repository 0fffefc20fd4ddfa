/** The X-OPENTOK-AUTH token: a short-lived HS256 JWT signed with the project's API secret. */
import { randomUUID } from 'node:crypto'

/** Seconds a token is valid: the vendor allows at most 5 minutes and recommends about 3. */
export const TOKEN_LIFETIME_SECONDS = 180

/**
 * Makes a fresh project token; `nowMs` is the clock, injectable for tests. jsonwebtoken is
 * imported on first use, since dry runs sign nothing.
 */
export async function makeProjectToken(apiKey: string, apiSecret: string, nowMs: number): Promise<string> {
  const { default: jwt } = await import('jsonwebtoken')
  const iat = Math.floor(nowMs / 1000)
  return jwt.sign({ iss: apiKey, ist: 'project', iat, exp: iat + TOKEN_LIFETIME_SECONDS, jti: randomUUID() }, apiSecret, {
    algorithm: 'HS256',
    header: { alg: 'HS256', typ: 'JWT' }
  })
}
