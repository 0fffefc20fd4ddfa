/**
 * `operation: audit` through the committed dist/, as a runner runs it, under Node 20 and 24:
 * the loopback vendor stand-in serves the archive list, an S3 emulator that checks SigV4 and
 * Azurite (behind an intercepting HTTPS_PROXY, at its real https://{account}.blob.core.windows.net
 * address) hold what was "uploaded", and a loopback GitHub API keeps the tracking issue.
 */
import { mkdtempSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { objectKeyOf, seedAzurite, seedS3, signedUrl, vendorArchive, type VendorArchive } from '../support/archives.js'
import { startAzurite } from '../support/azurite.js'
import { makeTestCa, type TestCa } from '../support/certificates.js'
import { startGitHubStandIn } from '../support/github-standin.js'
import { startInterceptingProxy } from '../support/intercepting-proxy.js'
import { startStandIn } from '../support/opentok-standin.js'
import { findLeaks, runAction, type ActionRun } from '../support/run-action.js'
import { startS3Emulator } from '../support/s3-emulator.js'
import { startStoragePolicyProxy } from '../support/storage-policy-proxy.js'

const project = { apiKey: '46000077', apiSecret: 'audit-api-secret-0f1e2d3c4b5a6978' }
const keys = { accessKey: 'AKIAAUDITTEST0001', secretKey: 'audit/secret+key/abcdefghijklmnop' }
const account = { name: 'acmeaudit', key: Buffer.from('audit-test-account-key-0123456789abcdef').toString('base64') }
const githubToken = 'ghs_auditTestToken0123456789abcdefABCDEF'
const HOUR = 3_600_000

let standIn: Awaited<ReturnType<typeof startStandIn>>
let s3: Awaited<ReturnType<typeof startS3Emulator>>
let front: Awaited<ReturnType<typeof startStoragePolicyProxy>>
let github: Awaited<ReturnType<typeof startGitHubStandIn>>
let runnerTemp: string

beforeAll(async () => {
  standIn = await startStandIn(project)
  s3 = await startS3Emulator(inject('node24'), keys, ['archives'])
  front = await startStoragePolicyProxy(s3.url)
  github = await startGitHubStandIn({ token: githubToken })
})
afterAll(async () => {
  await standIn?.close()
  await front?.close()
  await s3?.close()
  await github?.close()
})
beforeEach(() => {
  standIn.requests.length = 0
  front.seen.length = 0
  runnerTemp = mkdtempSync(join(tmpdir(), 'runner-temp-'))
  return () => rmSync(runnerTemp, { recursive: true, force: true })
})

/** Every secret of these runs: credentials, storage keys, GitHub token, tokens sent, and every archive's signed url. */
function secretsOf(archives: readonly VendorArchive[]): string[] {
  const tokens = standIn.requests.map(r => String(r.headers['x-opentok-auth'] ?? ''))
  return [project.apiSecret, keys.secretKey, account.key, githubToken, ...tokens, ...archives.flatMap(a => (a.url ? [a.url] : []))]
}

function reportOf(run: ActionRun): { archives: Array<Record<string, unknown>>; counts: Record<string, number> } {
  return JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8'))
}

/** What a run wrote outside the log that the runner does not mask: the report file. */
function expectNoLeaks(run: ActionRun, archives: readonly VendorArchive[]): void {
  const report = run.outputs['report-file'] ? readFileSync(run.outputs['report-file'], 'utf8') : ''
  expect(findLeaks({ ...run, summary: `${run.summary}\n${report}` }, secretsOf(archives))).toEqual([])
}

describe.each([
  ['Node 20', () => process.execPath],
  ['Node 24', () => inject('node24')]
])('audit through dist/index.js under %s', (_name, nodeBinary) => {
  const audit = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
    runAction(
      {
        'api-key': project.apiKey,
        'api-secret': project.apiSecret,
        'api-url': standIn.url,
        operation: 'audit',
        bucket: 'archives',
        'access-key': keys.accessKey,
        'secret-key': keys.secretKey,
        endpoint: front.url,
        ...inputs
      },
      { node: nodeBinary(), env: { RUNNER_TEMP: runnerTemp, ...env } }
    )

  it('finds every archive delivered, composed as archive.mp4 and individual as archive.zip', async () => {
    const now = Date.now()
    const archives = [
      vendorArchive(now, 1),
      vendorArchive(now, 2, { outputMode: 'individual' }),
      vendorArchive(now, 5, { status: 'available' }) // delivered after all: the target decides, whatever the status says
    ]
    await seedS3(
      s3.url,
      'archives',
      keys,
      archives.map(a => objectKeyOf(project.apiKey, a))
    )
    standIn.setArchives(archives)
    const run = await audit({})
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ archives: '3', undelivered: '0', verified: 'true', status: '200', target: 's3://archives' })
    const report = reportOf(run)
    expect(report.archives.map(a => [a.id, a.class, a.objectKey])).toEqual(
      archives.map(a => [a.id, 'delivered', objectKeyOf(project.apiKey, a)])
    )
    expect(report.archives[1]!.objectKey).toMatch(/\/archive\.zip$/)
    // One list request, then one ListObjectsV2 per archive with the archive's prefix and max-keys=1.
    expect(standIn.requests.map(r => r.path)).toEqual([`/v2/project/${project.apiKey}/archive?offset=0&count=1000`])
    expect(front.seen.map(r => `${r.method} ${r.path}`).sort()).toEqual(
      archives.map(a => `GET /archives?list-type=2&max-keys=1&prefix=${encodeURIComponent(`${project.apiKey}/${a.id}/`)}`).sort()
    )
    expect(front.seen.every(r => r.status === 200)).toBe(true)
    expect(run.summary).toContain('3 archives: 3 delivered')
    expect(run.summary).toContain('Every archive of the window was delivered')
    expectNoLeaks(run, archives)
  })

  it('names each undelivered class in the summary, fails the step, and keeps pending archives out of the count', async () => {
    const now = Date.now()
    const cases = {
      missing: vendorArchive(now, 3, { status: 'uploaded' }),
      kept: vendorArchive(now, 4, { status: 'available' }),
      failed: vendorArchive(now, 5, { status: 'failed', reason: 'session ended before recording started' }),
      stuck: vendorArchive(now, 6, { status: 'stopped' }),
      expired: vendorArchive(now, 20, { status: 'expired' }),
      deleted: vendorArchive(now, 21, { status: 'deleted' }),
      recording: vendorArchive(now, 0.2, { status: 'started' }),
      paused: vendorArchive(now, 0.3, { status: 'paused' }),
      uploading: vendorArchive(now, 0.5, { status: 'stopped', duration: 60 })
    }
    const archives = Object.values(cases)
    standIn.setArchives(archives)
    const run = await audit({})
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ archives: '9', undelivered: '6', verified: 'true' })
    const byId = new Map(reportOf(run).archives.map(a => [a.id, a.class]))
    expect(Object.fromEntries(Object.entries(cases).map(([name, a]) => [name, byId.get(a.id)]))).toEqual({
      missing: 'missing',
      kept: 'kept-by-vendor',
      failed: 'failed',
      stuck: 'stuck',
      expired: 'gone',
      deleted: 'gone',
      recording: 'pending',
      paused: 'pending',
      uploading: 'pending'
    })
    expect(run.summary).toContain('9 archives: 3 pending · 1 missing from the target · 1 kept by the vendor · 1 failed · 1 stuck · 2 gone')
    for (const [name, archive] of Object.entries(cases)) {
      const row = run.summary.split('\n').find(line => line.includes(archive.id))
      if (['recording', 'paused', 'uploading'].includes(name)) expect(row, name).toBeUndefined()
      else expect(row, name).toBeDefined()
    }
    const keptRow = run.summary.split('\n').find(line => line.includes(cases.kept.id))!
    // The vendor keeps it 72 hours from when it was created (its archiving overview), not from the end of recording.
    const keptUntil = new Date(cases.kept.createdAt + 72 * HOUR).toISOString().slice(0, 16).replace('T', ' ')
    expect(keptRow).toContain(`the vendor cloud, until ${keptUntil} UTC`)
    expect(run.summary.split('\n').find(line => line.includes(cases.failed.id))).toContain('session ended before recording started')
    expect(run.stdout).toContain(
      '::error::6 archive(s) did not land in s3://archives (1 missing from the target, 1 kept by the vendor, 1 failed, 1 stuck, 2 gone). See the job summary.\n'
    )
    expectNoLeaks(run, archives)

    const lenient = await audit({ 'fail-on-error': 'false' })
    expect(lenient.code).toBe(0)
    expect(lenient.stdout).toMatch(/::warning::6 archive\(s\) did not land in s3:\/\/archives .*'fail-on-error' is false/)
  })

  it('reads only the window: older archives are neither looked for nor judged', async () => {
    const now = Date.now()
    const inside = [vendorArchive(now, 1), vendorArchive(now, 10, { status: 'failed' })]
    const outside = [vendorArchive(now, 30, { status: 'failed' }), vendorArchive(now, 50, { status: 'available' })]
    standIn.setArchives([...inside, ...outside])
    await seedS3(s3.url, 'archives', keys, [objectKeyOf(project.apiKey, inside[0]!)])
    const run = await audit({ since: '24h' })
    expect(run.outputs).toMatchObject({ archives: '2', undelivered: '1' })
    expect(reportOf(run).archives.map(a => a.id)).toEqual(inside.map(a => a.id))
    expect(front.seen).toHaveLength(2)
    for (const archive of outside) expect(front.seen.some(r => r.path.includes(archive.id))).toBe(false)
    expect(run.summary).not.toContain(outside[0]!.id)
  })

  it('pages newest first and stops at the first page that reaches older archives', async () => {
    const now = Date.now()
    // 2,500 archives spread over 10 days: about 250 a day.
    const archives = Array.from({ length: 2500 }, (_, i) => vendorArchive(now, (i * 240) / 2500 + 0.01, { status: 'uploaded' }))
    standIn.setArchives(archives)
    const day = await audit({ since: '24h', verify: 'false' })
    expect(day.code).toBe(0)
    expect(standIn.requests.map(r => r.path)).toEqual([`/v2/project/${project.apiKey}/archive?offset=0&count=1000`])
    // The window is the end of recording: those created since, and those still recording (10 minutes each) then.
    const since = now - 24 * HOUR
    expect(day.outputs.archives).toBe(String(archives.filter(a => a.createdAt >= since || a.createdAt + 600_000 > since).length))
    standIn.requests.length = 0
    const week = await audit({ since: '7d', verify: 'false' })
    expect(week.code).toBe(0)
    expect(standIn.requests.map(r => r.path)).toEqual([
      `/v2/project/${project.apiKey}/archive?offset=0&count=1000`,
      `/v2/project/${project.apiKey}/archive?offset=1000&count=1000`
    ])
    expect(standIn.violations()).toEqual([])
    expect(Number(week.outputs.archives)).toBeGreaterThan(1700)
    expect(front.seen).toHaveLength(0)
  })

  it('judges statuses alone without the storage secret, and says so', async () => {
    const now = Date.now()
    const archives = [vendorArchive(now, 1), vendorArchive(now, 2, { status: 'available' })]
    standIn.setArchives(archives)
    const run = await audit({ 'secret-key': '' })
    expect(run.outputs).toMatchObject({ archives: '2', undelivered: '1', verified: 'skipped' })
    expect(run.stdout).toContain(
      "::notice::The archives are judged by their status alone, since 'secret-key' was not given: 'uploaded' counts as delivered"
    )
    expect(front.seen).toHaveLength(0)
    expect(reportOf(run).archives.map(a => a.class)).toEqual(['delivered', 'kept-by-vendor'])
    expect(run.summary).toContain("statuses only ('secret-key' was not given)")
  })

  it('stops at a storage refusal with one error that names the input, not one per archive', async () => {
    const now = Date.now()
    standIn.setArchives(Array.from({ length: 40 }, (_, i) => vendorArchive(now, 1 + i / 10)))
    const run = await audit({ 'secret-key': 'wrong/secret+key/0000000000000000' })
    expect(run.code).toBe(1)
    const errors = run.stdout.split('\n').filter(line => line.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /Audit could not read the target: the list of s3:\/\/archives\/46000077\/[0-9a-f-]+\/ was refused with SignatureDoesNotMatch \(HTTP 403\): .*'secret-key'/
    )
    // The pool stops starting look-ups at the first refusal: at most one round of 16 was sent.
    expect(front.seen.length).toBeLessThanOrEqual(16)
    expect(run.outputs.undelivered).toBe('0')
    expect(findLeaks(run, [keys.secretKey, 'wrong/secret+key/0000000000000000', project.apiSecret])).toEqual([])
  })

  it('refuses a bad since before any request, naming since', async () => {
    for (const since of ['yesterday', '-1d', '0h', new Date(Date.now() + 86_400_000).toISOString(), '2026-13-45']) {
      const run = await audit({ since })
      expect(run.code, since).toBe(1)
      expect(run.stdout, since).toMatch(/::error title=Invalid input%3A since::'since' must be a duration back from now/)
      expect(run.stdout).not.toMatch(/\n\s+at /)
    }
    expect(standIn.requests).toHaveLength(0)
    expect(front.seen).toHaveLength(0)
  })

  it('names the credentials on 403 and the ID and api-url on 404 from the list', async () => {
    const denied = await audit({ 'api-secret': 'not-the-project-secret-000000' })
    expect(denied.code).toBe(1)
    expect(denied.stdout).toMatch(
      /::error::The audit could not finish: GET .*\/archive\?offset=0&count=1000 answered 403: .*'api-key'.*'api-secret'/
    )
    expect(denied.stdout).not.toContain('listed 0 archive(s)')
    standIn.answer({ status: 404, body: JSON.stringify({ code: 404, message: 'project not found' }) })
    const missing = await audit({})
    expect(missing.stdout).toMatch(/answered 404: no such project at this address\. Check 'api-key' and 'api-url'/)
    standIn.answer({ status: 503 }, { status: 500 })
    standIn.setArchives([vendorArchive(Date.now(), 1, { status: 'failed' })])
    const retried = await audit({ verify: 'false' })
    expect(retried.outputs).toMatchObject({ archives: '1', undelivered: '1', attempts: '3' })
  })
})

