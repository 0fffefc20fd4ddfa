import { describe, expect, it } from 'vitest'
import { maskSecretInputs, readPlan, type PlanResult } from '../src/inputs/index.js'

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

describe('maskSecretInputs', () => {
  it('masks every secret input that was given, and nothing else', () => {
    const masked: string[] = []
    maskSecretInputs(
      name => ({ ...s3, 'account-key': 'k2' })[name] ?? '',
      secret => masked.push(secret)
    )
    expect(masked).toEqual(['api-secret-value', 'secret/key+1', 'k2'])
  })
})
