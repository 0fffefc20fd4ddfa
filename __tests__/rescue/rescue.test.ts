/**
 * The rescue in process, through run(): archives the vendor kept are downloaded from a loopback
 * stand-in of its cloud (support/download-standin.js: signed links that expire, Range, dropped
 * connections) and copied into a fast S3 stand-in (support/s3-standin.js: conditional writes,
 * multipart rules, aborts, scripted refusals). Each test states what is in the bucket afterwards,
 * byte for byte, and what the step said. The same copies through the committed dist/, into an
 * emulator that checks SigV4 and into Azurite, are in __tests__/dist/rescue.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { Transport } from '../../src/http.js'
import { archiveId, seedAzurite, vendorArchive } from '../support/archives.js'
import { startAzurite } from '../support/azurite.js'
import { startDownloadStandIn } from '../support/download-standin.js'
import { FakeClock } from '../support/fake-clock.js'
import { startGitHubStandIn } from '../support/github-standin.js'
import { runInProcess } from '../support/in-process.js'
import { startStandIn } from '../support/opentok-standin.js'
import { startS3StandIn } from '../support/s3-standin.js'

const MIB = 1024 * 1024
const project = { apiKey: '46000071', apiSecret: 'rescue-run-secret-0123456789abcdef' }
const keys = { 'access-key': 'AKIARESCUE00000001', 'secret-key': 'rescue/secret+key/0123456789abcdef' }
const BUCKET = 'rescue-archives'
let vendor: Awaited<ReturnType<typeof startStandIn>>
let cloud: Awaited<ReturnType<typeof startDownloadStandIn>>
let s3: Awaited<ReturnType<typeof startS3StandIn>>
let temp: string

beforeAll(async () => {
  vendor = await startStandIn(project)
  cloud = await startDownloadStandIn()
  vendor.setLinks(id => cloud.issueLink(id))
})
afterAll(async () => {
  await vendor.close()
  await cloud.close()
})
beforeEach(async () => {
  s3 = await startS3StandIn([BUCKET])
  vendor.requests.length = 0
  cloud.requests.length = 0
  temp = mkdtempSync(join(tmpdir(), 'rescue-run-'))
})
afterEach(async () => {
  await s3.close()
  rmSync(temp, { recursive: true, force: true })
})

function audit(inputs: Record<string, string> = {}, clock = new FakeClock(), env: Record<string, string> = {}) {
  return runInProcess(
    {
      'api-key': project.apiKey,
      'api-secret': project.apiSecret,
      'api-url': vendor.url,
      operation: 'audit',
      bucket: BUCKET,
      endpoint: s3.url,
      since: '26h',
      rescue: 'true',
      ...keys,
      ...inputs
    },
    { transport: new Transport(), clock, env: { RUNNER_TEMP: temp, ...env } }
  )
}

function outputsOf(stdout: string): Record<string, string> {
  return Object.fromEntries([...stdout.matchAll(/::set-output name=([^:]+)::(.*)/g)].map(m => [m[1]!, m[2]!]))
}

/** An archive the vendor kept, `hoursAgo` old, of `size` bytes, hosted in the stand-in cloud. */
function kept(hoursAgo: number, size: number, overrides: Record<string, unknown> = {}) {
  const id = archiveId()
  const sha256sum = cloud.host(id, size)
  return vendorArchive(Date.now(), hoursAgo, { id, status: 'available', size, sha256sum, ...overrides })
}

const keyOf = (archive: { id: string }, name = 'archive.mp4') => `${project.apiKey}/${archive.id}/${name}`

