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
  const payload = eventPayload(env)
  if (event === 'pull_request' || event === 'pull_request_target') {
    const sha = field(payload, 'pull_request', 'base', 'sha')
    if (typeof sha === 'string' && REVISION.test(sha)) return { kind: 'revision', revision: sha, from: "the pull request's base commit" }
  }
  if (event === 'push') {
    const before = field(payload, 'before')
    if (typeof before === 'string' && NO_COMMIT.test(before)) return { kind: 'none', from: 'a push that created the branch' }
    if (typeof before === 'string' && REVISION.test(before)) return { kind: 'revision', revision: before, from: "the push's before commit" }
  }
  return {
    kind: 'problem',
    message: `'base' is required on ${event === '' ? 'a run outside a pull request or a push' : `a '${event}' run`}: give the revision to compare the configuration file with, such as 'main' or \${{ github.event.pull_request.base.sha }}. On pull_request and push events it defaults to the pull request's base commit and the push's before commit.`
  }
}

/** The pull request this run belongs to, from the event payload; undefined on other events. */
export function pullRequestOf(env: NodeJS.ProcessEnv): PullRequestInfo | undefined {
  const event = env.GITHUB_EVENT_NAME ?? ''
  if (event !== 'pull_request' && event !== 'pull_request_target') return undefined
  const payload = eventPayload(env)
  const number = field(payload, 'pull_request', 'number') ?? field(payload, 'number')
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) return undefined
  const head = field(payload, 'pull_request', 'head', 'repo', 'full_name')
  return { number, fromFork: typeof head === 'string' && head !== env.GITHUB_REPOSITORY }
}
