/**
 * The hardening of issue 9, through the committed dist/ under Node 24 as a runner runs it: no
 * private key ever sent or printed, certificates in every pasted form, values as users type them,
 * names judged before any request, every failure reported in the summary and outputs, proxies
 * named, and redaction that escaping cannot fool.
 */
import { X509Certificate } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { makeCertificateWithKey } from './support/certificates.js'
import { startStandIn } from './support/opentok-standin.js'
import { findLeaks, runAction, type ActionRun } from './support/run-action.js'

const project = { apiKey: '46000099', apiSecret: 'hardening-api-secret-5b7c9d1e3f' }
const s3 = { bucket: 'acme-archives', 'access-key': 'AKIAHARDENING01', 'secret-key': 'hardening/secret+key/0a1b2c3d' }
const { cert, key } = makeCertificateWithKey()
const keyLines = key.split('\n').filter(line => line.length >= 8 && !line.startsWith('-----'))

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

describe('a private key in certificate', () => {
  it.each([
    ['certificate then key', `${cert}${key}`],
    ['key then certificate', `${key}${cert}`],
    ['one line with literal \\n', `${cert}${key}`.trim().replace(/\n/g, '\\n')],
    ['base64 of both', Buffer.from(`${cert}${key}`).toString('base64')]
  ])('is refused before any request (%s), naming certificate, and no line of the key is printed', async (_case, certificate) => {
    const run = await act({ certificate })
    expect(run.code).toBe(1)
    expect(standIn.requests).toHaveLength(0)
    expect(errorsOf(run).join('\n')).toMatch(/'certificate' holds a private key.*must stay out of CI/)
    expect(run.stdout).toContain(`::add-mask::${certificate.trim().replace(/%/g, '%25').replace(/\n/g, '%0A')}`)
    for (const line of keyLines) expect(run.stdout).toContain(`::add-mask::${line}`)
    expect(findLeaks(run, [...secrets(), ...keyLines])).toEqual([])
    expect(run.outputs).toEqual({ result: 'refused', status: '', attempts: '0', target: '', verified: 'skipped' })
  })
})

describe('certificate forms', () => {
  const der = new X509Certificate(cert).raw
  it.each([
    ['CRLF', cert.replace(/\n/g, '\r\n')],
    ['indented', cert.replace(/^/gm, '    ')],
    ['one line with literal \\n', cert.trim().replace(/\n/g, '\\n')],
    ['base64 of the PEM', Buffer.from(cert).toString('base64')],
    ['a folded YAML scalar', cert.trim().replace(/\n/g, ' ')]
  ])('sends one clean PEM certificate, base64-encoded, when given %s', async (_case, certificate) => {
    const run = await act({ certificate })
    expect(run.code).toBe(0)
    expect(standIn.violations()).toEqual([])
    const sent = Buffer.from(JSON.parse(standIn.requests[0]!.body).certificate, 'base64').toString('utf8')
    expect(sent).toBe(cert.trim())
    expect(new X509Certificate(sent).raw.equals(der)).toBe(true)
  })
})

describe('values as users type them', () => {
  it('sends lower-case vendor values for S3, None, OpenTok', async () => {
    const run = await act({ type: 'S3', sse: 'None', fallback: 'OpenTok', certificate: 'None', 'dry-run': 'False' })
    expect(run.code).toBe(0)
    expect(JSON.parse(standIn.requests[0]!.body)).toMatchObject({
      type: 's3',
      fallback: 'opentok',
      certificate: null,
      config: { sse: 'none' }
    })
  })

  it('refuses an upper-case Amazon bucket before any request, suggesting the lower-case name', async () => {
    const run = await act({ bucket: 'AcmeArchives', verify: 'true' })
    expect(run.code).toBe(1)
    expect(standIn.requests).toHaveLength(0)
    expect(errorsOf(run).join()).toMatch(/'bucket' has upper-case letters.*did you mean 'acmearchives'/)
  })

  it('accepts an upper-case bucket on a custom endpoint (MinIO and others allow it)', async () => {
    const run = await act({ bucket: 'LegacyBucket', endpoint: 'HTTPS://MinIO.Example.com/' })
    expect(run.code).toBe(0)
    expect(JSON.parse(standIn.requests[0]!.body).config).toMatchObject({ bucket: 'LegacyBucket', endpoint: 'https://minio.example.com' })
  })

  it('reads api-url with a trailing /v2/ without doubling it', async () => {
    const run = await act({ 'api-url': `${standIn.url}/v2/` })
    expect(run.code).toBe(0)
    expect(standIn.requests[0]!.path).toBe(`/v2/project/${project.apiKey}/archive/storage`)
  })
})

describe('every failure is reported where users look', () => {
  it('input errors write the summary table and the outputs', async () => {
    const run = await act({ type: 'gcs', bucket: 'Bad Bucket', 'max-attempts': '0' })
    expect(run.code).toBe(1)
    expect(run.outputs).toEqual({ result: 'refused', status: '', attempts: '0', target: '', verified: 'skipped' })
    expect(run.summary).toContain('invalid settings')
    for (const input of ['type', 'bucket', 'max-attempts']) expect(run.summary).toContain(`<td>${input}</td><td>input</td>`)
    expect(run.summary).toMatch(/&#39;type&#39; must be one of &#39;s3&#39;, &#39;azure&#39;/)
    expect(run.summary).toContain('example-org/video-app · Deploy #56')
  })

  it('a failed storage check says "not sent" in the summary', async () => {
    const run = await act({ verify: 'true', endpoint: 'http://127.0.0.1:9', 'max-attempts': '1' })
    expect(run.code).toBe(1)
    expect(standIn.requests).toHaveLength(0)
    expect(run.summary).toContain('<td>Status</td><td>not sent</td>')
    expect(run.summary).not.toContain('no answer')
  })

  it('a local run without GITHUB_RUN_NUMBER never shows #NaN', async () => {
    const run = await act({}, { GITHUB_RUN_NUMBER: '', GITHUB_RUN_ID: '' })
    expect(run.code).toBe(0)
    expect(run.summary).not.toContain('NaN')
    expect(run.summary).toMatch(/example-org\/video-app · Deploy\n/)
  })

  it('certificate subjects render without backslash escapes', async () => {
    const run = await act({ certificate: cert })
    expect(run.summary).toContain('CN=archives.example.com, O=Acme Video')
    expect(run.summary).not.toMatch(/\\,/)
  })

  it('a proxy that cannot be reached is named by host and port, never its password', async () => {
    const password = 'proxy-hardening-pass-8e7d'
    const run = await act({ 'max-attempts': '2' }, { HTTP_PROXY: `http://ci:${password}@127.0.0.1:9` })
    expect(run.code).toBe(1)
    expect(errorsOf(run).join()).toMatch(
      new RegExp(
        `::error::Could not reach the proxy 127\\.0\\.0\\.1:9 \\(ECONNREFUSED\\) for PUT ${standIn.url.replace(/[.]/g, '\\.')}/v2/project/46000099/archive/storage after 2 attempt\\(s\\)`
      )
    )
    expect(findLeaks(run, [...secrets(), password])).toEqual([])
  })
})

describe('redaction that escaping cannot fool', () => {
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