describe('rescuing archives into S3', () => {
  it('copies a 40 MiB composed and a 3 MiB individual archive where the vendor writes them, byte for byte', async () => {
    const composed = kept(3, 40 * MIB)
    const individual = kept(5, 3 * MIB, { outputMode: 'individual' })
    vendor.setArchives([composed, individual])
    const run = await audit()
    const outputs = outputsOf(run.stdout)
    expect(outputs).toMatchObject({ rescued: '2', 'rescued-bytes': String(43 * MIB), undelivered: '2' })
    expect(s3.object(BUCKET, keyOf(composed))?.body.equals(cloud.bytesOf(composed.id))).toBe(true)
    expect(s3.object(BUCKET, keyOf(individual, 'archive.zip'))?.body.equals(cloud.bytesOf(individual.id))).toBe(true)
    expect(s3.object(BUCKET, keyOf(composed))?.contentType).toBe('video/mp4')
    expect(s3.object(BUCKET, keyOf(individual, 'archive.zip'))?.contentType).toBe('application/zip')
    // 40 MiB in five parts of 8 MiB, each uploaded once; the 3 MiB archive in one PUT.
    expect(s3.requests.filter(r => r.method === 'PUT' && r.query.includes('partNumber')).map(r => r.bytes)).toEqual(Array(5).fill(8 * MIB))
    expect(s3.requests.filter(r => r.method === 'PUT' && r.query === '').map(r => r.bytes)).toEqual([3 * MIB])
    // The soonest deadline first: the older archive.
    const written = s3.requests.filter(r => r.method === 'PUT' || (r.method === 'POST' && r.query === '?uploads')).map(r => r.path)
    expect(written[0]).toBe(`/${BUCKET}/${keyOf(individual, 'archive.zip')}`)
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      '::error::2 archive(s) did not land in s3://rescue-archives; 2 rescued, nothing lost; fix the target. See the job summary.'
    )
  })

  it('sends the SSE header with every write when the target sets sse, and none when it does not', async () => {
    const small = kept(2, 1 * MIB)
    const large = kept(3, 9 * MIB)
    vendor.setArchives([small, large])
    await audit()
    const writes = () => s3.requests.filter(r => (r.method === 'PUT' && r.query === '') || r.query === '?uploads')
    expect(writes().map(r => r.headers['x-amz-server-side-encryption'])).toEqual(['AES256', 'AES256'])
    expect(s3.object(BUCKET, keyOf(small))?.sse).toBe('AES256')
    expect(s3.object(BUCKET, keyOf(large))?.sse).toBe('AES256')

    const plain = kept(2, 1 * MIB)
    vendor.setArchives([plain])
    s3.requests.length = 0
    await audit({ sse: 'none' })
    expect(writes().map(r => r.headers['x-amz-server-side-encryption'])).toEqual([undefined])
    expect(s3.object(BUCKET, keyOf(plain))?.body.equals(cloud.bytesOf(plain.id))).toBe(true)
  })

  it('leaves an object already in the target untouched, and judges the archive delivered', async () => {
    const there = kept(2, 2 * MIB)
    vendor.setArchives([there])
    s3.put(BUCKET, keyOf(there), Buffer.from('the vendor got there'))
    const run = await audit()
    expect(s3.object(BUCKET, keyOf(there))?.body.toString()).toBe('the vendor got there')
    expect(s3.requests.filter(r => r.method !== 'GET')).toEqual([])
    expect(outputsOf(run.stdout)).toMatchObject({ rescued: '0', undelivered: '0' })
    expect(run.exitCode).toBe(0)
  })
})

