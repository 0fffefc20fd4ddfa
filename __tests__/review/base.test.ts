/**
 * Which revision a plan compares with, and which pull request it comments on: the input first, then
 * event payloads as the runner writes them, including the odd ones (null fields, numbers as
 * strings, other events).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { chooseBase, pullRequestEventOf, pullRequestOf } from '../../src/review/base.js'

const dir = mkdtempSync(join(tmpdir(), 'review-base-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0
/** Writes an event payload where GITHUB_EVENT_PATH points. */
const eventFile = (payload: unknown): string => {
  const path = join(dir, `event-${++files}.json`)
  writeFileSync(path, JSON.stringify(payload))
  return path
}
const on = (name: string, payload: unknown) => ({ GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: eventFile(payload) })

const baseSha = '0123456789abcdef0123456789abcdef01234567'
const beforeSha = 'fedcba9876543210fedcba9876543210fedcba98'
const askForBase = (run: string) =>
  `'base' is required on ${run}: give the revision to compare the configuration file with, such as 'main' or \${{ github.event.pull_request.base.sha }}. On pull_request and push events it defaults to the pull request's base commit and the push's before commit.`

describe('the base revision at its edges', () => {
  it('refuses a base that is not a revision, showing at most 40 characters of it', () => {
    const given = `--upload-pack=${'x'.repeat(40)}`
    expect(chooseBase(given, {})).toEqual({
      kind: 'problem',
      message: `'base' must be a commit SHA or a ref name (letters, digits and . _ / ~ ^ -; no '..', not starting with '-'); got '${given.slice(0, 40)}'.`
    })
  })

  it('takes the base commit of a pull_request_target run too', () => {
    expect(chooseBase('', on('pull_request_target', { pull_request: { base: { sha: baseSha } } }))).toEqual({
      kind: 'revision',
      revision: baseSha,
      from: "the pull request's base commit"
    })
  })

  it("takes a push's before commit that merely ends in zeros as a commit", () => {
    const zeros = `${'ab'.repeat(17)}000000`
    expect(chooseBase('', on('push', { before: zeros }))).toEqual({ kind: 'revision', revision: zeros, from: "the push's before commit" })
  })

  it("takes a push's before commit, even when the payload also names a pull request", () => {
    expect(chooseBase('', on('push', { before: beforeSha, pull_request: { base: { sha: baseSha } } }))).toEqual({
      kind: 'revision',
      revision: beforeSha,
      from: "the push's before commit"
    })
  })

  it("does not take a push's before commit on a pull request run", () => {
    expect(chooseBase('', on('pull_request', { before: beforeSha }))).toEqual({
      kind: 'problem',
      message: askForBase("a 'pull_request' run")
    })
  })

  it('reads neither on another event', () => {
    expect(chooseBase('', on('workflow_dispatch', { before: beforeSha, pull_request: { base: { sha: baseSha } } }))).toEqual({
      kind: 'problem',
      message: askForBase("a 'workflow_dispatch' run")
    })
  })

  it('asks for base when a field is null or not text, without failing on it', () => {
    expect(chooseBase('', on('pull_request', { pull_request: null }))).toEqual({
      kind: 'problem',
      message: askForBase("a 'pull_request' run")
    })
    expect(chooseBase('', on('pull_request', { pull_request: { base: null } })).kind).toBe('problem')
    expect(chooseBase('', on('push', { before: 0 })).kind).toBe('problem')
    expect(chooseBase('', on('push', null)).kind).toBe('problem')
  })
})

describe('the pull request of the run', () => {
  const repository = { GITHUB_REPOSITORY: 'example-org/video-app' }

  it('is read on pull_request_target runs too', () => {
    expect(pullRequestOf({ ...on('pull_request_target', { pull_request: { number: 12 } }), ...repository })).toEqual({
      number: 12,
      fromFork: false
    })
  })

  it("prefers the pull request's own number, and falls back to the event's", () => {
    expect(pullRequestOf({ ...on('pull_request', { number: 8, pull_request: { number: 7 } }), ...repository })?.number).toBe(7)
    expect(pullRequestOf({ ...on('pull_request', { number: 8 }), ...repository })?.number).toBe(8)
  })

  it.each([['12'], [1.5], [null]])('is unknown when the number is %j', number => {
    expect(pullRequestOf({ ...on('pull_request', { number, pull_request: { number } }), ...repository })).toBeUndefined()
  })

  it('counts as from a fork only when the head repository is named and is another', () => {
    const head = (fullName: unknown) => ({ number: 3, pull_request: { number: 3, head: { repo: { full_name: fullName } } } })
    expect(pullRequestOf({ ...on('pull_request', head('someone/video-app')), ...repository })?.fromFork).toBe(true)
    expect(pullRequestOf({ ...on('pull_request', head('example-org/video-app')), ...repository })?.fromFork).toBe(false)
    expect(pullRequestOf({ ...on('pull_request', head(null)), ...repository })?.fromFork).toBe(false)
    expect(pullRequestOf({ ...on('pull_request', { number: 3 }), ...repository })?.fromFork).toBe(false)
  })
})

const cleanup: Array<() => void> = []
afterAll(() => cleanup.forEach(remove => remove()))

