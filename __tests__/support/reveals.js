// @ts-check
/**
 * The tests' own judge of whether a text still reveals a secret, written apart from the action's
 * redaction (src/redact.ts) so that no test uses the code under test as its oracle. A text
 * reveals a secret when the secret can be read back from it after undoing, in any order and to
 * any depth, JSON escapes (\" \\ \/ \n \uXXXX), URL-encoding, HTML entities and stray
 * backslashes, and after decoding any base64 or base64url run at any of its alignments (twice
 * nested at most).
 */

const HTML_NAMES = /** @type {Record<string, string>} */ ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" })

/** One round of undoing every escape this judge knows. @param {string} text */
function undoOnce(text) {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\(["\\/bfnrt])/g, (_, c) => ({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' })[/** @type {'b'} */ (c)] ?? c)
    .replace(/(?:%[0-9a-fA-F]{2})+/g, run => {
      try {
        return decodeURIComponent(run)
      } catch {
        return run
      }
    })
    .replace(/&#(\d{1,7});/g, (_, n) => String.fromCodePoint(Math.min(Number(n), 0x10ffff)))
    .replace(/&#x([0-9a-fA-F]{1,6});/g, (_, h) => String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff)))
    .replace(/&(quot|amp|lt|gt|apos);/g, (_, name) => HTML_NAMES[name] ?? '')
}

/**
 * Every reading of `text`: as it is, after each round of undoing escapes, without backslashes,
 * and the readings of whatever its base64 runs decode to.
 * @param {string} text
 * @param {number} [nesting] how many base64 layers may still be opened
 * @returns {Set<string>}
 */
export function readingsOf(text, nesting = 2) {
  const readings = new Set()
  let current = text
  for (let round = 0; round < 10; round++) {
    readings.add(current)
    readings.add(current.replace(/\\/g, ''))
    const next = undoOnce(current)
    if (next === current) break
    current = next
  }
  if (nesting > 0) {
    for (const reading of [...readings]) {
      for (const run of reading.match(/[A-Za-z0-9+/_-]{8,}={0,2}/g) ?? []) {
        for (let offset = 0; offset < 4; offset++) {
          const decoded = Buffer.from(run.slice(offset), 'base64').toString('utf8')
          if (decoded.length >= 4) for (const inner of readingsOf(decoded, nesting - 1)) readings.add(inner)
        }
      }
    }
  }
  return readings
}

/**
 * Whether `text` reveals `secret` in any reading; the secret is read the same ways (without
 * base64), since undoing escapes in the text also undoes what looks like an escape in the secret.
 * @param {string} text
 * @param {string} secret
 */
export function revealsSecret(text, secret) {
  const targets = [...readingsOf(secret, 0)].filter(target => target.length >= 4)
  for (const reading of readingsOf(text)) if (targets.some(target => reading.includes(target))) return true
  return false
}
