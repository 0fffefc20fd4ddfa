// @ts-check
/**
 * Runs the committed dist/index.js in a child process the way a GitHub runner does: INPUT_*
 * variables (upper-cased, hyphens kept) with action.yml's defaults for inputs not given, and
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files read back in the runner's file-command format.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { revealsSecret } from './reveals.js'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const DIST = join(ROOT, 'dist', 'index.js')

/** @returns {Record<string, { default?: string, required?: boolean, description: string }>} */
export function actionInputs() {
  return parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')).inputs
}

/** The runner's environment for these inputs: defaults first, then what the step gives. */
/** @param {Record<string, string>} inputs */
export function inputEnvironment(inputs) {
  /** @type {Record<string, string>} */
  const env = {}
  for (const [name, spec] of Object.entries(actionInputs())) {
    // An expression default (${{ github.token }}) is the runner's to fill in; a step gives it here when it needs it.
    if (spec.default !== undefined && !String(spec.default).includes('${{')) env[`INPUT_${name.toUpperCase()}`] = String(spec.default)
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  return env
}

/**
 * Parses a file written with the runner's file commands: `name=value` or `name<<DELIM` … `DELIM`.
 * @param {string} text
 */
export function parseFileCommands(text) {
  /** @type {Record<string, string>} */
  const values = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = /** @type {string} */ (lines[i])
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = /** @type {[string, string, string]} */ (/** @type {unknown} */ (heredoc))
      const value = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
      values[name] = value.join('\n')
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return values
}

/**
 * @typedef {{ code: number | null, stdout: string, stderr: string, outputs: Record<string, string>,
 *   outputFile: string, summary: string, durationMs: number }} ActionRun
 */

/**
 * @param {Record<string, string>} inputs
 * @param {{ node?: string, env?: Record<string, string>, timeoutMs?: number, cwd?: string }} [options]
 * @returns {Promise<ActionRun>}
 */
export async function runAction(inputs, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'archive-target-run-'))
  const outputPath = join(dir, 'output')
  const summaryPath = join(dir, 'summary')
  writeFileSync(outputPath, '')
  writeFileSync(summaryPath, '')
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_REPOSITORY: 'example-org/video-app',
    GITHUB_WORKFLOW: 'Deploy',
    GITHUB_RUN_ID: '1234',
    GITHUB_RUN_NUMBER: '56',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_ACTIONS: 'true',
    ...inputEnvironment(inputs),
    ...options.env
  }
  const started = Date.now()
  const child = spawn(options.node ?? process.execPath, [DIST], { env, cwd: options.cwd ?? dir, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000)
  const code = await new Promise(resolve => child.on('close', resolve))
  clearTimeout(timer)
  const outputFile = readFileSync(outputPath, 'utf8')
  const summary = readFileSync(summaryPath, 'utf8')
  rmSync(dir, { recursive: true, force: true })
  return {
    code: /** @type {number | null} */ (code),
    stdout,
    stderr,
    outputs: parseFileCommands(outputFile),
    outputFile,
    summary,
    durationMs: Date.now() - started
  }
}

/**
 * Where each secret can be read back, in any form and any escaping (reveals.js, the tests' own
 * judge), from what a run printed and wrote, other than on `::add-mask::` lines (which the runner
 * consumes); and each secret the runner was never told to mask although it appears.
 * @param {ActionRun} run
 * @param {string[]} secrets
 * @returns {string[]} one entry per leak, empty when none
 */
export function findLeaks(run, secrets) {
  const leaks = []
  const lines = run.stdout.split('\n')
  const maskLines = lines.filter(line => line.startsWith('::add-mask::'))
  const shown = lines.filter(line => !line.startsWith('::add-mask::')).join('\n')
  const places = { stdout: shown, stderr: run.stderr, GITHUB_OUTPUT: run.outputFile, GITHUB_STEP_SUMMARY: run.summary }
  for (const secret of secrets.filter(s => s.length > 0)) {
    if (!maskLines.includes(`::add-mask::${escapeCommand(secret)}`) && Object.values(places).some(text => text.includes(secret))) {
      leaks.push(`never masked: ${secret.slice(0, 6)}…`)
    }
    for (const [place, text] of Object.entries(places)) {
      // Line by line: a leak is named by the line that holds it, and short texts are judged fast.
      const candidates = secret.includes('\n') ? [text] : text.split('\n')
      const line = candidates.find(candidate => revealsSecret(candidate, secret))
      if (line !== undefined) leaks.push(`${place}: ${line.slice(0, 120)}`)
    }
  }
  return leaks
}

/** The runner's escaping of a command's data: %, CR and LF. @param {string} value */
function escapeCommand(value) {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}
