/**
 * The revision a plan compares with: the 'base' input, or, by default, the pull request's base
 * commit on `pull_request` events and the `before` commit on `push`. Read from the event payload
 * the runner writes at GITHUB_EVENT_PATH.
 */
import { readFileSync } from 'node:fs'
import { REVISION } from '../sources/files.js'

export type BaseChoice =
  /** A revision to read the file at. */
  | { readonly kind: 'revision'; readonly revision: string; readonly from: string }
  /** Nothing before: a push that created the branch. Every project is new. */
  | { readonly kind: 'none'; readonly from: string }
  | { readonly kind: 'problem'; readonly message: string }

/** What the pull request of this run is, when it is one: its number and whether it comes from a fork. */
export interface PullRequestInfo {
  readonly number: number
  readonly fromFork: boolean
}

const NO_COMMIT = /^0+$/

function eventPayload(env: NodeJS.ProcessEnv): Record<string, unknown> {
  if (!env.GITHUB_EVENT_PATH) return {}
  try {
    const parsed: unknown = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'))
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

function field(value: unknown, ...path: string[]): unknown {
  let current = value
  for (const key of path) current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined
  return current
}

/** The events whose run is about a pull request, and so may run a branch's unreviewed file. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment'])

/**
 * What the run's event says of a pull request: undefined when it is about none. Every event
 * about one counts: the pull request events and their reviews and review comments, a comment on a
 * pull request (`issue_comment` with `issue.pull_request`), and a `workflow_run` that a pull
 * request's run triggered. `merge_group` runs reviewed code and is not one of them.
 */
export interface PullRequestEvent {
  readonly event: string
  /** The pull request's number, when the payload gives it. */
  readonly number?: number
  /** Its base commit, when the payload gives it (an issue comment's does not). */
  readonly baseSha?: string
  /** Whether its head is in another repository (a fork). */
  readonly fromFork: boolean
}

/** The pull request the run's event is about, if any (see PullRequestEvent). */
export function pullRequestEventOf(env: NodeJS.ProcessEnv): PullRequestEvent | undefined {
  const event = env.GITHUB_EVENT_NAME ?? ''
  // Read only for the events that can be about a pull request: a push's payload is never parsed here.
  if (!PULL_REQUEST_EVENTS.has(event) && event !== 'issue_comment' && event !== 'workflow_run') return undefined
  const payload = eventPayload(env)
  let pullRequest: unknown
  if (PULL_REQUEST_EVENTS.has(event)) pullRequest = field(payload, 'pull_request')
  else if (event === 'issue_comment') {
    const issue = field(payload, 'issue')
    if (field(issue, 'pull_request') === undefined || field(issue, 'pull_request') === null) return undefined
    return { event, ...numberOf(field(issue, 'number')), fromFork: false }
  } else if (event === 'workflow_run') {
    const run = field(payload, 'workflow_run')
    const pulls = field(run, 'pull_requests')
    const first = Array.isArray(pulls) ? (pulls[0] as unknown) : undefined
    const triggeredBy = field(run, 'event')
    if (first === undefined && !(typeof triggeredBy === 'string' && PULL_REQUEST_EVENTS.has(triggeredBy))) return undefined
    const headRepository = field(run, 'head_repository', 'full_name')
    return {
      event,
      ...numberOf(field(first, 'number')),
      ...shaOf(field(first, 'base', 'sha')),
      fromFork: typeof headRepository === 'string' && headRepository !== env.GITHUB_REPOSITORY
    }
  } else return undefined
  const head = field(pullRequest, 'head', 'repo', 'full_name')
  return {
    event,
    ...numberOf(field(pullRequest, 'number') ?? field(payload, 'number')),
    ...shaOf(field(pullRequest, 'base', 'sha')),
    fromFork: typeof head === 'string' && head !== env.GITHUB_REPOSITORY
  }
}

function numberOf(value: unknown): { number?: number } {
  return typeof value === 'number' && Number.isSafeInteger(value) ? { number: value } : {}
}

function shaOf(value: unknown): { baseSha?: string } {
  return typeof value === 'string' && REVISION.test(value) ? { baseSha: value } : {}
}

/** Chooses the base revision from the input or the event. */
export function chooseBase(given: string, env: NodeJS.ProcessEnv): BaseChoice {
  const event = env.GITHUB_EVENT_NAME ?? ''
  if (given !== '') {
    if (!REVISION.test(given)) {
      return {
        kind: 'problem',
        message: `'base' must be a commit SHA or a ref name (letters, digits and . _ / ~ ^ -; no '..', not starting with '-'); got '${given.slice(0, 40)}'.`
      }
    }
    return { kind: 'revision', revision: given, from: "the input 'base'" }
  }
  const pullRequest = pullRequestEventOf(env)
  if (pullRequest?.baseSha !== undefined) return { kind: 'revision', revision: pullRequest.baseSha, from: "the pull request's base commit" }
  if (event === 'push') {
    const before = field(eventPayload(env), 'before')
    if (typeof before === 'string' && NO_COMMIT.test(before)) return { kind: 'none', from: 'a push that created the branch' }
    if (typeof before === 'string' && REVISION.test(before)) return { kind: 'revision', revision: before, from: "the push's before commit" }
  }
  return {
    kind: 'problem',
    message: `'base' is required on ${event === '' ? 'a run outside a pull request or a push' : `a '${event}' run`}: give the revision to compare the configuration file with, such as 'main' or \${{ github.event.pull_request.base.sha }}. On pull_request and push events it defaults to the pull request's base commit and the push's before commit.`
  }
}

/** The pull request this run belongs to, from the event payload, when its number is known; undefined on other events. */
export function pullRequestOf(env: NodeJS.ProcessEnv): PullRequestInfo | undefined {
  const pullRequest = pullRequestEventOf(env)
  if (pullRequest?.number === undefined) return undefined
  return { number: pullRequest.number, fromFork: pullRequest.fromFork }
}
