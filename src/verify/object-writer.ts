/**
 * What a rescue needs of a storage target to write one archive that is not there, whatever the
 * service: a whole small object, or parts of one size committed at the end, never over an object
 * that exists (a late vendor upload, or a second rescue, always wins). The S3 and Azure writers
 * (s3-writer.ts, azure-writer.ts) sign with the same code and credentials as the storage check.
 */

/** How a write ended: written (with the storage's ETag), already there, or refused. */
export type WriteResult =
  | { readonly ok: true; readonly etag?: string }
  | { readonly ok: false; readonly exists: true }
  | { readonly ok: false; readonly exists?: false; readonly error: string }

/** An object as the storage lists it. */
export interface StoredObject {
  readonly size: number
  readonly etag?: string
}

/** One upload in parts; `commit` makes the object appear, `abort` leaves nothing behind. */
export interface PartUpload {
  /** Stores part `index` (from 0); every part but the last has the writer's part size. */
  part(index: number, body: Buffer): Promise<{ ok: true } | { ok: false; error: string }>
  /** Commits the parts stored, in order, if no object is at the key. */
  commit(parts: number): Promise<WriteResult>
  /** Gives the parts up; undefined when done, or why it could not be. */
  abort(): Promise<string | undefined>
}

export interface ObjectWriter {
  /** The part size for an object of `size` bytes: every part has it but the last. */
  partSize(size: number): number
  /** Writes `body` whole at `key`, if no object is there. */
  putWhole(key: string, body: Buffer, contentType: string): Promise<WriteResult>
  /** Starts an upload in parts at `key`. */
  begin(key: string, contentType: string): Promise<{ ok: true; upload: PartUpload } | { ok: false; error: string }>
  /** The object at `key` as the storage lists it; undefined when there is none. */
  stat(key: string): Promise<{ ok: true; object?: StoredObject } | { ok: false; error: string }>
  /** Deletes the object at `key` (a copy this run wrote that failed its proof). */
  remove(key: string): Promise<{ ok: true } | { ok: false; error: string }>
  /** Storage requests sent so far, retries included. */
  requests(): number
}

const MIB = 1024 * 1024
/** The part size a rescue uses unless the object is larger than 10,000 of them (S3's most parts). */
export const PART_SIZE = 8 * MIB
const MOST_PARTS = 10_000

/** 8 MiB, or size / 10,000 rounded up to a whole MiB when that is larger: one size for every part but the last (Cloudflare R2 asks it). */
export function partSizeFor(size: number): number {
  return Math.max(PART_SIZE, Math.ceil(size / MOST_PARTS / MIB) * MIB)
}
