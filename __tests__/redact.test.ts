import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { quotesSecret, redact, scrub } from '../src/redact.js'
import { secretForms } from './support/run-action.js'

const printable = fc.constantFrom(...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), '\n', '"', '\\', '%', '<', 'é')
/** A secret with the awkward characters inside and a marker around them, so it cannot occur by chance. */
const secretArb = fc.string({ unit: printable, minLength: 4, maxLength: 24 }).map(s => `Zq9${s}x7W`)

/** `value` JSON-escaped `depth` times, as a vendor may quote a request body inside a message. */
function escaped(value: string, depth: number): string {
  let text = value
  for (let i = 0; i < depth; i++) text = JSON.stringify(text).slice(1, -1)
  return text
}

function leaked(text: string, secret: string): string | undefined {
  const unescaped = text.replace(/%0A/g, '\n').replace(/%25/g, '%')
  return [text, unescaped, unescaped.replace(/\\/g, '')].flatMap(t => secretForms(secret).filter(f => t.includes(f)))[0]
}

describe('redact', () => {
  it('hides secret fields of a JSON echo by name', () => {
    const echo = JSON.stringify({ type: 's3', config: { bucket: 'b', accessKey: 'AK', secretKey: 'zz', sse: 's3' }, fallback: 'none' })
    expect(redact(echo, [])).toBe('{"type":"s3","config":{"bucket":"b","accessKey":"AK","secretKey":"***","sse":"s3"},"fallback":"none"}')
    expect(redact(JSON.stringify({ config: { accountKey: 'k' } }), [])).toBe('{"config":{"accountKey":"***"}}')
  })

  it('hides known secret values anywhere, also as JSON escapes them', () => {
    const secret = 'ab"c\\d/e'
    expect(redact(`plain ${secret} and ${JSON.stringify({ m: secret })}`, [secret])).not.toContain('ab')
    expect(redact(JSON.stringify({ message: `wrong key ${secret}` }), [secret])).toBe('{"message":"wrong key ***"}')
  })

  it('hides a secret quoted inside an escaped request body, escaped twice and more', () => {
    const secret = 'we"ird\\sec%ret<1>'
    const body = JSON.stringify({ type: 's3', config: { secretKey: secret } })
    for (const depth of [1, 2, 3, 4]) {
      const message = JSON.stringify({ code: -1, message: `Invalid JSON: ${escaped(body, depth)}` })
      const result = redact(message, [secret])
      expect(leaked(result, secret), `depth ${depth}: ${result}`).toBeUndefined()
      expect(quotesSecret(result, [secret])).toBe(false)
    }
  })

  it('withholds text it cannot redact reliably, giving its length', () => {
    const secret = 'abc"def"ghi'
    const disguised = `k: ${secret.split('').join('\\\\')}`
    expect(scrub(disguised, [secret])).toBe(`(${disguised.length} characters withheld: they quote a secret)`)
  })

  it('shortens very long text', () => {
    expect(redact('x'.repeat(5000), []).length).toBeLessThan(2100)
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
          const result = redact(text, [secret])
          expect(leaked(result, secret)).toBeUndefined()
          expect(quotesSecret(result, [secret])).toBe(false)
        }
      ),
      { numRuns: 1500 }
    )
  })
})
