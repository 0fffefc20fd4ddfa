// @ts-check
/**
 * Azurite, Microsoft's Azure Storage emulator (npm `azurite`), Blob service only, on loopback
 * under Node 24 (its current release needs Node 22 or newer), with one account of the test's.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulatorProcess } from './emulator-process.js'
import { emulatorRequire } from './emulators.js'

/** @param {string} node24 @param {{ name: string, key: string }} account */
export async function startAzurite(node24, account) {
  const BLOB_MAIN = join(emulatorRequire(node24).resolve('azurite/package.json'), '..', 'dist', 'src', 'blob', 'main.js')
  const location = mkdtempSync(join(tmpdir(), 'azurite-'))
  const child = await startEmulatorProcess(
    node24,
    [BLOB_MAIN, '--blobHost', '127.0.0.1', '--blobPort', '0', '--location', location, '--skipApiVersionCheck', '--disableTelemetry'],
    out => /listens on http:\/\/127\.0\.0\.1:\d+/.test(out),
    { ...process.env, AZURITE_ACCOUNTS: `${account.name}:${account.key}` }
  )
  const port = Number(/listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(child.output())?.[1])
  return {
    port,
    /** The account's Blob service URL, path-style as Azurite serves it. */
    serviceUrl: `http://127.0.0.1:${port}/${account.name}`,
    async close() {
      await child.stop()
      rmSync(location, { recursive: true, force: true })
    }
  }
}
