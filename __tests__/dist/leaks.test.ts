/**
 * Fault injection and the secret-leak scan, through the committed dist/ in a child process: each
 * scenario asserts its outcome, how many requests reached the stand-in and how long it took, and
 * that no secret (API secret, storage secret, account key, token, proxy password) appears
 * anywhere the action wrote except on its own ::add-mask:: line, which comes first; a vendor answer
 * that quotes the body in any escaping or encoding leaks nothing; and the scanner itself.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { startLoopbackProxy } from '../support/loopback-proxy.js'
import { startStandIn, type Script } from '../support/opentok-standin.js'
import { findLeaks, runAction, type ActionRun } from '../support/run-action.js'

const project = { apiKey: '46000077', apiSecret: 'leak-scan-api-secret-7f3a9c0b2e' }
const proxyPassword = 'proxy-pass-5d1e8b7a'
const s3 = { bucket: 'acme-archives', 'access-key': 'AKIALEAKSCAN0001', 'secret-key': 'leak/scan+secret/key/9b8c7d6e5f' }
const azure = {
  type: 'azure',
  'account-name': 'acmestorage',
  'account-key': 'bGVhay1zY2FuLWFjY291bnQta2V5LTEyMzQ1Njc4OQ==',
  container: 'archives'
}

let standIn: Awaited<ReturnType<typeof startStandIn>>
let proxy: Awaited<ReturnType<typeof startLoopbackProxy>>
beforeAll(async () => {
  standIn = await startStandIn(project)
  proxy = await startLoopbackProxy({ requireAuth: `ci-user:${proxyPassword}` })
})
afterAll(async () => {
  await standIn.close()
  await proxy.close()
})
beforeEach(() => {
  standIn.requests.length = 0
})

interface Scenario {
  name: string
  inputs?: Record<string, string>
  script?: Script[]
  env?: Record<string, string>
  code: 0 | 1
  requests: number
  status: string
  /** Upper bound on the run's duration, from the worst-case formula plus start-up slack. */
  withinMs: number
  says?: RegExp
}

const SLACK_MS = 3000
const scenarios: Scenario[] = [
  { name: 'success (s3)', inputs: s3, code: 0, requests: 1, status: '200', withinMs: SLACK_MS },
  { name: 'success (azure)', inputs: azure, code: 0, requests: 1, status: '200', withinMs: SLACK_MS },
  { name: 'delete', inputs: { operation: 'delete' }, code: 0, requests: 1, status: '204', withinMs: SLACK_MS },
  { name: 'dry run', inputs: { ...s3, 'dry-run': 'true' }, code: 0, requests: 0, status: '', withinMs: SLACK_MS },
  {
    name: 'debug logging on',
    inputs: s3,
    env: { RUNNER_DEBUG: '1' },
    code: 0,
    requests: 1,
    status: '200',
    withinMs: SLACK_MS,
    says: /::debug::Response body \(secrets redacted\): .*"secretKey":"\*\*\*"/
  },
  {
    name: '503, 503, then 200',
    inputs: s3,
    script: [{ status: 503 }, { status: 503 }],
    code: 0,
    requests: 3,
    status: '200',
    withinMs: 500 + 1000 + SLACK_MS,
    says: /Attempt 2 of 3 failed \(HTTP 503\); retrying in \d\.\d s\./
  },
  {
    name: '429 with Retry-After: 1',
    inputs: s3,
    script: [{ status: 429, headers: { 'retry-after': '1' } }],
    code: 0,
    requests: 2,
    status: '200',
    withinMs: 1000 + SLACK_MS,
    says: /retrying in 1\.0 s as Retry-After asks/
  },
  {
    name: 'connection reset, then 200',
    inputs: s3,
    script: [{ reset: true }],
    code: 0,
    requests: 2,
    status: '200',
    withinMs: 500 + SLACK_MS
  },
  {
    name: 'a server that never answers',
    inputs: { ...s3, 'max-attempts': '2', 'timeout-seconds': '1' },
    script: [{ hang: true }, { hang: true }],
    code: 1,
    requests: 2,
    status: '',
    withinMs: 2 * 1000 + 500 + SLACK_MS,
    says: /::error::PUT .* got no answer after 2 attempt\(s\): no answer within 1 s\./
  },
  {
    name: '400',
    inputs: s3,
    script: [{ status: 400, body: '{"code":-1,"message":"Invalid JSON"}' }],
    code: 1,
    requests: 1,
    status: '400',
    withinMs: SLACK_MS
  },
  { name: '403', inputs: s3, script: [{ status: 403 }], code: 1, requests: 1, status: '403', withinMs: SLACK_MS },
  { name: '418', inputs: s3, script: [{ status: 418 }], code: 1, requests: 1, status: '418', withinMs: SLACK_MS, says: /answered 418\./ },
  {
    name: 'through a proxy with a password',
    inputs: s3,
    env: { HTTP_PROXY: `http://ci-user:${proxyPassword}@127.0.0.1:PROXY_PORT`, RUNNER_DEBUG: '1' },
    code: 0,
    requests: 1,
    status: '200',
    withinMs: SLACK_MS
  },
  {
    name: 'bad input',
    inputs: { ...s3, sse: 'kms', 'secret-key': `${s3['secret-key']}\n` },
    code: 1,
    requests: 0,
    status: '',
    withinMs: SLACK_MS
  }
]

