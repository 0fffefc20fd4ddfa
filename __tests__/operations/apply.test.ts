/**
 * `set` in process (operations/apply.ts), with its collaborators handed in: the storage check
 * against real emulators on loopback (an S3 emulator that checks SigV4 signatures, Azurite, and a
 * server that answers like Amazon for a bucket in another region) before the vendor request, a
 * failed check stopping the run before any request reaches the vendor stand-in; and the
 * certificate in the request. dist/storage-check.test.ts runs the S3 check through the committed
 * dist/.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { Transport } from '../../src/http.js'
import { AZURE_API_VERSION, signSharedKey } from '../../src/verify/azure.js'
import { makeStorageVerifier } from '../../src/verify/index.js'
import { startAzurite } from '../support/azurite.js'
import { makeCertificate } from '../support/certificates.js'
import { FakeClock } from '../support/fake-clock.js'
import { runInProcess } from '../support/in-process.js'
import { startStandIn } from '../support/opentok-standin.js'
import { revealsSecret } from '../support/reveals.js'
import { startS3Emulator } from '../support/s3-emulator.js'
import { startStoragePolicyProxy } from '../support/storage-policy-proxy.js'

const project = { apiKey: '46000099', apiSecret: 'verify-api-secret-0a1b2c3d4e5f' }
const keys = { accessKey: 'AKIAVERIFYTEST0001', secretKey: 'verify/secret+key/abcdefghijklmnop' }
const account = { name: 'acmearchives', key: Buffer.from('verify-test-account-key-0123456789abcdef').toString('base64') }
const CHECK_KEY = `${project.apiKey}/.archive-target-check`

let standIn: Awaited<ReturnType<typeof startStandIn>>
beforeAll(async () => {
  standIn = await startStandIn(project)
})
afterAll(() => standIn.close())
beforeEach(() => {
  standIn.requests.length = 0
})

describe('S3 check against an emulator that verifies SigV4, in process', () => {
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

  const act = async (inputs: Record<string, string>) => {
    const lines: string[] = []
    const env = { GITHUB_REPOSITORY: 'acme/video', GITHUB_RUN_ID: '77', GITHUB_SERVER_URL: 'https://github.example' }
    const verifyStorage = makeStorageVerifier({ info: m => lines.push(m), debug: () => undefined }, env)
    const run = await runInProcess(
      {
        'api-key': project.apiKey,
        'api-secret': project.apiSecret,
        'api-url': standIn.url,
        bucket: 'archives',
        'access-key': keys.accessKey,
        'secret-key': keys.secretKey,
        endpoint: front.url,
        ...inputs
      },
      { verifyStorage, transport: new Transport() }
    )
    const verified = /::set-output name=verified::(\w+)/.exec(run.stdout)?.[1]
    return { ...run, code: run.exitCode, verified, lines }
  }

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
    expect(run.verified).toBe('true')
    const [what, runLine, time, after, end] = front.seen[0]!.body.split('\n')
    expect([what, runLine, after, end]).toEqual([
      'Written by the OpenTok archive upload target action to check that archives can be uploaded here.',
      'Run: https://github.example/acme/video/actions/runs/77',
      'Safe to delete; the next check writes it again.',
      ''
    ])
    expect(Math.abs(Date.parse(time!.replace('Time: ', '')) - Date.now())).toBeLessThan(60_000)
    expect(run.stdout).toContain(`wrote s3://archives/${CHECK_KEY} with SSE-S3 and deleted it`)
    expect(revealsSecret(run.stdout.replace(/::add-mask::.*/g, ''), keys.secretKey)).toBe(false)
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
    expect(run.verified).toBe('false')
    for (const secret of [keys.secretKey, project.apiSecret, 'wrong/secret+key/0000000000000000'])
      expect(revealsSecret(run.stdout.replace(/::add-mask::.*/g, ''), secret)).toBe(false)
  })

  it('warns when the bucket refuses the delete, and still counts as verified', async () => {
    const run = await act({ bucket: 'locked-archives', endpoint: refusing.url })
    expect(run.code).toBe(0)
    expect(refusing.seen.map(r => [r.method, r.status])).toEqual([
      ['PUT', 200],
      ['DELETE', 403]
    ])
    expect(run.stdout).toMatch(/::warning::The storage check wrote s3:\/\/locked-archives\/.* but could not delete it \(AccessDenied\)/)
    expect(run.verified).toBe('true')
    expect(standIn.requests).toHaveLength(1)
    expect(s3.files('locked-archives').some(file => file.includes('.archive-target-check'))).toBe(true)
  })

  it('checks the storage in a dry run too, and sends nothing to the vendor', async () => {
    const ok = await act({ 'dry-run': 'true' })
    expect(ok.code).toBe(0)
    expect(ok.verified).toBe('true')
    const bad = await act({ 'dry-run': 'true', 'secret-key': 'wrong/secret+key/0000000000000000' })
    expect(bad.code).toBe(1)
    expect(bad.verified).toBe('false')
    expect(front.seen.filter(r => r.method === 'PUT')).toHaveLength(2)
    expect(standIn.requests).toHaveLength(0)
  })

  it('skips the check with verify: false', async () => {
    const run = await act({ verify: 'false', 'secret-key': 'wrong/secret+key/0000000000000000' })
    expect(run.code).toBe(0)
    expect(front.seen).toHaveLength(0)
    expect(run.verified).toBe('skipped')
  })
})

