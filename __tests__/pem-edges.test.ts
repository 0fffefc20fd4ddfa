/**
 * The PEM forms at their edges, where a legacy encrypted key's headers depend on its line breaks,
 * and the exact message the private key and the certificate get for each way a paste goes wrong.
 */
import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { checkCertificate } from '../src/certificate.js'
import { holdsPrivateKey, readPem } from '../src/pem.js'
import { checkPrivateKey } from '../src/private-key.js'

const keys = generateKeyPairSync('rsa', { modulusLength: 1024 })
const legacyEncrypted = keys.privateKey
  .export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pass' })
  .toString()
  .trim()
const publicKey = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString().trim()
const block = (body: string, label = 'TEST DATA') => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`
const now = new Date('2026-11-27T12:00:00Z')

describe('the headers of a legacy encrypted key keep their blank line', () => {
  it.each([
    ['on one line with literal \\n', legacyEncrypted.replace(/\n/g, '\\n')],
    ['on one line with literal \\r\\n', legacyEncrypted.replace(/\n/g, '\\r\\n')],
    ['with CRLF', legacyEncrypted.replace(/\n/g, '\r\n')],
    ['with old Mac CR', legacyEncrypted.replace(/\n/g, '\r')]
  ])('%s', (_form, text) => {
    const reading = readPem(text)
    expect(reading.ok && reading.blocks.map(b => [b.label, b.hasHeaders, b.pem])).toEqual([['RSA PRIVATE KEY', true, legacyEncrypted]])
  })
})

describe('what is not a block', () => {
  it('reads a line with a colon after other text as damaged base64, not as a header', () => {
    expect(readPem(block('AAAA\n1 Proc-Type: 4'))).toEqual({ ok: false, reason: 'damaged' })
    // folded onto the BEGIN line, with no blank line at all: still damage, not folded headers
    expect(readPem('-----BEGIN TEST DATA-----AAAA 1a:b-----END TEST DATA-----')).toEqual({ ok: false, reason: 'damaged' })
  })

  it('reads a body of padding alone as damaged: it holds no bytes', () => {
    expect(readPem(block('=='))).toEqual({ ok: false, reason: 'damaged' })
  })
})

describe('holdsPrivateKey on base64 text', () => {
  // Base64 of fewer than 40 characters is too short to hold a PEM block and is not decoded.
  const encoded = (text: string) => Buffer.from(text).toString('base64')

  it('decodes 40 characters and more', () => {
    expect(encoded('-----BEGIN PRIVATE KEY-----\nAB')).toHaveLength(40)
    expect(holdsPrivateKey(encoded('-----BEGIN PRIVATE KEY-----\nAB'))).toBe(true)
  })

  it('finds a private key only in decoded text that holds a PEM block', () => {
    expect(holdsPrivateKey(encoded('notes on where the PRIVATE KEY of the app is kept'))).toBe(false)
    expect(readPem(encoded('a stray -----END CERTIFICATE----- line, and no block'))).toEqual({ ok: false, reason: 'not-pem' })
  })

  it('does not decode fewer', () => {
    expect(encoded('-----BEGIN PRIVATE KEY-----')).toHaveLength(36)
    expect(holdsPrivateKey(encoded('-----BEGIN PRIVATE KEY-----'))).toBe(false)
  })
})

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

describe("the certificate's messages", () => {
  const FORMS =
    "'certificate' must be the PEM text of an X.509 certificate (-----BEGIN CERTIFICATE-----, as it is, indented, with CRLF, on one line with literal \\n, or base64-encoded), 'none' to turn encryption off, or empty to leave it unchanged"

  it('leaves encryption unchanged when empty, and turns it off with none in any case, with no warning', () => {
    expect(checkCertificate('  \n', now)).toStrictEqual({ setting: { kind: 'unchanged' }, warnings: [] })
    expect(checkCertificate(' None ', now)).toStrictEqual({ setting: { kind: 'off' }, warnings: [] })
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
    expect(checkCertificate(text, now)).toStrictEqual({ error: message, warnings: [] })
  })
})
