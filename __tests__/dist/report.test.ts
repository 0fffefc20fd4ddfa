/**
 * What a run tells the workflow, through the committed dist/: every failure in the job summary and
 * the outputs, and outputs that never read like success after a failure.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { makeCertificateWithKey } from '../support/certificates.js'
import { startStandIn } from '../support/opentok-standin.js'
import { findLeaks, runAction, type ActionRun } from '../support/run-action.js'

const project = { apiKey: '46000099', apiSecret: 'hardening-api-secret-5b7c9d1e3f' }
const s3 = { bucket: 'acme-archives', 'access-key': 'AKIAHARDENING01', 'secret-key': 'hardening/secret+key/0a1b2c3d' }
const { cert } = makeCertificateWithKey()

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

describe('every failure is reported where users look', () => {
  it('input errors write the summary table and the outputs', async () => {
    const run = await act({ type: 'gcs', bucket: 'Bad Bucket', 'max-attempts': '0' })
    expect(run.code).toBe(1)
    expect(run.outputs).toEqual({ result: 'refused', status: '', attempts: '0', target: '', verified: 'skipped' })
    expect(run.summary).toContain('invalid settings')
    for (const input of ['type', 'bucket', 'max-attempts']) expect(run.summary).toContain(`| \`${input}\` | \`input\` |`)
    expect(run.summary).toContain("`'type' must be one of 's3', 'azure'; got 'gcs'.`")
    expect(run.summary).toContain('example-org/video-app · Deploy #56')
  })

  it('a failed storage check says "not sent" in the summary', async () => {
    const run = await act({ verify: 'true', endpoint: 'http://127.0.0.1:9', 'max-attempts': '1' })
    expect(run.code).toBe(1)
    expect(standIn.requests).toHaveLength(0)
    expect(run.summary).toContain('| Status | `not sent` |')
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

describe('outputs that never read like success after a failure', () => {
  const project = { apiKey: '46000055', apiSecret: 'round-two-api-secret-0a1b2c3d4e' }
  const s3 = { bucket: 'acme-archives', 'access-key': 'AKIAROUNDTWO01', 'secret-key': 'round/two/secret+key/0a1b2c3d' }

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

  it.each([
    ['a 403', [{ status: 403, body: '{}' }]],
    [
      'a 500 three times',
      [
        { status: 500, body: '{}' },
        { status: 500, body: '{}' },
        { status: 500, body: '{}' }
      ]
    ]
  ])('%s: result failed, and no target', async (_name, answers) => {
    standIn.answer(...answers)
    const run = await act({})
    expect(run.outputs).toMatchObject({ result: 'failed', target: '', attempts: String(answers.length) })
  })

  it('no answer: failed, and no target', async () => {
    const run = await act({ 'api-url': 'http://127.0.0.1:9', 'max-attempts': '1' })
    expect(run.outputs).toMatchObject({ result: 'failed', target: '', status: '' })
    expect(run.stdout).toMatch(
      /::error::PUT http:\/\/127\.0\.0\.1:9\/.* got no answer after 1 attempt\(s\): ECONNREFUSED.* The vendor's address is 'api-url' \(http:\/\/127\.0\.0\.1:9\): check it/
    )
  })

  it('accepted without the storage check is unverified; with it, set; a dry run and a delete say so', async () => {
    expect((await act({})).outputs).toMatchObject({ result: 'unverified', target: 's3://acme-archives' })
    expect((await act({ 'dry-run': 'true' })).outputs).toMatchObject({ result: 'dry-run', target: 's3://acme-archives' })
    expect((await act({ operation: 'delete', bucket: '', 'access-key': '', 'secret-key': '' })).outputs).toMatchObject({
      result: 'deleted',
      target: ''
    })
    expect((await act({ bucket: 'Bad_Bucket' })).outputs).toMatchObject({ result: 'refused', target: '' })
  })

  it('sends a DELETE without a content type', async () => {
    await act({ operation: 'delete', bucket: '', 'access-key': '', 'secret-key': '' })
    expect(standIn.requests[0]!.method).toBe('DELETE')
    expect(standIn.requests[0]!.headers['content-type']).toBeUndefined()
    expect(standIn.violations()).toEqual([])
  })
})
