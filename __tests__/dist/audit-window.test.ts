/**
 * Which archives an audit judges, and that it says when it could not, through the committed dist/
 * under Node 24: the window as the end of recording (a long recording judged on the next night),
 * paging to the vendor's total whatever a page holds, every item of the answer accounted for, a
 * refused look-up reported like a finished audit (summary, outputs, report file, tracking issue),
 * one tracking issue per project whatever its labels, the masks only of the archives kept, and the
 * vendor's and the storage's requests counted apart. The vendor, the storage (a fast S3 stand-in
 * that can refuse) and the GitHub API are loopback stand-ins.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { objectKeyOf, signedUrl, vendorArchive } from '../support/archives.js'
import { startGitHubStandIn } from '../support/github-standin.js'
import { startStandIn } from '../support/opentok-standin.js'
import { runAction, type ActionRun } from '../support/run-action.js'
import { startS3StandIn } from '../support/s3-standin.js'

const project = { apiKey: '46000088', apiSecret: 'audit-window-secret-0123456789ab' }
const keys = { 'access-key': 'AKIAWINDOW0000001', 'secret-key': 'audit/window/secret+key/0123' }
const token = 'ghs_auditWindowToken0123456789abcdef'
const HOUR = 3_600_000
const BUCKET = 'archives'

let vendor: Awaited<ReturnType<typeof startStandIn>>
let s3: Awaited<ReturnType<typeof startS3StandIn>>
let github: Awaited<ReturnType<typeof startGitHubStandIn>>
let runnerTemp: string
beforeAll(async () => {
  vendor = await startStandIn(project)
  s3 = await startS3StandIn([BUCKET])
  github = await startGitHubStandIn({ token })
})
afterAll(async () => {
  await vendor.close()
  await s3.close()
  await github.close()
})
beforeEach(() => {
  vendor.requests.length = 0
  vendor.setPageLimit(Number.POSITIVE_INFINITY)
  s3.requests.length = 0
  s3.setPolicy(undefined)
  github.issues.length = 0
  github.calls.length = 0
  runnerTemp = mkdtempSync(join(tmpdir(), 'audit-window-'))
  return () => rmSync(runnerTemp, { recursive: true, force: true })
})

function audit(inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(
    {
      'api-key': project.apiKey,
      'api-secret': project.apiSecret,
      'api-url': vendor.url,
      operation: 'audit',
      since: '26h',
      bucket: BUCKET,
      endpoint: s3.url,
      ...keys,
      ...inputs
    },
    { node: inject('node24'), env: { RUNNER_TEMP: runnerTemp, GITHUB_API_URL: github.url } }
  )
}

const reportOf = (run: ActionRun) => JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8'))
const deliver = (archive: { id: string; outputMode: string }) => s3.put(BUCKET, objectKeyOf(project.apiKey, archive), Buffer.from('x'))

describe('the window is the end of recording', () => {
  it('judges on the next night a long recording that was still going at the first', async () => {
    const now = Date.now()
    // Night one: a 3-hour meeting that started 2.5 hours ago is still recording.
    const meeting = vendorArchive(now, 2.5, { status: 'started', duration: 0 })
    vendor.setArchives([meeting])
    const first = await audit()
    expect(first.code).toBe(0)
    expect(reportOf(first).archives.map((a: { id: string; class: string }) => [a.id, a.class])).toEqual([[meeting.id, 'pending']])
    // Night two, 24 hours later: it started 26.5 hours ago, ended 23.5 hours ago, and never uploaded.
    const nextNight = { ...meeting, createdAt: now - 26.5 * HOUR, status: 'stopped', duration: 3 * 3600 }
    // One that ended just before the window (29 h ago) and one created just inside it (25.9 h ago) frame it.
    const ended = vendorArchive(now, 30, { status: 'stopped', duration: 3600 })
    const recent = vendorArchive(now, 25.9)
    deliver(recent)
    vendor.setArchives([nextNight, ended, recent])
    const second = await audit()
    expect(second.code).toBe(1)
    expect(reportOf(second).archives.map((a: { id: string; class: string }) => [a.id, a.class])).toEqual([
      [recent.id, 'delivered'],
      [meeting.id, 'stuck']
    ])
    expect(second.stdout).toContain(`  ${meeting.id}  "weekly stand-up"  `)
    expect(second.stdout).toContain('stopped: stopped 23 h 30 min ago and never uploaded; now with the vendor; not in the target.')
  })

  it('pages on to the vendor’s total when it gives 100 archives a page, and asks from where the last page ended', async () => {
    const now = Date.now()
    const archives = Array.from({ length: 250 }, (_, i) => vendorArchive(now, 1 + i / 20))
    for (const archive of archives) deliver(archive)
    vendor.setArchives(archives)
    vendor.setPageLimit(100)
    const run = await audit()
    expect(run.code).toBe(0)
    expect(vendor.requests.map(r => r.path)).toEqual([
      `/v2/project/${project.apiKey}/archive?offset=0&count=1000`,
      `/v2/project/${project.apiKey}/archive?offset=100&count=1000`,
      `/v2/project/${project.apiKey}/archive?offset=200&count=1000`
    ])
    expect(run.outputs).toMatchObject({ archives: '250', undelivered: '0', attempts: '3', 'storage-requests': '250' })
  })

  it('reads down to 12 hours before the window and no further', async () => {
    const now = Date.now()
    // 1,000 archives a page: the first page ends at an archive created 20 h before the window's start.
    const archives = Array.from({ length: 1500 }, (_, i) => vendorArchive(now, 1 + (i * 45) / 1000, { status: 'failed' }))
    vendor.setArchives(archives)
    const run = await audit({ verify: 'false', 'fail-on-error': 'false' })
    expect(vendor.requests.map(r => r.path)).toEqual([`/v2/project/${project.apiKey}/archive?offset=0&count=1000`])
    expect(run.outputs.archives).toBe(String(archives.filter(a => a.createdAt + 600_000 > now - 26 * HOUR).length))
  })
})

describe('every item of the answer is accounted for', () => {
  it('names seven items it cannot read, counts them as undelivered and fails: nothing proves they landed', async () => {
    const now = Date.now()
    const good = [vendorArchive(now, 1), vendorArchive(now, 2), vendorArchive(now, 3)]
    for (const archive of good) deliver(archive)
    const bad = [
      { ...vendorArchive(now, 1.5), createdAt: String(now - HOUR) },
      { ...vendorArchive(now, 1.6), createdAt: null },
      { ...vendorArchive(now, 1.7), id: '../../etc' },
      { ...vendorArchive(now, 1.8), id: 42 },
      { ...vendorArchive(now, 1.9), status: '' },
      { ...vendorArchive(now, 2.1), status: null },
      'not an archive'
    ]
    vendor.answer({ status: 200, body: JSON.stringify({ count: 10, items: [...good, ...bad] }) })
    const run = await audit()
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ archives: '10', undelivered: '7' })
    expect(run.stdout).toContain(
      '::warning::7 archive(s) of the answer could not be read: item 4 of the page at offset 0 (' +
        (bad[0] as { id: string }).id +
        '): createdAt; item 5 of the page at offset 0 (' +
        (bad[1] as { id: string }).id +
        '): createdAt; item 6 of the page at offset 0 (../../etc): id; item 7 of the page at offset 0: id; item 8 of the page at offset 0 (' +
        (bad[4] as { id: string }).id +
        '): status; item 9 of the page at offset 0 (' +
        (bad[5] as { id: string }).id +
        '): status; item 10 of the page at offset 0: id, createdAt, status. Nothing proves they landed.'
    )
    expect(run.stdout).toContain('::error::7 archive(s) did not land in s3://archives (7 that could not be read). See the job summary.')
    expect(reportOf(run).unreadable).toHaveLength(7)
    expect(run.summary).toContain("7 item(s) of the vendor's answer could not be read; nothing proves they landed:")
  })
})

describe('an audit that could not finish', () => {
  it('reports a bucket that refuses s3:ListBucket like a finished audit: summary, outputs, report file and tracking issue', async () => {
    const now = Date.now()
    const archives = Array.from({ length: 18 }, (_, i) => vendorArchive(now, 1 + i / 2, i % 2 === 0 ? {} : { status: 'failed' }))
    vendor.setArchives(archives)
    s3.setPolicy(request => (request.method === 'GET' ? { status: 403, code: 'AccessDenied' } : undefined))
    const run = await audit({ 'tracking-issue': 'true', 'github-token': token })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'failed', archives: '18', undelivered: '9', verified: 'false', attempts: '1' })
    expect(Number(run.outputs['storage-requests'])).toBeGreaterThan(0)
    const report = reportOf(run)
    expect(report).toMatchObject({ finished: false, failure: { stage: 'storage', transient: false } })
    expect(report.counts).toMatchObject({ unchecked: 9, failed: 9 })
    expect(run.summary).toContain('> **The audit could not finish.** The target could not be read')
    expect(run.summary).toContain('s3:ListBucket')
    expect(github.issues).toHaveLength(1)
    const body = github.issues[0]!.body
    expect(body).toContain('**The audit could not finish**')
    expect(body).toContain('must allow s3:ListBucket on the bucket')
    expect(github.issues[0]!.labels).toEqual([{ name: 'archive-delivery' }])
  })

  it('opens no issue for the vendor’s passing trouble, but fails the step', async () => {
    vendor.answer({ status: 503 }, { status: 503 }, { status: 503 })
    const run = await audit({ 'tracking-issue': 'true', 'github-token': token })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'failed', status: '503', attempts: '3' })
    expect(github.issues).toEqual([])
    expect(run.stdout).toContain(
      "The tracking issue was not touched: the vendor's trouble may pass by itself: the next audit updates the issue."
    )
  })
})

describe('one tracking issue per project', () => {
  const tracked = () => audit({ 'tracking-issue': 'true', 'github-token': token, verify: 'false' })

  it('finds its issue again after someone removed the label, and puts the label back', async () => {
    const now = Date.now()
    vendor.setArchives([vendorArchive(now, 2, { status: 'failed' })])
    await tracked()
    expect(github.issues).toHaveLength(1)
    github.issues[0]!.labels = [{ name: 'triaged' }]
    const again = await tracked()
    expect(github.issues).toHaveLength(1)
    expect(github.issues[0]!.labels.map(l => l.name)).toEqual(['triaged', 'archive-delivery'])
    expect(again.stdout).toContain("::warning::The tracking issue #1 had lost its label 'archive-delivery'; it was put back.")
  })

  it('is never an issue someone else wrote with its marker, and of two of its own, the newest is kept up to date', async () => {
    const now = Date.now()
    vendor.setArchives([vendorArchive(now, 2, { status: 'failed' })])
    const marker = `<!-- opentok-archive-target:archive-delivery project=${project.apiKey} -->`
    const planted = github.plantIssue({ body: `${marker}\nAll good, nothing to see`, labels: ['archive-delivery'] })
    await tracked()
    expect(github.issues.find(i => i.number === planted)?.body).toBe(`${marker}\nAll good, nothing to see`)
    expect(github.issues.filter(i => i.user.login === 'github-actions[bot]')).toHaveLength(1)
    const older = github.issues.find(i => i.user.login === 'github-actions[bot]')!.number
    const newer = github.plantIssue({
      body: `${marker}\nan earlier run's`,
      labels: ['archive-delivery'],
      user: { login: 'github-actions[bot]', type: 'Bot' }
    })
    const run = await tracked()
    expect(run.stdout).toContain(
      `::warning::2 open tracking issues of this project were written by this token (#${newer}, #${older}); the newest, #${newer}, is kept up to date. Close the others.`
    )
    expect(github.issues.find(i => i.number === newer)?.body).toContain('**1 archive was not delivered**')
  })
})

describe('what an audit masks and counts', () => {
  it('masks the link of the archives it keeps, not of the thousands outside the window', async () => {
    const now = Date.now()
    const inside = [vendorArchive(now, 1, { status: 'available' }), vendorArchive(now, 2, { status: 'available' })]
    const outside = Array.from({ length: 2000 }, (_, i) => vendorArchive(now, 30 + i / 100, { status: 'available' }))
    vendor.setArchives([...inside, ...outside])
    const run = await audit({ verify: 'false', 'fail-on-error': 'false' })
    const masks = run.stdout.split('\n').filter(line => line.startsWith('::add-mask::'))
    for (const archive of inside) expect(masks).toContain(`::add-mask::${signedUrl(archive.id)}`)
    // The two secrets, the token of each list request, and the two links.
    expect(masks.length).toBeLessThanOrEqual(2 + vendor.requests.length + inside.length)
    expect(run.outputs.archives).toBe('2')
  })

  it('counts the vendor’s requests in attempts and the storage’s in storage-requests, retries included', async () => {
    const now = Date.now()
    const archives = [vendorArchive(now, 1), vendorArchive(now, 2)]
    vendor.setArchives(archives)
    vendor.answer({ status: 500 })
    let refusedOnce = false
    s3.setPolicy(request => {
      if (request.method !== 'GET' || refusedOnce) return undefined
      refusedOnce = true
      return { status: 500, code: 'InternalError' }
    })
    const run = await audit({ 'fail-on-error': 'false' })
    expect(run.outputs).toMatchObject({ attempts: '2', 'storage-requests': '3', archives: '2' })
  })
})
