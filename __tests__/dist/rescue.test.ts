/**
 * The rescue through the committed dist/, as a runner runs it, under Node 20 and 24: archives the
 * vendor kept wait in a loopback stand-in of its cloud (signed links that expire, Range, dropped
 * connections); the audit copies them into an S3 emulator that checks SigV4 signatures (s3rver,
 * behind a recording proxy that answers AbortMultipartUpload, which s3rver lacks) and into Azurite;
 * a loopback GitHub API keeps the tracking issue. Each test states what the store holds afterwards,
 * byte for byte, and that no signed link reached any channel. The same rules, case by case, in
 * process: __tests__/rescue/.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { archiveId, objectKeyOf, seedAzurite, seedS3, vendorArchive } from '../support/archives.js'
import { createHmac } from 'node:crypto'
import { startAzurite } from '../support/azurite.js'
import { makeTestCa, type TestCa } from '../support/certificates.js'
import { startInterceptingProxy } from '../support/intercepting-proxy.js'
import { startDownloadStandIn } from '../support/download-standin.js'
import { startGitHubStandIn } from '../support/github-standin.js'
import { startStandIn } from '../support/opentok-standin.js'
import { findLeaks, runAction, type ActionRun } from '../support/run-action.js'
import { startS3Emulator } from '../support/s3-emulator.js'
import { startStoragePolicyProxy } from '../support/storage-policy-proxy.js'

const MIB = 1024 * 1024
const project = { apiKey: '46000061', apiSecret: 'dist-rescue-secret-0123456789abcd' }
const keys = { accessKey: 'AKIADISTRESCUE001', secretKey: 'dist/rescue/secret+key/0123456789' }
const account = { name: 'acmerescue', key: Buffer.from('dist-rescue-account-key-0123456789').toString('base64') }
const token = 'ghs_distRescueToken0123456789abcdef'
const BUCKET = 'rescued'

let vendor: Awaited<ReturnType<typeof startStandIn>>
let cloud: Awaited<ReturnType<typeof startDownloadStandIn>>
let s3: Awaited<ReturnType<typeof startS3Emulator>>
const policy: { refuse?: (method: string, url: URL) => boolean; answerAbort: boolean } = { answerAbort: true }
let front: Awaited<ReturnType<typeof startStoragePolicyProxy>>
let github: Awaited<ReturnType<typeof startGitHubStandIn>>
let runnerTemp: string
beforeAll(async () => {
  vendor = await startStandIn(project)
  cloud = await startDownloadStandIn()
  vendor.setLinks(id => cloud.issueLink(id))
  s3 = await startS3Emulator(inject('node24'), keys, [BUCKET])
  front = await startStoragePolicyProxy(s3.url, policy)
  github = await startGitHubStandIn({ token })
})
afterAll(async () => {
  await vendor.close()
  await cloud.close()
  await front.close()
  await s3.close()
  await github.close()
})
beforeEach(() => {
  vendor.requests.length = 0
  cloud.requests.length = 0
  front.seen.length = 0
  front.aborted.length = 0
  delete policy.refuse
  github.issues.length = 0
  runnerTemp = mkdtempSync(join(tmpdir(), 'dist-rescue-'))
  return () => rmSync(runnerTemp, { recursive: true, force: true })
})

/** An archive the vendor kept, `hoursAgo` old, of `size` bytes, hosted in the stand-in cloud. */
function kept(hoursAgo: number, size: number, overrides: Record<string, unknown> = {}) {
  const id = archiveId()
  const sha256sum = cloud.host(id, size)
  return vendorArchive(Date.now(), hoursAgo, { id, status: 'available', size, sha256sum, ...overrides })
}

const keyOf = (archive: { id: string; outputMode: string }) => objectKeyOf(project.apiKey, archive)
/** What the emulator holds at `key`, read from its store on disk. */
const stored = (key: string) => s3.read(BUCKET, key)

/** Every link the cloud handed out, and the secrets of the run, read back from every channel. */
function expectNoLeaks(run: ActionRun, since: ReadonlySet<string>): void {
  const links = cloud.linksIssued().filter(token => !since.has(token) && !token.startsWith('http'))
  const report = run.outputs['report-file'] ? readFileSync(run.outputs['report-file'], 'utf8') : ''
  const withReport = { ...run, summary: `${run.summary}\n${report}\n${github.everything()}` }
  expect(findLeaks(withReport, [project.apiSecret, keys.secretKey, account.key, token, ...links])).toEqual([])
}

