/** The plan's pull-request comment with the real Octokit against a loopback GitHub API. */
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
const sync = async (overrides: Partial<CommentRequest> = {}) =>
  syncPlanComment(await makeGitHubClient(token, { GITHUB_API_URL: github.url }), request(overrides))

describe('syncPlanComment', () => {
  it('creates one comment, then edits it in place', async () => {
    expect(await sync()).toEqual({ action: 'created', url: 'https://github.com/example-org/video-app/pull/12#issuecomment-1000' })
    expect(await sync({ body: '<!-- plan marker -->\nplan two' })).toEqual({
      action: 'updated',
      url: 'https://github.com/example-org/video-app/pull/12#issuecomment-1000'
    })
    expect(github.comments.map(c => [c.issue_number, c.body])).toEqual([[12, '<!-- plan marker -->\nplan two']])
  })

  it('finds its comment among many, and leaves other comments alone', async () => {
    for (let i = 0; i < 120; i++) github.comments.push({ id: i, issue_number: 12, body: `someone else ${i}`, html_url: `u${i}` })
    github.comments.push({ id: 500, issue_number: 12, body: '<!-- plan marker -->\nold', html_url: 'mine' })
    github.comments.push({ id: 501, issue_number: 13, body: '<!-- plan marker -->\nanother pull request', html_url: 'other' })
    expect(await sync()).toEqual({ action: 'updated', url: 'mine' })
    expect(github.comments.find(c => c.id === 501)!.body).toContain('another pull request')
    expect(github.comments.filter(c => c.body.startsWith('someone else'))).toHaveLength(120)
  })

  it("writes nothing with 'off', nor for no change in 'changes' mode without an earlier comment; 'always' does", async () => {
    expect(await sync({ mode: 'off' })).toEqual({ action: 'none', why: "'comment' is off" })
    expect(github.calls).toHaveLength(0)
    expect(await sync({ changes: false })).toEqual({ action: 'none', why: 'no change, and no earlier plan comment to update' })
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
        "The plan is in the job summary only: the token may not comment on the pull request (HTTP 403: Resource not accessible by integration). Give the job 'permissions: pull-requests: write'; a pull request from a fork never gets it."
    })
    const client = await makeGitHubClient('bad-token', { GITHUB_API_URL: github.url })
    const refused = await syncPlanComment(client, request())
    expect(refused).toEqual({
      action: 'skipped',
      notice: 'The plan is in the job summary only: the comment could not be written (HTTP 401: Bad credentials).'
    })
  })
})