describe('the base revision: the input, then the event', () => {
  const event = (payload: unknown): string => {
    const dir = mkdtempSync(join(tmpdir(), 'event-'))
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
    writeFileSync(join(dir, 'event.json'), JSON.stringify(payload))
    return join(dir, 'event.json')
  }
  const sha = '0123456789abcdef0123456789abcdef01234567'

  it('takes the input first, and refuses one that is not a revision', () => {
    expect(chooseBase('main', {})).toEqual({ kind: 'revision', revision: 'main', from: "the input 'base'" })
    expect(chooseBase('HEAD~1', {})).toMatchObject({ kind: 'revision', revision: 'HEAD~1' })
    for (const bad of ['--output=x', 'a..b', 'a b', 'x;rm']) expect(chooseBase(bad, {}).kind, bad).toBe('problem')
  })

  it("defaults to the pull request's base and the push's before, and to nothing for a new branch", () => {
    expect(chooseBase('', { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event({ pull_request: { base: { sha } } }) })).toEqual({
      kind: 'revision',
      revision: sha,
      from: "the pull request's base commit"
    })
    expect(chooseBase('', { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event({ before: sha }) })).toMatchObject({
      kind: 'revision',
      revision: sha
    })
    expect(chooseBase('', { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event({ before: '0'.repeat(40) }) })).toEqual({
      kind: 'none',
      from: 'a push that created the branch'
    })
  })

  it('asks for base elsewhere, and when the payload is missing or broken', () => {
    expect(chooseBase('', { GITHUB_EVENT_NAME: 'schedule' })).toMatchObject({
      kind: 'problem',
      message: expect.stringMatching(/^'base' is required on a 'schedule' run/)
    })
    expect(chooseBase('', {})).toMatchObject({
      kind: 'problem',
      message: expect.stringMatching(/^'base' is required on a run outside a pull request or a push/)
    })
    expect(chooseBase('', { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: '/no/such/file' }).kind).toBe('problem')
    expect(
      chooseBase('', { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event({ pull_request: { base: { sha: '--evil' } } }) }).kind
    ).toBe('problem')
  })

  it('reads the pull request and whether it comes from a fork', () => {
    const path = event({ number: 9, pull_request: { number: 9, head: { repo: { full_name: 'me/fork' } } } })
    expect(pullRequestOf({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path, GITHUB_REPOSITORY: 'org/repo' })).toEqual({
      number: 9,
      fromFork: true
    })
    expect(pullRequestOf({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path, GITHUB_REPOSITORY: 'me/fork' })).toEqual({
      number: 9,
      fromFork: false
    })
    expect(pullRequestOf({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: path })).toBeUndefined()
  })
})

describe('pullRequestEventOf: every event about a pull request', () => {
  const REPO = { GITHUB_REPOSITORY: 'example-org/video-app' }
  it('reads a workflow_run that a pull request triggered: number, base and fork from its first pull request', () => {
    const run = (workflow_run: unknown) => pullRequestEventOf({ ...REPO, ...on('workflow_run', { workflow_run }) })
    expect(
      run({ pull_requests: [{ number: 9, base: { sha: baseSha } }], head_repository: { full_name: 'someone/fork' }, event: 'pull_request' })
    ).toStrictEqual({ event: 'workflow_run', number: 9, baseSha, fromFork: true })
    expect(run({ pull_requests: [{ number: 9 }], head_repository: { full_name: 'example-org/video-app' } })).toStrictEqual({
      event: 'workflow_run',
      number: 9,
      fromFork: false
    })
    // A fork's pull request is not in pull_requests: the triggering event still tells.
    expect(run({ pull_requests: [], event: 'pull_request_target' })).toStrictEqual({ event: 'workflow_run', fromFork: false })
    expect(run({ pull_requests: [], event: 'push' })).toBeUndefined()
    expect(run({ event: 'schedule' })).toBeUndefined()
    expect(run({ pull_requests: [], event: 7 })).toBeUndefined()
  })

  it('reads a comment on a pull request, and not one on an issue', () => {
    expect(pullRequestEventOf({ ...REPO, ...on('issue_comment', { issue: { number: 4, pull_request: { url: 'x' } } }) })).toStrictEqual({
      event: 'issue_comment',
      number: 4,
      fromFork: false
    })
    expect(pullRequestEventOf({ ...REPO, ...on('issue_comment', { issue: { number: 4 } }) })).toBeUndefined()
    expect(pullRequestEventOf({ ...REPO, ...on('issue_comment', { issue: { number: 4, pull_request: null } }) })).toBeUndefined()
  })

  it('reads the payload only for those events, and takes an unreadable one as empty', () => {
    expect(pullRequestEventOf({ ...REPO, GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: '/no/such/file' })).toBeUndefined()
    expect(pullRequestEventOf({ ...REPO, GITHUB_EVENT_NAME: 'pull_request' })).toStrictEqual({ event: 'pull_request', fromFork: false })
    const broken = join(dir, 'broken.json')
    writeFileSync(broken, '{not json')
    expect(pullRequestEventOf({ ...REPO, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: broken })).toStrictEqual({
      event: 'pull_request',
      fromFork: false
    })
    expect(pullRequestEventOf({ ...REPO, ...on('pull_request', null) })).toStrictEqual({ event: 'pull_request', fromFork: false })
    expect(pullRequestEventOf({ ...REPO, ...on('pull_request', 'text') })).toStrictEqual({ event: 'pull_request', fromFork: false })
    expect(pullRequestEventOf({ ...REPO, ...on('pull_request', { number: 5, pull_request: {} }) })).toStrictEqual({
      event: 'pull_request',
      number: 5,
      fromFork: false
    })
  })
})