describe('a copy that meets trouble', () => {
  it('resumes at the byte where a dropped download stopped, with a fresh link when every link so far has expired', async () => {
    const archive = kept(4, 40 * MIB)
    vendor.setArchives([archive])
    // The first GET drops after 13 MiB and 5 bytes; by then every link handed out has expired.
    const dropAt = 13 * MIB + 5
    cloud.dropNext(archive.id, dropAt)
    const expireOnDrop = setInterval(() => {
      if (cloud.servedOf(archive.id) >= dropAt) {
        cloud.expireAll()
        clearInterval(expireOnDrop)
      }
    }, 1)
    const run = await audit()
    clearInterval(expireOnDrop)
    expect(s3.object(BUCKET, keyOf(archive))?.body.equals(cloud.bytesOf(archive.id))).toBe(true)
    const gets = cloud.requests.filter(r => r.path.endsWith(`${archive.id}/archive.mp4`))
    // The second GET, with a fresh link, asks for the byte where the first stopped.
    expect(gets.map(r => r.range)).toEqual([`bytes=0-${40 * MIB - 1}`, `bytes=${dropAt}-${40 * MIB - 1}`])
    expect(gets.map(r => r.status)).toEqual([206, 206])
    expect(cloud.servedOf(archive.id)).toBe(40 * MIB)
    // Two fresh links from the vendor: the first, and the one after the drop.
    expect(vendor.requests.filter(r => r.path === `/v2/project/${project.apiKey}/archive/${archive.id}`)).toHaveLength(2)
    expect(run.stdout).toContain(`The download stopped at byte ${dropAt} of ${40 * MIB}`)
    expect(outputsOf(run.stdout)).toMatchObject({ rescued: '1' })
  })

  it('fetches a fresh link and goes on when a link is refused as expired before any byte', async () => {
    const archive = kept(4, 2 * MIB)
    vendor.setArchives([archive])
    cloud.setLifetime(0)
    const clock = new FakeClock()
    const run = await audit({}, clock)
    cloud.setLifetime(10 * 60_000)
    // Every link the vendor hands out is dead on arrival: the download gives up after max-attempts GETs.
    expect(run.stdout).toMatch(
      /::warning::The rescue of a1b2c3d4-[0-9a-f-]+ failed: the download failed: the download stopped at byte 0 of 2097152 \(HTTP 403\) after 3 attempt\(s\) in a row/
    )
    expect(s3.keys(BUCKET)).toEqual([])
    expect(outputsOf(run.stdout)).toMatchObject({ rescued: '0' })
  })

  it('leaves nothing in the bucket when the bytes do not match the vendor’s SHA-256, and fails naming the archive', async () => {
    const archive = kept(2, 20 * MIB, { sha256sum: Buffer.alloc(32, 7).toString('base64') })
    vendor.setArchives([archive])
    const run = await audit()
    expect(s3.keys(BUCKET)).toEqual([])
    expect(s3.openUploads()).toEqual([])
    expect(s3.aborted).toEqual([keyOf(archive)])
    expect(run.stdout).toContain(`::warning::The rescue of ${archive.id} failed: the SHA-256 of the bytes (`)
    expect(run.stdout).toContain(`) is not the vendor's (${Buffer.alloc(32, 7).toString('base64')})`)
    expect(run.exitCode).toBe(1)
    expect(outputsOf(run.stdout)).toMatchObject({ rescued: '0', undelivered: '1' })
    const report = JSON.parse(readFileSync(outputsOf(run.stdout)['report-file']!, 'utf8'))
    expect(report.rescue.archives).toMatchObject([{ id: archive.id, key: keyOf(archive), result: 'failed' }])
  })

  it('names the permission when the storage refuses the write, and aborts the multipart upload', async () => {
    const archive = kept(2, 20 * MIB)
    vendor.setArchives([archive])
    s3.setPolicy(request =>
      request.method === 'PUT' && request.query.has('partNumber') ? { status: 403, code: 'AccessDenied' } : undefined
    )
    const run = await audit()
    expect(s3.aborted).toEqual([keyOf(archive)])
    expect(s3.keys(BUCKET)).toEqual([])
    const failures = run.stdout.split('\n').filter(line => line.startsWith(`::warning::The rescue of ${archive.id} failed`))
    expect(failures).toHaveLength(1)
    expect(failures[0]).toContain('AccessDenied (HTTP 403)')
    expect(failures[0]).toContain('must allow s3:PutObject')
  })

  it('skips an archive the vendor no longer has, with a note', async () => {
    const archive = kept(2, 1 * MIB)
    vendor.setArchives([archive])
    // The list names it; by the time the rescue asks for it (after the look-up in the bucket), it is gone.
    s3.setPolicy(() => {
      vendor.setArchives([])
      return undefined
    })
    const run = await audit()
    expect(run.stdout).toContain(`::notice::The rescue skipped ${archive.id}: the vendor no longer has it (404): it was deleted meanwhile.`)
    expect(s3.keys(BUCKET)).toEqual([])
  })

  it('counts an object that arrived while it copied as delivered, leaves it, and aborts its own upload', async () => {
    const archive = kept(2, 20 * MIB)
    vendor.setArchives([archive])
    s3.setPolicy(request => {
      // The vendor's late upload lands while the parts go up.
      if (request.method === 'POST' && request.query.has('uploadId')) s3.put(BUCKET, keyOf(archive), Buffer.from('late vendor upload'))
      return undefined
    })
    const run = await audit()
    expect(s3.object(BUCKET, keyOf(archive))?.body.toString()).toBe('late vendor upload')
    expect(s3.aborted).toEqual([keyOf(archive)])
    expect(run.stdout).toContain(`${archive.id} arrived in the target while it was being copied: delivered, and left as it is.`)
    expect(outputsOf(run.stdout)).toMatchObject({ rescued: '0', undelivered: '0' })
  })
})

