/**
 * readPlan end to end over plain inputs: the whole Plan each operation gets, compared strictly (no
 * key that should be absent, no default left out), and what each operation ignores.
 */
import { describe, expect, it } from 'vitest'
import { readPlan } from '../src/inputs/index.js'

const now = new Date('2026-11-27T12:00:00Z')
const project = { 'api-key': '46000042', 'api-secret': 'project-secret' }
const credentials = { platform: 'opentok', apiKey: '46000042', apiSecret: 'project-secret' }
const s3 = { bucket: 'acme-archives', 'access-key': 'AKIA01', 'secret-key': 'secret/key+1' }
const read = (inputs: Record<string, string>) => readPlan(name => inputs[name] ?? '', now)

/** The plan every operation shares when only the credentials are given. */
const defaults = {
  credentials,
  fallback: 'none',
  certificate: { kind: 'unchanged' },
  apiUrl: 'https://api.opentok.com',
  dryRun: false,
  failOnError: true,
  verify: true,
  maxAttempts: 3,
  timeoutSeconds: 30,
  withheldSecrets: []
}

describe('the plan of each operation', () => {
  it("is a 'set' when no operation is given, with the S3 target and every default", () => {
    expect(read({ ...project, ...s3 })).toStrictEqual({
      ok: true,
      warnings: [],
      notices: [],
      ignored: [],
      plan: {
        ...defaults,
        operation: 'set',
        target: { type: 's3', bucket: 'acme-archives', accessKey: 'AKIA01', secretKey: 'secret/key+1', sse: 's3' }
      }
    })
  })

  it("of a 'delete' has no target, leaves fallback and certificate alone, and lists the target inputs it ignores", () => {
    expect(read({ ...project, operation: 'Delete' })).toStrictEqual({
      ok: true,
      warnings: [],
      notices: [],
      ignored: [],
      plan: { ...defaults, operation: 'delete' }
    })
    const ignoring = read({
      ...project,
      operation: 'delete',
      ...s3,
      type: 's3',
      fallback: 'opentok',
      'account-name': 'acme',
      certificate: 'x'
    })
    expect(ignoring.ok && ignoring.ignored).toEqual([
      'type',
      'bucket',
      'access-key',
      'secret-key',
      'account-name',
      'fallback',
      'certificate'
    ])
  })

  it("of an 'audit' without a target judges statuses alone, over the last day, with a two-hour grace", () => {
    expect(read({ ...project, operation: 'audit' })).toStrictEqual({
      ok: true,
      warnings: [],
      notices: [],
      ignored: [],
      plan: {
        ...defaults,
        operation: 'audit',
        audit: {
          since: new Date('2026-11-26T12:00:00Z'),
          uploadGraceMs: 7_200_000,
          checkObjects: false,
          statusesOnlyBecause: 'no storage target was given',
          trackingIssue: false,
          githubToken: ''
        }
      }
    })
  })

  it("of an 'audit' with an S3 target, no 'type' given, looks for each archive in it", () => {
    const result = read({ ...project, operation: 'audit', ...s3, fallback: 'opentok' })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.ignored).toEqual(['fallback'])
    expect(result.plan.target).toStrictEqual({
      type: 's3',
      bucket: 'acme-archives',
      accessKey: 'AKIA01',
      secretKey: 'secret/key+1',
      sse: 's3'
    })
    expect(result.plan.audit).toStrictEqual({
      since: new Date('2026-11-26T12:00:00Z'),
      uploadGraceMs: 7_200_000,
      checkObjects: true,
      trackingIssue: false,
      githubToken: ''
    })
    expect(result.plan.fallback).toBe('none')
  })

  it("of an 'audit' without the storage secret judges statuses alone and withholds nothing", () => {
    const result = read({ ...project, operation: 'audit', bucket: 'acme-archives', 'access-key': 'AKIA01' })
    expect(result.ok && result.plan.audit?.statusesOnlyBecause).toBe("'secret-key' was not given")
    expect(result.ok && result.plan.withheldSecrets).toEqual([])
    expect(result.ok && result.plan.dryRun).toBe(false)
  })

  it("of an 'audit' with 'verify: false' judges statuses alone and says why", () => {
    const result = read({ ...project, operation: 'audit', ...s3, verify: 'false' })
    expect(result.ok && result.plan.audit?.statusesOnlyBecause).toBe("'verify' is false")
  })

  it("refuses operation 'plan' here: the plan reads the configuration file on its own", () => {
    expect(read({ ...project, ...s3, operation: 'plan' })).toStrictEqual({
      ok: false,
      problems: [{ input: 'operation', message: "operation 'plan' reads the configuration file on its own." }],
      warnings: [],
      notices: []
    })
  })

  it('names every operation it takes when the operation is wrong', () => {
    const result = read({ ...project, ...s3, operation: 'remove' })
    expect(!result.ok && result.problems).toEqual([
      { input: 'operation', message: "'operation' must be one of 'set', 'delete', 'audit', 'plan'; got 'remove'." }
    ])
  })

  it('a dry run without secrets withholds both, the credential first', () => {
    const result = read({ 'api-key': '46000042', bucket: 'acme-archives', 'access-key': 'AKIA01', 'dry-run': 'true' })
    expect(result.ok && result.plan.withheldSecrets).toEqual(['api-secret', 'secret-key'])
  })
})
