/**
 * The encrypted-archiving certificate, checked before anything is sent: the keys and the validity
 * window it takes, every form users paste it in, a private key pasted with it (refused, quoting
 * nothing, and masked), and the exact message for each way a paste goes wrong. The certificate in
 * the request of a whole run is in operations/apply.test.ts.
 */
import { generateKeyPairSync, X509Certificate } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkCertificate, PRIVATE_KEY_IN_CERTIFICATE, readableName } from '../src/certificate.js'
import { maskValuesOf } from '../src/inputs/secrets.js'
import { holdsPrivateKey, readPem } from '../src/pem.js'
import { makeCertificate, makeCertificateWithKey } from './support/certificates.js'

const DAY = 86_400_000
const rsa2048 = makeCertificate('rsa:2048', 365)
const rsa4096 = makeCertificate('rsa:4096', 365)
const ec = makeCertificate('ec', 365)
const expiringSoon = makeCertificate('rsa:2048', 10)

describe('checkCertificate', () => {
  const now = new Date()

  it('accepts RSA 2048 and describes it by subject, fingerprint and expiry', () => {
    const check = checkCertificate(rsa2048, now)
    expect(check.error).toBeUndefined()
    expect(check.warnings).toEqual([])
    const cert = new X509Certificate(rsa2048)
    expect(check.setting).toMatchObject({
      kind: 'set',
      subject: 'CN=archives.example.com, O=Acme Video',
      fingerprint256: cert.fingerprint256
    })
  })

  it('accepts a smaller RSA key too (the limit is at most 2048 bits)', () => {
    const rsa1024 = makeCertificate('rsa:1024', 365)
    expect(checkCertificate(rsa1024, new Date(Date.now() + 2000)).error).toBeUndefined()
  })

  it.each([
    ['a 4096-bit key', () => rsa4096, /at most 2048 bits; this one has 4096/],
    ['an EC key', () => ec, /must hold an RSA public key; this one is ec/],
    ['garbage', () => 'not a certificate', /PEM text of an X\.509 certificate/],
    ['a damaged PEM', () => rsa2048.replace(/[A-Za-z]{20}/, 'AAAAAAAAAAAAAAAAAAAA'), /could not be parsed as an X\.509 certificate/]
  ])('refuses %s, naming the input', (_case, pem, reason) => {
    const check = checkCertificate(pem(), now)
    expect(check.error).toMatch(/^'certificate' /)
    expect(check.error).toMatch(reason)
    expect(check.setting).toBeUndefined()
  })

  it('refuses an expired certificate', () => {
    expect(checkCertificate(rsa2048, new Date(Date.now() + 400 * DAY)).error).toMatch(/^'certificate' expired on /)
  })

  it('warns when it expires within 30 days', () => {
    const check = checkCertificate(expiringSoon, now)
    expect(check.error).toBeUndefined()
    expect(check.warnings.join()).toMatch(/^'certificate' expires in (9|10) day\(s\)/)
  })

  describe('its validity window, at the edges', () => {
    const cert = new X509Certificate(rsa2048)
    const validFrom = new Date(cert.validFrom)
    const validTo = new Date(cert.validTo)

    it('refuses a certificate that is not valid yet, saying from when', () => {
      expect(checkCertificate(rsa2048, new Date(validFrom.getTime() - 1000)).error).toBe(
        `'certificate' is not valid before ${validFrom.toISOString()}.`
      )
      expect(checkCertificate(rsa2048, validFrom).error).toBeUndefined()
    })

    it('refuses it from the second it expires, saying when', () => {
      expect(checkCertificate(rsa2048, validTo).error).toBe(`'certificate' expired on ${validTo.toISOString()}.`)
      expect(checkCertificate(rsa2048, new Date(validTo.getTime() - 1000)).error).toBeUndefined()
    })

    it('warns below 30 whole days left, with the days and the date', () => {
      expect(checkCertificate(rsa2048, new Date(validTo.getTime() - 30 * DAY)).warnings).toEqual([])
      expect(checkCertificate(rsa2048, new Date(validTo.getTime() - 30 * DAY + 1000)).warnings).toEqual([
        `'certificate' expires in 29 day(s), on ${validTo.toISOString()}: renew it, or archives made after that date cannot be encrypted with it.`
      ])
      expect(checkCertificate(rsa2048, new Date(validTo.getTime() - 1000)).warnings[0]).toMatch(/^'certificate' expires in 0 day\(s\)/)
    })

    it('keeps the leaf PEM, its subject, fingerprint and expiry for the request and the summary', () => {
      expect(checkCertificate(`  ${rsa2048}\n`, validFrom).setting).toEqual({
        kind: 'set',
        pem: rsa2048.trim(),
        subject: 'CN=archives.example.com, O=Acme Video',
        fingerprint256: cert.fingerprint256,
        validTo
      })
    })
  })

  it('names the blocks it found when none is a certificate', () => {
    const publicKey = new X509Certificate(rsa2048).publicKey.export({ type: 'spki', format: 'pem' }).toString()
    expect(checkCertificate(publicKey, now).error).toMatch(/; it holds PUBLIC KEY instead\.$/)
  })

  it('refuses a private key anywhere in the value, quoting none of it', () => {
    const key = makeCertificateWithKey()
    const check = checkCertificate(`${key.cert}\n${key.key}`, now)
    expect(check.error).toBe(PRIVATE_KEY_IN_CERTIFICATE)
    expect(check.setting).toBeUndefined()
  })

  it("reads '' as unchanged and 'none' as off", () => {
    expect(checkCertificate('', now).setting).toEqual({ kind: 'unchanged' })
    expect(checkCertificate('  none ', now).setting).toEqual({ kind: 'off' })
  })
})

