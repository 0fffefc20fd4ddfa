/**
 * `operation: plan` in process (operations/plan.ts), in scratch git repositories with a loopback
 * GitHub API: what it outputs, logs, warns and comments, and what it refuses. The same runs
 * through the committed dist/ are in dist/plan.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { configFileText } from '../support/config-yaml.js'
import { startGitHubStandIn } from '../support/github-standin.js'
import { runInProcess } from '../support/in-process.js'
import { scratchRepo, type ScratchRepo } from '../support/scratch-repo.js'

const FILE = '.github/opentok-archive-target.yml'
const token = 'ghs_planRunToken0123456789abcdef'
let github: Awaited<ReturnType<typeof startGitHubStandIn>>
const repos: ScratchRepo[] = []
beforeAll(async () => {
  github = await startGitHubStandIn({ token })
})
afterAll(async () => {
  await github.close()
  for (const repo of repos) repo.remove()
})
beforeEach(() => {
  github.comments.length = 0
  github.calls.length = 0
  github.setReadOnly(false)
})
afterEach(() => {
  vi.unstubAllEnvs()
})

const file = configFileText

// core.summary keeps the first path it writes to: every test of this file shares one summary file.
const summaryDir = mkdtempSync(join(tmpdir(), 'plan-summary-'))
afterAll(() => rmSync(summaryDir, { recursive: true, force: true }))
/** Runs `action` with an empty job summary, and returns what it wrote there. */
async function withSummary<T>(action: () => Promise<T>): Promise<{ result: T; text: string }> {
  const summary = join(summaryDir, 'summary.md')
  writeFileSync(summary, '')
  vi.stubEnv('GITHUB_STEP_SUMMARY', summary)
  const result = await action()
  return { result, text: readFileSync(summary, 'utf8') }
}

const s3 = { 'api-key': '46000001', bucket: 'acme-archives', 'access-key': 'AKIAEXAMPLE01', fallback: 'opentok' }

function repoOf(...states: Array<Record<string, string | null>>): ScratchRepo {
  const repo = scratchRepo(states)
  repos.push(repo)
  return repo
}

interface PlanOptions {
  inputs?: Record<string, string>
  env?: Record<string, string>
  pullRequest?: Record<string, unknown> | null
}

function plan(repo: ScratchRepo, options: PlanOptions = {}) {
  const pullRequest =
    options.pullRequest === null
      ? {}
      : {
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: repo.event({
            number: 7,
            pull_request: { number: 7, base: { sha: repo.commits[0] }, head: { repo: { full_name: 'example-org/video-app' } } },
            ...options.pullRequest
          })
        }
  return runInProcess(
    { operation: 'plan', 'config-file': FILE, 'github-token': token, ...options.inputs },
    {
      workspace: repo.dir,
      env: {
        ...pullRequest,
        GITHUB_SHA: repo.commits.at(-1)!,
        GITHUB_API_URL: github.url,
        GITHUB_REPOSITORY: 'example-org/video-app',
        ...options.env
      }
    }
  )
}

const outputsOf = (stdout: string) => Object.fromEntries([...stdout.matchAll(/::set-output name=([^:]+)::(.*)/g)].map(m => [m[1]!, m[2]!]))
const lines = (stdout: string, prefix: string) => stdout.split('\n').filter(line => line.startsWith(prefix))

