/** Runs run() in this process with its collaborators handed in, capturing what @actions/core prints. */
import { run, type RunDependencies } from '../../src/main.js'

export interface InProcessRun {
  readonly stdout: string
  readonly exitCode: number
}

/** Runs the action with `inputs`; restores process.exitCode, which core.setFailed sets. */
export async function runInProcess(inputs: Record<string, string>, deps: Partial<RunDependencies> = {}): Promise<InProcessRun> {
  const chunks: string[] = []
  const write = process.stdout.write
  const savedExitCode = process.exitCode
  process.exitCode = undefined
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
    return true
  }) as typeof process.stdout.write
  let exitCode: number
  try {
    await run({ readInput: name => inputs[name] ?? '', runContext: async () => ({}), ...deps })
  } finally {
    process.stdout.write = write
    exitCode = Number(process.exitCode ?? 0)
    process.exitCode = savedExitCode
  }
  return { stdout: chunks.join(''), exitCode }
}
