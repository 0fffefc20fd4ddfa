/** What differs between the two platforms: the project's ID, default URL, names, auth header and the secrets redaction is given. */
import { generateKeyPairSync } from 'node:crypto'
import jwt from 'jsonwebtoken'
import { describe, expect, it } from 'vitest'
import {
  authHeaders,
  credentialSecrets,
  defaultApiUrl,
  describeProject,
  projectIdOf,
  refusedCredentials,
  vendorName
} from '../src/platform.js'
import type { Credentials } from '../src/plan.js'

const pair = generateKeyPairSync('rsa', { modulusLength: 2048 })
const privateKey = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().trim()
const applicationId = 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b'
const openTok: Credentials = { platform: 'opentok', apiKey: '46000042', apiSecret: 'platform-api-secret' }
const vonage: Credentials = { platform: 'vonage', applicationId, privateKey }
const sdkStyle: Credentials = { platform: 'vonage', applicationId, privateKey, givenAs: ['api-key', 'api-secret'] }

describe('the two platforms', () => {
  it('name the project, its URL and the vendor', () => {
    expect([projectIdOf(openTok), defaultApiUrl(openTok), describeProject(openTok), vendorName(openTok)]).toEqual([
      '46000042',
      'https://api.opentok.com',
      'OpenTok project 46000042',
      'OpenTok'
    ])
    expect([projectIdOf(vonage), defaultApiUrl(vonage), describeProject(vonage), vendorName(vonage)]).toEqual([
      applicationId,
      'https://video.api.vonage.com',
      `Vonage application ${applicationId}`,
      'Vonage Video'
    ])
  })

  it('name the inputs to check on a refusal, as the user gave them', () => {
    expect(refusedCredentials(openTok)).toBe(
      "the API key or API secret is wrong. Check 'api-key' (the OpenTok project's API key) and 'api-secret' (that project's secret)."
    )
    expect(refusedCredentials(vonage)).toContain("Check 'application-id' and 'private-key'")
    expect(refusedCredentials(sdkStyle)).toContain("Check 'api-key' and 'api-secret'")
  })

  it('sign an OpenTok request with X-OPENTOK-AUTH (HS256 over the secret), masking the token first', async () => {
    const masked: string[] = []
    const headers = await authHeaders(openTok, Date.parse('2026-11-29T08:00:00Z'), s => masked.push(s))
    expect(Object.keys(headers)).toEqual(['X-OPENTOK-AUTH'])
    const token = headers['X-OPENTOK-AUTH']!
    expect(masked).toEqual([token])
    expect(jwt.verify(token, 'platform-api-secret', { algorithms: ['HS256'], ignoreExpiration: true })).toMatchObject({
      iss: '46000042',
      ist: 'project',
      iat: Date.parse('2026-11-29T08:00:00Z') / 1000
    })
  })

  it('sign a Vonage request with Authorization: Bearer (RS256 over the private key), masking the token first', async () => {
    const masked: string[] = []
    const headers = await authHeaders(vonage, Date.parse('2026-11-29T08:00:00Z'), s => masked.push(s))
    expect(Object.keys(headers)).toEqual(['Authorization'])
    const token = headers.Authorization!.replace(/^Bearer /, '')
    expect(headers.Authorization).toBe(`Bearer ${token}`)
    expect(masked).toEqual([token])
    expect(jwt.verify(token, pair.publicKey, { algorithms: ['RS256'], ignoreExpiration: true })).toMatchObject({
      application_id: applicationId
    })
  })

  it('give redaction the API secret, or the private key whole and line by line', () => {
    expect(credentialSecrets(openTok)).toEqual(['platform-api-secret'])
    const secrets = credentialSecrets(vonage)
    expect(secrets).toContain(privateKey)
    for (const line of privateKey.split('\n').filter(l => !l.startsWith('-----'))) if (line.length >= 8) expect(secrets).toContain(line)
  })
})
