/**
 * The audit's look-up of one archive's prefix in the target, in process: ListObjectsV2 against
 * an S3 emulator that checks SigV4, List Blobs against Azurite, the region an answer names, and
 * the addresses of Amazon S3 and Azure written out independently.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { Transport } from '../../src/http.js'
import type { AzureTarget, S3Target } from '../../src/plan.js'
import { listBlobsUrl } from '../../src/verify/azure.js'
import { makeObjectFinder, type FindIo } from '../../src/verify/find-objects.js'
import { listUrl } from '../../src/verify/s3.js'
import { seedAzurite, seedS3 } from '../support/archives.js'
import { startAzurite } from '../support/azurite.js'
import { FakeClock } from '../support/fake-clock.js'
import { startS3Emulator } from '../support/s3-emulator.js'
import { startStoragePolicyProxy } from '../support/storage-policy-proxy.js'

const keys = { accessKey: 'AKIAFINDTEST0001', secretKey: 'find/secret+key/abcdefghijklmnop' }
const account = { name: 'acmefind', key: Buffer.from('find-test-account-key-0123456789abcdef').toString('base64') }
let transport: Transport
let lines: string[]
beforeEach(() => {
  transport = new Transport()
  lines = []
})
afterEach(() => transport.close())

const io = (secrets: string[] = []): FindIo => ({
  transport,
  clock: new FakeClock(),
  policy: { maxAttempts: 2, timeoutMs: 5000 },
  log: { info: m => lines.push(m), debug: () => undefined },
  secrets
})

describe('addresses', () => {
  it('lists Amazon S3 buckets virtual-hosted, dotted names path-style, and other services path-style', () => {
    const query = '?list-type=2&max-keys=1&prefix=46000042%2Fa1%2F'
    expect(listUrl('acme', 'https://s3.amazonaws.com', 'us-east-1', '46000042/a1/')).toBe(`https://acme.s3.amazonaws.com/${query}`)
    expect(listUrl('acme', 'https://s3.amazonaws.com', 'eu-west-1', '46000042/a1/')).toBe(
      `https://acme.s3.eu-west-1.amazonaws.com/${query}`
    )
    expect(listUrl('acme.archives', 'https://s3.amazonaws.com', 'eu-west-1', '46000042/a1/')).toBe(
      `https://s3.eu-west-1.amazonaws.com/acme.archives${query}`
    )
    expect(listUrl('Legacy_Bucket', 'https://storage.googleapis.com', 'us-east-1', '46000042/a1/')).toBe(
      `https://storage.googleapis.com/Legacy_Bucket${query}`
    )
  })

  it('lists an Azure container with restype, comp, one result and the prefix', () => {
    const target: AzureTarget = { type: 'azure', accountName: 'acme', accountKey: 'a2V5', container: 'archives' }
    expect(listBlobsUrl('https://acme.blob.core.windows.net', target, 'p/a 1/')).toBe(
      'https://acme.blob.core.windows.net/archives?restype=container&comp=list&maxresults=1&prefix=p%2Fa%201%2F'
    )
  })
})

describe('S3, against an emulator that checks SigV4', () => {
  let s3: Awaited<ReturnType<typeof startS3Emulator>>
  let front: Awaited<ReturnType<typeof startStoragePolicyProxy>>
  beforeAll(async () => {
    s3 = await startS3Emulator(inject('node24'), keys, ['archives'])
    front = await startStoragePolicyProxy(s3.url)
    await seedS3(s3.url, 'archives', keys, ['46000042/a1/archive.mp4', '46000042/a10/archive.zip'])
  })
  afterAll(async () => {
    await front?.close()
    await s3?.close()
  })

  const target = (secretKey = keys.secretKey): S3Target => ({
    type: 's3',
    bucket: 'archives',
    accessKey: keys.accessKey,
    secretKey,
    endpoint: front.url,
    sse: 's3'
  })

  it('finds the object under the prefix, and only under it', async () => {
    const find = makeObjectFinder(target(), io())
    expect(await find('46000042/a1/')).toEqual({ ok: true, key: '46000042/a1/archive.mp4', requests: 1 })
    expect(await find('46000042/a10/')).toEqual({ ok: true, key: '46000042/a10/archive.zip', requests: 1 })
    expect(await find('46000042/a2/')).toEqual({ ok: true, requests: 1 })
  })

  it('names the secret key when the signature is refused, and the bucket when it does not exist', async () => {
    const refused = await makeObjectFinder(target('wrong/secret/key/000000'), io(['wrong/secret/key/000000']))('46000042/a1/')
    expect(refused).toMatchObject({ ok: false, summary: 'refused: SignatureDoesNotMatch (HTTP 403)' })
    const error = refused.ok ? '' : refused.error
    expect(
      error.startsWith(
        "Audit could not read the target: the list of s3://archives/46000042/a1/ was refused with SignatureDoesNotMatch (HTTP 403): the secret key does not belong to the access key: check 'secret-key'."
      )
    ).toBe(true)
    expect(
      error.endsWith('No archive was looked for in the target: each was judged by what its status proves. Fix the storage settings.')
    ).toBe(true)
    expect(error).not.toContain('wrong/secret/key')
    const noBucket = await makeObjectFinder({ ...target(), bucket: 'no-such-bucket' }, io())('46000042/a1/')
    expect(noBucket.ok === false && noBucket.error).toContain("NoSuchBucket (HTTP 404): the bucket does not exist: check 'bucket'")
  })
})

describe('S3 region', () => {
  let server: ReturnType<typeof createServer>
  let seen: Array<{ path: string; headers: IncomingHttpHeaders }>
  let url: string
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ path: req.url ?? '', headers: req.headers })
      const region = /Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\//.exec(req.headers.authorization ?? '')?.[1]
      if (region !== 'eu-west-1') {
        res.writeHead(400, { 'content-type': 'application/xml' })
        res.end('<Error><Code>AuthorizationHeaderMalformed</Code><Region>eu-west-1</Region></Error>')
        return
      }
      if (req.url?.includes('prefix=p%2Fdenied%2F')) {
        res.writeHead(403, { 'content-type': 'application/xml' })
        res.end('<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>')
        return
      }
      res.writeHead(200, { 'content-type': 'application/xml' })
      res.end('<ListBucketResult><KeyCount>0</KeyCount></ListBucketResult>')
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))
  beforeEach(() => {
    seen = []
  })

  it('signs again for the region an answer names, and keeps that region for the next look-ups', async () => {
    const find = makeObjectFinder(
      { type: 's3', bucket: 'acme', accessKey: 'AK', secretKey: 'secret-key-value', sse: 's3', endpoint: url },
      io()
    )
    // The first look-up takes two requests (the refused region, then the right one); the next, one.
    expect(await find('p/a1/')).toEqual({ ok: true, requests: 2 })
    expect(await find('p/a2/')).toEqual({ ok: true, requests: 1 })
    expect(seen.map(r => /\/\d{8}\/([a-z0-9-]+)\//.exec(r.headers.authorization ?? '')?.[1])).toEqual([
      'us-east-1',
      'eu-west-1',
      'eu-west-1'
    ])
    expect(lines).toEqual(['The bucket is in region eu-west-1; signing again for it.'])
  })

  it('says that listing needs s3:ListBucket when access is denied', async () => {
    const find = makeObjectFinder(
      { type: 's3', bucket: 'acme', accessKey: 'AK', secretKey: 'secret-key-value', sse: 's3', endpoint: url },
      io()
    )
    const denied = await find('p/denied/')
    expect(denied.ok === false && denied.error).toContain(
      'AccessDenied (HTTP 403): the credentials may not list this bucket: the bucket or IAM policy must allow s3:ListBucket on the bucket'
    )
  })

  it('names the endpoint when its host does not resolve', async () => {
    const find = makeObjectFinder(
      { type: 's3', bucket: 'acme', accessKey: 'AK', secretKey: 'secret-key-value', sse: 's3', endpoint: 'https://no-such-host.invalid' },
      io()
    )
    const missing = await find('p/a1/')
    expect(missing.ok === false && missing.error).toBe(
      "Audit could not read the target: could not list s3://acme/p/a1/: the host of 'endpoint' (no-such-host.invalid) does not resolve: check 'endpoint'. No archive was looked for in the target: each was judged by what its status proves. Give 'verify: false' to audit statuses alone."
    )
  })
})

describe('Azure, against Azurite', () => {
  let azurite: Awaited<ReturnType<typeof startAzurite>>
  beforeAll(async () => {
    azurite = await startAzurite(inject('node24'), account)
    await seedAzurite(azurite.serviceUrl, account, 'archives', ['46000042/a1/archive.mp4', '46000042/a3/archive.zip'])
  })
  afterAll(() => azurite?.close())

  const target = (accountKey = account.key): AzureTarget => ({
    type: 'azure',
    accountName: account.name,
    accountKey,
    container: 'archives'
  })
  const locations = { azureBlobService: () => azurite.serviceUrl }

  it('finds the blob under the prefix', async () => {
    const find = makeObjectFinder(target(), io(), locations)
    expect(await find('46000042/a1/')).toEqual({ ok: true, key: '46000042/a1/archive.mp4', requests: 1 })
    expect(await find('46000042/a3/')).toEqual({ ok: true, key: '46000042/a3/archive.zip', requests: 1 })
    expect(await find('46000042/a2/')).toEqual({ ok: true, requests: 1 })
  })

  it('names the account key when it is refused, and the container when it does not exist', async () => {
    const wrongKey = Buffer.from('not-the-account-key').toString('base64')
    const refused = await makeObjectFinder(target(wrongKey), io([wrongKey]), locations)('46000042/a1/')
    expect(refused.ok === false && refused.error).toMatch(
      /refused with (AuthenticationFailed|AuthorizationFailure) \(HTTP 403\): .*check 'account-key'/
    )
    const noContainer = await makeObjectFinder({ ...target(), container: 'nothing-here' }, io(), locations)('46000042/a1/')
    expect(noContainer.ok === false && noContainer.error).toContain(
      "ContainerNotFound (HTTP 404): the container does not exist: check 'container'"
    )
  })
})

describe('what a store answers, as written', () => {
  let server: ReturnType<typeof createServer>
  let url: string
  let body = ''
  let paths: string[] = []
  beforeAll(async () => {
    server = createServer((req, res) => {
      paths.push(req.url ?? '')
      res.writeHead(200, { 'content-type': 'application/xml' })
      res.end(body)
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))
  beforeEach(() => {
    paths = []
  })

  const s3 = (): S3Target => ({ type: 's3', bucket: 'acme', accessKey: 'AK', secretKey: 'secret-key-value', sse: 's3' })
  const azure: AzureTarget = { type: 'azure', accountName: 'acmefind', accountKey: account.key, container: 'archives' }

  it('reads an S3 key across line breaks and XML entities', async () => {
    body = `<ListBucketResult>\n  <Contents>\n    <Key>p/a1/a&amp;b&lt;c&gt;&quot;&apos;.mp4</Key>\n  </Contents>\n</ListBucketResult>`
    // Amazon S3 itself stands in on loopback: the target has no endpoint of its own.
    const find = makeObjectFinder(s3(), io(), { amazonS3: url })
    expect(await find('p/a1/')).toEqual({ ok: true, key: `p/a1/a&b<c>"'.mp4`, requests: 1 })
    expect(paths).toEqual(['/acme?list-type=2&max-keys=1&prefix=p%2Fa1%2F'])
  })

  it('reads an Azure blob name across line breaks', async () => {
    body = `<EnumerationResults><Blobs>\n  <Blob>\n    <Name>p/a1/archive.zip</Name>\n  </Blob>\n</Blobs></EnumerationResults>`
    const find = makeObjectFinder(azure, io(), { azureBlobService: () => url })
    expect(await find('p/a1/')).toEqual({ ok: true, key: 'p/a1/archive.zip', requests: 1 })
  })

  it("names the storage account's host when it does not resolve, and 'domain' when one was given", async () => {
    const noHost = { azureBlobService: () => 'https://acmefind.blob.no-such-cloud.invalid' }
    const missing = await makeObjectFinder(azure, io(), noHost)('p/a1/')
    expect(missing.ok === false && missing.error).toBe(
      "Audit could not read the target: could not list azure://acmefind/archives/p/a1/: the storage account's host (acmefind.blob.no-such-cloud.invalid) does not resolve: check 'account-name'; the account may not exist. No archive was looked for in the target: each was judged by what its status proves. Give 'verify: false' to audit statuses alone."
    )
    const withDomain = await makeObjectFinder({ ...azure, domain: 'no-such-cloud.invalid' }, io(), noHost)('p/a1/')
    expect(withDomain.ok === false && withDomain.error).toContain("check 'account-name' and 'domain'; the account may not exist.")
  })
})
