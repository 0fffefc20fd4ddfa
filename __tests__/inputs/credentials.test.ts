/**
 * Exactly one pair of credentials: an OpenTok project's API key and secret, or a Vonage
 * application's ID and private key (also as the OpenTok SDKs pass them). readCredentials on its
 * own, for each way users give (or forget) the credential inputs: the exact credentials it signs
 * with, the secrets it lists as withheld, and the problem it names; then the same through readPlan,
 * at the edges where a looser reading would send a signed request somewhere else.
 */
import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { readCredentials } from '../../src/inputs/credentials.js'
import { Findings } from '../../src/inputs/findings.js'
import { readPlan, type PlanResult } from '../../src/inputs/index.js'
import { buildRequest } from '../../src/storage.js'

const applicationId = 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b'
const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().trim()
const PAIRS =
  "one pair: 'api-key' + 'api-secret' for an OpenTok project, or 'application-id' + 'private-key' for a Vonage Video application"
const SDK_NOTICE =
  "'api-key' holds a Vonage application ID and 'api-secret' its private key, as the OpenTok server SDKs take them: signing as that Vonage application. The inputs 'application-id' and 'private-key' say the same more plainly."

function read(inputs: Record<string, string>, dryRun = false) {
  const f = new Findings(name => inputs[name] ?? '')
  const reading = readCredentials(f, dryRun)
  return { reading, problems: f.problems.map(p => `${p.input}: ${p.message}`), notices: f.notices }
}

describe('which pair was given', () => {
  it('refuses inputs of both platforms, on the first OpenTok input given', () => {
    expect(read({ 'api-secret': 's', 'application-id': applicationId })).toEqual({
      reading: { withheld: [] },
      problems: [`api-secret: Credentials of both platforms were given ('api-secret', 'application-id'); give ${PAIRS}.`],
      notices: []
    })
    expect(read({ 'api-key': '46000042', 'api-secret': 's', 'private-key': privateKey }, true).problems).toEqual([
      `api-key: Credentials of both platforms were given ('api-key', 'api-secret', 'private-key'); give ${PAIRS}.`
    ])
  })

  it('asks for one pair when none was given, even in a dry run', () => {
    expect(read({ 'api-key': '  ' }, true)).toEqual({
      reading: { withheld: [] },
      problems: [`api-key: Credentials are required: ${PAIRS}.`],
      notices: []
    })
  })
})

describe('an OpenTok project', () => {
  it('signs with the key and the trimmed secret', () => {
    expect(read({ 'api-key': ' 46000042 ', 'api-secret': ' project-secret ' })).toEqual({
      reading: { credentials: { platform: 'opentok', apiKey: '46000042', apiSecret: 'project-secret' }, withheld: [] },
      problems: [],
      notices: []
    })
  })

  it('lists the secret as withheld in a dry run without it, and only then', () => {
    expect(read({ 'api-key': '46000042' }, true).reading).toEqual({
      credentials: { platform: 'opentok', apiKey: '46000042', apiSecret: '' },
      withheld: ['api-secret']
    })
    expect(read({ 'api-key': '46000042', 'api-secret': 'given' }, true).reading.withheld).toEqual([])
  })

  it('lists the private key as withheld in a dry run without it, and only then', () => {
    expect(read({ 'application-id': applicationId }, true).reading.withheld).toEqual(['private-key'])
    expect(read({ 'application-id': applicationId, 'private-key': privateKey }, true).reading.withheld).toEqual([])
    expect(read({ 'api-key': applicationId, 'api-secret': privateKey }, true).reading.withheld).toEqual([])
  })

  it('requires the secret outside a dry run', () => {
    expect(read({ 'api-key': '46000042' })).toEqual({
      reading: { withheld: [] },
      problems: ["api-secret: 'api-secret' is required with 'api-key': the OpenTok project's API secret."],
      notices: []
    })
  })

  it('requires the key with a secret', () => {
    expect(read({ 'api-secret': 'project-secret' }).problems).toEqual(["api-key: 'api-key' is required with 'api-secret'."])
  })

  it('signs with nothing when the key is not an API key', () => {
    expect(read({ 'api-key': '46000042/archive', 'api-secret': 'project-secret' })).toEqual({
      reading: { withheld: [] },
      problems: ["api-key: 'api-key' must be the OpenTok project's API key: letters, digits and '-' only, at most 64."],
      notices: []
    })
  })

  it('takes a secret of 1024 characters and refuses 1025', () => {
    expect(read({ 'api-key': '46000042', 'api-secret': 's'.repeat(1024) }).problems).toEqual([])
    expect(read({ 'api-key': '46000042', 'api-secret': 's'.repeat(1025) })).toEqual({
      reading: { withheld: [] },
      problems: ["api-secret: 'api-secret' is longer than 1024 characters."],
      notices: []
    })
  })
})

