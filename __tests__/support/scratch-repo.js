// @ts-check
/** A scratch git repository with a commit per state of its files, as a checkout of a pull request has them. */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/**
 * @typedef {{ dir: string, commits: string[], event(payload: unknown): string, remove(): void }} ScratchRepo
 */

/**
 * Commits each state of the files in turn (a file given as null is deleted).
 * @param {ReadonlyArray<Record<string, string | null>>} states
 * @returns {ScratchRepo}
 */
export function scratchRepo(states) {
  const dir = mkdtempSync(join(tmpdir(), 'plan-repo-'))
  /** @param {string[]} args */
  const git = (...args) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim()
  git('init', '-q', '-b', 'main')
  git('config', 'user.email', 'plan@example.com')
  git('config', 'user.name', 'Plan Test')
  /** @type {string[]} */
  const commits = []
  for (const [index, files] of states.entries()) {
    for (const [path, text] of Object.entries(files)) {
      if (text === null) rmSync(join(dir, path), { force: true })
      else {
        mkdirSync(dirname(join(dir, path)), { recursive: true })
        writeFileSync(join(dir, path), text)
      }
    }
    git('add', '-A')
    git('commit', '-q', '--allow-empty', '-m', `state ${index}`)
    commits.push(git('rev-parse', 'HEAD'))
  }
  const eventDir = mkdtempSync(join(tmpdir(), 'plan-event-'))
  return {
    dir,
    commits,
    /** Writes an event payload, as the runner does at GITHUB_EVENT_PATH; returns its path. */
    event(payload) {
      const path = join(eventDir, `event-${Math.random().toString(36).slice(2)}.json`)
      writeFileSync(path, JSON.stringify(payload))
      return path
    },
    remove() {
      rmSync(dir, { recursive: true, force: true })
      rmSync(eventDir, { recursive: true, force: true })
    }
  }
}
