/**
 * The PEM reader behind 'certificate' and 'private-key', rule by rule: what is read as PEM, what is
 * damaged and what is not PEM at all, legacy headers at the edges of their line breaks, private
 * keys in base64 text, and the clean PEM it gives back. Expectations are written out, or computed
 * with Node's own crypto, never with the reader.
 */
import { createPrivateKey, generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { holdsPrivateKey, readPem } from '../src/pem.js'

const keys = generateKeyPairSync('rsa', { modulusLength: 1024 })
const pkcs8 = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().trim()
const der = keys.privateKey.export({ type: 'pkcs8', format: 'der' })
const legacyEncrypted = keys.privateKey
  .export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pass' })
  .toString()
  .trim()

/** A block with this body, as text. */
const block = (body: string, label = 'TEST DATA') => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`

describe('readPem', () => {
  it('reads a block into its label, DER and a clean 64-column PEM', () => {
    const reading = readPem(pkcs8)
    expect(reading).toEqual({ ok: true, blocks: [{ label: 'PRIVATE KEY', hasHeaders: false, der, pem: pkcs8 }] })
  })

  it('wraps the clean PEM at 64 characters whatever the input wrapping', () => {
    const body = der.toString('base64')
    const reading = readPem(block(body, 'PRIVATE KEY'))
    expect(
      reading.ok &&
        reading.blocks[0]!.pem.split('\n')
          .slice(1, -1)
          .every(line => line.length <= 64)
    ).toBe(true)
    expect(reading.ok && reading.blocks[0]!.pem).toBe(pkcs8)
  })

  it.each([
    ['CRLF', pkcs8.replace(/\n/g, '\r\n')],
    ['old Mac CR', pkcs8.replace(/\n/g, '\r')],
    ['literal \\n on one line', pkcs8.replace(/\n/g, '\\n')],
    ['literal \\r\\n on one line', pkcs8.replace(/\n/g, '\\r\\n')],
    ['indented', pkcs8.replace(/^/gm, '      ')],
    ['base64 of the PEM', Buffer.from(pkcs8).toString('base64')],
    ['base64 of the PEM, wrapped', Buffer.from(pkcs8).toString('base64').replace(/.{76}/g, '$&\n')]
  ])('reads %s as the same key', (_form, text) => {
    const reading = readPem(text)
    expect(reading.ok && reading.blocks.map(b => [b.label, b.der.equals(der), b.pem])).toEqual([['PRIVATE KEY', true, pkcs8]])
  })

  it.each([
    ['plain text', 'hunter2'],
    ['short base64', Buffer.from('-----BEGIN X-----').toString('base64')],
    ['base64 of something else', Buffer.from('x'.repeat(80)).toString('base64')],
    ['a BEGIN line alone', '-----BEGIN CERTIFICATE-----\nMIIB']
  ])('answers not-pem for %s', (_case, text) => {
    expect(readPem(text)).toEqual({ ok: false, reason: 'not-pem' })
  })

  it.each([
    ['mismatched labels', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END PRIVATE KEY-----'],
    ['an empty body', block('')],
    ['characters outside base64', block('AAAA*AAA')],
    ['a length no base64 has', block('AAAAA')],
    ['bits past the end that do not round-trip', block('AB==')],
    ['a second block damaged', `${pkcs8}\n${block('!!!!')}`]
  ])('answers damaged for %s', (_case, text) => {
    expect(readPem(text)).toEqual({ ok: false, reason: 'damaged' })
  })

  it('keeps the RFC 1421 headers of a legacy encrypted key, with the blank line after them', () => {
    const reading = readPem(legacyEncrypted)
    expect(reading.ok).toBe(true)
    if (!reading.ok) return
    const [only] = reading.blocks
    expect(only!.hasHeaders).toBe(true)
    expect(only!.label).toBe('RSA PRIVATE KEY')
    expect(only!.pem).toBe(legacyEncrypted)
    expect(() => createPrivateKey({ key: only!.pem, passphrase: 'pass' })).not.toThrow()
  })

  it('answers folded for headers whose blank line was lost to a folded scalar', () => {
    expect(readPem(legacyEncrypted.replace(/\n+/g, ' '))).toEqual({ ok: false, reason: 'folded' })
  })

  it('reads every block of a chain, in order', () => {
    const reading = readPem(`${block('AAAA', 'FIRST')}\n${block('AAEC', 'SECOND')}`)
    expect(reading.ok && reading.blocks.map(b => [b.label, b.der.toString('hex'), b.pem])).toEqual([
      ['FIRST', '000000', '-----BEGIN FIRST-----\nAAAA\n-----END FIRST-----'],
      ['SECOND', '000102', '-----BEGIN SECOND-----\nAAEC\n-----END SECOND-----']
    ])
  })
})

describe('holdsPrivateKey', () => {
  it('sees a private key as it is and base64-encoded, and nothing else', () => {
    expect(holdsPrivateKey(pkcs8)).toBe(true)
    expect(holdsPrivateKey(Buffer.from(pkcs8).toString('base64'))).toBe(true)
    expect(holdsPrivateKey(Buffer.from(`  ${pkcs8}`).toString('base64').replace(/.{60}/g, '$& '))).toBe(true)
    expect(holdsPrivateKey(block('AAAA', 'CERTIFICATE'))).toBe(false)
    expect(holdsPrivateKey(Buffer.from(block('AAAA', 'CERTIFICATE')).toString('base64'))).toBe(false)
    expect(holdsPrivateKey('')).toBe(false)
  })
})

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
