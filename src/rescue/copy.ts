/**
 * One archive's copy, from the vendor's download link into the target, streamed through the
 * runner: the bytes are cut into parts of the writer's one size as they arrive, at most
 * PARTS_IN_FLIGHT parts are held (filling or uploading) at once, whatever the archive's size, and
 * the SHA-256 of the stream is taken on the way. The copy counts only with its proof: the bytes
 * received equal the vendor's `size`, their SHA-256 equals the vendor's `sha256sum` where it gave
 * one (both checked before anything is committed, so a bad copy never appears), and the storage
 * lists the committed object with that length. An object that arrived meanwhile is never
 * overwritten: it counts as delivered.
 */
import { createHash } from 'node:crypto'
import type { Clock } from '../http.js'
import type { ObjectWriter, PartUpload, WriteResult } from '../verify/object-writer.js'
import type { DownloadIo, Refresh } from './download.js'
import { download, DownloadFailed } from './download.js'

/** The most parts held at once: being filled or uploading. */
export const PARTS_IN_FLIGHT = 4

/** What the vendor says of the file now: its length, its SHA-256 when given, and a fresh link. */
export interface Source {
  readonly url: string
  readonly size: number
  readonly sha256?: string
}

export type CopyResult =
  | {
      readonly kind: 'rescued'
      readonly bytes: number
      /** The base64 SHA-256 of what was copied. */
      readonly sha256: string
      readonly vendorSha256: 'matched' | 'none'
      readonly etag?: string
      readonly seconds: number
    }
  /** An object appeared at the key while the copy ran (a late vendor upload, or another rescue): it was left as it is. */
  | { readonly kind: 'arrived'; readonly seconds: number }
  | { readonly kind: 'failed'; readonly error: string; readonly bytes: number; readonly seconds: number }

export interface CopyJob {
  readonly key: string
  readonly contentType: string
  readonly source: Source
  readonly refresh: Refresh
  readonly writer: ObjectWriter
  readonly io: DownloadIo & { readonly clock: Clock }
  /** Called as bytes arrive, with the bytes read so far. */
  readonly progress?: (bytes: number) => void
}

/** Copies one archive and proves the copy. */
export async function copyArchive(job: CopyJob): Promise<CopyResult> {
  const started = job.io.clock.now()
  const seconds = () => (job.io.clock.now() - started) / 1000
  const { size } = job.source
  const hash = createHash('sha256')
  let bytes = 0
  const failed = (error: string): CopyResult => ({ kind: 'failed', error, bytes, seconds: seconds() })
  const chunks = download(job.source.url, size, job.refresh, job.io)

  let result: WriteResult
  const partSize = job.writer.partSize(size)
  try {
    if (size <= partSize) {
      const body = Buffer.allocUnsafe(size)
      for await (const chunk of chunks) {
        chunk.copy(body, bytes)
        hash.update(chunk)
        bytes += chunk.length
        job.progress?.(bytes)
      }
      const wrong = proofOfStream(bytes, size, hash.copy().digest('base64'), job.source.sha256)
      if (wrong !== undefined) return failed(wrong)
      result = await job.writer.putWhole(job.key, body, job.contentType)
    } else {
      const begun = await job.writer.begin(job.key, job.contentType)
      if (!begun.ok) return failed(begun.error)
      const parts = await uploadParts(begun.upload, chunks, partSize, size, (chunk, total) => {
        hash.update(chunk)
        bytes = total
        job.progress?.(total)
      })
      const wrong = parts.error ?? proofOfStream(bytes, size, hash.copy().digest('base64'), job.source.sha256)
      if (wrong !== undefined) return failed(withAbort(wrong, await begun.upload.abort()))
      result = await begun.upload.commit(parts.count)
      if (!result.ok) {
        const aborted = await begun.upload.abort()
        if (result.exists) return { kind: 'arrived', seconds: seconds() }
        return failed(withAbort(result.error, aborted))
      }
    }
  } catch (error) {
    if (error instanceof DownloadFailed) return failed(`the download failed: ${error.message}`)
    throw error
  }
  if (!result.ok) return result.exists ? { kind: 'arrived', seconds: seconds() } : failed(result.error)
  return proveStored(job, bytes, hash.digest('base64'), result.etag, seconds, failed)
}

/** Why the stream is not the vendor's file, or undefined when it is. */
function proofOfStream(bytes: number, size: number, sha256: string, vendorSha256: string | undefined): string | undefined {
  if (bytes !== size) return `${bytes} bytes arrived, but the vendor's size is ${size}`
  if (vendorSha256 !== undefined && sha256 !== vendorSha256)
    return `the SHA-256 of the bytes (${sha256}) is not the vendor's (${vendorSha256})`
  return undefined
}

