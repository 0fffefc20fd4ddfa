/** Checks the encrypted-archiving certificate before it is sent to the vendor. */
import { X509Certificate } from 'node:crypto'
import type { CertificateSetting } from './plan.js'
import { holdsPrivateKey, readPem } from './pem.js'

const MAX_RSA_BITS = 2048
const EXPIRY_WARNING_DAYS = 30
const DAY_MS = 86_400_000

export interface CertificateCheck {
  readonly setting?: CertificateSetting
  readonly error?: string
  readonly warnings: readonly string[]
}

const FORMS =
  "'certificate' must be the PEM text of an X.509 certificate (-----BEGIN CERTIFICATE-----, as it is, indented, with CRLF, on one line with literal \\n, or base64-encoded), 'none' to turn encryption off, or empty to leave it unchanged"

/** The message for a private key found in `certificate`; it quotes nothing of the value. */
export const PRIVATE_KEY_IN_CERTIFICATE =
  "'certificate' holds a private key (a PRIVATE KEY block). Only the certificate may go to the vendor: the private key is what decrypts your archives, so it must stay out of CI and off the runner. Give the certificate alone (the -----BEGIN CERTIFICATE----- block); nothing was sent."

/**
 * Reads the `certificate` value: empty leaves encryption unchanged, `none` (any case) turns it
 * off; anything else must hold a PEM X.509 certificate with an RSA key of at most 2048 bits that
 * is valid now. A private key anywhere in the value is refused. Of a chain, only the first
 * certificate (the leaf) is checked and sent, with a warning.
 */
export function checkCertificate(raw: string, now: Date): CertificateCheck {
  const text = raw.trim()
  if (text === '') return { setting: { kind: 'unchanged' }, warnings: [] }
  if (text.toLowerCase() === 'none') return { setting: { kind: 'off' }, warnings: [] }
  if (holdsPrivateKey(text)) return { error: PRIVATE_KEY_IN_CERTIFICATE, warnings: [] }
  const reading = readPem(text)
  if (!reading.ok) {
    if (reading.reason === 'folded') {
      return { error: `${FORMS}. Its lines were joined with spaces (a YAML folded '>' scalar): write it with '|' instead.`, warnings: [] }
    }
    return {
      error: reading.reason === 'damaged' ? "'certificate' has a damaged PEM block: its base64 lines could not be read." : `${FORMS}.`,
      warnings: []
    }
  }
  const certificates = reading.blocks.filter(block => block.label === 'CERTIFICATE')
  const leaf = certificates[0]
  if (leaf === undefined) {
    const labels = [...new Set(reading.blocks.map(block => block.label))].join(', ')
    return { error: `${FORMS}; it holds ${labels} instead.`, warnings: [] }
  }
  let cert: X509Certificate
  try {
    cert = new X509Certificate(leaf.der)
  } catch {
    return { error: "'certificate' could not be parsed as an X.509 certificate in PEM.", warnings: [] }
  }
  const warnings: string[] = []
  const subject = readableName(cert.subject)
  if (certificates.length > 1) {
    warnings.push(
      `'certificate' holds ${certificates.length} certificates (a chain); only the first, ${subject}, is checked and sent. Give that one alone to silence this warning.`
    )
  }
  const key = cert.publicKey
  if (key.asymmetricKeyType !== 'rsa') {
    return { error: `'certificate' must hold an RSA public key; this one is ${key.asymmetricKeyType ?? 'of an unknown type'}.`, warnings }
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0
  if (bits > MAX_RSA_BITS) {
    return { error: `'certificate' must hold an RSA key of at most ${MAX_RSA_BITS} bits; this one has ${bits}.`, warnings }
  }
  const validTo = new Date(cert.validTo)
  if (validTo.getTime() <= now.getTime()) return { error: `'certificate' expired on ${validTo.toISOString()}.`, warnings }
  const validFrom = new Date(cert.validFrom)
  if (validFrom.getTime() > now.getTime()) return { error: `'certificate' is not valid before ${validFrom.toISOString()}.`, warnings }
  const daysLeft = Math.floor((validTo.getTime() - now.getTime()) / DAY_MS)
  if (daysLeft < EXPIRY_WARNING_DAYS) {
    warnings.push(
      `'certificate' expires in ${daysLeft} day(s), on ${validTo.toISOString()}: renew it, or archives made after that date cannot be encrypted with it.`
    )
  }
  return { setting: { kind: 'set', pem: leaf.pem, subject, fingerprint256: cert.fingerprint256, validTo }, warnings }
}

/**
 * A distinguished name as people read it: one line, without the RFC 2253 escapes that Node's
 * `subject` carries (`\,` and `\C3\A9`-style byte escapes).
 */
export function readableName(name: string): string {
  return name
    .split('\n')
    .map(part => unescapeRfc2253(part))
    .join(', ')
}

function unescapeRfc2253(text: string): string {
  return text.replace(/(?:\\[0-9A-Fa-f]{2})+/g, run => Buffer.from(run.replace(/\\/g, ''), 'hex').toString('utf8')).replace(/\\(.)/gu, '$1')
}