describe('the plan of a pull request', () => {
  it('outputs the projects, what changed and what to apply, logs a line per project and warns each risk under the project', async () => {
    // Each project its own project ID: one removed and one added with the same ID would be a rename.
    const production = { ...s3, 'api-key': '46000002' }
    const retired = { ...s3, 'api-key': '46000003' }
    const added = { ...s3, 'api-key': '46000004' }
    const repo = repoOf(
      { [FILE]: file({ staging: s3, production, retired }) },
      { [FILE]: file({ staging: { ...s3, fallback: 'none' }, production, added }) }
    )
    const run = await plan(repo)
    expect(run.exitCode).toBe(0)
    expect(outputsOf(run.stdout)).toEqual({
      result: 'planned',
      projects: '["staging","production","added"]',
      'changed-projects': '["staging","added","retired"]',
      'projects-to-apply': '["staging","added"]',
      changes: expect.stringMatching(/^\d+$/)
    })
    expect(run.stdout).toContain('  staging: changed, fallback\n')
    expect(run.stdout).toContain('  production: unchanged\n')
    expect(run.stdout).toMatch(/ {2}added: added, /)
    expect(run.stdout).toMatch(/ {2}retired: removed/)
    expect(lines(run.stdout, '::warning')).toContain(
      '::warning title=Archive target plan%3A staging::`fallback` is `none`: an archive whose upload fails is lost, with nothing kept in the vendor cloud.'
    )
    expect(run.stdout).toMatch(/^Plan: .+\.$/m)
    // Only the risks are warnings: no secret or 'project' was given.
    expect(lines(run.stdout, '::warning::')).toEqual([])
  })

  it('comments once on the pull request, then edits that comment', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) }, { [FILE]: file({ staging: { ...s3, bucket: 'other-archives' } }) })
    const first = await plan(repo)
    expect(first.stdout).toMatch(/Plan comment created: http/)
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0]!.issue_number).toBe(7)
    expect(github.comments[0]!.body).toContain('s3://other-archives')
    const second = await plan(repo)
    expect(second.stdout).toMatch(/Plan comment updated: http/)
    expect(github.comments).toHaveLength(1)
  })

  it('says there is nothing to comment with comment: changes and no change, and comments nothing with comment: off', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) }, { [FILE]: file({ staging: s3 }) })
    const quiet = await plan(repo)
    expect(quiet.stdout).toMatch(/No plan comment: /)
    expect(outputsOf(quiet.stdout)['changed-projects']).toBe('[]')
    const off = await plan(repo, { inputs: { comment: 'off' } })
    expect(off.stdout).not.toMatch(/comment/i)
    expect(github.comments).toHaveLength(0)
  })

  it('keeps the plan in the job summary for a fork, without a token, or when the token may not comment', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) }, { [FILE]: file({ staging: { ...s3, fallback: 'none' } }) })
    const fork = await plan(repo, {
      pullRequest: { pull_request: { number: 7, base: { sha: repo.commits[0] }, head: { repo: { full_name: 'someone/fork' } } } }
    })
    expect(fork.stdout).toContain(
      '::notice::The plan is in the job summary only: a pull request from a fork gets a token that may not comment.'
    )
    const tokenless = await plan(repo, { inputs: { 'github-token': '' } })
    expect(tokenless.stdout).toContain("::notice::The plan is in the job summary only: there is no 'github-token' to comment with.")
    // a payload that does not name the head repository is no fork; outside Actions nothing names the repository
    const nowhere = await plan(repo, {
      pullRequest: { pull_request: { number: 7, base: { sha: repo.commits[0] } } },
      env: { GITHUB_REPOSITORY: '' }
    })
    expect(lines(nowhere.stdout, '::notice::')).toEqual([
      '::notice::The plan is in the job summary only: GITHUB_REPOSITORY does not name the repository to comment in.'
    ])
    github.setReadOnly(true)
    const readOnly = await plan(repo)
    expect(readOnly.exitCode).toBe(0)
    expect(lines(readOnly.stdout, '::notice::')).toHaveLength(1)
    expect(github.comments).toHaveLength(0)
  })

  it('writes the plan to the job summary, naming the base and the head commit', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) }, { [FILE]: file({ staging: { ...s3, fallback: 'none' } }) })
    const { text } = await withSummary(() => plan(repo))
    expect(text).toContain(FILE)
    expect(text).toContain(`commit ${repo.commits[1]!.slice(0, 7)}`)
    expect(text).toContain(`commit ${repo.commits[0]!.slice(0, 7)}`)
    expect(text).toContain('`fallback` is `none`')
  })

  it('warns of secrets given to a plan and of project, which it ignores', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) }, { [FILE]: file({ staging: s3 }) })
    const run = await plan(repo, { inputs: { 'api-secret': 'should-not-be-here', 'secret-key': 'nor-this', project: 'staging' } })
    expect(run.exitCode).toBe(0)
    expect(lines(run.stdout, '::warning::')).toEqual([
      "::warning::operation 'plan' uses no secret; remove 'api-secret', 'secret-key' from this step: a pull request's branch should never be given them.",
      "::warning::operation 'plan' plans every project of the file; 'project' is ignored."
    ])
  })
})

