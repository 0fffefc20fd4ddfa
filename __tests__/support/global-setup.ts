/**
 * Finds a Node 24 binary (what GitHub runs the action on) from the npm package `node@24`, so the
 * child-process tests run the committed dist/ under both Node 20 and Node 24.
 */
import type { TestProject } from 'vitest/node'
import { findNode24 } from './node24.js'

declare module 'vitest' {
  export interface ProvidedContext {
    node24: string
  }
}

export default function setup(project: TestProject): void {
  project.provide('node24', findNode24())
}
