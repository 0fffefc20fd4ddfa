/**
 * The pull-request host guard: a run with secrets on an event about a pull request may only send
 * signed requests to the storage host the configuration file had at the pull request's base
 * ('endpoint'; on Amazon S3, 'bucket'; 'account-name' and 'domain' on Azure), read from the
 * checkout or through the contents API. Each refusal is stated with its exact message, at the
 * setting's line. The guard in a whole run is in main.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Plan } from '../../src/plan.js'
import { hostChangedByPullRequest, type GuardInput } from '../../src/review/host-guard.js'
import type { Origin } from '../../src/sources/settings.js'
import { startGitHubStandIn } from '../support/github-standin.js'
import { s3Plan } from '../support/plans.js'
import { scratchRepo, type ScratchRepo } from '../support/scratch-repo.js'

const FILE = '.github/opentok-archive-target.yml'
const project = { apiKey: '46000077', apiSecret: 'host-guard-api-secret-0a1b2c3d' }
const token = 'ghs_hostGuardToken0123456789'

const s3Entry = (name: string, endpoint?: string) =>
  `  ${name}:\n    api-key: "${project.apiKey}"\n    bucket: acme-archives\n    access-key: AKIAGUARD01\n${endpoint === undefined ? '' : `    endpoint: ${endpoint}\n`}`
const azureEntry = (name: string, domain?: string) =>
  `  ${name}:\n    api-key: "${project.apiKey}"\n    type: azure\n    account-name: acmearchives\n    container: archives\n${domain === undefined ? '' : `    domain: ${domain}\n`}`
const BASE_FILE = `projects:\n${s3Entry('staging', 'https://storage.example.com')}${s3Entry('plain')}${azureEntry('blob')}`

let repo: ScratchRepo
let github: Awaited<ReturnType<typeof startGitHubStandIn>>
beforeAll(async () => {
  repo = scratchRepo([{ [FILE]: BASE_FILE }])
  github = await startGitHubStandIn({ token })
})
afterAll(async () => {
  repo.remove()
  await github.close()
})

const pullRequestEnv = (baseSha: string | undefined = repo.commits[0]) => ({
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: repo.event({ number: 3, pull_request: { number: 3, base: { sha: baseSha } } })
})

const fromFile: (setting: string) => Origin = () => ({ kind: 'file', file: FILE, project: 'staging', line: 3 })

function guard(plan: Plan, overrides: Partial<GuardInput> = {}) {
  return hostChangedByPullRequest({
    plan,
    file: FILE,
    project: 'staging',
    origin: fromFile,
    workspace: repo.dir,
    env: pullRequestEnv(),
    token: '',
    now: new Date(),
    mask: () => undefined,
    ...overrides
  })
}

const s3With = (endpoint?: string) =>
  s3Plan({
    target: { type: 's3', bucket: 'acme-archives', accessKey: 'AKIAGUARD01', secretKey: 'k', sse: 's3', ...(endpoint ? { endpoint } : {}) }
  })
const azureWith = (domain?: string) =>
  s3Plan({
    target: { type: 'azure', accountName: 'acmearchives', accountKey: 'a2V5', container: 'archives', ...(domain ? { domain } : {}) }
  })

const TAIL = "Review the change with 'operation: plan' or a dry run without secrets; the target is set after merge, from reviewed code."
const PREFIX = 'A run about a pull request may not send signed requests to a storage host the pull request introduced:'
/** Where fromFile says every setting is. */
const AT = { file: FILE, line: 3 }

