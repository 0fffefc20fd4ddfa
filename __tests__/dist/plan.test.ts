/**
 * `operation: plan` through the committed dist/, as a runner runs it on a pull request: a scratch
 * git repository with a base and a head commit of the configuration file, the event payload at
 * GITHUB_EVENT_PATH, and a loopback GitHub API for the comment and for a base the checkout lacks.
 * No secret is given to any of these runs.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { makeCertificate } from '../support/certificates.js'
import { configFileText } from '../support/config-yaml.js'
import { startGitHubStandIn } from '../support/github-standin.js'
import { findLeaks, runAction, type ActionRun } from '../support/run-action.js'
import { scratchRepo, type ScratchRepo } from '../support/scratch-repo.js'

const FILE = '.github/opentok-archive-target.yml'
const token = 'ghs_planTestToken0123456789abcdefABCD'
const appId = 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b'
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

const file = configFileText

const s3 = { 'api-key': '46000001', bucket: 'acme-archives', 'access-key': 'AKIAEXAMPLE01', fallback: 'opentok' }
const azure = { 'application-id': appId, type: 'azure', 'account-name': 'acmearchives', container: 'archives', fallback: 'opentok' }

function repoOf(base: Record<string, string | null>, head: Record<string, string | null>): ScratchRepo {
  const repo = scratchRepo([base, head])
  repos.push(repo)
  return repo
}

/** Runs the plan on a pull request of `repo` (base = its first commit), as a runner does. */
function planOnPullRequest(
  repo: ScratchRepo,
  inputs: Record<string, string> = {},
  payload: Record<string, unknown> = {}
): Promise<ActionRun> {
  const event = repo.event({
    number: 7,
    pull_request: { number: 7, base: { sha: repo.commits[0] }, head: { repo: { full_name: 'example-org/video-app' } } },
    ...payload
  })
  return runAction(
    { operation: 'plan', 'config-file': FILE, 'github-token': token, ...inputs },
    {
      cwd: repo.dir,
      env: {
        GITHUB_WORKSPACE: repo.dir,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_SHA: repo.commits[1]!,
        GITHUB_API_URL: github.url
      }
    }
  )
}

const warnings = (run: ActionRun): string[] =>
  run.stdout
    .split('\n')
    .filter(line => line.startsWith('::warning'))
    .map(line => line.replace(/^::warning[^:]*::/, ''))

