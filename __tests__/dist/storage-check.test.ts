/**
 * The S3 storage check through the committed dist/, as a runner runs it: against an emulator that
 * checks SigV4 signatures, and against a service without server-side encryption. The same checks
 * run in process in operations/apply.test.ts.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { startStandIn } from '../support/opentok-standin.js'
import { findLeaks, runAction, type ActionRun } from '../support/run-action.js'
import { startS3Emulator } from '../support/s3-emulator.js'
import { startStoragePolicyProxy } from '../support/storage-policy-proxy.js'

const project = { apiKey: '46000099', apiSecret: 'verify-api-secret-0a1b2c3d4e5f' }
const keys = { accessKey: 'AKIAVERIFYTEST0001', secretKey: 'verify/secret+key/abcdefghijklmnop' }
const CHECK_KEY = `${project.apiKey}/.archive-target-check`

let standIn: Awaited<ReturnType<typeof startStandIn>>
beforeAll(async () => {
  standIn = await startStandIn(project)
})
afterAll(() => standIn.close())
beforeEach(() => {
  standIn.requests.length = 0
})

describe('S3 check against an emulator that verifies SigV4, through dist/', () => {
  let s3: Awaited<ReturnType<typeof startS3Emulator>>
  let front: Awaited<ReturnType<typeof startStoragePolicyProxy>>
  let refusing: Awaited<ReturnType<typeof startStoragePolicyProxy>>
  beforeAll(async () => {
    s3 = await startS3Emulator(inject('node24'), keys, ['archives', 'locked-archives'])
    front = await startStoragePolicyProxy(s3.url)
    refusing = await startStoragePolicyProxy(s3.url, { refuseDelete: true })
  })
  afterAll(async () => {
    await front?.close()
    await refusing?.close()
    await s3?.close()
  })
  beforeEach(() => {
    front.seen.length = 0
    refusing.seen.length = 0
  })

  const act = (inputs: Record<string, string>) =>
    runAction({
      'api-key': project.apiKey,
      'api-secret': project.apiSecret,
      'api-url': standIn.url,
      bucket: 'archives',
      'access-key': keys.accessKey,
      'secret-key': keys.secretKey,
      endpoint: front.url,
      ...inputs
    })

  it('writes the check object with SSE-S3, deletes it, then sets the target', async () => {
    const run = await act({})
    expect(run.code).toBe(0)
    expect(front.seen.map(r => [r.method, r.path, r.status])).toEqual([
      ['PUT', `/archives/${CHECK_KEY}`, 200],
      ['DELETE', `/archives/${CHECK_KEY}`, 204]
    ])
    expect(front.seen[0]!.headers['x-amz-server-side-encryption']).toBe('AES256')
    expect(front.seen[0]!.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAVERIFYTEST0001\/\d{8}\/us-east-1\/s3\/aws4_request/
    )
    expect(s3.files('archives')).toEqual([])
    expect(standIn.requests).toHaveLength(1)
    expect(run.outputs.verified).toBe('true')
    expect(run.summary).toContain(`wrote s3://archives/${CHECK_KEY} with SSE-S3 and deleted it`)
    expect(findLeaks(run, [keys.secretKey, project.apiSecret])).toEqual([])
  })

  it('sends no SSE header when sse is none', async () => {
    const run = await act({ sse: 'none' })
    expect(run.code).toBe(0)
    expect(front.seen[0]!.headers['x-amz-server-side-encryption']).toBeUndefined()
  })

  it.each([
    ['a wrong access key', { 'access-key': 'AKIAWRONGWRONG0000' }, 'InvalidAccessKeyId', "check 'access-key'"],
    ['a wrong secret key', { 'secret-key': 'wrong/secret+key/0000000000000000' }, 'SignatureDoesNotMatch', "check 'secret-key'"],
    ['a missing bucket', { bucket: 'no-such-bucket' }, 'NoSuchBucket', "check 'bucket'"]
  ])('fails on %s with the service error code, and nothing reaches the vendor', async (_case, inputs, code, hint) => {
    const run = await act(inputs)
    expect(run.code).toBe(1)
    expect(standIn.requests).toHaveLength(0)
    expect(run.stdout).toMatch(
      new RegExp(`::error::Storage check failed: the write of s3://.* was refused with ${code} \\(HTTP \\d{3}\\): .*${hint}`)
    )
    expect(run.outputs.verified).toBe('false')
    expect(run.summary).toContain(`refused: ${code}`)
    expect(findLeaks(run, [keys.secretKey, project.apiSecret, 'wrong/secret+key/0000000000000000'])).toEqual([])
  })

  it('warns when the bucket refuses the delete, and still counts as verified', async () => {
    const run = await act({ bucket: 'locked-archives', endpoint: refusing.url })
    expect(run.code).toBe(0)
    expect(refusing.seen.map(r => [r.method, r.status])).toEqual([
      ['PUT', 200],
      ['DELETE', 403]
    ])
    expect(run.stdout).toMatch(/::warning::The storage check wrote s3:\/\/locked-archives\/.* but could not delete it \(AccessDenied\)/)
    expect(run.outputs.verified).toBe('true')
    expect(standIn.requests).toHaveLength(1)
    expect(s3.files('locked-archives').some(file => file.includes('.archive-target-check'))).toBe(true)
  })

  it('checks the storage in a dry run too, and sends nothing to the vendor', async () => {
    const ok = await act({ 'dry-run': 'true' })
    expect(ok.code).toBe(0)
    expect(ok.outputs.verified).toBe('true')
    const bad = await act({ 'dry-run': 'true', 'secret-key': 'wrong/secret+key/0000000000000000' })
    expect(bad.code).toBe(1)
    expect(bad.outputs.verified).toBe('false')
    expect(front.seen.filter(r => r.method === 'PUT')).toHaveLength(2)
    expect(standIn.requests).toHaveLength(0)
  })

  it('skips the check with verify: false', async () => {
    const run = await act({ verify: 'false', 'secret-key': 'wrong/secret+key/0000000000000000' })
    expect(run.code).toBe(0)
    expect(front.seen).toHaveLength(0)
    expect(run.outputs.verified).toBe('skipped')
  })
})

describe('S3-compatible services without server-side encryption', () => {
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
  const errorsOf = (run: ActionRun) => run.stdout.split('\n').filter(line => line.startsWith('::error'))

  let server: ReturnType<typeof createServer>
  let url: string
  const seen: Array<{ method: string; headers: IncomingHttpHeaders }> = []
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ method: req.method ?? '', headers: req.headers })
      req.resume()
      if (req.headers['x-amz-server-side-encryption'] !== undefined) {
        res.writeHead(501, { 'content-type': 'application/xml' })
        res.end(
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NotImplemented</Code><Message>A header you provided implies functionality that is not implemented</Message></Error>'
        )
        return
      }
      res.writeHead(req.method === 'DELETE' ? 204 : 200).end()
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))

  it('does not retry 501, shows the service message, and suggests sse: none', async () => {
    seen.length = 0
    const run = await act({ verify: 'true', endpoint: url })
    expect(run.code).toBe(1)
    expect(seen).toHaveLength(1)
    expect(errorsOf(run).join('\n')).toContain(
      'was refused with NotImplemented (HTTP 501): the service does not implement something the request asked for. The service said: "A header you provided implies functionality that is not implemented". The write carried x-amz-server-side-encryption: AES256'
    )
    expect(errorsOf(run).join('\n')).toContain("set 'sse: none' for it.")
    expect(standIn.requests).toHaveLength(0)
    const fixed = await act({ verify: 'true', endpoint: url, sse: 'none' })
    expect(fixed.code).toBe(0)
  })
})
