// The performance budget of the action, measured on the committed dist/ (npm run bench):
//   start-up    node dist/index.js, valid inputs, dry run, no storage check  ≤ 1.5 × node -e 0
//   from a file the same dry run driven by a configuration file               ≤ 2.0 × node -e 0
//               (loads the yaml parser, reads the file and a certificate file)
//   end to end  one real set call against the loopback stand-in             ≤ 1.2 × a bare Node script
//               that signs the same JWT with node:crypto and PUTs with fetch
//   size        dist/index.js                                                 ≤ 500 kB
//   memory      peak RSS of the start-up run                                  ≤ 1.3 × node -e 0
// Each timing is a ratio of medians over interleaved runs (A B A B …) in this process tree.
//   audit       see script/bench-audit.js: cost per archive against a bare script, memory at 10,000
//   rescue      see script/bench-rescue.js: a 256 MiB copy against @aws-sdk/lib-storage, memory at 1 GiB
// Options: --pairs N (default 40), --node PATH (default this Node), --dist PATH (default the
// committed dist/index.js; e.g. an older build to compare), --no-file (skip the configuration
// file run, for builds from before it existed), --no-audit and --no-rescue (likewise for the audit and the rescue). Exits 1
// when a budget is exceeded.
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { startStandIn } from '../__tests__/support/opentok-standin.js'
import { DIST as COMMITTED_DIST, inputEnvironment, ROOT } from '../__tests__/support/run-action.js'
import { benchAudit } from './bench-audit.js'
import { benchRescue } from './bench-rescue.js'
import { compare as compareUnder, printRows } from './bench-measure.js'

const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback)
const pairs = Number(option('--pairs', '40'))
const node = option('--node', process.execPath)
const DIST = option('--dist', COMMITTED_DIST)
const compare = (a, b) => compareUnder(node, pairs, a, b)

const project = { apiKey: '46000001', apiSecret: 'bench-api-secret-0123456789abcdef' }
const s3 = { bucket: 'acme-archives', 'access-key': 'AKIABENCH000001', 'secret-key': 'bench/secret+key/0123456789' }
const standIn = await startStandIn(project)
const work = mkdtempSync(join(tmpdir(), 'archive-target-bench-'))
// A workspace as a checkout has it: the configuration file and the certificate file it names.
mkdirSync(join(work, '.github'))
execFileSync(
  'openssl',
  [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    join(work, 'key.pem'),
    '-out',
    join(work, 'archive-encryption.pem'),
    '-days',
    '365',
    '-subj',
    '/CN=bench'
  ],
  { stdio: 'ignore' }
)
rmSync(join(work, 'key.pem'))
writeFileSync(
  join(work, '.github', 'opentok-archive-target.yml'),
  `projects:\n  staging:\n    api-key: "${project.apiKey}"\n    bucket: ${s3.bucket}\n    access-key: ${s3['access-key']}\n    fallback: none\n    certificate: archive-encryption.pem\n  production:\n    api-key: "46000002"\n    type: azure\n    account-name: acmearchives\n    container: archives\n`
)

/** The environment a runner gives a step, with fresh output and summary files. */
function runnerEnv(inputs, base = { 'api-key': project.apiKey, ...s3 }) {
  const output = join(work, 'output')
  const summary = join(work, 'summary')
  writeFileSync(output, '')
  writeFileSync(summary, '')
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_REPOSITORY: 'example-org/video-app',
    GITHUB_WORKFLOW: 'Deploy',
    GITHUB_RUN_ID: '1234',
    GITHUB_RUN_NUMBER: '56',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: work,
    ...inputEnvironment({ 'api-secret': project.apiSecret, 'secret-key': s3['secret-key'], ...base, verify: 'false', ...inputs })
  }
}

