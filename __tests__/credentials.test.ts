/** Exactly one pair of credentials: an OpenTok project's API key and secret, or a Vonage application's ID and private key. */
import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { readPlan, type PlanResult } from '../src/inputs/index.js'
import { buildRequest } from '../src/storage.js'

const now = new Date('2026-11-27T12:00:00Z')
const applicationId = 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b'
const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const storage = { bucket: 'acme-archives', 'access-key': 'AKIA01', 'secret-key': 'secret/key+1' }

const plan = (inputs: Record<string, string>): PlanResult => readPlan(name => inputs[name] ?? '', now)
const problems = (inputs: Record<string, string>) => {
  const result = plan(inputs)
  return result.ok ? [] : result.problems
}

describe('credentials', () => {
  it('an application ID and private key sign as a Vonage application, to video.api.vonage.com by default', () => {
    const result = plan({ ...storage, 'application-id': applicationId.toUpperCase(), 'private-key': privateKey.replace(/\n/g, '\r\n') })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.plan.credentials).toEqual({ platform: 'vonage', applicationId, privateKey: privateKey.trim() })
    expect(buildRequest(result.plan).url).toBe(`https://video.api.vonage.com/v2/project/${applicationId}/archive/storage`)
  })

  it('an API key and secret sign as an OpenTok project, to api.opentok.com by default', () => {
    const result = plan({ ...storage, 'api-key': '46000042', 'api-secret': 's3cret' })
    expect(result.ok && buildRequest(result.plan).url).toBe('https://api.opentok.com/v2/project/46000042/archive/storage')
  })

  it('an explicit api-url wins for both', () => {
    const result = plan({ ...storage, 'application-id': applicationId, 'private-key': privateKey, 'api-url': 'http://127.0.0.1:8080' })
    expect(result.ok && buildRequest(result.plan).url).toBe(`http://127.0.0.1:8080/v2/project/${applicationId}/archive/storage`)
  })

  it("recognises the OpenTok SDKs' convention (application ID in api-key, private key in api-secret), with one notice", () => {
    const sdk = plan({ ...storage, 'api-key': applicationId, 'api-secret': privateKey })
    const explicit = plan({ ...storage, 'application-id': applicationId, 'private-key': privateKey })
    expect(sdk.ok && explicit.ok).toBe(true)
    if (!sdk.ok || !explicit.ok) return
    // The same request; only what a refusal names differs: the inputs as the user gave them.
    expect({ ...sdk.plan, credentials: { ...sdk.plan.credentials, givenAs: undefined } }).toEqual({
      ...explicit.plan,
      credentials: { ...explicit.plan.credentials, givenAs: undefined }
    })
    expect(sdk.plan.credentials).toMatchObject({ givenAs: ['api-key', 'api-secret'] })
    expect(explicit.plan.credentials).not.toHaveProperty('givenAs')
    expect(sdk.notices).toHaveLength(1)
    expect(sdk.notices[0]).toMatch(/'application-id' and 'private-key'/)
    expect(explicit.notices).toEqual([])
  })

  it.each([
    ['parts of both pairs', { 'api-key': '46000042', 'private-key': privateKey }, /both platforms.*'api-key', 'private-key'/],
    [
      'all four',
      { 'api-key': '46000042', 'api-secret': 's', 'application-id': applicationId, 'private-key': privateKey },
      /both platforms/
    ],
    ['neither pair', {}, /Credentials are required: one pair: 'api-key' \+ 'api-secret'.*'application-id' \+ 'private-key'/],
    ['an API key alone', { 'api-key': '46000042' }, /'api-secret' is required with 'api-key'/],
    ['an API secret alone', { 'api-secret': 's' }, /'api-key' is required with 'api-secret'/],
    ['an application ID alone', { 'application-id': applicationId }, /'private-key' is required with 'application-id'/],
    ['a private key alone', { 'private-key': privateKey }, /'application-id' is required with 'private-key'/],
    [
      'a non-UUID application ID',
      { 'application-id': '46000042', 'private-key': privateKey },
      /'application-id' must be the Vonage application's ID, a UUID/
    ],
    ['a broken private key', { 'application-id': applicationId, 'private-key': 'not a key' }, /'private-key' must be the PEM text/],
    [
      'a UUID with a plain secret',
      { 'api-key': applicationId, 'api-secret': 'plain-secret' },
      /'api-key' is a UUID.*'application-id' \+ 'private-key'/
    ],
    [
      'an OpenTok key with a PEM secret',
      { 'api-key': '46000042', 'api-secret': privateKey },
      /'api-secret' holds a private key, but 'api-key' is not a Vonage application ID/
    ]
  ])('refuses %s, naming the inputs', (_case, inputs, reason) => {
    const found = problems({ ...storage, ...inputs })
    expect(found.length).toBeGreaterThan(0)
    expect(found.map(p => p.message).join('\n')).toMatch(reason)
    for (const line of privateKey.split('\n').filter(l => l.length >= 8 && !l.startsWith('-----'))) {
      expect(found.map(p => p.message).join('\n')).not.toContain(line)
    }
  })

  it('a dry run may leave out the secrets, and lists them as withheld', () => {
    const result = plan({ bucket: 'acme-archives', 'access-key': 'AKIA01', 'api-key': '46000042', 'dry-run': 'true' })
    expect(result.ok && result.plan.withheldSecrets).toEqual(['api-secret', 'secret-key'])
    const application = plan({ ...storage, 'application-id': applicationId, 'dry-run': 'true' })
    expect(application.ok && application.plan.withheldSecrets).toEqual(['private-key'])
    const sdk = plan({ ...storage, 'api-key': applicationId, 'dry-run': 'true' })
    expect(sdk.ok && sdk.plan.credentials.platform).toBe('vonage')
  })

  it('outside a dry run, missing secrets are errors', () => {
    expect(
      problems({ bucket: 'acme-archives', 'access-key': 'AKIA01', 'api-key': '46000042' })
        .map(p => p.input)
        .sort()
    ).toEqual(['api-secret', 'secret-key'])
  })
})
