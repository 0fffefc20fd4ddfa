/**
 * The PEM reader rule by rule: what is read as PEM, what is damaged and what is not PEM at all,
 * legacy headers, and the clean PEM it gives back. Expectations are written out, or computed with
 * Node's own crypto, never with the reader.
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
