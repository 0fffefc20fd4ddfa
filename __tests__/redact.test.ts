/**
 * Redaction of what the vendor and the storage echo. Where a test judges whether a secret shows,
 * the judge is the tests' own (support/reveals.js), never the redactor's quotesSecret: a detector
 * that saw nothing would otherwise pass its own tests. Then the redactor rule by rule, each with an
 * input made by hand and the exact answer expected: the length below which a value is not treated
 * as a secret, each reading quotesSecret looks in, each escape unescapeAll undoes, and the JSON
 * values it walks.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formsOf, quotesSecret, redact, REDACTED, scrub, unescapeAll } from '../src/redact.js'
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

describe('the shortest secret', () => {
  it('replaces a four-character secret and leaves a three-character one, in redact and scrub alike', () => {
    expect(redact('key abcd here', ['abcd'])).toBe('key *** here')
    expect(redact('key abc here', ['abc'])).toBe('key abc here')
    expect(scrub('x abcd y', ['abcd'])).toBe('x *** y')
    expect(redact(JSON.stringify({ m: 'is abcd' }), ['abcd'])).toBe('{"m":"is ***"}')
  })

  it('lists exactly the forms of a plain secret: itself and its base64 cores at the three alignments, longest first', () => {
    // base64('abcdef') = YWJjZGVm; of '\0abcdef' = AGFiY2RlZg==, core FiY2RlZ; of '\0\0abcdef' = AABhYmNkZWY=, core hYmNkZW.
    expect(formsOf('abcdef')).toEqual(['YWJjZGVm', 'FiY2RlZ', 'hYmNkZW', 'abcdef'])
  })

  it('adds the base64url spelling of a core that has + or /', () => {
    expect(Buffer.from('>>>>>>').toString('base64')).toBe('Pj4+Pj4+')
    expect(formsOf('>>>>>>')).toContain('Pj4+Pj4+')
    expect(formsOf('>>>>>>')).toContain('Pj4-Pj4-')
    expect(Buffer.from('??????').toString('base64')).toBe('Pz8/Pz8/')
    expect(formsOf('??????')).toContain('Pz8_Pz8_')
  })

  it('writes each symbol as other JSON encoders do, and leaves a character beyond \uFFFF as it is', () => {
    expect(formsOf('a/b+c"d')).toContain('a\\/b+c\\"d')
    expect(formsOf('a<b>c&d')).toContain('a\\u003cb\\u003ec\\u0026d')
    expect(formsOf('a+😀bc')).toContain('a\\u002B😀bc')
    expect(formsOf('a+😀bc')).toContain('a\\u002b😀bc')
    expect(formsOf('a+\uffffbc')).toContain('a\\u002B\\uFFFFbc')
  })

  it('lists no form shorter than four characters, and base64 cores of six or more', () => {
    // 'abcd' is four bytes: its base64 cores (YWJjZ…) are five characters or fewer, too short to be told from noise.
    expect(formsOf('abcd')).toEqual(['abcd'])
    expect(formsOf('abc')).toEqual([])
    // Five bytes give a core of exactly six characters at alignment 0, which is kept.
    expect(formsOf('abcde')).toContain('YWJjZG')
    // Six bytes give a core of eight characters at alignment 0.
    expect(formsOf('abcdef')).toContain('YWJjZGVm')
    expect(formsOf('abcdef')).toContain(Buffer.from('\0abcdef').toString('base64').slice(2, 9))
  })
})

describe('quotesSecret', () => {
  it('is true when any one of several secrets is quoted', () => {
    expect(quotesSecret('has second-secret in it', ['first-secret', 'second-secret'])).toBe(true)
    expect(quotesSecret('has neither', ['first-secret', 'second-secret'])).toBe(false)
  })

  it('finds a short base64 core that no decodable run holds', () => {
    const core = Buffer.from('secret12').toString('base64').slice(0, 10)
    expect(core).toBe('c2VjcmV0MT')
    expect(quotesSecret(`x ${core} y`, ['secret12'])).toBe(true)
  })

  it('finds a secret in HTML entities, which no listed form holds', () => {
    expect(quotesSecret('x ab&#34;c y', ['ab"c'])).toBe(true)
    expect(quotesSecret('x ab&#x22;cd y', ['ab"cd'])).toBe(true)
  })

  it('does not take a secret whose unescaped form is under four characters for one quoted everywhere', () => {
    expect(quotesSecret('line\n\nline', ['\\n\\n'])).toBe(false)
  })

  it('decodes base64 runs at every alignment', () => {
    const secret = 'ab"cdef'
    const inside = Buffer.from(`xx ${secret.replace('"', '&#34;')} yy`).toString('base64')
    expect(quotesSecret(inside, [secret])).toBe(true)
    for (const prefix of ['Z', 'Zz', 'Zzz']) expect(quotesSecret(`${prefix}${inside}`, [secret]), prefix).toBe(true)
    expect(quotesSecret(Buffer.from('nothing secret here at all').toString('base64'), [secret])).toBe(false)
  })
})

describe('unescapeAll', () => {
  it.each([
    ['a\\u0041b', 'aAb'],
    ['a\\nb\\rc\\td', 'a\nb\rc\td'],
    ['%41%42%43', 'ABC'],
    ['%4', '%4'],
    ['&#65;&#66;', 'AB'],
    ['&#x41;&#x4a;', 'AJ'],
    ['&#x110000;', String.fromCodePoint(0x10ffff)],
    ['&#1114112;', String.fromCodePoint(0x10ffff)],
    ['a\\qb', 'aqb'],
    ['a\\\\\\"b', 'a"b'],
    ['%2541', 'A'],
    ['%C3%A9t%C3%A9', 'été'],
    ['plain text', 'plain text']
  ])('reads %j as %j', (text, plain) => expect(unescapeAll(text)).toBe(plain))

  it('undoes eight rounds at most', () => {
    // '%' URL-encoded ten times: each round undoes one, so two remain.
    expect(unescapeAll(`%${'25'.repeat(10)}`)).toBe('%2525')
    expect(unescapeAll(`%${'25'.repeat(8)}`)).toBe('%')
  })
})

describe('redactValue', () => {
  it('hides a secret field by name even beside a null', () => {
    expect(redact('{"secretKey":"zz","x":null}', [])).toBe('{"secretKey":"***","x":null}')
  })

  it('leaves numbers and booleans of a JSON echo as they are', () => {
    expect(redact(JSON.stringify({ n: 1, t: true, s: 'x abcdef' }), ['abcdef'])).toBe('{"n":1,"t":true,"s":"x ***"}')
  })

  it('walks arrays and nested objects, leaving numbers, booleans and null as they are', () => {
    const text = JSON.stringify({ list: ['has abcdef', 3, true, null], nested: { deep: ['abcdef'] }, n: 1 })
    expect(redact(text, ['abcdef'])).toBe('{"list":["has ***",3,true,null],"nested":{"deep":["***"]},"n":1}')
  })
})
