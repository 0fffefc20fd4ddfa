/**
 * Runs the committed dist/index.js in a child process, as a runner does, under Node 20 and
 * Node 24, against the loopback stand-in of the OpenTok endpoint.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { startStandIn } from '../support/opentok-standin.js'
import { findLeaks, runAction, type ActionRun } from '../support/run-action.js'

const project = { apiKey: '46000042', apiSecret: 'project-api-secret-d41d8cd98f00b204' }
const s3 = { bucket: 'acme-archives', 'access-key': 'AKIAEXAMPLEACCESS01', 'secret-key': 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }
const azure = {
  type: 'azure',
  'account-name': 'acmestorage',
  'account-key': 'YWNtZS1zdG9yYWdlLWFjY291bnQta2V5LTAxMjM0NTY3ODk=',
  container: 'archives'
}

let standIn: Awaited<ReturnType<typeof startStandIn>>
beforeAll(async () => {
  standIn = await startStandIn(project)
})
afterAll(async () => {
  await standIn.close()
})
beforeEach(() => {
  standIn.requests.length = 0
})

function secretsOf(): string[] {
  const tokens = standIn.requests.map(r => String(r.headers['x-opentok-auth'] ?? ''))
  return [project.apiSecret, s3['secret-key'], azure['account-key'], ...tokens]
}

function expectNoLeaks(run: ActionRun): void {
  expect(findLeaks(run, secretsOf())).toEqual([])
}

describe.each([
  ['Node 20', () => process.execPath],
  ['Node 24', () => inject('node24')]
])('dist/index.js under %s', (_name, nodeBinary) => {
  const act = (inputs: Record<string, string>): Promise<ActionRun> =>
    runAction(
      { 'api-key': project.apiKey, 'api-secret': project.apiSecret, 'api-url': standIn.url, verify: 'false', ...inputs },
      { node: nodeBinary() }
    )

  it('sets an S3 target with the defaults', async () => {
    const run = await act(s3)
    expect(run.code).toBe(0)
    expect(standIn.requests).toHaveLength(1)
    const request = standIn.requests[0]!
    expect(request.problems).toEqual([])
    expect(request.method).toBe('PUT')
    expect(JSON.parse(request.body)).toEqual({
      type: 's3',
      config: { bucket: 'acme-archives', accessKey: 'AKIAEXAMPLEACCESS01', secretKey: s3['secret-key'], sse: 's3' },
      fallback: 'none'
    })
    expect(request.headers['user-agent']).toMatch(/^opentok-archive-target-action\/\d+\.\d+\.\d+$/)
    expect(run.outputs).toEqual({ result: 'unverified', status: '200', attempts: '1', target: 's3://acme-archives', verified: 'skipped' })
    expect(run.summary).toContain('| Bucket | `acme-archives` |')
    expect(run.summary).toContain('example-org/video-app · Deploy #56')
    expectNoLeaks(run)
  })

  it('sends endpoint, sse none and fallback opentok as given', async () => {
    const run = await act({ ...s3, endpoint: 'https://storage.googleapis.com', sse: 'none', fallback: 'opentok' })
    expect(run.code).toBe(0)
    expect(JSON.parse(standIn.requests[0]!.body)).toEqual({
      type: 's3',
      config: {
        bucket: 'acme-archives',
        accessKey: 'AKIAEXAMPLEACCESS01',
        secretKey: s3['secret-key'],
        endpoint: 'https://storage.googleapis.com',
        sse: 'none'
      },
      fallback: 'opentok'
    })
    expect(run.summary).toContain('https://storage.googleapis.com')
    expectNoLeaks(run)
  })

  it('sets an Azure target with a domain', async () => {
    const run = await act({ ...azure, domain: 'core.usgovcloudapi.net' })
    expect(run.code).toBe(0)
    expect(standIn.violations()).toEqual([])
    expect(JSON.parse(standIn.requests[0]!.body)).toEqual({
      type: 'azure',
      config: { accountName: 'acmestorage', accountKey: azure['account-key'], container: 'archives', domain: 'core.usgovcloudapi.net' },
      fallback: 'none'
    })
    expect(run.outputs.target).toBe('azure://acmestorage/archives')
    expectNoLeaks(run)
  })

  it('removes the target with a DELETE and no body', async () => {
    const run = await act({ operation: 'delete' })
    expect(run.code).toBe(0)
    expect(standIn.requests.map(r => [r.method, r.body, r.problems])).toEqual([['DELETE', '', []]])
    expect(run.outputs).toMatchObject({ status: '204', attempts: '1', target: '' })
    expectNoLeaks(run)
  })

  it.each([
    ['a missing required input', { bucket: 'acme-archives', 'access-key': 'AKIA1' }, ['secret-key']],
    ['an enum outside its values', { ...s3, sse: 'aws:kms', fallback: 'keep' }, ['sse', 'fallback']],
    ['an api-key with other characters', { ...s3, 'api-key': '4600/../admin' }, ['api-key']],
    ['an endpoint that is not http(s)', { ...s3, endpoint: 'ftp://storage.example.com' }, ['endpoint']],
    ['an http api-url to a non-loopback host', { ...s3, 'api-url': 'http://api.opentok.com' }, ['api-url']],
    ['an input of the other type', { ...s3, container: 'archives', domain: 'core.windows.net' }, ['container', 'domain']],
    ['sse given with azure', { ...azure, sse: 's3' }, ['sse']]
  ])('refuses %s before any request', async (_case, inputs, named) => {
    const run = await act(inputs)
    expect(run.code).toBe(1)
    expect(standIn.requests).toHaveLength(0)
    const errors = run.stdout.split('\n').filter(line => line.startsWith('::error'))
    for (const input of named) expect(errors.some(line => line.includes(`'${input}'`))).toBe(true)
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
    expectNoLeaks(run)
  })

  it('fails a 400 with what it means and the vendor message, secrets redacted', async () => {
    standIn.answer({ status: 400, body: JSON.stringify({ code: -1, message: `bad secretKey ${s3['secret-key']}` }) })
    const run = await act(s3)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::PUT .* answered 400: the request was refused as invalid JSON data or as missing the upload target\. OpenTok said: "bad secretKey \*\*\*"/
    )
    expect(run.outputs.status).toBe('400')
    expectNoLeaks(run)
  })

  it('fails a 403 after one request, naming the API key and secret', async () => {
    const run = await act({ ...s3, 'api-secret': 'not-the-project-secret-000000' })
    expect(run.code).toBe(1)
    expect(standIn.requests).toHaveLength(1)
    expect(run.stdout).toContain('answered 403: the API key or API secret is wrong')
    expect(run.outputs).toMatchObject({ status: '403', attempts: '1' })
    expectNoLeaks(run)
    expect(findLeaks(run, ['not-the-project-secret-000000'])).toEqual([])
  })

  it('sends nothing in a dry run and shows the request redacted', async () => {
    const run = await act({ ...s3, 'dry-run': 'true' })
    expect(run.code).toBe(0)
    expect(standIn.requests).toHaveLength(0)
    expect(run.stdout).toContain('"secretKey":"***"')
    expect(run.outputs).toEqual({ result: 'dry-run', status: '', attempts: '0', target: 's3://acme-archives', verified: 'skipped' })
    expect(run.summary).toContain('dry run: nothing was sent to the vendor')
    expectNoLeaks(run)
  })

  it("keeps the step green on a 400 when 'fail-on-error' is false", async () => {
    standIn.answer({ status: 400, body: JSON.stringify({ code: -1, message: 'invalid' }) })
    const run = await act({ ...s3, 'fail-on-error': 'false' })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/::warning::PUT .* answered 400/)
    expect(run.stdout).not.toContain('::error::')
    expect(run.outputs.status).toBe('400')
    expect(run.summary).toContain('failed: HTTP 400')
    expectNoLeaks(run)
  })
})