describe('the base of the plan', () => {
  it('reads the base through the GitHub API when the checkout lacks the commit, and says so', async () => {
    const repo = repoOf({ [FILE]: file({ staging: { ...s3, fallback: 'none' } }) })
    const missing = 'a'.repeat(40)
    github.setFile(missing, FILE, file({ staging: s3 }))
    const run = await plan(repo, {
      pullRequest: { pull_request: { number: 7, base: { sha: missing }, head: { repo: { full_name: 'example-org/video-app' } } } }
    })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain(`Commit ${missing.slice(0, 12)} is not in the checkout; reading the base through the GitHub API.`)
    expect(outputsOf(run.stdout)['changed-projects']).toBe('["staging"]')
  })

  it('fails, saying how to fix it, when the base commit cannot be read', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) })
    const missing = 'b'.repeat(40)
    const run = await plan(repo, {
      inputs: { 'github-token': '' },
      pullRequest: { pull_request: { number: 7, base: { sha: missing } } }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      `::error::Could not read ${FILE} at ${missing} (the pull request's base commit): the commit is not in the checkout and there is no 'github-token' to read it through the GitHub API. Check out with fetch-depth: 0, or give 'github-token' with 'permissions: contents: read'.`
    )
  })

  it('shows every project as new on a push that created the branch', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) })
    const run = await plan(repo, {
      pullRequest: null,
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: repo.event({ before: '0'.repeat(40) }) }
    })
    expect(run.exitCode).toBe(0)
    expect(outputsOf(run.stdout)).toMatchObject({ 'changed-projects': '["staging"]', 'projects-to-apply': '["staging"]' })
  })

  it('shows a project new when the base did not validate, with a notice', async () => {
    const repo = repoOf({ [FILE]: file({ staging: { ...s3, fallback: 'sometimes' } }) }, { [FILE]: file({ staging: s3 }) })
    const run = await plan(repo)
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain("::notice::The file at the base has problems in 'staging'; what did not validate there is shown as new.")
    expect(run.stdout).toMatch(/ {2}staging: added/)
  })

  it('names every project that did not validate at the base', async () => {
    const broken = { ...s3, fallback: 'sometimes' }
    const repo = repoOf({ [FILE]: file({ staging: broken, production: broken }) }, { [FILE]: file({ staging: s3, production: s3 }) })
    const run = await plan(repo)
    expect(run.stdout).toContain(
      "::notice::The file at the base has problems in 'staging', 'production'; what did not validate there is shown as new."
    )
  })

  it('treats a base without the file as having no projects', async () => {
    const repo = repoOf({ 'README.md': 'x' }, { [FILE]: file({ staging: s3 }) })
    const run = await plan(repo)
    expect(outputsOf(run.stdout)['projects-to-apply']).toBe('["staging"]')
  })
})

