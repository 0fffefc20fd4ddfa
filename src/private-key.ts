/** Checks the Vonage application's private key, which signs the RS256 token, and never leaves the runner. */
import { createPrivateKey } from 'node:crypto'
import { readPem } from './pem.js'

export type PrivateKeyCheck = { readonly pem: string; readonly error?: undefined } | { readonly pem?: undefined; readonly error: string }

/**
 * Reads a private key pasted in any accepted PEM form (see pem.ts) and returns it as clean PEM:
 * an unencrypted RSA key in PKCS#8 (`BEGIN PRIVATE KEY`, what the Vonage dashboard downloads)
 * or PKCS#1 (`BEGIN RSA PRIVATE KEY`). Messages name `input` and quote nothing of the value.
 */
export function checkPrivateKey(raw: string, input: string): PrivateKeyCheck {
  const expected = `'${input}' must be the PEM text of the Vonage application's private key (the private.key file the dashboard downloads, -----BEGIN PRIVATE KEY-----)`
  const reading = readPem(raw.trim())
  if (!reading.ok) {
    if (reading.reason === 'folded') return { error: `${expected}; its lines were joined with spaces (a YAML folded '>' scalar): use '|'.` }
    return {
      error: reading.reason === 'damaged' ? `'${input}' has a damaged PEM block: its base64 lines could not be read.` : `${expected}.`
    }
  }
  const keys = reading.blocks.filter(block => block.label.endsWith('PRIVATE KEY'))
  const key = keys[0]
  if (key === undefined) {
    const labels = [...new Set(reading.blocks.map(block => block.label))].join(', ')
    return {
      error: `${expected}; it holds ${labels}${labels.includes('PUBLIC KEY') ? ', the public half, which the dashboard keeps' : ''}.`
    }
  }
  if (keys.length > 1) return { error: `'${input}' holds ${keys.length} private keys; give the application's one key.` }
  if (key.label === 'ENCRYPTED PRIVATE KEY' || key.hasHeaders) {
    return { error: `'${input}' is encrypted with a passphrase; give the key as the dashboard downloads it, unencrypted, from a secret.` }
  }
  if (key.label === 'OPENSSH PRIVATE KEY') {
    return { error: `'${input}' is an OpenSSH key; a Vonage application's key is PEM (-----BEGIN PRIVATE KEY-----).` }
  }
  let type: string | undefined
  try {
    type = createPrivateKey({ key: key.pem, format: 'pem' }).asymmetricKeyType
  } catch {
    return { error: `'${input}' could not be read as a private key: its PEM block is damaged.` }
  }
  if (type !== 'rsa')
    return { error: `'${input}' must be an RSA key, which RS256 signs with; this one is ${type ?? 'of an unknown type'}.` }
  return { pem: key.pem }
}
