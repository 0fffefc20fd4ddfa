/**
 * Vonage Video applications through the committed dist/, under Node 20 and Node 24: the stand-in
 * in Vonage mode verifies the RS256 Bearer token with the application's public key and checks its
 * claims, the path and the header.
 */
import { generateKeyPairSync } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { startStandIn } from '../support/opentok-standin.js'
import { findLeaks, runAction, type ActionRun } from '../support/run-action.js'

const applicationId = 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b'
const keyPair = generateKeyPairSync('rsa', { modulusLength: 2048 })
const privateKey = keyPair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const publicKey = keyPair.publicKey.export({ type: 'spki', format: 'pem' }).toString()
const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const keyLines = (pem: string) => pem.split('\n').filter(line => line.length >= 8 && !line.startsWith('-----'))

const s3 = { bucket: 'acme-archives', 'access-key': 'AKIAVONAGE000001', 'secret-key': 'vonage/secret+key/0123456789' }
const azure = { type: 'azure', 'account-name': 'acmestorage', 'account-key': 'dm9uYWdlLWF6dXJlLWFjY291bnQta2V5', container: 'archives' }

let standIn: Awaited<ReturnType<typeof startStandIn>>
beforeAll(async () => {
  standIn = await startStandIn({ applicationId, publicKey })
})
afterAll(() => standIn.close())
beforeEach(() => {
  standIn.requests.length = 0
})

function expectNoLeaks(run: ActionRun, key = privateKey, requests = standIn.requests): void {
  const tokens = requests.map(r => String(r.headers.authorization ?? '').replace(/^Bearer /, ''))
  expect(findLeaks(run, [key, ...keyLines(key), s3['secret-key'], azure['account-key'], ...tokens.filter(Boolean)])).toEqual([])
  for (const line of keyLines(key)) expect(run.stdout).toContain(`::add-mask::${line}`)
  for (const token of tokens.filter(Boolean)) expect(run.stdout).toContain(`::add-mask::${token}`)
}

describe.each([
  ['Node 20', () => process.execPath],
  ['Node 24', () => inject('node24')]
])('a Vonage application, dist/ under %s', (_name, node) => {
  const act = (
    inputs: Record<string, string>,
    credentials: Record<string, string> = { 'application-id': applicationId, 'private-key': privateKey }
  ) => runAction({ ...credentials, 'api-url': standIn.url, verify: 'false', ...inputs }, { node: node() })

  it('sets an S3 target with a Bearer RS256 token', async () => {
    const run = await act(s3)
    expect(run.code).toBe(0)
    expect(standIn.violations()).toEqual([])
    const request = standIn.requests[0]!
    expect(request.path).toBe(`/v2/project/${applicationId}/archive/storage`)
    expect(request.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/)
    expect(request.headers['x-opentok-auth']).toBeUndefined()
    expect(request.claims).toMatchObject({ application_id: applicationId })
    expect(JSON.parse(request.body)).toEqual({
      type: 's3',
      config: { bucket: 'acme-archives', accessKey: s3['access-key'], secretKey: s3['secret-key'], sse: 's3' },
      fallback: 'none'
    })
    expect(run.stdout).toContain('Vonage Video answered 200')
    expect(run.summary).toContain(`| Project | \`Vonage application ${applicationId}\` |`)
    expect(run.outputs).toEqual({ result: 'unverified', status: '200', attempts: '1', target: 's3://acme-archives', verified: 'skipped' })
    expectNoLeaks(run)
  })

  it('sets an Azure target', async () => {
    const run = await act(azure)
    expect(run.code).toBe(0)
    expect(standIn.violations()).toEqual([])
    expect(JSON.parse(standIn.requests[0]!.body).config).toEqual({
      accountName: 'acmestorage',
      accountKey: azure['account-key'],
      container: 'archives'
    })
    expectNoLeaks(run)
  })

  it('removes the target', async () => {
    const run = await act({ operation: 'delete' })
    expect(run.code).toBe(0)
    expect(standIn.requests.map(r => [r.method, r.problems])).toEqual([['DELETE', []]])
    expect(run.outputs).toMatchObject({ status: '204', attempts: '1' })
    expectNoLeaks(run)
  })

  it('a key of another application gets a 401 after exactly one request, naming the inputs', async () => {
    const run = await act(s3, { 'application-id': applicationId, 'private-key': otherKey })
    expect(run.code).toBe(1)
    expect(standIn.requests).toHaveLength(1)
    expect(run.outputs).toMatchObject({ status: '401', attempts: '1' })
    expect(run.stdout).toMatch(
      /::error::PUT .* answered 401: the application ID and private key do not belong together, or the application has no Video capability\. Check 'application-id' and 'private-key'/
    )
    expectNoLeaks(run, otherKey)
  })

  it.each([
    ['mixed credentials', { 'api-key': '46000042', 'private-key': privateKey }, ['api-key']],
    ['missing credentials', {}, ['api-key']],
    ['a non-UUID application ID', { 'application-id': 'my-app', 'private-key': privateKey }, ['application-id']],
    ['a broken private key', { 'application-id': applicationId, 'private-key': privateKey.slice(0, 200) }, ['private-key']]
  ])('refuses %s before any request', async (_case, credentials, named) => {
    const run = await act(s3, credentials)
    expect(run.code).toBe(1)
    expect(standIn.requests).toHaveLength(0)
    const errors = run.stdout.split('\n').filter(line => line.startsWith('::error'))
    for (const input of named) expect(errors.some(line => line.includes(`title=Invalid input%3A ${input}`))).toBe(true)
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
    expect(findLeaks(run, keyLines(privateKey))).toEqual([])
  })

  it("sends for the SDKs' pair (api-key = application ID, api-secret = private key) exactly what the explicit inputs send", async () => {
    const sdk = await act(s3, { 'api-key': applicationId, 'api-secret': privateKey })
    const explicit = await act(s3, { 'application-id': applicationId, 'private-key': privateKey })
    expect([sdk.code, explicit.code]).toEqual([0, 0])
    const [a, b] = standIn.requests
    expect([a!.method, a!.path, a!.body, a!.headers['content-type']]).toEqual([b!.method, b!.path, b!.body, b!.headers['content-type']])
    expect(Object.keys(a!.claims!).sort()).toEqual(Object.keys(b!.claims!).sort())
    expect(standIn.violations()).toEqual([])
    expect(
      sdk.stdout
        .split('\n')
        .filter(line => line.startsWith('::notice'))
        .join()
    ).toMatch(/'application-id' and 'private-key'/)
    expectNoLeaks(sdk, privateKey, [a!])
    expectNoLeaks(explicit, privateKey, [b!])
  })

  it('a dry run shows the Vonage Video URL', async () => {
    const run = await runAction(
      { 'application-id': applicationId, 'private-key': privateKey, verify: 'false', 'dry-run': 'true', ...s3 },
      { node: node() }
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`Dry run: would send PUT https://video.api.vonage.com/v2/project/${applicationId}/archive/storage`)
    expect(run.stdout).toContain('"secretKey":"***"')
    expectNoLeaks(run)
  })
})
