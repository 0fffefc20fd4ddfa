/**
 * The Vonage application's private key, which signs the RS256 token: every form users paste it in,
 * and the exact message for each key that is not one.
 */
import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { checkPrivateKey } from '../src/private-key.js'
import { makeCertificateWithKey } from './support/certificates.js'

const { cert } = makeCertificateWithKey()
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

const keys = generateKeyPairSync('rsa', { modulusLength: 1024 })
const legacyEncrypted = keys.privateKey
  .export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pass' })
  .toString()
  .trim()
const publicKey = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString().trim()
const block = (body: string, label = 'TEST DATA') => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`

describe("the private key's messages", () => {
  const expected =
    "'private-key' must be the PEM text of the Vonage application's private key (the private.key file the dashboard downloads, -----BEGIN PRIVATE KEY-----)"

  it.each([
    [
      'lines joined with spaces',
      legacyEncrypted.replace(/\n+/g, ' '),
      `${expected}; its lines were joined with spaces (a YAML folded '>' scalar): use '|'.`
    ],
    ['a damaged block', block('AAAA*', 'PRIVATE KEY'), "'private-key' has a damaged PEM block: its base64 lines could not be read."],
    ['no PEM at all', 'my-application-secret', `${expected}.`],
    [
      'a certificate and the public key',
      `${block('AAAA', 'CERTIFICATE')}\n${publicKey}`,
      `${expected}; it holds CERTIFICATE, PUBLIC KEY, the public half, which the dashboard keeps.`
    ],
    ['two certificates', `${block('AAAA', 'CERTIFICATE')}\n${block('AAEC', 'CERTIFICATE')}`, `${expected}; it holds CERTIFICATE.`],
    [
      'a key block that is no key',
      block('AAAA', 'PRIVATE KEY'),
      "'private-key' could not be read as a private key: its PEM block is damaged."
    ]
  ])('%s', (_case, text, message) => {
    expect(checkPrivateKey(text, 'private-key')).toEqual({ error: message })
  })
})

const pair = generateKeyPairSync('rsa', { modulusLength: 2048 })
const privateKey = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()

describe('the private key', () => {
  it('refuses two keys, naming the input', () => {
    expect(checkPrivateKey(`${privateKey}\n${otherKey}`, 'private-key')).toEqual({
      error: "'private-key' holds 2 private keys; give the application's one key."
    })
  })

  it('refuses a key for another algorithm than RS256', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    expect(checkPrivateKey(ec, 'private-key')).toEqual({
      error: "'private-key' must be an RSA key, which RS256 signs with; this one is ec."
    })
  })

  it('names the public half when that is what was given', () => {
    const publicKey = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString()
    expect(checkPrivateKey(publicKey, 'api-secret').error).toBe(
      "'api-secret' must be the PEM text of the Vonage application's private key (the private.key file the dashboard downloads, -----BEGIN PRIVATE KEY-----); it holds PUBLIC KEY, the public half, which the dashboard keeps."
    )
  })

  it('refuses an OpenSSH key and an encrypted one, saying which', () => {
    const openssh = `-----BEGIN OPENSSH PRIVATE KEY-----\n${Buffer.from('openssh-key-v1\0').toString('base64')}\n-----END OPENSSH PRIVATE KEY-----`
    expect(checkPrivateKey(openssh, 'private-key').error).toBe(
      "'private-key' is an OpenSSH key; a Vonage application's key is PEM (-----BEGIN PRIVATE KEY-----)."
    )
    const encrypted = pair.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pass' }).toString()
    expect(checkPrivateKey(encrypted, 'private-key').error).toBe(
      "'private-key' is encrypted with a passphrase; give the key as the dashboard downloads it, unencrypted, from a secret."
    )
  })

  it('returns the key as clean PEM', () => {
    expect(checkPrivateKey(`   ${privateKey.replace(/\n/g, '\r\n')}  `, 'private-key')).toEqual({ pem: privateKey.trim() })
  })
})
