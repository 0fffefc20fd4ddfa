/**
 * Redaction of text that may quote a secret, such as the vendor's echo of the storage settings
 * or an error message that quotes the request body. Robust by construction: after every known
 * form of a secret is replaced, the text is checked once more with every escape undone (JSON
 * at any depth, URL-encoding, HTML entities, stray backslashes); text that still holds a secret
 * is not printed at all, only its length.
 */

export const REDACTED = '***'
const SECRET_FIELDS = new Set(['secretKey', 'accountKey', 'apiSecret', 'privateKey', 'private_key', 'token', 'certificate'])
const MAX_SHOWN = 2000
/** Shorter values are left alone: replacing them would garble the text, and they are never printed on their own. */
const MIN_SECRET_LENGTH = 4
const MAX_ESCAPE_DEPTH = 4

/**
 * Returns `text` with every secret replaced: JSON fields that hold secrets by name, every string
 * that quotes a secret in any escaping, and, when the text is not JSON, every known form of each
 * secret. Shortened past 2,000 characters.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const known = secrets.filter(secret => secret.length >= MIN_SECRET_LENGTH)
  let result: string
  try {
    result = JSON.stringify(redactValue(JSON.parse(text), known))
  } catch {
    result = text
  }
  result = scrub(result, known)
  return result.length > MAX_SHOWN ? `${result.slice(0, MAX_SHOWN)}… (${result.length - MAX_SHOWN} more characters)` : result
}

/**
 * Replaces every known form of each secret in `text`; when a secret can still be read back from
 * what is left, returns a placeholder with the text's length instead.
 */
export function scrub(text: string, secrets: readonly string[]): string {
  let result = text
  for (const secret of secrets.filter(s => s.length >= MIN_SECRET_LENGTH)) {
    for (const form of formsOf(secret)) result = result.split(form).join(REDACTED)
  }
  return quotesSecret(result, secrets) ? `(${text.length} characters withheld: they quote a secret)` : result
}

/**
 * Whether `text` holds any of `secrets` in any form: as it is, escaped at any depth, URL-encoded,
 * or inside base64 (every run decoded at each alignment, then read the same way). The net under
 * the replacement: what it still finds is withheld.
 */
export function quotesSecret(text: string, secrets: readonly string[]): boolean {
  const known = secrets.filter(secret => secret.length >= MIN_SECRET_LENGTH)
  if (known.length === 0) return false
  const readings = [text, ...decodedRuns(text)]
  return known.some(secret => {
    if (formsOf(secret).some(form => text.includes(form))) return true
    const plainSecret = unescapeAll(secret)
    const bareSecret = secret.replace(/\\/g, '')
    return readings.some(reading => {
      if (plainSecret.length >= MIN_SECRET_LENGTH && unescapeAll(reading).includes(plainSecret)) return true
      return bareSecret.length >= MIN_SECRET_LENGTH && reading.replace(/\\/g, '').includes(bareSecret)
    })
  })
}

/** What the base64 and base64url runs of `text` decode to, at each alignment. */
function decodedRuns(text: string): string[] {
  const decoded: string[] = []
  for (const run of text.match(/[A-Za-z0-9+/_-]{12,}={0,2}/g) ?? []) {
    for (let offset = 0; offset < 4; offset++) decoded.push(Buffer.from(run.slice(offset), 'base64').toString('utf8'))
  }
  return decoded
}

function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') {
    const scrubbed = replaceForms(value, secrets)
    return quotesSecret(scrubbed, secrets) ? REDACTED : scrubbed
  }
  if (Array.isArray(value)) return value.map(item => redactValue(item, secrets))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, SECRET_FIELDS.has(key) && item !== null ? REDACTED : redactValue(item, secrets)])
    )
  }
  return value
}

function replaceForms(text: string, secrets: readonly string[]): string {
  let result = text
  for (const secret of secrets) for (const form of formsOf(secret)) result = result.split(form).join(REDACTED)
  return result
}

const formsCache = new Map<string, string[]>()

/**
 * How JSON encoders other than JSON.stringify write a string: with `/` as `\/` (PHP, Java),
 * with `<`, `>` and `&` as `\u003c` (Go), or with every symbol as `\u002B` (.NET). A vendor that
 * echoes a request body may have re-encoded it with any of them, then base64-encoded it.
 */
const ENCODERS: ReadonlyArray<(value: string) => string> = [
  value => JSON.stringify(value).slice(1, -1).replace(/\//g, '\\/'),
  value =>
    JSON.stringify(value)
      .slice(1, -1)
      .replace(/[<>&]/g, c => `\\u00${c.charCodeAt(0).toString(16)}`),
  ...[true, false].flatMap(upper => [
    (value: string) => [...value].map(c => (/[A-Za-z0-9 /]/.test(c) ? c : unicodeEscape(c, upper))).join(''),
    (value: string) => [...value].map(c => (/[A-Za-z0-9 ]/.test(c) ? c : unicodeEscape(c, upper))).join('')
  ])
]

function unicodeEscape(c: string, upper: boolean): string {
  // A character beyond \uFFFF (two UTF-16 units) is left as it is; encoders write it raw too.
  if (c.length > 1) return c
  const hex = c.charCodeAt(0).toString(16).padStart(4, '0')
  return `\\u${upper ? hex.toUpperCase() : hex}`
}

/**
 * The forms a secret can be quoted in, longest first: as it is; JSON-escaped once to four times;
 * as other JSON encoders write it (ENCODERS); URL-encoded once or twice; and, for each of these,
 * the part of its base64 (and base64url) that does not depend on the bytes around it, at each
 * of the three alignments: a body echoed in base64 carries the secret in one of its escaped forms.
 */
export function formsOf(secret: string): string[] {
  const cached = formsCache.get(secret)
  if (cached !== undefined) return cached
  const texts = new Set<string>([secret])
  let escaped = secret
  for (let depth = 0; depth < MAX_ESCAPE_DEPTH; depth++) {
    escaped = JSON.stringify(escaped).slice(1, -1)
    texts.add(escaped)
  }
  for (const encode of ENCODERS) texts.add(encode(secret))
  texts.add(encodeURIComponent(secret)).add(encodeURIComponent(encodeURIComponent(secret)))
  const forms = new Set<string>(texts)
  for (const text of texts) for (const core of base64Cores(text)) forms.add(core).add(core.replace(/\+/g, '-').replace(/\//g, '_'))
  const result = [...forms].filter(form => form.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length)
  formsCache.set(secret, result)
  return result
}

/** The base64 of `text` that does not depend on the bytes around it, at each of the three alignments. */
function base64Cores(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8')
  const cores: string[] = []
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64')
    const core = encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6))
    if (core.length >= 6) cores.push(core)
  }
  return cores
}

/** Undoes JSON escapes, URL-encoding and HTML numeric entities, repeatedly, then drops stray backslashes. */
export function unescapeAll(text: string): string {
  // Most text has nothing to undo; skipping the rounds keeps a dry run's start-up short.
  if (!/[\\%&]/.test(text)) return text
  let current = text
  for (let round = 0; round < 8; round++) {
    const next = current
      .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/\\([nrt])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : '\t'))
      .replace(/(?:%[0-9a-fA-F]{2})+/g, run => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'))
      .replace(/&#(\d{1,7});/g, (_, code: string) => String.fromCodePoint(Math.min(Number(code), 0x10ffff)))
      .replace(/&#x([0-9a-fA-F]{1,6});/g, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)))
      .replace(/\\(.)/gsu, '$1')
    if (next === current) return next
    current = next
  }
  return current
}
