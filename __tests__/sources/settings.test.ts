/**
 * readSettings: the configuration file's entry merged with the inputs (a setting given twice, the
 * secret inputs a project cannot use), where each value came from, and certificates given as a
 * path in the workspace.
 */
import { mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isCertificatePath, readSettings } from '../../src/sources/settings.js'
import { makeCertificate, makeCertificateWithKey } from '../support/certificates.js'
import { scratchWorkspaces } from '../support/workspace.js'

const FILE = '.github/opentok-archive-target.yml'
const workspace = scratchWorkspaces('config-file-')

const TWO = `projects:
  staging:
    api-key: "46000042"
    bucket: staging-archives
    access-key: AKIASTAGING
  production:
    api-key: 46000043
    type: azure
    account-name: acmeprod
    container: archives
    verify: false
    max-attempts: 5
`

describe('readSettings', () => {
  const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? ''

  it('refuses a setting given both in the file and as an input, at its line and column, with every other problem', async () => {
    const dir = workspace({ [FILE]: TWO })
    const reading = await readSettings(inputs({ project: 'staging', bucket: 'other', 'access-key': 'AKIAOTHER' }), dir, () => undefined)
    expect(reading.ok && reading.settings.problems).toEqual([
      {
        input: 'bucket',
        message: `'bucket' is set both in ${FILE} (line 4, project 'staging') and as the input 'bucket'. Keep one: with a configuration file, the file is the one source of the target settings.`,
        file: FILE,
        line: 4,
        column: 5
      },
      {
        input: 'access-key',
        message: `'access-key' is set both in ${FILE} (line 5, project 'staging') and as the input 'access-key'. Keep one: with a configuration file, the file is the one source of the target settings.`,
        file: FILE,
        line: 5,
        column: 5
      }
    ])
  })

  it('reads the file’s values, the inputs for the rest, and says where each came from', async () => {
    const dir = workspace({ [FILE]: TWO })
    const reading = await readSettings(inputs({ project: 'staging', 'api-secret': 's', 'dry-run': 'true' }), dir, () => undefined)
    expect(reading.ok).toBe(true)
    if (!reading.ok) return
    const { settings } = reading
    expect([settings.read('bucket'), settings.read('api-secret'), settings.read('dry-run'), settings.read('endpoint')]).toEqual([
      'staging-archives',
      's',
      'true',
      ''
    ])
    expect(settings.origin('bucket')).toEqual({ kind: 'file', file: FILE, project: 'staging', line: 4, column: 5 })
    expect(settings.origin('api-secret')).toEqual({ kind: 'input' })
    expect(settings.source).toBe(`${FILE}, project staging`)
    expect(settings.project).toBe('staging')
  })

  it('reads the default file when only project is given, and says so when it is missing', async () => {
    const reading = await readSettings(inputs({ project: 'staging' }), workspace({}), () => undefined)
    expect(reading.ok).toBe(false)
    expect(!reading.ok && reading.problems[0]?.message).toMatch(
      new RegExp(
        `^'project' reads ${FILE.replace(/\./g, '\\.')} \\(the file used when 'config-file' is empty\\), which is not in the workspace`
      )
    )
  })

  it('ignores, with a notice, a secret input the file’s project cannot use', async () => {
    const dir = workspace({ [FILE]: TWO })
    const azure = await readSettings(inputs({ project: 'production', 'secret-key': 'repo-wide-s3-secret' }), dir, () => undefined)
    expect(azure.ok && azure.settings.read('secret-key')).toBe('')
    expect(azure.ok && azure.settings.notices).toEqual([
      `'secret-key' is ignored: project 'production' of ${FILE} is an Azure target (type: azure), which uses account-key. (A repository- or organisation-level secret gives it to every project; an environment secret avoids this.)`
    ])
    const s3 = await readSettings(inputs({ project: 'staging', 'account-key': 'repo-wide-azure-key' }), dir, () => undefined)
    expect(s3.ok && s3.settings.read('account-key')).toBe('')
    expect(s3.ok && s3.settings.notices[0]).toMatch(
      /^'account-key' is ignored: project 'staging' of .* is an S3 target, which uses secret-key\./
    )
    const both = await readSettings(inputs({ project: 'staging', 'secret-key': 'kept' }), dir, () => undefined)
    expect(both.ok && [both.settings.read('secret-key'), both.settings.notices]).toEqual(['kept', []])
  })

  it('ignores the other platform’s secret: private-key for an OpenTok project, api-secret for a Vonage application', async () => {
    const dir = workspace({
      [FILE]: `projects:\n  ot:\n    api-key: "46000042"\n  app:\n    application-id: c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b\n  sdk:\n    api-key: c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b\n`
    })
    const ot = await readSettings(inputs({ project: 'ot', 'private-key': 'k', 'api-secret': 's' }), dir, () => undefined)
    expect(ot.ok && [ot.settings.read('private-key'), ot.settings.read('api-secret')]).toEqual(['', 's'])
    const app = await readSettings(inputs({ project: 'app', 'private-key': 'k', 'api-secret': 's' }), dir, () => undefined)
    expect(app.ok && [app.settings.read('private-key'), app.settings.read('api-secret')]).toEqual(['k', ''])
    // A UUID in api-key is how the OpenTok SDKs name an application: it decides nothing.
    const sdk = await readSettings(inputs({ project: 'sdk', 'private-key': 'k', 'api-secret': 's' }), dir, () => undefined)
    expect(sdk.ok && [sdk.settings.read('private-key'), sdk.settings.read('api-secret'), sdk.settings.notices]).toEqual(['k', 's', []])
  })
})

