/** The secret inputs, masked with the runner before anything else is done. */
import { holdsPrivateKey, readPem } from '../pem.js'
import type { InputReader } from './findings.js'

/** Inputs whose values are secrets. They always come from inputs (a configuration file may not hold them). */
export const SECRET_INPUTS = ['api-secret', 'private-key', 'secret-key', 'account-key', 'github-token'] as const

/**
 * The values to register for one secret: the value as given and trimmed, and for a multi-line
 * value (a PEM key) each of its lines and the lines of its clean PEM form, since the runner masks
 * what it is given and a printed line would otherwise show. Armour lines are no secret, and very
 * short lines (a last base64 line such as "Zg==") would make the runner mask that text everywhere.
 */
export function maskValuesOf(raw: string): string[] {
  const values = new Set<string>([raw, raw.trim()])
  const texts = [raw]
  if (/-----BEGIN |\\n/.test(raw) || holdsPrivateKey(raw)) {
    const reading = readPem(raw)
    if (reading.ok) texts.push(...reading.blocks.map(block => block.pem))
  }
  for (const text of texts) {
    values.add(text)
    for (const line of text.replace(/\\r\\n|\\n/g, '\n').split(/\r?\n/)) {
      const trimmed = line.trim()
      if (trimmed.length >= 8 && !trimmed.startsWith('-----')) values.add(trimmed)
    }
  }
  values.delete('')
  return [...values]
}

/**
 * Masks every secret input that was given, and a `certificate` that holds a private key (it is
 * then refused, but its value must never be printed).
 */
export function maskSecretInputs(read: InputReader, mask: (secret: string) => void): void {
  for (const name of SECRET_INPUTS) {
    const value = read(name)
    if (value.trim() !== '') for (const secret of maskValuesOf(value)) mask(secret)
  }
  const certificate = read('certificate')
  if (holdsPrivateKey(certificate)) for (const secret of maskValuesOf(certificate)) mask(secret)
}
