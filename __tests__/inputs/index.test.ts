/**
 * readPlan over plain inputs: the whole Plan each operation gets, compared strictly (no key that
 * should be absent, no default left out), what each operation ignores, every problem reported at
 * once whatever else is wrong, and a refusal for each input.
 */
import { describe, expect, it } from 'vitest'
import { readPlan, type PlanResult } from '../../src/inputs/index.js'

const now = new Date('2026-11-27T12:00:00Z')
const s3 = {
  'api-key': '46000042',
  'api-secret': 'api-secret-value',
  bucket: 'acme-archives',
  'access-key': 'AKIA01',
  'secret-key': 'secret/key+1'
}
const azure = {
  'api-key': '46000042',
  'api-secret': 'api-secret-value',
  type: 'azure',
  'account-name': 'acmestorage',
  'account-key': 'a2V5',
  container: 'archives'
}

function plan(inputs: Record<string, string>): PlanResult {
  return readPlan(name => inputs[name] ?? '', now)
}
function problemsOf(inputs: Record<string, string>): string[] {
  const result = plan(inputs)
  return result.ok ? [] : result.problems.map(p => p.input)
}

describe('readPlan', () => {
  it('reads an Azure target, lower-casing the domain', () => {
    const result = plan({ ...azure, domain: 'Core.ChinaCloudAPI.cn' })
    expect(result.ok && result.plan.target).toEqual({
      type: 'azure',
      accountName: 'acmestorage',
      accountKey: 'a2V5',
      container: 'archives',
      domain: 'core.chinacloudapi.cn'
    })
  })

  it('reports every problem at once, each naming its input', () => {
    const result = plan({
      'api-key': 'a b',
      type: 's3',
      sse: 'kms',
      fallback: 'maybe',
      'dry-run': 'yes',
      'max-attempts': '0',
      'timeout-seconds': '1.5'
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map(p => p.input).sort()).toEqual(
      [
        'access-key',
        'api-key',
        'api-secret',
        'bucket',
        'dry-run',
        'fallback',
        'max-attempts',
        'secret-key',
        'sse',
        'timeout-seconds'
      ].sort()
    )
    for (const problem of result.problems) expect(problem.message).toContain(`'${problem.input}'`)
  })

  it.each([
    ['api-key', '12345/../x'],
    ['api-key', 'x'.repeat(65)],
    ['bucket', 'ab'],
    ['bucket', 'has space'],
    ['endpoint', 'storage.googleapis.com'],
    ['endpoint', 'https://user:pw@storage.example.com'],
    ['api-url', 'http://api.opentok.com'],
    ['api-url', 'ftp://127.0.0.1'],
    ['api-url', 'https://api.opentok.com/?x=1'],
    ['operation', 'remove'],
    ['type', 'gcs'],
    ['fail-on-error', 'no'],
    ['verify', '1'],
    ['max-attempts', '11'],
    ['timeout-seconds', '0'],
    ['secret-key', 'two\nlines']
  ])("refuses '%s' = %j", (input, value) => {
    expect(problemsOf({ ...s3, [input]: value })).toEqual([input])
  })

  it.each([
    ['account-name', 'Acme_Storage'],
    ['account-key', 'not base64!'],
    ['container', 'Archives'],
    ['container', 'a--b'],
    ['domain', 'https://core.windows.net/archives'],
    ['bucket', 'acme-archives'],
    ['endpoint', 'https://s3.example.com'],
    ['sse', 'none']
  ])("refuses '%s' = %j with type azure", (input, value) => {
    expect(problemsOf({ ...azure, [input]: value })).toEqual([input])
  })

  it('names the azure inputs given with type s3', () => {
    expect(problemsOf({ ...s3, 'account-name': 'acmestorage', 'account-key': 'a2V5' })).toEqual(['account-name', 'account-key'])
  })

  it('allows http:// api-url on loopback hosts only', () => {
    for (const url of ['http://127.0.0.1:8080', 'http://localhost:1', 'http://[::1]:9'])
      expect(problemsOf({ ...s3, 'api-url': url })).toEqual([])
    for (const url of ['http://127.0.0.1.example.com', 'http://10.0.0.1'])
      expect(problemsOf({ ...s3, 'api-url': url })).toEqual(['api-url'])
  })

  it('drops a trailing slash from api-url and endpoint', () => {
    const result = plan({ ...s3, 'api-url': 'https://api.example.com/', endpoint: 'https://s3.example.com/' })
    expect(result.ok && result.plan.apiUrl).toBe('https://api.example.com')
    expect(result.ok && result.plan.target?.type === 's3' && result.plan.target.endpoint).toBe('https://s3.example.com')
  })

  it('needs no storage inputs for delete, and warns about ones that are ignored', () => {
    const result = plan({ 'api-key': '46000042', 'api-secret': 's', operation: 'delete', bucket: 'acme' })
    expect(result.ok).toBe(true)
    expect(result.ok && result.plan.target).toBeUndefined()
    expect(result.ok && result.ignored).toEqual(['bucket'])
  })

  it('accepts the boolean spellings of the YAML core schema', () => {
    const result = plan({ ...s3, 'dry-run': 'True', 'fail-on-error': 'FALSE', verify: 'false' })
    expect(result.ok && [result.plan.dryRun, result.plan.failOnError, result.plan.verify]).toEqual([true, false, false])
  })
})

describe('the plan of each operation', () => {
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
          rescue: false,
          rescueMaxBytes: 53_687_091_200,
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
      rescue: false,
      rescueMaxBytes: 53_687_091_200,
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

const project = { 'api-key': '46000042', 'api-secret': 'api-secret-value' }

describe('validation does not depend on other inputs', () => {
  it('delete asks for no target inputs and warns once about those given', () => {
    const result = plan({ ...project, operation: 'delete', type: 'gcs', bucket: 'Not A Bucket', 'secret-key': 'x', certificate: 'junk' })
    expect(result.ok && result.ignored).toEqual(['type', 'bucket', 'secret-key', 'certificate'])
    expect(result.warnings).toEqual([])
  })

  it('a bad type still reports a bad bucket, a bad container and a bad endpoint', () => {
    expect(problemsOf({ ...project, type: 'gcs', bucket: 'Bad_Bucket!', container: 'Archives' }).sort()).toEqual([
      'bucket',
      'container',
      'type'
    ])
    expect(problemsOf({ ...project, type: 'gcs', endpoint: 'storage.googleapis.com' }).sort()).toEqual(['endpoint', 'type'])
  })

  it('a bad operation still reports the target inputs', () => {
    expect(problemsOf({ ...s3, operation: 'remove', bucket: 'UPPER' }).sort()).toEqual(['bucket', 'operation'])
  })

  it('bad credentials still report the target inputs, and the other way round', () => {
    expect(problemsOf({ ...s3, 'api-key': 'a b', fallback: 'keep' }).sort()).toEqual(['api-key', 'fallback'])
  })
})