describe('a certificate given as a path', () => {
  const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? ''

  it('is read from the workspace, relative or absolute inside it', async () => {
    const pem = makeCertificate('rsa:2048', 100)
    const dir = workspace({ 'certs/archive.pem': pem })
    for (const path of ['certs/archive.pem', join(dir, 'certs/archive.pem')]) {
      const reading = await readSettings(inputs({ certificate: path }), dir, () => undefined)
      expect(reading.ok && reading.settings.read('certificate')).toBe(pem)
    }
  })

  it.each([
    ['../outside.pem', "'certificate' as a path must name a file inside the repository's workspace; got '../outside.pem'."],
    ['/etc/ssl/certs/x.pem', "'certificate' as a path must name a file inside the repository's workspace; got '/etc/ssl/certs/x.pem'."],
    [
      'certs/missing.pem',
      "'certificate' names the file certs/missing.pem, but there is no such file in the workspace: check out the repository first, or fix the path."
    ]
  ])('refuses %s', async (path, message) => {
    const reading = await readSettings(inputs({ certificate: path }), workspace({}), () => undefined)
    expect(reading).toStrictEqual({ ok: false, problems: [{ input: 'certificate', message }] })
  })

  it('refuses a link that leads outside the workspace, and locates a path from the file', async () => {
    const outside = workspace({ 'cert.pem': makeCertificate('rsa:2048', 100) })
    const dir = workspace({ [FILE]: 'projects:\n  s:\n    api-key: "1"\n    certificate: certs/link.pem\n' })
    mkdirSync(join(dir, 'certs'), { recursive: true })
    symlinkSync(join(outside, 'cert.pem'), join(dir, 'certs', 'link.pem'))
    expect(await readSettings(inputs({ project: 's' }), dir, () => undefined)).toEqual({
      ok: false,
      problems: [
        {
          input: 'certificate',
          message: "'certificate' names certs/link.pem, a symbolic link that leads outside the workspace; it is not read.",
          file: FILE,
          line: 4,
          column: 5
        }
      ]
    })
  })

  it('masks a private key found in the certificate file at once', async () => {
    const { cert, key } = makeCertificateWithKey()
    const dir = workspace({ 'certs/both.pem': `${cert}\n${key}` })
    const masked: string[] = []
    const reading = await readSettings(inputs({ certificate: 'certs/both.pem' }), dir, s => masked.push(s))
    expect(reading.ok).toBe(true)
    for (const line of key.split('\n').filter(l => l.length >= 8 && !l.startsWith('-----'))) expect(masked).toContain(line)
  })

  it('masks nothing for a certificate file without a key', async () => {
    const dir = workspace({ 'certs/a.pem': makeCertificate('rsa:2048', 100) })
    const masked: string[] = []
    await readSettings(inputs({ certificate: 'certs/a.pem' }), dir, s => masked.push(s))
    expect(masked).toEqual([])
  })
})

