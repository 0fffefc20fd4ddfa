// @ts-check
/** Starts an emulator as a child process under a given Node binary and waits until it is ready. */
import { spawn } from 'node:child_process'

/**
 * @param {string} node the Node binary
 * @param {string[]} args
 * @param {(stdout: string) => boolean} ready true once the output says the emulator listens
 * @param {NodeJS.ProcessEnv} [env]
 */
export async function startEmulatorProcess(node, args, ready, env = process.env) {
  const child = spawn(node, args, { stdio: ['ignore', 'pipe', 'pipe'], env })
  let output = ''
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator not ready in 60 s: ${output.slice(-500)}`)), 60_000)
    /** @param {Buffer} chunk */
    const onData = chunk => {
      output += chunk.toString('utf8')
      if (ready(output)) {
        clearTimeout(timer)
        resolve(undefined)
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', code => {
      clearTimeout(timer)
      reject(new Error(`emulator exited with ${code}: ${output.slice(-500)}`))
    })
  })
  return {
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise(resolve => child.on('exit', resolve))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
  }
}