describe('audit of a Vonage application, through dist/', () => {
  it('signs the list with the application key and judges its archives', async () => {
    const { generateKeyPairSync } = await import('node:crypto')
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const application = {
      applicationId: 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b',
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString()
    }
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const vonage = await startStandIn(application)
    try {
      const now = Date.now()
      const archives = [
        vendorArchive(now, 1),
        vendorArchive(now, 2, { outputMode: 'individual' }),
        vendorArchive(now, 3, { status: 'expired' })
      ]
      vonage.setArchives(archives)
      await seedS3(
        s3.url,
        'archives',
        keys,
        archives.slice(0, 2).map(a => objectKeyOf(application.applicationId, a))
      )
      const run = await runAction(
        {
          'application-id': application.applicationId,
          'private-key': pem,
          'api-url': vonage.url,
          operation: 'audit',
          bucket: 'archives',
          'access-key': keys.accessKey,
          'secret-key': keys.secretKey,
          endpoint: front.url
        },
        { node: inject('node24'), env: { RUNNER_TEMP: runnerTemp } }
      )
      expect(vonage.violations()).toEqual([])
      expect(vonage.requests[0]!.path).toBe(`/v2/project/${application.applicationId}/archive?offset=0&count=1000`)
      expect(vonage.requests[0]!.headers.authorization).toMatch(/^Bearer /)
      expect(run.outputs).toMatchObject({ archives: '3', undelivered: '1' })
      expect(run.summary).toContain('Archive delivery audit: Vonage application c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b')
      expect(reportOf(run).archives.map(a => a.class)).toEqual(['delivered', 'delivered', 'gone'])
    } finally {
      await vonage.close()
    }
  })
})

