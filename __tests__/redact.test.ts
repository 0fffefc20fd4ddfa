/**
 * Redaction of what the vendor and the storage echo. Every verdict here is the tests' own judge
 * (support/reveals.js), never the redactor's quotesSecret: a detector that saw nothing would
 * otherwise pass its own tests.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formsOf, quotesSecret, redact, REDACTED, scrub } from '../src/redact.js'
import { revealsSecret } from './support/reveals.js'

const printable = fc.constantFrom(...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), '\n', '"', '\\', '%', '<', 'é')
/** A secret with the awkward characters inside and a marker around them, so it cannot occur by chance. */
const secretArb = fc.string({ unit: printable, minLength: 4, maxLength: 24 }).map(s => `Zq9${s}x7W`)

/** `value` JSON-escaped `depth` times, as a vendor may quote a request body inside a message. */
function escaped(value: string, depth: number): string {
  let text = value
  for (let i = 0; i < depth; i++) text = JSON.stringify(text).slice(1, -1)
  return text
}

/** How other JSON encoders write a string: `/` as `\/`; Go's `<>&` as `\u003c`; .NET's every symbol as `\u002B`. */
const ENCODERS: Record<string, (value: string) => string> = {
  standard: value => JSON.stringify(value),
  slashes: value => JSON.stringify(value).replace(/\//g, '\\/'),
  go: value => JSON.stringify(value).replace(/[<>&]/g, c => `\\u00${c.charCodeAt(0).toString(16).padStart(2, '0')}`),
  dotnet: value =>
    `"${[...value].map(c => (/[A-Za-z0-9 ]/.test(c) ? c : c.charCodeAt(0) < 0x10000 ? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : c)).join('')}"`
}

describe('redact', () => {
  it('hides secret fields of a JSON echo by name, each of them', () => {
    for (const field of ['secretKey', 'accountKey', 'apiSecret', 'privateKey', 'private_key', 'token', 'certificate']) {
      expect(redact(JSON.stringify({ config: { [field]: 'not-a-known-secret' }, keep: 'x' }), [])).toBe(
        `{"config":{"${field}":"***"},"keep":"x"}`
      )
    }
    expect(redact(JSON.stringify({ config: { bucket: 'b', accessKey: 'AK' } }), [])).toBe('{"config":{"bucket":"b","accessKey":"AK"}}')
    // A null certificate is no secret: it says encryption is off.
    expect(redact(JSON.stringify({ certificate: null }), [])).toBe('{"certificate":null}')
  })

  it('replaces a known secret exactly where it stands, keeping the rest of the text', () => {
    expect(redact('wrong key abcdef123 here', ['abcdef123'])).toBe('wrong key *** here')
    expect(redact(JSON.stringify({ message: 'wrong key ab"c\\d/e' }), ['ab"c\\d/e'])).toBe('{"message":"wrong key ***"}')
    expect(scrub('a secret-value b secret-value c', ['secret-value'])).toBe('a *** b *** c')
    expect(scrub('nothing to hide', ['secret-value'])).toBe('nothing to hide')
    // Values shorter than four characters would garble the text; they are never printed alone.
    expect(scrub('abc abc', ['abc'])).toBe('abc abc')
  })

  it('hides a secret quoted inside an escaped request body, escaped twice and more', () => {
    const secret = 'we"ird\\sec%ret<1>'
    const body = JSON.stringify({ type: 's3', config: { secretKey: secret } })
    for (const depth of [1, 2, 3, 4]) {
      const message = JSON.stringify({ code: -1, message: `Invalid JSON: ${escaped(body, depth)}` })
      const result = redact(message, [secret])
      expect(revealsSecret(result, secret), `depth ${depth}: ${result}`).toBe(false)
      // Up to four escapes of the secret are replaced where they stand; deeper ones withhold the value.
      if (depth < 4) expect(result).toContain('\\"***\\')
      else expect(result).toBe('{"code":-1,"message":"***"}')
    }
  })

  it('hides the secrets of issue 16: base64 of the escaped body, with / as \\/ and + as \\u002B', () => {
    const special = `sp"ec\\ial%2Fsecret/+=<&>'key`
    const aws = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
    for (const secret of [special, aws]) {
      for (const [name, encode] of Object.entries(ENCODERS)) {
        const body = `{"type":"s3","config":{"bucket":"b","secretKey":${encode(secret)}},"fallback":"none"}`
        for (const alphabet of ['base64', 'base64url'] as const) {
          const message = JSON.stringify({ message: `got ${Buffer.from(body).toString(alphabet)}` })
          expect(revealsSecret(message, secret), `the judge sees ${name}`).toBe(true)
          const result = redact(message, [secret])
          expect(revealsSecret(result, secret), `${name} ${alphabet}: ${result}`).toBe(false)
          expect(result.startsWith('{"message":"got ')).toBe(true)
        }
      }
    }
  })

  it('withholds text it cannot redact reliably, giving its length', () => {
    const secret = 'abc"def"ghi'
    const disguised = `k: ${secret.split('').join('\\\\')}`
    expect(scrub(disguised, [secret])).toBe(`(${disguised.length} characters withheld: they quote a secret)`)
  })

  it('shortens very long text, keeping its beginning and saying how much is left out', () => {
    const text = `${'a'.repeat(2000)}${'b'.repeat(3000)}`
    expect(redact(text, [])).toBe(`${'a'.repeat(2000)}… (3000 more characters)`)
    expect(redact('x'.repeat(2000), [])).toBe('x'.repeat(2000))
  })

  it('knows the forms a secret can take, longest first', () => {
    const forms = formsOf('a/b+c"d')
    expect(forms).toContain('a/b+c"d')
    expect(forms).toContain('a/b+c\\"d')
    expect(forms).toContain('a\\/b+c\\"d')
    expect(forms).toContain('a/b\\u002Bc\\u0022d')
    expect(forms).toContain('a\\u002fb\\u002bc\\u0022d')
    expect(forms).toContain(encodeURIComponent('a/b+c"d'))
    expect(forms).toEqual([...forms].sort((x, y) => y.length - x.length))
    expect(forms.every(form => form.length >= 4)).toBe(true)
    expect(REDACTED).toBe('***')
  })

  it('quotesSecret tells a text that quotes a secret from one that does not', () => {
    expect(quotesSecret('plain text', ['secret-value'])).toBe(false)
    expect(quotesSecret('has secret-value in it', ['secret-value'])).toBe(true)
    expect(quotesSecret(`b64 ${Buffer.from('{"k":"secret-value"}').toString('base64')}`, ['secret-value'])).toBe(true)
    expect(quotesSecret('s\\e\\c\\r\\e\\t-value', ['secret-value'])).toBe(true)
    expect(quotesSecret('abc', ['ab'])).toBe(false)
  })

  it('property: no form of a secret survives, at any depth of JSON escaping, URL-encoding or base64', () => {
    fc.assert(
      fc.property(
        secretArb,
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('json', 'text', 'url', 'base64', 'html'),
        fc.string({ maxLength: 20 }),
        (secret, depth, shape, noise) => {
          const quoted =
            shape === 'url'
              ? encodeURIComponent(secret)
              : shape === 'base64'
                ? Buffer.from(`${noise}${secret}`).toString('base64')
                : shape === 'html'
                  ? secret.replace(/["<>&]/g, c => `&#${c.charCodeAt(0)};`)
                  : escaped(JSON.stringify({ config: { secretKey: secret }, note: `${noise}${secret}` }), depth)
          const text = shape === 'json' ? JSON.stringify({ code: -1, message: `Invalid: ${quoted}` }) : `Invalid: ${quoted} ${noise}`
          expect(revealsSecret(redact(text, [secret]), secret)).toBe(false)
        }
      ),
      { numRuns: 1000, seed: 20261129 }
    )
  })

  it('property: an escaped form, base64-encoded at any alignment in either alphabet, is hidden', () => {
    fc.assert(
      fc.property(
        secretArb,
        fc.constantFrom(...Object.keys(ENCODERS)),
        fc.integer({ min: 0, max: 2 }),
        fc.string({ maxLength: 5 }),
        fc.constantFrom('base64', 'base64url'),
        (secret, encoder, depth, prefix, alphabet) => {
          const body = escaped(`{"config":{"secretKey":${ENCODERS[encoder]!(secret)}}}`, depth)
          const message = JSON.stringify({ message: `echo ${Buffer.from(`${prefix}${body}`).toString(alphabet as BufferEncoding)}` })
          expect(revealsSecret(redact(message, [secret]), secret)).toBe(false)
        }
      ),
      { numRuns: 1000, seed: 16 }
    )
  })
})

describe('the judge itself', () => {
  it('sees a secret in every form the tests feed it', () => {
    const secret = 'se"cr/et+key'
    for (const text of [
      `x ${secret} y`,
      JSON.stringify({ m: secret }),
      JSON.stringify(JSON.stringify({ m: secret })),
      encodeURIComponent(secret),
      secret.replace(/["]/g, '&#34;'),
      Buffer.from(`12${secret}`).toString('base64'),
      Buffer.from(JSON.stringify({ m: secret })).toString('base64url'),
      s(secret)
    ]) {
      expect(revealsSecret(text, secret), text).toBe(true)
    }
    expect(revealsSecret('nothing here', secret)).toBe(false)
    expect(revealsSecret('se"cr/et+ke', secret)).toBe(false)
  })
})

/** The secret with a backslash before each character, as a sloppy escaper writes it. */
function s(secret: string): string {
  return [...secret].map(c => `\\${c}`).join('')
}
