/**
 * The download of an archive the vendor kept, as its bytes arrive, with nothing on disk. It is
 * read in ranged GETs, each of at most WINDOW bytes. Before a GET, a link near the end of its
 * 10-minute life is swapped for a fresh one; when a GET is refused (an expired link answers 403) or
 * the connection drops mid-transfer, a fresh link is fetched and the download resumes at the byte
 * where it stopped: no byte is read twice. Only the link is sent: never the vendor's token, never
 * the storage's credentials.
 */
import { backoffDelay, describeNetworkError, type Clock, type SendLog, type StreamingAnswer, type Transport } from '../http.js'
import { USER_AGENT } from '../version.js'

/** The most one ranged GET asks for. */
export const WINDOW = 64 * 1024 * 1024
/** A link older than this is swapped for a fresh one before the next GET (the vendor's links work for 10 minutes). */
export const LINK_FRESH_MS = 8 * 60_000

export interface DownloadIo {
  readonly transport: Transport
  readonly clock: Clock
  readonly log: SendLog
  /** How long the download may wait for the next bytes. */
  readonly idleMs: number
  /** How many GETs in a row may fail without a byte read before the download gives up. */
  readonly maxAttempts: number
}

/** A fresh download link, or why there is none. */
export type Refresh = () => Promise<{ readonly url: string } | { readonly error: string }>

/** The download stopped for good; `offset` bytes had been read. */
export class DownloadFailed extends Error {
  constructor(
    message: string,
    readonly offset: number
  ) {
    super(message)
  }
}

/** Reads `size` bytes from the archive's link, starting with `url`, as they arrive; resumes with fresh links from `refresh`. */
export async function* download(url: string, size: number, refresh: Refresh, io: DownloadIo): AsyncGenerator<Buffer> {
  let link = url
  let obtainedAt = io.clock.now()
  let offset = 0
  let failures = 0
  const renew = async (why: string): Promise<void> => {
    const fresh = await refresh()
    if ('error' in fresh) throw new DownloadFailed(`${why}; no fresh link: ${fresh.error}`, offset)
    link = fresh.url
    obtainedAt = io.clock.now()
  }
  while (offset < size) {
    if (io.clock.now() - obtainedAt > LINK_FRESH_MS) await renew('the link was near the end of its life')
    const end = Math.min(size, offset + WINDOW) - 1
    let reason: string | undefined
    let answer: StreamingAnswer | undefined
    try {
      answer = await io.transport.stream(link, { Range: `bytes=${offset}-${end}`, 'User-Agent': USER_AGENT }, io.idleMs)
      let skip = 0
      let last = end
      // The file must be the size the vendor gave: a longer one would be cut, and the cut copy would match `size`.
      const length = answer.status === 200 ? contentLength(answer.headers['content-length']) : rangeTotal(answer.headers['content-range'])
      if (length !== undefined && length !== size) {
        throw new DownloadFailed(
          `the file is ${length} bytes, but the vendor gave its size as ${size}: a copy of it could not be proved`,
          offset
        )
      }
      if (answer.status === 200) {
        // The server sent the whole file: skip what was read already, and read on to the end.
        skip = offset
        last = size - 1
      } else if (answer.status !== 206 || rangeStart(answer.headers['content-range']) !== offset) {
        reason = answer.status === 206 ? 'the answer did not start at the byte asked for' : `HTTP ${answer.status}`
      }
      if (reason === undefined) {
        for await (const chunk of answer.body) {
          let bytes = chunk
          if (skip > 0) {
            const dropped = Math.min(skip, bytes.length)
            skip -= dropped
            bytes = bytes.subarray(dropped)
          }
          if (bytes.length > last - offset + 1) bytes = bytes.subarray(0, last - offset + 1)
          if (bytes.length === 0) continue
          offset += bytes.length
          failures = 0
          yield bytes
          if (offset > last) break
        }
        if (offset <= last) reason = 'the connection closed before the end of the range'
      }
    } catch (error) {
      if (error instanceof DownloadFailed) throw error
      reason = describeNetworkError(error).reason
    } finally {
      // Also when the reader stops early: the connection is closed, not left to drain.
      answer?.cancel()
    }
    if (reason === undefined) continue
    failures++
    if (failures >= io.maxAttempts) {
      throw new DownloadFailed(
        `the download stopped at byte ${offset} of ${size} (${reason}) after ${failures} attempt(s) in a row`,
        offset
      )
    }
    io.log.info(`The download stopped at byte ${offset} of ${size} (${reason}); resuming there with a fresh link.`)
    await io.clock.sleep(backoffDelay(failures, io.clock.random()))
    await renew(`the download stopped at byte ${offset} of ${size} (${reason})`)
  }
}

/** The whole file's length that a Content-Range answer gives ("bytes 100-199/1000" gives 1000); undefined for "*" or none. */
function rangeTotal(value: string | string[] | undefined): number | undefined {
  const match = /^bytes \d+-\d+\/(\d+)$/.exec(one(value))
  return match === null ? undefined : Number(match[1])
}

/** A Content-Length in bytes; undefined when none is given. */
function contentLength(value: string | string[] | undefined): number | undefined {
  return /^\d+$/.test(one(value)) ? Number(one(value)) : undefined
}

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? ''
}

/** The first byte of a Content-Range answer ("bytes 100-199/1000"); undefined when it gives none. */
function rangeStart(value: string | string[] | undefined): number | undefined {
  const match = /^bytes (\d+)-\d+\/(?:\d+|\*)$/.exec(one(value))
  return match === null ? undefined : Number(match[1])
}