describe('a Vonage application', () => {
  it('signs with the ID lower-cased and the private key', () => {
    expect(read({ 'application-id': applicationId.toUpperCase(), 'private-key': privateKey })).toEqual({
      reading: { credentials: { platform: 'vonage', applicationId, privateKey }, withheld: [] },
      problems: [],
      notices: []
    })
  })

  it('lists the key as withheld in a dry run without it', () => {
    expect(read({ 'application-id': applicationId, 'private-key': ' \n ' }, true)).toEqual({
      reading: { credentials: { platform: 'vonage', applicationId, privateKey: '' }, withheld: ['private-key'] },
      problems: [],
      notices: []
    })
  })

  it('requires the key outside a dry run, and the ID with a key', () => {
    expect(read({ 'application-id': applicationId }).problems).toEqual([
      "private-key: 'private-key' is required with 'application-id': the PEM text of the Vonage application's private key."
    ])
    expect(read({ 'private-key': privateKey })).toEqual({
      reading: { withheld: [] },
      problems: ["application-id: 'application-id' is required with 'private-key': the Vonage application's ID, a UUID."],
      notices: []
    })
  })

  it('keeps what was withheld when the ID is wrong, and signs with nothing', () => {
    expect(read({ 'application-id': 'my-app' }, true)).toEqual({
      reading: { withheld: ['private-key'] },
      problems: [
        "application-id: 'application-id' must be the Vonage application's ID, a UUID such as c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b."
      ],
      notices: []
    })
  })
})

describe("the OpenTok SDKs' convention: an application ID in api-key, its private key in api-secret", () => {
  it('signs as the application, says so once, and records where the credentials were given', () => {
    expect(read({ 'api-key': applicationId, 'api-secret': privateKey })).toEqual({
      reading: { credentials: { platform: 'vonage', applicationId, privateKey, givenAs: ['api-key', 'api-secret'] }, withheld: [] },
      problems: [],
      notices: [SDK_NOTICE]
    })
  })

  it('takes the application ID alone in a dry run, with a blank api-secret withheld', () => {
    expect(read({ 'api-key': applicationId, 'api-secret': '   ' }, true).reading).toEqual({
      credentials: { platform: 'vonage', applicationId, privateKey: '', givenAs: ['api-key', 'api-secret'] },
      withheld: ['api-secret']
    })
  })

  it('asks for the PEM private key when api-secret is blank outside a dry run', () => {
    expect(read({ 'api-key': applicationId, 'api-secret': '   ' })).toEqual({
      reading: { withheld: [] },
      problems: ["api-secret: 'api-secret' is required with 'api-key': the PEM text of the Vonage application's private key."],
      notices: []
    })
  })

  it('gives no notice when the private key in api-secret is broken', () => {
    const broken = '-----BEGIN PRIVATE KEY-----\nnot-a-key\n-----END PRIVATE KEY-----'
    const { reading, problems, notices } = read({ 'api-key': applicationId, 'api-secret': broken })
    expect(reading).toEqual({ withheld: [] })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^api-secret: /)
    expect(notices).toEqual([])
  })

  it('refuses a UUID with an API secret, and an API key with a private key', () => {
    expect(read({ 'api-key': applicationId, 'api-secret': 'project-secret' })).toEqual({
      reading: { withheld: [] },
      problems: [
        "api-secret: 'api-key' is a UUID, which is a Vonage application ID, but 'api-secret' is not a private key. A Vonage application signs with its private key: give 'application-id' + 'private-key' (or, as the OpenTok SDKs take them, the PEM private key in 'api-secret')."
      ],
      notices: []
    })
    expect(read({ 'api-key': '46000042', 'api-secret': privateKey })).toEqual({
      reading: { withheld: [] },
      problems: [
        "api-key: 'api-secret' holds a private key, but 'api-key' is not a Vonage application ID (a UUID). An OpenTok project signs with its API secret; a Vonage application with its application ID and private key ('application-id' + 'private-key')."
      ],
      notices: []
    })
  })
})

