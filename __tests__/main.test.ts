/**
 * run() in process with its collaborators handed in, for what every run shares: property-based
 * fuzzing of every input with arbitrary strings (the action never throws, never prints a stack
 * trace, and either sends a request the stand-in accepts or fails with an ::error:: that names an
 * input; dist/fuzz.test.ts runs the same through the committed dist/), and the pull-request host
 * guard, which judges a run with secrets before any request.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { Transport, type HttpAnswer } from '../src/http.js'
import type { StorageVerifier } from '../src/main.js'
import { expectAcceptable, inputsArbitrary, project, type Outcome } from './support/fuzz-inputs.js'
import { runInProcess } from './support/in-process.js'
import { startStandIn } from './support/opentok-standin.js'
import { scratchRepo, type ScratchRepo } from './support/scratch-repo.js'

let standIn: Awaited<ReturnType<typeof startStandIn>>
beforeAll(async () => {
  standIn = await startStandIn(project)
})
afterAll(() => standIn.close())

/** Sends only to the stand-in: a fuzzed api-url that passes validation must not reach the network. */
class LoopbackOnlyTransport extends Transport {
  blocked = 0
  override async once(
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | Buffer | undefined,
    timeoutMs: number
  ): Promise<HttpAnswer> {
    if (!url.startsWith(`${standIn.url}/`)) {
      this.blocked++
      throw Object.assign(new Error('blocked by the test: not the stand-in'), { code: 'TEST_BLOCKED' })
    }
    return super.once(method, url, headers, body, timeoutMs)
  }
}

const tally: Record<Outcome, number> = { sent: 0, dry: 0, blocked: 0, wrongSecret: 0, refused: 0 }

const passingCheck: StorageVerifier = async () => ({ verified: 'true', summary: 'stubbed for fuzzing' })

describe('fuzzed inputs', () => {
  it('in process: never throws or shows a stack; a request the stand-in accepts, or an ::error:: naming an input', async () => {
    await fc.assert(
      fc.asyncProperty(inputsArbitrary(fc.constant('')), async generated => {
        const inputs: Record<string, string> = { ...generated, 'api-url': generated['api-url'] || standIn.url, 'max-attempts': '1' }
        standIn.requests.length = 0
        const transport = new LoopbackOnlyTransport()
        const result = await runInProcess(inputs, { transport, verifyStorage: passingCheck })
        tally[expectAcceptable(standIn, inputs, result.stdout, result.exitCode, transport.blocked)]++
      }),
      { numRuns: 300 }
    )
    // The generator must reach both sides: requests sent and inputs refused.
    expect(tally.sent + tally.dry).toBeGreaterThan(10)
    expect(tally.refused).toBeGreaterThan(10)
  })
})

