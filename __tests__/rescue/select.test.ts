/**
 * Which archives a rescue copies and what becomes of each (src/rescue/index.ts), and what the
 * vendor says of one archive now (src/rescue/vendor-archive.ts): rescueCandidates on archives
 * written here; rescueArchives against the vendor stand-in (support/opentok-standin.js, over http,
 * and over https with a test CA for the link it refuses) and the stand-in of the vendor's cloud
 * (support/download-standin.js), writing into a fake ObjectWriter in memory that records every
 * call; fetchArchive's reading of the vendor's answer; and refusedDownloadUrl. Progress lines are
 * made deterministic by a transport that cuts the download into 10,000,000-byte pieces and moves
 * the clock 10 s for each.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Agent } from 'undici'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Archive } from '../../src/archive-list.js'
import { Transport, type Clock, type StreamingAnswer } from '../../src/http.js'
import type { Plan } from '../../src/plan.js'
import { rescueArchives, rescueCandidates, type RescueIo } from '../../src/rescue/index.js'
import { fetchArchive, refusedDownloadUrl } from '../../src/rescue/vendor-archive.js'
import type { ObjectWriter } from '../../src/verify/object-writer.js'
import { vendorArchive } from '../support/archives.js'
import { makeTestCa, type TestCa } from '../support/certificates.js'
import { startDownloadStandIn } from '../support/download-standin.js'
import { startStandIn } from '../support/opentok-standin.js'
import { s3Plan } from '../support/plans.js'

const MIB = 1024 * 1024
const HOUR = 3_600_000
const PROJECT = { apiKey: '46000042', apiSecret: 'api-secret-value' }
/** 2024-01-01T00:00:00Z: its deadline, 72 hours on, is 2024-01-04T00:00:00.000Z. */
const JAN_1 = Date.UTC(2024, 0, 1)

/** A clock that moves only when told, starting now (the vendor checks the token's iat against its own time). */
class ManualClock implements Clock {
  time = Date.now()
  readonly sleeps: number[] = []
  now(): number {
    return this.time
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms)
    this.time += ms
  }
  random(): number {
    return 1
  }
}

/**
 * Cuts each download of an archive of `size` bytes into pieces ending at every 10,000,000th byte of
 * the whole (and at the end of each GET), moving the clock 10 s for each piece that ends at such a
 * byte or at the archive's last.
 */
class TenSecondsPerTenMegabytes extends Transport {
  private total = 0
  constructor(
    private readonly clock: ManualClock,
    private readonly size: number
  ) {
    super()
    pacedTransports.push(this)
  }
  override async stream(url: string, headers: Record<string, string>, idleMs: number): Promise<StreamingAnswer> {
    const answer = await super.stream(url, headers, idleMs)
    const pieces = async function* (this: TenSecondsPerTenMegabytes): AsyncGenerator<Buffer> {
      let held: Buffer[] = []
      let length = 0
      for await (const chunk of answer.body) {
        let rest: Buffer = chunk
        for (;;) {
          const toMark = 10_000_000 - ((this.total + length) % 10_000_000)
          if (rest.length < toMark) break
          const piece = Buffer.concat([...held, rest.subarray(0, toMark)])
          held = []
          length = 0
          rest = rest.subarray(toMark)
          this.total += piece.length
          this.clock.time += 10_000
          yield piece
        }
        if (rest.length > 0) {
          held.push(rest)
          length += rest.length
        }
      }
      if (length > 0) {
        this.total += length
        if (this.total === this.size) this.clock.time += 10_000
        yield Buffer.concat(held)
      }
    }.call(this)
    return { ...answer, body: pieces }
  }
}

/** The pacing transports made, closed after all tests. */
const pacedTransports: Transport[] = []

