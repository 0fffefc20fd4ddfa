/**
 * Which platform signs the request, from exactly one pair of credential inputs:
 * `api-key` + `api-secret` (a legacy OpenTok project) or `application-id` + `private-key` (a Vonage
 * Video application). Users moving from the OpenTok server SDKs keep the application's ID in
 * `api-key` and its private key in `api-secret`; that pair is recognised as an application.
 */
import { holdsPrivateKey } from '../pem.js'
import type { Credentials } from '../plan.js'
import { checkPrivateKey } from '../private-key.js'
import { MAX_LENGTH, type Findings } from './findings.js'

/** A Vonage application ID. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const API_KEY = /^[A-Za-z0-9-]{1,64}$/
const PAIRS =
  "one pair: 'api-key' + 'api-secret' for an OpenTok project, or 'application-id' + 'private-key' for a Vonage Video application"

export interface CredentialsReading {
  readonly credentials?: Credentials
  /** Secret inputs not given; allowed only in a dry run. */
  readonly withheld: readonly string[]
}

/** Reads the credentials; a missing secret is allowed only when `dryRun`, and then listed as withheld. */
export function readCredentials(f: Findings, dryRun: boolean): CredentialsReading {
  const given = (name: string) => f.text(name) !== ''
  const openTok = ['api-key', 'api-secret'].filter(given)
  const vonage = ['application-id', 'private-key'].filter(given)

  if (openTok.length > 0 && vonage.length > 0) {
    f.fail(
      openTok[0] ?? 'api-key',
      `Credentials of both platforms were given (${[...openTok, ...vonage].map(n => `'${n}'`).join(', ')}); give ${PAIRS}.`
    )
    return { withheld: [] }
  }
  if (openTok.length === 0 && vonage.length === 0) {
    f.fail('api-key', `Credentials are required: ${PAIRS}.`)
    return { withheld: [] }
  }
  if (vonage.length > 0) return readApplication(f, 'application-id', 'private-key', dryRun)

  const apiKey = f.text('api-key')
  const apiSecret = f.raw('api-secret')
  if (UUID.test(apiKey) && (apiSecret.trim() === '' || holdsPrivateKey(apiSecret))) {
    // The OpenTok SDKs' convention for a Vonage application (or its ID alone in a dry run).
    const reading = readApplication(f, 'api-key', 'api-secret', dryRun)
    if (reading.credentials !== undefined) {
      f.notices.push(
        "'api-key' holds a Vonage application ID and 'api-secret' its private key, as the OpenTok server SDKs take them: signing as that Vonage application. The inputs 'application-id' and 'private-key' say the same more plainly."
      )
    }
    return reading
  }
  if (UUID.test(apiKey)) {
    f.fail(
      'api-secret',
      "'api-key' is a UUID, which is a Vonage application ID, but 'api-secret' is not a private key. A Vonage application signs with its private key: give 'application-id' + 'private-key' (or, as the OpenTok SDKs take them, the PEM private key in 'api-secret')."
    )
    return { withheld: [] }
  }
  if (holdsPrivateKey(apiSecret)) {
    f.fail(
      'api-key',
      "'api-secret' holds a private key, but 'api-key' is not a Vonage application ID (a UUID). An OpenTok project signs with its API secret; a Vonage application with its application ID and private key ('application-id' + 'private-key')."
    )
    return { withheld: [] }
  }
  return readProject(f, dryRun)
}

function readProject(f: Findings, dryRun: boolean): CredentialsReading {
  const before = f.problems.length
  const apiKey = f.required('api-key', " with 'api-secret'")
  if (apiKey !== undefined && !API_KEY.test(apiKey)) {
    f.fail('api-key', "'api-key' must be the OpenTok project's API key: letters, digits and '-' only, at most 64.")
  }
  const secret = f.text('api-secret')
  const withheld = secret === '' && dryRun ? ['api-secret'] : []
  if (secret === '' && !dryRun) f.fail('api-secret', "'api-secret' is required with 'api-key': the OpenTok project's API secret.")
  else if (/[\r\n]/.test(secret)) f.fail('api-secret', "'api-secret' must be a single line.")
  else if (secret.length > MAX_LENGTH) f.fail('api-secret', `'api-secret' is longer than ${MAX_LENGTH} characters.`)
  if (apiKey === undefined || f.problems.length > before) return { withheld }
  return { credentials: { platform: 'opentok', apiKey, apiSecret: secret }, withheld }
}

function readApplication(f: Findings, idInput: string, keyInput: string, dryRun: boolean): CredentialsReading {
  const before = f.problems.length
  const id = f.text(idInput)
  if (id === '') f.fail(idInput, `'${idInput}' is required with '${keyInput}': the Vonage application's ID, a UUID.`)
  else if (!UUID.test(id)) {
    f.fail(idInput, `'${idInput}' must be the Vonage application's ID, a UUID such as c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b.`)
  }
  const raw = f.raw(keyInput)
  const withheld = raw.trim() === '' && dryRun ? [keyInput] : []
  let privateKey = ''
  if (raw.trim() === '' && !dryRun) {
    f.fail(keyInput, `'${keyInput}' is required with '${idInput}': the PEM text of the Vonage application's private key.`)
  } else if (raw.trim() !== '') {
    const check = checkPrivateKey(raw, keyInput)
    if (check.error !== undefined) f.fail(keyInput, check.error)
    else privateKey = check.pem
  }
  if (f.problems.length > before) return { withheld }
  const givenAs = idInput === 'application-id' ? {} : { givenAs: [idInput, keyInput] as const }
  return { credentials: { platform: 'vonage', applicationId: id.toLowerCase(), privateKey, ...givenAs }, withheld }
}