describe('readSettings, problems and inputs as people type them', () => {
  const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? ''

  it('places a problem of the file at its file, line and column, and one about the file as a whole on the input', async () => {
    const dir = workspace({ [FILE]: 'projects:\n  staging:\n    buckt: a\n' })
    expect(await readSettings(inputs({ project: ' staging ', 'config-file': ` ${FILE} ` }), dir, () => undefined)).toMatchObject({
      ok: true,
      settings: {
        problems: [{ input: 'buckt', file: FILE, line: 3, column: 5, message: expect.stringContaining("unknown setting 'buckt'") }]
      }
    })
    const none = await readSettings(inputs({ project: 'qa', 'config-file': FILE }), dir, () => undefined)
    expect(none).toStrictEqual({
      ok: false,
      problems: [{ input: 'project', message: `'project' 'qa' is not in ${FILE}; it has 'staging'.` }]
    })
  })

  it('takes an input given as spaces as not given, so it does not conflict with the file', async () => {
    const dir = workspace({ [FILE]: TWO })
    const reading = await readSettings(inputs({ project: 'staging', bucket: '   ' }), dir, () => undefined)
    expect(reading.ok && reading.settings.problems).toEqual([])
  })

  it('reads plain inputs when neither config-file nor project is given, with no problems or notices', async () => {
    const reading = await readSettings(inputs({ bucket: 'b12', 'config-file': '  ' }), workspace({}), () => undefined)
    expect(
      reading.ok && [reading.settings.read('bucket'), reading.settings.problems, reading.settings.notices, reading.settings.source]
    ).toEqual(['b12', [], [], undefined])
  })

  it.each([
    ['certs/archive.pem', true],
    ['archive.crt', true],
    ['certs/archive', true],
    [`certs/${'a'.repeat(502)}.pem`, true],
    [`certs/${'a'.repeat(503)}.pem`, false],
    ['LS0tLS1CRUdJTi/x', false],
    ['abc/LS0tLS1', true],
    ['certs/a b.pem', false],
    ['certs\\a.pem', false],
    ['x.toolongextension', false],
    ['/x$', false],
    ['cert!s/leaf', false]
  ])('isCertificatePath(%j) is %s', async (value, expected) => {
    const { isCertificatePath } = await import('../../src/sources/settings.js')
    expect(isCertificatePath(value)).toBe(expected)
  })

  it('names the code when a certificate file cannot be read', async () => {
    const dir = workspace({})
    mkdirSync(join(dir, 'certs', 'folder.pem'), { recursive: true })
    expect(await readSettings(inputs({ certificate: 'certs/folder.pem' }), dir, () => undefined)).toStrictEqual({
      ok: false,
      problems: [{ input: 'certificate', message: "'certificate' names the file certs/folder.pem, which could not be read (EISDIR)." }]
    })
  })
})

