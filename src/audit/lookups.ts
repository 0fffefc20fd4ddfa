/**
 * The audit's look in the target: for every archive, what the target holds under
 * `{project id}/{archive id}/`, 16 look-ups at a time, with the storage credentials the vendor was
 * given. The first refusal stops the look-ups (it is one error for the run, such as a bucket policy
 * without s3:ListBucket); the archives not looked for by then are said to be so, not guessed.
 */
import type { Archive } from '../archive-list.js'
import type { Clock, SendLog, Transport } from '../http.js'
import type { Plan } from '../plan.js'
import { mapWithLimit } from '../pool.js'
import { makeObjectFinder, type Lookup } from '../verify/find-objects.js'
import type { StorageLocations } from '../verify/index.js'
import type { Found } from './verdicts.js'

/** How many prefix look-ups are in flight at once. */
export const LOOKUP_CONCURRENCY = 16

export interface Looked {
  /** What the target holds for each archive, in the archives' order. */
  readonly found: Found[]
  /** Storage requests sent. */
  readonly requests: number
  /** Why the target could not be read, when it refused. */
  readonly error?: string
}

export interface LookIo {
  readonly transport: Transport
  readonly clock: Clock
  readonly log: SendLog
  readonly secrets: readonly string[]
  readonly locations?: StorageLocations
}

/** Looks for every archive's prefix in the plan's target. */
export async function lookForArchives(plan: Plan, projectId: string, archives: readonly Archive[], io: LookIo): Promise<Looked> {
  if (plan.target === undefined || archives.length === 0) return { found: archives.map(() => ({ looked: false })), requests: 0 }
  const find = makeObjectFinder(
    plan.target,
    {
      transport: io.transport,
      clock: io.clock,
      policy: { maxAttempts: plan.maxAttempts, timeoutMs: plan.timeoutSeconds * 1000 },
      log: io.log,
      secrets: io.secrets
    },
    io.locations ?? {}
  )
  let refusal: Extract<Lookup, { ok: false }> | undefined
  let requests = 0
  const lookups = await mapWithLimit(
    archives,
    LOOKUP_CONCURRENCY,
    async archive => {
      const lookup = await find(`${projectId}/${archive.id}/`)
      requests += lookup.requests
      if (!lookup.ok) refusal ??= lookup
      return lookup
    },
    () => refusal !== undefined
  )
  const found = lookups.map((lookup): Found =>
    lookup?.ok === true ? { looked: true, ...(lookup.key === undefined ? {} : { key: lookup.key }) } : { looked: false }
  )
  return { found, requests, ...(refusal === undefined ? {} : { error: refusal.error }) }
}
