// @ts-check
/**
 * Finds a Node 24 binary (what GitHub runs the action on, and what the storage emulators need)
 * from the npm package `node@24`, or NODE24_BIN. Shared by the tests, the demo and the benchmark.
 */
import { execFileSync } from 'node:child_process'

/** @returns {string} the path of a Node 24 binary */
export function findNode24() {
  const node24 =
    process.env.NODE24_BIN ??
    execFileSync('npx', ['-y', 'node@24', '-p', 'process.execPath'], { encoding: 'utf8', timeout: 110_000 }).trim()
  const version = execFileSync(node24, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim()
  if (!version.startsWith('24.')) throw new Error(`expected Node 24 from node@24, got ${version} at ${node24}`)
  return node24
}