describe('what the plan refuses', () => {
  it('refuses a bad base, comment mode and file path together, before reading anything', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) })
    const run = await plan(repo, { inputs: { base: '--upload-pack=x', comment: 'sometimes', 'config-file': '../outside.yml' } })
    expect(run.exitCode).toBe(1)
    const errors = lines(run.stdout, '::error')
    expect(errors.some(line => line.includes('Invalid input%3A comment'))).toBe(true)
    expect(errors.some(line => line.includes("'config-file' must be a path inside the repository, such as"))).toBe(true)
    expect(errors.some(line => line.includes("'base' must be a commit SHA or a ref name"))).toBe(true)
    expect(github.calls).toHaveLength(0)
  })

  it('refuses a head without the file, and a head whose file does not validate, located', async () => {
    const missing = repoOf({ 'README.md': 'x' })
    const none = await plan(missing)
    expect(none.exitCode).toBe(1)
    expect(none.stdout).toContain(`'config-file' names ${FILE}, which is not in the workspace.`)
    const broken = repoOf({ [FILE]: file({ staging: s3 }) }, { [FILE]: file({ staging: { ...s3, fallback: 'sometimes' } }) })
    const bad = await plan(broken)
    expect(bad.exitCode).toBe(1)
    expect(bad.stdout).toContain(
      `::error title=Invalid setting%3A fallback,file=${FILE},line=6,col=5::${FILE} line 6, column 5: project 'staging': 'fallback' must be one of 'none', 'opentok'; got 'sometimes'.`
    )
    // The comment says the head does not validate, rather than leave an earlier plan standing as current.
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0]!.body).toContain(`### Archive target plan: the file at ${broken.commits[1]!.slice(0, 7)} does not validate`)
    expect(github.comments[0]!.body).toContain(
      `${FILE} line 6: project 'staging': 'fallback' must be one of 'none', 'opentok'; got 'sometimes'.`
    )
  })

  it('turns the comment of an earlier valid plan into the news that the head does not validate', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) }, { [FILE]: file({ staging: { ...s3, fallback: 'none' } }) })
    await plan(repo)
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0]!.body).toContain('1 project changes (1 setting)')
    writeFileSync(join(repo.dir, FILE), file({ staging: { ...s3, fallback: 'sometimes' } }))
    const bad = await plan(repo)
    expect(bad.exitCode).toBe(1)
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0]!.body).toContain('does not validate')
    expect(github.comments[0]!.body).not.toContain('1 project changes')
  })

  it('plans every project as new when the base is a commit the repository does not know (a force push)', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) })
    const unknown = 'b'.repeat(40)
    const run = await plan(repo, { inputs: { base: unknown } })
    expect(run.exitCode).toBe(0)
    expect(outputsOf(run.stdout)).toMatchObject({ 'projects-to-apply': '["staging"]' })
    expect(run.stdout).toContain(
      `::notice::The base ${unknown.slice(0, 12)} (the input 'base') is not a commit this repository knows; every project of ${FILE} is planned as new, and a deploy applies them all.`
    )
  })
})

