/** The PEM reader behind 'certificate' and 'private-key': every form users paste, and no private key ever sent. */
import { generateKeyPairSync, X509Certificate } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkCertificate, PRIVATE_KEY_IN_CERTIFICATE, readableName } from '../src/certificate.js'
import { maskValuesOf } from '../src/inputs/secrets.js'
import { holdsPrivateKey, readPem } from '../src/pem.js'
import { checkPrivateKey } from '../src/private-key.js'
import { makeCertificate, makeCertificateWithKey } from './support/certificates.js'

const now = new Date(Date.now() + 5000)
const { cert, key } = makeCertificateWithKey()
const der = new X509Certificate(cert).raw
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const pkcs8 = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const pkcs1 = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
const encrypted = rsa.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString()
const encryptedPkcs1 = rsa.privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString()
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString()
const openssh =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQy\n-----END OPENSSH PRIVATE KEY-----\n'

/** Every form a user reasonably pastes a PEM in. */
const forms: Record<string, (pem: string) => string> = {
  'as it is': pem => pem,
  CRLF: pem => pem.replace(/\n/g, '\r\n'),
  'every line indented': pem => pem.replace(/^/gm, '      '),
  'one line with literal \\n': pem => pem.trim().replace(/\n/g, '\\n'),
  'one line with literal \\r\\n': pem => pem.trim().replace(/\n/g, '\\r\\n'),
  'base64 of the PEM': pem => Buffer.from(pem).toString('base64'),
  'base64 of the PEM, wrapped': pem => Buffer.from(pem).toString('base64').replace(/.{76}/g, '$&\n'),
  'a YAML folded scalar (lines joined by spaces)': pem => pem.trim().replace(/\n/g, ' '),
  'surrounded by blank lines and text': pem => `\n\nsubject=CN=archives\n${pem}\n\n`
}

describe('certificate forms', () => {
  it.each(Object.entries(forms))('accepts %s and sends the same certificate', (_form, transform) => {
    const check = checkCertificate(transform(cert), now)
    expect(check.error).toBeUndefined()
    expect(check.setting?.kind).toBe('set')
    if (check.setting?.kind !== 'set') return
    expect(new X509Certificate(check.setting.pem).raw.equals(der)).toBe(true)
    expect(check.setting.pem).toBe(cert.trim())
  })

  it('property: any mix of line ends, indentation and wrapping yields the same DER', () => {
    const body = der.toString('base64')
    fc.assert(
      fc.property(
        fc.integer({ min: 16, max: 120 }),
        fc.constantFrom('\n', '\r\n', '\\n', ' '),
        fc.string({ unit: fc.constantFrom(' ', '\t'), maxLength: 8 }),
        fc.boolean(),
        (width, newline, indent, asBase64) => {
          const lines = ['-----BEGIN CERTIFICATE-----', ...body.match(new RegExp(`.{1,${width}}`, 'g'))!, '-----END CERTIFICATE-----']
          const pem = lines.map(line => indent + line).join(newline)
          const given = asBase64 ? Buffer.from(pem).toString('base64') : pem
          const check = checkCertificate(given, now)
          expect(check.error).toBeUndefined()
          expect(check.setting?.kind === 'set' && new X509Certificate(check.setting.pem).raw.equals(der)).toBe(true)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('sends only the leaf of a chain, and warns', () => {
    const other = makeCertificate('rsa:2048', 365)
    const check = checkCertificate(`${cert}${other}`, now)
    expect(check.setting?.kind === 'set' && new X509Certificate(check.setting.pem).raw.equals(der)).toBe(true)
    expect(check.warnings.join()).toMatch(
      /holds 2 certificates \(a chain\); only the first, CN=archives\.example\.com, O=Acme Video, is checked and sent/
    )
  })

  it('asks for | when a folded scalar cannot be repaired', () => {
    const folded = encryptedPkcs1.trim().replace(/\n/g, ' ')
    expect(readPem(folded)).toEqual({ ok: false, reason: 'folded' })
    const check = checkCertificate(`${cert.trim().replace(/\n/g, ' ')} ${folded}`, now)
    expect(check.error).toBe(PRIVATE_KEY_IN_CERTIFICATE)
  })

  it('names what it found instead of a certificate', () => {
    const publicKey = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString()
    expect(checkCertificate(publicKey, now).error).toMatch(/it holds PUBLIC KEY instead/)
  })

  it('renders the subject without backslash escapes', () => {
    expect(readableName('CN=Archiv\\C3\\A9\\, Inc.\nO=Acme\\+Co')).toBe('CN=Archivé, Inc., O=Acme+Co')
  })
})

describe('a private key in certificate', () => {
  const keys: Record<string, string> = {
    'PKCS#8': pkcs8,
    'PKCS#1': pkcs1,
    encrypted,
    'encrypted PKCS#1': encryptedPkcs1,
    EC: ec,
    OpenSSH: openssh
  }
  const combos = Object.entries(keys).flatMap(([name, k]) => [
    [`${name} key after the certificate`, `${cert}${k}`],
    [`${name} key before the certificate`, `${k}${cert}`],
    [`${name} key alone`, k]
  ])
  it.each(combos)('refuses a %s, quoting nothing of it', (_case, value) => {
    for (const transform of Object.values(forms)) {
      const given = transform(value)
      expect(holdsPrivateKey(given)).toBe(true)
      const check = checkCertificate(given, now)
      expect(check.error).toBe(PRIVATE_KEY_IN_CERTIFICATE)
      expect(check.setting).toBeUndefined()
    }
  })

  it('masks the whole value and every line of the key', () => {
    const value = `${cert}${key}`
    const masked = maskValuesOf(value)
    expect(masked).toContain(value)
    for (const line of key.split('\n').filter(l => l.length >= 8 && !l.startsWith('-----'))) expect(masked).toContain(line)
  })
})

describe('checkPrivateKey (the Vonage application key)', () => {
  it.each(Object.entries(forms))('reads PKCS#8 given %s', (_form, transform) => {
    const check = checkPrivateKey(transform(pkcs8), 'private-key')
    expect(check.error).toBeUndefined()
    expect(check.pem).toBe(pkcs8.trim())
  })

  it('reads PKCS#1 too', () => {
    expect(checkPrivateKey(pkcs1.replace(/\n/g, '\r\n'), 'private-key').pem).toBe(pkcs1.trim())
  })

  it.each([
    ['an encrypted key', encrypted, /encrypted with a passphrase/],
    ['an encrypted PKCS#1 key', encryptedPkcs1, /encrypted with a passphrase/],
    ['an OpenSSH key', openssh, /is an OpenSSH key/],
    ['an EC key', ec, /must be an RSA key/],
    ['the public key', rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(), /holds PUBLIC KEY, the public half/],
    ['a certificate', cert, /holds CERTIFICATE/],
    ['plain text', 'my-application-secret', /must be the PEM text of the Vonage application's private key/],
    ['a damaged key', pkcs8.replace(/\n[A-Za-z0-9+/]{64}\n/, '\n!!!!\n'), /damaged/]
  ])('refuses %s, naming the input and quoting nothing', (_case, value, reason) => {
    const check = checkPrivateKey(value, 'private-key')
    expect(check.error).toMatch(/^'private-key' /)
    expect(check.error).toMatch(reason)
    for (const line of value.split('\n').filter(l => l.length >= 8 && !l.startsWith('-----'))) expect(check.error).not.toContain(line)
  })
})
