/**
 * Which revision a plan compares with, and which pull request it comments on, from event payloads
 * as the runner writes them, including the odd ones (null fields, numbers as strings, other events).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { chooseBase, pullRequestOf } from '../src/review/base.js'

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

describe('the base revision', () => {
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