describe('audit driven by the configuration file, through dist/', () => {
  it('looks for the archives in the target that the file declares', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'audit-workspace-'))
    try {
      mkdirSync(join(workspace, '.github'))
      writeFileSync(
        join(workspace, '.github', 'opentok-archive-target.yml'),
        `projects:\n  production:\n    api-key: "${project.apiKey}"\n    bucket: archives\n    access-key: ${keys.accessKey}\n    endpoint: ${front.url}\n    fallback: opentok\n  staging:\n    api-key: "46000078"\n    bucket: staging-archives\n    access-key: AKIASTAGING\n`
      )
      const now = Date.now()
      const archives = [vendorArchive(now, 1), vendorArchive(now, 2, { status: 'uploaded' })]
      standIn.setArchives(archives)
      await seedS3(s3.url, 'archives', keys, [objectKeyOf(project.apiKey, archives[0]!)])
      const run = await runAction(
        {
          project: 'production',
          operation: 'audit',
          'api-secret': project.apiSecret,
          'secret-key': keys.secretKey,
          'api-url': standIn.url
        },
        { env: { RUNNER_TEMP: runnerTemp, GITHUB_WORKSPACE: workspace } }
      )
      expect(run.outputs).toMatchObject({ archives: '2', undelivered: '1', target: 's3://archives', verified: 'true' })
      expect(reportOf(run).archives.map(a => a.class)).toEqual(['delivered', 'missing'])
      expect(run.summary).toContain('Settings: `.github/opentok-archive-target.yml, project production`')
      expect(front.seen).toHaveLength(2)
    } finally {
      rmSync(workspace, { recursive: true, force: true })
    }
  })
})

