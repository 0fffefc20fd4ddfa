/**
 * The tracking issue against a loopback GitHub API, with the real Octokit: found by its marker and
 * by its author (the token's own identity), labelled first and then by creator; the newest of
 * several; a lost label put back; a transient failure that touches nothing and one to fix that
 * opens the issue; the change comment naming new and resolved archives; and the body it is built
 * from, under GitHub's limit with its hidden fingerprint and list of IDs.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fingerprintOf, issueBody, markerOf, MAX_BODY, syncTrackingIssue, type AuditFindings } from '../../src/audit/tracking-issue.js'
import { makeGitHubClient } from '../../src/github-client.js'
import { startGitHubStandIn } from '../support/github-standin.js'

const token = 'ghs_trackingTest0123456789'
const RUN = 'https://github.com/example-org/video-app/actions/runs/1234'
const ISSUES = '/repos/example-org/video-app/issues'
const BOT = { login: 'github-actions[bot]', type: 'Bot' } as const
let github: Awaited<ReturnType<typeof startGitHubStandIn>>
beforeAll(async () => {
  github = await startGitHubStandIn({ token })
})
afterAll(() => github.close())
beforeEach(() => {
  github.issues.length = 0
  github.calls.length = 0
  github.comments.length = 0
  github.setReadOnly(false)
})

const env = (url = github.url) => ({ GITHUB_REPOSITORY: 'example-org/video-app', GITHUB_API_URL: `${url}/` })

function findings(ids: string[], overrides: Partial<AuditFindings> = {}): AuditFindings {
  return {
    projectId: '46000042',
    projectName: 'production',
    undeliveredIds: ids,
    overview: `${ids.length + 3} archives: 3 delivered`,
    sections: () => `SECTIONS(${ids.join(',')})`,
    runUrl: RUN,
    ...overrides
  }
}

/** The findings without a run link. */
function withoutRun(ids: string[], overrides: Partial<AuditFindings> = {}): AuditFindings {
  return Object.fromEntries(Object.entries(findings(ids, overrides)).filter(([key]) => key !== 'runUrl')) as unknown as AuditFindings
}

async function sync(f: AuditFindings, environment: NodeJS.ProcessEnv = env()) {
  return syncTrackingIssue(await makeGitHubClient(token, environment), environment, f)
}

const callsMade = () => github.calls.map(call => `${call.method} ${call.path}`)
const LABELLED = `GET ${ISSUES}?state=open&labels=archive-delivery&per_page=100`
const BY_TOKEN = `GET ${ISSUES}?state=open&creator=github-actions%5Bbot%5D&per_page=100`