describe('the plan at its edges', () => {
  const summaryOf = (repo: ScratchRepo, options: PlanOptions = {}) => withSummary(() => plan(repo, options))

  it('names the comment modes it takes, and reads them in any case', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) }, { [FILE]: file({ staging: s3 }) })
    const bad = await plan(repo, { inputs: { comment: 'sometimes' } })
    expect(lines(bad.stdout, '::error title=')).toEqual([
      "::error title=Invalid input%3A comment::'comment' must be one of 'changes', 'always', 'off'; got 'sometimes'."
    ])
    const always = await plan(repo, { inputs: { comment: 'Always' } })
    expect(always.stdout).toMatch(/Plan comment created: http/)
    // The comment 'Always' wrote is turned into the plan of no changes rather than left stale.
    const changes = await plan(repo, { inputs: { comment: 'CHANGES' } })
    expect(changes.stdout).toMatch(/Plan comment updated: http/)
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0]!.body).toContain('### Archive target plan: No changes')
  })

  it('refuses a file outside the repository with the rule, and a bad base on its own input', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) })
    const outside = await plan(repo, { inputs: { 'config-file': `../${'x'.repeat(50)}.yml` } })
    expect(lines(outside.stdout, '::error title=')).toEqual([
      `::error title=Invalid input%3A config-file::'config-file' must be a path inside the repository, such as .github/opentok-archive-target.yml; got '../${'x'.repeat(37)}'.`
    ])
    const base = await plan(repo, { inputs: { base: 'a..b' } })
    expect(lines(base.stdout, '::error')[0]).toMatch(/^::error title=Invalid input%3A base::'base' must be a commit SHA/)
    const missing = await plan(repoOf({ 'README.md': 'x' }))
    expect(lines(missing.stdout, '::error title=')).toEqual([
      `::error title=Invalid input%3A config-file::'config-file' names ${FILE}, which is not in the workspace. Check out the repository first (actions/checkout), or fix the path.`
    ])
  })

  it('does not count blank secrets as given, and gives no warning without them', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) }, { [FILE]: file({ staging: s3 }) })
    const run = await plan(repo, { inputs: { 'api-secret': '  ', project: '' } })
    expect(lines(run.stdout, '::warning')).toEqual([])
  })

  it('logs each changed setting by name, and comments when one project of several changes', async () => {
    const repo = repoOf(
      { [FILE]: file({ staging: s3, production: s3 }) },
      { [FILE]: file({ staging: { ...s3, bucket: 'other-archives', fallback: 'none' }, production: s3 }) }
    )
    const run = await plan(repo)
    expect(run.stdout).toContain('  staging: changed, bucket, fallback\n')
    expect(run.stdout).toMatch(/Plan comment created: http/)
  })

  it('names the head commit and links the run in the summary and the comment', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) }, { [FILE]: file({ staging: { ...s3, fallback: 'none' } }) })
    const runUrl = 'https://github.example/example-org/video-app/actions/runs/11'
    const run = await runInProcess(
      { operation: 'plan', 'config-file': FILE, 'github-token': token },
      {
        workspace: repo.dir,
        env: {
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: repo.event({ number: 7, pull_request: { number: 7, base: { sha: repo.commits[0] } } }),
          GITHUB_SHA: repo.commits[1]!,
          GITHUB_API_URL: github.url,
          GITHUB_REPOSITORY: 'example-org/video-app'
        },
        runContext: async () => ({ runUrl })
      }
    )
    expect(run.exitCode).toBe(0)
    expect(github.comments[0]!.body).toContain(`\`${FILE}\` at the checkout (commit ${repo.commits[1]!.slice(0, 7)}), compared with commit`)
    expect(github.comments[0]!.body.endsWith(`<sub>From [the plan run](${runUrl}).</sub>`)).toBe(true)
  })

  it('says the base is nothing on a push that created the branch, and the summary ends its last line', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) })
    const { text } = await summaryOf(repo, {
      pullRequest: null,
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: repo.event({ before: '0'.repeat(40) }) }
    })
    expect(text).toContain(', compared with nothing (a push that created the branch: every project is new).\n')
    expect(text.endsWith('\n')).toBe(true)
  })

  it('says the base commit has no file when it has none', async () => {
    const repo = repoOf({ 'README.md': 'x' }, { [FILE]: file({ staging: s3 }) })
    const { text } = await summaryOf(repo)
    expect(text).toContain(`, compared with commit ${repo.commits[0]!.slice(0, 7)}, which has no ${FILE} (every project is new).\n`)
  })

  it('names the base commit alone when it has the file, and the checkout alone without GITHUB_SHA', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) }, { [FILE]: file({ staging: { ...s3, fallback: 'none' } }) })
    const { text } = await summaryOf(repo, { env: { GITHUB_SHA: '' } })
    expect(text).toContain(`\`${FILE}\` at the checkout, compared with commit ${repo.commits[0]!.slice(0, 7)}.\n`)
  })

  it('warns, and still comments, when the job summary cannot be written', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) }, { [FILE]: file({ staging: { ...s3, fallback: 'none' } }) })
    // core.summary keeps the shared file's path: a folder in its place makes the write fail
    const summary = join(summaryDir, 'summary.md')
    rmSync(summary, { force: true })
    mkdirSync(summary)
    vi.stubEnv('GITHUB_STEP_SUMMARY', summary)
    const run = await plan(repo).finally(() => {
      rmSync(summary, { recursive: true })
      writeFileSync(summary, '')
    })
    expect(run.exitCode).toBe(0)
    expect(lines(run.stdout, '::warning::Could not write the job summary: ')).toHaveLength(1)
    expect(github.comments).toHaveLength(1)
  })

  it('fails, saying why, when the GitHub API cannot give the base', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) })
    const missing = 'd'.repeat(40)
    const run = await plan(repo, {
      pullRequest: { pull_request: { number: 7, base: { sha: missing } } },
      env: { GITHUB_API_URL: 'http://127.0.0.1:9' }
    })
    expect(run.exitCode).toBe(1)
    expect(lines(run.stdout, '::error::')[0]).toContain(
      `::error::Could not read the base of the plan: the GitHub API could not read ${FILE} at ${missing}: `
    )
  })

  it('notes a base whose file has problems outside any project', async () => {
    const repo = repoOf({ [FILE]: `extra: 1\n${file({ staging: s3 })}` }, { [FILE]: file({ staging: s3 }) })
    const run = await plan(repo)
    expect(run.stdout).toContain('::notice::The file at the base has problems; what did not validate there is shown as new.')
  })

  it('fails when the base commit is missing and there is a token but no repository to read it from', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) })
    const missing = 'c'.repeat(40)
    const run = await plan(repo, {
      pullRequest: { pull_request: { number: 7, base: { sha: missing } } },
      env: { GITHUB_REPOSITORY: '' }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(`::error::Could not read ${FILE} at ${missing} (the pull request's base commit)`)
    expect(github.calls).toHaveLength(0)
  })
})