/** An ObjectWriter in memory: what it was asked, and the length and SHA-256 of each object it holds. */
function fakeWriter() {
  const calls: string[] = []
  const stored = new Map<string, { size: number; sha256?: string; contentType: string }>()
  const writer: ObjectWriter = {
    partSize: () => 8 * MIB,
    requests: () => calls.length,
    async putWhole(key, body, contentType) {
      calls.push(`putWhole ${key} ${body.length} ${contentType}`)
      stored.set(key, { size: body.length, sha256: createHash('sha256').update(body).digest('base64'), contentType })
      return { ok: true, etag: '"whole"' }
    },
    async begin(key, contentType) {
      calls.push(`begin ${key} ${contentType}`)
      const sizes: number[] = []
      return {
        ok: true,
        upload: {
          async part(index, body) {
            sizes[index] = body.length
            return { ok: true }
          },
          async commit(parts) {
            calls.push(`commit ${key} ${parts}`)
            stored.set(key, { size: sizes.slice(0, parts).reduce((a, b) => a + b, 0), contentType })
            return { ok: true, etag: '"parts"' }
          },
          abort: async () => undefined
        }
      }
    },
    async stat(key) {
      const object = stored.get(key)
      return object === undefined ? { ok: true } : { ok: true, object: { size: object.size } }
    },
    async remove(key) {
      calls.push(`remove ${key}`)
      stored.delete(key)
      return { ok: true }
    }
  }
  return { writer, calls, stored }
}

/** An archive as the action's list gives it. */
function listed(id: string, createdAt: number, size: number, overrides: Partial<Archive> = {}): Archive {
  return {
    id,
    status: 'available',
    createdAt,
    duration: 600,
    size,
    outputMode: 'composed',
    name: 'stand-up',
    sessionId: 's',
    reason: '',
    ...overrides
  }
}

let vendor: Awaited<ReturnType<typeof startStandIn>>
let secureVendor: Awaited<ReturnType<typeof startStandIn>>
let cloud: Awaited<ReturnType<typeof startDownloadStandIn>>
let ca: TestCa
let secureTransport: Transport
const transport = new Transport()
let counter = 0
const nextId = () => `b1b2c3d4-0000-4000-8000-${(++counter).toString(16).padStart(12, '0')}`

beforeAll(async () => {
  vendor = await startStandIn(PROJECT)
  ca = makeTestCa()
  secureVendor = await startStandIn(PROJECT, { tls: { key: ca.key, cert: ca.cert } })
  secureTransport = new Transport(() => new Agent({ connect: { ca: readFileSync(ca.caFile, 'utf8') } }))
  cloud = await startDownloadStandIn()
  vendor.setLinks(id => cloud.issueLink(id))
  secureVendor.setLinks(id => cloud.issueLink(id))
})
afterAll(async () => {
  await transport.close()
  await secureTransport.close()
  await vendor.close()
  await secureVendor.close()
  await cloud.close()
  for (const paced of pacedTransports) await paced.close()
  ca.remove()
})
beforeEach(() => {
  vendor.requests.length = 0
  secureVendor.requests.length = 0
  vendor.setLinks(id => cloud.issueLink(id))
})

function plan(overrides: Partial<Plan> = {}, rescueMaxBytes = 1_000_000_000): Plan {
  return s3Plan({
    operation: 'audit',
    apiUrl: vendor.url,
    audit: {
      since: new Date(JAN_1),
      uploadGraceMs: 0,
      checkObjects: true,
      rescue: true,
      rescueMaxBytes,
      trackingIssue: false,
      githubToken: ''
    },
    ...overrides
  })
}

/** The plan without its audit settings. */
const withoutAudit = (full: Plan): Plan => Object.fromEntries(Object.entries(full).filter(([name]) => name !== 'audit')) as unknown as Plan

function rescueIo(clock: Clock = new ManualClock(), over: Partial<RescueIo> = {}) {
  const lines: string[] = []
  const masked: string[] = []
  let vendorRequests = 0
  const io: RescueIo = {
    transport,
    clock,
    log: { info: m => lines.push(m), debug: () => undefined },
    mask: secret => masked.push(secret),
    secrets: [],
    counted: n => (vendorRequests += n),
    ...over
  }
  return { io, lines, masked, requests: () => vendorRequests }
}

/** An archive the vendor kept, hosted in the stand-in cloud and served by the vendor stand-in; the archive as listed. */
function kept(size: number, overrides: Record<string, unknown> = {}, createdAt = JAN_1): Archive {
  const id = nextId()
  const sha256sum = cloud.host(id, size)
  const archive = vendorArchive(Date.now(), 1, { id, status: 'available', createdAt, size, sha256sum, ...overrides })
  served.push(archive)
  vendor.setArchives(served)
  secureVendor.setArchives(served)
  return listed(id, createdAt, size, archive.outputMode === 'individual' ? { outputMode: 'individual' } : {})
}
const served: Array<ReturnType<typeof vendorArchive>> = []
const oneUrl = (id: string) => `${vendor.url}/v2/project/46000042/archive/${id}`