describe('the guard in a run', () => {
  const FILE = '.github/opentok-archive-target.yml'
  const project = { apiKey: '46000077', apiSecret: 'host-guard-api-secret-0a1b2c3d' }

  const s3Entry = (name: string, endpoint?: string) =>
    `  ${name}:\n    api-key: "${project.apiKey}"\n    bucket: acme-archives\n    access-key: AKIAGUARD01\n${endpoint === undefined ? '' : `    endpoint: ${endpoint}\n`}`
  const azureEntry = (name: string, domain?: string) =>
    `  ${name}:\n    api-key: "${project.apiKey}"\n    type: azure\n    account-name: acmearchives\n    container: archives\n${domain === undefined ? '' : `    domain: ${domain}\n`}`
  const BASE_FILE = `projects:\n${s3Entry('staging', 'https://storage.example.com')}${s3Entry('plain')}${azureEntry('blob')}`

  let repo: ScratchRepo
  let standIn: Awaited<ReturnType<typeof startStandIn>>
  beforeAll(async () => {
    repo = scratchRepo([{ [FILE]: BASE_FILE }])
    standIn = await startStandIn(project)
  })
  afterAll(async () => {
    repo.remove()
    await standIn.close()
  })
  beforeEach(() => {
    standIn.requests.length = 0
  })

  const pullRequestEnv = (baseSha: string | undefined = repo.commits[0]) => ({
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: repo.event({ number: 3, pull_request: { number: 3, base: { sha: baseSha } } })
  })

  const run = (head: string, inputs: Record<string, string>, env: Record<string, string> = pullRequestEnv()) => {
    writeFileSync(join(repo.dir, FILE), head)
    return runInProcess(
      { 'api-url': standIn.url, verify: 'false', 'config-file': FILE, project: 'staging', ...inputs },
      { env: { ...env }, workspace: repo.dir }
    )
  }
  const secrets = { 'api-secret': project.apiSecret, 'secret-key': 'guard/secret+key' }

  it('refuses a dry run with secrets before any request, as a refused setting of the file, at its line', async () => {
    const refused = await run(`projects:\n${s3Entry('staging', 'https://attacker.example.net')}`, { ...secrets, 'dry-run': 'true' })
    expect(refused.exitCode).toBe(1)
    expect(refused.stdout).toContain(
      "::error title=Invalid setting%3A endpoint,file=.github/opentok-archive-target.yml,line=6,col=5::.github/opentok-archive-target.yml line 6, column 5: A run about a pull request may not send signed requests to a storage host the pull request introduced: 'endpoint' of project 'staging'"
    )
    expect(standIn.requests).toHaveLength(0)
  })

  it('refuses a set on a pull request whatever the file says, before the hosts are even compared', async () => {
    const refused = await run(BASE_FILE, secrets)
    expect(refused.exitCode).toBe(1)
    expect(refused.stdout).toContain("::error title=Invalid input%3A operation::operation 'set' is refused on a 'pull_request' run")
    expect(standIn.requests).toHaveLength(0)
  })

  it.each(['pull_request', 'pull_request_target', 'pull_request_review'])('judges %s runs', async event => {
    const refused = await run(
      `projects:\n${s3Entry('staging', 'https://attacker.example.net')}`,
      { ...secrets, 'dry-run': 'true' },
      {
        ...pullRequestEnv(),
        GITHUB_EVENT_NAME: event
      }
    )
    expect(refused.exitCode).toBe(1)
    expect(refused.stdout).toContain('may not send signed requests to a storage host the pull request introduced')
  })

  it('lets a dry run with the base’s host through', async () => {
    const passed = await run(BASE_FILE, { ...secrets, 'dry-run': 'true' })
    expect(passed.exitCode).toBe(0)
    expect(passed.stdout).toContain(`Dry run: would send PUT ${standIn.url}/v2/project/${project.apiKey}/archive/storage`)
  })

  it('skips the storage check of a dry run about a pull request, since it writes a probe object; a push runs it', async () => {
    let checks = 0
    const counting: StorageVerifier = async () => {
      checks++
      return { verified: 'true', summary: 'counted' }
    }
    const inputs = { 'api-url': standIn.url, verify: 'true', 'config-file': FILE, project: 'staging', ...secrets, 'dry-run': 'true' }
    writeFileSync(join(repo.dir, FILE), BASE_FILE)
    const review = await runInProcess(inputs, {
      env: { ...pullRequestEnv(), GITHUB_EVENT_NAME: 'pull_request_review' },
      workspace: repo.dir,
      verifyStorage: counting
    })
    expect(review.exitCode).toBe(0)
    expect(checks).toBe(0)
    expect(review.stdout).toContain(
      "::notice::Storage check skipped: it writes and deletes a probe object, and a run about a pull request ('pull_request_review') writes nothing."
    )
    expect(review.stdout).toContain('::set-output name=verified::skipped')
    const push = await runInProcess(inputs, { env: { GITHUB_EVENT_NAME: 'push' }, workspace: repo.dir, verifyStorage: counting })
    expect(push.exitCode).toBe(0)
    expect(checks).toBe(1)
    expect(push.stdout).not.toContain('Storage check skipped')
  })

  it('does not judge a dry run without secrets, a push, or plain inputs', async () => {
    const head = `projects:\n${s3Entry('staging', 'https://attacker.example.net')}`
    expect((await run(head, { 'dry-run': 'true' })).stdout).not.toContain('may not send signed requests')
    const push = await run(head, { ...secrets, 'dry-run': 'true' }, { GITHUB_EVENT_NAME: 'push' })
    expect(push.stdout).not.toContain('may not send signed requests')
    writeFileSync(join(repo.dir, FILE), BASE_FILE)
    const plain = await runInProcess(
      {
        'api-url': standIn.url,
        verify: 'false',
        'api-key': project.apiKey,
        ...secrets,
        bucket: 'acme-archives',
        'access-key': 'AKIAGUARD01',
        endpoint: 'https://attacker.example.net',
        'dry-run': 'true'
      },
      { env: pullRequestEnv(), workspace: repo.dir }
    )
    expect(plain.stdout).not.toContain('may not send signed requests')
  })

  it.each(['api-secret', 'secret-key'])('judges a run that holds only %s', async name => {
    const head = `projects:\n${s3Entry('staging', 'https://attacker.example.net')}`
    const refused = await run(head, { [name]: name === 'api-secret' ? project.apiSecret : 'guard/secret+key', 'dry-run': 'true' })
    expect(refused.stdout).toContain('A run about a pull request may not send signed requests')
  })
})