describe('readSettings, what the file decides', () => {
  const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? ''
  const notice = (input: string, project: string, why: string) =>
    `'${input}' is ignored: project '${project}' of ${FILE} ${why}. (A repository- or organisation-level secret gives it to every project; an environment secret avoids this.)`

  it("names the input 'config-file' when the file it names is missing", async () => {
    const reading = await readSettings(inputs({ 'config-file': 'targets/other.yml' }), workspace({}), () => undefined)
    expect(!reading.ok && reading.problems[0]?.message).toMatch(/^'config-file' names targets\/other\.yml, which is not in the workspace /)
  })

  it('says which platform a project is on when it ignores the other platform’s secret', async () => {
    const dir = workspace({
      [FILE]: `projects:\n  ot:\n    api-key: "46000042"\n  app:\n    application-id: c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b\n  sdk:\n    api-key: " c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b "\n`
    })
    const ot = await readSettings(inputs({ project: 'ot', 'private-key': 'k' }), dir, () => undefined)
    expect(ot.ok && ot.settings.notices).toEqual([
      notice('private-key', 'ot', 'is an OpenTok project (api-key), which signs with api-secret')
    ])
    const app = await readSettings(inputs({ project: 'app', 'api-secret': 's' }), dir, () => undefined)
    expect(app.ok && app.settings.notices).toEqual([
      notice('api-secret', 'app', 'is a Vonage application (application-id), which signs with private-key')
    ])
    // The UUID is read as typed, spaces around it included: it still names an application.
    const sdk = await readSettings(inputs({ project: 'sdk', 'private-key': 'k' }), dir, () => undefined)
    expect(sdk.ok && sdk.settings.notices).toEqual([])
  })

  it('reads the type as typed, and ignores only the other storage type’s key', async () => {
    const dir = workspace({
      [FILE]: 'projects:\n  blob:\n    type: Azure\n  s3:\n    type: s3\n  plain:\n    bucket: acme\n  spaced:\n    type: " azure "\n'
    })
    const blob = await readSettings(inputs({ project: 'blob', 'secret-key': 'k', 'account-key': 'a2V5' }), dir, () => undefined)
    expect(blob.ok && [blob.settings.read('account-key'), blob.settings.notices]).toEqual([
      'a2V5',
      [notice('secret-key', 'blob', 'is an Azure target (type: azure), which uses account-key')]
    ])
    const s3 = await readSettings(inputs({ project: 's3', 'account-key': 'a2V5' }), dir, () => undefined)
    expect(s3.ok && s3.settings.notices).toEqual([notice('account-key', 's3', 'is an S3 target, which uses secret-key')])
    const spaced = await readSettings(inputs({ project: 'spaced', 'secret-key': 'k' }), dir, () => undefined)
    expect(spaced.ok && spaced.settings.notices).toEqual([
      notice('secret-key', 'spaced', 'is an Azure target (type: azure), which uses account-key')
    ])
    const blank = await readSettings(inputs({ project: 'blob', 'secret-key': '   ' }), dir, () => undefined)
    expect(blank.ok && blank.settings.notices).toEqual([])
  })

  it('reads a certificate path typed with spaces around it, and leaves every other setting as it was', async () => {
    const pem = makeCertificate('rsa:2048', 100)
    const dir = workspace({ 'certs/archive.pem': pem })
    const reading = await readSettings(inputs({ certificate: ' certs/archive.pem ', bucket: 'acme' }), dir, () => undefined)
    expect(reading.ok && [reading.settings.read('certificate'), reading.settings.read('bucket')]).toEqual([pem, 'acme'])
  })
})

describe('certificate paths', () => {
  it.each(['certs/archive', 'certs/archive.pem', 'archive.crt', '/home/runner/work/repo/certs/a.pem', './certs/a'])(
    'reads %s as a path',
    value => expect(isCertificatePath(value)).toBe(true)
  )

  it.each([
    '',
    'none',
    '-----BEGIN CERTIFICATE-----\nMIIB',
    'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUIvd2F3',
    `${'A'.repeat(600)}/x.pem`,
    'a b.pem',
    'MIIB\\nabc.pem'
  ])('does not read %j as a path', value => expect(isCertificatePath(value)).toBe(false))
})
