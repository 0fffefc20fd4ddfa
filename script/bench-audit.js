// The audit's performance budget (part of npm run bench), on the committed dist/ against the
// loopback vendor stand-in and a fast loopback S3 stand-in (support/s3-standin.js: objects in
// memory, no disk, no signature check), so that what is measured is the action's own cost, not the
// store's:
//   cost per archive  (audit of 1,000 − audit of 10) / 990, the action against a bare script doing
//                     the same list and prefix requests 16 at a time, unsigned (bench-audit-bare.js)  ≤ 1.3 ×
//   memory            peak RSS of the action auditing 10,000 archives                        ≤ 1.5 × the bare
//                     script auditing the same 10,000; also shown against node -e 0, which no
//                     process that sends one HTTP request stays near: Node's fetch or undici alone
//                     takes a bare one-request script to about 2 × node -e 0 (see docs/performance.md).
// Also shown, as before, the same cost per archive against an S3 emulator that checks signatures
// (s3rver, under Node 24), whose own slowness hides most of the action's cost.
// Archives of the timed runs are all in the bucket (the nightly happy path), so both sides send
// the same requests; the 10,000 of the memory run look in an empty bucket.
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { objectKeyOf, seedS3, vendorArchive } from '../__tests__/support/archives.js'
import { findNode24 } from '../__tests__/support/node24.js'
import { startStandIn } from '../__tests__/support/opentok-standin.js'
import { inputEnvironment, ROOT } from '../__tests__/support/run-action.js'
import { startS3Emulator } from '../__tests__/support/s3-emulator.js'
import { startEmulatorProcess } from '../__tests__/support/emulator-process.js'
import { compare, median, once, printRows } from './bench-measure.js'

const keys = { accessKey: 'AKIABENCHAUDIT01', secretKey: 'bench/audit/secret+key/0123456789' }
const BUCKET = 'audit-archives'
const EMPTY_BUCKET = 'audit-empty'