describe.each([
  ['Node 20', () => process.execPath],
  ['Node 24', () => inject('node24')]
])('rescue into S3 through dist/index.js under %s', (_name, node) => {
  const audit = (inputs: Record<string, string> = {}) =>
    runAction(
      {
        'api-key': project.apiKey,
        'api-secret': project.apiSecret,
        'api-url': vendor.url,
        operation: 'audit',
        since: '26h',
        rescue: 'true',
        bucket: BUCKET,
        'access-key': keys.accessKey,
        'secret-key': keys.secretKey,
        endpoint: front.url,
        ...inputs
      },
      { node: node(), env: { RUNNER_TEMP: runnerTemp, GITHUB_API_URL: github.url }, timeoutMs: 120_000 }
    )

  it('copies a 40 MiB composed and a 3 MiB individual archive where the vendor writes them, byte for byte, proved', async () => {
    const composed = kept(3, 40 * MIB)
    const individual = kept(5, 3 * MIB, { outputMode: 'individual' })
    vendor.setArchives([composed, individual])
    const before = new Set(cloud.linksIssued())
    const run = await audit({ 'tracking-issue': 'true', 'github-token': token })
    expect(run.outputs).toMatchObject({ rescued: '2', 'rescued-bytes': String(43 * MIB), undelivered: '2', result: 'audited' })
    expect(stored(keyOf(composed))?.equals(cloud.bytesOf(composed.id))).toBe(true)
    expect(stored(keyOf(individual))?.equals(cloud.bytesOf(individual.id))).toBe(true)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      '::error::2 archive(s) did not land in s3://rescued; 2 rescued, nothing lost; fix the target. See the job summary.'
    )
    const report = JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8'))
    expect(report.rescue.archives).toEqual([
      expect.objectContaining({
        id: individual.id,
        key: keyOf(individual),
        result: 'rescued',
        bytes: 3 * MIB,
        sha256: individual.sha256sum,
        vendorSha256: 'matched'
      }),
      expect.objectContaining({
        id: composed.id,
        key: keyOf(composed),
        result: 'rescued',
        bytes: 40 * MIB,
        sha256: composed.sha256sum,
        vendorSha256: 'matched'
      })
    ])
    // The tracking issue stays open, the rescued archives listed apart.
    expect(github.issues).toHaveLength(1)
    expect(github.issues[0]!.body).toContain('Rescue: 2 archive(s) copied into the target and proved')
    // Rescued, they are settled: none is kept for later audits, and the next audit, finding both, closes the issue.
    expect(github.issues[0]!.body.split('\n').at(-1)).toBe('<!-- undelivered-ids:  -->')
    expectNoLeaks(run, before)
    const next = await audit({ 'tracking-issue': 'true', 'github-token': token })
    expect(next.outputs).toMatchObject({ undelivered: '0', rescued: '0' })
    expect(github.issues[0]!.state).toBe('closed')
  })

  it('leaves an object already in the target untouched', async () => {
    const there = kept(2, 1 * MIB)
    vendor.setArchives([there])
    await seedS3(s3.url, BUCKET, keys, [keyOf(there)])
    const run = await audit()
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ rescued: '0', undelivered: '0' })
    expect(stored(keyOf(there))?.toString()).toBe('archive bytes')
    expect(front.seen.filter(r => r.method !== 'GET')).toEqual([])
    expect(cloud.requests).toEqual([])
  })
})

