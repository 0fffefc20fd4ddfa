/**
 * The rescue's writer for Amazon S3 and S3-compatible services: PutObject for an archive smaller
 * than one part, else a multipart upload (CreateMultipartUpload, UploadPart, and
 * CompleteMultipartUpload, or AbortMultipartUpload on any failure). Both carry `If-None-Match: *`,
 * so an object that arrived meanwhile is never overwritten (412), and
 * `x-amz-server-side-encryption: AES256` when the target sets 'sse: s3'. The object is then read
 * back by a ListObjectsV2 of its key, which needs only s3:ListBucket (a HEAD would need
 * s3:GetObject, which the vendor's recommended policy does not grant). Signed by s3.ts.
 */
import type { HttpAnswer, SendLog, Transport, Clock, RetryPolicy } from '../http.js'
import type { S3Target } from '../plan.js'
import type { ObjectWriter, PartUpload, StoredObject, WriteResult } from './object-writer.js'
import { partSizeFor } from './object-writer.js'
import { storageRefusal } from './refusal.js'
import { AMAZON_S3, DEFAULT_REGION, listUrl, objectUrl, s3DnsHint, sendS3, sha256Hex, sseHeader, type S3Attempt } from './s3.js'
import { parseStorageError } from './storage-error.js'

export interface WriterIo {
  readonly transport: Transport
  readonly clock: Clock
  readonly policy: RetryPolicy
  readonly log: SendLog
  readonly secrets: readonly string[]
}

const WORDING = {
  failed: 'Rescue could not write to the target',
  tail: 'The archive stays in the vendor cloud until its deadline; fix the target, and the next audit copies it.',
  dnsTail: 'The archive stays in the vendor cloud until its deadline.'
}

