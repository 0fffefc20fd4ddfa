/**
 * Finds a Node 24 binary (what GitHub runs the action on) from the npm package `node@24`, so the
 * child-process tests run the committed dist/ under both Node 20 and Node 24.
 */
import { execFileSync } from 'node:child_process'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    node24: string
  }
}

export default function setup(project: TestProject): void {
  const node24 =
    process.env.NODE24_BIN ??
    execFileSync('npx', ['-y', 'node@24', '-p', 'process.execPath'], { encoding: 'utf8', timeout: 110_000 }).trim()
  const version = execFileSync(node24, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim()
  if (!version.startsWith('24.')) throw new Error(`expected Node 24 from node@24, got ${version} at ${node24}`)
  project.provide('node24', node24)
}
