/** Scratch workspaces with chosen files, removed after the test file's run. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

/** Returns a maker of workspaces for this test file; each holds `files` (path → text). */
export function scratchWorkspaces(prefix: string): (files: Record<string, string>) => string {
  const made: string[] = []
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true })
  })
  return files => {
    const dir = mkdtempSync(join(tmpdir(), prefix))
    made.push(dir)
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
    return dir
  }
}