/** Runs the audit benchmark; returns true when within budget. */
export async function benchAudit({ node, dist, pairs }) {
  const emulator = await startS3Emulator(findNode24(), keys, [BUCKET, EMPTY_BUCKET])
  const work = mkdtempSync(join(tmpdir(), 'archive-audit-bench-'))
  const heldKeys = join(work, 'held-keys.txt')
  writeFileSync(heldKeys, '')
  const standIns = []
  const stops = []
  try {
    const now = Date.now()
    const sinceMs = now - 24 * 3_600_000
    /** A project with `count` archives in the last day, every one delivered (in both stores) unless its bucket is the empty one. */
    const project = async (n, count, bucket = BUCKET) => {
      const credentials = { apiKey: `4600100${n}`, apiSecret: `bench-audit-secret-${n}-0123456789` }
      const standIn = await startStandIn(credentials)
      standIns.push(standIn)
      const archives = Array.from({ length: count }, (_, i) => vendorArchive(now, (i * 23) / count + 0.5))
      standIn.setArchives(archives)
      if (bucket === BUCKET) {
        const seeded = archives.map(a => objectKeyOf(credentials.apiKey, a))
        await seedS3(emulator.url, BUCKET, keys, seeded)
        appendFileSync(heldKeys, seeded.map(key => `${key}\n`).join(''))
      }
      return { credentials, standIn, bucket }
    }
    const small = await project(1, 10)
    const large = await project(2, 1000)
    const huge = await project(3, 10_000, EMPTY_BUCKET)
    // The floor's storage, started once every key is known; both buckets are one to it.
    const floor = await startEmulatorProcess(node, [join(ROOT, 'script', 'bench-s3-floor.cjs'), heldKeys], out => /"port":\d+/.test(out))
    stops.push(() => floor.stop())
    const fast = { url: `http://127.0.0.1:${/"port":(\d+)/.exec(floor.output())?.[1]}` }

    const actionRun = (name, { credentials, standIn, bucket }, storage = fast) => ({
      name,
      args: [dist],
      env: () => {
        writeFileSync(join(work, 'output'), '')
        writeFileSync(join(work, 'summary'), '')
        return {
          PATH: process.env.PATH,
          GITHUB_ACTIONS: 'true',
          GITHUB_OUTPUT: join(work, 'output'),
          GITHUB_STEP_SUMMARY: join(work, 'summary'),
          RUNNER_TEMP: work,
          ...inputEnvironment({
            'api-key': credentials.apiKey,
            'api-secret': credentials.apiSecret,
            'api-url': standIn.url,
            operation: 'audit',
            since: new Date(sinceMs).toISOString(),
            bucket,
            'access-key': keys.accessKey,
            'secret-key': keys.secretKey,
            endpoint: storage.url,
            // 10,000 archives that are not in the bucket would fail the step: a warning is enough here.
            'fail-on-error': 'false'
          })
        }
      }
    })
    const bareRun = (name, { credentials, standIn, bucket }, storage = fast, exitCodes = [0]) => ({
      name,
      args: [join(ROOT, 'script', 'bench-audit-bare.js')],
      exitCodes,
      env: () => ({
        PATH: process.env.PATH,
        BENCH_URL: standIn.url,
        BENCH_API_KEY: credentials.apiKey,
        BENCH_API_SECRET: credentials.apiSecret,
        BENCH_SINCE_MS: String(sinceMs),
        BENCH_S3: storage.url,
        BENCH_BUCKET: bucket
      })
    })

    const ten = await compare(node, pairs, bareRun('bare, 10 archives', small), actionRun('audit, 10 archives', small))
    const thousand = await compare(node, pairs, bareRun('bare, 1,000 archives', large), actionRun('audit, 1,000 archives', large))
    const perArchive = side => (thousand[side].ms - ten[side].ms) / 990
    // The same against the emulator that checks signatures: the bare side signs there too, as before.
    const tenSigned = await compare(
      node,
      pairs,
      bareRun('bare, 10 archives (s3rver)', small, emulator),
      actionRun('audit, 10 (s3rver)', small, emulator)
    )
    const thousandSigned = await compare(
      node,
      pairs,
      bareRun('bare, 1,000 archives (s3rver)', large, emulator),
      actionRun('audit, 1,000 (s3rver)', large, emulator)
    )
    const perArchiveSigned = side => (thousandSigned[side].ms - tenSigned[side].ms) / 990
    const bareNode = { name: 'node -e 0', args: ['-e', '0'], env: () => ({ PATH: process.env.PATH }) }
    const memory = []
    for (let i = 0; i < 3; i++) {
      memory.push({
        base: (await once(node, bareNode)).rssKb,
        // The bare script exits 2 when an archive is not in the bucket, as none is here.
        bare: (await once(node, bareRun('bare, 10,000 archives', huge, fast, [2]))).rssKb,
        audit: (await once(node, actionRun('audit, 10,000 archives', huge))).rssKb
      })
    }
    const baseRss = median(memory.map(m => m.base))
    const bareRss = median(memory.map(m => m.bare))
    const auditRss = median(memory.map(m => m.audit))
    const bad = standIns.reduce((sum, s) => sum + s.violations().length, 0)

    console.log(
      `audit: ${pairs} interleaved pairs per timing, medians; memory: median of 3; stand-ins saw ${bad} requests breaking the contract`
    )
    console.log(`  10 archives     bare ${ten.a.ms.toFixed(0)} ms, action ${ten.b.ms.toFixed(0)} ms`)
    console.log(`  1,000 archives  bare ${thousand.a.ms.toFixed(0)} ms, action ${thousand.b.ms.toFixed(0)} ms`)
    const within = printRows([
      [
        'audit: cost per archive / bare script',
        perArchive('b') / perArchive('a'),
        1.3,
        `${(perArchive('b') * 1000).toFixed(0)} µs / ${(perArchive('a') * 1000).toFixed(0)} µs per archive (fast S3 stand-in)`
      ],
      [
        'audit: peak RSS at 10,000 / bare script',
        auditRss / bareRss,
        1.5,
        `${(auditRss / 1024).toFixed(1)} MB / ${(bareRss / 1024).toFixed(1)} MB`
      ]
    ])
    console.log(
      `  for reference: peak RSS at 10,000 archives / node -e 0: action ${(auditRss / baseRss).toFixed(2)}, bare script ${(bareRss / baseRss).toFixed(2)} (${(baseRss / 1024).toFixed(1)} MB)`
    )
    console.log(
      `  for reference, against s3rver (which checks signatures, on disk): ${(perArchiveSigned('b') * 1000).toFixed(0)} µs / ${(perArchiveSigned('a') * 1000).toFixed(0)} µs per archive, ${(perArchiveSigned('b') / perArchiveSigned('a')).toFixed(2)} ×`
    )
    return within && bad === 0
  } finally {
    for (const standIn of standIns) await standIn.close()
    await emulator.close()
    for (const stop of stops) await stop()
    rmSync(work, { recursive: true, force: true })
  }
}
