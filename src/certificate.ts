/** Checks the encrypted-archiving certificate before it is sent to the vendor. */
import { X509Certificate } from 'node:crypto'
import type { CertificateSetting } from './plan.js'

const MAX_RSA_BITS = 2048
const EXPIRY_WARNING_DAYS = 30
const DAY_MS = 86_400_000

export interface CertificateCheck {
  readonly setting?: CertificateSetting
  readonly error?: string
  readonly warning?: string
}

/**
 * Reads the `certificate` input: empty leaves encryption unchanged, `none` turns it off,
 * anything else must be a PEM X.509 certificate with an RSA key of at most 2048 bits that
 * has not expired.
 */
export function checkCertificate(raw: string, now: Date): CertificateCheck {
  const text = raw.trim()
  if (text === '') return { setting: { kind: 'unchanged' } }
  if (text === 'none') return { setting: { kind: 'off' } }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    return {
      error:
        "'certificate' must be the PEM text of an X.509 certificate (starting with -----BEGIN CERTIFICATE-----), 'none' to turn encryption off, or empty to leave it unchanged."
    }
  }
  let cert: X509Certificate
  try {
    cert = new X509Certificate(text)
  } catch {
    return { error: "'certificate' could not be parsed as an X.509 certificate in PEM." }
  }
  const key = cert.publicKey
  if (key.asymmetricKeyType !== 'rsa') {
    return {
      error: `'certificate' must hold an RSA public key; this one is ${key.asymmetricKeyType ?? 'of an unknown type'}.`
    }
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0
  if (bits > MAX_RSA_BITS) {
    return {
      error: `'certificate' must hold an RSA key of at most ${MAX_RSA_BITS} bits; this one has ${bits}.`
    }
  }
  const validTo = new Date(cert.validTo)
  if (validTo.getTime() <= now.getTime()) {
    return { error: `'certificate' expired on ${validTo.toISOString()}.` }
  }
  const validFrom = new Date(cert.validFrom)
  if (validFrom.getTime() > now.getTime()) {
    return { error: `'certificate' is not valid before ${validFrom.toISOString()}.` }
  }
  const setting: CertificateSetting = {
    kind: 'set',
    pem: text,
    subject: cert.subject.replace(/\n/g, ', '),
    fingerprint256: cert.fingerprint256,
    validTo
  }
  const daysLeft = Math.floor((validTo.getTime() - now.getTime()) / DAY_MS)
  if (daysLeft < EXPIRY_WARNING_DAYS) {
    return {
      setting,
      warning: `'certificate' expires in ${daysLeft} day(s), on ${validTo.toISOString()}: renew it, or archives made after that date cannot be encrypted with it.`
    }
  }
  return { setting }
}