describe('plan of a pull request, through dist/', () => {
  it.each([
    [
      'fallback becomes none',
      { ...s3 },
      { ...s3, fallback: 'none' },
      ['`fallback` is `none`: an archive whose upload fails is lost, with nothing kept in the vendor cloud.']
    ],
    ['certificate: none', { ...s3, certificate: 'none' }, { ...s3, certificate: 'none' }, []],
    ['encryption turned off', { ...s3 }, { ...s3, certificate: 'none' }, ['`certificate: none`: archives are no longer encrypted.']],
    [
      'a bucket change',
      { ...s3 },
      { ...s3, bucket: 'acme-archives-2' },
      ['Archives recorded after the merge go to s3://acme-archives-2; earlier ones stay where they are (s3://acme-archives).']
    ],
    [
      'an endpoint change',
      { ...s3 },
      { ...s3, endpoint: 'https://storage.googleapis.com' },
      [
        'Archives recorded after the merge go to s3://acme-archives at https://storage.googleapis.com; earlier ones stay where they are (s3://acme-archives).'
      ]
    ],
    [
      'an endpoint over http',
      { ...s3, endpoint: 'https://minio.example.com' },
      { ...s3, endpoint: 'http://minio.example.com:9000' },
      [
        'Archives recorded after the merge go to s3://acme-archives at http://minio.example.com:9000; earlier ones stay where they are (s3://acme-archives at https://minio.example.com).',
        '`endpoint` is plain http:// (http://minio.example.com:9000): the storage keys and every archive travel unencrypted.'
      ]
    ],
    [
      'a container change',
      { ...azure },
      { ...azure, container: 'archives-2' },
      [
        'Archives recorded after the merge go to azure://acmearchives/archives-2; earlier ones stay where they are (azure://acmearchives/archives).'
      ]
    ],
    [
      'an account change',
      { ...azure },
      { ...azure, 'account-name': 'otherarchives' },
      [
        'Archives recorded after the merge go to azure://otherarchives/archives; earlier ones stay where they are (azure://acmearchives/archives).'
      ]
    ],
    [
      'a domain change',
      { ...azure },
      { ...azure, domain: 'core.usgovcloudapi.net' },
      [
        'Archives recorded after the merge go to azure://acmearchives/archives in core.usgovcloudapi.net; earlier ones stay where they are (azure://acmearchives/archives).'
      ]
    ],
    [
      'a type change',
      { ...s3 },
      { 'api-key': '46000001', type: 'azure', 'account-name': 'acmearchives', container: 'archives', fallback: 'opentok' },
      ['Archives recorded after the merge go to azure://acmearchives/archives; earlier ones stay where they are (s3://acme-archives).']
    ],
    [
      'a platform change',
      { ...s3 },
      { ...s3, 'api-key': undefined as unknown as string, 'application-id': appId },
      [
        `The platform changes: this entry now sets the target of the Vonage application ${appId} (signed with 'private-key'); the target of the OpenTok project 46000001 is left as it was.`
      ]
    ]
  ])('%s: each setting old → new, with its risk line', async (_name, before, after, risks) => {
    const clean = (settings: Record<string, string>) => Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined))
    const repo = repoOf({ [FILE]: file({ staging: clean(before) }) }, { [FILE]: file({ staging: clean(after) }) })
    const run = await planOnPullRequest(repo, { comment: 'off' })
    expect(run.code).toBe(0)
    expect(warnings(run)).toEqual(risks)
    // The summary shows the same lines, each value of the file as code.
    const plain = (text: string) => text.replace(/`/g, '')
    for (const risk of risks) expect(plain(run.summary)).toContain(plain(risk))
    expect(run.outputs.projects).toBe('["staging"]')
    expect(run.outputs['changed-projects']).toBe(JSON.stringify(risks.length === 0 && _name === 'certificate: none' ? [] : ['staging']))
  })

  it("shows the settings that change in the file's names, and a certificate by subject, fingerprint and expiry, never its text", async () => {
    const certificate = makeCertificate('rsa:2048', 100)
    const next = makeCertificate('rsa:2048', 200)
    const repo = repoOf(
      { [FILE]: file({ staging: { ...s3, certificate: 'certs/archive.pem' } }), 'certs/archive.pem': certificate },
      { [FILE]: file({ staging: { ...s3, certificate: 'certs/archive.pem', sse: 'none' } }), 'certs/archive.pem': next }
    )
    const run = await planOnPullRequest(repo, { comment: 'off' })
    expect(run.code).toBe(0)
    expect(run.outputs.changes).toBe('2')
    expect(run.summary).toMatch(/\| `sse` \| `s3` \| `none` \|/)
    expect(run.summary).toMatch(
      /\| `certificate` \| `CN=archives\.example\.com, O=Acme Video; SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}; expires \d{4}-\d{2}-\d{2}` \| `CN=archives\.example\.com, O=Acme Video; SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}; expires \d{4}-\d{2}-\d{2}` \|/
    )
    expect(warnings(run)).toEqual([
      'A new certificate: only the holder of its private key can decrypt archives recorded after the merge.',
      '`sse` is `none`: the storage does not encrypt archives at rest (SSE-S3); give `sse: s3` unless the service cannot.'
    ])
    const body = next.split('\n')[1]!
    expect(run.summary).not.toContain(body)
    expect(run.stdout).not.toContain(body)
    expect(run.summary).toContain('Given by inputs, never by the file: `api-secret`, `secret-key`.')
  })

  it('says when the certificate line is removed that the file no longer sets encryption', async () => {
    const repo = repoOf(
      { [FILE]: file({ staging: { ...s3, certificate: 'certs/a.pem' } }), 'certs/a.pem': makeCertificate('rsa:2048', 100) },
      { [FILE]: file({ staging: { ...s3 } }) }
    )
    const run = await planOnPullRequest(repo, { comment: 'off' })
    expect(warnings(run)).toEqual([
      'The certificate is removed from the file: the file no longer sets encryption, so the vendor keeps whatever certificate it has and nothing here puts it back.'
    ])
  })

  it('lists projects added and removed; a removed target is left as it was, with how to remove it', async () => {
    const repo = repoOf(
      { [FILE]: file({ staging: s3, legacy: { ...s3, 'api-key': '46000009' } }) },
      { [FILE]: file({ staging: s3, production: azure }) }
    )
    const run = await planOnPullRequest(repo, { comment: 'off' })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.projects!)).toEqual(['staging', 'production'])
    expect(JSON.parse(run.outputs['changed-projects']!)).toEqual(['production', 'legacy'])
    expect(JSON.parse(run.outputs['projects-to-apply']!)).toEqual(['production'])
    expect(run.summary).toContain('| `production` | added |')
    expect(run.summary).toContain('| `legacy` | removed |')
    expect(run.summary).toContain('| `staging` | no changes |')
    expect(warnings(run)).toContain(
      "Removed from the file: its archive upload target is left as it was (the action never removes one by itself). To remove it, run the action with `operation: delete` and this project's credentials."
    )
  })

  it('reports an unchanged file as no changes', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) }, { 'README.md': 'unrelated' })
    const run = await planOnPullRequest(repo, { comment: 'off' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ projects: '["staging"]', 'changed-projects': '[]', 'projects-to-apply': '[]', changes: '0' })
    expect(run.summary).toContain('### Archive target plan: No changes')
    expect(warnings(run)).toEqual([])
  })

  it('treats every project as new when the file is not at the base', async () => {
    const repo = repoOf({ 'README.md': 'before' }, { [FILE]: file({ staging: s3 }) })
    const run = await planOnPullRequest(repo, { comment: 'off' })
    expect(run.outputs['changed-projects']).toBe('["staging"]')
    expect(run.summary).toContain(`which has no ${FILE} (every project is new)`)
  })

  it('reads a base commit that is not in the checkout through the GitHub API', async () => {
    const repo = repoOf({ 'README.md': 'x' }, { [FILE]: file({ staging: { ...s3, fallback: 'none' } }) })
    const absent = 'abcdef0123456789abcdef0123456789abcdef01'
    github.setFile(absent, FILE, file({ staging: s3 }))
    const run = await planOnPullRequest(repo, { comment: 'off', base: absent })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('is not in the checkout; reading the base through the GitHub API.')
    expect(
      github.calls.some(call => call.path === `/repos/example-org/video-app/contents/.github%2Fopentok-archive-target.yml?ref=${absent}`)
    ).toBe(true)
    expect(run.outputs.changes).toBe('1')
    expect(warnings(run)).toEqual(['`fallback` is `none`: an archive whose upload fails is lost, with nothing kept in the vendor cloud.'])
  })

  it('fails when the base cannot be read at all, naming what to give', async () => {
    const repo = repoOf({ 'README.md': 'x' }, { [FILE]: file({ staging: s3 }) })
    const run = await planOnPullRequest(repo, { comment: 'off', base: 'abcdef0123456789abcdef0123456789abcdef02', 'github-token': '' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::Could not read .* the commit is not in the checkout and there is no 'github-token'/)
  })

  it('keeps one comment, created once and then updated in place', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) }, { [FILE]: file({ staging: { ...s3, bucket: 'other-archives' } }) })
    const first = await planOnPullRequest(repo)
    expect(first.code).toBe(0)
    expect(github.comments).toHaveLength(1)
    const comment = github.comments[0]!
    expect(comment.issue_number).toBe(7)
    expect(comment.body).toContain(`<!-- opentok-archive-target:plan file=${FILE} -->`)
    expect(comment.body).toMatch(/### Archive target plan: 1 project changes \(1 setting\), 1 risk to review/)
    expect(comment.body).toContain('<details><summary>Details</summary>')
    expect(first.stdout).toContain('Plan comment created: https://github.com/example-org/video-app/pull/7#issuecomment-')
    expect(comment.body).toContain('other-archives')
    // The next push to the pull request changes the file again.
    writeFileSync(join(repo.dir, FILE), file({ staging: { ...s3, fallback: 'none' } }))
    const second = await planOnPullRequest(repo)
    expect(second.stdout).toContain('Plan comment updated')
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0]!.body).toContain('| `fallback` | `opentok` | `none` |')
    expect(github.comments[0]!.body).not.toContain('other-archives')
  })

  it("with comment: changes, writes nothing for an unchanged file, and turns an earlier plan into 'no changes'", async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) }, { 'README.md': 'unrelated' })
    const quiet = await planOnPullRequest(repo)
    expect(quiet.stdout).toContain('No plan comment: no change, and no earlier plan comment to update.')
    expect(github.comments).toHaveLength(0)
    github.comments.push({
      id: 1,
      issue_number: 7,
      body: `<!-- opentok-archive-target:plan file=${FILE} -->\nold plan`,
      html_url: 'x',
      user: { login: 'github-actions[bot]', type: 'Bot' }
    })
    const refreshed = await planOnPullRequest(repo)
    expect(refreshed.stdout).toContain('Plan comment updated')
    expect(github.comments[0]!.body).toContain('### Archive target plan: No changes')
    const always = repoOf({ [FILE]: file({ staging: s3 }) }, { 'README.md': 'unrelated' })
    github.comments.length = 0
    await planOnPullRequest(always, { comment: 'always' })
    expect(github.comments).toHaveLength(1)
  })

  it('stays green with a notice on a fork, or when the token may not comment', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) }, { [FILE]: file({ staging: { ...s3, fallback: 'none' } }) })
    const fork = await planOnPullRequest(
      repo,
      {},
      { pull_request: { number: 7, base: { sha: repo.commits[0] }, head: { repo: { full_name: 'someone/video-app' } } } }
    )
    expect(fork.code).toBe(0)
    expect(fork.stdout).toContain(
      '::notice::The plan is in the job summary only: a pull request from a fork gets a token that may not comment.'
    )
    expect(github.calls).toHaveLength(0)
    expect(fork.summary).toContain('fallback')
    github.setReadOnly(true)
    const denied = await planOnPullRequest(repo)
    expect(denied.code).toBe(0)
    expect(denied.stdout).toMatch(
      /::notice::The plan is in the job summary only: the token may not comment on the pull request \(HTTP 403: Resource not accessible by integration.*'permissions: pull-requests: write'/
    )
  })

  it('refuses a secret added to the file, says to rotate it, and shows its value nowhere', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYzzSECRET'
    const repo = repoOf(
      { [FILE]: file({ staging: s3 }) },
      { [FILE]: file({ staging: { ...s3, 'secret-key': secret }, other: { ...s3, secretKey: `${secret}2` } }) }
    )
    const run = await planOnPullRequest(repo)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error title=Invalid setting%3A secret-key,file=\.github\/opentok-archive-target\.yml,line=7,col=5::.*holds the secret 'secret-key'.*rotate it/
    )
    expect(run.stdout).toMatch(/holds the secret 'secretKey'/)
    // The comment says the file does not validate, naming the setting, never its value.
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0]!.body).toContain("holds the secret 'secretKey' (its value is masked and not shown)")
    expect(findLeaks(run, [secret, `${secret}2`])).toEqual([])
    expect(github.everything()).not.toContain(secret)
  })

  it('reports every bad value of the head file in one run, with file, line and column', async () => {
    const repo = repoOf(
      { [FILE]: file({ staging: s3 }) },
      { [FILE]: file({ staging: { ...s3, bucket: 'Bad_Bucket', sse: 'maybe' }, production: { ...azure, fallback: 'always' } }) }
    )
    const run = await planOnPullRequest(repo)
    expect(run.code).toBe(1)
    const errors = run.stdout.split('\n').filter(line => line.startsWith('::error title=Invalid setting'))
    expect(errors.map(line => /title=Invalid setting%3A ([a-z-]+)/.exec(line)?.[1])).toEqual(['bucket', 'sse', 'fallback'])
    expect(errors[0]).toMatch(/line=4,col=5::/)
    expect(errors[2]).toMatch(/line=13,col=5::/)
    expect(run.stdout).toContain("::error::3 problem(s) in the settings ('bucket', 'sse', 'fallback'); nothing was sent.")
  })

  it('never needs a secret, and warns when one is given to it', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) }, { [FILE]: file({ staging: s3 }) })
    const run = await planOnPullRequest(repo, { comment: 'off', 'api-secret': 'given-but-not-needed-0123' })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain("::warning::operation 'plan' uses no secret; remove 'api-secret' from this step")
    expect(findLeaks(run, ['given-but-not-needed-0123'])).toEqual([])
  })
})

describe('plan outside a pull request, through dist/', () => {
  it('compares with the before commit of a push, and needs base on other events', async () => {
    const repo = repoOf({ [FILE]: file({ staging: s3 }) }, { [FILE]: file({ staging: { ...s3, fallback: 'none' } }) })
    const env = { GITHUB_WORKSPACE: repo.dir, GITHUB_API_URL: github.url }
    const push = await runAction(
      { operation: 'plan', 'config-file': FILE },
      {
        cwd: repo.dir,
        env: { ...env, GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: repo.event({ before: repo.commits[0], after: repo.commits[1] }) }
      }
    )
    expect(push.code).toBe(0)
    expect(push.outputs['projects-to-apply']).toBe('["staging"]')
    expect(push.summary).toContain(`compared with commit ${repo.commits[0]!.slice(0, 7)}`)
    const created = await runAction(
      { operation: 'plan', 'config-file': FILE },
      { cwd: repo.dir, env: { ...env, GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: repo.event({ before: '0'.repeat(40) }) } }
    )
    expect(created.outputs['changed-projects']).toBe('["staging"]')
    const dispatch = await runAction(
      { operation: 'plan', 'config-file': FILE },
      { cwd: repo.dir, env: { ...env, GITHUB_EVENT_NAME: 'workflow_dispatch' } }
    )
    expect(dispatch.code).toBe(1)
    expect(dispatch.stdout).toMatch(/::error title=Invalid input%3A base::'base' is required on a 'workflow_dispatch' run/)
    expect(readFileSync(join(repo.dir, FILE), 'utf8')).toContain('none')
  })
})
