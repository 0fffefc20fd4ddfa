/**
 * The secret inputs, masked with the runner before anything else is done: which inputs, each value
 * as given and trimmed, and a certificate only when it holds a private key.
 */
import { describe, expect, it } from 'vitest'
import { maskSecretInputs } from '../../src/inputs/secrets.js'
import { makeCertificateWithKey } from '../support/certificates.js'

const s3 = {
  'api-key': '46000042',
  'api-secret': 'api-secret-value',
  bucket: 'acme-archives',
  'access-key': 'AKIA01',
  'secret-key': 'secret/key+1'
}

describe('maskSecretInputs, over the inputs of a run', () => {
  it('masks every secret input that was given, and nothing else', () => {
    const masked: string[] = []
    maskSecretInputs(
      name => ({ ...s3, 'account-key': 'k2' })[name] ?? '',
      secret => masked.push(secret)
    )
    expect(masked).toEqual(['api-secret-value', 'secret/key+1', 'k2'])
  })
})

describe('maskSecretInputs, value by value', () => {
  it('masks each secret input given, trimmed and as given, and skips those left empty or blank', () => {
    const masked: string[] = []
    const values: Record<string, string> = { 'api-secret': '  secret-one  ', 'secret-key': '   ', 'account-key': '' }
    maskSecretInputs(
      name => values[name] ?? '',
      secret => masked.push(secret)
    )
    expect(masked).toEqual(['  secret-one  ', 'secret-one'])
  })

  it('masks a certificate input only when it holds a private key, line by line', () => {
    const { cert, key } = makeCertificateWithKey()
    const masked: string[] = []
    maskSecretInputs(
      name => (name === 'certificate' ? cert : ''),
      secret => masked.push(secret)
    )
    expect(masked).toEqual([])
    maskSecretInputs(
      name => (name === 'certificate' ? `${cert}${key}` : ''),
      secret => masked.push(secret)
    )
    for (const line of key.split('\n').filter(l => l.length >= 8 && !l.startsWith('-----'))) expect(masked).toContain(line)
  })
})