describe('Azure check against Azurite', () => {
  let azurite: Awaited<ReturnType<typeof startAzurite>>
  let front: Awaited<ReturnType<typeof startStoragePolicyProxy>>
  beforeAll(async () => {
    azurite = await startAzurite(inject('node24'), account)
    front = await startStoragePolicyProxy(`http://127.0.0.1:${azurite.port}`)
    const url = `${azurite.serviceUrl}/archives?restype=container`
    const target = { type: 'azure' as const, accountName: account.name, accountKey: account.key, container: 'archives' }
    const headers = signSharedKey('PUT', url, target, { 'x-ms-date': new Date().toUTCString(), 'x-ms-version': AZURE_API_VERSION }, 0)
    const created = await fetch(url, { method: 'PUT', headers })
    expect(created.status).toBe(201)
  })
  afterAll(async () => {
    await front?.close()
    await azurite?.close()
  })
  beforeEach(() => {
    front.seen.length = 0
  })

  const act = (inputs: Record<string, string>) => {
    const lines: string[] = []
    const verifyStorage = makeStorageVerifier(
      { info: m => lines.push(m), debug: () => undefined },
      {},
      { azureBlobService: t => `${front.url}/${t.accountName}` }
    )
    return runInProcess(
      {
        'api-key': project.apiKey,
        'api-secret': project.apiSecret,
        'api-url': standIn.url,
        type: 'azure',
        'account-name': account.name,
        'account-key': account.key,
        container: 'archives',
        ...inputs
      },
      { verifyStorage, transport: new Transport() }
    )
  }

  it('puts a block blob, deletes it, then sets the target', async () => {
    const run = await act({})
    expect(run.exitCode).toBe(0)
    expect(front.seen.map(r => [r.method, r.path, r.status])).toEqual([
      ['PUT', `/${account.name}/archives/${CHECK_KEY}`, 201],
      ['DELETE', `/${account.name}/archives/${CHECK_KEY}`, 202]
    ])
    expect(front.seen[0]!.headers['x-ms-blob-type']).toBe('BlockBlob')
    expect(front.seen[0]!.headers.authorization).toMatch(new RegExp(`^SharedKey ${account.name}:`))
    expect(standIn.requests).toHaveLength(1)
    expect(run.stdout).toContain('::set-output name=verified::true')
  })

  it.each([
    [
      'a wrong account key',
      { 'account-key': Buffer.from('not-the-account-key').toString('base64') },
      '(AuthenticationFailed|AuthorizationFailure)',
      "check 'account-key'"
    ],
    ['a missing container', { container: 'no-such-container' }, 'ContainerNotFound', "check 'container'"]
  ])('fails on %s with the service error code, and nothing reaches the vendor', async (_case, inputs, code, hint) => {
    const run = await act(inputs)
    expect(run.exitCode).toBe(1)
    expect(standIn.requests).toHaveLength(0)
    expect(run.stdout).toMatch(
      new RegExp(`::error::Storage check failed: the write of azure://.* was refused with ${code} \\(HTTP \\d{3}\\): .*${hint}`)
    )
    expect(run.stdout).toContain('::set-output name=verified::false')
    expect(run.stdout.replace(/::add-mask::.*/g, '')).not.toContain(account.key)
  })
})