describe('rescueCandidates', () => {
  const now = JAN_1 + 72 * HOUR
  it('keeps the archives the vendor kept, the target lacks and the vendor has not let expire, soonest deadline first', () => {
    const archives = [
      listed('late', now - 1 * HOUR, 1),
      listed('edge', now - 72 * HOUR + 1, 1),
      listed('expired', now - 72 * HOUR, 1),
      listed('middle', now - 30 * HOUR, 1),
      listed('uploaded', now - 40 * HOUR, 1, { status: 'uploaded' }),
      listed('there', now - 50 * HOUR, 1),
      listed('failed', now - 20 * HOUR, 1, { status: 'failed' })
    ]
    const candidates = rescueCandidates(archives, archive => archive.id !== 'there', now)
    expect(candidates.map(a => a.id)).toStrictEqual(['edge', 'middle', 'late'])
  })

  it('keeps none when the target lacks none', () => {
    expect(rescueCandidates([listed('a', now - HOUR, 1)], () => false, now)).toStrictEqual([])
  })
})

describe('rescueArchives', () => {
  it('copies each candidate in the order given, where the vendor writes it, and adds up the bytes rescued', async () => {
    const individual = kept(1000, { outputMode: 'individual' }, JAN_1)
    const composed = kept(9 * MIB, {}, JAN_1 + HOUR)
    const { writer, calls, stored } = fakeWriter()
    const { io, lines, masked, requests } = rescueIo()
    const report = await rescueArchives(plan(), '46000042', [individual, composed], writer, io)
    expect(report).toMatchObject({ bytes: 9_438_184, limit: 1_000_000_000, dryRun: false })
    expect(report.entries.map(e => [e.archive.id, e.key, e.deadline, e.outcome.kind])).toStrictEqual([
      [individual.id, `46000042/${individual.id}/archive.zip`, Date.UTC(2024, 0, 4), 'rescued'],
      [composed.id, `46000042/${composed.id}/archive.mp4`, Date.UTC(2024, 0, 4, 1), 'rescued']
    ])
    expect(report.entries[0]!.outcome).toStrictEqual({
      kind: 'rescued',
      bytes: 1000,
      sha256: served.find(a => a.id === individual.id)!.sha256sum,
      vendorSha256: 'matched',
      etag: '"whole"',
      seconds: 0
    })
    expect(calls).toStrictEqual([
      `putWhole 46000042/${individual.id}/archive.zip 1000 application/zip`,
      `begin 46000042/${composed.id}/archive.mp4 video/mp4`,
      `commit 46000042/${composed.id}/archive.mp4 2`
    ])
    expect(stored.get(`46000042/${individual.id}/archive.zip`)?.sha256).toBe(served.find(a => a.id === individual.id)!.sha256sum)
    expect(lines).toStrictEqual([
      `Rescuing archive ${individual.id} (1000 bytes; the vendor keeps it until 2024-01-04T00:00:00.000Z) into 46000042/${individual.id}/archive.zip.`,
      `Rescuing archive ${composed.id} (9437184 bytes; the vendor keeps it until 2024-01-04T01:00:00.000Z) into 46000042/${composed.id}/archive.mp4.`
    ])
    expect(vendor.requests.map(r => r.path)).toStrictEqual([
      `/v2/project/46000042/archive/${individual.id}`,
      `/v2/project/46000042/archive/${composed.id}`
    ])
    expect(vendor.violations()).toStrictEqual([])
    expect(requests()).toBe(2)
    // The signed download links are masked the moment they are read.
    expect(masked.filter(m => m.startsWith(`${cloud.origin}/archives/`))).toHaveLength(2)
  })

  it('starts copies up to the limit exactly; none past it, even a smaller one after', async () => {
    const first = kept(1000)
    const second = kept(2000)
    const third = kept(1001)
    const fourth = kept(1)
    const { writer, calls } = fakeWriter()
    const { io } = rescueIo()
    const report = await rescueArchives(plan({}, 3000), '46000042', [first, second, third, fourth], writer, io)
    expect(report.entries.map(e => e.outcome.kind)).toStrictEqual(['rescued', 'rescued', 'limit', 'limit'])
    expect(report.bytes).toBe(3000)
    expect(report.limit).toBe(3000)
    expect(calls.map(c => c.split(' ')[1])).toStrictEqual([`46000042/${first.id}/archive.mp4`, `46000042/${second.id}/archive.mp4`])
    expect(vendor.requests).toHaveLength(2)

    // Once one archive is past the limit, none after it starts, even one that would fit.
    const a = kept(1000)
    const b = kept(1500)
    const c = kept(501)
    const d = kept(500)
    const { writer: later, calls: laterCalls } = fakeWriter()
    const stopped = await rescueArchives(plan({}, 3000), '46000042', [a, b, c, d], later, rescueIo().io)
    expect(stopped.entries.map(e => e.outcome.kind)).toStrictEqual(['rescued', 'rescued', 'limit', 'limit'])
    expect(stopped.bytes).toBe(2500)
    expect(laterCalls).toHaveLength(2)

    const { writer: none, calls: noCalls } = fakeWriter()
    const over = await rescueArchives(plan({}, 999), '46000042', [first], none, rescueIo().io)
    expect(over.entries.map(e => e.outcome)).toStrictEqual([{ kind: 'limit' }])
    expect(noCalls).toStrictEqual([])
  })

  it('copies nothing when the plan has no audit settings: the limit is 0', async () => {
    const archive = kept(10)
    const { writer, calls } = fakeWriter()
    const report = await rescueArchives(withoutAudit(plan()), '46000042', [archive], writer, rescueIo().io)
    expect(report).toMatchObject({ limit: 0, bytes: 0 })
    expect(report.entries.map(e => e.outcome)).toStrictEqual([{ kind: 'limit' }])
    expect(calls).toStrictEqual([])
  })

  it('plans in a dry run, within the limit, and asks neither the vendor nor the writer anything', async () => {
    const first = kept(1000)
    const second = kept(2001)
    const { writer, calls } = fakeWriter()
    const report = await rescueArchives(plan({ dryRun: true }, 3000), '46000042', [first, second], writer, rescueIo().io)
    expect(report).toMatchObject({ dryRun: true, bytes: 0, limit: 3000 })
    expect(report.entries.map(e => e.outcome)).toStrictEqual([{ kind: 'planned' }, { kind: 'limit' }])
    expect(calls).toStrictEqual([])
    expect(vendor.requests).toStrictEqual([])
  })

  it('skips an archive the vendor no longer has, or whose status changed, and fails one with no size or no link', async () => {
    const gone = listed(nextId(), JAN_1, 10)
    const uploaded = kept(10, { status: 'Uploaded' })
    const sizeless = kept(10, { size: 0 })
    const fractional = kept(10, { size: 10.5 })
    const linkless = kept(10)
    vendor.setLinks(id => (id === linkless.id ? '' : cloud.issueLink(id)))
    const { writer, calls } = fakeWriter()
    const report = await rescueArchives(plan(), '46000042', [gone, uploaded, sizeless, fractional, linkless], writer, rescueIo().io)
    expect(report.entries.map(e => e.outcome)).toStrictEqual([
      { kind: 'skipped', why: ['the vendor no longer has it (404): it was deleted meanwhile'] },
      { kind: 'skipped', why: ['its status is now ', { value: 'uploaded', max: 40 }] },
      { kind: 'failed', error: 'the vendor gave no size, so the copy could not be proved', bytes: 0, seconds: 0 },
      { kind: 'failed', error: 'the vendor gave no size, so the copy could not be proved', bytes: 0, seconds: 0 },
      { kind: 'failed', error: 'the vendor gave no download link', bytes: 0, seconds: 0 }
    ])
    expect(calls).toStrictEqual([])
    expect(report.bytes).toBe(0)
  })

  it('fails with the vendor’s words when it refuses the request', async () => {
    const archive = kept(10)
    vendor.answer({ status: 500, body: JSON.stringify({ message: 'the archive service is down' }) })
    const { writer, calls } = fakeWriter()
    const report = await rescueArchives(plan({ maxAttempts: 1 }), '46000042', [archive], writer, rescueIo().io)
    expect(report.entries.map(e => e.outcome)).toStrictEqual([
      {
        kind: 'failed',
        error: `GET ${oneUrl(archive.id)} answered 500. OpenTok said: "the archive service is down".`,
        bytes: 0,
        seconds: 0
      }
    ])
    expect(calls).toStrictEqual([])
  })

  it('refuses an http download link when api-url is https, and follows no link that is not http(s)', async () => {
    const archive = kept(10)
    const { writer, calls } = fakeWriter()
    const secure = await rescueArchives(
      plan({ apiUrl: secureVendor.url }),
      '46000042',
      [archive],
      writer,
      rescueIo(undefined, { transport: secureTransport }).io
    )
    expect(secure.entries.map(e => e.outcome)).toStrictEqual([
      { kind: 'failed', error: 'the vendor gave a download link over http, not https; it is not followed', bytes: 0, seconds: 0 }
    ])
    expect(secureVendor.requests).toHaveLength(1)

    vendor.setLinks(id => `ftp://vendor-archives.example.com/${id}/archive.mp4`)
    const ftp = await rescueArchives(plan(), '46000042', [archive], writer, rescueIo().io)
    expect(ftp.entries.map(e => e.outcome)).toStrictEqual([
      { kind: 'failed', error: 'the vendor gave a download link over ftp, not https; it is not followed', bytes: 0, seconds: 0 }
    ])
    expect(calls).toStrictEqual([])
    expect(cloud.servedOf(archive.id)).toBe(0)
  })

  it('fails a copy whose bytes are not the vendor’s SHA-256, and says there was none to match when it gave none', async () => {
    const wrong = kept(100, { sha256sum: 'BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=' })
    const none = kept(100, { sha256sum: undefined })
    const { writer, calls } = fakeWriter()
    const report = await rescueArchives(plan(), '46000042', [wrong, none], writer, rescueIo().io)
    expect(report.entries[0]!.outcome).toMatchObject({
      kind: 'failed',
      error: expect.stringMatching(
        /^the SHA-256 of the bytes \(.{44}\) is not the vendor's \(BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\)$/
      )
    })
    expect(report.entries[1]!.outcome).toMatchObject({ kind: 'rescued', bytes: 100, vendorSha256: 'none' })
    // Only the bytes rescued count, not those of a copy that failed.
    expect(report.bytes).toBe(100)
    expect(calls).toStrictEqual([`putWhole 46000042/${none.id}/archive.mp4 100 video/mp4`])
  })

  it('resumes a dropped download with a fresh link from the vendor, within max-attempts', async () => {
    const archive = kept(1 * MIB)
    cloud.dropNext(archive.id, 5000)
    const { writer } = fakeWriter()
    const { io, lines, requests } = rescueIo()
    const report = await rescueArchives(plan(), '46000042', [archive], writer, io)
    expect(report.entries[0]!.outcome).toMatchObject({ kind: 'rescued', bytes: 1_048_576, seconds: 0.5 })
    expect(requests()).toBe(2)
    expect(lines[1]).toBe(
      'The download stopped at byte 5000 of 1048576 (UND_ERR_SOCKET: other side closed); resuming there with a fresh link.'
    )

    const again = kept(1 * MIB)
    cloud.dropNext(again.id, 5000)
    const once = await rescueArchives(plan({ maxAttempts: 1 }), '46000042', [again], writer, rescueIo().io)
    expect(once.entries[0]!.outcome).toMatchObject({
      kind: 'failed',
      error:
        'the download failed: the download stopped at byte 5000 of 1048576 (UND_ERR_SOCKET: other side closed) after 1 attempt(s) in a row'
    })
  })

  it.each([
    [{ status: 404, body: '{"message":"Archive not found"}' }, 'the vendor no longer has the archive (404)'],
    [{ status: 200, body: JSON.stringify({ status: 'uploaded', size: 4096 }) }, "the vendor gave no download link (status 'uploaded')"],
    [
      { status: 200, body: JSON.stringify({ status: 'available', size: 4096, url: 'http//no-scheme' }) },
      'the vendor gave a download link that is not a URL'
    ],
    [{ status: 400, body: '{"message":"no"}' }, 'GET {url} answered 400: the request was refused as invalid. OpenTok said: "no".']
  ])('gives up a dropped download when the fresh link cannot be had (%j)', async (second, why) => {
    const archive = kept(4096)
    const link = cloud.issueLink(archive.id)
    vendor.answer({ status: 200, body: JSON.stringify({ status: 'available', size: 4096, url: link }) }, second)
    cloud.dropNext(archive.id, 1000)
    const { writer, calls } = fakeWriter()
    const report = await rescueArchives(plan(), '46000042', [archive], writer, rescueIo().io)
    expect(report.entries[0]!.outcome).toMatchObject({
      kind: 'failed',
      error: `the download failed: the download stopped at byte 1000 of 4096 (UND_ERR_SOCKET: other side closed); no fresh link: ${why.replace('{url}', oneUrl(archive.id))}`,
      bytes: 1000
    })
    expect(report.bytes).toBe(0)
    expect(calls).toStrictEqual([])
  })

  it('takes a fresh link over https when api-url is http, and refuses a fresh link over ftp', async () => {
    const archive = kept(4096)
    vendor.answer(
      { status: 200, body: JSON.stringify({ status: 'available', size: 4096, url: cloud.issueLink(archive.id) }) },
      { status: 200, body: JSON.stringify({ status: 'available', size: 4096, url: 'ftp://x.example/a.mp4' }) }
    )
    cloud.dropNext(archive.id, 1000)
    const report = await rescueArchives(plan(), '46000042', [archive], fakeWriter().writer, rescueIo().io)
    expect(report.entries[0]!.outcome).toMatchObject({
      kind: 'failed',
      error:
        'the download failed: the download stopped at byte 1000 of 4096 (UND_ERR_SOCKET: other side closed); no fresh link: the vendor gave a download link over ftp, not https; it is not followed'
    })
  })

  it('waits the plan’s timeout for the next bytes of a download, and no less', async () => {
    const archive = kept(10)
    const stalling = createServer((_req, res) => {
      res.writeHead(206, { 'content-length': '10', 'content-range': 'bytes 0-9/10' })
      res.write(Buffer.alloc(5))
      // … and stalls.
    })
    await new Promise(resolve => stalling.listen(0, '127.0.0.1', () => resolve(undefined)))
    vendor.setLinks(() => `http://127.0.0.1:${(stalling.address() as AddressInfo).port}/stalls.mp4`)
    try {
      const started = Date.now()
      const report = await rescueArchives(
        plan({ timeoutSeconds: 2, maxAttempts: 1 }),
        '46000042',
        [archive],
        fakeWriter().writer,
        rescueIo().io
      )
      const waited = Date.now() - started
      expect(report.entries[0]!.outcome).toMatchObject({
        kind: 'failed',
        error: expect.stringMatching(
          /^the download failed: the download stopped at byte 5 of 10 \(UND_ERR_BODY_TIMEOUT: .+\) after 1 attempt\(s\) in a row$/
        )
      })
      // undici's timers tick about every half second: 2 s is not a few milliseconds.
      expect(waited).toBeGreaterThanOrEqual(1800)
      expect(waited).toBeLessThan(10_000)
    } finally {
      stalling.closeAllConnections()
      await new Promise(resolve => stalling.close(() => resolve(undefined)))
    }
  })

  it('prints no progress for a copy of 100,000,000 bytes', async () => {
    const clock = new ManualClock()
    const archive = kept(100_000_000)
    const { io, lines } = rescueIo(clock, { transport: new TenSecondsPerTenMegabytes(clock, 100_000_000) })
    const report = await rescueArchives(plan(), '46000042', [archive], fakeWriter().writer, io)
    expect(report.entries[0]!.outcome).toMatchObject({ kind: 'rescued', bytes: 100_000_000, seconds: 100 })
    expect(lines).toHaveLength(1)
  })

  it('prints progress every 10 s for a copy of 100,000,001 bytes: MB, percent, MB/s and the time left', async () => {
    const clock = new ManualClock()
    const archive = kept(100_000_001)
    const { io, lines } = rescueIo(clock, { transport: new TenSecondsPerTenMegabytes(clock, 100_000_001) })
    const report = await rescueArchives(plan(), '46000042', [archive], fakeWriter().writer, io)
    // The last byte comes 10 s after the last line: the copy is done, and no line says 100%.
    expect(report.entries[0]!.outcome).toMatchObject({ kind: 'rescued', bytes: 100_000_001, seconds: 110 })
    const id = archive.id
    expect(lines.slice(1)).toStrictEqual([
      `  ${id}: 10 of 100 MB (9%), 1.0 MB/s, about 90 s left`,
      `  ${id}: 20 of 100 MB (19%), 1.0 MB/s, about 80 s left`,
      `  ${id}: 30 of 100 MB (29%), 1.0 MB/s, about 70 s left`,
      `  ${id}: 40 of 100 MB (39%), 1.0 MB/s, about 60 s left`,
      `  ${id}: 50 of 100 MB (49%), 1.0 MB/s, about 50 s left`,
      `  ${id}: 60 of 100 MB (59%), 1.0 MB/s, about 40 s left`,
      `  ${id}: 70 of 100 MB (69%), 1.0 MB/s, about 30 s left`,
      `  ${id}: 80 of 100 MB (79%), 1.0 MB/s, about 20 s left`,
      `  ${id}: 90 of 100 MB (89%), 1.0 MB/s, about 10 s left`,
      `  ${id}: 100 of 100 MB (99%), 1.0 MB/s, about 0 s left`
    ])
  })
})

