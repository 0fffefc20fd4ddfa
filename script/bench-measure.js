// How the benchmarks measure: each command runs as its own process with report-rss.cjs preloaded,
// and two commands are compared as medians over interleaved runs (A B A B …) after one warm-up each.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { ROOT } from '../__tests__/support/run-action.js'

const REPORT_RSS = join(ROOT, 'script', 'report-rss.cjs')

/**
 * Runs one command under `node`; resolves to its wall time in ms and its peak RSS in kB.
 * @param {string} node
 * @param {{ name: string, args: string[], env: () => NodeJS.ProcessEnv }} command
 */
export function once(node, command) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(node, ['-r', REPORT_RSS, ...command.args], { env: command.env(), stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('error', reject)
    child.on('close', code => {
      const ms = performance.now() - started
      if (code !== 0 && !command.exitCodes?.includes(code))
        return reject(new Error(`${command.name} exited with ${code}: ${stderr.slice(-400)}`))
      resolve({ ms, rssKb: Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(stderr)?.[1] ?? NaN) })
    })
  })
}

/** @param {number[]} values */
export const median = values => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Interleaves A and B `pairs` times after one warm-up each; returns the medians. */
export async function compare(node, pairs, a, b) {
  await once(node, a)
  await once(node, b)
  const runs = { a: [], b: [] }
  for (let i = 0; i < pairs; i++) {
    runs.a.push(await once(node, a))
    runs.b.push(await once(node, b))
  }
  const summary = side => ({ ms: median(runs[side].map(r => r.ms)), rssKb: median(runs[side].map(r => r.rssKb)) })
  return { a: summary('a'), b: summary('b') }
}

/** Prints the rows of a budget table; returns true when every figure is within its budget. */
export function printRows(rows) {
  console.log(`${'measure'.padEnd(40)}${'figure'.padStart(9)}${'budget'.padStart(9)}  verdict  detail`)
  let ok = true
  for (const [name, value, budget, detail] of rows) {
    const within = value <= budget
    ok &&= within
    console.log(
      `${name.padEnd(40)}${value.toFixed(2).padStart(9)}${String(budget).padStart(9)}  ${within ? 'ok     ' : 'OVER   '}  ${detail}`
    )
  }
  return ok
}
