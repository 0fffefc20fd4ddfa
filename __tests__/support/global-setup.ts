/**
 * Finds a Node 24 binary (what GitHub runs the action on) from the npm package `node@24`, so the
 * child-process tests run the committed dist/ under both Node 20 and Node 24, and installs the
 * storage emulators, which run under it (support/emulators.js).
 */
import type { TestProject } from 'vitest/node'
import { emulatorRequire } from './emulators.js'
import { findNode24 } from './node24.js'

declare module 'vitest' {
  export interface ProvidedContext {
    node24: string
  }
}

export default function setup(project: TestProject): void {
  const node24 = findNode24()
  // Installed once, before any test file starts one (test files run side by side).
  emulatorRequire(node24)
  project.provide('node24', node24)
}
