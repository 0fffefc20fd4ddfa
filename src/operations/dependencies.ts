/** The collaborators every operation is handed: real ones in a run, the tests' own in tests. */
import type { Clock, Transport } from '../http.js'
import type { InputReader } from '../inputs/index.js'
import type { Plan, StorageCheck } from '../plan.js'
import type { RunContext } from '../report.js'
import type { StorageLocations } from '../verify/index.js'

/** Checks that the storage credentials can write where archives will land. */
export type StorageVerifier = (plan: Plan, transport: Transport, clock: Clock) => Promise<StorageCheck>

/** The collaborators of run(), each with a real default, so tests hand in their own. */
export interface RunDependencies {
  readonly readInput: InputReader
  readonly env: NodeJS.ProcessEnv
  readonly clock: Clock
  readonly transport: Transport
  readonly verifyStorage: StorageVerifier
  readonly runContext: () => Promise<RunContext>
  /** The directory a configuration file and a certificate path are read relative to. */
  readonly workspace: string
  /** Where the storage services are; absent means the real ones. Tests point them at emulators. */
  readonly storageLocations?: StorageLocations
}
