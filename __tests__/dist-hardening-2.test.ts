/**
 * The second round of hardening (issue 16), through the committed dist/ under Node 24 as a runner
 * runs it: a pull request's branch cannot move signed requests to another host, secrets in the
 * file in any spelling, outputs that never read like success after a failure, every problem at
 * once, the one-step pattern with repository-wide secrets, certificate paths and links, limits on
 * every input, and messages that name the right thing.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { makeCertificate } from './support/certificates.js'
import { startLoopbackProxy } from './support/loopback-proxy.js'
import { startStandIn } from './support/opentok-standin.js'
import { findLeaks, runAction, type ActionRun } from './support/run-action.js'
import { scratchRepo, type ScratchRepo } from './support/scratch-repo.js'

const FILE = '.github/opentok-archive-target.yml'
const project = { apiKey: '46000055', apiSecret: 'round-two-api-secret-0a1b2c3d4e' }
const s3 = { bucket: 'acme-archives', 'access-key': 'AKIAROUNDTWO01', 'secret-key': 'round/two/secret+key/0a1b2c3d' }
const appId = 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b'

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

const act = (inputs: Record<string, string>, options: { env?: Record<string, string>; cwd?: string } = {}): Promise<ActionRun> =>
  runAction(
    { 'api-key': project.apiKey, 'api-secret': project.apiSecret, 'api-url': standIn.url, verify: 'false', ...s3, ...inputs },
    { node: inject('node24'), ...options }
  )
const errorsOf = (run: ActionRun) => run.stdout.split('\n').filter(line => line.startsWith('::error'))

function workspaceWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'round-two-'))
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

/** Runs from a configuration file: the file's entry plus these inputs, with no target input. */
const fromFile = (workspace: string, inputs: Record<string, string>, env: Record<string, string> = {}) =>
  runAction(
    { 'api-url': standIn.url, verify: 'false', 'config-file': FILE, ...inputs },
    { node: inject('node24'), env: { GITHUB_WORKSPACE: workspace, ...env } }
  )

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
      { 'api-secret': project.apiSecret, 'secret-key': s3['secret-key'] },
      entry('https://attacker.example.net')
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error title=Invalid input%3A endpoint::A pull request may not send signed requests to a storage host it introduced: 'endpoint' of project 'staging' in \.github\/opentok-archive-target\.yml is https:\/\/attacker\.example\.net here but https:\/\/storage\.example\.com at the base \([0-9a-f]{7}\)\. Review the change with 'operation: plan'/
    )
    expect(standIn.requests).toHaveLength(0)
    expect(run.outputs.result).toBe('refused')
  })

  it('refuses a host added to a project, and lets through the host the base already had', async () => {
    const secrets = { 'api-secret': project.apiSecret, 'secret-key': s3['secret-key'] }
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
    expect(standIn.requests.length).toBeGreaterThan(0)
  })

  it('does not judge a run without secrets, nor an endpoint the workflow gives as an input', async () => {
    const dry = await onPullRequest({ 'dry-run': 'true' }, entry('https://attacker.example.net'))
    expect(dry.code).toBe(0)
    expect(dry.stdout).not.toContain('A pull request may not')
  })
})

describe('secrets in the configuration file, in any spelling', () => {
  it.each([
    ['secret_key', 'secret-key'],
    ['SecretKey', 'secret-key'],
    ['secretKey', 'secret-key'],
    ['api_secret', 'api-secret'],
    ['apiSecret', 'api-secret'],
    ['privateKey', 'private-key'],
    ['account_key', 'account-key'],
    ['GITHUB_TOKEN', 'github-token']
  ])("refuses '%s' as the secret '%s', masked, with 'rotate'", async (spelling, input) => {
    const value = `committed-secret-${spelling}-0a1b2c3d4e5f`
    const workspace = workspaceWith({
      [FILE]: `projects:\n  p:\n    api-key: "${project.apiKey}"\n    bucket: acme-archives\n    access-key: AK\n    ${spelling}: ${value}\n`
    })
    const run = await fromFile(workspace, { 'api-secret': project.apiSecret, 'secret-key': s3['secret-key'] })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`::error title=Invalid setting%3A ${input},file=${FILE},line=6,col=5::`)
    expect(run.stdout).toContain(`holds the secret '${spelling}'`)
    expect(run.stdout).toContain(`rotate it, since it has been committed, and pass the new one as the input '${input}'`)
    expect(run.stdout).not.toContain('unknown setting')
    expect(findLeaks(run, [value])).toEqual([])
    expect(standIn.requests).toHaveLength(0)
  })

  it('refuses a secret in a project that was not chosen', async () => {
    const value = 'committed-in-another-project-0a1b2c'
    const workspace = workspaceWith({
      [FILE]: `projects:\n  p:\n    api-key: "${project.apiKey}"\n    bucket: acme-archives\n    access-key: AK\n  other:\n    api-key: "46000056"\n    secretKey: ${value}\n`
    })
    const run = await fromFile(workspace, { project: 'p', 'api-secret': project.apiSecret, 'secret-key': s3['secret-key'] })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("project 'other' holds the secret 'secretKey'")
    expect(findLeaks(run, [value])).toEqual([])
  })
})