const bareNode = { name: 'node -e 0', args: ['-e', '0'], env: () => ({ PATH: process.env.PATH }) }
const startUp = { name: 'dist/index.js dry run', args: [DIST], env: () => runnerEnv({ 'dry-run': 'true' }) }
const fromFile = {
  name: 'dist/index.js dry run from a configuration file',
  args: [DIST],
  env: () => runnerEnv({ 'dry-run': 'true', project: 'staging' }, {})
}
const body = JSON.stringify({
  type: 's3',
  config: { bucket: s3.bucket, accessKey: s3['access-key'], secretKey: s3['secret-key'], sse: 's3' },
  fallback: 'none'
})
const bareCall = {
  name: 'bare node:crypto + fetch',
  args: [join(ROOT, 'script', 'bench-bare.js')],
  env: () => ({
    PATH: process.env.PATH,
    BENCH_URL: standIn.url,
    BENCH_API_KEY: project.apiKey,
    BENCH_API_SECRET: project.apiSecret,
    BENCH_BODY: body
  })
}
const actionCall = { name: 'dist/index.js set', args: [DIST], env: () => runnerEnv({ 'api-url': standIn.url }) }

try {
  const versions = await new Promise(resolve => {
    const child = spawn(node, ['-p', 'process.version'], { stdio: ['ignore', 'pipe', 'ignore'] })
    let out = ''
    child.stdout.on('data', chunk => (out += chunk))
    child.on('close', () => resolve(out.trim()))
  })
  const start = await compare(bareNode, startUp)
  const file = args.includes('--no-file') ? undefined : await compare(bareNode, fromFile)
  const e2e = await compare(bareCall, actionCall)
  const requests = standIn.requests.length
  const bad = standIn.violations().length
  const sizeKb = statSync(DIST).size / 1000
  const chunks = readdirSync(dirname(DIST)).filter(name => /^\d+\.index\.js$/.test(name))
  const chunkKb = chunks.reduce((sum, name) => sum + statSync(join(dirname(DIST), name)).size, 0) / 1000

  const rows = [
    ['start-up (dry run) / node -e 0', start.b.ms / start.a.ms, 1.5, `${start.b.ms.toFixed(1)} ms / ${start.a.ms.toFixed(1)} ms`],
    ...(file === undefined
      ? []
      : [['from a file (dry run) / node -e 0', file.b.ms / file.a.ms, 2.0, `${file.b.ms.toFixed(1)} ms / ${file.a.ms.toFixed(1)} ms`]]),
    ['end to end (set) / bare script', e2e.b.ms / e2e.a.ms, 1.2, `${e2e.b.ms.toFixed(1)} ms / ${e2e.a.ms.toFixed(1)} ms`],
    ['dist/index.js size, kB', sizeKb, 500, `${sizeKb.toFixed(1)} kB`],
    [
      'peak RSS (dry run) / node -e 0',
      start.b.rssKb / start.a.rssKb,
      1.3,
      `${(start.b.rssKb / 1024).toFixed(1)} MB / ${(start.a.rssKb / 1024).toFixed(1)} MB`
    ]
  ]
  console.log(`Node ${versions} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; ${pairs} interleaved pairs per timing, medians`)
  console.log(`stand-in received ${requests} requests, ${bad} breaking the contract`)
  console.log(`lazy chunks beside dist/index.js (loaded only when a run needs them): ${chunks.length}, ${chunkKb.toFixed(1)} kB`)
  console.log('')
  let failed = bad > 0
  failed ||= !printRows(rows)
  if (!args.includes('--no-audit')) {
    console.log('')
    // The audit's runs take seconds each: a few pairs are enough for a stable median.
    const auditWithin = await benchAudit({ node, dist: DIST, pairs: Math.max(3, Math.min(5, Math.round(pairs / 4))) })
    failed ||= !auditWithin
  }
  if (!args.includes('--no-rescue')) {
    console.log('')
    // A copy of 256 MiB takes seconds: a few pairs.
    const rescueWithin = await benchRescue({ node, dist: DIST, pairs: Math.max(2, Math.min(4, Math.round(pairs / 10))) })
    failed ||= !rescueWithin
  }
  process.exitCode = failed ? 1 : 0
} finally {
  await standIn.close()
  rmSync(work, { recursive: true, force: true })
}