/** The writer for `target`; `amazonS3` is where Amazon S3 is (tests point it at an emulator). */
export function makeS3Writer(target: S3Target, io: WriterIo, amazonS3 = AMAZON_S3): ObjectWriter {
  const endpoint = target.endpoint ?? amazonS3
  let region = DEFAULT_REGION
  let requests = 0
  const send = async (call: Parameters<typeof sendS3>[1]): Promise<S3Attempt> => {
    const attempt = await sendS3(target, call, region, io)
    region = attempt.region
    requests += attempt.attempts
    return attempt
  }
  const at =
    (key: string, query = '') =>
    (inRegion: string) =>
      `${objectUrl(target.bucket, endpoint, inRegion, key)}${query}`
  const refusal = (key: string, attempt: S3Attempt, action: 'write' | 'list' = 'write'): string | undefined => {
    const refused = storageRefusal(
      action,
      `s3://${target.bucket}/${key}`,
      attempt.answer,
      attempt.failure,
      io.secrets,
      s3DnsHint(target, endpoint, region),
      WORDING
    )
    return refused === undefined ? undefined : (refused.error ?? refused.summary)
  }
  const written = (key: string, attempt: S3Attempt): WriteResult => {
    if (attempt.answer?.status === 412) return { ok: false, exists: true }
    const error = refusal(key, attempt) ?? errorInBody(key, attempt.answer)
    if (error !== undefined) return { ok: false, error }
    const etag = header(attempt.answer, 'etag') ?? /<ETag>([^<]{1,200})<\/ETag>/.exec(attempt.answer?.body ?? '')?.[1]
    return { ok: true, ...(etag === undefined ? {} : { etag: unquoteXml(etag) }) }
  }

  return {
    partSize: partSizeFor,
    requests: () => requests,

    async putWhole(key, body, contentType) {
      const attempt = await send({
        method: 'PUT',
        urlFor: at(key),
        headers: { 'content-type': contentType, 'if-none-match': '*', ...sseHeader(target) },
        body,
        payloadHash: sha256Hex(body)
      })
      return written(key, attempt)
    },

    async begin(key, contentType) {
      const created = await send({
        method: 'POST',
        urlFor: at(key, '?uploads'),
        headers: { 'content-type': contentType, ...sseHeader(target) }
      })
      const error = refusal(key, created)
      if (error !== undefined) return { ok: false, error }
      const uploadId = /<UploadId>([^<]{1,1024})<\/UploadId>/.exec(created.answer?.body ?? '')?.[1]
      if (uploadId === undefined)
        return { ok: false, error: `${WORDING.failed}: the multipart upload of s3://${target.bucket}/${key} got no upload ID.` }
      const id = encodeURIComponent(unquoteXml(uploadId))
      const etags: string[] = []
      const upload: PartUpload = {
        async part(index, body) {
          const attempt = await send({
            method: 'PUT',
            urlFor: at(key, `?partNumber=${index + 1}&uploadId=${id}`),
            body,
            payloadHash: sha256Hex(body)
          })
          const failed = refusal(key, attempt)
          if (failed !== undefined) return { ok: false, error: failed }
          const etag = header(attempt.answer, 'etag')
          if (etag === undefined)
            return { ok: false, error: `${WORDING.failed}: part ${index + 1} of s3://${target.bucket}/${key} got no ETag.` }
          etags[index] = etag
          return { ok: true }
        },
        async commit(parts) {
          const listed = Array.from(
            { length: parts },
            (_, index) => `<Part><PartNumber>${index + 1}</PartNumber><ETag>${escapeXml(etags[index] ?? '')}</ETag></Part>`
          )
          const body = `<CompleteMultipartUpload>${listed.join('')}</CompleteMultipartUpload>`
          const attempt = await send({
            method: 'POST',
            urlFor: at(key, `?uploadId=${id}`),
            headers: { 'content-type': 'application/xml', 'if-none-match': '*' },
            body
          })
          return written(key, attempt)
        },
        async abort() {
          const attempt = await send({ method: 'DELETE', urlFor: at(key, `?uploadId=${id}`) })
          const answer = attempt.answer
          if (answer !== undefined && answer.status >= 200 && answer.status < 300) return undefined
          const why =
            answer === undefined ? attempt.failure : (parseStorageError(answer.body, answer.headers).code ?? `HTTP ${answer.status}`)
          return `the multipart upload of s3://${target.bucket}/${key} could not be aborted (${why ?? 'no answer'}): its parts stay until a lifecycle rule removes them (allow s3:AbortMultipartUpload).`
        }
      }
      return { ok: true, upload }
    },

    async stat(key) {
      const attempt = await send({ method: 'GET', urlFor: inRegion => listUrl(target.bucket, endpoint, inRegion, key) })
      const error = refusal(key, attempt, 'list')
      if (error !== undefined) return { ok: false, error }
      const object = listedObject(attempt.answer?.body ?? '', key)
      return { ok: true, ...(object === undefined ? {} : { object }) }
    },

    async remove(key) {
      const attempt = await send({ method: 'DELETE', urlFor: at(key) })
      const error = refusal(key, attempt)
      return error === undefined ? { ok: true } : { ok: false, error }
    }
  }
}

/** The object a ListObjectsV2 answer lists at exactly `key`. */
function listedObject(body: string, key: string): StoredObject | undefined {
  for (const [, entry] of body.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
    const listedKey = /<Key>([^<]{1,1024})<\/Key>/.exec(entry ?? '')?.[1]
    if (listedKey === undefined || unquoteXml(listedKey) !== key) continue
    const size = Number(/<Size>(\d{1,16})<\/Size>/.exec(entry ?? '')?.[1])
    if (!Number.isSafeInteger(size)) return undefined
    const etag = /<ETag>([^<]{1,200})<\/ETag>/.exec(entry ?? '')?.[1]
    return { size, ...(etag === undefined ? {} : { etag: unquoteXml(etag) }) }
  }
  return undefined
}

/** S3 may answer a CompleteMultipartUpload with 200 and an error in the body. */
function errorInBody(key: string, answer: HttpAnswer | undefined): string | undefined {
  if (answer === undefined || !/<Error>/.test(answer.body)) return undefined
  const code = parseStorageError(answer.body, answer.headers).code ?? 'an error'
  return `${WORDING.failed}: the upload of ${key} answered ${answer.status} with ${code}. ${WORDING.tail}`
}

function header(answer: HttpAnswer | undefined, name: string): string | undefined {
  const value = answer?.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function unquoteXml(text: string): string {
  return text.replace(
    /&(lt|gt|quot|apos|amp|#34);/g,
    (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&', '#34': '"' })[name] ?? ''
  )
}

function escapeXml(text: string): string {
  return text.replace(/[<>&]/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c] ?? c)
}