/** The committed object, as the storage lists it, has the length copied; otherwise it is deleted (kept when the look-up itself failed). */
async function proveStored(
  job: CopyJob,
  bytes: number,
  sha256: string,
  etag: string | undefined,
  seconds: () => number,
  failed: (error: string) => CopyResult
): Promise<CopyResult> {
  const stat = await job.writer.stat(job.key)
  const listed = stat.ok ? stat.object : undefined
  if (listed !== undefined && listed.size === bytes) {
    const tag = listed.etag ?? etag
    return {
      kind: 'rescued',
      bytes,
      sha256,
      vendorSha256: job.source.sha256 === undefined ? 'none' : 'matched',
      ...(tag === undefined ? {} : { etag: tag }),
      seconds: seconds()
    }
  }
  if (!stat.ok) {
    // Not a mismatch: the bytes were proved on the way, and the storage took them. Deleting a good
    // copy because a look-up failed could lose the archive once the vendor's copy expires.
    return failed(
      `the copy was written and its bytes matched the vendor's, but its length could not be read back (${stat.error}); the copy was kept, and the next audit looks for it`
    )
  }
  const why = listed === undefined ? 'the storage does not list it' : `the storage lists ${listed.size} bytes, not ${bytes}`
  const removed = await job.writer.remove(job.key)
  const cleanup = removed.ok ? 'the copy was deleted' : `the copy could not be deleted (${removed.error}): delete it by hand`
  return failed(`the copy was written, but ${why}; ${cleanup}`)
}

function withAbort(error: string, aborted: string | undefined): string {
  return aborted === undefined ? error : `${error}; ${aborted}`
}

/**
 * Cuts the stream into parts of `partSize` and uploads them, at most PARTS_IN_FLIGHT held at a time
 * (the one filling counts), in order of arrival. Stops at the first part that fails.
 */
async function uploadParts(
  upload: PartUpload,
  chunks: AsyncIterable<Buffer>,
  partSize: number,
  size: number,
  seen: (chunk: Buffer, total: number) => void
): Promise<{ count: number; error?: string }> {
  const slots = new Slots(PARTS_IN_FLIGHT)
  // The part buffers, reused: at most PARTS_IN_FLIGHT are ever made, so the memory of a long copy
  // does not wait on the garbage collector to free the parts already stored.
  const spare: Buffer[] = []
  const uploads: Array<Promise<void>> = []
  let error: string | undefined
  let index = 0
  let total = 0
  let buffer: Buffer = Buffer.alloc(0)
  let part: Buffer | undefined
  let filled = 0
  const send = (body: Buffer, from: Buffer, number: number) => {
    uploads.push(
      upload
        .part(number, body)
        .then(outcome => {
          if (!outcome.ok) error ??= outcome.error
        })
        .finally(() => {
          // Settled: the part's request is over, retries included, so its buffer is free again.
          spare.push(from)
          slots.release()
        })
    )
  }
  try {
    for await (const chunk of chunks) {
      if (total + chunk.length > size) {
        error ??= `more bytes arrived than the vendor's size, ${size}`
        break
      }
      seen(chunk, total + chunk.length)
      total += chunk.length
      let from = 0
      while (from < chunk.length) {
        if (part === undefined) {
          await slots.take()
          if (error !== undefined) break
          buffer = spare.pop() ?? Buffer.allocUnsafe(partSize)
          part = buffer.subarray(0, Math.min(partSize, size - index * partSize))
          filled = 0
        }
        const taken = chunk.copy(part, filled, from)
        filled += taken
        from += taken
        if (filled === part.length) {
          send(part, buffer, index++)
          part = undefined
        }
      }
      if (error !== undefined) break
    }
  } catch (failure) {
    // A download that gave up partway: the parts already sent finish, then the caller aborts the upload.
    if (!(failure instanceof DownloadFailed)) throw failure
    error ??= `the download failed: ${failure.message}`
  }
  if (part !== undefined) {
    // The stream ended short of the part: it is not sent (the size check fails the copy).
    slots.release()
  }
  await Promise.all(uploads)
  return { count: index, ...(error === undefined ? {} : { error }) }
}

/** A counter of free places, waited on in turn. */
class Slots {
  private waiting: Array<() => void> = []

  constructor(private free: number) {}

  take(): Promise<void> {
    if (this.free > 0) {
      this.free--
      return Promise.resolve()
    }
    return new Promise(resolve => this.waiting.push(resolve))
  }

  release(): void {
    const next = this.waiting.shift()
    if (next !== undefined) next()
    else this.free++
  }
}