describe('audit of an Azure container at its real address, through dist/', () => {
  let ca: TestCa
  let azurite: Awaited<ReturnType<typeof startAzurite>>
  let proxy: Awaited<ReturnType<typeof startInterceptingProxy>>
  beforeAll(async () => {
    ca = makeTestCa(['*.blob.core.windows.net'])
    azurite = await startAzurite(inject('node24'), account)
    proxy = await startInterceptingProxy([{ host: /^[a-z0-9]+\.blob\.core\.windows\.net$/, port: azurite.port }], ca)
  })
  afterAll(async () => {
    await proxy?.close()
    await azurite?.close()
    ca?.remove()
  })

  it('lists blobs by prefix with the account key and finds what the vendor wrote', async () => {
    const now = Date.now()
    const archives = [
      vendorArchive(now, 1),
      vendorArchive(now, 2, { outputMode: 'individual' }),
      vendorArchive(now, 3, { status: 'uploaded' })
    ]
    await seedAzurite(
      azurite.serviceUrl,
      account,
      'archives',
      archives.slice(0, 2).map(a => objectKeyOf(project.apiKey, a))
    )
    standIn.setArchives(archives)
    const run = await runAction(
      {
        'api-key': project.apiKey,
        'api-secret': project.apiSecret,
        'api-url': standIn.url,
        operation: 'audit',
        type: 'azure',
        'account-name': account.name,
        'account-key': account.key,
        container: 'archives'
      },
      { env: { RUNNER_TEMP: runnerTemp, HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: ca.caFile } }
    )
    expect(proxy.connects.every(target => target === `${account.name}.blob.core.windows.net:443`)).toBe(true)
    expect(proxy.connects.length).toBeGreaterThan(0)
    expect(run.outputs).toMatchObject({ archives: '3', undelivered: '1', target: `azure://${account.name}/archives`, verified: 'true' })
    expect(reportOf(run).archives.map(a => [a.class, a.objectKey])).toEqual([
      ['delivered', objectKeyOf(project.apiKey, archives[0]!)],
      ['delivered', objectKeyOf(project.apiKey, archives[1]!)],
      ['missing', objectKeyOf(project.apiKey, archives[2]!)]
    ])
    expectNoLeaks(run, archives)
  })
})

