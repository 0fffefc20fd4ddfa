/**
 * The redactor rule by rule, each with an input made by hand and the exact answer expected: the
 * length below which a value is not treated as a secret, each escape unescapeAll undoes, each
 * reading quotesSecret looks in, and the masking of secret inputs.
 */
import { describe, expect, it } from 'vitest'
import { maskSecretInputs } from '../src/inputs/secrets.js'
import { formsOf, quotesSecret, redact, scrub, unescapeAll } from '../src/redact.js'
import { makeCertificateWithKey } from './support/certificates.js'

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

describe('maskSecretInputs', () => {
  it('masks each secret input given, trimmed and as given, and skips those left empty or blank', () => {
    const masked: string[] = []
    const values: Record<string, string> = { 'api-secret': '  secret-one  ', 'secret-key': '   ', 'account-key': '' }
    maskSecretInputs(
      name => values[name] ?? '',
      secret => masked.push(secret)
    )
    expect(masked).toEqual(['  secret-one  ', 'secret-one'])
  })

  it('masks a certificate input only when it holds a private key, line by line', () => {
    const { cert, key } = makeCertificateWithKey()
    const masked: string[] = []
    maskSecretInputs(
      name => (name === 'certificate' ? cert : ''),
      secret => masked.push(secret)
    )
    expect(masked).toEqual([])
    maskSecretInputs(
      name => (name === 'certificate' ? `${cert}${key}` : ''),
      secret => masked.push(secret)
    )
    for (const line of key.split('\n').filter(l => l.length >= 8 && !l.startsWith('-----'))) expect(masked).toContain(line)
  })
})
