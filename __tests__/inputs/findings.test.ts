/**
 * The shared readers of plain values: the length bound every input has, how a value is shown back
 * in a message, and values matched without regard to case.
 */
import { describe, expect, it } from 'vitest'
import { Findings, shown } from '../../src/inputs/findings.js'
import { readPlan, type PlanResult } from '../../src/inputs/index.js'
import { buildRequest } from '../../src/storage.js'

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

const now = new Date('2026-11-27T12:00:00Z')
const project = { 'api-key': '46000042', 'api-secret': 'api-secret-value' }
const s3 = { ...project, bucket: 'acme-archives', 'access-key': 'AKIA01', 'secret-key': 'secret/key+1' }
const azure = { ...project, type: 'azure', 'account-name': 'acmestorage', 'account-key': 'a2V5', container: 'archives' }

const plan = (inputs: Record<string, string>): PlanResult => readPlan(name => inputs[name] ?? '', now)

const messagesOf = (inputs: Record<string, string>): string => {
  const result = plan(inputs)
  return result.ok ? '' : result.problems.map(p => p.message).join('\n')
}

describe('values matched without regard to case', () => {
  it('reads S3, None, OpenTok and TRUE and sends the vendor its lower-case values', () => {
    const result = plan({
      ...s3,
      type: 'S3',
      sse: 'None',
      fallback: 'OpenTok',
      verify: 'FALSE',
      'dry-run': 'True',
      'fail-on-error': 'False'
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect([result.plan.dryRun, result.plan.verify, result.plan.failOnError]).toEqual([true, false, false])
    const body = JSON.parse(buildRequest(result.plan).body!)
    expect(body).toMatchObject({ type: 's3', fallback: 'opentok', config: { sse: 'none' } })
  })

  it('reads Azure, Delete and certificate None', () => {
    const azurePlan = plan({ ...azure, type: 'Azure', certificate: 'None' })
    expect(azurePlan.ok && JSON.parse(buildRequest(azurePlan.plan).body!)).toMatchObject({ type: 'azure', certificate: null })
    const deletePlan = plan({ ...project, operation: 'Delete' })
    expect(deletePlan.ok && buildRequest(deletePlan.plan).method).toBe('DELETE')
  })

  it('still refuses what no spelling makes valid, quoting the allowed values', () => {
    expect(messagesOf({ ...s3, sse: 'AES256' })).toContain("'sse' must be one of 's3', 'none'; got 'AES256'")
  })
})
