/** The shared readers of plain values: the length bound every input has, and how a value is shown back in a message. */
import { describe, expect, it } from 'vitest'
import { Findings, shown } from '../src/inputs/findings.js'

describe('the length bound', () => {
  const findings = (value: string) => new Findings(() => value)

  it('takes 1024 characters and refuses 1025, naming the input', () => {
    const f = findings('b'.repeat(1024))
    expect(f.required('bucket', '')).toBe('b'.repeat(1024))
    expect(f.optional('domain')).toBe('b'.repeat(1024))
    expect(f.problems).toEqual([])
    const g = findings('b'.repeat(1025))
    expect(g.required('bucket', '')).toBeUndefined()
    expect(g.optional('domain')).toBeUndefined()
    expect(g.problems).toEqual([
      { input: 'bucket', message: "'bucket' is longer than 1024 characters." },
      { input: 'domain', message: "'domain' is longer than 1024 characters." }
    ])
  })
})

describe('a value shown in a message', () => {
  it('is kept on one line', () => {
    expect(shown('first\nsecond\r\tthird')).toBe('first second  third')
  })

  it('is shown whole up to 40 characters, and cut with … after', () => {
    expect(shown('x'.repeat(40))).toBe('x'.repeat(40))
    expect(shown('x'.repeat(41))).toBe(`${'x'.repeat(40)}…`)
  })
})
