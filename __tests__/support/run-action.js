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
 * The forms a secret can be read back from: as it is, JSON-escaped once to four times,
 * URL-encoded, and the part of its base64 / base64url that does not depend on its neighbours, at
 * each of the three alignments. Written here independently of the action's own redaction.
 * @param {string} secret
 * @returns {string[]}
 */
export function secretForms(secret) {
  const forms = new Set([secret])
  let escaped = secret
  for (let depth = 0; depth < 4; depth++) forms.add((escaped = JSON.stringify(escaped).slice(1, -1)))
  forms.add(encodeURIComponent(secret))
  const bytes = Buffer.from(secret, 'utf8')
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64')
    const core = encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6))
    if (core.length >= 8) forms.add(core).add(core.replace(/\+/g, '-').replace(/\//g, '_'))
  }
  return [...forms].filter(form => form.length >= 4)
}

/**
 * Undoes what could hide a secret from a plain search: the runner's command escaping (%25, %0A,
 * %0D and, in properties, %3A and %2C), HTML entities of the summary, and backslashes.
 * @param {string} text
 * @returns {string[]} the text in each reading
 */
function readings(text) {
  const unescaped = text
    .replace(/%0A/g, '\n')
    .replace(/%0D/g, '\r')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/%25/g, '%')
  return [text, unescaped, unescaped.replace(/\\/g, '')]
}

/**
 * Where each secret appears, in any form (secretForms) and any reading (readings), in what a run
 * printed and wrote, other than on `::add-mask::` lines (which the runner consumes); and each
 * secret the runner was never told to mask.
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
    const bare = secret.replace(/\\/g, '')
    for (const [place, text] of Object.entries(places)) {
      for (const reading of readings(text)) {
        const form = secretForms(secret).find(f => reading.includes(f)) ?? (bare.length >= 4 && reading.includes(bare) ? bare : undefined)
        if (form !== undefined) {
          const at = reading.indexOf(form)
          leaks.push(`${place}: …${reading.slice(Math.max(0, at - 40), at + 20).replace(/\n/g, '⏎')}…`)
          break
        }
      }
    }
  }
  return leaks
}

/** The runner's escaping of a command's data: %, CR and LF. @param {string} value */
function escapeCommand(value) {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}
