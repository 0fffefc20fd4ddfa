/**
 * The download of an archive the vendor kept (src/rescue/download.ts), read through the real
 * Transport from the loopback stand-in of the vendor's cloud (support/download-standin.js: signed
 * links that expire, Range honoured, connections dropped part way) and, for answers the stand-in
 * never gives (a 200 that ignored Range, a Content-Range that starts elsewhere, a body longer or
 * shorter than asked, a stall), from a tiny server written here. Each test states the ranges asked
 * for, the bytes that arrived, the links fetched, and the words of the log line or the failure.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { Transport, type Clock } from '../../src/http.js'
import { download, DownloadFailed, type Refresh } from '../../src/rescue/download.js'
import { startDownloadStandIn } from '../support/download-standin.js'
import { FakeClock } from '../support/fake-clock.js'

const MIB = 1024 * 1024
/** 64 MiB, the most one GET asks for, written out. */
const WINDOW_BYTES = 67_108_864
/** 8 minutes, the age past which a link is swapped, written out. */
const FRESH_MS = 480_000
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }

/** A clock that moves only when told (or by a sleep), to age a link past its fresh time. */
class ManualClock implements Clock {
  readonly sleeps: number[] = []
  constructor(public time = 1_700_000_000_000) {}
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

type Handler = (req: IncomingMessage, res: ServerResponse, index: number) => void

/** A server for answers the stand-in never gives; each test sets its handler. */
async function startLocal() {
  const seen: IncomingHttpHeaders[] = []
  let handler: Handler = (_req, res) => res.writeHead(500).end()
  const server = createServer((req, res) => {
    seen.push(req.headers)
    handler(req, res, seen.length - 1)
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/archive.mp4`,
    seen,
    handle(next: Handler) {
      seen.length = 0
      handler = next
    },
    async close() {
      server.closeAllConnections()
      await new Promise(resolve => server.close(() => resolve(undefined)))
    }
  }
}

let cloud: Awaited<ReturnType<typeof startDownloadStandIn>>
let local: Awaited<ReturnType<typeof startLocal>>
const transport = new Transport()
let counter = 0
const nextId = () => `dl-${++counter}`

beforeAll(async () => {
  cloud = await startDownloadStandIn()
  local = await startLocal()
})
afterAll(async () => {
  await transport.close()
  await cloud.close()
  await local.close()
})
beforeEach(() => {
  cloud.requests.length = 0
  cloud.setLifetime(10 * 60_000)
})

interface Read {
  readonly bytes: Buffer
  readonly chunks: number[]
  readonly lines: string[]
  readonly error?: DownloadFailed
}

/** Reads the whole download (or until it fails); `onChunk` sees each chunk as it arrives. */
async function read(
  url: string,
  size: number,
  refresh: Refresh,
  options: { clock?: Clock; maxAttempts?: number; idleMs?: number; onChunk?: (total: number) => void } = {}
): Promise<Read> {
  const lines: string[] = []
  const parts: Buffer[] = []
  const chunks: number[] = []
  let total = 0
  try {
    for await (const chunk of download(url, size, refresh, {
      transport,
      clock: options.clock ?? new FakeClock(),
      log: { info: m => lines.push(m), debug: () => undefined },
      idleMs: options.idleMs ?? 10_000,
      maxAttempts: options.maxAttempts ?? 3
    })) {
      parts.push(Buffer.from(chunk))
      chunks.push(chunk.length)
      total += chunk.length
      options.onChunk?.(total)
    }
  } catch (error) {
    if (!(error instanceof DownloadFailed)) throw error
    return { bytes: Buffer.concat(parts), chunks, lines, error }
  }
  return { bytes: Buffer.concat(parts), chunks, lines }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64')
const gets = (id: string) => cloud.requests.filter(r => r.path === `/archives/${id}/archive.mp4`)
/** A refresh that hands out fresh links of the stand-in, expiring every older one first (so an old link would be refused). */
const freshLinks = (id: string) =>
  vi.fn<Refresh>(async () => {
    cloud.expireAll()
    return { url: cloud.issueLink(id) }
  })
/** Writes `length` bytes as the client takes them. */
function pump(res: ServerResponse, length: number): void {
  const block = Buffer.alloc(64 * 1024, 1)
  let sent = 0
  const more = () => {
    while (sent < length) {
      sent += block.length
      if (!res.write(block)) {
        res.once('drain', more)
        return
      }
    }
    res.end()
  }
  more()
}

/** 'closed' when the connection closes within 3 s, else 'still open'. */
const closedWithin = (closed: Promise<void>) =>
  Promise.race([closed.then(() => 'closed'), new Promise(resolve => setTimeout(() => resolve('still open'), 3000))])

/** The bytes 0, 1, 2, … of a small test archive. */
const counting = (length: number) => Buffer.from(Array.from({ length }, (_, i) => i % 256))

describe('ranged GETs', () => {
  it('reads an archive of exactly 64 MiB in one GET of bytes=0-67108863', async () => {
    const id = nextId()
    const sum = cloud.host(id, WINDOW_BYTES)
    const refresh = freshLinks(id)
    const got = await read(cloud.issueLink(id), WINDOW_BYTES, refresh)
    expect(got.error).toBeUndefined()
    expect(got.bytes.length).toBe(WINDOW_BYTES)
    expect(sha256(got.bytes)).toBe(sum)
    expect(gets(id).map(r => [r.range, r.status])).toStrictEqual([['bytes=0-67108863', 206]])
    expect(refresh).not.toHaveBeenCalled()
    expect(got.chunks.every(n => n > 0)).toBe(true)
  })

  it('asks for 64 MiB and then the one byte left of a 64 MiB + 1 archive, with the same link while it is exactly 8 minutes old', async () => {
    const id = nextId()
    const sum = cloud.host(id, WINDOW_BYTES + 1)
    const refresh = freshLinks(id)
    const clock = new ManualClock()
    let aged = false
    const got = await read(cloud.issueLink(id), WINDOW_BYTES + 1, refresh, {
      clock,
      onChunk: () => {
        if (aged) return
        aged = true
        clock.time += FRESH_MS
      }
    })
    expect(got.error).toBeUndefined()
    expect(sha256(got.bytes)).toBe(sum)
    expect(gets(id).map(r => [r.range, r.status])).toStrictEqual([
      ['bytes=0-67108863', 206],
      ['bytes=67108864-67108864', 206]
    ])
    expect(refresh).not.toHaveBeenCalled()
    expect(got.lines).toStrictEqual([])
  })

  it('swaps a link 8 minutes and 1 ms old for a fresh one before the next GET, and logs nothing for it', async () => {
    const id = nextId()
    const sum = cloud.host(id, WINDOW_BYTES + 5)
    const refresh = freshLinks(id)
    const clock = new ManualClock()
    let aged = false
    const got = await read(cloud.issueLink(id), WINDOW_BYTES + 5, refresh, {
      clock,
      onChunk: () => {
        if (aged) return
        aged = true
        clock.time += FRESH_MS + 1
      }
    })
    expect(got.error).toBeUndefined()
    expect(sha256(got.bytes)).toBe(sum)
    // The refresh expired the first link: the second GET went out with the fresh one.
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(gets(id).map(r => [r.range, r.status])).toStrictEqual([
      ['bytes=0-67108863', 206],
      ['bytes=67108864-67108868', 206]
    ])
    expect(got.lines).toStrictEqual([])
    expect(clock.sleeps).toStrictEqual([])
  })

  it('stops with the offset when no fresh link comes for a link past its fresh time', async () => {
    const id = nextId()
    cloud.host(id, WINDOW_BYTES + 5)
    const refresh = vi.fn<Refresh>(async () => ({ error: 'the vendor no longer has the archive (404)' }))
    const clock = new ManualClock()
    let aged = false
    const got = await read(cloud.issueLink(id), WINDOW_BYTES + 5, refresh, {
      clock,
      onChunk: () => {
        if (aged) return
        aged = true
        clock.time += FRESH_MS + 1
      }
    })
    expect(got.error?.message).toBe('the link was near the end of its life; no fresh link: the vendor no longer has the archive (404)')
    expect(got.error?.offset).toBe(67_108_864)
    expect(got.bytes.length).toBe(67_108_864)
    expect(gets(id)).toHaveLength(1)
  })

  it('counts a link’s age from when it was fetched: a fresh link after a drop is not swapped again at once', async () => {
    const id = nextId()
    const sum = cloud.host(id, 2 * MIB)
    cloud.dropNext(id, 100_000)
    const refresh = freshLinks(id)
    const clock = new ManualClock()
    let aged = false
    const got = await read(cloud.issueLink(id), 2 * MIB, refresh, {
      clock,
      onChunk: () => {
        if (aged) return
        aged = true
        // The first link is now exactly 8 minutes old; the backoff after the drop ages it past.
        clock.time += FRESH_MS
      }
    })
    expect(got.error).toBeUndefined()
    expect(sha256(got.bytes)).toBe(sum)
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(clock.sleeps).toStrictEqual([500])
    expect(gets(id).map(r => r.range)).toStrictEqual(['bytes=0-2097151', 'bytes=100000-2097151'])
  })

  it('sends no GET for an archive of 0 bytes', async () => {
    local.handle((_req, res) => res.writeHead(500).end())
    const refresh = vi.fn<Refresh>()
    const got = await read(`${local.url}?zero`, 0, refresh)
    expect(got.bytes.length).toBe(0)
    expect(got.error).toBeUndefined()
    expect(local.seen).toStrictEqual([])
    expect(refresh).not.toHaveBeenCalled()
  })

  it('sends only Range and User-Agent (besides Host and Connection): no token, no credentials', async () => {
    const id = nextId()
    cloud.host(id, 1 * MIB)
    cloud.dropNext(id, 10)
    await read(cloud.issueLink(id), 1 * MIB, freshLinks(id))
    expect(gets(id)).toHaveLength(2)
    for (const request of gets(id)) {
      expect(Object.keys(request.headers).sort()).toStrictEqual(['connection', 'host', 'range', 'user-agent'])
      expect(request.headers['user-agent']).toBe(`opentok-archive-target-action/${version}`)
    }
  })
})

describe('resuming', () => {
  it('resumes at the exact byte where a dropped connection stopped, with a fresh link, reading no byte twice', async () => {
    const id = nextId()
    const sum = cloud.host(id, 3 * MIB)
    cloud.dropNext(id, 1 * MIB + 5)
    const refresh = freshLinks(id)
    const clock = new FakeClock()
    const got = await read(cloud.issueLink(id), 3 * MIB, refresh, { clock })
    expect(got.error).toBeUndefined()
    expect(got.bytes.equals(cloud.bytesOf(id))).toBe(true)
    expect(sha256(got.bytes)).toBe(sum)
    expect(gets(id).map(r => [r.range, r.status, r.bytes])).toStrictEqual([
      ['bytes=0-3145727', 206, 1_048_581],
      ['bytes=1048581-3145727', 206, 2_097_147]
    ])
    expect(cloud.servedOf(id)).toBe(3_145_728)
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(got.lines).toStrictEqual([
      'The download stopped at byte 1048581 of 3145728 (UND_ERR_SOCKET: other side closed); resuming there with a fresh link.'
    ])
    expect(clock.sleeps).toStrictEqual([500])
  })

  it('fetches a fresh link after a 403 and asks again for the same byte, backing off longer each time', async () => {
    const id = nextId()
    const sum = cloud.host(id, 1 * MIB)
    cloud.dropNext(id, 300_000)
    // After the drop, the vendor hands out one link that is dead on arrival, then a good one.
    let calls = 0
    const refresh = vi.fn<Refresh>(async () => {
      calls++
      const url = cloud.issueLink(id)
      if (calls === 1) cloud.expireAll()
      return { url }
    })
    const clock = new FakeClock()
    const got = await read(cloud.issueLink(id), 1 * MIB, refresh, { clock, maxAttempts: 3 })
    expect(got.error).toBeUndefined()
    expect(sha256(got.bytes)).toBe(sum)
    expect(gets(id).map(r => [r.range, r.status])).toStrictEqual([
      ['bytes=0-1048575', 206],
      ['bytes=300000-1048575', 403],
      ['bytes=300000-1048575', 206]
    ])
    expect(refresh).toHaveBeenCalledTimes(2)
    expect(got.lines).toStrictEqual([
      'The download stopped at byte 300000 of 1048576 (UND_ERR_SOCKET: other side closed); resuming there with a fresh link.',
      'The download stopped at byte 300000 of 1048576 (HTTP 403); resuming there with a fresh link.'
    ])
    expect(clock.sleeps).toStrictEqual([500, 1000])
  })

  it('gives up after max-attempts failures in a row, with the byte it stopped at in the message', async () => {
    const id = nextId()
    cloud.host(id, 1 * MIB)
    cloud.dropNext(id, 200_000)
    const refresh = vi.fn<Refresh>(async () => {
      const url = cloud.issueLink(id)
      cloud.expireAll()
      return { url }
    })
    const clock = new FakeClock()
    const got = await read(cloud.issueLink(id), 1 * MIB, refresh, { clock, maxAttempts: 3 })
    expect(got.error).toBeInstanceOf(DownloadFailed)
    expect(got.error?.message).toBe('the download stopped at byte 200000 of 1048576 (HTTP 403) after 3 attempt(s) in a row')
    expect(got.error?.offset).toBe(200_000)
    expect(got.bytes.length).toBe(200_000)
    expect(gets(id).map(r => r.status)).toStrictEqual([206, 403, 403])
    expect(refresh).toHaveBeenCalledTimes(2)
    expect(clock.sleeps).toStrictEqual([500, 1000])
  })

  it('gives up at the first failure when max-attempts is 1, without asking for a link', async () => {
    const id = nextId()
    cloud.host(id, 1000)
    const url = cloud.issueLink(id)
    cloud.expireAll()
    const refresh = vi.fn<Refresh>()
    const clock = new FakeClock()
    const got = await read(url, 1000, refresh, { clock, maxAttempts: 1 })
    expect(got.error?.message).toBe('the download stopped at byte 0 of 1000 (HTTP 403) after 1 attempt(s) in a row')
    expect(got.error?.offset).toBe(0)
    expect(refresh).not.toHaveBeenCalled()
    expect(clock.sleeps).toStrictEqual([])
    expect(got.lines).toStrictEqual([])
  })

  it('counts only failures in a row: a GET that read bytes starts the count again', async () => {
    const id = nextId()
    const sum = cloud.host(id, 1 * MIB)
    cloud.dropNext(id, 100_000)
    cloud.dropNext(id, 100_000)
    cloud.dropNext(id, 100_000)
    const refresh = freshLinks(id)
    const clock = new FakeClock()
    const got = await read(cloud.issueLink(id), 1 * MIB, refresh, { clock, maxAttempts: 2 })
    expect(got.error).toBeUndefined()
    expect(sha256(got.bytes)).toBe(sum)
    expect(gets(id).map(r => r.range)).toStrictEqual([
      'bytes=0-1048575',
      'bytes=100000-1048575',
      'bytes=200000-1048575',
      'bytes=300000-1048575'
    ])
    // Each drop is the first failure in a row: the backoff never grows.
    expect(clock.sleeps).toStrictEqual([500, 500, 500])
  })

  it('stops with the vendor’s reason when no fresh link comes after a failure', async () => {
    const id = nextId()
    cloud.host(id, 1000)
    const url = cloud.issueLink(id)
    cloud.expireAll()
    const got = await read(url, 1000, async () => ({ error: 'the vendor no longer has the archive (404)' }))
    expect(got.error?.message).toBe(
      'the download stopped at byte 0 of 1000 (HTTP 403); no fresh link: the vendor no longer has the archive (404)'
    )
    expect(got.error?.offset).toBe(0)
  })
})

describe('answers the stand-in never gives', () => {
  it('skips what was read already when a server answers 200 to a Range, and reads the rest of the file', async () => {
    const id = nextId()
    const whole = (cloud.host(id, 3 * MIB), cloud.bytesOf(id))
    cloud.dropNext(id, 1 * MIB + 5)
    local.handle((_req, res) => {
      res.writeHead(200, { 'content-length': String(whole.length) })
      res.end(whole)
    })
    const refresh = vi.fn<Refresh>(async () => ({ url: local.url }))
    const got = await read(cloud.issueLink(id), 3 * MIB, refresh)
    expect(got.error).toBeUndefined()
    expect(got.bytes.equals(whole)).toBe(true)
    expect(local.seen.map(h => h.range)).toStrictEqual(['bytes=1048581-3145727'])
    expect(got.chunks.every(n => n > 0)).toBe(true)
    expect(Object.keys(local.seen[0]!).sort()).toStrictEqual(['connection', 'host', 'range', 'user-agent'])
  })

  it('reads a 200 to its end in one GET, even past 64 MiB', async () => {
    const size = WINDOW_BYTES + 3
    const whole = Buffer.alloc(size, 7)
    whole.writeUInt32BE(0xdeadbeef, size - 4)
    local.handle((_req, res) => {
      res.writeHead(200, { 'content-length': String(size) })
      res.end(whole)
    })
    const got = await read(local.url, size, vi.fn<Refresh>())
    expect(got.error).toBeUndefined()
    expect(got.bytes.length).toBe(67_108_867)
    expect(got.bytes.equals(whole)).toBe(true)
    expect(local.seen.map(h => h.range)).toStrictEqual(['bytes=0-67108863'])
  })

  it('refuses at once, with no retry, a file whose length is not the vendor’s size: a cut copy would match it', async () => {
    local.handle((_req, res) => {
      res.writeHead(200, { 'content-length': '30' })
      res.end(counting(30))
    })
    const refresh = vi.fn<Refresh>(async () => ({ url: local.url }))
    const longer = await read(local.url, 20, refresh, { maxAttempts: 3 })
    expect(longer.error?.message).toBe('the file is 30 bytes, but the vendor gave its size as 20: a copy of it could not be proved')
    expect(longer.error?.offset).toBe(0)
    expect(longer.bytes).toHaveLength(0)
    expect(local.seen).toHaveLength(1)
    expect(refresh).not.toHaveBeenCalled()

    local.handle((_req, res, index) => {
      if (index === 0) {
        res.writeHead(206, { 'content-length': '12', 'content-range': 'bytes 0-19/20' })
        res.end(counting(12))
      } else {
        res.writeHead(206, { 'content-length': '8', 'content-range': 'bytes 12-19/19' })
        res.end(counting(20).subarray(12))
      }
    })
    const shorter = await read(local.url, 20, refresh, { maxAttempts: 3 })
    expect(shorter.error?.message).toBe('the file is 19 bytes, but the vendor gave its size as 20: a copy of it could not be proved')
    expect(shorter.error?.offset).toBe(12)
    expect(local.seen).toHaveLength(2)
  })

  it.each(['xbytes 0-9/30', 'bytes 0-9/30x'])('reads no length from a Content-Range %j that is not one', async contentRange => {
    local.handle((_req, res) => {
      res.writeHead(206, { 'content-length': '10', 'content-range': contentRange })
      res.end(counting(10))
    })
    const got = await read(local.url, 10, vi.fn<Refresh>(), { maxAttempts: 1 })
    expect(got.error?.message).toBe(
      'the download stopped at byte 0 of 10 (the answer did not start at the byte asked for) after 1 attempt(s) in a row'
    )
  })

  it('takes no more than the size from a 200 of unknown length that sends more, nor more than the range from a 206', async () => {
    local.handle((_req, res) => {
      res.writeHead(200, { 'transfer-encoding': 'chunked' })
      res.end(counting(30))
    })
    const whole = await read(local.url, 20, vi.fn<Refresh>())
    expect(whole.error).toBeUndefined()
    expect(whole.bytes.equals(counting(20))).toBe(true)
    expect(local.seen).toHaveLength(1)

    local.handle((_req, res) => {
      res.writeHead(206, { 'content-length': '20', 'content-range': 'bytes 0-9/10' })
      res.end(counting(20))
    })
    const ranged = await read(local.url, 10, vi.fn<Refresh>())
    expect(ranged.bytes.equals(counting(10))).toBe(true)
    expect(local.seen).toHaveLength(1)
  })

  it.each([
    [{ 'content-length': ' 20 ' }, true],
    [{ 'content-length': '20' }, true],
    [{ 'content-length': '19' }, false],
    [{ 'content-length': '021' }, false]
  ])('a 200 with %j is taken for 20 bytes: %s', async (headers, taken) => {
    local.handle((_req, res) => {
      res.writeHead(200, headers)
      res.end(counting(Number(headers['content-length'].trim())))
    })
    const got = await read(
      local.url,
      20,
      vi.fn<Refresh>(async () => ({ error: 'none' })),
      { maxAttempts: 1 }
    )
    expect(got.error === undefined).toBe(taken)
  })

  it('stops reading when the range is complete, without waiting for a body that never ends', async () => {
    local.handle((_req, res) => {
      res.writeHead(206, { 'content-range': 'bytes 0-9/10' })
      res.write(counting(10))
      // … and never ends.
    })
    const got = await read(local.url, 10, vi.fn<Refresh>(), { idleMs: 3000, maxAttempts: 1 })
    expect(got.error).toBeUndefined()
    expect(got.bytes.equals(counting(10))).toBe(true)
  })

  it('asks again for the last byte when a body ends one byte short of its range', async () => {
    local.handle((_req, res, index) => {
      if (index === 0) {
        res.writeHead(206, { 'content-length': '19', 'content-range': 'bytes 0-19/20' })
        res.end(counting(19))
      } else {
        res.writeHead(206, { 'content-length': '1', 'content-range': 'bytes 19-19/20' })
        res.end(counting(20).subarray(19))
      }
    })
    const refresh = vi.fn<Refresh>(async () => ({ url: `${local.url}?again` }))
    const got = await read(local.url, 20, refresh)
    expect(got.bytes.equals(counting(20))).toBe(true)
    expect(local.seen.map(h => h.range)).toStrictEqual(['bytes=0-19', 'bytes=19-19'])
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(got.lines).toStrictEqual([
      'The download stopped at byte 19 of 20 (the connection closed before the end of the range); resuming there with a fresh link.'
    ])
  })

  it.each([
    ['bytes 12-19/20', true],
    ['bytes 12-19/*', true],
    [['bytes 12-19/20', 'bytes 0-7/20'], true],
    [['bytes 0-7/20', 'bytes 12-19/20'], false],
    [undefined, false],
    ['bytes 11-19/20', false],
    ['bytes 13-19/20', false],
    ['bytes 12-19', false],
    ['bytes 12-19/', false],
    ['bytes 12-/20', false],
    ['bytes -19/20', false],
    ['xbytes 12-19/20', false],
    ['bytes 12-19/20x', false],
    ['bytes=12-19/20', false]
  ] as Array<[string | string[] | undefined, boolean]>)(
    'after a body cut short at byte 12, a 206 with Content-Range %j is taken: %s',
    async (contentRange, taken) => {
      local.handle((_req, res, index) => {
        if (index === 0) {
          res.writeHead(206, { 'content-length': '12', 'content-range': 'bytes 0-19/20' })
          res.end(counting(12))
        } else {
          res.setHeader('content-length', '8')
          if (contentRange !== undefined) res.setHeader('content-range', contentRange)
          res.writeHead(206)
          res.end(counting(20).subarray(12))
        }
      })
      const got = await read(local.url, 20, async () => ({ url: `${local.url}?again` }), { maxAttempts: 2 })
      expect(local.seen.map(h => h.range)).toStrictEqual(['bytes=0-19', 'bytes=12-19'])
      if (taken) {
        expect(got.error).toBeUndefined()
        expect(got.bytes.equals(counting(20))).toBe(true)
      } else {
        expect(got.error?.message).toBe(
          'the download stopped at byte 12 of 20 (the answer did not start at the byte asked for) after 2 attempt(s) in a row'
        )
        expect(got.error?.offset).toBe(12)
        expect(got.bytes.equals(counting(12))).toBe(true)
      }
      expect(got.lines).toStrictEqual([
        'The download stopped at byte 12 of 20 (the connection closed before the end of the range); resuming there with a fresh link.'
      ])
    }
  )

  it('names the status of an answer that is neither 200 nor 206, even one with the Content-Range asked for', async () => {
    local.handle((_req, res) => res.writeHead(500, { 'content-range': 'bytes 0-9/10', 'content-length': '10' }).end(counting(10)))
    const got = await read(local.url, 10, vi.fn<Refresh>(), { maxAttempts: 1 })
    expect(got.error?.message).toBe('the download stopped at byte 0 of 10 (HTTP 500) after 1 attempt(s) in a row')
  })

  it('takes no more than the range from a 206 that sends more, at a later byte too', async () => {
    local.handle((_req, res, index) => {
      if (index === 0) {
        res.writeHead(206, { 'content-length': '12', 'content-range': 'bytes 0-19/20' })
        res.end(counting(12))
      } else {
        res.writeHead(206, { 'content-length': '10', 'content-range': 'bytes 12-19/20' })
        res.end(Buffer.concat([counting(20).subarray(12), Buffer.from([0xee, 0xee])]))
      }
    })
    const got = await read(local.url, 20, async () => ({ url: `${local.url}?again` }))
    expect(got.error).toBeUndefined()
    expect(got.bytes.equals(counting(20))).toBe(true)
    expect(local.seen).toHaveLength(2)
  })

  it('reads a range that arrives in pieces to its last byte in one GET', async () => {
    local.handle((_req, res) => {
      res.writeHead(206, { 'content-length': '20', 'content-range': 'bytes 0-19/20' })
      res.write(counting(19))
      setTimeout(() => res.end(counting(20).subarray(19)), 100)
    })
    const got = await read(local.url, 20, vi.fn<Refresh>())
    expect(got.bytes.equals(counting(20))).toBe(true)
    expect(got.chunks).toStrictEqual([19, 1])
    expect(local.seen).toHaveLength(1)
    expect(got.lines).toStrictEqual([])
  })

  it('names the network error when the link’s host refuses the connection', async () => {
    const got = await read('http://127.0.0.1:9/archive.mp4', 10, vi.fn<Refresh>(), { maxAttempts: 1 })
    expect(got.error?.message).toBe(
      'the download stopped at byte 0 of 10 (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9) after 1 attempt(s) in a row'
    )
  })

  it('closes the connection of a refused answer without reading its body', async () => {
    let closed!: () => void
    const connectionClosed = new Promise<void>(resolve => (closed = resolve))
    local.handle((_req, res) => {
      res.writeHead(500, { 'content-length': String(32 * MIB) })
      res.on('close', () => closed())
      pump(res, 32 * MIB)
    })
    const got = await read(local.url, 10, vi.fn<Refresh>(), { maxAttempts: 1 })
    expect(got.error?.message).toBe('the download stopped at byte 0 of 10 (HTTP 500) after 1 attempt(s) in a row')
    expect(await closedWithin(connectionClosed)).toBe('closed')
  })

  it('waits at most idle-ms for the next bytes', async () => {
    local.handle((_req, res) => {
      res.writeHead(206, { 'content-length': '10', 'content-range': 'bytes 0-9/10' })
      res.write(counting(5))
      // … and stalls.
    })
    const started = Date.now()
    const got = await read(local.url, 10, vi.fn<Refresh>(), { idleMs: 300, maxAttempts: 1 })
    expect(got.error?.message).toMatch(/^the download stopped at byte 5 of 10 \(UND_ERR_BODY_TIMEOUT: .+\) after 1 attempt\(s\) in a row$/)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('closes the connection when the reader stops early', async () => {
    let closed!: () => void
    const connectionClosed = new Promise<void>(resolve => (closed = resolve))
    local.handle((_req, res) => {
      res.writeHead(206, { 'content-length': String(32 * MIB), 'content-range': `bytes 0-${32 * MIB - 1}/${32 * MIB}` })
      res.on('close', () => closed())
      pump(res, 32 * MIB)
    })
    const reader = download(local.url, 32 * MIB, vi.fn<Refresh>(), {
      transport,
      clock: new FakeClock(),
      log: { info: () => undefined, debug: () => undefined },
      idleMs: 10_000,
      maxAttempts: 1
    })
    const first = await reader.next()
    expect(first.done).toBe(false)
    await reader.return(undefined)
    expect(await closedWithin(connectionClosed)).toBe('closed')
  })
})
