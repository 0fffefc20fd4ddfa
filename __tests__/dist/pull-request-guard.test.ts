/**
 * The pull-request host guard through the committed dist/: a dry run given secrets on a pull
 * request cannot send signed requests to a storage host the branch introduced (a set is refused
 * on such events outright: untrusted-data.test.ts). The guard in process is in
 * review/host-guard.test.ts and main.test.ts.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { startStandIn } from '../support/opentok-standin.js'
import { runAction } from '../support/run-action.js'
import { scratchRepo, type ScratchRepo } from '../support/scratch-repo.js'

const FILE = '.github/opentok-archive-target.yml'
const project = { apiKey: '46000055', apiSecret: 'round-two-api-secret-0a1b2c3d4e' }
const s3 = { bucket: 'acme-archives', 'access-key': 'AKIAROUNDTWO01', 'secret-key': 'round/two/secret+key/0a1b2c3d' }

let standIn: Awaited<ReturnType<typeof startStandIn>>
const cleanup: Array<() => void> = []
beforeAll(async () => {
  standIn = await startStandIn(project)
})
afterAll(async () => {
  await standIn.close()
  for (const remove of cleanup) remove()
})
beforeEach(() => {
  standIn.requests.length = 0
})

describe('a pull request cannot move signed requests to a host it introduced', () => {
  const entry = (endpoint?: string) =>
    `projects:\n  staging:\n    api-key: "${project.apiKey}"\n    bucket: acme-archives\n    access-key: AKIAROUNDTWO01\n${endpoint === undefined ? '' : `    endpoint: ${endpoint}\n`}`
  const plain = (endpoint?: string) =>
    `  plain:\n    api-key: "${project.apiKey}"\n    bucket: plain-archives\n    access-key: AKIAPLAIN\n${endpoint === undefined ? '' : `    endpoint: ${endpoint}\n`}`
  const blob = (domain?: string) =>
    `  blob:\n    api-key: "${project.apiKey}"\n    type: azure\n    account-name: acmearchives\n    container: archives\n${domain === undefined ? '' : `    domain: ${domain}\n`}`
  let repo: ScratchRepo
  const onPullRequest = (inputs: Record<string, string>, head: string) => {
    writeFileSync(join(repo.dir, FILE), head)
    return runAction(
      { 'api-url': standIn.url, verify: 'false', 'config-file': FILE, project: 'staging', ...inputs },
      {
        node: inject('node24'),
        cwd: repo.dir,
        env: {
          GITHUB_WORKSPACE: repo.dir,
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: repo.event({ number: 3, pull_request: { number: 3, base: { sha: repo.commits[0] } } })
        }
      }
    )
  }
  beforeAll(() => {
    repo = scratchRepo([{ [FILE]: `${entry('https://storage.example.com')}${plain()}${blob()}` }])
    cleanup.push(() => repo.remove())
  })

  it('refuses a run with secrets whose file changes endpoint, before any request', async () => {
    const run = await onPullRequest(
      { 'api-secret': project.apiSecret, 'secret-key': s3['secret-key'], 'dry-run': 'true' },
      entry('https://attacker.example.net')
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error title=Invalid setting%3A endpoint,file=\.github\/opentok-archive-target\.yml,line=6,col=5::\.github\/opentok-archive-target\.yml line 6, column 5: A run about a pull request may not send signed requests to a storage host the pull request introduced: 'endpoint' of project 'staging' in \.github\/opentok-archive-target\.yml is https:\/\/attacker\.example\.net here but https:\/\/storage\.example\.com at the base \([0-9a-f]{7}\)\. Review the change with 'operation: plan'/
    )
    expect(standIn.requests).toHaveLength(0)
    expect(run.outputs.result).toBe('refused')
  })

  it('refuses a host added to a project, and lets through the host the base already had', async () => {
    const secrets = { 'api-secret': project.apiSecret, 'secret-key': s3['secret-key'], 'dry-run': 'true' }
    const added = await onPullRequest(
      { ...secrets, project: 'plain' },
      `${entry('https://storage.example.com')}${plain('https://new-host.example.org')}`
    )
    expect(added.code).toBe(1)
    expect(added.stdout).toContain(
      "'endpoint' of project 'plain' in .github/opentok-archive-target.yml is https://new-host.example.org here but not set at the base"
    )
    const azure = await onPullRequest(
      { ...secrets, 'secret-key': '', 'account-key': 'YWNjb3VudC1rZXk=', project: 'blob' },
      `${entry('https://storage.example.com')}${blob('core.usgovcloudapi.net')}`
    )
    expect(azure.code).toBe(1)
    expect(azure.stdout).toContain("'domain' of project 'blob'")
    expect(standIn.requests).toHaveLength(0)
    const same = await onPullRequest(secrets, `${entry('https://storage.example.com')}${plain()}`)
    expect(same.code).toBe(0)
    expect(same.stdout).toContain(`Dry run: would send PUT ${standIn.url}/v2/project/${project.apiKey}/archive/storage`)
  })

  it('does not judge a run without secrets, nor an endpoint the workflow gives as an input', async () => {
    const dry = await onPullRequest({ 'dry-run': 'true' }, entry('https://attacker.example.net'))
    expect(dry.code).toBe(0)
    expect(dry.stdout).not.toContain('may not send signed requests')
  })
})
