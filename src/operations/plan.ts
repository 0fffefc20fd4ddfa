/**
 * `plan`: what a change to the configuration file will do, for a pull request's reviewers. Both
 * versions of the file (the head in the workspace, the base through git or the GitHub API) go
 * through the same reader and validators as `set`; the plan lists each project's changes with a
 * risk line for each change that matters, in the job summary and in one pull-request comment.
 * It needs no secret and sends nothing to the vendor or the storage, so it is safe on any pull
 * request. Loaded only when a plan runs.
 */
import * as core from '@actions/core'
import * as log from '../log.js'
import { makeGitHubClient, repositoryOf, type GitHubClient } from '../github-client.js'
import { Findings } from '../inputs/findings.js'
import { SECRET_INPUTS } from '../inputs/secrets.js'
import { refuse } from '../refuse.js'
import { chooseBase, pullRequestOf } from '../review/base.js'
import { compareProjects, type ProjectChange } from '../review/changes.js'
import { syncPlanComment, type CommentMode } from '../review/comment.js'
import { planProjects, type FilePlans } from '../review/project-plans.js'
import { commentBody, commentMarker, countSettings, headline, invalidBody, summaryMarkdown, type PlanContext } from '../review/render.js'
import { phraseText } from '../phrase.js'
import type { RunContext } from '../report.js'
import {
  apiFiles,
  DEFAULT_CONFIG_FILE,
  gitFiles,
  isInsideRepository,
  UnknownRevision,
  UnreadableFile,
  workspaceFiles,
  type RepositoryFiles
} from '../sources/files.js'
import type { SettingProblem } from '../sources/settings.js'
import type { RunDependencies } from './dependencies.js'

/** Plans the change of the configuration file between the base and the head. */
export async function plan(deps: RunDependencies): Promise<void> {
  const f = new Findings(deps.readInput)
  const mode = f.choice<CommentMode>('comment', ['changes', 'always', 'off'], 'changes')
  const file = f.text('config-file') || DEFAULT_CONFIG_FILE
  if (!isInsideRepository(file))
    f.fail('config-file', `'config-file' must be a path inside the repository, such as ${DEFAULT_CONFIG_FILE}; got '${file.slice(0, 40)}'.`)
  const token = f.text('github-token')
  const base = chooseBase(f.text('base'), deps.env)
  if (base.kind === 'problem') f.fail('base', base.message)
  if (f.problems.length > 0 || mode === undefined) {
    await refuse(f.problems, deps.runContext)
    return
  }
  const given = SECRET_INPUTS.filter(name => name !== 'github-token' && deps.readInput(name).trim() !== '')
  if (given.length > 0) {
    log.warning(
      `operation 'plan' uses no secret; remove ${given.map(n => `'${n}'`).join(', ')} from this step: a pull request's branch should never be given them.`
    )
  }
  if (f.text('project') !== '') log.warning("operation 'plan' plans every project of the file; 'project' is ignored.")

  const now = new Date(deps.clock.now())
  const head = await planProjects(file, workspaceFiles(deps.workspace), now, core.setSecret)
  if (head === undefined) {
    await refuse(
      [
        {
          input: 'config-file',
          message: `'config-file' names ${file}, which is not in the workspace. Check out the repository first (actions/checkout), or fix the path.`
        }
      ],
      deps.runContext
    )
    return
  }
  let client: GitHubClient | undefined
  const github = async (): Promise<GitHubClient | undefined> => {
    if (token === '') return undefined
    client ??= await makeGitHubClient(token, deps.env)
    return client
  }
  const runContext = await deps.runContext()
  const commit = deps.env.GITHUB_SHA ? deps.env.GITHUB_SHA.slice(0, 7) : undefined
  const headWords = commit === undefined ? 'the checkout' : `the checkout (commit ${commit})`
  const headProblems: SettingProblem[] = [...head.problems, ...head.projects.flatMap(project => project.problems)]
  if (headProblems.length > 0) {
    // The comment must not keep showing an earlier plan as if it were this head's.
    const context = { file, base: '', head: headWords, commit: commit ?? 'the head', ...runUrlOf(runContext) }
    await comment(file, invalidBody(headProblems, context), true, mode, deps, github)
    await refuse(headProblems, deps.runContext)
    return
  }
  let baseFiles: FilePlans | undefined
  let baseDescription: string
  if (base.kind === 'none') {
    baseDescription = `nothing (${base.from}: every project is new)`
  } else if (base.kind === 'revision') {
    const files = await filesAt(base.revision, deps, github)
    if (files === undefined) {
      log.fail(
        `Could not read ${file} at ${base.revision} (${base.from}): the commit is not in the checkout and there is no 'github-token' to read it through the GitHub API. Check out with fetch-depth: 0, or give 'github-token' with 'permissions: contents: read'.`
      )
      return
    }
    try {
      baseFiles = await planProjects(file, files, now, core.setSecret)
      baseDescription = baseFiles === undefined ? `${files.where}, which has no ${file} (every project is new)` : files.where
    } catch (error) {
      if (!(error instanceof UnknownRevision)) {
        log.fail(`Could not read the base of the plan: ${error instanceof UnreadableFile ? error.message : String(error)}`)
        return
      }
      // A force push can leave a base the repository no longer knows: nothing can be compared, so every project is applied.
      baseDescription = `commit ${base.revision.slice(0, 7)} (${base.from}), which this repository does not know (a force push may have replaced it): every project is treated as new`
      log.notice(
        `The base ${base.revision.slice(0, 12)} (${base.from}) is not a commit this repository knows; every project of ${file} is planned as new, and a deploy applies them all.`
      )
    }
    noteBaseProblems(baseFiles)
  } else {
    return
  }

  const changes = compareProjects(baseFiles?.projects, head.projects, now)
  const names = head.projects.map(project => project.name)
  const changed = changes.filter(change => change.kind !== 'unchanged')
  core.setOutput('result', 'planned')
  core.setOutput('projects', JSON.stringify(names))
  core.setOutput('changed-projects', JSON.stringify(changed.map(change => change.name)))
  core.setOutput('projects-to-apply', JSON.stringify(changed.filter(change => change.kind !== 'removed').map(change => change.name)))
  core.setOutput('changes', String(countSettings(changes)))
  logPlan(changes)

  const context: PlanContext = { file, base: baseDescription, head: headWords, ...runUrlOf(runContext) }
  try {
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summaryMarkdown(changes, context), true).write()
  } catch (error) {
    log.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }
  await comment(file, commentBody(changes, context), changed.length > 0, mode, deps, github)
}

