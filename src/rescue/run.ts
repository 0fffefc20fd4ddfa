/**
 * The rescue as the audit runs it: the writer of the step's own target (the same credentials,
 * signer and transport as the storage check), the candidates in order, and the requests counted.
 * Loaded only when an audit rescues.
 */
import * as core from '@actions/core'
import type { Archive } from '../archive-list.js'
import * as log from '../log.js'
import type { RunDependencies } from '../operations/dependencies.js'
import type { Plan } from '../plan.js'
import { makeAzureWriter } from '../verify/azure-writer.js'
import type { ObjectWriter } from '../verify/object-writer.js'
import { makeS3Writer } from '../verify/s3-writer.js'
import { rescueArchives, rescueCandidates, type RescueReport } from './index.js'

export interface RescueRun {
  readonly report: RescueReport
  readonly vendorRequests: number
  readonly storageRequests: number
}

/** Rescues, among `archives`, each that the vendor kept and `missing` says the target lacks. */
export async function runRescue(
  plan: Plan,
  projectId: string,
  archives: readonly Archive[],
  missing: (archive: Archive) => boolean,
  deps: RunDependencies,
  secrets: readonly string[]
): Promise<RescueRun> {
  const candidates = rescueCandidates(archives, missing, deps.clock.now())
  const writer = writerFor(plan, deps, secrets)
  let vendorRequests = 0
  const report = await rescueArchives(plan, projectId, candidates, writer, {
    transport: deps.transport,
    clock: deps.clock,
    log: log.sendLog,
    mask: core.setSecret,
    secrets,
    counted: requests => (vendorRequests += requests)
  })
  return { report, vendorRequests, storageRequests: writer.requests() }
}

function writerFor(plan: Plan, deps: RunDependencies, secrets: readonly string[]): ObjectWriter {
  const target = plan.target
  if (target === undefined) throw new Error('a rescue needs a target')
  const io = {
    transport: deps.transport,
    clock: deps.clock,
    policy: { maxAttempts: plan.maxAttempts, timeoutMs: plan.timeoutSeconds * 1000 },
    log: log.sendLog,
    secrets
  }
  const locations = deps.storageLocations ?? {}
  if (target.type === 's3') return makeS3Writer(target, io, locations.amazonS3)
  return makeAzureWriter(target, io, locations.azureBlobService?.(target))
}
