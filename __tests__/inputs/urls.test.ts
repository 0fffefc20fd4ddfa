/**
 * The two URL inputs as users type them: the S3-compatible `endpoint` (where the vendor uploads
 * archives) and `api-url` (where the signed token goes). Each case states what the action keeps,
 * refuses or warns about, word for word, on its own and through readPlan.
 */
import { describe, expect, it } from 'vitest'
import { Findings } from '../../src/inputs/findings.js'
import { readPlan, type PlanResult } from '../../src/inputs/index.js'
import { readApiUrl, readEndpoint } from '../../src/inputs/urls.js'
import { buildRequest } from '../../src/storage.js'

const ENDPOINT_RULE =
  "'endpoint' must be the base URL of an S3-compatible service, with http:// or https:// (e.g. https://storage.googleapis.com), without credentials, path, query or fragment"
const API_URL_RULE =
  "'api-url' must be the base URL of the vendor's REST API, such as https://api.opentok.com or https://video.api.vonage.com (http:// only for 127.0.0.1, ::1 or localhost), without credentials, path, query or fragment"

function reading(read: (f: Findings) => string | undefined | null, name: string, value: string) {
  const f = new Findings(input => (input === name ? value : ''))
  const result = read(f)
  return { result, problems: f.problems.map(p => `${p.input}: ${p.message}`), warnings: f.warnings }
}
const endpoint = (value: string) => reading(readEndpoint, 'endpoint', value)
const apiUrl = (value: string) => reading(readApiUrl, 'api-url', value)

describe("'endpoint'", () => {
  it('is not required', () => {
    expect(endpoint('  ')).toEqual({ result: undefined, problems: [], warnings: [] })
  })

  it.each([
    ['https://storage.googleapis.com', 'https://storage.googleapis.com'],
    ['https://storage.googleapis.com/', 'https://storage.googleapis.com'],
    ['https://storage.googleapis.com//', 'https://storage.googleapis.com'],
    ['  HTTPS://Minio.Example:9000 ', 'https://minio.example:9000']
  ])('keeps scheme and host of %j', (value, kept) => {
    expect(endpoint(value)).toEqual({ result: kept, problems: [], warnings: [] })
  })

  it('suggests https:// when the scheme is missing', () => {
    expect(endpoint('minio.example:9000').problems).toEqual([
      `endpoint: ${ENDPOINT_RULE}; got 'minio.example:9000'. Did you mean 'https://minio.example:9000'?`
    ])
  })

  it('looks for the scheme at the start only', () => {
    // A scheme-looking run later in the value does not make it a URL with http:// or https://.
    expect(endpoint('minio.example:9000/?to=https://x').problems).toEqual([
      `endpoint: ${ENDPOINT_RULE}; got 'minio.example:9000/?to=https://x'. Did you mean 'https://minio.example:9000/?to=https://x'?`
    ])
  })

  it.each([
    'ftp://storage.example',
    'https://user:pass@storage.example',
    'https://user@storage.example',
    'https://storage.example?bucket=x',
    'https://storage.example#x',
    'https://bad host.example'
  ])('refuses %j with the rule', value => {
    expect(endpoint(value)).toEqual({ result: null, problems: [`endpoint: ${ENDPOINT_RULE}.`], warnings: [] })
  })

  it('refuses a path, and says the bucket goes in its own input', () => {
    expect(endpoint('https://s3.example.com/acme-archives/').problems).toEqual([
      `endpoint: ${ENDPOINT_RULE}; got the path '/acme-archives/'. The bucket goes in 'bucket', and the service's address alone in 'endpoint' (https://s3.example.com).`
    ])
  })

  it('takes 1024 characters and refuses 1025', () => {
    const base = 'https://storage.example'
    expect(endpoint(base + '/'.repeat(1024 - base.length))).toMatchObject({ result: base, problems: [] })
    expect(endpoint(base + '/'.repeat(1025 - base.length))).toEqual({
      result: null,
      problems: ["endpoint: 'endpoint' is longer than 1024 characters."],
      warnings: []
    })
  })

  it('warns that plain http:// to another host uploads archives unencrypted', () => {
    expect(endpoint('http://minio.internal:9000')).toEqual({
      result: 'http://minio.internal:9000',
      problems: [],
      warnings: [
        "'endpoint' is plain http:// to 'minio.internal': the vendor uploads archives to it unencrypted, and the storage requests can be read on the way. Use https:// unless the service is reachable only over a network you trust."
      ]
    })
  })

  it.each(['http://127.0.0.1:9000', 'http://[::1]:9000', 'http://localhost:9000'])('does not warn about loopback %j', value => {
    expect(endpoint(value)).toEqual({ result: value, problems: [], warnings: [] })
  })
})

