/**
 * Inputs through the committed dist/ as users type them: values in any case, limits on every input,
 * and messages that name the right thing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { startLoopbackProxy } from '../support/loopback-proxy.js'
import { startStandIn } from '../support/opentok-standin.js'
import { findLeaks, runAction, type ActionRun } from '../support/run-action.js'

describe('values as users type them', () => {
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

  const errorsOf = (run: ActionRun) => run.stdout.split('\n').filter(line => line.startsWith('::error'))

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

const project = { apiKey: '46000055', apiSecret: 'round-two-api-secret-0a1b2c3d4e' }
const s3 = { bucket: 'acme-archives', 'access-key': 'AKIAROUNDTWO01', 'secret-key': 'round/two/secret+key/0a1b2c3d' }
const appId = 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b'

let standIn: Awaited<ReturnType<typeof startStandIn>>
beforeAll(async () => {
  standIn = await startStandIn(project)
})
afterAll(() => standIn.close())
beforeEach(() => {
  standIn.requests.length = 0
})

const act = (inputs: Record<string, string>, options: { env?: Record<string, string>; cwd?: string } = {}): Promise<ActionRun> =>
  runAction(
    { 'api-key': project.apiKey, 'api-secret': project.apiSecret, 'api-url': standIn.url, verify: 'false', ...s3, ...inputs },
    { node: inject('node24'), ...options }
  )

describe('limits on every input', () => {
  it('refuses a 100 kB project with the limit, echoing only its start', async () => {
    const run = await act({ project: 'p'.repeat(100_000) })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`'project' is 100000 characters long, starting '${'p'.repeat(40)}…'; it takes at most 64.`)
    expect(run.summary.length).toBeLessThan(5000)
    expect(run.stdout.length).toBeLessThan(5000)
  })

  it('refuses an over-long secret without echoing any of it', async () => {
    const key = 'k'.repeat(5000)
    const run = await act({ 'secret-key': key })
    expect(run.stdout).toContain("'secret-key' is 5000 characters long; it takes at most 1024.")
    expect(findLeaks(run, [key])).toEqual([])
  })
})

describe('messages that name the right thing', () => {
  it('names HTTPS_PROXY when it is not a URL', async () => {
    const run = await act({}, { env: { HTTPS_PROXY: 'not a url' } })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('The environment variable HTTPS_PROXY is not a proxy URL')
    expect(standIn.requests).toHaveLength(0)
  })

  it('names the SDK-style pair as it was given on a 401', async () => {
    const { generateKeyPairSync } = await import('node:crypto')
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    standIn.answer({ status: 401, body: '{}' })
    const run = await act({ 'api-key': appId, 'api-secret': pem })
    expect(run.stdout).toMatch(/answered 401: .*Check 'api-key' and 'api-secret'/)
  })

  it("names the platform and the mode in a Vonage dry run's log line and summary", async () => {
    const run = await act({ 'api-key': '', 'api-secret': '', 'application-id': appId, 'dry-run': 'true', 'secret-key': '' })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`Dry run of setting the archive upload target of Vonage application ${appId} through`)
    expect(run.summary).toContain('<h3>Vonage Video archive upload target (dry run)</h3>')
  })

  it('suggests no bucket name it would have to invent, and shows invisible characters', async () => {
    const accented = await act({ bucket: 'tríal-bücket' })
    expect(accented.stdout).not.toContain('Did you mean')
    expect(accented.stdout).toContain("'í' (\\u00ed)")
    const hidden = await act({ bucket: 'acme\u200barchives' })
    expect(hidden.stdout).toContain("'\\u200b'")
    const spaced = await act({ bucket: 'Acme Archives' })
    expect(spaced.stdout).toContain("Did you mean 'acme-archives'?")
  })

  it('warns that a plain http:// endpoint to another host carries the archives in clear text', async () => {
    const run = await act({ endpoint: 'http://minio.internal:9000', 'dry-run': 'true' })
    expect(run.stdout).toContain("::warning::'endpoint' is plain http:// to 'minio.internal'")
    const local = await act({ endpoint: 'http://127.0.0.1:9000', 'dry-run': 'true' })
    expect(local.stdout).not.toContain('plain http://')
  })

  it('shows no "experimental" warning from the proxy agent', async () => {
    const proxy = await startLoopbackProxy()
    try {
      const run = await act({ 'api-url': standIn.url }, { env: { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url } })
      expect(run.code).toBe(0)
      expect(run.stderr).not.toMatch(/experimental/i)
    } finally {
      await proxy.close()
    }
  })
})