function runUrlOf(context: RunContext): { runUrl?: string } {
  return context.runUrl === undefined ? {} : { runUrl: context.runUrl }
}

/** The base's files: the checkout's git when it has the commit, else the GitHub API. */
async function filesAt(
  revision: string,
  deps: RunDependencies,
  github: () => Promise<GitHubClient | undefined>
): Promise<RepositoryFiles | undefined> {
  const local = await gitFiles(deps.workspace, revision)
  if (local !== undefined) return local
  const client = await github()
  const repository = repositoryOf(deps.env)
  if (client === undefined || repository === undefined) return undefined
  log.info(`Commit ${revision.slice(0, 12)} is not in the checkout; reading the base through the GitHub API.`)
  return apiFiles(client, repository, revision)
}

/** A base that does not validate is no reason to stop: its projects are shown as new, with a notice. */
function noteBaseProblems(base: FilePlans | undefined): void {
  if (base === undefined) return
  const invalid = base.projects.filter(project => project.plan === undefined).map(project => project.name)
  if (base.problems.length > 0 || invalid.length > 0) {
    log.notice(
      `The file at the base has problems${invalid.length === 0 ? '' : ` in ${invalid.map(n => `'${n}'`).join(', ')}`}; what did not validate there is shown as new.`
    )
  }
}

/** The plan in the log: the headline, a line per project, and each risk as a warning a reviewer sees on the pull request. */
function logPlan(changes: readonly ProjectChange[]): void {
  log.info(`Plan: ${headline(changes)}.`)
  for (const change of changes) {
    log.info(`  ${change.name}: ${change.kind}${change.settings.length === 0 ? '' : `, ${change.settings.map(s => s.name).join(', ')}`}`)
    for (const risk of change.risks) log.warning(phraseText(risk), { title: `Archive target plan: ${change.name}` })
  }
}

/** Writes `body` as the plan's comment on the pull request of this run, as `mode` says; `changes` says whether it has news. */
async function comment(
  file: string,
  body: string,
  changes: boolean,
  mode: CommentMode,
  deps: RunDependencies,
  github: () => Promise<GitHubClient | undefined>
): Promise<void> {
  const pullRequest = pullRequestOf(deps.env)
  if (mode === 'off' || pullRequest === undefined) return
  if (pullRequest.fromFork) {
    log.notice('The plan is in the job summary only: a pull request from a fork gets a token that may not comment.')
    return
  }
  const client = await github()
  const repository = repositoryOf(deps.env)
  if (client === undefined) {
    log.notice("The plan is in the job summary only: there is no 'github-token' to comment with.")
    return
  }
  if (repository === undefined) {
    // Only outside GitHub Actions, which always sets it.
    log.notice('The plan is in the job summary only: GITHUB_REPOSITORY does not name the repository to comment in.')
    return
  }
  const outcome = await syncPlanComment(client, {
    repository,
    pullRequest: pullRequest.number,
    marker: commentMarker(file),
    body,
    changes,
    mode
  })
  if (outcome.ignored.length > 0) {
    log.notice(
      `A comment with the plan's marker by ${outcome.ignored.map(login => `'${login}'`).join(', ')} was ignored: the plan only updates a comment its own token wrote, so this run's plan is in a comment of its own.`
    )
  }
  if (outcome.action === 'skipped') log.notice(outcome.notice)
  else if (outcome.action === 'none') log.info(`No plan comment: ${outcome.why}.`)
  else log.info(`Plan comment ${outcome.action}: ${outcome.url}`)
}
