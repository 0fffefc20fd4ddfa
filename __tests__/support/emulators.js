// @ts-check
/**
 * The storage emulators (test-emulators/: azurite and s3rver) need Node 22 or newer, so they are
 * not among the project's packages, whose `npm ci` runs on Node 20 too: they are installed apart,
 * from their own lockfile, with the Node 24 the tests fetch, the first time a test, the demo or the
 * benchmark starts one (about 40 s, once; `npm ci` there afterwards only when the lockfile changes).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const EMULATORS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-emulators')
const STAMP = join(EMULATORS, 'node_modules', '.installed-from-lockfile')
/** Held while one process installs; others (a second test run, the mutation runner's workers) wait. */
const LOCK = join(EMULATORS, '.installing')

/** The npm that runs this process, to run under Node 24 (its own bin is a script). */
function npmCli() {
  const fromEnv = process.env.npm_execpath
  if (fromEnv !== undefined && fromEnv.endsWith('.js')) return fromEnv
  const which = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim()
  return realpathSync(which)
}

/**
 * Installs the emulators under `node24` unless they are installed from the current lockfile;
 * returns a require() that resolves from them.
 * @param {string} node24
 */
export function emulatorRequire(node24) {
  const lockfile = readFileSync(join(EMULATORS, 'package-lock.json'), 'utf8')
  const installed = () => existsSync(STAMP) && readFileSync(STAMP, 'utf8') === lockfile
  const deadline = Date.now() + 600_000
  while (!installed()) {
    if (takeLock()) {
      try {
        if (!installed()) {
          execFileSync(node24, [npmCli(), 'ci', '--no-audit', '--no-fund', '--loglevel=error'], {
            cwd: EMULATORS,
            stdio: 'inherit',
            timeout: 600_000
          })
          writeFileSync(STAMP, lockfile)
        }
      } finally {
        rmSync(LOCK, { recursive: true, force: true })
      }
    } else {
      if (Date.now() > deadline) throw new Error(`the emulators were not installed within 10 minutes (${LOCK} is held)`)
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500)
    }
  }
  return createRequire(join(EMULATORS, 'package.json'))
}

/** Takes the install lock (a directory: made at once or not at all); a lock older than 15 minutes is a crashed install's. */
function takeLock() {
  try {
    mkdirSync(LOCK)
    return true
  } catch {
    try {
      if (Date.now() - statSync(LOCK).mtimeMs > 900_000) rmSync(LOCK, { recursive: true, force: true })
    } catch {
      // gone meanwhile: the next round takes it
    }
    return false
  }
}