describe('what a rescue decides before it copies', () => {
  it('as a dry run, writes nothing and lists each archive it would copy, with sizes and the total, and stays green', async () => {
    const a = kept(10, 3 * MIB)
    const b = kept(30, 5 * MIB)
    vendor.setArchives([a, b])
    const run = await audit({ 'dry-run': 'true' })
    expect(s3.requests.filter(r => r.method !== 'GET')).toEqual([])
    expect(cloud.requests).toEqual([])
    expect(run.exitCode).toBe(0)
    // The soonest deadline first: b was created 30 h ago.
    const deadline = (archive: { createdAt: number }) =>
      new Date(archive.createdAt + 72 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
    expect(run.stdout).toContain(`Would rescue ${b.id} (${5 * MIB} bytes, kept until ${deadline(b)} UTC) into ${keyOf(b)}.`)
    expect(run.stdout).toContain(`Would rescue ${a.id} (${3 * MIB} bytes, kept until ${deadline(a)} UTC) into ${keyOf(a)}.`)
    expect(run.stdout.indexOf(b.id)).toBeLessThan(run.stdout.indexOf(`Would rescue ${a.id}`))
    expect(run.stdout).toContain(`A rescue would copy 2 archive(s), ${8 * MIB} bytes in all; nothing was copied (dry run).`)
    expect(outputsOf(run.stdout)).toMatchObject({ result: 'dry-run', rescued: '0', 'rescued-bytes': '0' })
  })

  it('starts no copy past rescue-max-bytes, and lists the rest as not rescued', async () => {
    const first = kept(40, 3 * MIB)
    const second = kept(30, 3 * MIB)
    const third = kept(20, 1 * MIB)
    vendor.setArchives([first, second, third])
    const run = await audit({ 'rescue-max-bytes': '5MiB' })
    expect(s3.keys(BUCKET)).toEqual([keyOf(first)])
    const report = JSON.parse(readFileSync(outputsOf(run.stdout)['report-file']!, 'utf8'))
    expect(report.rescue.archives.map((a: { id: string; result: string }) => [a.id, a.result])).toEqual([
      [first.id, 'rescued'],
      [second.id, 'limit'],
      [third.id, 'limit']
    ])
    expect(report.rescue.limit).toBe(5 * MIB)
  })

  it('holds the cap against the size the fresh answer gives, not the list’s: a list without size copies nothing past the cap', async () => {
    const big = kept(40, 3 * MIB)
    const small = kept(30, 1 * MIB)
    vendor.setArchives([big, small])
    const listed: Record<string, unknown> = { ...big }
    delete listed.size
    vendor.answer({ status: 200, body: JSON.stringify({ count: 2, items: [{ ...small, size: 0 }, listed] }) })
    const run = await audit({ 'rescue-max-bytes': '2MiB' })
    expect(s3.keys(BUCKET)).toEqual([])
    const report = JSON.parse(readFileSync(outputsOf(run.stdout)['report-file']!, 'utf8'))
    expect(report.rescue.archives.map((a: { id: string; result: string }) => [a.id, a.result])).toEqual([
      [big.id, 'limit'],
      [small.id, 'limit']
    ])
    expect(cloud.requests).toHaveLength(0)
    // With room for the first, the second's fresh size counts after it: 3 MiB + 1 MiB is past 3.5 MiB.
    vendor.answer({ status: 200, body: JSON.stringify({ count: 2, items: [{ ...small, size: 0 }, listed] }) })
    const roomy = await audit({ 'rescue-max-bytes': '3.5MiB' })
    expect(s3.keys(BUCKET)).toEqual([keyOf(big)])
    const second = JSON.parse(readFileSync(outputsOf(roomy.stdout)['report-file']!, 'utf8'))
    expect(second.rescue.archives.map((a: { id: string; result: string }) => [a.id, a.result])).toEqual([
      [big.id, 'rescued'],
      [small.id, 'limit']
    ])
  })

  it('skips, not limits, an archive the vendor has uploaded meanwhile, however large it is now', async () => {
    const landed = kept(40, 3 * MIB)
    vendor.setArchives([landed])
    const list = JSON.stringify({ count: 1, items: [{ ...landed, size: 0 }] })
    vendor.answer({ status: 200, body: list }, { status: 200, body: JSON.stringify({ ...landed, status: 'uploaded' }) })
    const run = await audit({ 'rescue-max-bytes': '1MiB' })
    const report = JSON.parse(readFileSync(outputsOf(run.stdout)['report-file']!, 'utf8'))
    expect(report.rescue.archives.map((a: { result: string }) => a.result)).toEqual(['skipped'])
    expect(run.stdout).toContain(`::notice::The rescue skipped ${landed.id}: its status is now uploaded.`)
  })

  it('counts nothing against the cap for an archive that vanished, and still holds the cap for the next', async () => {
    const gone = kept(50, 1 * MIB)
    const big = kept(40, 3 * MIB)
    vendor.setArchives([gone, big])
    const list = JSON.stringify({ count: 2, items: [big, gone].map(archive => ({ ...archive, size: 0 })) })
    vendor.answer({ status: 200, body: list }, { status: 404, body: '{}' })
    const run = await audit({ 'rescue-max-bytes': '2MiB' })
    const report = JSON.parse(readFileSync(outputsOf(run.stdout)['report-file']!, 'utf8'))
    expect(report.rescue.archives.map((a: { id: string; result: string }) => [a.id, a.result])).toEqual([
      [gone.id, 'skipped'],
      [big.id, 'limit']
    ])
    expect(s3.keys(BUCKET)).toEqual([])
  })

  it('says each rescue in the log with its proof, and counts its writes in storage-requests', async () => {
    const matched = kept(20, 1 * MIB)
    const unsigned = kept(30, 1 * MIB, { sha256sum: '' })
    vendor.setArchives([matched, unsigned])
    const run = await audit()
    expect(run.stdout).toMatch(
      new RegExp(
        `\\nRescued ${matched.id} into ${keyOf(matched)}: 1048576 bytes, SHA-256 [A-Za-z0-9+/]{43}= \\(the vendor's\\), in [0-9.]+ s\\.\\n`
      )
    )
    expect(run.stdout).toMatch(
      new RegExp(`\\nRescued ${unsigned.id} into ${keyOf(unsigned)}: 1048576 bytes, SHA-256 [A-Za-z0-9+/]{43}= \\(the vendor gave none\\)`)
    )
    // Two look-ups, and per archive a PUT and its read-back.
    expect(s3.requests).toHaveLength(6)
    expect(outputsOf(run.stdout)).toMatchObject({ 'storage-requests': '6', attempts: '3' })
  })

  it('flags an archive the vendor deletes within a day, and not one with a day or more left', async () => {
    const soon = kept(50, 1 * MIB)
    const later = kept(47, 1 * MIB)
    vendor.setArchives([soon, later])
    const run = await audit({ rescue: 'false', since: '72h' })
    expect(run.stdout).toMatch(new RegExp(`::error::Archive ${soon.id} is not in the target, and the vendor deletes its copy in 2[12] h`))
    expect(run.stdout).not.toContain(`::error::Archive ${later.id}`)
  })

  it('keeps no rescued archive open in the tracking issue: the next audit, finding it, closes the issue', async () => {
    const github = await startGitHubStandIn({ token: 'ghs_rescueTracking0123456789' })
    try {
      const tracked = () =>
        audit({ 'tracking-issue': 'true', 'github-token': 'ghs_rescueTracking0123456789' }, new FakeClock(), {
          GITHUB_API_URL: github.url,
          GITHUB_REPOSITORY: 'example-org/video-app'
        })
      const recent = kept(3, 1 * MIB)
      vendor.setArchives([recent])
      await tracked()
      expect(github.issues).toHaveLength(1)
      expect(github.issues[0]!.body.split('\n').at(-1)).toBe('<!-- undelivered-ids:  -->')
      // An earlier finding of an archive now older than the window is resolved by its rescue, and
      // the rescued one by being found: the issue closes.
      const older = kept(40, 1 * MIB)
      vendor.setArchives([recent, older])
      github.issues[0]!.body = github.issues[0]!.body.replace('<!-- undelivered-ids:  -->', `<!-- undelivered-ids: ${older.id} -->`)
      const next = await tracked()
      expect(outputsOf(next.stdout)).toMatchObject({ rescued: '1' })
      expect(outputsOf(next.stdout)).toMatchObject({ undelivered: '0' })
      expect(github.issues[0]!.state).toBe('closed')
    } finally {
      await github.close()
    }
  })

  it('counts the fresh links it asks the vendor for in attempts, besides the list', async () => {
    const one = kept(20, 1 * MIB)
    const two = kept(30, 1 * MIB)
    vendor.setArchives([one, two])
    const run = await audit()
    expect(vendor.requests).toHaveLength(3)
    expect(outputsOf(run.stdout)).toMatchObject({ attempts: '3', rescued: '2' })
  })

  it('fails an archive whose fresh answer the vendor refuses, quoting the vendor, and one it gives without a number for size', async () => {
    const refused = kept(50, 1 * MIB)
    const sizeless = kept(40, 1 * MIB)
    vendor.setArchives([refused, sizeless])
    vendor.answer(
      { status: 200, body: JSON.stringify({ count: 2, items: [sizeless, refused] }) },
      { status: 400, body: JSON.stringify({ message: 'no such archive here', status: 'available' }) },
      { status: 200, body: JSON.stringify({ ...sizeless, size: '1048576', url: cloud.issueLink(sizeless.id) }) }
    )
    const run = await audit()
    const report = JSON.parse(readFileSync(outputsOf(run.stdout)['report-file']!, 'utf8'))
    const why = Object.fromEntries(report.rescue.archives.map((a: { id: string; error?: string }) => [a.id, a.error]))
    expect(why[refused.id]).toContain('answered 400')
    expect(why[refused.id]).toContain('no such archive here')
    expect(why[sizeless.id]).toBe('the vendor gave no size, so the copy could not be proved')
    expect(s3.keys(BUCKET)).toEqual([])
  })

  it('counts the deadline from when the archive was created, and reads the list down to 72 hours back for it', async () => {
    // Created 70 h ago, recorded for 4 h: the vendor deletes it 2 h from now, not 6.
    const late = kept(70, 1 * MIB, { duration: 4 * 3600 })
    const expired = kept(73, 1 * MIB)
    vendor.setArchives([late, expired])
    const run = await audit({ rescue: 'false' })
    const report = JSON.parse(readFileSync(outputsOf(run.stdout)['report-file']!, 'utf8'))
    // Outside the window (since: 26h) and with rescue off, neither is judged.
    expect(report.archives).toEqual([])
    const withRescue = await audit()
    expect(s3.keys(BUCKET)).toEqual([keyOf(late)])
    const rescued = JSON.parse(readFileSync(outputsOf(withRescue.stdout)['report-file']!, 'utf8'))
    expect(rescued.rescue.archives).toMatchObject([{ id: late.id, deadline: new Date(late.createdAt + 72 * 3_600_000).toISOString() }])
  })

  it('prints an error with the hours left for a kept archive not rescued that the vendor deletes within a day', async () => {
    const soon = kept(20 + 50, 1 * MIB, { duration: 60 })
    const window = kept(2, 1 * MIB)
    vendor.setArchives([soon, window])
    // Rescue off: the one in the window is judged kept-by-vendor; the one outside is not seen without rescue.
    const off = await audit({ rescue: 'false', since: '72h' })
    expect(off.stdout).toContain(`::error::Archive ${soon.id} is not in the target, and the vendor deletes its copy in 1 h`)
    expect(off.stdout).not.toContain(`::error::Archive ${window.id}`)
    // A rescue that cannot start (the limit) leaves the same line.
    const limited = await audit({ 'rescue-max-bytes': '1' })
    expect(limited.stdout).toContain(`::error::Archive ${soon.id} is not in the target, and the vendor deletes its copy in 1 h`)
  })

  it('never prints or writes a download link, while masking each the moment it is read', async () => {
    const archive = kept(3, 2 * MIB)
    vendor.setArchives([archive])
    cloud.dropNext(archive.id, 1 * MIB)
    const before = new Set(cloud.linksIssued())
    const run = await audit()
    expect(outputsOf(run.stdout)).toMatchObject({ rescued: '1' })
    const issued = cloud.linksIssued().filter(token => !before.has(token) && !token.startsWith('http'))
    // The first link, and a fresh one after the drop.
    expect(issued).toHaveLength(2)
    const masked = [...run.stdout.matchAll(/^::add-mask::(.*)$/gm)].map(m => m[1])
    const withoutMasks = run.stdout.replace(/^::add-mask::.*$/gm, '')
    const report = readFileSync(outputsOf(run.stdout)['report-file']!, 'utf8')
    for (const token of issued) {
      expect(withoutMasks).not.toContain(token)
      expect(report).not.toContain(token)
      expect(masked.some(m => m?.includes(token))).toBe(true)
    }
    // The download carried no credential: no token of the vendor's, no storage signature.
    for (const request of cloud.requests) {
      expect(request.headers.authorization).toBeUndefined()
      expect(request.headers['x-opentok-auth']).toBeUndefined()
    }
  })
})

describe('rescuing archives into Azure', () => {
  const account = { name: 'acmerescue', key: Buffer.from('rescue-test-account-key-0123456789').toString('base64') }
  let azurite: Awaited<ReturnType<typeof startAzurite>>
  beforeAll(async () => {
    azurite = await startAzurite(inject('node24'), account)
    await seedAzurite(azurite.serviceUrl, account, 'archives', [])
  })
  afterAll(() => azurite?.close())

  it('copies with Put Block and Put Block List into the container the step names', async () => {
    const archive = kept(3, 2 * MIB)
    vendor.setArchives([archive])
    const azureAudit = (rescue: string) =>
      runInProcess(
        {
          'api-key': project.apiKey,
          'api-secret': project.apiSecret,
          'api-url': vendor.url,
          operation: 'audit',
          since: '26h',
          rescue,
          type: 'azure',
          'account-name': account.name,
          'account-key': account.key,
          container: 'archives'
        },
        {
          transport: new Transport(),
          clock: new FakeClock(),
          env: { RUNNER_TEMP: temp },
          storageLocations: { azureBlobService: () => azurite.serviceUrl }
        }
      )
    const run = await azureAudit('true')
    expect(outputsOf(run.stdout)).toMatchObject({ rescued: '1', 'rescued-bytes': String(2 * MIB) })
    expect(s3.requests).toEqual([])
    // The next audit finds it in the container, where the vendor would have written it.
    expect(outputsOf((await azureAudit('false')).stdout)).toMatchObject({ undelivered: '0', archives: '1' })
  })
})
