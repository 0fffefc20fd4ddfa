/**
 * The longest value each input takes, checked first, before any value is read for meaning: a
 * value pasted by mistake (a 100 kB `project`, a whole file in `account-key`) is refused with the
 * limit, and only a short start of it is ever echoed (none of a secret).
 */
import { shown, type InputProblem, type InputReader } from './findings.js'
import { SECRET_INPUTS } from './secrets.js'

/** PEM text: a private key or a certificate chain, in any pasted form (base64 of PEM among them). */
const PEM_LIMIT = 64 * 1024

/** Every input of action.yml and its limit in characters; a test keeps this list equal to action.yml's. */
export const INPUT_LIMITS: Readonly<Record<string, number>> = {
  'config-file': 1024,
  project: 64,
  'api-key': 64,
  // An application's private key may come in 'api-secret', as the OpenTok SDKs take it.
  'api-secret': PEM_LIMIT,
  'application-id': 64,
  'private-key': PEM_LIMIT,
  operation: 16,
  type: 16,
  bucket: 255,
  'access-key': 128,
  'secret-key': 1024,
  endpoint: 1024,
  sse: 16,
  'account-name': 64,
  'account-key': 1024,
  container: 63,
  domain: 253,
  fallback: 16,
  certificate: PEM_LIMIT,
  verify: 16,
  'api-url': 1024,
  'dry-run': 16,
  since: 64,
  'upload-grace': 16,
  'tracking-issue': 16,
  rescue: 16,
  'rescue-max-bytes': 32,
  base: 255,
  comment: 16,
  'github-token': 1024,
  'fail-on-error': 16,
  'max-attempts': 16,
  'timeout-seconds': 16
}

/** The inputs longer than their limit, each with the limit and, unless it is a secret, the start of what was given. */
export function overlongInputs(read: InputReader): InputProblem[] {
  const problems: InputProblem[] = []
  for (const [name, limit] of Object.entries(INPUT_LIMITS)) {
    const value = read(name).trim()
    if (value.length <= limit) continue
    const start = (SECRET_INPUTS as readonly string[]).includes(name) ? '' : `, starting '${shown(value)}'`
    problems.push({ input: name, message: `'${name}' is ${value.length} characters long${start}; it takes at most ${limit}.` })
  }
  return problems
}