describe('syncTrackingIssue', () => {
  it('does nothing on a clean audit when no issue is open, after asking who the token is and looking both ways', async () => {
    expect(await sync(findings([]))).toEqual({ action: 'none', notes: [] })
    expect(callsMade()).toEqual(['POST /graphql', LABELLED, BY_TOKEN])
    expect(github.calls.every(call => call.auth === `token ${token}`)).toBe(true)
  })

  it('opens one labelled issue, finds it again by its marker and author, and tells the projects apart', async () => {
    expect(await sync(findings(['a', 'b']))).toEqual({
      action: 'opened',
      number: 1,
      url: 'https://github.com/example-org/video-app/issues/1',
      notes: []
    })
    expect(github.issues[0]).toMatchObject({
      title: 'Archives not delivered: production',
      labels: [{ name: 'archive-delivery' }],
      state: 'open',
      user: BOT
    })
    expect(github.issues[0]!.body.split('\n')[0]).toBe('<!-- opentok-archive-target:archive-delivery project=46000042 -->')
    expect(await sync(findings(['x'], { projectId: '46000099', projectName: '46000099' }))).toMatchObject({ action: 'opened', number: 2 })
    expect(github.issues[1]!.title).toBe('Archives not delivered: 46000099')
    github.calls.length = 0
    expect(await sync(findings(['b', 'a']))).toEqual({
      action: 'updated',
      number: 1,
      url: 'https://github.com/example-org/video-app/issues/1',
      notes: []
    })
    expect(callsMade()).toEqual(['POST /graphql', LABELLED, `PATCH ${ISSUES}/1`])
    expect(github.issues[0]!.comments).toEqual([])
    expect(github.issues[0]!.body).toContain('SECTIONS(b,a)')
  })

  it('comments when the set of undelivered archives changes, naming the new and the resolved, and closes on a clean audit', async () => {
    await sync(findings(['a']))
    expect(await sync(findings(['a', 'c']))).toMatchObject({ action: 'commented', number: 1, notes: [] })
    expect(github.issues[0]!.body).toContain('SECTIONS(a,c)')
    expect(await sync(findings(['c'], { settledIds: ['a', 'z'] }))).toMatchObject({ action: 'commented', number: 1 })
    expect(github.issues[0]!.comments).toEqual([
      [
        `The audit's findings changed ([run](${RUN})): 5 archives: 3 delivered.`,
        '',
        'New since the last update: 1 (`c`).',
        'Resolved since the last update (found delivered, or rescued): none.',
        '',
        'The body above is up to date.'
      ].join('\n'),
      [
        `The audit's findings changed ([run](${RUN})): 4 archives: 3 delivered.`,
        '',
        'New since the last update: none.',
        'Resolved since the last update (found delivered, or rescued): 1 (`a`).',
        '',
        'The body above is up to date.'
      ].join('\n')
    ])
    expect(await sync(findings([], { settledIds: ['c'] }))).toEqual({
      action: 'closed',
      number: 1,
      url: 'https://github.com/example-org/video-app/issues/1',
      notes: []
    })
    expect(github.issues[0]).toMatchObject({ state: 'closed', state_reason: 'completed' })
    expect(github.issues[0]!.comments[2]).toBe(
      `Every archive of the latest audit was delivered ([run](${RUN})): 3 archives: 3 delivered. Closing.`
    )
  })

  it('names at most 20 archives on each side of a change, and counts the rest', async () => {
    const old = Array.from({ length: 21 }, (_, i) => `old-${i + 1}`)
    const fresh = Array.from({ length: 23 }, (_, i) => `new-${i + 1}`)
    await sync(findings(old))
    await sync(findings(fresh, { settledIds: old }))
    const [, , news, resolved] = github.issues[0]!.comments[0]!.split('\n')
    expect(news).toBe(
      `New since the last update: 23 (${fresh
        .slice(0, 20)
        .map(id => `\`${id}\``)
        .join(', ')}, and 3 more).`
    )
    expect(news).toContain('`new-20`, and 3 more).')
    expect(news).not.toContain('`new-21`')
    expect(resolved).toMatch(/^Resolved since the last update \(found delivered, or rescued\): 21 \(`old-1`, .*, `old-20`, and 1 more\)\.$/)
    await sync(findings(fresh.slice(0, 20), { settledIds: fresh }))
    await sync(
      findings(
        Array.from({ length: 20 }, (_, i) => `third-${i + 1}`),
        { settledIds: fresh }
      )
    )
    const [, , twenty] = github.issues[0]!.comments[2]!.split('\n')
    expect(twenty).toMatch(/^New since the last update: 20 \(`third-1`, .*, `third-20`\)\.$/)
  })

  it('says what it cannot know when the earlier list of IDs was partial', async () => {
    // 501 IDs of 40 characters and their commas: 20,541 characters, past the 20,000 kept.
    const long = Array.from({ length: 501 }, (_, i) => `a1b2c3d4-0000-4000-8000-0000000${(i + 1).toString().padStart(5, '0')}-xyz`)
    await sync(findings(long))
    expect(github.issues[0]!.body).toContain('<!-- undelivered-ids (partial): ')
    // The 14 IDs the partial list left out are no newer than 'fresh' is: neither side is known.
    await sync(findings([...long, 'fresh']))
    expect(github.issues[0]!.comments[0]!.split('\n').slice(2, 4)).toEqual([
      'New since the last update: not known (the earlier list was too long to keep whole).',
      'Resolved since the last update (found delivered, or rescued): none.'
    ])
  })

  it('comments without naming archives when the earlier body held no list of IDs', async () => {
    github.plantIssue({ body: `${markerOf('46000042')}\nwritten by an earlier version`, labels: ['archive-delivery'], user: BOT })
    expect(await sync(findings(['a']))).toMatchObject({ action: 'commented', number: 1 })
    expect(github.issues[0]!.comments).toEqual([
      `The audit's findings changed ([run](${RUN})): 4 archives: 3 delivered.\n\nThe body above is up to date.`
    ])
  })

  it('ignores an issue with another project’s marker, and a pull request that carries the marker', async () => {
    github.plantIssue({ body: markerOf('46000001'), labels: ['archive-delivery'], user: BOT })
    expect(await sync(findings(['a']))).toMatchObject({ action: 'opened', number: 2 })
    github.issues.length = 0
    github.issues.push({
      number: 1,
      title: 'Fix archives',
      body: markerOf('46000042'),
      state: 'open',
      labels: [{ name: 'archive-delivery' }],
      html_url: 'x',
      comments: [],
      user: BOT,
      pull_request: { url: 'https://api.github.com/repos/example-org/video-app/pulls/1' }
    } as (typeof github.issues)[number])
    expect(await sync(findings(['a']))).toMatchObject({ action: 'opened', number: 2 })
    expect(github.issues[0]!.comments).toEqual([])
  })

  it('takes no issue someone else wrote for its own, whatever marker and label it carries', async () => {
    const planted = `${markerOf('46000042')}\n<!-- undelivered-set: ${fingerprintOf(['a'])} -->`
    github.plantIssue({ body: planted, labels: ['archive-delivery'] })
    github.plantIssue({ body: planted, labels: ['archive-delivery'], user: { login: 'github-actions', type: 'User' } })
    expect(await sync(findings(['a']))).toMatchObject({ action: 'opened', number: 3, notes: [] })
    expect(github.issues.slice(0, 2).map(issue => [issue.body, issue.comments])).toEqual([
      [planted, []],
      [planted, []]
    ])
  })

  it('finds its issue without the label among those the token wrote, and puts the label back with a note', async () => {
    github.plantIssue({ body: `${markerOf('46000042')}\n<!-- undelivered-ids: a -->`, labels: ['triaged'], user: BOT })
    expect(await sync(findings(['a', 'b']))).toEqual({
      action: 'commented',
      number: 1,
      url: 'https://github.com/example-org/video-app/issues/1',
      notes: ["The tracking issue #1 had lost its label 'archive-delivery'; it was put back."]
    })
    expect(github.issues[0]!.labels).toEqual([{ name: 'triaged' }, { name: 'archive-delivery' }])
    expect(callsMade()).toEqual([
      'POST /graphql',
      LABELLED,
      BY_TOKEN,
      `PATCH ${ISSUES}/1`,
      `POST ${ISSUES}/1/labels`,
      `POST ${ISSUES}/1/comments`
    ])
    expect(github.calls[4]!.body).toEqual({ labels: ['archive-delivery'] })
    github.calls.length = 0
    expect(await sync(findings(['a', 'b']))).toMatchObject({ action: 'updated', notes: [] })
    expect(callsMade()).toEqual(['POST /graphql', LABELLED, `PATCH ${ISSUES}/1`])
  })

  it('keeps the newest of several issues it wrote up to date, and says which to close', async () => {
    github.plantIssue({ body: markerOf('46000042'), labels: ['archive-delivery'], user: BOT })
    github.plantIssue({ body: 'unrelated', labels: ['archive-delivery'], user: BOT })
    github.plantIssue({ body: markerOf('46000042'), labels: ['archive-delivery'], user: BOT })
    github.plantIssue({ body: markerOf('46000042'), labels: ['other'], user: BOT })
    const outcome = await sync(findings(['a']))
    expect(outcome).toEqual({
      action: 'commented',
      number: 3,
      url: 'https://github.com/example-org/video-app/issues/3',
      notes: [
        '2 open tracking issues of this project were written by this token (#3, #1); the newest, #3, is kept up to date. Close the others.'
      ]
    })
    expect(github.issues[0]!.body).toBe(markerOf('46000042'))
    expect(github.issues[3]!.body).toBe(markerOf('46000042'))
  })

  it('touches nothing when the audit failed for the vendor’s passing trouble', async () => {
    github.plantIssue({ body: markerOf('46000042'), labels: ['archive-delivery'], user: BOT })
    expect(await sync(findings(['a'], { failure: { message: 'GET … answered 503.', transient: true } }))).toEqual({
      action: 'none',
      why: "the vendor's trouble may pass by itself: the next audit updates the issue",
      notes: []
    })
    expect(github.calls).toEqual([])
    expect(github.issues[0]!.body).toBe(markerOf('46000042'))
  })

  it('opens the issue when the audit could not finish for a reason to fix, even with no archive found undelivered', async () => {
    const failure = { message: "GET … answered 404: no such project at this address. Check 'api-key' and 'api-url'.", transient: false }
    expect(await sync(findings([], { failure }))).toMatchObject({ action: 'opened', number: 1, notes: [] })
    expect(github.issues[0]!.body.split('\n')[1]).toBe(`**The audit could not finish**, as found by [the audit run](${RUN}).`)
    expect(await sync(findings(['a'], { failure }))).toMatchObject({ action: 'commented', number: 1 })
    expect(github.issues[0]!.comments[0]).toBe(
      [
        `The audit's findings changed ([run](${RUN})): 4 archives: 3 delivered.`,
        '',
        'The audit could not finish: the body above says why.',
        '',
        'New since the last update: 1 (`a`).',
        'Resolved since the last update (found delivered, or rescued): none.',
        '',
        'The body above is up to date.'
      ].join('\n')
    )
    // The same archives, again by an audit that could not finish: no change.
    expect(await sync(findings(['a'], { failure }))).toMatchObject({ action: 'updated', number: 1 })
    expect(github.issues[0]!.comments).toHaveLength(1)
    // The same archives, now found by an audit that finished: a change.
    expect(await sync(findings(['a']))).toMatchObject({ action: 'commented', number: 1 })
    expect(await sync(findings(['a']))).toMatchObject({ action: 'updated', number: 1 })
  })

  it('keeps an archive found earlier and not found delivered since open, until an audit finds it delivered', async () => {
    await sync(findings(['a', 'b']))
    // 'a' left the window unjudged: it stays, named below the sections and in the hidden list; the set is the same.
    expect(await sync(findings(['b']))).toEqual({
      action: 'updated',
      number: 1,
      url: 'https://github.com/example-org/video-app/issues/1',
      notes: [
        '1 archive(s) that an earlier audit found not delivered, and that no audit since found in the target, keep the tracking issue #1 open: a. Close it when they are dealt with.'
      ]
    })
    const body = github.issues[0]!.body
    expect(body).toContain(
      'SECTIONS(b)\n\n### Found earlier, not found delivered since (1)\n\n`a`.\n\nAn earlier audit found these archives not delivered'
    )
    expect(body).toContain(
      'It stays open while an archive of an earlier finding is not found delivered: close it when those are dealt with.'
    )
    expect(body.split('\n').at(-1)).toBe('<!-- undelivered-ids: b,a -->')
    expect(github.issues[0]!.comments).toEqual([])
    // 'b' found delivered: resolved; 'a' still open, and the issue with it.
    expect(await sync(findings([], { settledIds: ['b'] }))).toMatchObject({ action: 'commented', number: 1 })
    expect(github.issues[0]).toMatchObject({ state: 'open' })
    expect(github.issues[0]!.body.split('\n')[1]).toBe(
      `**Every archive of the latest audit was delivered**, as found by [the audit run](${RUN}); but 1 archive that an earlier audit found not delivered is still open (below).`
    )
    expect(github.issues[0]!.comments[0]!.split('\n').slice(2)).toEqual([
      'New since the last update: none.',
      'Resolved since the last update (found delivered, or rescued): 1 (`b`).',
      'Found earlier and still open, no longer judged: 1 (`a`).',
      '',
      'The body above is up to date.'
    ])
    expect(await sync(findings([]))).toMatchObject({ action: 'updated', number: 1 })
    expect(github.issues[0]!.comments).toHaveLength(1)
    expect(await sync(findings([], { settledIds: ['a'] }))).toMatchObject({ action: 'closed', number: 1 })
  })

  it('heads the body by what this audit found, and counts the earlier archives still open', () => {
    const carried = issueBody(findings(['b']), ['a'])
    expect(carried.split('\n')[1]).toBe(
      `**1 archive was not delivered** to the archive upload target, as found by [the audit run](${RUN}).`
    )
    expect(issueBody(findings([]), ['a', 'c']).split('\n')[1]).toBe(
      `**Every archive of the latest audit was delivered**, as found by [the audit run](${RUN}); but 2 archives that an earlier audit found not delivered are still open (below).`
    )
    // The sections get the room the earlier archives leave: the body still ends under the limit, exactly where it would.
    const full = issueBody(findings(['a'], { sections: room => 'x'.repeat(room) }), ['c1', 'c2'])
    expect(full.length).toBe(59_985)
    const hundred = Array.from({ length: 100 }, (_, i) => `h${i}`)
    const listed = issueBody(findings([]), hundred)
    expect(listed).toContain('`h99`.\n')
    expect(listed).not.toContain(', and 0 more')
  })

  it('keeps no rescued archive open: it is settled the night it is copied', async () => {
    await sync(findings(['r', 'x'], { rescuedIds: ['r'] }))
    expect(github.issues[0]!.body.split('\n').at(-1)).toBe('<!-- undelivered-ids: x -->')
    expect(await sync(findings([], { settledIds: ['x'] }))).toMatchObject({ action: 'closed', number: 1 })
  })

  it('names all of ten archives found earlier in its warning, without an ellipsis', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => `t${i + 1}`)
    await sync(findings(ten))
    expect((await sync(findings(['now']))).notes).toEqual([
      `10 archive(s) that an earlier audit found not delivered, and that no audit since found in the target, keep the tracking issue #1 open: ${ten.join(', ')}. Close it when they are dealt with.`
    ])
  })

  it('names at most 100 archives found earlier in the body, and counts the rest', async () => {
    const earlier = Array.from({ length: 101 }, (_, i) => `e${i + 1}`)
    await sync(findings(earlier))
    const outcome = await sync(findings(['now']))
    expect(outcome.notes).toEqual([
      `101 archive(s) that an earlier audit found not delivered, and that no audit since found in the target, keep the tracking issue #1 open: ${earlier.slice(0, 10).join(', ')}, …. Close it when they are dealt with.`
    ])
    const body = github.issues[0]!.body
    expect(body).toContain('### Found earlier, not found delivered since (101)\n\n`e1`, ')
    expect(body).toContain('`e100`, and 1 more.\n')
    expect(body).not.toContain('`e101`')
    expect(body.length).toBeLessThan(60_000)
  })

  it('writes no run link when the run is not known', async () => {
    await sync(withoutRun(['a']))
    expect(github.issues[0]!.body).toContain('as found by the audit run.\n')
    await sync(withoutRun(['a', 'b']))
    await sync(withoutRun([], { settledIds: ['a', 'b'] }))
    expect(github.issues[0]!.comments).toEqual([
      "The audit's findings changed: 5 archives: 3 delivered.\n\nNew since the last update: 1 (`b`).\nResolved since the last update (found delivered, or rescued): none.\n\nThe body above is up to date.",
      'Every archive of the latest audit was delivered: 3 archives: 3 delivered. Closing.'
    ])
  })

  it('finds its issue on a later page of the list', async () => {
    for (let n = 1; n <= 150; n++) github.plantIssue({ body: markerOf(`p${n}`), labels: ['archive-delivery'], user: BOT })
    expect(await sync(findings(['a'], { projectId: 'p140' }))).toMatchObject({ action: 'commented', number: 140 })
    expect(github.issues).toHaveLength(150)
  })

  it('looks for the issues of the token’s own identity', async () => {
    const app = await startGitHubStandIn({ token, login: 'octo-auditor' })
    try {
      app.plantIssue({ body: markerOf('46000042'), labels: ['archive-delivery'], user: BOT })
      const environment = env(app.url)
      expect(await syncTrackingIssue(await makeGitHubClient(token, environment), environment, findings(['a']))).toMatchObject({
        action: 'opened',
        number: 2
      })
      expect(app.calls.map(call => `${call.method} ${call.path}`).slice(0, 3)).toEqual([
        'POST /graphql',
        LABELLED,
        `GET ${ISSUES}?state=open&creator=octo-auditor&per_page=100`
      ])
      expect(app.issues[1]!.user).toEqual({ login: 'octo-auditor', type: 'User' })
    } finally {
      await app.close()
    }
  })

  it('turns a token without issues: write into a warning that names the permission', async () => {
    github.setReadOnly(true)
    expect(await sync(findings(['a']))).toEqual({
      action: 'skipped',
      warning:
        "Could not update the tracking issue: the token may not write issues (HTTP 403: Resource not accessible by integration). Give the job 'permissions: issues: write'.",
      notes: []
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
      warning: 'No tracking issue: GITHUB_REPOSITORY is not set, so this is not a run in a repository.',
      notes: []
    })
    expect(github.calls).toHaveLength(0)
  })
})