describe('rescue through dist/index.js under Node 24', () => {
  const audit = (inputs: Record<string, string> = {}) =>
    runAction(
      {
        'api-key': project.apiKey,
        'api-secret': project.apiSecret,
        'api-url': vendor.url,
        operation: 'audit',
        since: '26h',
        rescue: 'true',
        bucket: BUCKET,
        'access-key': keys.accessKey,
        'secret-key': keys.secretKey,
        endpoint: front.url,
        ...inputs
      },
      { node: inject('node24'), env: { RUNNER_TEMP: runnerTemp, GITHUB_API_URL: github.url }, timeoutMs: 120_000 }
    )

  it('sends the SSE header with the upload when the target sets sse', async () => {
    const archive = kept(2, 9 * MIB)
    vendor.setArchives([archive])
    await audit({ sse: 's3' })
    const created = front.seen.find(r => r.method === 'POST' && r.path.endsWith('?uploads'))
    expect(created?.headers['x-amz-server-side-encryption']).toBe('AES256')
    expect(stored(keyOf(archive))?.length).toBe(9 * MIB)
  })

  it('resumes at the byte where a dropped download stopped, with a fresh link, every earlier one expired', async () => {
    const archive = kept(4, 40 * MIB)
    vendor.setArchives([archive])
    const dropAt = 20 * MIB + 3
    cloud.dropNext(archive.id, dropAt)
    const expire = setInterval(() => {
      if (cloud.servedOf(archive.id) >= dropAt) {
        cloud.expireAll()
        clearInterval(expire)
      }
    }, 1)
    const run = await audit()
    clearInterval(expire)
    expect(run.outputs.rescued).toBe('1')
    expect(stored(keyOf(archive))?.equals(cloud.bytesOf(archive.id))).toBe(true)
    const gets = cloud.requests.filter(r => r.path.endsWith(`${archive.id}/archive.mp4`))
    expect(gets.map(r => r.range)).toEqual([`bytes=0-${40 * MIB - 1}`, `bytes=${dropAt}-${40 * MIB - 1}`])
    // No byte was read twice: what was served is the archive, once.
    expect(cloud.servedOf(archive.id)).toBe(40 * MIB)
  })

  it('leaves nothing in the bucket when the bytes do not match the vendor’s SHA-256, and fails naming the archive', async () => {
    const wrong = Buffer.alloc(32, 9).toString('base64')
    const archive = kept(2, 20 * MIB, { sha256sum: wrong })
    vendor.setArchives([archive])
    const run = await audit()
    expect(run.code).toBe(1)
    expect(stored(keyOf(archive))).toBeUndefined()
    expect(front.aborted).toEqual([`/${BUCKET}/${keyOf(archive)}`])
    expect(run.stdout).toContain(`::warning::The rescue of ${archive.id} failed: the SHA-256 of the bytes (`)
    expect(run.stdout).toContain(`is not the vendor's (${wrong})`)
    expect(run.outputs).toMatchObject({ rescued: '0', undelivered: '1' })
  })

  it('names the permission in one error when the storage refuses the write, and aborts the multipart upload', async () => {
    const archive = kept(2, 20 * MIB)
    vendor.setArchives([archive])
    policy.refuse = (method, url) => method === 'PUT' && url.searchParams.has('partNumber')
    const run = await audit()
    const failures = run.stdout.split('\n').filter(line => line.startsWith(`::warning::The rescue of ${archive.id} failed`))
    expect(failures).toHaveLength(1)
    expect(failures[0]).toContain('AccessDenied (HTTP 403)')
    expect(failures[0]).toContain('must allow s3:PutObject')
    expect(front.aborted).toEqual([`/${BUCKET}/${keyOf(archive)}`])
    expect(stored(keyOf(archive))).toBeUndefined()
  })

  it('skips, with a note, an archive the vendor no longer has when the rescue asks for it', async () => {
    const archive = kept(2, 1 * MIB)
    vendor.setArchives([archive])
    policy.refuse = () => {
      vendor.setArchives([])
      return false
    }
    const run = await audit()
    expect(run.stdout).toContain(`::notice::The rescue skipped ${archive.id}: the vendor no longer has it (404): it was deleted meanwhile.`)
    expect(run.outputs.rescued).toBe('0')
  })

  it('as a dry run, writes nothing, lists each archive with its size and the total, and stays green', async () => {
    const a = kept(3, 2 * MIB)
    const b = kept(30, 5 * MIB)
    vendor.setArchives([a, b])
    const run = await audit({ 'dry-run': 'true' })
    expect(run.code).toBe(0)
    expect(front.seen.filter(r => r.method !== 'GET')).toEqual([])
    expect(cloud.requests).toEqual([])
    expect(run.stdout).toContain(`A rescue would copy 2 archive(s), ${7 * MIB} bytes in all; nothing was copied (dry run).`)
    expect(run.summary).toContain('A rescue would copy 2 archive(s), 7.3 MB in all (a dry run: nothing was copied):')
  })

  it('starts no copy past rescue-max-bytes, and lists the rest as not rescued', async () => {
    const first = kept(40, 2 * MIB)
    const second = kept(30, 2 * MIB)
    vendor.setArchives([first, second])
    const run = await audit({ 'rescue-max-bytes': '3MiB' })
    expect(stored(keyOf(first))?.length).toBe(2 * MIB)
    expect(stored(keyOf(second))).toBeUndefined()
    expect(run.summary).toContain("not rescued: 'rescue-max-bytes' was reached")
  })

  it('counts the deadline from the creation, and says the hours left of an archive it could not rescue', async () => {
    // Created 70 hours ago and recorded for 4: the vendor deletes it 2 hours from now, not 6.
    const late = kept(70, 1 * MIB, { duration: 4 * 3600 })
    vendor.setArchives([late])
    const run = await audit({ 'rescue-max-bytes': '1' })
    expect(run.stdout).toContain(`::error::Archive ${late.id} is not in the target, and the vendor deletes its copy in 1 h (`)
    const report = JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8'))
    expect(report.rescue.archives[0].deadline).toBe(new Date(late.createdAt + 72 * 3_600_000).toISOString())
  })
})