describe("'api-url'", () => {
  it('is not required', () => {
    expect(apiUrl('')).toEqual({ result: undefined, problems: [], warnings: [] })
  })

  it.each([
    ['https://api.opentok.com', 'https://api.opentok.com'],
    ['https://api.opentok.com/', 'https://api.opentok.com'],
    ['https://video.api.vonage.com/v2', 'https://video.api.vonage.com'],
    ['https://video.api.vonage.com/V2//', 'https://video.api.vonage.com'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://[::1]:8080/', 'http://[::1]:8080'],
    ['http://localhost:8080', 'http://localhost:8080']
  ])('keeps the origin of %j', (value, kept) => {
    expect(apiUrl(value)).toEqual({ result: kept, problems: [], warnings: [] })
  })

  it('refuses plain http:// to another host, since the signed token would travel unencrypted', () => {
    expect(apiUrl('http://api.opentok.com').problems).toEqual([
      `api-url: ${API_URL_RULE}; plain http:// to 'api.opentok.com' would send the signed token unencrypted.`
    ])
  })

  it.each([
    'api.opentok.com',
    'ftp://api.opentok.com',
    'https://key:secret@api.opentok.com',
    'https://api.opentok.com?x=1',
    'https://api.opentok.com#v2'
  ])('refuses %j with the rule', value => {
    expect(apiUrl(value)).toEqual({ result: null, problems: [`api-url: ${API_URL_RULE}.`], warnings: [] })
  })

  it('refuses any path but /v2, and says the action adds the rest', () => {
    expect(apiUrl('https://api.opentok.com/v2/project').problems).toEqual([
      `api-url: ${API_URL_RULE}; got the path '/v2/project'. The action adds /v2/project/{id}/archive/storage itself.`
    ])
  })

  it('takes 1024 characters and refuses 1025', () => {
    const base = 'https://api.opentok.com'
    expect(apiUrl(base + '/'.repeat(1024 - base.length))).toMatchObject({ result: base, problems: [] })
    expect(apiUrl(base + '/'.repeat(1025 - base.length))).toEqual({
      result: null,
      problems: ["api-url: 'api-url' is longer than 1024 characters."],
      warnings: []
    })
  })
})

const now = new Date('2026-11-27T12:00:00Z')
const project = { 'api-key': '46000042', 'api-secret': 'api-secret-value' }
const s3 = { ...project, bucket: 'acme-archives', 'access-key': 'AKIA01', 'secret-key': 'secret/key+1' }

const plan = (inputs: Record<string, string>): PlanResult => readPlan(name => inputs[name] ?? '', now)
const problemsOf = (inputs: Record<string, string>): string[] => {
  const result = plan(inputs)
  return result.ok ? [] : result.problems.map(p => p.input)
}
const messagesOf = (inputs: Record<string, string>): string => {
  const result = plan(inputs)
  return result.ok ? '' : result.problems.map(p => p.message).join('\n')
}

describe('URLs', () => {
  it('normalises the endpoint scheme and host and drops a trailing slash', () => {
    const result = plan({ ...s3, endpoint: 'HTTPS://Storage.GoogleAPIs.com/' })
    expect(result.ok && result.plan.target?.type === 's3' && result.plan.target.endpoint).toBe('https://storage.googleapis.com')
  })

  it.each([
    ['https://s3.example.com/acme-archives', /got the path '\/acme-archives'.*The bucket goes in 'bucket'/],
    ['storage.googleapis.com', /Did you mean 'https:\/\/storage\.googleapis\.com'/],
    [`https://${'a'.repeat(1100)}.com`, /longer than 1024 characters/]
  ])('refuses the endpoint %j, explaining why', (endpoint, reason) => {
    expect(messagesOf({ ...s3, endpoint })).toMatch(reason)
  })

  it.each(['https://api.opentok.com/', 'https://api.opentok.com/v2', 'https://api.opentok.com/v2/', 'HTTPS://API.OPENTOK.COM'])(
    'reads api-url %j as https://api.opentok.com, never /v2/v2',
    apiUrl => {
      const result = plan({ ...s3, 'api-url': apiUrl })
      expect(result.ok && buildRequest(result.plan).url).toBe('https://api.opentok.com/v2/project/46000042/archive/storage')
    }
  )

  it.each(['https://api.opentok.com/v3', 'https://api.opentok.com/v2/project/46000042/archive/storage'])(
    'refuses api-url %j naming it',
    apiUrl => {
      expect(problemsOf({ ...s3, 'api-url': apiUrl })).toEqual(['api-url'])
      expect(messagesOf({ ...s3, 'api-url': apiUrl })).toMatch(/The action adds \/v2\/project\/\{id\}\/archive\/storage itself/)
    }
  )
})
