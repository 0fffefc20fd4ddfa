/**
 * One archive's copy (src/rescue/copy.ts) with the real S3 writer (src/verify/s3-writer.ts) and
 * Transport: the bytes come from the loopback stand-in of the vendor's cloud
 * (support/download-standin.js) and go to the fast S3 stand-in (support/s3-standin.js: conditional
 * writes, multipart with R2's equal-size and 5 MiB rules, aborts, scripted refusals). Writer
 * wrappers written here slow the parts down (to count the parts held at once), or make the storage
 * list another length, or an object appear before the commit. Each test states what is in the
 * bucket afterwards, the requests the stand-in saw, and the copy's result, word for word.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { Transport, type Clock, type StreamingAnswer } from '../../src/http.js'
import { copyArchive, type CopyJob } from '../../src/rescue/copy.js'
import type { Refresh } from '../../src/rescue/download.js'
import type { ObjectWriter } from '../../src/verify/object-writer.js'
import { makeS3Writer } from '../../src/verify/s3-writer.js'
import { startDownloadStandIn } from '../support/download-standin.js'
import { startS3StandIn } from '../support/s3-standin.js'

const MIB = 1024 * 1024
const BUCKET = 'rescue-copies'
const WRONG_SHA = 'BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc='

/** A clock that moves only by the sleeps asked of it: a copy's `seconds` is its backoff. */
class ManualClock implements Clock {
  readonly sleeps: number[] = []
  time = 1_700_000_000_000
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

let cloud: Awaited<ReturnType<typeof startDownloadStandIn>>
let s3: Awaited<ReturnType<typeof startS3StandIn>>
const transport = new Transport()
let counter = 0

beforeAll(async () => {
  cloud = await startDownloadStandIn()
  s3 = await startS3StandIn([BUCKET])
})
afterAll(async () => {
  await transport.close()
  await cloud.close()
  await s3.close()
})
beforeEach(() => {
  s3.setPolicy(undefined)
  s3.requests.length = 0
  s3.aborted.length = 0
  cloud.requests.length = 0
})

const io = (clock: Clock) => ({ transport, clock, log: { info: () => undefined, debug: () => undefined }, idleMs: 10_000, maxAttempts: 3 })
const s3Writer = (clock: Clock) =>
  makeS3Writer(
    { type: 's3', bucket: BUCKET, accessKey: 'AKIACOPY0000001', secretKey: 'copy/secret+key', endpoint: s3.url, sse: 'none' },
    { transport, clock, policy: { maxAttempts: 3, timeoutMs: 30_000 }, log: { info: () => undefined, debug: () => undefined }, secrets: [] }
  )

/** An archive of `size` bytes hosted in the stand-in cloud; its key, link, SHA-256 and bytes. */
function hosted(size: number) {
  const id = `copy-${++counter}`
  const sha256 = cloud.host(id, size)
  return { id, size, key: `46000071/${id}/archive.mp4`, sha256, url: cloud.issueLink(id), bytes: () => cloud.bytesOf(id) }
}

const freshLinks =
  (id: string): Refresh =>
  async () => ({ url: cloud.issueLink(id) })
const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex')

function job(archive: ReturnType<typeof hosted>, writer: ObjectWriter, clock: Clock, more: Partial<CopyJob> = {}): CopyJob {
  return {
    key: archive.key,
    contentType: 'video/mp4',
    source: { url: archive.url, size: archive.size, sha256: archive.sha256 },
    refresh: freshLinks(archive.id),
    writer,
    io: io(clock),
    ...more
  }
}

/** The writes the stand-in saw, as "METHOD query-kind bytes". */
const writes = () =>
  s3.requests.map(r => {
    const kind = r.query.startsWith('?partNumber=')
      ? `part ${new URLSearchParams(r.query).get('partNumber')}`
      : r.query.startsWith('?uploadId=')
        ? 'uploadId'
        : r.query.startsWith('?list-type=2')
          ? 'list'
          : r.query
    return `${r.method} ${kind} ${r.bytes} → ${r.status}`
  })

/** The message the S3 writer gives for a write refused with 403 AccessDenied, written out. */
const deniedWrite = (key: string) =>
  `Rescue could not write to the target: the write of s3://${BUCKET}/${key} was refused with AccessDenied (HTTP 403): the credentials may not write to this bucket: the bucket or IAM policy must allow s3:PutObject on the bucket's objects (with 'sse: s3', also with x-amz-server-side-encryption: AES256). The service said: "AccessDenied". The archive stays in the vendor cloud until its deadline; fix the target, and the next audit copies it.`
const abortRefused = (key: string) =>
  `the multipart upload of s3://${BUCKET}/${key} could not be aborted (AccessDenied): its parts stay until a lifecycle rule removes them (allow s3:AbortMultipartUpload).`

/**
 * The writer with each part held back until the copy has read nothing for 200 ms (it waits for a
 * place to hold the next part), counting the part calls running at once. `read` is told of each read.
 */
function heldParts(writer: ObjectWriter) {
  const seen = { running: 0, most: 0, indexes: [] as number[] }
  let lastRead = Date.now()
  let waiting: Array<() => void> = []
  const timer = setInterval(() => {
    if (waiting.length === 0 || Date.now() - lastRead < 200) return
    const go = waiting
    waiting = []
    for (const release of go) release()
  }, 20)
  const wrapped: ObjectWriter = {
    ...writer,
    async begin(key, contentType) {
      const begun = await writer.begin(key, contentType)
      if (!begun.ok) return begun
      const upload = begun.upload
      return {
        ok: true,
        upload: {
          ...upload,
          async part(index, body) {
            seen.running++
            seen.most = Math.max(seen.most, seen.running)
            seen.indexes.push(index)
            try {
              await new Promise<void>(resolve => waiting.push(resolve))
              return await upload.part(index, body)
            } finally {
              seen.running--
            }
          }
        }
      }
    }
  }
  return { writer: wrapped, seen, read: () => (lastRead = Date.now()), stop: () => clearInterval(timer) }
}

/** The real transport, handing each body on in pieces of `piece` bytes, each after the event loop has turned. */
class PartSizedPieces extends Transport {
  constructor(private readonly piece: number) {
    super()
  }
  override async stream(url: string, headers: Record<string, string>, idleMs: number): Promise<StreamingAnswer> {
    const answer = await super.stream(url, headers, idleMs)
    const piece = this.piece
    async function* pieces(): AsyncGenerator<Buffer> {
      let held: Buffer[] = []
      let length = 0
      const next = async () => {
        await new Promise(resolve => setImmediate(resolve))
        const whole = Buffer.concat(held)
        held = []
        length = 0
        return whole
      }
      for await (const chunk of answer.body) {
        let rest: Buffer = chunk
        while (length + rest.length >= piece) {
          held.push(rest.subarray(0, piece - length))
          rest = rest.subarray(piece - length)
          length = piece
          yield await next()
        }
        if (rest.length > 0) {
          held.push(rest)
          length += rest.length
        }
      }
      if (length > 0) yield await next()
    }
    return { ...answer, body: pieces() }
  }
}

/** An ObjectWriter in memory with parts of `partSize`: each part is stored (or refused by `refuse`) at once. */
function memoryWriter(partSize: number, refuse: (index: number) => string | undefined = () => undefined) {
  const parts: number[] = []
  let committed: number | undefined
  const writer: ObjectWriter = {
    partSize: () => partSize,
    requests: () => 0,
    putWhole: async () => ({ ok: false, error: 'not used' }),
    begin: async () => ({
      ok: true,
      upload: {
        part: async index => {
          parts.push(index)
          const refused = refuse(index)
          return refused === undefined ? { ok: true } : { ok: false, error: refused }
        },
        commit: async count => {
          committed = count
          return { ok: true }
        },
        abort: async () => undefined
      }
    }),
    stat: async () => ({ ok: true, object: { size: committed === undefined ? 0 : Math.min(committed * partSize, total) } }),
    remove: async () => ({ ok: true })
  }
  let total = 0
  return { writer, parts, setTotal: (bytes: number) => (total = bytes) }
}

describe('whole or in parts', () => {
  it('writes an archive of exactly one part size (8 MiB) in one PUT, and proves it by the list', async () => {
    const clock = new ManualClock()
    const archive = hosted(8 * MIB)
    const progress: number[] = []
    const result = await copyArchive(job(archive, s3Writer(clock), clock, { progress: bytes => progress.push(bytes) }))
    const body = archive.bytes()
    expect(result).toStrictEqual({
      kind: 'rescued',
      bytes: 8_388_608,
      sha256: archive.sha256,
      vendorSha256: 'matched',
      etag: `"${md5(body)}"`,
      seconds: 0
    })
    expect(s3.object(BUCKET, archive.key)?.body.equals(body)).toBe(true)
    expect(s3.object(BUCKET, archive.key)?.contentType).toBe('video/mp4')
    expect(writes()).toStrictEqual(['PUT  8388608 → 200', 'GET list 0 → 200'])
    expect(progress.at(-1)).toBe(8_388_608)
    expect(progress.every((bytes, i) => i === 0 || bytes > progress[i - 1]!)).toBe(true)
  })

  it('writes one byte more (8 MiB + 1) in two parts, 8 MiB and 1 byte, committed in order', async () => {
    const clock = new ManualClock()
    const archive = hosted(8 * MIB + 1)
    const progress: number[] = []
    const result = await copyArchive(
      job(archive, s3Writer(clock), clock, { contentType: 'application/zip', progress: bytes => progress.push(bytes) })
    )
    const body = archive.bytes()
    const partsMd5 = md5(
      Buffer.concat([
        createHash('md5')
          .update(body.subarray(0, 8 * MIB))
          .digest(),
        createHash('md5')
          .update(body.subarray(8 * MIB))
          .digest()
      ])
    )
    expect(result).toStrictEqual({
      kind: 'rescued',
      bytes: 8_388_609,
      sha256: archive.sha256,
      vendorSha256: 'matched',
      etag: `"${partsMd5}-2"`,
      seconds: 0
    })
    expect(s3.object(BUCKET, archive.key)?.body.equals(body)).toBe(true)
    expect(s3.object(BUCKET, archive.key)?.contentType).toBe('application/zip')
    // The two parts go up side by side: either may arrive first.
    const seen = writes()
    expect([seen[0], ...seen.slice(1, 3).sort(), ...seen.slice(3)]).toStrictEqual([
      'POST ?uploads 0 → 200',
      'PUT part 1 8388608 → 200',
      'PUT part 2 1 → 200',
      'POST uploadId 223 → 200',
      'GET list 0 → 200'
    ])
    expect(progress.at(-1)).toBe(8_388_609)
    expect(s3.openUploads()).toStrictEqual([])
  })

  it('cuts 30 MiB + 3 into parts of 8 MiB and a last of 6 MiB + 3', async () => {
    const clock = new ManualClock()
    const archive = hosted(30 * MIB + 3)
    const result = await copyArchive(job(archive, s3Writer(clock), clock))
    expect(result.kind).toBe('rescued')
    const parts = s3.requests.filter(r => r.query.startsWith('?partNumber='))
    expect(parts.map(r => [new URLSearchParams(r.query).get('partNumber'), r.bytes]).sort()).toStrictEqual([
      ['1', 8_388_608],
      ['2', 8_388_608],
      ['3', 8_388_608],
      ['4', 6_291_459]
    ])
    expect(s3.object(BUCKET, archive.key)?.body.equals(archive.bytes())).toBe(true)
  })

  it('holds at most 4 parts at once, whatever the size: counted at the writer and at the stand-in', async () => {
    const clock = new ManualClock()
    const archive = hosted(48 * MIB)
    const held = heldParts(s3Writer(clock))
    // What the copy has read but the stand-in has not yet stored is what it holds.
    let mostHeld = 0
    const stored = () => s3.requests.filter(r => r.query.startsWith('?partNumber=')).reduce((sum, r) => sum + r.bytes, 0)
    const progress = (bytes: number) => {
      held.read()
      mostHeld = Math.max(mostHeld, bytes - stored())
    }
    const result = await copyArchive(job(archive, held.writer, clock, { progress })).finally(held.stop)
    expect(result.kind).toBe('rescued')
    expect(held.seen.most).toBe(4)
    expect(held.seen.indexes).toStrictEqual([0, 1, 2, 3, 4, 5])
    // Four parts of 8 MiB, and the chunk just read that waits for a place.
    expect(mostHeld).toBeGreaterThan(3 * 8 * MIB + 1 * MIB)
    expect(mostHeld).toBeLessThanOrEqual(4 * 8 * MIB + 1 * MIB)
    expect(s3.object(BUCKET, archive.key)?.body.equals(archive.bytes())).toBe(true)
  })
})

describe('places for parts', () => {
  it('reuses the buffer of a stored part: at most 4 are made however many parts, and each part keeps its bytes', async () => {
    const clock = new ManualClock()
    const archive = hosted(56 * MIB + 3)
    const writer = s3Writer(clock)
    const buffers = new Set<ArrayBufferLike>()
    const sent: Array<{ index: number; sha256: string }> = []
    const watched: ObjectWriter = {
      ...writer,
      begin: async (key, contentType) => {
        const begun = await writer.begin(key, contentType)
        if (!begun.ok) return begun
        return {
          ok: true,
          upload: {
            ...begun.upload,
            part: async (index, body) => {
              buffers.add(body.buffer)
              const outcome = await begun.upload.part(index, body)
              // The bytes as they were when their request was over: a buffer reused too soon would show here.
              sent.push({ index, sha256: createHash('sha256').update(body).digest('hex') })
              return outcome
            }
          }
        }
      }
    }
    const result = await copyArchive(job(archive, watched, clock))
    expect(result.kind).toBe('rescued')
    expect(sent.map(part => part.index).sort((a, b) => a - b)).toStrictEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(buffers.size).toBeGreaterThan(0)
    expect(buffers.size).toBeLessThanOrEqual(4)
    const whole = archive.bytes()
    for (const part of sent) {
      const expected = createHash('sha256')
        .update(whole.subarray(part.index * 8 * MIB, (part.index + 1) * 8 * MIB))
        .digest('hex')
      expect(part.sha256, `part ${part.index}`).toBe(expected)
    }
    expect(s3.object(BUCKET, archive.key)?.body.equals(whole)).toBe(true)
  })

  it('frees a place as each part is stored, however many parts and however soon they are stored', { timeout: 20_000 }, async () => {
    const clock = new ManualClock()
    const archive = hosted(48 * MIB)
    const memory = memoryWriter(8 * MIB)
    memory.setTotal(48 * MIB)
    // Each part is stored before the next byte arrives: no part is ever waited for.
    const paced = new PartSizedPieces(8 * MIB)
    const result = await copyArchive(job(archive, memory.writer, clock, { io: { ...io(clock), transport: paced } })).finally(() =>
      paced.close()
    )
    expect(result).toMatchObject({ kind: 'rescued', bytes: 50_331_648, sha256: archive.sha256 })
    expect(memory.parts).toStrictEqual([0, 1, 2, 3, 4, 5])
  })

  it('cuts no more parts once one is refused, even from the rest of a chunk', async () => {
    const clock = new ManualClock()
    const archive = hosted(100_000)
    const memory = memoryWriter(100, index => (index === 0 ? 'part 1 refused' : undefined))
    const result = await copyArchive(job(archive, memory.writer, clock))
    expect(result).toMatchObject({ kind: 'failed', error: 'part 1 refused' })
    // A chunk of the download holds hundreds of 100-byte parts: the copy stopped a few parts in.
    expect(memory.parts.length).toBeLessThan(10)
  })
})

describe('the proof', () => {
  it('says the parts stay when the abort gets no answer at all', async () => {
    const clock = new ManualClock()
    const archive = hosted(20 * MIB)
    s3.setPolicy(request => (request.method === 'DELETE' ? { drop: true } : undefined))
    const result = await copyArchive(
      job(archive, s3Writer(clock), clock, { source: { url: archive.url, size: 20 * MIB, sha256: WRONG_SHA } })
    )
    expect(result.kind).toBe('failed')
    expect(result.kind === 'failed' ? result.error : '').toMatch(
      new RegExp(
        `^the SHA-256 of the bytes .*; the multipart upload of s3://${BUCKET}/${archive.key} could not be aborted \\((?!no answer)[^)]+\\): its parts stay until a lifecycle rule removes them`
      )
    )
    expect(s3.openUploads()).toStrictEqual([archive.key])
    s3.forgetUploads()
  })

  it('aborts a multipart copy whose bytes are not the vendor’s SHA-256: nothing is committed', async () => {
    const clock = new ManualClock()
    const archive = hosted(20 * MIB)
    const result = await copyArchive(
      job(archive, s3Writer(clock), clock, { source: { url: archive.url, size: 20 * MIB, sha256: WRONG_SHA } })
    )
    expect(result).toStrictEqual({
      kind: 'failed',
      error: `the SHA-256 of the bytes (${archive.sha256}) is not the vendor's (${WRONG_SHA})`,
      bytes: 20_971_520,
      seconds: 0
    })
    expect(s3.keys(BUCKET)).not.toContain(archive.key)
    expect(s3.aborted).toStrictEqual([archive.key])
    expect(s3.openUploads()).toStrictEqual([])
    expect(s3.requests.filter(r => r.query.startsWith('?uploadId=') && r.method === 'POST')).toStrictEqual([])
  })

  it('sends nothing for a small copy whose bytes are not the vendor’s SHA-256', async () => {
    const clock = new ManualClock()
    const archive = hosted(1 * MIB)
    const result = await copyArchive(
      job(archive, s3Writer(clock), clock, { source: { url: archive.url, size: 1 * MIB, sha256: WRONG_SHA } })
    )
    expect(result).toStrictEqual({
      kind: 'failed',
      error: `the SHA-256 of the bytes (${archive.sha256}) is not the vendor's (${WRONG_SHA})`,
      bytes: 1_048_576,
      seconds: 0
    })
    expect(s3.requests).toStrictEqual([])
  })

  it('copies without a vendor SHA-256, and says there was none to match', async () => {
    const clock = new ManualClock()
    const archive = hosted(9 * MIB)
    const result = await copyArchive(job(archive, s3Writer(clock), clock, { source: { url: archive.url, size: 9 * MIB } }))
    expect(result).toMatchObject({ kind: 'rescued', bytes: 9_437_184, sha256: archive.sha256, vendorSha256: 'none' })
  })

  it('deletes a copy the storage lists with another length', async () => {
    const clock = new ManualClock()
    const archive = hosted(2 * MIB)
    const writer = s3Writer(clock)
    const result = await copyArchive(
      job(archive, { ...writer, stat: async () => ({ ok: true, object: { size: 2_097_151, etag: '"x"' } }) }, clock)
    )
    expect(result).toStrictEqual({
      kind: 'failed',
      error: 'the copy was written, but the storage lists 2097151 bytes, not 2097152; the copy was deleted',
      bytes: 2_097_152,
      seconds: 0
    })
    expect(s3.keys(BUCKET)).not.toContain(archive.key)
    expect(s3.requests.map(r => r.method)).toStrictEqual(['PUT', 'DELETE'])
  })

  it('deletes a copy the storage does not list, and asks for it by hand when the delete is refused too', async () => {
    const clock = new ManualClock()
    const archive = hosted(2 * MIB)
    const writer = s3Writer(clock)
    const unlisted = { ...writer, stat: async () => ({ ok: true as const }) }
    expect(await copyArchive(job(archive, unlisted, clock))).toStrictEqual({
      kind: 'failed',
      error: 'the copy was written, but the storage does not list it; the copy was deleted',
      bytes: 2_097_152,
      seconds: 0
    })
    expect(s3.keys(BUCKET)).not.toContain(archive.key)

    const again = hosted(2 * MIB)
    s3.setPolicy(request => (request.method === 'DELETE' ? { status: 403, code: 'AccessDenied' } : undefined))
    expect(await copyArchive(job(again, unlisted, clock))).toStrictEqual({
      kind: 'failed',
      error: `the copy was written, but the storage does not list it; the copy could not be deleted (${deniedWrite(again.key)}): delete it by hand`,
      bytes: 2_097_152,
      seconds: 0
    })
    expect(s3.keys(BUCKET)).toContain(again.key)
  })

  it('keeps a proved copy when the storage refuses to list it, naming s3:ListBucket: a failed look-up is no mismatch', async () => {
    const clock = new ManualClock()
    const archive = hosted(2 * MIB)
    s3.setPolicy(request => (request.method === 'GET' ? { status: 403, code: 'AccessDenied' } : undefined))
    const result = await copyArchive(job(archive, s3Writer(clock), clock))
    expect(result).toStrictEqual({
      kind: 'failed',
      error: `the copy was written and its bytes matched the vendor's, but its length could not be read back (Rescue could not write to the target: the list of s3://${BUCKET}/${archive.key} was refused with AccessDenied (HTTP 403): the credentials may not list this bucket: the bucket or IAM policy must allow s3:ListBucket on the bucket (the vendor's recommended policy grants it), or give 'verify: false' to audit statuses alone. The service said: "AccessDenied". The archive stays in the vendor cloud until its deadline; fix the target, and the next audit copies it.); the copy was kept, and the next audit looks for it`,
      bytes: 2_097_152,
      seconds: 0
    })
    expect(s3.keys(BUCKET)).toContain(archive.key)
    expect(s3.requests.map(r => r.method)).not.toContain('DELETE')
  })

  it('takes the ETag of the write when the list gives none, and gives none when neither does', async () => {
    const clock = new ManualClock()
    const archive = hosted(1 * MIB)
    const writer = s3Writer(clock)
    const result = await copyArchive(job(archive, { ...writer, stat: async () => ({ ok: true, object: { size: 1_048_576 } }) }, clock))
    expect(result).toStrictEqual({
      kind: 'rescued',
      bytes: 1_048_576,
      sha256: archive.sha256,
      vendorSha256: 'matched',
      etag: `"${md5(archive.bytes())}"`,
      seconds: 0
    })
    const bare = hosted(1 * MIB)
    const untagged: ObjectWriter = {
      ...writer,
      putWhole: async (key, body, contentType) => {
        const written = await writer.putWhole(key, body, contentType)
        return written.ok ? { ok: true } : written
      },
      stat: async () => ({ ok: true, object: { size: 1_048_576 } })
    }
    expect(await copyArchive(job(bare, untagged, clock))).toStrictEqual({
      kind: 'rescued',
      bytes: 1_048_576,
      sha256: bare.sha256,
      vendorSha256: 'matched',
      seconds: 0
    })
  })
})

describe('an object that arrived, a refusal, a download that fails', () => {
  it('leaves an object that is already there, and counts the archive arrived', async () => {
    const clock = new ManualClock()
    const archive = hosted(1 * MIB)
    s3.put(BUCKET, archive.key, Buffer.from('the vendor got there'))
    const result = await copyArchive(job(archive, s3Writer(clock), clock))
    expect(result).toStrictEqual({ kind: 'arrived', seconds: 0 })
    expect(s3.object(BUCKET, archive.key)?.body.toString()).toBe('the vendor got there')
    expect(writes()).toStrictEqual(['PUT  1048576 → 412'])
  })

  it('aborts the parts when an object arrives before the commit, and leaves that object', async () => {
    const clock = new ManualClock()
    const archive = hosted(9 * MIB)
    const writer = s3Writer(clock)
    const racing: ObjectWriter = {
      ...writer,
      async begin(key, contentType) {
        const begun = await writer.begin(key, contentType)
        if (!begun.ok) return begun
        const upload = begun.upload
        return {
          ok: true,
          upload: {
            ...upload,
            commit: parts => {
              s3.put(BUCKET, archive.key, Buffer.from('a late vendor upload'))
              return upload.commit(parts)
            }
          }
        }
      }
    }
    const result = await copyArchive(job(archive, racing, clock))
    expect(result).toStrictEqual({ kind: 'arrived', seconds: 0 })
    expect(s3.object(BUCKET, archive.key)?.body.toString()).toBe('a late vendor upload')
    expect(s3.aborted).toStrictEqual([archive.key])
    expect(s3.openUploads()).toStrictEqual([])
    expect(writes().at(-2)).toMatch(/^POST uploadId \d+ → 412$/)
    expect(writes().at(-1)).toBe('DELETE uploadId 0 → 204')
  })

  it('fails with the service’s words when a small write is refused', async () => {
    const clock = new ManualClock()
    const archive = hosted(1 * MIB)
    s3.setPolicy(request => (request.method === 'PUT' ? { status: 403, code: 'AccessDenied' } : undefined))
    const result = await copyArchive(job(archive, s3Writer(clock), clock))
    expect(result).toStrictEqual({ kind: 'failed', error: deniedWrite(archive.key), bytes: 1_048_576, seconds: 0 })
    expect(s3.keys(BUCKET)).not.toContain(archive.key)
  })

  it('fails with the service’s words when the upload cannot begin, with nothing to abort', async () => {
    const clock = new ManualClock()
    const archive = hosted(9 * MIB)
    s3.setPolicy(request => (request.method === 'POST' ? { status: 403, code: 'AccessDenied' } : undefined))
    const result = await copyArchive(job(archive, s3Writer(clock), clock))
    expect(result).toStrictEqual({ kind: 'failed', error: deniedWrite(archive.key), bytes: 0, seconds: 0 })
    expect(writes()).toStrictEqual(['POST ?uploads 0 → 403'])
    expect(cloud.requests).toStrictEqual([])
  })

  it('fails with the service’s words when a part is refused, and aborts; and says so when the abort is refused too', async () => {
    const clock = new ManualClock()
    const archive = hosted(20 * MIB)
    s3.setPolicy(request =>
      request.method === 'PUT' && request.query.has('partNumber') ? { status: 403, code: 'AccessDenied' } : undefined
    )
    const result = await copyArchive(job(archive, s3Writer(clock), clock))
    expect(result).toMatchObject({ kind: 'failed', error: deniedWrite(archive.key) })
    expect(s3.aborted).toStrictEqual([archive.key])
    expect(s3.openUploads()).toStrictEqual([])

    const again = hosted(20 * MIB)
    s3.aborted.length = 0
    s3.setPolicy(request =>
      (request.method === 'PUT' && request.query.has('partNumber')) || request.method === 'DELETE'
        ? { status: 403, code: 'AccessDenied' }
        : undefined
    )
    const refused = await copyArchive(job(again, s3Writer(clock), clock))
    expect(refused).toMatchObject({ kind: 'failed', error: `${deniedWrite(again.key)}; ${abortRefused(again.key)}` })
    expect(s3.aborted).toStrictEqual([])
  })

  it('fails with the service’s words when the commit is refused, and aborts', async () => {
    const clock = new ManualClock()
    const archive = hosted(9 * MIB)
    s3.setPolicy(request =>
      request.method === 'POST' && request.query.has('uploadId') ? { status: 403, code: 'AccessDenied' } : undefined
    )
    const result = await copyArchive(job(archive, s3Writer(clock), clock))
    expect(result).toStrictEqual({ kind: 'failed', error: deniedWrite(archive.key), bytes: 9_437_184, seconds: 0 })
    expect(s3.aborted).toStrictEqual([archive.key])
    expect(s3.keys(BUCKET)).not.toContain(archive.key)
  })

  it('stops reading at the first part refused, and keeps the first refusal', async () => {
    const clock = new ManualClock()
    const archive = hosted(80 * MIB)
    const writer = s3Writer(clock)
    const refusing: ObjectWriter = {
      ...writer,
      async begin(key, contentType) {
        const begun = await writer.begin(key, contentType)
        if (!begun.ok) return begun
        return {
          ok: true,
          upload: {
            ...begun.upload,
            // Part 2 is refused at once, part 1 a moment later: part 2's refusal came first.
            part: async index => {
              if (index === 0) await new Promise(resolve => setTimeout(resolve, 200))
              return { ok: false, error: `part ${index + 1} refused` }
            }
          }
        }
      }
    }
    const result = await copyArchive(job(archive, refusing, clock))
    expect(result).toMatchObject({ kind: 'failed', error: 'part 2 refused' })
    // At most the four parts that held a place were read; the copy stopped there.
    expect(result.kind === 'failed' && result.bytes).toBeLessThanOrEqual(5 * 8 * MIB)
    expect(cloud.servedOf(archive.id)).toBeLessThan(80 * MIB)
    expect(s3.aborted).toStrictEqual([archive.key])
  })

  it('resumes a dropped download in the middle of a part, and the part holds the right bytes', async () => {
    const clock = new ManualClock()
    const archive = hosted(20 * MIB)
    cloud.dropNext(archive.id, 11 * MIB + 7)
    const result = await copyArchive(job(archive, s3Writer(clock), clock))
    expect(result).toMatchObject({ kind: 'rescued', bytes: 20_971_520, sha256: archive.sha256, seconds: 0.5 })
    expect(s3.object(BUCKET, archive.key)?.body.equals(archive.bytes())).toBe(true)
  })

  it('fails naming the download when a small copy’s download stops for good, and writes nothing', async () => {
    const clock = new ManualClock()
    const archive = hosted(1 * MIB)
    cloud.expireAll()
    const result = await copyArchive(
      job(archive, s3Writer(clock), clock, {
        refresh: async () => {
          const url = cloud.issueLink(archive.id)
          cloud.expireAll()
          return { url }
        }
      })
    )
    expect(result).toStrictEqual({
      kind: 'failed',
      error: 'the download failed: the download stopped at byte 0 of 1048576 (HTTP 403) after 3 attempt(s) in a row',
      bytes: 0,
      seconds: 1.5
    })
    expect(s3.requests).toStrictEqual([])
  })

  it('aborts a multipart copy whose download stops for good partway, after the parts in flight are stored', async () => {
    const clock = new ManualClock()
    const archive = hosted(30 * MIB)
    cloud.dropNext(archive.id, 20 * MIB)
    const result = await copyArchive(
      job(archive, s3Writer(clock), clock, {
        refresh: async () => {
          const url = cloud.issueLink(archive.id)
          cloud.expireAll()
          return { url }
        }
      })
    )
    expect(result).toMatchObject({
      kind: 'failed',
      error: 'the download failed: the download stopped at byte 20971520 of 31457280 (HTTP 403) after 3 attempt(s) in a row',
      bytes: 20_971_520
    })
    expect(s3.aborted).toStrictEqual([archive.key])
    expect(s3.openUploads()).not.toContain(archive.key)
    expect(s3.keys(BUCKET)).not.toContain(archive.key)
    // Both whole parts were stored before the abort: none was cut off mid-request.
    const methods = s3.requests.map(r => `${r.method} ${r.query.replace(/uploadId=[^&]*/, 'uploadId=…')}`)
    expect(methods).toStrictEqual(['POST ?uploads', 'PUT ?partNumber=1&uploadId=…', 'PUT ?partNumber=2&uploadId=…', 'DELETE ?uploadId=…'])
  })

  it('lets an error that is not the download’s through', async () => {
    const clock = new ManualClock()
    const archive = hosted(1 * MIB)
    const writer = s3Writer(clock)
    await expect(
      copyArchive(job(archive, { ...writer, putWhole: () => Promise.reject(new Error('the writer broke')) }, clock))
    ).rejects.toThrow('the writer broke')
  })
})
