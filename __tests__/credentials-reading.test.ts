/**
 * readCredentials on its own: for each way users give (or forget) the credential inputs, the exact
 * credentials it signs with, the secrets it lists as withheld, and the problem it names.
 */
import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { readCredentials } from '../src/inputs/credentials.js'
import { Findings } from '../src/inputs/findings.js'

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