describe('S3 region discovery', () => {
  let amazon: Server
  let url: string
  const seen: Array<{ path: string; region: string }> = []
  beforeAll(async () => {
    // Answers like Amazon for a bucket in eu-west-1: a request signed for another region gets
    // AuthorizationHeaderMalformed naming the right one (or, for 'moved-archives', a 301
    // PermanentRedirect with x-amz-bucket-region).
    amazon = createServer((req, res) => {
      const region = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? ''
      seen.push({ path: req.url ?? '', region })
      req.resume()
      if (region === 'eu-west-1') return res.writeHead(req.method === 'PUT' ? 200 : 204).end()
      if (req.url?.startsWith('/moved-archives/')) {
        res.writeHead(301, { 'x-amz-bucket-region': 'eu-west-1', 'content-type': 'application/xml' })
        return res.end(
          '<Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to access must be addressed using the specified endpoint.</Message></Error>'
        )
      }
      res.writeHead(400, { 'content-type': 'application/xml' })
      res.end(
        `<Error><Code>AuthorizationHeaderMalformed</Code><Message>the region '${region}' is wrong; expecting 'eu-west-1'</Message><Region>eu-west-1</Region></Error>`
      )
    })
    await new Promise<void>(resolve => amazon.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(amazon.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>(resolve => amazon.close(() => resolve())))
  beforeEach(() => {
    seen.length = 0
  })

  it.each(['archives', 'moved-archives'])('learns the region of %s from the first answer and retries once there', async bucket => {
    const lines: string[] = []
    const verifyStorage = makeStorageVerifier({ info: m => lines.push(m), debug: () => undefined }, {}, { amazonS3: url })
    const run = await runInProcess(
      {
        'api-key': project.apiKey,
        'api-secret': project.apiSecret,
        'api-url': standIn.url,
        bucket,
        'access-key': keys.accessKey,
        'secret-key': keys.secretKey
      },
      { verifyStorage, transport: new Transport() }
    )
    expect(run.exitCode).toBe(0)
    expect(seen.map(r => r.region)).toEqual(['us-east-1', 'eu-west-1', 'eu-west-1'])
    expect(lines).toContain('The bucket is in region eu-west-1; signing again for it.')
    expect(standIn.requests).toHaveLength(1)
  })
})

const DAY = 86_400_000
const rsa2048 = makeCertificate('rsa:2048', 365)

describe('certificate in the request, in process', () => {
  const project = { apiKey: '46000011', apiSecret: 'certificate-test-secret-01234' }
  const s3 = { bucket: 'acme-archives', 'access-key': 'AKIA01', 'secret-key': 'cert/test/secret/key', verify: 'false' }
  let standIn: Awaited<ReturnType<typeof startStandIn>>
  beforeAll(async () => {
    standIn = await startStandIn(project)
  })
  afterAll(() => standIn.close())
  beforeEach(() => {
    standIn.requests.length = 0
  })
  const act = (inputs: Record<string, string>) =>
    runInProcess({ 'api-key': project.apiKey, 'api-secret': project.apiSecret, 'api-url': standIn.url, ...s3, ...inputs })

  it('sends a valid certificate base64-encoded, null for none, and no field when empty', async () => {
    expect((await act({ certificate: rsa2048 })).exitCode).toBe(0)
    expect((await act({ certificate: 'None' })).exitCode).toBe(0)
    expect((await act({})).exitCode).toBe(0)
    const bodies = standIn.requests.map(r => JSON.parse(r.body))
    expect(Buffer.from(bodies[0].certificate, 'base64').toString('utf8')).toBe(rsa2048.trim())
    expect(bodies[1].certificate).toBeNull()
    expect('certificate' in bodies[2]).toBe(false)
    expect(standIn.violations()).toEqual([])
  })

  it('fails a certificate that is not valid yet before any request', async () => {
    const clock = new FakeClock()
    await clock.sleep(-2 * DAY)
    const run = await act({ certificate: rsa2048 })
    expect(run.exitCode).toBe(0)
    standIn.requests.length = 0
    const early = await runInProcess(
      { 'api-key': project.apiKey, 'api-secret': project.apiSecret, 'api-url': standIn.url, ...s3, certificate: rsa2048 },
      { clock }
    )
    expect(early.exitCode).toBe(1)
    expect(early.stdout).toMatch(/::error title=Invalid input%3A certificate::'certificate' is not valid before /)
    expect(standIn.requests).toHaveLength(0)
  })

  it('fails an expired certificate before any request', async () => {
    const clock = new FakeClock()
    await clock.sleep(400 * DAY)
    const run = await runInProcess(
      { 'api-key': project.apiKey, 'api-secret': project.apiSecret, 'api-url': standIn.url, ...s3, certificate: rsa2048 },
      { clock }
    )
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error title=Invalid input%3A certificate::'certificate' expired on /)
    expect(standIn.requests).toHaveLength(0)
  })
})
