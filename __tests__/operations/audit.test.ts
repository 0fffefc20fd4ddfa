/** The audit operation in process, with its collaborators handed in: what it prints, outputs and decides. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { Transport } from '../../src/http.js'
import { vendorArchive } from '../support/archives.js'
import { FakeClock } from '../support/fake-clock.js'
import { startGitHubStandIn } from '../support/github-standin.js'
import { liveParts } from '../support/markdown-oracle.js'
import type { RunDependencies } from '../../src/main.js'
import { runInProcess } from '../support/in-process.js'
import { startStandIn } from '../support/opentok-standin.js'

const project = { apiKey: '46000042', apiSecret: 'audit-run-secret-0123456789' }
let standIn: Awaited<ReturnType<typeof startStandIn>>
let temp: string
beforeAll(async () => {
  standIn = await startStandIn(project)
})
afterAll(() => standIn.close())
beforeEach(() => {
  standIn.requests.length = 0
  temp = mkdtempSync(join(tmpdir(), 'audit-run-'))
})
afterEach(() => rmSync(temp, { recursive: true, force: true }))

const audit = (inputs: Record<string, string>) =>
  runInProcess(
    { 'api-key': project.apiKey, 'api-secret': project.apiSecret, 'api-url': standIn.url, operation: 'audit', ...inputs },
    { transport: new Transport(), clock: new FakeClock(), env: { RUNNER_TEMP: temp } }
  )

function outputsOf(stdout: string): Record<string, string> {
  return Object.fromEntries([...stdout.matchAll(/::set-output name=([^:]+)::(.*)/g)].map(m => [m[1]!, m[2]!]))
}

describe('the audit operation', () => {
  it('judges statuses alone without a target, writes the report file and fails on undelivered archives', async () => {
    const now = Date.now()
    standIn.setArchives([
      vendorArchive(now, 1),
      vendorArchive(now, 2, { status: 'failed' }),
      vendorArchive(now, 0.1, { status: 'started' })
    ])
    const run = await audit({})
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      "::notice::The archives are judged by their status alone, since no storage target was given: 'uploaded' counts as delivered, and no object is looked for in the target."
    )
    const outputs = outputsOf(run.stdout)
    expect(outputs).toMatchObject({
      archives: '3',
      undelivered: '1',
      status: '200',
      attempts: '1',
      'storage-requests': '0',
      target: '',
      verified: 'skipped',
      rescued: '0',
      'rescued-bytes': '0'
    })
    expect(outputs['report-file']).toBe(join(temp, 'opentok-archive-audit-46000042.json'))
    const report = JSON.parse(readFileSync(outputs['report-file']!, 'utf8'))
    expect(report).toMatchObject({ project: '46000042', target: '', objectsChecked: false })
    expect(report.counts).toEqual({
      delivered: 1,
      pending: 1,
      rescued: 0,
      missing: 0,
      'kept-by-vendor': 0,
      failed: 1,
      stuck: 0,
      gone: 0,
      unchecked: 0,
      unknown: 0
    })
    expect(report.archives.map((a: { class: string }) => a.class)).toEqual(['pending', 'delivered', 'failed'])
    expect(run.stdout).toContain('::error::1 archive(s) did not land in the target (1 failed). See the job summary.\n')
  })

  it('passes with every archive delivered or pending, and lists nothing', async () => {
    standIn.setArchives([vendorArchive(Date.now(), 1), vendorArchive(Date.now(), 0.1, { status: 'paused' })])
    const run = await audit({})
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('Audit: 2 archives: 1 delivered · 1 pending; those created since')
    expect(run.stdout).not.toContain('::error::')
  })

  it('sends nothing in a dry run without the vendor secret, and says what it would ask', async () => {
    const run = await runInProcess(
      {
        'api-key': project.apiKey,
        'api-url': standIn.url,
        operation: 'audit',
        'dry-run': 'true',
        bucket: 'acme-archives',
        'access-key': 'AKIA0'
      },
      { transport: new Transport(), clock: new FakeClock(), env: { RUNNER_TEMP: temp } }
    )
    expect(run.exitCode).toBe(0)
    expect(standIn.requests).toHaveLength(0)
    expect(run.stdout).toContain(`Dry run: would send GET ${standIn.url}/v2/project/46000042/archive?offset=0&count=1000`)
    expect(run.stdout).toContain("Nothing was sent to OpenTok or the storage: this dry run was not given 'api-secret'.")
    expect(outputsOf(run.stdout)).toMatchObject({ result: 'dry-run', archives: '0', undelivered: '0', attempts: '0', 'report-file': '' })
  })

  it('reads, judges and reports in a dry run given the secrets, but stays green and writes no issue', async () => {
    standIn.setArchives([vendorArchive(Date.now(), 2, { status: 'failed' })])
    const run = await audit({ 'dry-run': 'true', 'tracking-issue': 'true', 'github-token': 'ghs_never-used-0123456789' })
    expect(run.exitCode).toBe(0)
    expect(standIn.requests).toHaveLength(1)
    expect(outputsOf(run.stdout)).toMatchObject({ result: 'dry-run', archives: '1', undelivered: '1' })
    expect(run.stdout).not.toContain('::error::')
    expect(run.stdout).not.toContain('Tracking issue')
  })

  it('fails with the vendor error, or warns with fail-on-error false', async () => {
    standIn.answer({ status: 400, body: JSON.stringify({ message: 'bad count' }) })
    const failed = await audit({})
    expect(failed.exitCode).toBe(1)
    expect(failed.stdout).toMatch(
      /::error::The audit could not finish: GET .* answered 400: the request was refused as invalid\. OpenTok said: "bad count"\./
    )
    standIn.answer({ status: 400, body: '{}' })
    const lenient = await audit({ 'fail-on-error': 'false' })
    expect(lenient.exitCode).toBe(0)
    expect(lenient.stdout).toMatch(
      /::warning::The audit could not finish: GET .* answered 400: .*The step stays green because 'fail-on-error' is false\./
    )
    expect(outputsOf(lenient.stdout)).toMatchObject({ archives: '0', status: '400', attempts: '1' })
  })

  it('names an archive whose ID is not safe in a storage key as unreadable, judges the rest, and fails: nothing proves it landed', async () => {
    standIn.setArchives([vendorArchive(Date.now(), 1), vendorArchive(Date.now(), 2, { id: '../other-project' })])
    const run = await audit({})
    expect(run.stdout).toContain(
      '::warning::1 archive(s) of the answer could not be read: item 2 of the page at offset 0 (../other-project): id. Nothing proves they landed.'
    )
    expect(outputsOf(run.stdout)).toMatchObject({ archives: '2', undelivered: '1' })
    expect(run.stdout).toContain('::error::1 archive(s) did not land in the target (1 that could not be read). See the job summary.\n')
    expect(run.exitCode).toBe(1)
  })

  it('warns that fallback and certificate are not used by an audit when given as inputs', async () => {
    standIn.setArchives([])
    const run = await audit({ fallback: 'opentok' })
    expect(run.stdout).toContain("::warning::operation 'audit' changes no setting; ignored: 'fallback'.")
    expect(run.exitCode).toBe(0)
  })
})

describe('the audit against a bucket', () => {
  /** Answers ListObjectsV2 like S3: one key under each prefix it holds; or refuses every list. */
  let bucket: Server
  let bucketUrl: string
  const held = new Set<string>()
  const lists: string[] = []
  let refuse = false
  beforeAll(async () => {
    bucket = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://bucket')
      const prefix = url.searchParams.get('prefix') ?? ''
      lists.push(prefix)
      if (refuse) {
        res.writeHead(403, { 'content-type': 'application/xml' })
        return res.end('<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>')
      }
      res.writeHead(200, { 'content-type': 'application/xml' })
      res.end(
        held.has(prefix)
          ? `<ListBucketResult><KeyCount>1</KeyCount><Contents><Key>${prefix}archive.mp4</Key></Contents></ListBucketResult>`
          : '<ListBucketResult><KeyCount>0</KeyCount></ListBucketResult>'
      )
    })
    await new Promise<void>(resolve => bucket.listen(0, '127.0.0.1', resolve))
    bucketUrl = `http://127.0.0.1:${(bucket.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>(resolve => bucket.close(() => resolve())))
  beforeEach(() => {
    held.clear()
    lists.length = 0
    refuse = false
  })

  const withBucket = (inputs: Record<string, string> = {}, env: Record<string, string> = {}) =>
    runInProcess(
      {
        'api-key': project.apiKey,
        'api-secret': project.apiSecret,
        'api-url': standIn.url,
        operation: 'audit',
        bucket: 'acme-archives',
        'access-key': 'AKIAAUDIT01',
        'secret-key': 'audit/run/secret+key',
        endpoint: bucketUrl,
        ...inputs
      },
      { transport: new Transport(), clock: new FakeClock(), env: { RUNNER_TEMP: temp, ...env } }
    )

  it('names the target in the tracking issue as code, as every value there', async () => {
    const github = await startGitHubStandIn({ token: 'ghs_bucketAudit0123456789' })
    try {
      standIn.setArchives([vendorArchive(Date.now(), 4)])
      const run = await withBucket(
        { 'tracking-issue': 'true', 'github-token': 'ghs_bucketAudit0123456789' },
        { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'example-org/video-app' }
      )
      expect(run.exitCode).toBe(1)
      const body = github.issues[0]!.body ?? ''
      expect(body).toContain(', each looked for in `s3://acme-archives`')
      expect(liveParts(body).links).toEqual([])
    } finally {
      await github.close()
    }
  })

  it('finds each uploaded archive under {project}/{archive id}/ and names the one that is missing', async () => {
    const now = Date.now()
    const there = vendorArchive(now, 3)
    const lost = vendorArchive(now, 4)
    standIn.setArchives([there, lost])
    held.add(`${project.apiKey}/${there.id}/`)
    const run = await withBucket()
    expect(run.exitCode).toBe(1)
    expect(lists.sort()).toEqual([`${project.apiKey}/${there.id}/`, `${project.apiKey}/${lost.id}/`].sort())
    expect(outputsOf(run.stdout)).toMatchObject({ archives: '2', undelivered: '1', attempts: '1', 'storage-requests': '2' })
    expect(run.stdout).toContain(`  ${lost.id}  `)
    expect(run.stdout).not.toContain(`  ${there.id}  `)
    expect(run.stdout).toContain(
      '::error::1 archive(s) did not land in s3://acme-archives (1 missing from the target). See the job summary.'
    )
  })

  it('stays green with fail-on-error false, and says why', async () => {
    standIn.setArchives([vendorArchive(Date.now(), 3)])
    const run = await withBucket({ 'fail-on-error': 'false' })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain(
      "::warning::1 archive(s) did not land in s3://acme-archives (1 missing from the target). See the job summary. The step stays green because 'fail-on-error' is false."
    )
  })

  it('lists the first 50 undelivered archives in the log and points to the rest', async () => {
    const now = Date.now()
    standIn.setArchives(Array.from({ length: 53 }, (_, i) => vendorArchive(now, 3 + i / 100)))
    const run = await withBucket()
    expect(run.stdout.split('\n').filter(line => /^ {2}[0-9a-f-]{36} {2}/.test(line))).toHaveLength(50)
    expect(run.stdout).toContain('  … and 3 more in the job summary and the report file.\n')
  })

  it('points to no more archives when exactly 50 are undelivered', async () => {
    const now = Date.now()
    standIn.setArchives(Array.from({ length: 50 }, (_, i) => vendorArchive(now, 3 + i / 100)))
    const run = await withBucket()
    expect(run.stdout.split('\n').filter(line => /^ {2}[0-9a-f-]{36} {2}/.test(line))).toHaveLength(50)
    expect(run.stdout).not.toContain('… and')
  })

  it('stops at the first refused lookup: one error naming the permission, and judges what the statuses prove', async () => {
    const now = Date.now()
    standIn.setArchives([
      ...Array.from({ length: 40 }, (_, i) => vendorArchive(now, 3 + i / 100)),
      vendorArchive(now, 4, { status: 'failed' }),
      vendorArchive(now, 4.5, { status: 'started' })
    ])
    refuse = true
    const run = await withBucket()
    expect(run.exitCode).toBe(1)
    expect(lists.length).toBeLessThanOrEqual(16)
    const errors = run.stdout.split('\n').filter(line => line.startsWith('::error'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /^::error::The audit could not finish: Audit could not read the target: .*AccessDenied \(HTTP 403\).*s3:ListBucket/
    )
    expect(errors[0]).toContain(' 1 archive(s) did not land in s3://acme-archives (1 failed). See the job summary.')
    const outputs = outputsOf(run.stdout)
    expect(outputs).toMatchObject({
      result: 'failed',
      archives: '42',
      undelivered: '1',
      verified: 'false',
      attempts: '1',
      'storage-requests': String(lists.length)
    })
    const report = JSON.parse(readFileSync(outputs['report-file']!, 'utf8'))
    expect(report.finished).toBe(false)
    expect(report.counts).toMatchObject({ unchecked: 40, failed: 1, pending: 1 })
    expect(report.failure).toMatchObject({ stage: 'storage', transient: false })
    expect(run.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain('audit/run/secret+key')
  })

  it('looks for every archive of a window longer than one round of look-ups', async () => {
    const now = Date.now()
    const archives = Array.from({ length: 40 }, (_, i) => vendorArchive(now, 3 + i / 100))
    standIn.setArchives(archives)
    for (const archive of archives) held.add(`${project.apiKey}/${archive.id}/`)
    const run = await withBucket()
    expect(run.exitCode).toBe(0)
    expect(lists).toHaveLength(40)
    expect(outputsOf(run.stdout)).toMatchObject({ archives: '40', undelivered: '0', attempts: '1', 'storage-requests': '40' })
  })

  it('looks for nothing when the window is empty', async () => {
    standIn.setArchives([])
    const run = await withBucket()
    expect(run.exitCode).toBe(0)
    expect(lists).toEqual([])
  })

  it('warns, and goes on, when the job summary cannot be written', async () => {
    standIn.setArchives([vendorArchive(Date.now(), 1)])
    held.clear()
    vi.stubEnv('GITHUB_STEP_SUMMARY', join(temp, 'no-such-dir', 'summary.md'))
    try {
      const run = await audit({})
      expect(run.stdout).toMatch(/::warning::Could not write the job summary: /)
      expect(run.exitCode).toBe(0)
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('looks in the bucket only when verify is on, and then gives no status-only notice', async () => {
    standIn.setArchives([vendorArchive(Date.now(), 3)])
    const unverified = await withBucket({ verify: 'false' })
    expect(lists).toEqual([])
    expect(unverified.stdout).toContain("::notice::The archives are judged by their status alone, since 'verify' is false:")
    expect(outputsOf(unverified.stdout)).toMatchObject({ verified: 'skipped', undelivered: '0', target: 's3://acme-archives' })
    const verified = await withBucket()
    expect(lists).toHaveLength(1)
    expect(verified.stdout).not.toContain('::notice::')
    expect(verified.stdout).toContain(`, against s3://acme-archives.\n`)
    expect(outputsOf(verified.stdout)).toMatchObject({ verified: 'true', result: 'audited', attempts: '1', 'storage-requests': '1' })
  })

  it('names every class of undelivered archive in the failure', async () => {
    const now = Date.now()
    standIn.setArchives([vendorArchive(now, 3), vendorArchive(now, 4, { status: 'failed' }), vendorArchive(now, 5, { status: 'expired' })])
    const run = await withBucket()
    expect(run.stdout).toContain(
      '::error::3 archive(s) did not land in s3://acme-archives (1 missing from the target, 1 failed, 1 gone). See the job summary.\n'
    )
  })
})

describe('the tracking issue in process', () => {
  const githubToken = 'ghs_auditRunToken0123456789'
  let github: Awaited<ReturnType<typeof startGitHubStandIn>>
  beforeAll(async () => {
    github = await startGitHubStandIn({ token: githubToken })
  })
  afterAll(() => github.close())

  const tracked = (env: Record<string, string> = {}, runContext?: RunDependencies['runContext']) =>
    runInProcess(
      {
        'api-key': project.apiKey,
        'api-secret': project.apiSecret,
        'api-url': standIn.url,
        operation: 'audit',
        'tracking-issue': 'true',
        'github-token': githubToken
      },
      {
        transport: new Transport(),
        clock: new FakeClock(),
        env: { RUNNER_TEMP: temp, GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'example-org/video-app', ...env },
        ...(runContext === undefined ? {} : { runContext })
      }
    )

  it('titles the issue with the project, links the run, and touches nothing when all is well and none is open', async () => {
    standIn.setArchives([vendorArchive(Date.now(), 2, { status: 'failed' })])
    github.issues.length = 0
    const runUrl = 'https://github.example/example-org/video-app/actions/runs/5'
    const opened = await tracked({}, async () => ({ repository: 'example-org/video-app', workflow: 'Archive audit', runUrl }))
    expect(opened.exitCode).toBe(1)
    expect(github.issues.map(issue => issue.title)).toEqual(['Archives not delivered: 46000042'])
    expect(github.issues[0]!.body).toContain(`[the audit run](${runUrl})`)
    github.issues.length = 0
    standIn.setArchives([vendorArchive(Date.now(), 2)])
    const quiet = await tracked()
    expect(quiet.exitCode).toBe(0)
    expect(quiet.stdout).not.toContain('Tracking issue')
    expect(github.issues).toHaveLength(0)
  })

  it('touches no issue on a run about a pull request, and says so; the same audit on a schedule opens one', async () => {
    standIn.setArchives([vendorArchive(Date.now(), 2, { status: 'failed' })])
    github.issues.length = 0
    github.calls.length = 0
    const event = join(temp, 'comment-event.json')
    writeFileSync(event, JSON.stringify({ issue: { number: 7, pull_request: { url: 'https://api.github.com/pulls/7' } } }))
    const comment = await tracked({ GITHUB_EVENT_NAME: 'issue_comment', GITHUB_EVENT_PATH: event })
    expect(comment.exitCode).toBe(1)
    expect(comment.stdout).toContain(
      "::notice::The tracking issue was not touched: a run about a pull request ('issue_comment') writes nothing."
    )
    expect(github.issues).toHaveLength(0)
    expect(github.calls).toHaveLength(0)
    const nightly = await tracked({ GITHUB_EVENT_NAME: 'schedule' })
    expect(nightly.stdout).not.toContain('The tracking issue was not touched')
    expect(github.issues).toHaveLength(1)
    github.issues.length = 0
  })

  it('lists each undelivered archive in the issue, and comments when the set changes but not when it stays', async () => {
    github.issues.length = 0
    const first = vendorArchive(Date.now(), 2, { status: 'failed' })
    standIn.setArchives([first])
    await tracked()
    expect(github.issues).toHaveLength(1)
    expect(github.issues[0]!.body).toContain(first.id)
    const again = await tracked()
    expect(again.stdout).toMatch(/Tracking issue #\d+ updated: http/)
    expect(github.issues[0]!.comments).toEqual([])
    const second = vendorArchive(Date.now(), 3, { status: 'failed' })
    standIn.setArchives([second])
    const changed = await tracked()
    expect(changed.stdout).toMatch(/Tracking issue #\d+ commented: http/)
    // The first left the list unjudged: it stays in the issue, below the new finding.
    expect(github.issues[0]!.body).toContain(second.id)
    expect(github.issues[0]!.body).toContain(`### Found earlier, not found delivered since (1)\n\n\`${first.id}\`.`)
    expect(github.issues[0]!.comments).toHaveLength(1)
    const since = github.issues[0]!.comments[0]!.match(/since (.+ UTC)/)![1]
    expect(github.issues[0]!.comments[0]).toBe(
      [
        `The audit's findings changed: 1 archive: 1 failed; those created since ${since} or still recording or uploading then, statuses only (no storage target was given).`,
        '',
        `New since the last update: 1 (\`${second.id}\`).`,
        'Resolved since the last update (found delivered, or rescued): none.',
        `Found earlier and still open, no longer judged: 1 (\`${first.id}\`).`,
        '',
        'The body above is up to date.'
      ].join('\n')
    )
    // Found delivered by a later audit: resolved, and gone from the issue.
    standIn.setArchives([{ ...first, status: 'uploaded' }, second])
    await tracked()
    expect(github.issues[0]!.comments).toHaveLength(2)
    expect(github.issues[0]!.comments[1]!.split('\n').slice(2, 5)).toEqual([
      'New since the last update: none.',
      `Resolved since the last update (found delivered, or rescued): 1 (\`${first.id}\`).`,
      ''
    ])
    expect(github.issues[0]!.body).not.toContain(first.id)
    github.issues.length = 0
  })

  it('opens an issue for undelivered archives, and warns instead when the token may not', async () => {
    standIn.setArchives([vendorArchive(Date.now(), 2, { status: 'failed' })])
    const opened = await tracked()
    expect(opened.stdout).toMatch(/Tracking issue #\d+ opened: http/)
    expect(github.issues).toHaveLength(1)
    github.issues.length = 0
    github.setReadOnly(true)
    try {
      const skipped = await tracked()
      expect(skipped.stdout).toMatch(/::warning::.*tracking issue/i)
      expect(github.issues).toHaveLength(0)
    } finally {
      github.setReadOnly(false)
    }
  })
})

describe('what the audit says, line by line', () => {
  // core.summary keeps the first path it could write to: every test here shares one summary file.
  const summaryDir = mkdtempSync(join(tmpdir(), 'audit-summary-'))
  afterAll(() => rmSync(summaryDir, { recursive: true, force: true }))
  const summaryFile = () => join(summaryDir, 'summary.md')
  const withSummary = async (run: () => Promise<Awaited<ReturnType<typeof audit>>>) => {
    writeFileSync(summaryFile(), '')
    vi.stubEnv('GITHUB_STEP_SUMMARY', summaryFile())
    try {
      return { run: await run(), summary: readFileSync(summaryFile(), 'utf8') }
    } finally {
      vi.unstubAllEnvs()
    }
  }

  it('names the project, the window and the vendor, counts the list requests, and prints no warning when all is well', async () => {
    standIn.setArchives([vendorArchive(Date.now(), 1)])
    const run = await audit({ since: '2026-11-01T00:00:00Z' })
    expect(run.stdout).toContain(
      `Auditing the archives of OpenTok project 46000042 created since 2026-11-01 00:00 UTC, or still recording or uploading then, through ${standIn.url}.\n`
    )
    expect(run.stdout).toContain('OpenTok listed 1 archive(s) of the window in 1 request(s).')
    expect(run.stdout).toMatch(/^Report: .*opentok-archive-audit-46000042\.json$/m)
    expect(run.stdout).not.toContain('::warning::')
  })

  it('says in a dry run without a target that nothing is looked for, and sets the dry-run outputs', async () => {
    standIn.setArchives([])
    const run = await audit({ 'dry-run': 'true' })
    expect(run.stdout).toContain('::notice::The archives are judged by their status alone, since no storage target was given:')
    expect(outputsOf(run.stdout)).toMatchObject({ result: 'dry-run', verified: 'skipped', status: '200', target: '' })
  })

  it('sets the failed outputs when the list cannot be read, and fails even with fail-on-error false when no answer came', async () => {
    standIn.answer({ status: 403, body: '{}' })
    const refused = await audit({})
    expect(outputsOf(refused.stdout)).toMatchObject({ result: 'failed', verified: 'skipped', undelivered: '0', archives: '0' })
    expect(JSON.parse(readFileSync(outputsOf(refused.stdout)['report-file']!, 'utf8'))).toMatchObject({
      finished: false,
      failure: { stage: 'list', transient: false }
    })
    const closed = createServer()
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>(resolve => closed.close(() => resolve()))
    const unanswered = await audit({ 'api-url': `http://127.0.0.1:${port}`, 'fail-on-error': 'false', 'max-attempts': '1' })
    expect(unanswered.exitCode).toBe(1)
    expect(unanswered.stdout).toMatch(/^::error::/m)
    expect(outputsOf(unanswered.stdout)).toMatchObject({ result: 'failed', status: '' })
  })

  it('logs each undelivered archive with its time, status, what happened and where it is now', async () => {
    const failed = vendorArchive(Date.UTC(2026, 10, 29, 8, 0), 0, { status: 'failed', reason: 'session ended early' })
    standIn.setArchives([failed])
    const { run, summary } = await withSummary(() => audit({ since: '2026-11-29T00:00:00Z' }))
    expect(run.stdout).toContain(
      `  ${failed.id}  "weekly stand-up"  2026-11-29 08:00 UTC  failed: recording failed: session ended early; now nowhere: no file was made.\n`
    )
    expect(run.stdout).not.toContain('… and')
    expect(summary).toContain('statuses only (no storage target was given).\n')
    expect(summary).not.toContain('Settings:')
  })

  it('names the configuration file and project it read in the summary', async () => {
    standIn.setArchives([vendorArchive(Date.now(), 1)])
    mkdirSync(join(temp, '.github'))
    writeFileSync(join(temp, '.github/opentok-archive-target.yml'), `projects:\n  production:\n    api-key: "${project.apiKey}"\n`)
    const { run, summary } = await withSummary(() =>
      runInProcess(
        {
          'api-secret': project.apiSecret,
          'api-url': standIn.url,
          operation: 'audit',
          'config-file': '.github/opentok-archive-target.yml'
        },
        { transport: new Transport(), clock: new FakeClock(), env: { RUNNER_TEMP: temp, GITHUB_WORKSPACE: temp } }
      )
    )
    expect(run.exitCode).toBe(0)
    expect(summary).toContain('Settings: `.github/opentok-archive-target.yml, project production`\n')
  })

  it('warns when the window holds more archives than one audit reads', async () => {
    const now = Date.now()
    standIn.setArchives(Array.from({ length: 10_001 }, (_, i) => vendorArchive(now, 1 + i / 100_000)))
    const run = await audit({})
    expect(run.stdout).toContain(
      "::warning::More than 10000 archives were listed, the most one audit reads: only the newest 10000 were audited. Give a shorter 'since' and audit more often."
    )
    expect(outputsOf(run.stdout).archives).toBe('10000')
  }, 30_000)
})
