/** The length limit of every input, checked before anything else is read. */
import { describe, expect, it } from 'vitest'
import { INPUT_LIMITS, overlongInputs } from '../../src/inputs/limits.js'
import { actionInputs } from '../support/run-action.js'

describe('limits', () => {
  it('has a limit for every input of action.yml, and only for those', () => {
    expect(Object.keys(INPUT_LIMITS).sort()).toEqual(Object.keys(actionInputs()).sort())
  })

  it('names each over-long input with its limit, echoing the start of a plain value and nothing of a secret', () => {
    const values: Record<string, string> = { project: 'x'.repeat(65), 'account-key': 'k'.repeat(1025), bucket: 'b'.repeat(255) }
    expect(overlongInputs(name => values[name] ?? '')).toEqual([
      { input: 'project', message: `'project' is 65 characters long, starting '${'x'.repeat(40)}…'; it takes at most 64.` },
      { input: 'account-key', message: "'account-key' is 1025 characters long; it takes at most 1024." }
    ])
  })

  it('counts a value without the spaces around it, as it is read', () => {
    expect(overlongInputs(name => (name === 'timeout-seconds' ? `  ${'3'.repeat(16)}  ` : ''))).toEqual([])
    expect(overlongInputs(name => (name === 'timeout-seconds' ? ` ${'3'.repeat(17)} ` : ''))).toEqual([
      { input: 'timeout-seconds', message: `'timeout-seconds' is 17 characters long, starting '${'3'.repeat(17)}'; it takes at most 16.` }
    ])
  })

  it('takes a private key in api-secret, as the OpenTok SDKs pass an application key', () => {
    expect(overlongInputs(name => (name === 'api-secret' ? 'p'.repeat(3000) : ''))).toEqual([])
  })
})