describe('dist/ under faults, scanned for secrets', () => {
  it.each(scenarios)('$name', async scenario => {
    standIn.answer(...(scenario.script ?? []))
    const env = Object.fromEntries(Object.entries(scenario.env ?? {}).map(([k, v]) => [k, v.replace('PROXY_PORT', String(proxy.port))]))
    const proxyRequestsBefore = proxy.seen.length
    const run: ActionRun = await runAction(
      { 'api-key': project.apiKey, 'api-secret': project.apiSecret, 'api-url': standIn.url, verify: 'false', ...scenario.inputs },
      { env }
    )
    expect({ code: run.code, requests: standIn.requests.length }).toEqual({ code: scenario.code, requests: scenario.requests })
    if (scenario.code === 0 || scenario.requests > 0) expect(run.outputs.status).toBe(scenario.status)
    if (scenario.requests > 0) expect(run.outputs.attempts).toBe(String(scenario.requests))
    expect(run.durationMs).toBeLessThan(scenario.withinMs)
    if (scenario.says) expect(run.stdout).toMatch(scenario.says)
    if (env.HTTP_PROXY) expect(proxy.seen.length - proxyRequestsBefore).toBe(1)

    const tokens = standIn.requests.map(r => String(r.headers['x-opentok-auth']))
    const secrets = [project.apiSecret, s3['secret-key'], azure['account-key'], proxyPassword, ...tokens]
    expect(findLeaks(run, secrets)).toEqual([])
    for (const token of tokens) expect(run.stdout).toContain(`::add-mask::${token}`)
    if (env.HTTP_PROXY) expect(run.stdout).toContain(`::add-mask::${proxyPassword}`)
  })
})