describe('outputs that never read like success after a failure', () => {
  it.each([
    ['a 403', [{ status: 403, body: '{}' }]],
    [
      'a 500 three times',
      [
        { status: 500, body: '{}' },
        { status: 500, body: '{}' },
        { status: 500, body: '{}' }
      ]
    ]
  ])('%s: result failed, and no target', async (_name, answers) => {
    standIn.answer(...answers)
    const run = await act({})
    expect(run.outputs).toMatchObject({ result: 'failed', target: '', attempts: String(answers.length) })
  })

  it('no answer: failed, and no target', async () => {
    const run = await act({ 'api-url': 'http://127.0.0.1:9', 'max-attempts': '1' })
    expect(run.outputs).toMatchObject({ result: 'failed', target: '', status: '' })
    expect(run.stdout).toMatch(
      /::error::PUT http:\/\/127\.0\.0\.1:9\/.* got no answer after 1 attempt\(s\): ECONNREFUSED.* The vendor's address is 'api-url' \(http:\/\/127\.0\.0\.1:9\): check it/
    )
  })

  it('accepted without the storage check is unverified; with it, set; a dry run and a delete say so', async () => {
    expect((await act({})).outputs).toMatchObject({ result: 'unverified', target: 's3://acme-archives' })
    expect((await act({ 'dry-run': 'true' })).outputs).toMatchObject({ result: 'dry-run', target: 's3://acme-archives' })
    expect((await act({ operation: 'delete', bucket: '', 'access-key': '', 'secret-key': '' })).outputs).toMatchObject({
      result: 'deleted',
      target: ''
    })
    expect((await act({ bucket: 'Bad_Bucket' })).outputs).toMatchObject({ result: 'refused', target: '' })
  })

  it('sends a DELETE without a content type', async () => {
    await act({ operation: 'delete', bucket: '', 'access-key': '', 'secret-key': '' })
    expect(standIn.requests[0]!.method).toBe('DELETE')
    expect(standIn.requests[0]!.headers['content-type']).toBeUndefined()
    expect(standIn.violations()).toEqual([])
  })
})

describe('S3-compatible services without server-side encryption', () => {
  let server: ReturnType<typeof createServer>
  let url: string
  const seen: Array<{ method: string; headers: IncomingHttpHeaders }> = []
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ method: req.method ?? '', headers: req.headers })
      req.resume()
      if (req.headers['x-amz-server-side-encryption'] !== undefined) {
        res.writeHead(501, { 'content-type': 'application/xml' })
        res.end(
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NotImplemented</Code><Message>A header you provided implies functionality that is not implemented</Message></Error>'
        )
        return
      }
      res.writeHead(req.method === 'DELETE' ? 204 : 200).end()
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))

  it('does not retry 501, shows the service message, and suggests sse: none', async () => {
    seen.length = 0
    const run = await act({ verify: 'true', endpoint: url })
    expect(run.code).toBe(1)
    expect(seen).toHaveLength(1)
    expect(errorsOf(run).join('\n')).toContain(
      'was refused with NotImplemented (HTTP 501): the service does not implement something the request asked for. The service said: "A header you provided implies functionality that is not implemented". The write carried x-amz-server-side-encryption: AES256'
    )
    expect(errorsOf(run).join('\n')).toContain("set 'sse: none' for it.")
    expect(standIn.requests).toHaveLength(0)
    const fixed = await act({ verify: 'true', endpoint: url, sse: 'none' })
    expect(fixed.code).toBe(0)
  })
})