describe('the issue body', () => {
  it('holds the marker, the headline, the overview, the sections, the run, a fingerprint of the set and the IDs', () => {
    expect(issueBody(findings(['b', 'a'])).split('\n')).toEqual([
      '<!-- opentok-archive-target:archive-delivery project=46000042 -->',
      `**2 archives were not delivered** to the archive upload target, as found by [the audit run](${RUN}).`,
      '',
      '5 archives: 3 delivered',
      '',
      'SECTIONS(b,a)',
      '',
      'This issue is kept up to date by the nightly audit and closed by the first audit that finds every archive delivered.',
      '<!-- undelivered-set: 7e18f737311b2dc3 -->',
      '<!-- undelivered-ids: b,a -->'
    ])
    expect(issueBody(withoutRun(['a'])).split('\n')[1]).toBe(
      '**1 archive was not delivered** to the archive upload target, as found by the audit run.'
    )
  })

  it('says when the audit could not finish, and how many archives it had found by then', () => {
    const failure = { message: 'm', transient: false }
    const line = (ids: string[]) => issueBody(findings(ids, { failure })).split('\n')[1]
    expect(line([])).toBe(`**The audit could not finish**, as found by [the audit run](${RUN}).`)
    expect(line(['a'])).toBe(
      `**The audit could not finish**, as found by [the audit run](${RUN}); 1 archive was found not delivered before it stopped.`
    )
    expect(line(['a', 'b'])).toBe(
      `**The audit could not finish**, as found by [the audit run](${RUN}); 2 archives were found not delivered before it stopped.`
    )
    expect(issueBody(findings(['a', 'b'], { failure }))).toContain('<!-- undelivered-set: c671e1b05b5560dc -->')
  })

  it('gives the sections the room left under 60,000 characters', () => {
    expect(MAX_BODY).toBe(60_000)
    let room = 0
    const body = issueBody(findings(['a'], { sections: given => 'x'.repeat((room = given)) }))
    // The room is 60,000 less the rest of the body and 16; the line break after the sections takes one of those.
    expect(body.length).toBe(59_985)
    expect(room).toBe(59_985 - (issueBody(findings(['a'])).length - 'SECTIONS(a)'.length))
  })

  it('hides 20,000 characters of IDs, and marks the list partial past that', () => {
    // 500 IDs of 39 characters, each with its comma: exactly 20,000.
    const ids = Array.from({ length: 500 }, (_, i) => `a1b2c3d4-0000-4000-8000-00000000${(i + 1).toString().padStart(4, '0')}-xy`)
    expect(ids[0]).toHaveLength(39)
    const whole = issueBody(findings(ids)).split('\n').at(-1)
    expect(whole).toBe(`<!-- undelivered-ids: ${ids.join(',')} -->`)
    const past = issueBody(findings([...ids.slice(0, 499), `${ids[499]}z`]))
      .split('\n')
      .at(-1)
    expect(past).toBe(`<!-- undelivered-ids (partial): ${ids.slice(0, 499).join(',')} -->`)
    expect(issueBody(findings([])).split('\n').at(-1)).toBe('<!-- undelivered-ids:  -->')
  })

  it('keeps out of the hidden list any ID that is not an archive ID, so no text can close the comment', () => {
    const hostile = ['x --><img src=https://evil.example/p.png> @octocat <!--', 'a'.repeat(65), 'a_b', '']
    const last = issueBody(findings(['good-1', ...hostile, 'good-2']))
      .split('\n')
      .at(-1)
    expect(last).toBe('<!-- undelivered-ids (partial): good-1,good-2 -->')
    expect(
      issueBody(findings(['A'.repeat(64)]))
        .split('\n')
        .at(-1)
    ).toBe(`<!-- undelivered-ids: ${'A'.repeat(64)} -->`)
  })

  it('fingerprints the set and whether the audit finished, not the order', () => {
    expect(fingerprintOf(['a', 'b'])).toBe('7e18f737311b2dc3')
    expect(fingerprintOf(['b', 'a'])).toBe('7e18f737311b2dc3')
    expect(fingerprintOf(['b', 'a'], true)).toBe('7e18f737311b2dc3')
    expect(fingerprintOf(['a', 'b'], false)).toBe('c671e1b05b5560dc')
    expect(fingerprintOf(['ab'])).toBe('fb8e20fc2e4c3f24')
    expect(fingerprintOf([])).toBe('e3b0c44298fc1c14')
    expect(fingerprintOf([], false)).toBe('0830f07c27796282')
  })
})