const now = new Date('2026-11-27T12:00:00Z')
/** The key as the dashboard's private.key file holds it, final newline included. */
const downloadedKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const storage = { bucket: 'acme-archives', 'access-key': 'AKIA01', 'secret-key': 'secret/key+1' }

const plan = (inputs: Record<string, string>): PlanResult => readPlan(name => inputs[name] ?? '', now)
const problems = (inputs: Record<string, string>) => {
  const result = plan(inputs)
  return result.ok ? [] : result.problems
}

describe('credentials', () => {
  it('an application ID and private key sign as a Vonage application, to video.api.vonage.com by default', () => {
    const result = plan({ ...storage, 'application-id': applicationId.toUpperCase(), 'private-key': downloadedKey.replace(/\n/g, '\r\n') })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.plan.credentials).toEqual({ platform: 'vonage', applicationId, privateKey: downloadedKey.trim() })
    expect(buildRequest(result.plan).url).toBe(`https://video.api.vonage.com/v2/project/${applicationId}/archive/storage`)
  })

  it('an API key and secret sign as an OpenTok project, to api.opentok.com by default', () => {
    const result = plan({ ...storage, 'api-key': '46000042', 'api-secret': 's3cret' })
    expect(result.ok && buildRequest(result.plan).url).toBe('https://api.opentok.com/v2/project/46000042/archive/storage')
  })

  it('an explicit api-url wins for both', () => {
    const result = plan({ ...storage, 'application-id': applicationId, 'private-key': downloadedKey, 'api-url': 'http://127.0.0.1:8080' })
    expect(result.ok && buildRequest(result.plan).url).toBe(`http://127.0.0.1:8080/v2/project/${applicationId}/archive/storage`)
  })

  it("recognises the OpenTok SDKs' convention (application ID in api-key, private key in api-secret), with one notice", () => {
    const sdk = plan({ ...storage, 'api-key': applicationId, 'api-secret': downloadedKey })
    const explicit = plan({ ...storage, 'application-id': applicationId, 'private-key': downloadedKey })
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
    ['parts of both pairs', { 'api-key': '46000042', 'private-key': downloadedKey }, /both platforms.*'api-key', 'private-key'/],
    [
      'all four',
      { 'api-key': '46000042', 'api-secret': 's', 'application-id': applicationId, 'private-key': downloadedKey },
      /both platforms/
    ],
    ['neither pair', {}, /Credentials are required: one pair: 'api-key' \+ 'api-secret'.*'application-id' \+ 'private-key'/],
    ['an API key alone', { 'api-key': '46000042' }, /'api-secret' is required with 'api-key'/],
    ['an API secret alone', { 'api-secret': 's' }, /'api-key' is required with 'api-secret'/],
    ['an application ID alone', { 'application-id': applicationId }, /'private-key' is required with 'application-id'/],
    ['a private key alone', { 'private-key': downloadedKey }, /'application-id' is required with 'private-key'/],
    [
      'a non-UUID application ID',
      { 'application-id': '46000042', 'private-key': downloadedKey },
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
      { 'api-key': '46000042', 'api-secret': downloadedKey },
      /'api-secret' holds a private key, but 'api-key' is not a Vonage application ID/
    ]
  ])('refuses %s, naming the inputs', (_case, inputs, reason) => {
    const found = problems({ ...storage, ...inputs })
    expect(found.length).toBeGreaterThan(0)
    expect(found.map(p => p.message).join('\n')).toMatch(reason)
    for (const line of downloadedKey.split('\n').filter(l => l.length >= 8 && !l.startsWith('-----'))) {
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

const problemsOf = (inputs: Record<string, string>) => {
  const result = plan(inputs)
  return result.ok ? [] : result.problems.map(p => `${p.input}: ${p.message}`)
}

describe('the application ID goes into the request path, so it must be a UUID and nothing more', () => {
  it.each([
    `../x/${applicationId}`,
    `${applicationId}/../../other`,
    `${applicationId} `.repeat(2).trim(),
    `x${applicationId}`,
    `${applicationId}0`,
    applicationId.replace(/-/g, '')
  ])('refuses %j', id => {
    expect(problemsOf({ ...storage, 'application-id': id, 'private-key': downloadedKey })).toEqual([
      "application-id: 'application-id' must be the Vonage application's ID, a UUID such as c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b."
    ])
  })

  it('takes it in upper case and sends it lower-cased', () => {
    const result = plan({ ...storage, 'application-id': applicationId.toUpperCase(), 'private-key': downloadedKey })
    expect(result.ok && result.plan.credentials).toEqual({ platform: 'vonage', applicationId, privateKey: downloadedKey.trim() })
  })

  it('in api-key, a path around a UUID is not an application ID, and is refused as an API key', () => {
    expect(problemsOf({ ...storage, 'api-key': `../x/${applicationId}`, 'api-secret': 'project-secret' })).toEqual([
      "api-key: 'api-key' must be the OpenTok project's API key: letters, digits and '-' only, at most 64."
    ])
  })
})

describe('the API key and secret', () => {
  it('takes an API key of letters, digits and - up to 64 characters', () => {
    expect(problemsOf({ ...storage, 'api-key': `A-${'9'.repeat(62)}`, 'api-secret': 's' })).toEqual([])
    expect(problemsOf({ ...storage, 'api-key': '9'.repeat(65), 'api-secret': 's' })).toEqual([
      "api-key: 'api-key' must be the OpenTok project's API key: letters, digits and '-' only, at most 64."
    ])
    expect(problemsOf({ ...storage, 'api-key': '46000042/', 'api-secret': 's' })).toHaveLength(1)
  })

  it.each(['first\nsecond', 'first\r\nsecond', 'first\rsecond'])('refuses a secret on more than one line (%j)', secret => {
    expect(problemsOf({ ...storage, 'api-key': '46000042', 'api-secret': secret })).toEqual([
      "api-secret: 'api-secret' must be a single line."
    ])
  })

  it('reads a secret with a trailing newline, as a pasted secret has, without it', () => {
    const result = plan({ ...storage, 'api-key': '46000042', 'api-secret': 'project-secret\n' })
    expect(result.ok && result.plan.credentials).toEqual({ platform: 'opentok', apiKey: '46000042', apiSecret: 'project-secret' })
  })

  it('asks for the secret, unless it is a dry run, which lists it as withheld', () => {
    expect(problemsOf({ ...storage, 'api-key': '46000042' })).toEqual([
      "api-secret: 'api-secret' is required with 'api-key': the OpenTok project's API secret."
    ])
    const dry = plan({ ...storage, 'api-key': '46000042', 'dry-run': 'true' })
    expect(dry.ok && dry.plan.withheldSecrets).toEqual(['api-secret'])
  })

  it('a UUID in api-key with a secret that is no key is refused, naming api-secret', () => {
    expect(problemsOf({ ...storage, 'api-key': applicationId, 'api-secret': 'plain-secret' })).toEqual([
      expect.stringMatching(/^api-secret: 'api-key' is a UUID, which is a Vonage application ID, but 'api-secret' is not a private key\./)
    ])
  })

  it('a private key in api-secret with an API key that is no UUID is refused, naming api-key', () => {
    expect(problemsOf({ ...storage, 'api-key': '46000042', 'api-secret': downloadedKey })).toEqual([
      expect.stringMatching(/^api-key: 'api-secret' holds a private key, but 'api-key' is not a Vonage application ID/)
    ])
  })

  it('credentials of both platforms are refused, naming what was given', () => {
    expect(problemsOf({ ...storage, 'api-key': '46000042', 'private-key': downloadedKey })).toEqual([
      expect.stringMatching(/^api-key: Credentials of both platforms were given \('api-key', 'private-key'\); give one pair: /)
    ])
  })
})