describe('every problem at once', () => {
  it('reports a type problem in the file with the value problems of the same entry', async () => {
    const workspace = workspaceWith({
      [FILE]: `projects:\n  p:\n    api-key: "${project.apiKey}"\n    bucket: 12345\n    access-key: AK\n    sse: maybe\n    fallback: always\n`
    })
    const run = await fromFile(workspace, { 'api-secret': project.apiSecret, 'secret-key': s3['secret-key'] })
    expect(
      errorsOf(run)
        .map(line => /Invalid setting%3A ([a-z-]+)/.exec(line)?.[1])
        .filter(Boolean)
    ).toEqual(['bucket', 'fallback', 'sse'])
    expect(run.stdout).toContain("::error::3 problem(s) in the settings ('bucket', 'fallback', 'sse'); nothing was sent.")
  })

  it('reports a conflict with the value problems of the file', async () => {
    const workspace = workspaceWith({
      [FILE]: `projects:\n  p:\n    api-key: "${project.apiKey}"\n    bucket: acme-archives\n    access-key: AK\n    max-attempts: 99\n`
    })
    const run = await fromFile(workspace, { 'api-secret': project.apiSecret, 'secret-key': s3['secret-key'], bucket: 'other-bucket' })
    expect(run.stdout).toContain("'bucket' is set both in")
    expect(run.stdout).toContain("'max-attempts' must be a whole number from 1 to 10; got '99'.")
  })
})

describe('one step for every project, with repository-wide secrets', () => {
  it("ignores, with a notice, a secret input the file's project cannot use", async () => {
    const { generateKeyPairSync } = await import('node:crypto')
    const workspace = workspaceWith({
      [FILE]: `projects:\n  s3project:\n    api-key: "${project.apiKey}"\n    bucket: acme-archives\n    access-key: AK\n  azureproject:\n    api-key: "${project.apiKey}"\n    type: azure\n    account-name: acmearchives\n    container: archives\n`
    })
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const secrets = {
      'api-secret': project.apiSecret,
      'private-key': pem,
      'secret-key': s3['secret-key'],
      'account-key': Buffer.from('an-azure-account-key').toString('base64')
    }
    const onS3 = await fromFile(workspace, { project: 's3project', ...secrets })
    expect(onS3.code).toBe(0)
    expect(onS3.stdout).toContain(
      "::notice::'private-key' is ignored: project 's3project' of .github/opentok-archive-target.yml is an OpenTok project (api-key)"
    )
    expect(onS3.stdout).toContain("::notice::'account-key' is ignored: project 's3project'")
    const onAzure = await fromFile(workspace, { project: 'azureproject', ...secrets })
    expect(onAzure.code).toBe(0)
    expect(onAzure.stdout).toContain(
      "::notice::'secret-key' is ignored: project 'azureproject' of .github/opentok-archive-target.yml is an Azure target"
    )
    expect(findLeaks(onAzure, [project.apiSecret, s3['secret-key'], secrets['account-key']])).toEqual([])
  })

  it('keeps plain inputs strict: both platforms given is refused', async () => {
    const run = await act({ 'application-id': appId })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Credentials of both platforms were given')
  })
})