const now = new Date(Date.now() + 5000)
const { cert, key } = makeCertificateWithKey()
const der = new X509Certificate(cert).raw
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const pkcs8 = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const pkcs1 = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
const encrypted = rsa.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString()
const encryptedPkcs1 = rsa.privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString()
const ecKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString()
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
    EC: ecKey,
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

const keys = generateKeyPairSync('rsa', { modulusLength: 1024 })
const publicKey = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString().trim()
const block = (body: string, label = 'TEST DATA') => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`
const fixedNow = new Date('2026-11-27T12:00:00Z')

describe("the certificate's messages", () => {
  const FORMS =
    "'certificate' must be the PEM text of an X.509 certificate (-----BEGIN CERTIFICATE-----, as it is, indented, with CRLF, on one line with literal \\n, or base64-encoded), 'none' to turn encryption off, or empty to leave it unchanged"

  it('leaves encryption unchanged when empty, and turns it off with none in any case, with no warning', () => {
    expect(checkCertificate('  \n', fixedNow)).toStrictEqual({ setting: { kind: 'unchanged' }, warnings: [] })
    expect(checkCertificate(' None ', fixedNow)).toStrictEqual({ setting: { kind: 'off' }, warnings: [] })
  })

  it.each([
    [
      'headers whose blank line was lost',
      block('Comment: from the old server\nAAAA', 'CERTIFICATE').replace(/\n/g, ' '),
      `${FORMS}. Its lines were joined with spaces (a YAML folded '>' scalar): write it with '|' instead.`
    ],
    ['a damaged block', block('AAAA*', 'CERTIFICATE'), "'certificate' has a damaged PEM block: its base64 lines could not be read."],
    ['no PEM at all', 'archives.example.com', `${FORMS}.`],
    ['other blocks only', `${publicKey}\n${block('AAAA')}\n${publicKey}`, `${FORMS}; it holds PUBLIC KEY, TEST DATA instead.`],
    [
      'a certificate block that is no certificate',
      block('AAAA', 'CERTIFICATE'),
      "'certificate' could not be parsed as an X.509 certificate in PEM."
    ]
  ])('%s', (_case, text, message) => {
    expect(checkCertificate(text, fixedNow)).toStrictEqual({ error: message, warnings: [] })
  })
})
