/**
 * One archive as the vendor describes it now: `GET {api-url}/v2/project/{id}/archive/{archiveId}`,
 * signed like every vendor call. Each answer carries a fresh signed download `url`, which works for
 * 10 minutes (Vonage Java SDK `Archive.getUrl()`; the .NET and PHP SDKs say the same): it is a bearer
 * secret, masked the moment it is read, and it is only followed over https (or http when 'api-url'
 * itself is http, which only loopback tests are).
 */
import { noAnswerMessage, sendWithRetries, type Clock, type SendLog, type Transport } from '../http.js'
import { authHeaders, projectIdOf } from '../platform.js'
import type { Plan } from '../plan.js'
import { explainFailure } from '../vendor-answer.js'
import { USER_AGENT } from '../version.js'

/** The archive as the vendor has it now, with a download URL while it keeps the file. */
export type FreshArchive =
  | {
      readonly kind: 'archive'
      readonly status: string
      readonly size: number
      /** The base64 SHA-256 of the file, when the vendor gives one. */
      readonly sha256?: string
      /** The signed download link; only while the status is 'available'. */
      readonly url?: string
    }
  /** The vendor has no such archive any more. */
  | { readonly kind: 'vanished' }
  | { readonly kind: 'error'; readonly error: string }

export interface VendorIo {
  readonly transport: Transport
  readonly clock: Clock
  readonly log: SendLog
  readonly mask: (secret: string) => void
  readonly secrets: readonly string[]
  /** Counts each vendor request sent. */
  readonly counted: (requests: number) => void
}

/** Asks the vendor for archive `id`. */
export async function fetchArchive(plan: Plan, id: string, io: VendorIo): Promise<FreshArchive> {
  const outgoing = { method: 'GET' as const, url: `${plan.apiUrl}/v2/project/${projectIdOf(plan.credentials)}/archive/${id}` }
  const outcome = await sendWithRetries(
    io.transport,
    outgoing,
    async () => ({
      ...(await authHeaders(plan.credentials, io.clock.now(), io.mask)),
      Accept: 'application/json',
      'User-Agent': USER_AGENT
    }),
    { maxAttempts: plan.maxAttempts, timeoutMs: plan.timeoutSeconds * 1000 },
    io.clock,
    io.log
  )
  io.counted(outcome.attempts)
  const answer = outcome.answer
  if (answer === undefined) return { kind: 'error', error: noAnswerMessage(outgoing, outcome) }
  if (answer.status === 404) return { kind: 'vanished' }
  if (answer.status < 200 || answer.status >= 300)
    return { kind: 'error', error: explainFailure(plan.credentials, outgoing, answer, io.secrets) }
  let parsed: unknown
  try {
    parsed = JSON.parse(answer.body)
  } catch {
    parsed = undefined
  }
  const item = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {}
  if (typeof item.url === 'string' && item.url !== '') io.mask(item.url)
  if (typeof item.status !== 'string')
    return { kind: 'error', error: `${outgoing.method} ${outgoing.url} answered ${answer.status} with a body that is not an archive.` }
  const size = typeof item.size === 'number' && Number.isSafeInteger(item.size) && item.size >= 0 ? item.size : 0
  const sha256 = typeof item.sha256sum === 'string' && /^[A-Za-z0-9+/]{43}=$/.test(item.sha256sum) ? item.sha256sum : undefined
  return {
    kind: 'archive',
    status: item.status.toLowerCase(),
    size,
    ...(sha256 === undefined ? {} : { sha256 }),
    ...(typeof item.url === 'string' && item.url !== '' ? { url: item.url } : {})
  }
}

/** Why a download URL may not be followed, or undefined when it may: https only, or http when 'api-url' is http (loopback tests). */
export function refusedDownloadUrl(url: string, apiUrl: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'the vendor gave a download link that is not a URL'
  }
  if (parsed.protocol === 'https:') return undefined
  if (parsed.protocol === 'http:' && apiUrl.startsWith('http://')) return undefined
  return `the vendor gave a download link over ${parsed.protocol.replace(':', '')}, not https; it is not followed`
}
