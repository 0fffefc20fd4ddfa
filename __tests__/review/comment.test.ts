/**
 * The plan's pull-request comment with the real Octokit against a loopback GitHub API: found again
 * by its marker and its author (the token's identity, which GraphQL's viewer names), never by
 * the marker alone.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { makeGitHubClient } from '../../src/github-client.js'
import { syncPlanComment, type CommentRequest } from '../../src/review/comment.js'
import { startGitHubStandIn } from '../support/github-standin.js'

const token = 'ghs_commentTest0123456789'
let github: Awaited<ReturnType<typeof startGitHubStandIn>>
beforeAll(async () => {
  github = await startGitHubStandIn({ token })
})
afterAll(() => github.close())
beforeEach(() => {
  github.comments.length = 0
  github.calls.length = 0
  github.setReadOnly(false)
})

const request = (overrides: Partial<CommentRequest> = {}): CommentRequest => ({
  repository: { owner: 'example-org', repo: 'video-app' },
  pullRequest: 12,
  marker: '<!-- plan marker -->',
  body: '<!-- plan marker -->\nplan one',
  changes: true,
  mode: 'changes',
  ...overrides
})
/** The author GitHub gives what the job token writes. */
const ours = { login: 'github-actions[bot]', type: 'Bot' as const }
const sync = async (overrides: Partial<CommentRequest> = {}) =>
  syncPlanComment(await makeGitHubClient(token, { GITHUB_API_URL: github.url }), request(overrides))

describe('syncPlanComment', () => {
  it('creates one comment, then edits it in place', async () => {
    expect(await sync()).toEqual({
      action: 'created',
      url: 'https://github.com/example-org/video-app/pull/12#issuecomment-1000',
      ignored: []
    })
    expect(await sync({ body: '<!-- plan marker -->\nplan two' })).toEqual({
      action: 'updated',
      url: 'https://github.com/example-org/video-app/pull/12#issuecomment-1000',
      ignored: []
    })
    expect(github.comments.map(c => [c.issue_number, c.body])).toEqual([[12, '<!-- plan marker -->\nplan two']])
  })

  it('finds its comment among many, and leaves other comments alone', async () => {
    for (let i = 0; i < 120; i++)
      github.comments.push({ id: i, issue_number: 12, body: `someone else ${i}`, html_url: `u${i}`, user: ours })
    github.comments.push({ id: 500, issue_number: 12, body: '<!-- plan marker -->\nold', html_url: 'mine', user: ours })
    github.comments.push({ id: 501, issue_number: 13, body: '<!-- plan marker -->\nanother pull request', html_url: 'other', user: ours })
    expect(await sync()).toEqual({ action: 'updated', url: 'mine', ignored: [] })
    expect(github.comments.find(c => c.id === 501)!.body).toContain('another pull request')
    expect(github.comments.filter(c => c.body.startsWith('someone else'))).toHaveLength(120)
  })

  it("writes nothing with 'off', nor for no change in 'changes' mode without an earlier comment; 'always' does", async () => {
    expect(await sync({ mode: 'off' })).toEqual({ action: 'none', why: "'comment' is off", ignored: [] })
    expect(github.calls).toHaveLength(0)
    expect(await sync({ changes: false })).toEqual({ action: 'none', why: 'no change, and no earlier plan comment to update', ignored: [] })
    expect(github.comments).toHaveLength(0)
    expect((await sync({ changes: false, mode: 'always' })).action).toBe('created')
  })

  it('updates an earlier plan to no changes rather than leave it stale', async () => {
    await sync()
    expect((await sync({ changes: false, body: '<!-- plan marker -->\nNo changes' })).action).toBe('updated')
    expect(github.comments[0]!.body).toContain('No changes')
  })

  it('turns a missing permission into a notice that names it, and other failures into a notice with the status', async () => {
    github.setReadOnly(true)
    const denied = await sync()
    expect(denied).toEqual({
      action: 'skipped',
      notice:
        "The plan is in the job summary only: the token may not comment on the pull request (HTTP 403: Resource not accessible by integration). Give the job 'permissions: pull-requests: write'; a pull request from a fork never gets it.",
      ignored: []
    })
    const client = await makeGitHubClient('bad-token', { GITHUB_API_URL: github.url })
    const refused = await syncPlanComment(client, request())
    expect(refused).toEqual({
      action: 'skipped',
      notice: 'The plan is in the job summary only: the comment could not be written (HTTP 401: Bad credentials).',
      ignored: []
    })
  })
})

describe('whose comment it is', () => {
  it('leaves a comment someone else planted with the marker as it is, posts its own, and names the other author', async () => {
    const planted = github.plantComment(12, '<!-- plan marker -->\nNo changes, looks good')
    const outcome = await sync()
    expect(outcome).toEqual({ action: 'created', url: expect.stringContaining('#issuecomment-'), ignored: ['mallory'] })
    expect(github.comments.find(c => c.id === planted)?.body).toBe('<!-- plan marker -->\nNo changes, looks good')
    expect(github.comments.filter(c => c.user.login === 'github-actions[bot]').map(c => c.body)).toEqual(['<!-- plan marker -->\nplan one'])
    // A bot of another app is someone else too, and no author at all is no one's.
    github.plantComment(12, '<!-- plan marker -->\nfrom another app', { login: 'other-app[bot]', type: 'Bot' })
    expect((await sync({ body: '<!-- plan marker -->\nplan two' })).ignored).toEqual(['mallory', 'other-app[bot]'])
    expect(github.comments.filter(c => c.user.login === 'github-actions[bot]').map(c => c.body)).toEqual(['<!-- plan marker -->\nplan two'])
  })

  it('keeps the oldest of its own comments when two runs posted one each, and deletes the others', async () => {
    github.comments.push({ id: 900, issue_number: 12, body: '<!-- plan marker -->\nfirst run', html_url: 'first', user: ours })
    github.comments.push({ id: 901, issue_number: 12, body: '<!-- plan marker -->\nsecond run', html_url: 'second', user: ours })
    expect(await sync({ body: '<!-- plan marker -->\nthird run' })).toEqual({ action: 'updated', url: 'first', ignored: [] })
    expect(github.comments.map(c => [c.id, c.body])).toEqual([[900, '<!-- plan marker -->\nthird run']])
  })

  it('knows itself as GraphQL names the token: a personal token writes as its user, whose comment is then its own', async () => {
    const personal = await startGitHubStandIn({ token, login: 'octo-deployer' })
    try {
      personal.comments.push({
        id: 7,
        issue_number: 12,
        body: '<!-- plan marker -->\nold',
        html_url: 'by-user',
        user: { login: 'Octo-Deployer', type: 'User' }
      })
      personal.plantComment(12, '<!-- plan marker -->\nbot', ours)
      const outcome = await syncPlanComment(await makeGitHubClient(token, { GITHUB_API_URL: personal.url }), request())
      expect(outcome).toEqual({ action: 'updated', url: 'by-user', ignored: ['github-actions[bot]'] })
    } finally {
      await personal.close()
    }
  })

  it("takes the job token's author when GitHub cannot say who the token is", async () => {
    const silent = await startGitHubStandIn({ token, viewerFails: true })
    try {
      silent.comments.push({ id: 7, issue_number: 12, body: '<!-- plan marker -->\nold', html_url: 'job', user: ours })
      const outcome = await syncPlanComment(await makeGitHubClient(token, { GITHUB_API_URL: silent.url }), request())
      expect(outcome).toEqual({ action: 'updated', url: 'job', ignored: [] })
    } finally {
      await silent.close()
    }
  })
})
