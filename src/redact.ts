/** Redaction of text that may hold secrets, such as the vendor's echo of the storage settings. */

const SECRET_FIELDS = new Set(['secretKey', 'accountKey', 'apiSecret', 'token', 'certificate'])
const MAX_SHOWN = 2000
export const REDACTED = '***'

/**
 * Returns `text` with every secret replaced: JSON fields that hold secrets by name, then every
 * occurrence of a known secret value, as it is and as JSON escapes it.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text
  try {
    result = JSON.stringify(JSON.parse(text, (key, value: unknown) => (SECRET_FIELDS.has(key) && value !== null ? REDACTED : value)))
  } catch {
    // Not JSON: redacted by value only.
  }
  for (const secret of secrets) {
    if (secret.length < 4) continue // too short to replace without garbling the text; never printed on its own
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])) {
      result = result.split(form).join(REDACTED)
    }
  }
  return result.length > MAX_SHOWN ? `${result.slice(0, MAX_SHOWN)}… (${result.length - MAX_SHOWN} more characters)` : result
}