describe('fetchArchive', () => {
  const answered = async (body: unknown, status = 200) => {
    const id = nextId()
    vendor.answer({ status, body: typeof body === 'string' ? body : JSON.stringify(body) })
    const { io, masked, requests } = rescueIo()
    return { id, fresh: await fetchArchive(plan(), id, io), masked, requests }
  }
  const SHA = 'q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80='

  it('asks for the one archive, signed, as JSON, and reads its status, size, SHA-256 and link', async () => {
    const { id, fresh, masked, requests } = await answered({
      status: 'AVAILABLE',
      size: 1234,
      sha256sum: SHA,
      url: 'https://v.example/a.mp4'
    })
    expect(fresh).toStrictEqual({ kind: 'archive', status: 'available', size: 1234, sha256: SHA, url: 'https://v.example/a.mp4' })
    expect(masked).toContain('https://v.example/a.mp4')
    expect(requests()).toBe(1)
    const [request] = vendor.requests
    expect(request!.path).toBe(`/v2/project/46000042/archive/${id}`)
    expect(request!.method).toBe('GET')
    expect(request!.headers.accept).toBe('application/json')
    expect(request!.headers['user-agent']).toMatch(/^opentok-archive-target-action\//)
    expect(request!.problems).toStrictEqual([])
  })

  it.each([
    [
      { status: 'available', size: -1 },
      { kind: 'archive', status: 'available', size: 0 }
    ],
    [
      { status: 'available', size: '1234' },
      { kind: 'archive', status: 'available', size: 0 }
    ],
    [
      { status: 'available', size: 9_007_199_254_740_992 },
      { kind: 'archive', status: 'available', size: 0 }
    ],
    [
      { status: 'available', size: 9_007_199_254_740_991 },
      { kind: 'archive', status: 'available', size: 9_007_199_254_740_991 }
    ],
    [
      { status: 'available', size: 0, url: '' },
      { kind: 'archive', status: 'available', size: 0 }
    ],
    [
      { status: 'available', size: 0, url: 7 },
      { kind: 'archive', status: 'available', size: 0 }
    ],
    [
      { status: 'available', size: 0, sha256sum: SHA.slice(1) },
      { kind: 'archive', status: 'available', size: 0 }
    ],
    [
      { status: 'available', size: 0, sha256sum: `${SHA.slice(0, 43)}A` },
      { kind: 'archive', status: 'available', size: 0 }
    ],
    [
      { status: 'available', size: 0, sha256sum: `x${SHA}` },
      { kind: 'archive', status: 'available', size: 0 }
    ],
    [
      { status: 'available', size: 0, sha256sum: `${SHA}x` },
      { kind: 'archive', status: 'available', size: 0 }
    ],
    [
      { status: 'available', size: 0, sha256sum: `-${SHA.slice(1)}` },
      { kind: 'archive', status: 'available', size: 0 }
    ],
    [
      { status: 'available', size: 0, sha256sum: [SHA] },
      { kind: 'archive', status: 'available', size: 0 }
    ],
    [
      { status: 'available', size: 0, sha256sum: `+/${SHA.slice(2)}` },
      { kind: 'archive', status: 'available', size: 0, sha256: `+/${SHA.slice(2)}` }
    ]
  ])('reads %j as %j', async (body, expected) => {
    const { fresh, masked } = await answered(body)
    expect(fresh).toStrictEqual(expected)
    expect(masked.filter(m => !m.startsWith('eyJ'))).toStrictEqual([])
  })

  it('calls a 404 vanished, and a body that is not an archive an error', async () => {
    expect((await answered({ message: 'Archive not found' }, 404)).fresh).toStrictEqual({ kind: 'vanished' })
    for (const body of ['not json', 'null', '[]', '{"size":1}', '{"status":3}']) {
      const { id, fresh } = await answered(body)
      expect(fresh).toStrictEqual({ kind: 'error', error: `GET ${oneUrl(id)} answered 200 with a body that is not an archive.` })
    }
  })

  it('names the credentials on a 403, and accepts any 2xx', async () => {
    const { id, fresh } = await answered({ message: 'Invalid API key or secret' }, 403)
    expect(fresh).toStrictEqual({
      kind: 'error',
      error: `GET ${oneUrl(id)} answered 403: the API key or API secret is wrong. Check 'api-key' (the OpenTok project's API key) and 'api-secret' (that project's secret).`
    })
    expect((await answered({ status: 'available', size: 1 }, 299)).fresh).toStrictEqual({ kind: 'archive', status: 'available', size: 1 })
    expect((await answered({ status: 'available', size: 1 }, 300)).fresh).toMatchObject({ kind: 'error' })
  })

  it('counts every attempt, and says so when none was answered', async () => {
    const id = nextId()
    vendor.answer({ status: 503 }, { status: 200, body: JSON.stringify({ status: 'uploaded', size: 5 }) })
    const { io, requests } = rescueIo()
    expect(await fetchArchive(plan(), id, io)).toStrictEqual({ kind: 'archive', status: 'uploaded', size: 5 })
    expect(requests()).toBe(2)
    const { io: deadIo, requests: deadRequests } = rescueIo()
    const dead = await fetchArchive(plan({ apiUrl: 'http://127.0.0.1:9', maxAttempts: 2 }), id, deadIo)
    expect(dead).toStrictEqual({
      kind: 'error',
      error: expect.stringMatching(
        new RegExp(
          `^GET http://127\\.0\\.0\\.1:9/v2/project/46000042/archive/${id} got no answer after 2 attempt\\(s\\): ECONNREFUSED: .+\\.$`
        )
      )
    })
    expect(deadRequests()).toBe(2)
  })
})

describe('refusedDownloadUrl', () => {
  it.each([
    ['https://vendor.example/a.mp4?sig=1', 'https://api.opentok.com', undefined],
    ['https://vendor.example/a.mp4', 'http://127.0.0.1:4000', undefined],
    ['http://127.0.0.1:5000/a.mp4', 'http://127.0.0.1:4000', undefined],
    ['HTTP://127.0.0.1:5000/a.mp4', 'http://127.0.0.1:4000', undefined],
    ['http://vendor.example/a.mp4', 'https://api.opentok.com', 'the vendor gave a download link over http, not https; it is not followed'],
    ['http://vendor.example/a.mp4', 'http:/127.0.0.1:4000', 'the vendor gave a download link over http, not https; it is not followed'],
    ['ftp://vendor.example/a.mp4', 'http://127.0.0.1:4000', 'the vendor gave a download link over ftp, not https; it is not followed'],
    ['file:///etc/passwd', 'https://api.opentok.com', 'the vendor gave a download link over file, not https; it is not followed'],
    ['javascript:alert(1)', 'https://api.opentok.com', 'the vendor gave a download link over javascript, not https; it is not followed'],
    ['/archives/a.mp4', 'https://api.opentok.com', 'the vendor gave a download link that is not a URL'],
    ['', 'http://127.0.0.1:4000', 'the vendor gave a download link that is not a URL']
  ])('%s with api-url %s: %s', (url, apiUrl, refused) => {
    expect(refusedDownloadUrl(url, apiUrl)).toBe(refused)
  })
})