describe('certificate paths and links', () => {
  it('says there is no such file for a value that looks like a path', async () => {
    const workspace = workspaceWith({ 'README.md': 'x' })
    const run = await act({ certificate: 'certs/archive' }, { env: { GITHUB_WORKSPACE: workspace } })
    expect(run.stdout).toContain("'certificate' names the file certs/archive, but there is no such file in the workspace")
  })

  it('accepts an absolute path inside the workspace, and refuses a link that leads outside it', async () => {
    const workspace = workspaceWith({ 'certs/archive.pem': makeCertificate('rsa:2048', 100) })
    const inside = await act({ certificate: join(workspace, 'certs', 'archive.pem') }, { env: { GITHUB_WORKSPACE: workspace } })
    expect(inside.code).toBe(0)
    const outside = workspaceWith({ 'cert.pem': makeCertificate('rsa:2048', 100), 'targets.yml': 'projects:\n  p:\n    api-key: "1"\n' })
    symlinkSync(join(outside, 'cert.pem'), join(workspace, 'certs', 'link.pem'))
    const linked = await act({ certificate: 'certs/link.pem' }, { env: { GITHUB_WORKSPACE: workspace } })
    expect(linked.stdout).toContain("'certificate' names certs/link.pem, a symbolic link that leads outside the workspace; it is not read.")
    symlinkSync(join(outside, 'targets.yml'), join(workspace, 'linked.yml'))
    const file = await runAction(
      { 'config-file': 'linked.yml', 'api-secret': 'x0000000' },
      { node: inject('node24'), env: { GITHUB_WORKSPACE: workspace } }
    )
    expect(file.stdout).toContain("'config-file' linked.yml is a symbolic link that leads outside the workspace; it is not read.")
  })
})

describe('limits on every input', () => {
  it('refuses a 100 kB project with the limit, echoing only its start', async () => {
    const run = await act({ project: 'p'.repeat(100_000) })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`'project' is 100000 characters long, starting '${'p'.repeat(40)}…'; it takes at most 64.`)
    expect(run.summary.length).toBeLessThan(5000)
    expect(run.stdout.length).toBeLessThan(5000)
  })

  it('refuses an over-long secret without echoing any of it', async () => {
    const key = 'k'.repeat(5000)
    const run = await act({ 'secret-key': key })
    expect(run.stdout).toContain("'secret-key' is 5000 characters long; it takes at most 1024.")
    expect(findLeaks(run, [key])).toEqual([])
  })
})

describe('messages that name the right thing', () => {
  it('names HTTPS_PROXY when it is not a URL', async () => {
    const run = await act({}, { env: { HTTPS_PROXY: 'not a url' } })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('The environment variable HTTPS_PROXY is not a proxy URL')
    expect(standIn.requests).toHaveLength(0)
  })

  it('names the SDK-style pair as it was given on a 401', async () => {
    const { generateKeyPairSync } = await import('node:crypto')
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    standIn.answer({ status: 401, body: '{}' })
    const run = await act({ 'api-key': appId, 'api-secret': pem })
    expect(run.stdout).toMatch(/answered 401: .*Check 'api-key' and 'api-secret'/)
  })

  it("names the platform and the mode in a Vonage dry run's log line and summary", async () => {
    const run = await act({ 'api-key': '', 'api-secret': '', 'application-id': appId, 'dry-run': 'true', 'secret-key': '' })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`Dry run of setting the archive upload target of Vonage application ${appId} through`)
    expect(run.summary).toContain('<h3>Vonage Video archive upload target (dry run)</h3>')
  })

  it('suggests no bucket name it would have to invent, and shows invisible characters', async () => {
    const accented = await act({ bucket: 'tríal-bücket' })
    expect(accented.stdout).not.toContain('Did you mean')
    expect(accented.stdout).toContain("'í' (\\u00ed)")
    const hidden = await act({ bucket: 'acme\u200barchives' })
    expect(hidden.stdout).toContain("'\\u200b'")
    const spaced = await act({ bucket: 'Acme Archives' })
    expect(spaced.stdout).toContain("Did you mean 'acme-archives'?")
  })

  it('warns that a plain http:// endpoint to another host carries the archives in clear text', async () => {
    const run = await act({ endpoint: 'http://minio.internal:9000', 'dry-run': 'true' })
    expect(run.stdout).toContain("::warning::'endpoint' is plain http:// to 'minio.internal'")
    const local = await act({ endpoint: 'http://127.0.0.1:9000', 'dry-run': 'true' })
    expect(local.stdout).not.toContain('plain http://')
  })

  it('shows no "experimental" warning from the proxy agent', async () => {
    const proxy = await startLoopbackProxy()
    try {
      const run = await act({ 'api-url': standIn.url }, { env: { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url } })
      expect(run.code).toBe(0)
      expect(run.stderr).not.toMatch(/experimental/i)
    } finally {
      await proxy.close()
    }
  })
})
