/**
 * The rescue's writer for Azure Blob Storage: Put Block for each part (block IDs of one width, as
 * Azure asks), then Put Block List with `If-None-Match: *`, so a blob that arrived meanwhile is
 * never overwritten; a small archive is one Put Blob with the same condition. Blocks never
 * committed are dropped by the service after a week, so there is nothing to abort. Put Block From
 * URL would skip the runner, but Azurite, the emulator the tests run, does not implement it
 * (Azure/Azurite#699, #2440). Read back with Get Blob Properties. Signed by azure.ts (SharedKey).
 */
import { sendWithRetries, type HttpAnswer } from '../http.js'
import type { AzureTarget } from '../plan.js'
import { AZURE_API_VERSION, blobServiceUrl, blobUrl, signSharedKey } from './azure.js'
import type { ObjectWriter, PartUpload, WriteResult } from './object-writer.js'
import { partSizeFor } from './object-writer.js'
import { storageRefusal } from './refusal.js'
import type { WriterIo } from './s3-writer.js'
import { parseStorageError } from './storage-error.js'

const WORDING = {
  failed: 'Rescue could not write to the target',
  tail: 'The archive stays in the vendor cloud until its deadline; fix the target, and the next audit copies it.',
  dnsTail: 'The archive stays in the vendor cloud until its deadline.'
}

/** A block's ID: its index, six digits, base64 (the same width for every block, and no '+', '/' or '='). */
export function blockId(index: number): string {
  return Buffer.from(String(index).padStart(6, '0')).toString('base64')
}

/** The writer for `target`; `serviceUrl` is the account's Blob service (tests point it at Azurite). */
export function makeAzureWriter(target: AzureTarget, io: WriterIo, serviceUrl = blobServiceUrl(target)): ObjectWriter {
  let requests = 0
  const dnsHint = `the storage account's host (${new URL(serviceUrl).hostname}) does not resolve: check 'account-name'${target.domain === undefined ? '' : " and 'domain'"}.`
  const send = async (method: 'PUT' | 'HEAD' | 'DELETE', url: string, headers: Record<string, string>, body?: string | Buffer) => {
    const outcome = await sendWithRetries(
      io.transport,
      { method, url, ...(body === undefined ? {} : { body }) },
      () => {
        const signed = { 'x-ms-date': new Date(io.clock.now()).toUTCString(), 'x-ms-version': AZURE_API_VERSION, ...headers }
        return signSharedKey(method, url, target, signed, body === undefined ? 0 : Buffer.byteLength(body))
      },
      io.policy,
      io.clock,
      io.log
    )
    requests += outcome.attempts
    return outcome
  }
  const where = (key: string) => `azure://${target.accountName}/${target.container}/${key}`
  const refusal = (key: string, answer: HttpAnswer | undefined, failure: string | undefined): string | undefined => {
    const refused = storageRefusal('write', where(key), answer, failure, io.secrets, dnsHint, WORDING)
    return refused === undefined ? undefined : (refused.error ?? refused.summary)
  }
  const written = (key: string, answer: HttpAnswer | undefined, failure: string | undefined): WriteResult => {
    if (answer !== undefined && isExisting(answer)) return { ok: false, exists: true }
    const error = refusal(key, answer, failure)
    if (error !== undefined) return { ok: false, error }
    const etag = header(answer, 'etag')
    return { ok: true, ...(etag === undefined ? {} : { etag }) }
  }
  const url = (key: string) => blobUrl(serviceUrl, target, key)

  return {
    partSize: partSizeFor,
    requests: () => requests,

    async putWhole(key, body, contentType) {
      const outcome = await send(
        'PUT',
        url(key),
        { 'x-ms-blob-type': 'BlockBlob', 'Content-Type': contentType, 'If-None-Match': '*' },
        body
      )
      return written(key, outcome.answer, outcome.failure)
    },

    async begin(key, contentType) {
      const upload: PartUpload = {
        async part(index, body) {
          const outcome = await send('PUT', `${url(key)}?comp=block&blockid=${encodeURIComponent(blockId(index))}`, {}, body)
          const error = refusal(key, outcome.answer, outcome.failure)
          return error === undefined ? { ok: true } : { ok: false, error }
        },
        async commit(parts) {
          const ids = Array.from({ length: parts }, (_, index) => `<Latest>${blockId(index)}</Latest>`).join('')
          const body = `<?xml version="1.0" encoding="utf-8"?><BlockList>${ids}</BlockList>`
          const outcome = await send(
            'PUT',
            `${url(key)}?comp=blocklist`,
            { 'Content-Type': 'application/xml', 'x-ms-blob-content-type': contentType, 'If-None-Match': '*' },
            body
          )
          return written(key, outcome.answer, outcome.failure)
        },
        // Blocks never committed are dropped by the service: nothing to give up.
        abort: () => Promise.resolve(undefined)
      }
      return { ok: true, upload }
    },

    async stat(key) {
      const outcome = await send('HEAD', url(key), {})
      if (outcome.answer?.status === 404) return { ok: true }
      const error = refusal(key, outcome.answer, outcome.failure)
      if (error !== undefined) return { ok: false, error }
      const size = Number(header(outcome.answer, 'content-length'))
      if (!Number.isSafeInteger(size)) return { ok: false, error: `Get Blob Properties of ${where(key)} gave no length.` }
      const etag = header(outcome.answer, 'etag')
      return { ok: true, object: { size, ...(etag === undefined ? {} : { etag }) } }
    },

    async remove(key) {
      const outcome = await send('DELETE', url(key), {})
      // A blob that is not there is as removed as can be (S3's DELETE answers 204 for it too).
      const answer = outcome.answer
      if (answer?.status === 404 && parseStorageError(answer.body, answer.headers).code === 'BlobNotFound') return { ok: true }
      const error = refusal(key, outcome.answer, outcome.failure)
      return error === undefined ? { ok: true } : { ok: false, error }
    }
  }
}

/** Azure answers a condition `If-None-Match: *` on an existing blob with 409 BlobAlreadyExists (Azurite too) or 412. */
function isExisting(answer: HttpAnswer): boolean {
  if (answer.status === 412) return true
  return answer.status === 409 && parseStorageError(answer.body, answer.headers).code === 'BlobAlreadyExists'
}

function header(answer: HttpAnswer | undefined, name: string): string | undefined {
  const value = answer?.headers[name]
  return Array.isArray(value) ? value[0] : value
}
