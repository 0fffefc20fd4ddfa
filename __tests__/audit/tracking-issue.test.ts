/** The tracking issue against a loopback GitHub API, with the real Octokit, and the body it is built from. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fingerprintOf, issueBody, markerOf, syncTrackingIssue, type AuditFindings } from '../../src/audit/tracking-issue.js'
import { makeGitHubClient } from '../../src/github-client.js'
import { startGitHubStandIn } from '../support/github-standin.js'

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