describe('rescue into an Azure container at its real address, through dist/ under Node 24', () => {
  let ca: TestCa
  let azurite: Awaited<ReturnType<typeof startAzurite>>
  let proxy: Awaited<ReturnType<typeof startInterceptingProxy>>
  beforeAll(async () => {
    ca = makeTestCa(['*.blob.core.windows.net'])
    azurite = await startAzurite(inject('node24'), account)
    proxy = await startInterceptingProxy([{ host: /^[a-z0-9]+\.blob\.core\.windows\.net$/, port: azurite.port }], ca)
  })
  afterAll(async () => {
    await proxy?.close()
    await azurite?.close()
    ca?.remove()
  })

  it('copies with Put Block and Put Block List, byte for byte, and leaves a blob that is there untouched', async () => {
    const large = kept(3, 20 * MIB)
    const small = kept(4, 2 * MIB, { outputMode: 'individual' })
    const there = kept(5, 1 * MIB)
    vendor.setArchives([large, small, there])
    await seedAzurite(azurite.serviceUrl, account, 'archives', [keyOf(there)])
    const before = new Set(cloud.linksIssued())
    const run = await runAction(
      {
        'api-key': project.apiKey,
        'api-secret': project.apiSecret,
        'api-url': vendor.url,
        operation: 'audit',
        since: '26h',
        rescue: 'true',
        type: 'azure',
        'account-name': account.name,
        'account-key': account.key,
        container: 'archives'
      },
      {
        node: inject('node24'),
        env: { RUNNER_TEMP: runnerTemp, HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: ca.caFile },
        timeoutMs: 120_000
      }
    )
    expect(run.outputs).toMatchObject({ rescued: '2', 'rescued-bytes': String(22 * MIB), undelivered: '2' })
    const blob = async (key: string) => {
      const response = await fetch(`${azurite.serviceUrl}/archives/${key}`, { headers: azureRead(key) })
      return response.ok ? Buffer.from(await response.arrayBuffer()) : undefined
    }
    expect((await blob(keyOf(large)))?.equals(cloud.bytesOf(large.id))).toBe(true)
    expect((await blob(keyOf(small)))?.equals(cloud.bytesOf(small.id))).toBe(true)
    expect((await blob(keyOf(there)))?.toString()).toBe('archive bytes')
    expectNoLeaks(run, before)
  })
})

/** The SharedKey headers of a Get Blob of `key` in Azurite (path-style), written out here, apart from the action's signer. */
function azureRead(key: string): Record<string, string> {
  const headers = { 'x-ms-date': new Date().toUTCString(), 'x-ms-version': '2021-12-02' }
  const canonical = `x-ms-date:${headers['x-ms-date']}\nx-ms-version:${headers['x-ms-version']}\n`
  const toSign =
    ['GET', '', '', '', '', '', '', '', '', '', '', ''].join('\n') + `\n${canonical}/${account.name}/${account.name}/archives/${key}`
  const signature = createHmac('sha256', Buffer.from(account.key, 'base64')).update(toSign).digest('base64')
  return { ...headers, Authorization: `SharedKey ${account.name}:${signature}` }
}
