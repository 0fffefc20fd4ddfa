/** The tracking issue against a loopback GitHub API, with the real Octokit, and the Markdown it is built from. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { countsLine, formatSize, undeliveredTable, type JudgedArchive } from '../src/audit/table.js'
import { fingerprintOf, issueBody, markerOf, syncTrackingIssue, type AuditFindings } from '../src/audit/tracking-issue.js'
import { describeGitHubError, isPermissionError, makeGitHubClient, repositoryOf } from '../src/github-client.js'
import { startGitHubStandIn } from './support/github-standin.js'

const token = 'ghs_trackingTest0123456789'
let github: Awaited<ReturnType<typeof startGitHubStandIn>>
beforeAll(async () => {
  github = await startGitHubStandIn({ token })
})
afterAll(() => github.close())
beforeEach(() => {
  github.issues.length = 0
  github.calls.length = 0
  github.setReadOnly(false)
})

const env = () => ({ GITHUB_REPOSITORY: 'example-org/video-app', GITHUB_API_URL: `${github.url}/` })

function findings(ids: string[], projectId = '46000042'): AuditFindings {
  return {
    projectId,
    projectName: projectId === '46000042' ? 'production' : projectId,
    undeliveredIds: ids,
    overview: `${ids.length + 3} archives: 3 delivered`,
    table: (limit, more) => `TABLE(${ids.slice(0, limit).join(',')}) ${more}`,
    runUrl: 'https://github.com/example-org/video-app/actions/runs/1234'
  }
}

async function sync(f: AuditFindings, environment: NodeJS.ProcessEnv = env()) {
  return syncTrackingIssue(await makeGitHubClient(token, environment), environment, f)
}

describe('syncTrackingIssue', () => {
  it('does nothing on a clean audit when no issue is open', async () => {
    expect(await sync(findings([]))).toEqual({ action: 'none' })
    expect(github.calls.map(c => c.method)).toEqual(['GET'])
    expect(github.calls[0]!.path).toBe('/repos/example-org/video-app/issues?state=open&labels=archive-delivery&per_page=100')
    expect(github.calls[0]!.auth).toBe(`token ${token}`)
  })

  it('opens one labelled issue, finds it again by its marker, and tells apart the projects', async () => {
    expect(await sync(findings(['a', 'b']))).toEqual({
      action: 'opened',
      number: 1,
      url: 'https://github.com/example-org/video-app/issues/1'
    })
    expect(github.issues[0]).toMatchObject({
      title: 'Archives not delivered: production',
      labels: [{ name: 'archive-delivery' }],
      state: 'open'
    })
    expect(github.issues[0]!.body).toBe(issueBody(findings(['a', 'b'])))
    expect(await sync(findings(['x'], '46000099'))).toMatchObject({ action: 'opened', number: 2 })
    expect(github.issues[1]!.title).toBe('Archives not delivered: 46000099')
    expect(await sync(findings(['b', 'a']))).toEqual({
      action: 'updated',
      number: 1,
      url: 'https://github.com/example-org/video-app/issues/1'
    })
    expect(github.issues[0]!.comments).toEqual([])
  })

  it('comments only when the set of undelivered archives changed, and closes on a clean audit', async () => {
    await sync(findings(['a']))
    expect(await sync(findings(['a', 'c']))).toMatchObject({ action: 'commented', number: 1 })
    expect(github.issues[0]!.comments).toEqual([
      'The undelivered archives changed ([run](https://github.com/example-org/video-app/actions/runs/1234)): now 2. 5 archives: 3 delivered. The table above is up to date.'
    ])
    expect(github.issues[0]!.body).toContain('TABLE(a,c)')
    expect(await sync(findings([]))).toMatchObject({ action: 'closed', number: 1 })
    expect(github.issues[0]).toMatchObject({ state: 'closed', state_reason: 'completed' })
    expect(github.issues[0]!.comments[1]).toBe(
      'Every archive of the latest audit was delivered ([run](https://github.com/example-org/video-app/actions/runs/1234)): 3 archives: 3 delivered. Closing.'
    )
  })

  it('ignores an issue with the label but another marker, and pull requests', async () => {
    github.issues.push({
      number: 1,
      title: 'Archives not delivered: someone else',
      body: markerOf('46000001'),
      state: 'open',
      labels: [{ name: 'archive-delivery' }],
      html_url: 'x',
      comments: []
    })
    expect(await sync(findings(['a']))).toMatchObject({ action: 'opened', number: 2 })
  })

  it('takes a pull request that carries the marker for no tracking issue', async () => {
    github.issues.push({
      number: 1,
      title: 'Fix archives',
      body: markerOf('46000042'),
      state: 'open',
      labels: [{ name: 'archive-delivery' }],
      html_url: 'x',
      comments: [],
      pull_request: { url: 'https://api.github.com/repos/example-org/video-app/pulls/1' }
    } as (typeof github.issues)[number])
    expect(await sync(findings(['a']))).toMatchObject({ action: 'opened', number: 2 })
    expect(github.issues[0]!.comments).toEqual([])
  })

  it('writes no run link when the run is not known', async () => {
    const withoutRun = (ids: string[]) => ({ ...findings(ids), runUrl: undefined }) as unknown as AuditFindings
    await sync(withoutRun(['a']))
    expect(github.issues[0]!.body).toContain('as found by the audit run.\n')
    await sync(withoutRun(['a', 'b']))
    await sync(withoutRun([]))
    expect(github.issues[0]!.comments).toEqual([
      'The undelivered archives changed: now 2. 5 archives: 3 delivered. The table above is up to date.',
      'Every archive of the latest audit was delivered: 3 archives: 3 delivered. Closing.'
    ])
  })

  it('finds its issue on a later page of the list', async () => {
    for (let n = 1; n <= 150; n++) {
      github.issues.push({
        number: n,
        title: 't',
        body: markerOf(`p${n}`),
        state: 'open',
        labels: [{ name: 'archive-delivery' }],
        html_url: `u${n}`,
        comments: []
      })
    }
    expect(await sync(findings(['a'], 'p140'))).toMatchObject({ action: 'commented', number: 140 })
    expect(github.issues).toHaveLength(150)
  })

  it('turns a token without issues: write into a warning that names the permission', async () => {
    github.setReadOnly(true)
    const outcome = await sync(findings(['a']))
    expect(outcome).toEqual({
      action: 'skipped',
      warning:
        "Could not update the tracking issue: the token may not write issues (HTTP 403: Resource not accessible by integration). Give the job 'permissions: issues: write'."
    })
  })

  it('turns any other failure into a warning with the status', async () => {
    const outcome = await syncTrackingIssue(await makeGitHubClient('wrong-token', env()), env(), findings(['a']))
    expect(outcome.action).toBe('skipped')
    expect(outcome.action === 'skipped' && outcome.warning).toMatch(/^Could not update the tracking issue: HTTP 401: Bad credentials/)
    expect(outcome.action === 'skipped' && outcome.warning).not.toContain('wrong-token')
  })

  it('skips outside a repository', async () => {
    expect(await sync(findings(['a']), { GITHUB_API_URL: github.url })).toEqual({
      action: 'skipped',
      warning: 'No tracking issue: GITHUB_REPOSITORY is not set, so this is not a run in a repository.'
    })
    expect(github.calls).toHaveLength(0)
  })
})

describe('the issue body', () => {
  it('holds the marker, the counts, the table, the run and a fingerprint of the set', () => {
    const body = issueBody(findings(['b', 'a']))
    expect(body.split('\n')).toEqual([
      '<!-- opentok-archive-target:archive-delivery project=46000042 -->',
      '**2 archives were not delivered** to the archive upload target, as found by [the audit run](https://github.com/example-org/video-app/actions/runs/1234).',
      '',
      '5 archives: 3 delivered',
      '',
      'TABLE(b,a) the job summary and the report file of the run list every one.',
      '',
      'This issue is kept up to date by the nightly audit and closed by the first audit that finds every archive delivered.',
      `<!-- undelivered-set: ${fingerprintOf(['a', 'b'])} -->`
    ])
    expect(issueBody({ ...findings(['a']), runUrl: undefined } as unknown as AuditFindings)).toContain('**1 archive was not delivered**')
  })

  it('fingerprints the set, not its order', () => {
    expect(fingerprintOf(['a', 'b'])).toBe(fingerprintOf(['b', 'a']))
    expect(fingerprintOf(['a', 'b'])).not.toBe(fingerprintOf(['a', 'b', 'c']))
    expect(fingerprintOf(['ab'])).not.toBe(fingerprintOf(['a', 'b']))
    expect(fingerprintOf([])).toMatch(/^[0-9a-f]{16}$/)
  })
})

describe('the table', () => {
  const judged = (id: string, happened: string): JudgedArchive => ({
    archive: {
      id,
      status: 'failed',
      createdAt: Date.parse('2026-11-29T01:02:03Z'),
      duration: 3725,
      size: 1_234_567_890,
      outputMode: 'composed',
      sessionId: '',
      reason: ''
    },
    verdict: { kind: 'failed', happened, whereNow: 'nowhere', objectKey: 'k' }
  })

  it('has one row per archive, and escapes what would break the table or the HTML', () => {
    expect(undeliveredTable([judged('a1', 'a | b <script>\nx')], 10, 'more').split('\n')).toEqual([
      '| Archive | Created (UTC) | Duration | Size | Status | What happened | Where it is now |',
      '|---|---|---|---|---|---|---|',
      '| `a1` | 2026-11-29 01:02 | 1 h 2 min | 1.2 GB | failed | a \\| b &#60;script&#62; x | nowhere |'
    ])
  })

  it('cuts at the limit and says where the rest is', () => {
    const table = undeliveredTable(
      ['a', 'b', 'c'].map(id => judged(id, 'x')),
      2,
      'see the report.'
    )
    expect(table.split('\n').slice(-2)).toEqual(['', '… and 1 more: see the report.'])
    expect(table).not.toContain('`c`')
  })

  it('says nothing more when the rows exactly fill the limit', () => {
    const table = undeliveredTable(
      ['a', 'b'].map(id => judged(id, 'x')),
      2,
      'see the report.'
    )
    expect(table.split('\n')).toHaveLength(4)
    expect(table).not.toContain('… and')
  })

  it('puts a line break of any kind in a cell as one space', () => {
    expect(undeliveredTable([judged('a1', 'line one\r\n\tline two')], 1, '')).toContain('| line one line two |')
  })

  it('shows short durations in seconds', () => {
    const short = { ...judged('s', 'x'), archive: { ...judged('s', 'x').archive, duration: 42 } }
    expect(undeliveredTable([short], 1, '')).toContain('| 42 s |')
  })

  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1.0 kB'],
    [48_000_000, '48.0 MB'],
    [2_500_000_000_000, '2.5 TB'],
    [9e15, '9000.0 TB']
  ])('writes %d bytes as %s', (bytes, text) => expect(formatSize(bytes)).toBe(text))

  it('counts every class that has archives, in a fixed order', () => {
    const counts = { delivered: 9, pending: 1, missing: 0, 'kept-by-vendor': 2, failed: 0, stuck: 0, gone: 1, unknown: 0 }
    expect(countsLine(13, counts)).toBe('13 archives: 9 delivered · 1 pending · 2 kept by the vendor · 1 gone')
    expect(countsLine(1, { ...counts, delivered: 1, pending: 0, 'kept-by-vendor': 0, gone: 0 })).toBe('1 archive: 1 delivered')
    const every = { delivered: 1, pending: 1, missing: 1, 'kept-by-vendor': 1, failed: 1, stuck: 1, gone: 1, unknown: 1 }
    expect(countsLine(8, every)).toBe(
      '8 archives: 1 delivered · 1 pending · 1 missing from the target · 1 kept by the vendor · 1 failed · 1 stuck · 1 gone · 1 unknown status'
    )
    expect(countsLine(0, { ...counts, delivered: 0, pending: 0, 'kept-by-vendor': 0, gone: 0 })).toBe('0 archives')
  })
})

describe('the GitHub client helpers', () => {
  it('reads the repository of the run', () => {
    expect(repositoryOf({ GITHUB_REPOSITORY: 'o/r' })).toEqual({ owner: 'o', repo: 'r' })
    expect(repositoryOf({})).toBeUndefined()
    expect(repositoryOf({ GITHUB_REPOSITORY: 'o/r/x' })).toBeUndefined()
    expect(repositoryOf({ GITHUB_REPOSITORY: '/r' })).toBeUndefined()
  })

  it('tells a missing permission from other errors, and describes an error on one line', () => {
    expect(isPermissionError(Object.assign(new Error('x'), { status: 403 }))).toBe(true)
    expect(isPermissionError(new Error('Resource not accessible by integration'))).toBe(true)
    expect(isPermissionError(Object.assign(new Error('x'), { status: 404 }))).toBe(false)
    expect(describeGitHubError(Object.assign(new Error('Not Found\nmore'), { status: 404 }))).toBe('HTTP 404: Not Found')
    expect(describeGitHubError('plain')).toBe('plain')
  })

  it('cuts a long error message to 200 characters', () => {
    expect(describeGitHubError(new Error('x'.repeat(300)))).toBe('x'.repeat(200))
  })

  it('talks to api.github.com by default, and to GITHUB_API_URL without its trailing slashes', async () => {
    expect((await makeGitHubClient('t', {})).request.endpoint.DEFAULTS.baseUrl).toBe('https://api.github.com')
    const enterprise = await makeGitHubClient('t', { GITHUB_API_URL: 'https://ghe.example/api/v3//' })
    expect(enterprise.request.endpoint.DEFAULTS.baseUrl).toBe('https://ghe.example/api/v3')
  })
})