describe('the tracking issue, against a loopback GitHub API', () => {
  const track = (env: Record<string, string> = {}) =>
    runAction(
      {
        'api-key': project.apiKey,
        'api-secret': project.apiSecret,
        'api-url': standIn.url,
        operation: 'audit',
        verify: 'false',
        'tracking-issue': 'true',
        'github-token': githubToken
      },
      { env: { RUNNER_TEMP: runnerTemp, GITHUB_API_URL: github.url, ...env } }
    )

  it('opens one issue, updates it, comments when the set changes, and closes it on a clean audit', async () => {
    const now = Date.now()
    const first = [vendorArchive(now, 1, { status: 'available' }), vendorArchive(now, 2, { status: 'failed' })]
    standIn.setArchives(first)
    const opened = await track()
    expect(opened.code).toBe(1)
    expect(github.issues).toHaveLength(1)
    const issue = github.issues[0]!
    expect(issue.title).toBe(`Archives not delivered: ${project.apiKey}`)
    expect(issue.labels).toEqual([{ name: 'archive-delivery' }])
    expect(issue.body).toContain(`<!-- opentok-archive-target:archive-delivery project=${project.apiKey} -->`)
    for (const archive of first) expect(issue.body).toContain(archive.id)
    expect(issue.body).toContain('https://github.com/example-org/video-app/actions/runs/1234')
    expect(opened.stdout).toContain('Tracking issue #1 opened')

    const same = await track()
    expect(same.code).toBe(1)
    expect(github.issues).toHaveLength(1)
    expect(issue.comments).toHaveLength(0)
    expect(same.stdout).toContain('Tracking issue #1 updated')

    const second = [...first, vendorArchive(now, 0.5 + 3, { status: 'expired' })]
    standIn.setArchives(second)
    const changed = await track()
    expect(github.issues).toHaveLength(1)
    expect(issue.comments).toHaveLength(1)
    expect(issue.comments[0]).toContain("The audit's findings changed")
    expect(issue.comments[0]).toContain(`New since the last update: 1 (\`${second[2]!.id}\`).`)
    expect(issue.body).toContain(second[2]!.id)
    expect(changed.stdout).toContain('Tracking issue #1 commented')

    // A night whose list no longer holds them: they were never found delivered, so the issue keeps them.
    standIn.setArchives([vendorArchive(now, 1)])
    const quiet = await track()
    expect(quiet.code).toBe(0)
    expect(issue.state).toBe('open')
    expect(issue.body).toContain('### Found earlier, not found delivered since (3)')
    expect(issue.comments).toHaveLength(1)
    // Found delivered at last: the issue closes.
    standIn.setArchives(second.map(archive => ({ ...archive, status: 'uploaded' })))
    const clean = await track()
    expect(clean.code).toBe(0)
    expect(issue.state).toBe('closed')
    expect(issue.comments).toHaveLength(2)
    expect(issue.comments[1]).toContain('Every archive of the latest audit was delivered')

    // A later failure opens a new issue: the closed one is history.
    standIn.setArchives(first)
    await track()
    expect(github.issues.filter(i => i.state === 'open')).toHaveLength(1)
    expect(github.issues).toHaveLength(2)
    expect(github.everything()).not.toContain(githubToken)
    for (const secret of secretsOf([...first, ...second])) expect(github.everything()).not.toContain(secret)
    for (const archive of [...first, ...second]) if (archive.url) expect(github.everything()).not.toContain(signedUrl(archive.id))
    for (const run of [opened, same, changed, quiet, clean]) expect(findLeaks(run, secretsOf(second))).toEqual([])
    github.issues.length = 0
  })

  it('warns that the job needs issues: write when the token may not write, and leaves the result to the audit', async () => {
    github.setReadOnly(true)
    try {
      standIn.setArchives([vendorArchive(Date.now(), 1, { status: 'failed' })])
      const run = await track()
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(
        /::warning::Could not update the tracking issue: the token may not write issues \(HTTP 403: Resource not accessible by integration.*'permissions: issues: write'/
      )
      expect(run.stdout).toMatch(/::error::1 archive\(s\) did not land in the target \(1 failed\)\. See the job summary\./)
      expect(github.issues).toHaveLength(0)
    } finally {
      github.setReadOnly(false)
    }
  })
})
