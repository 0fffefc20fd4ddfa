/**
 * The configuration file through the committed dist/ under Node 24, as a runner runs it: the
 * workspace (GITHUB_WORKSPACE) holds .github/opentok-archive-target.yml and a certificate file.
 * Then, in scratch workspaces: secrets in the file in any spelling, refused and masked; every
 * problem of an entry at once; and one step for every project with repository-wide secrets. The
 * reader in process is in sources/config-file.test.ts and sources/settings.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { makeCertificateWithKey } from '../support/certificates.js'
import { startStandIn } from '../support/opentok-standin.js'
import { findLeaks, runAction, type ActionRun } from '../support/run-action.js'

describe('a configuration file, through dist/', () => {
  const project = { apiKey: '46000001', apiSecret: 'config-file-api-secret-6a5b4c3d' }
  const secretKey = 'config/secret+key/0123456789'
  const accountKey = 'Y29uZmlnLWZpbGUtYWNjb3VudC1rZXk='
  const { cert, key } = makeCertificateWithKey()
  const CONFIG = `# yaml-language-server: $schema=../schema/opentok-archive-target.schema.json
projects:
  staging:
    api-key: "46000001"
    bucket: acme-staging-archives
    access-key: AKIAEXAMPLESTAGING01
    fallback: none
  production:
    api-key: 46000001
    type: Azure
    account-name: acmearchives
    container: archives
    certificate: certs/archive-encryption.pem
`

  let standIn: Awaited<ReturnType<typeof startStandIn>>
  let workspace: string
  beforeAll(async () => {
    standIn = await startStandIn(project)
    workspace = mkdtempSync(join(tmpdir(), 'workspace-'))
    mkdirSync(join(workspace, '.github'))
    mkdirSync(join(workspace, 'certs'))
    writeFileSync(join(workspace, '.github', 'opentok-archive-target.yml'), CONFIG)
    writeFileSync(join(workspace, 'certs', 'archive-encryption.pem'), cert)
    writeFileSync(join(workspace, 'certs', 'with-key.pem'), `${cert}${key}`)
  })
  afterAll(async () => {
    await standIn.close()
    rmSync(workspace, { recursive: true, force: true })
  })
  beforeEach(() => {
    standIn.requests.length = 0
  })

  const act = (inputs: Record<string, string>, config?: string): Promise<ActionRun> => {
    if (config !== undefined) writeFileSync(join(workspace, 'other.yml'), config)
    return runAction(
      { 'api-url': standIn.url, verify: 'false', ...inputs },
      { node: inject('node24'), env: { GITHUB_WORKSPACE: workspace } }
    )
  }
  const secrets = { 'api-secret': project.apiSecret, 'secret-key': secretKey }
  const errorsOf = (run: ActionRun) => run.stdout.split('\n').filter(line => line.startsWith('::error'))
  const noLeaks = (run: ActionRun, extra: string[] = []) =>
    expect(
      findLeaks(run, [
        project.apiSecret,
        secretKey,
        accountKey,
        ...extra,
        ...standIn.requests.map(r => String(r.headers['x-opentok-auth']))
      ])
    ).toEqual([])

  it('gives exactly the body the plain inputs give, for S3 (project alone reads the default file)', async () => {
    const fromFile = await act({ project: 'staging', ...secrets })
    const plain = await act({
      'api-key': '46000001',
      bucket: 'acme-staging-archives',
      'access-key': 'AKIAEXAMPLESTAGING01',
      fallback: 'none',
      ...secrets
    })
    expect([fromFile.code, plain.code]).toEqual([0, 0])
    expect(standIn.requests.map(r => r.problems)).toEqual([[], []])
    expect(standIn.requests[0]!.body).toBe(standIn.requests[1]!.body)
    expect(standIn.requests[0]!.path).toBe(standIn.requests[1]!.path)
    expect(fromFile.summary).toContain('| Settings | `.github/opentok-archive-target.yml, project staging` |')
    noLeaks(fromFile)
  })

  it('gives exactly the body the plain inputs give, for Azure with the certificate by path and by text', async () => {
    const azureSecrets = { 'api-secret': project.apiSecret, 'account-key': accountKey }
    const fromFile = await act({ 'config-file': '.github/opentok-archive-target.yml', project: 'production', ...azureSecrets })
    const plain = await act({
      'api-key': '46000001',
      type: 'azure',
      'account-name': 'acmearchives',
      container: 'archives',
      certificate: cert,
      ...azureSecrets
    })
    expect([fromFile.code, plain.code]).toEqual([0, 0])
    expect(standIn.violations()).toEqual([])
    expect(standIn.requests[0]!.body).toBe(standIn.requests[1]!.body)
    expect(Buffer.from(JSON.parse(standIn.requests[0]!.body).certificate, 'base64').toString()).toBe(cert.trim())
    noLeaks(fromFile)
  })

  it('reads a certificate written into the file as text', async () => {
    const text = `projects:\n  p:\n    api-key: "46000001"\n    bucket: acme-archives\n    access-key: AKIA1\n    certificate: |\n${cert.replace(/^/gm, '      ').trimEnd()}\n`
    const run = await act({ 'config-file': 'other.yml', ...secrets }, text)
    expect(run.code).toBe(0)
    expect(Buffer.from(JSON.parse(standIn.requests[0]!.body).certificate, 'base64').toString()).toBe(cert.trim())
  })

  it.each([
    [
      'a setting in both places',
      { project: 'staging', bucket: 'other-bucket', ...secrets },
      undefined,
      /'bucket' is set both in \.github\/opentok-archive-target\.yml \(line 5, project 'staging'\) and as the input 'bucket'/,
      'bucket'
    ],
    [
      'an unknown project',
      { project: 'prod', ...secrets },
      undefined,
      /'project' 'prod' is not in \.github\/opentok-archive-target\.yml; it has 'staging', 'production'/,
      'project'
    ],
    [
      'no project for a file with two',
      { 'config-file': '.github/opentok-archive-target.yml', ...secrets },
      undefined,
      /'project' is required: .* has 2 projects/,
      'project'
    ],
    [
      'broken YAML',
      { 'config-file': 'other.yml', ...secrets },
      'projects:\n  staging:\n    bucket: [unclosed\n',
      /other\.yml line \d+, column \d+: not valid YAML: Flow sequence/,
      'config-file'
    ],
    [
      'a duplicated key',
      { 'config-file': 'other.yml', ...secrets },
      'projects:\n  staging:\n    bucket: a\n    bucket: b\n',
      /other\.yml line 4, column 5: not valid YAML: Map keys must be unique/,
      'config-file'
    ],
    [
      'a missing file',
      { 'config-file': 'nope.yml', ...secrets },
      undefined,
      /'config-file' names nope\.yml, which is not in the workspace/,
      'config-file'
    ],
    [
      'a file outside the workspace',
      { 'config-file': '../outside.yml', ...secrets },
      undefined,
      /must be a path inside the repository's workspace/,
      'config-file'
    ],
    [
      'a bad value in the file',
      { 'config-file': 'other.yml', ...secrets },
      'projects:\n  p:\n    api-key: "46000001"\n    bucket: AcmeArchives\n    access-key: AK\n    fallback: keep\n',
      /other\.yml line 4, column 5: project 'p': 'bucket' has upper-case letters/,
      'bucket'
    ],
    [
      'a certificate file that holds a private key',
      { 'config-file': 'other.yml', ...secrets },
      'projects:\n  p:\n    api-key: "46000001"\n    bucket: acme-archives\n    access-key: AK\n    certificate: certs/with-key.pem\n',
      /'certificate' holds a private key/,
      'certificate'
    ]
  ])('refuses %s before any request, naming what is wrong', async (_case, inputs, config, message, setting) => {
    const run = await act(inputs, config)
    expect(run.code).toBe(1)
    expect(standIn.requests).toHaveLength(0)
    expect(errorsOf(run).join('\n')).toMatch(message)
    // A place in the file is an annotation on it; the file as a whole is the input that named it.
    expect(errorsOf(run).join('\n')).toMatch(new RegExp(`title=Invalid (setting%3A ${setting},file=|input%3A ${setting}::)`))
    expect(run.outputs).toEqual({ result: 'refused', status: '', attempts: '0', target: '', verified: 'skipped' })
    expect(run.summary).toContain(`| \`${setting}\` |`)
    noLeaks(
      run,
      key.split('\n').filter(line => line.length >= 8 && !line.startsWith('-----'))
    )
  })

  it('annotates the line of a bad setting in the file', async () => {
    const run = await act(
      { 'config-file': 'other.yml', ...secrets },
      'projects:\n  p:\n    api-key: "46000001"\n    bucket: acme-archives\n    access-key: AK\n    fallback: keep\n'
    )
    expect(errorsOf(run)).toContainEqual(
      expect.stringMatching(
        /^::error title=Invalid setting%3A fallback,file=other\.yml,line=6,col=5::other\.yml line 6, column 5: project 'p': 'fallback' must be one of 'none', 'opentok'; got 'keep'\.$/
      )
    )
  })

  it('refuses a secret in the file, naming the file, line and field, and never prints its value', async () => {
    const leaked = 'committed-secret-value-9f8e7d'
    const run = await act(
      { 'config-file': 'other.yml', ...secrets },
      `projects:\n  p:\n    api-key: "46000001"\n    bucket: acme-archives\n    access-key: AK\n    secret-key: ${leaked}\n`
    )
    expect(run.code).toBe(1)
    expect(standIn.requests).toHaveLength(0)
    expect(errorsOf(run).join()).toMatch(
      /other\.yml line 6, column 5: project 'p' holds the secret 'secret-key' \(its value is masked and not shown\)/
    )
    expect(run.stdout).toContain(`::add-mask::${leaked}`)
    noLeaks(run, [leaked])
  })

  it('validates the file in a dry run without any secret, skipping the storage check with a notice', async () => {
    const run = await act({ project: 'staging', 'dry-run': 'true', verify: '' })
    expect(run.code).toBe(0)
    expect(standIn.requests).toHaveLength(0)
    expect(run.stdout).toMatch(/::notice::Dry run without 'api-secret', 'secret-key'/)
    expect(run.stdout).toMatch(/::notice::Storage check skipped/)
    expect(run.outputs).toEqual({ result: 'dry-run', status: '', attempts: '0', target: 's3://acme-staging-archives', verified: 'skipped' })
    expect(run.summary).toContain('skipped: the storage secret was not given (dry run)')
  })

  it('removes the target of a project of the file, warning only about target inputs given to the step', async () => {
    const fromFile = await act({ project: 'staging', operation: 'delete', 'api-secret': project.apiSecret })
    expect(fromFile.code).toBe(0)
    expect(standIn.requests.map(r => [r.method, r.problems])).toEqual([['DELETE', []]])
    // The only warning: the file's two entries set the target of one project (both name 46000001).
    expect(fromFile.stdout.split('\n').filter(line => line.startsWith('::warning'))).toEqual([
      "::warning::project 'staging' of .github/opentok-archive-target.yml sets the target of the project 46000001, and so does 'production': one project has one archive upload target, so their deploys and nightly runs overwrite each other. Keep one entry per project ID."
    ])
    const plain = await act({ 'api-key': '46000001', 'api-secret': project.apiSecret, operation: 'delete', bucket: 'acme-archives' })
    expect(plain.stdout).toContain("::warning::operation 'delete' sends no storage settings; ignored: 'bucket'.")
  })

  it('still requires the secrets outside a dry run', async () => {
    const run = await act({ project: 'staging' })
    expect(run.code).toBe(1)
    expect(errorsOf(run).join()).toMatch(/'api-secret' is required/)
    expect(errorsOf(run).join()).toMatch(/'secret-key' is required/)
  })
})

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