describe('findLeaks, the scanner itself', () => {
  const clean = { code: 0, stdout: '', stderr: '', outputs: {}, outputFile: '', summary: '', durationMs: 0 }
  const secret = 'S3cr"et\\va%lue'
  const masked = `::add-mask::${secret.replace(/%/g, '%25')}\n`
  it('finds a secret anywhere but on mask lines: stdout, stderr, outputs and summary', () => {
    expect(findLeaks({ ...clean, stdout: `x ${secret}\n${masked}` }, [secret])).toHaveLength(1)
    expect(findLeaks({ ...clean, stdout: `${masked}said ${secret}\n` }, [secret])).toHaveLength(1)
    expect(findLeaks({ ...clean, stdout: `said ${secret}\n` }, [secret]).join()).toMatch(/never masked/)
    expect(findLeaks({ ...clean, stdout: masked, stderr: secret }, [secret]).join()).toMatch(/^stderr: /)
    const both = findLeaks({ ...clean, stdout: masked, outputFile: secret, summary: secret }, [secret])
    expect(both.map(leak => leak.split(':')[0])).toEqual(['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY'])
  })
  it("finds it escaped: JSON at any depth, the runner's %25, HTML entities, URL-encoding, base64, stray backslashes", () => {
    const escapedTwice = JSON.stringify(JSON.stringify(secret)).slice(1, -1)
    for (const form of [
      JSON.stringify(secret),
      escapedTwice,
      escapedTwice.replace(/%/g, '%25'),
      secret.replace(/"/g, '&#34;'),
      encodeURIComponent(secret),
      Buffer.from(`xx${secret}yy`).toString('base64'),
      secret.split('').join('\\')
    ]) {
      expect(findLeaks({ ...clean, stdout: `${masked}::error::said ${form}\n` }, [secret]), form).not.toEqual([])
    }
  })
  it('accepts a secret only on mask lines', () => {
    expect(findLeaks({ ...clean, stdout: `${masked}::add-mask::other ${secret}\nall good\n` }, [secret])).toEqual([])
  })
})

describe('redaction that escaping cannot fool', () => {
  const project = { apiKey: '46000099', apiSecret: 'hardening-api-secret-5b7c9d1e3f' }
  const s3 = { bucket: 'acme-archives', 'access-key': 'AKIAHARDENING01', 'secret-key': 'hardening/secret+key/0a1b2c3d' }

  let standIn: Awaited<ReturnType<typeof startStandIn>>
  beforeAll(async () => {
    standIn = await startStandIn(project)
  })
  afterAll(() => standIn.close())
  beforeEach(() => {
    standIn.requests.length = 0
  })

  const act = (inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> =>
    runAction(
      { 'api-key': project.apiKey, 'api-secret': project.apiSecret, 'api-url': standIn.url, verify: 'false', ...s3, ...inputs },
      { node: inject('node24'), env }
    )
  const secrets = () => [project.apiSecret, s3['secret-key'], ...standIn.requests.map(r => String(r.headers['x-opentok-auth']))]
  const errorsOf = (run: ActionRun) => run.stdout.split('\n').filter(line => line.startsWith('::error'))

  it('property: a vendor answer quoting the body escaped 0 to 3 times leaks no form of the secret, debug on or off', async () => {
    const unit = fc.constantFrom(...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), '\n')
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit, minLength: 3, maxLength: 20 }).map(s => `Zq9${s}x7W`),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(400, 404, 500, 200),
        fc.boolean(),
        async (secretKey, depth, status, debug) => {
          standIn.requests.length = 0
          let quoted = JSON.stringify({ type: 's3', config: { bucket: s3.bucket, accessKey: s3['access-key'], secretKey } })
          for (let i = 0; i < depth; i++) quoted = JSON.stringify(quoted).slice(1, -1)
          const body = status === 200 ? quoted : JSON.stringify({ code: -1, message: `Invalid JSON data: ${quoted}` })
          standIn.answer({ status, body })
          const run = await act({ 'secret-key': secretKey, 'max-attempts': '1' }, debug ? { RUNNER_DEBUG: '1' } : {})
          if (run.code !== 0) expect(errorsOf(run).length).toBeGreaterThan(0)
          expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
          expect(findLeaks(run, [...secrets(), secretKey])).toEqual([])
        }
      ),
      { numRuns: 30 }
    )
  })

  it('property: a vendor answer quoting the body base64-encoded, escaped by any JSON encoder, leaks nothing', async () => {
    const unit = fc.constantFrom(...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)))
    const encoders: Array<(value: string) => string> = [
      value => JSON.stringify(value),
      value => JSON.stringify(value).replace(/\//g, '\\/'),
      value =>
        `"${[...value].map(c => (/[A-Za-z0-9]/.test(c) ? c : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)).join('')}"`
    ]
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit, minLength: 3, maxLength: 20 }).map(s => `Zq9${s}x7W`),
        fc.integer({ min: 0, max: encoders.length - 1 }),
        fc.string({ maxLength: 3 }),
        fc.constantFrom('base64', 'base64url'),
        fc.constantFrom(400, 200),
        async (secretKey, encoder, prefix, alphabet, status) => {
          standIn.requests.length = 0
          const echoed = `${prefix}{"type":"s3","config":{"secretKey":${encoders[encoder]!(secretKey)}},"fallback":"none"}`
          const encoded = Buffer.from(echoed).toString(alphabet as BufferEncoding)
          standIn.answer({ status, body: JSON.stringify({ code: -1, message: `got ${encoded}` }) })
          const run = await act({ 'secret-key': secretKey, 'max-attempts': '1' }, { RUNNER_DEBUG: '1' })
          expect(findLeaks(run, [...secrets(), secretKey])).toEqual([])
        }
      ),
      { numRuns: 25, seed: 1616 }
    )
  })
})
