// The rescue's performance budget (part of npm run bench), on the committed dist/: one archive the
// vendor kept, hosted by the loopback stand-in of its cloud (support/download-standin.js), copied
// by `operation: audit` with `rescue: true` into an S3 emulator (s3rver, under Node 24), side by
// side with a bare script that streams the same link into the same emulator with
// @aws-sdk/lib-storage, 8 MiB parts, 4 in flight (bench-rescue-bare.js):
//   wall time   the action's audit-and-copy of 256 MiB               ≤ 1.25 × the bare script's copy
//   memory      its peak RSS                                          ≤ 1.25 × the bare script's
//   flat        its peak RSS copying 1 GiB                            ≤ 1.1 × its peak RSS at 256 MiB
// The action's figure holds its whole run (list, look-up, fresh link, copy, proof): what a user waits.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { archiveId, vendorArchive } from '../__tests__/support/archives.js'
import { startDownloadStandIn } from '../__tests__/support/download-standin.js'
import { findNode24 } from '../__tests__/support/node24.js'
import { startStandIn } from '../__tests__/support/opentok-standin.js'
import { inputEnvironment, ROOT } from '../__tests__/support/run-action.js'
import { startS3Emulator } from '../__tests__/support/s3-emulator.js'
import { median, once, printRows } from './bench-measure.js'

const MIB = 1024 * 1024
const keys = { accessKey: 'AKIABENCHRESCUE01', secretKey: 'bench/rescue/secret+key/0123456789' }
const BUCKET = 'rescue-bench'

/** Runs the rescue benchmark; returns true when within budget. */
export async function benchRescue({ node, dist, pairs }) {
  const storage = await startS3Emulator(findNode24(), keys, [BUCKET])
  const cloud = await startDownloadStandIn()
  const work = mkdtempSync(join(tmpdir(), 'archive-rescue-bench-'))
  const credentials = { apiKey: '46002001', apiSecret: 'bench-rescue-secret-0123456789abcd' }
  const vendor = await startStandIn(credentials)
  vendor.setLinks(id => cloud.issueLink(id))
  try {
    // A fresh archive for each run, so that every copy writes a new object; hosted (its SHA-256
    // taken) before any run starts, since a run's time counts from when its environment is made.
    const hosted = new Map()
    const host = (size, count) => {
      const list = Array.from({ length: count }, () => {
        const id = archiveId()
        const sha256sum = cloud.host(id, size)
        return { id, archive: vendorArchive(Date.now(), 1, { id, status: 'available', size, sha256sum }) }
      })
      hosted.set(size, list)
    }
    const fresh = size => {
      const next = hosted.get(size)?.shift()
      if (next === undefined) throw new Error(`no archive of ${size} bytes left`)
      return next
    }
    const largeRuns = Math.max(1, Math.min(3, pairs))
    host(16 * MIB, 2)
    host(256 * MIB, 2 * pairs)
    host(1024 * MIB, largeRuns)
    const actionRun = size => ({
      name: `rescue of ${size / MIB} MiB`,
      args: [dist],
      env: () => {
        const { archive } = fresh(size)
        vendor.setArchives([{ ...archive, createdAt: Date.now() - 3_600_000 }])
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
            'api-url': vendor.url,
            operation: 'audit',
            rescue: 'true',
            since: '26h',
            bucket: BUCKET,
            'access-key': keys.accessKey,
            'secret-key': keys.secretKey,
            endpoint: storage.url,
            sse: 'none',
            // The rescued archive still fails the step (the vendor's upload failed): a warning is enough here.
            'fail-on-error': 'false'
          })
        }
      }
    })
    const bareRun = size => ({
      name: `lib-storage copy of ${size / MIB} MiB`,
      args: [join(ROOT, 'script', 'bench-rescue-bare.js')],
      env: () => {
        const { id } = fresh(size)
        return {
          PATH: process.env.PATH,
          BENCH_LINK: cloud.issueLink(id),
          BENCH_S3: storage.url,
          BENCH_BUCKET: BUCKET,
          BENCH_KEY: `${credentials.apiKey}/${id}/archive.mp4`,
          BENCH_ACCESS_KEY: keys.accessKey,
          BENCH_SECRET_KEY: keys.secretKey
        }
      }
    })
    const runs = { bare: [], action: [] }
    await once(node, bareRun(16 * MIB))
    await once(node, actionRun(16 * MIB))
    for (let i = 0; i < pairs; i++) {
      runs.bare.push(await once(node, bareRun(256 * MIB)))
      runs.action.push(await once(node, actionRun(256 * MIB)))
    }
    const large = []
    for (let i = 0; i < largeRuns; i++) large.push(await once(node, actionRun(1024 * MIB)))
    const ms = side => median(runs[side].map(r => r.ms))
    const rss = side => median(runs[side].map(r => r.rssKb))
    const largeRss = median(large.map(r => r.rssKb))
    console.log(
      `rescue: ${pairs} interleaved pairs of 256 MiB, medians; 1 GiB: median of ${large.length}; stand-in saw ${vendor.violations().length} requests breaking the contract`
    )
    return (
      printRows([
        [
          'rescue: wall time / lib-storage',
          ms('action') / ms('bare'),
          1.25,
          `${(ms('action') / 1000).toFixed(2)} s / ${(ms('bare') / 1000).toFixed(2)} s for 256 MiB`
        ],
        [
          'rescue: peak RSS / lib-storage',
          rss('action') / rss('bare'),
          1.25,
          `${(rss('action') / 1024).toFixed(1)} MB / ${(rss('bare') / 1024).toFixed(1)} MB`
        ],
        [
          'rescue: peak RSS 1 GiB / 256 MiB',
          largeRss / rss('action'),
          1.1,
          `${(largeRss / 1024).toFixed(1)} MB / ${(rss('action') / 1024).toFixed(1)} MB`
        ]
      ]) && vendor.violations().length === 0
    )
  } finally {
    await vendor.close()
    await cloud.close()
    await storage.close()
    rmSync(work, { recursive: true, force: true })
  }
}