describe('hostChangedByPullRequest', () => {
  it('refuses an endpoint the base did not have, naming both and the base commit', async () => {
    expect(await guard(s3With('https://attacker.example.net'))).toEqual({
      ...AT,
      input: 'endpoint',
      message: `${PREFIX} 'endpoint' of project 'staging' in ${FILE} is https://attacker.example.net here but https://storage.example.com at the base (${repo.commits[0]!.slice(0, 7)}). ${TAIL}`
    })
  })

  it('refuses an endpoint added to a project that had none', async () => {
    expect((await guard(s3With('https://new.example.org'), { project: 'plain' }))?.message).toContain(
      `'endpoint' of project 'plain' in ${FILE} is https://new.example.org here but not set at the base`
    )
  })

  it('refuses an Azure domain the base did not have', async () => {
    expect(await guard(azureWith('core.usgovcloudapi.net'), { project: 'blob' })).toMatchObject({
      input: 'domain',
      message: expect.stringContaining(`'domain' of project 'blob' in ${FILE} is core.usgovcloudapi.net here but not set at the base`)
    })
  })

  it('refuses a project the base did not have at all', async () => {
    expect((await guard(s3With('https://storage.example.com'), { project: 'brand-new' }))?.message).toContain(
      'is https://storage.example.com here but not set at the base'
    )
  })

  it('lets through the host the base already had, and a plan with no host of its own', async () => {
    expect(await guard(s3With('https://storage.example.com'))).toBeUndefined()
    expect(await guard(s3With(undefined), { project: 'plain' })).toBeUndefined()
    expect(await guard(azureWith(undefined), { project: 'blob' })).toBeUndefined()
  })

  it('does not judge a host the workflow gives as an input', async () => {
    expect(await guard(s3With('https://attacker.example.net'), { origin: () => ({ kind: 'input' }) })).toBeUndefined()
  })

  it('refuses when the base cannot be told', async () => {
    expect(await guard(s3With('https://storage.example.com'), { env: { GITHUB_EVENT_NAME: 'pull_request' } })).toEqual({
      ...AT,
      input: 'endpoint',
      message: `${PREFIX} the base of this pull request could not be told, so 'endpoint' cannot be compared with it. ${TAIL}`
    })
  })

  it('refuses when the base commit is not in the checkout and there is no token to read it', async () => {
    const missing = 'f'.repeat(40)
    expect(await guard(s3With('https://storage.example.com'), { env: pullRequestEnv(missing) })).toEqual({
      ...AT,
      input: 'endpoint',
      message: `${PREFIX} the file at the base commit fffffff could not be read (not in the checkout, and no 'github-token'). ${TAIL}`
    })
  })

  it('reads the base through the contents API when the checkout lacks it', async () => {
    const missing = 'e'.repeat(40)
    github.setFile(missing, FILE, BASE_FILE)
    const env = { ...pullRequestEnv(missing), GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'example-org/video-app' }
    expect(await guard(s3With('https://storage.example.com'), { env, token })).toBeUndefined()
    expect((await guard(s3With('https://elsewhere.example'), { env, token }))?.message).toContain(
      'is https://elsewhere.example here but https://storage.example.com at the base (eeeeeee)'
    )
    expect(github.calls.some(call => call.path.includes(`/contents/${FILE.replace(/\//g, '%2F')}`) || call.path.includes(FILE))).toBe(true)
  })

  it('refuses, saying why, when the base cannot be read through the API', async () => {
    const missing = 'd'.repeat(40)
    const env = { ...pullRequestEnv(missing), GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'example-org/video-app' }
    const refused = await guard(s3With('https://storage.example.com'), { env, token: 'ghs_wrong' })
    expect(refused?.input).toBe('endpoint')
    expect(refused?.message).toMatch(
      /^A run about a pull request may not send signed requests to a storage host the pull request introduced: the file at the base could not be read \(/
    )
  })
})

describe('a base the repository does not know', () => {
  it('is refused, saying so: a force push may have replaced it', async () => {
    const unknown = 'c'.repeat(40)
    const env = { ...pullRequestEnv(unknown), GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'example-org/video-app' }
    expect(await guard(s3With('https://storage.example.com'), { env, token })).toEqual({
      ...AT,
      input: 'endpoint',
      message: `${PREFIX} the file at the base could not be read (the repository does not know the commit cccccccccccc). ${TAIL}`
    })
  })
})

describe('hostChangedByPullRequest at its edges', () => {
  let bare: ScratchRepo
  beforeAll(() => {
    // The base commit has no configuration file; the pull request adds it.
    bare = scratchRepo([{ 'README.md': 'x' }, { [FILE]: BASE_FILE }])
  })
  afterAll(() => bare.remove())
  const noBase = { GITHUB_EVENT_NAME: 'pull_request' }

  it('judges nothing when every setting that names a host came from inputs, even when the base cannot be told', async () => {
    const origin = (setting: string): Origin =>
      ['bucket', 'endpoint', 'account-name', 'domain'].includes(setting) ? { kind: 'input' } : fromFile(setting)
    expect(await guard(s3With(undefined), { project: 'plain', env: noBase, origin })).toBeUndefined()
    expect(await guard(azureWith('core.usgovcloudapi.net'), { project: 'blob', env: noBase, origin })).toBeUndefined()
  })

  it("names the Azure account, then 'domain', in each refusal of an Azure host", async () => {
    const blob = azureWith('core.usgovcloudapi.net')
    expect((await guard(blob, { project: 'blob', env: noBase }))?.input).toBe('account-name')
    expect((await guard(blob, { project: 'blob', env: pullRequestEnv('9'.repeat(40)) }))?.input).toBe('account-name')
    const env = { ...pullRequestEnv('8'.repeat(40)), GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'example-org/video-app' }
    expect(await guard(blob, { project: 'blob', env, token: 'ghs_wrong' })).toMatchObject({
      input: 'account-name',
      message: expect.stringMatching(/the file at the base could not be read \(/)
    })
    // The account is the base's; the domain it moved to is named.
    expect(await guard(blob, { project: 'blob' })).toMatchObject({ input: 'domain' })
  })

  it('refuses an Amazon bucket or an Azure account the base did not have, naming both', async () => {
    const bucket = s3Plan({ target: { type: 's3', bucket: 'attacker-bucket', accessKey: 'AKIAGUARD01', secretKey: 'k', sse: 's3' } })
    expect(await guard(bucket, { project: 'plain' })).toEqual({
      ...AT,
      input: 'bucket',
      message: `${PREFIX} 'bucket' of project 'plain' in ${FILE} is attacker-bucket here but acme-archives at the base (${repo.commits[0]!.slice(0, 7)}). ${TAIL}`
    })
    const account = s3Plan({ target: { type: 'azure', accountName: 'attackerstore', accountKey: 'a2V5', container: 'archives' } })
    expect((await guard(account, { project: 'blob' }))?.message).toContain(
      `'account-name' of project 'blob' in ${FILE} is attackerstore here but acmearchives at the base`
    )
    // Behind an endpoint, the bucket is a path on the same host: it is not judged.
    const sameHost = s3Plan({
      target: {
        type: 's3',
        bucket: 'other-bucket',
        accessKey: 'AKIAGUARD01',
        secretKey: 'k',
        sse: 's3',
        endpoint: 'https://storage.example.com'
      }
    })
    expect(await guard(sameHost)).toBeUndefined()
  })

  it('reads nothing through the API without a token, or without a repository to read from', async () => {
    const missing = '7'.repeat(40)
    const refusal = `${PREFIX} the file at the base commit 7777777 could not be read (not in the checkout, and no 'github-token'). ${TAIL}`
    github.calls.length = 0
    const tokenless = { ...pullRequestEnv(missing), GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'example-org/video-app' }
    expect(await guard(s3With('https://storage.example.com'), { env: tokenless })).toEqual({ ...AT, input: 'endpoint', message: refusal })
    const nowhere = { ...pullRequestEnv(missing), GITHUB_API_URL: github.url }
    expect(await guard(s3With('https://storage.example.com'), { env: nowhere, token })).toEqual({
      ...AT,
      input: 'endpoint',
      message: refusal
    })
    expect(github.calls).toEqual([])
  })

  it('refuses a host of a file the base commit did not have', async () => {
    const env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: bare.event({ number: 4, pull_request: { number: 4, base: { sha: bare.commits[0] } } })
    }
    expect((await guard(s3With('https://storage.example.com'), { workspace: bare.dir, env }))?.message).toContain(
      `'endpoint' of project 'staging' in ${FILE} is https://storage.example.com here but not set at the base (${bare.commits[0]!.slice(0, 7)}).`
    )
  })
})
