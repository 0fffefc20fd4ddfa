/**
 * The configuration file's reader in process: which project is read, where each problem is (line
 * and column), settings given twice, YAML types, secrets anywhere in the file (refused and masked
 * before anything is printed), and certificate paths. The same behaviour through dist/ is in
 * dist-config.test.ts.
 */
import { mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseConfig, readConfigFile } from '../src/sources/config-file.js'
import { readSettings } from '../src/sources/settings.js'
import { makeCertificate, makeCertificateWithKey } from './support/certificates.js'
import { scratchWorkspaces } from './support/workspace.js'

const FILE = '.github/opentok-archive-target.yml'
const workspace = scratchWorkspaces('config-file-')

async function parse(text: string, project = '') {
  const masked: string[] = []
  const reading = await parseConfig(text, FILE, project, secret => masked.push(secret))
  return { reading, masked }
}

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

describe('choosing the project', () => {
  it('reads the named project, with the line and column of each setting', async () => {
    const { reading } = await parse(TWO, 'production')
    expect(reading.ok).toBe(true)
    if (!reading.ok) return
    expect(reading.entry.project).toBe('production')
    expect(Object.fromEntries(reading.entry.values)).toEqual({
      'api-key': { value: '46000043', line: 7, column: 5 },
      type: { value: 'azure', line: 8, column: 5 },
      'account-name': { value: 'acmeprod', line: 9, column: 5 },
      container: { value: 'archives', line: 10, column: 5 },
      verify: { value: 'false', line: 11, column: 5 },
      'max-attempts': { value: '5', line: 12, column: 5 }
    })
  })

  it('needs the project named when the file has several, and lists them', async () => {
    expect((await parse(TWO)).reading).toEqual({
      ok: false,
      problems: [
        { setting: 'project', message: `'project' is required: ${FILE} has 2 projects ('staging', 'production'); name the one to apply.` }
      ]
    })
  })

  it('takes the only project when none is named', async () => {
    const { reading } = await parse('projects:\n  only:\n    api-key: "1"\n')
    expect(reading.ok && reading.entry.project).toBe('only')
  })

  it('names the projects there are when the one asked for is not', async () => {
    expect((await parse(TWO, 'qa')).reading).toEqual({
      ok: false,
      problems: [{ setting: 'project', message: `'project' 'qa' is not in ${FILE}; it has 'staging', 'production'.` }]
    })
  })
})

describe('problems of the file, located', () => {
  it('reports YAML that cannot be read, at its line and column', async () => {
    const { reading } = await parse('projects:\n  staging:\n    bucket: [unclosed\n')
    expect(reading.ok).toBe(false)
    expect(reading.problems[0]).toMatchObject({ setting: 'config-file', line: expect.any(Number), column: expect.any(Number) })
    expect(reading.problems[0]?.message).toMatch(/^not valid YAML: /)
  })

  it('refuses a key given twice in a project', async () => {
    const { reading } = await parse('projects:\n  staging:\n    bucket: a\n    bucket: b\n')
    expect(reading.ok).toBe(false)
    expect(reading.problems[0]?.message).toMatch(/^not valid YAML: Map keys must be unique/)
    expect(reading.problems[0]?.line).toBe(4)
  })

  it('needs a mapping with projects, and names an unknown top-level key where it stands', async () => {
    expect((await parse('- a\n- b\n')).reading.problems).toEqual([
      { setting: 'config-file', message: "the file must be a mapping with one key, 'projects'.", line: 1 }
    ])
    expect((await parse('project:\n  staging: {}\n')).reading.problems).toEqual([
      { setting: 'config-file', message: "unknown top-level key 'project'; the only one is 'projects'.", line: 1, column: 1 },
      {
        setting: 'config-file',
        message: "the file must have 'projects:', a mapping of project names to their settings.",
        line: 1,
        column: 1
      }
    ])
    expect((await parse('projects: {}\n')).reading.problems.map(p => p.message)).toEqual([
      "the file must have 'projects:', a mapping of project names to their settings."
    ])
  })

  it('names an unknown setting, a project that is not a mapping, and a bad project name, each where it is', async () => {
    const text = 'projects:\n  staging:\n    buckt: a\n  "bad name":\n    api-key: "1"\n  empty: 3\n'
    const staging = (await parse(text, 'staging')).reading
    expect(staging.problems).toEqual([
      {
        setting: 'project',
        message: "project name 'bad name' must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.",
        line: 4,
        column: 3
      },
      {
        setting: 'buckt',
        message:
          "project 'staging' has an unknown setting 'buckt'; allowed: api-key, application-id, type, bucket, access-key, endpoint, sse, account-name, container, domain, fallback, certificate, verify, max-attempts, timeout-seconds.",
        line: 3,
        column: 5
      }
    ])
    expect((await parse(text, 'empty')).reading).toMatchObject({
      ok: false,
      problems: expect.arrayContaining([
        { setting: 'project', message: "project 'empty' must be a mapping of settings.", line: 6, column: 3 }
      ])
    })
  })

  it.each([
    ['bucket: 123', 'bucket', `'bucket' is read by YAML as a number; quote it ("123") to give it as text.`],
    ['sse: true', 'sse', `'sse' is read by YAML as a boolean; quote it ("true") to give it as text.`],
    ['api-key: -5', 'api-key', `'api-key' is read by YAML as a number; quote it ("-5") to give it as text.`],
    ['max-attempts: 2.5', 'max-attempts', `'max-attempts' is read by YAML as a number; quote it ("2.5") to give it as text.`],
    // a number is no boolean, even for the one boolean setting
    ['verify: 1', 'verify', `'verify' is read by YAML as a number; quote it ("1") to give it as text.`],
    ['bucket: [a, b]', 'bucket', `'bucket' must be a single value, not a list or a mapping.`],
    ['bucket:', 'bucket', `'bucket' is empty; give a value, or remove the line to use the default.`],
    ['bucket: "  "', 'bucket', `'bucket' is empty; give a value, or remove the line to use the default.`]
  ])('types: %s is refused with what to write', async (line, setting, message) => {
    const { reading } = await parse(`projects:\n  staging:\n    ${line}\n`)
    expect(reading.problems).toEqual([{ setting, message: `project 'staging': ${message}`, line: 3, column: 5 }])
  })

  it('types: reads whole numbers for api-key and the retry settings as written, and true/false for verify', async () => {
    const { reading } = await parse('projects:\n  s:\n    api-key: 0046000042\n    timeout-seconds: 0x1E\n    verify: true\n')
    expect(reading.ok && Object.fromEntries([...reading.entry.values].map(([k, v]) => [k, v.value]))).toEqual({
      'api-key': '0046000042',
      'timeout-seconds': '30',
      verify: 'true'
    })
  })
})

describe('secrets in the file', () => {
  it('refuses a secret in the chosen project and in any other, naming the input, and masks each before anything is printed', async () => {
    const text = `projects:\n  staging:\n    bucket: a\n    secretKey: "staging/secret+value"\n  production:\n    api_secret: production-api-secret-value\n    nested:\n      - accountKey: nested-account-key-value\n`
    const { reading, masked } = await parse(text, 'staging')
    expect(masked).toEqual(expect.arrayContaining(['staging/secret+value', 'production-api-secret-value', 'nested-account-key-value']))
    const secrets = reading.problems.filter(p => p.secret)
    expect(secrets.map(p => [p.setting, p.line, p.column])).toEqual([
      ['secret-key', 4, 5],
      ['api-secret', 6, 5]
    ])
    expect(secrets[0]?.message).toBe(
      "project 'staging' holds the secret 'secretKey' (its value is masked and not shown). Secrets never go in the file: remove it from the file, rotate it, since it has been committed, and pass the new one as the input 'secret-key' from a GitHub secret."
    )
    for (const problem of reading.problems) expect(problem.message).not.toMatch(/secret\+value|api-secret-value|account-key-value/)
  })

  it('masks a private key pasted under any key, line by line', async () => {
    const { key } = makeCertificateWithKey()
    const indented = key.trim().split('\n').join('\n      ')
    const { masked } = await parse(`projects:\n  staging:\n    certificate: |\n      ${indented}\n`, 'staging')
    for (const line of key.split('\n').filter(l => l.length >= 8 && !l.startsWith('-----'))) expect(masked).toContain(line)
  })

  it('does not mask ordinary values', async () => {
    expect((await parse(TWO, 'staging')).masked).toEqual([])
  })
})

describe('reading the file from the workspace', () => {
  it('names the input that chose a missing file, and where it looked', async () => {
    const dir = workspace({})
    const masked: string[] = []
    expect(await readConfigFile(FILE, dir, 'staging', s => masked.push(s))).toEqual({
      ok: false,
      problems: [
        {
          setting: 'config-file',
          message: `'config-file' names ${FILE}, which is not in the workspace (${dir}). Check out the repository first (actions/checkout), or fix the path.`
        }
      ]
    })
  })

  it('refuses a path outside the workspace and a link that leads out', async () => {
    const outside = workspace({ 'targets.yml': TWO })
    const dir = workspace({})
    symlinkSync(join(outside, 'targets.yml'), join(dir, 'link.yml'))
    expect((await readConfigFile('../targets.yml', dir, '', () => undefined)).problems[0]?.message).toBe(
      `'config-file' must be a path inside the repository's workspace, such as ${FILE}; got '../targets.yml'.`
    )
    expect((await readConfigFile('link.yml', dir, '', () => undefined)).problems[0]?.message).toBe(
      "'config-file' link.yml is a symbolic link that leads outside the workspace; it is not read."
    )
  })
})

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
    const { isCertificatePath } = await import('../src/sources/settings.js')
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

describe('the file at its edges', () => {
  it('places no line on a problem of an empty file, or of a file that cannot be read', async () => {
    expect((await parse('')).reading).toStrictEqual({
      ok: false,
      problems: [{ setting: 'config-file', message: "the file must be a mapping with one key, 'projects'." }]
    })
    const dir = workspace({ 'folder/.keep': '' })
    expect(await readConfigFile('folder', dir, '', () => undefined)).toStrictEqual({
      ok: false,
      problems: [{ setting: 'config-file', message: "'config-file' folder could not be read: EISDIR." }]
    })
    const far = `../${'x'.repeat(100)}.yml`
    expect(await readConfigFile(far, dir, '', () => undefined)).toStrictEqual({
      ok: false,
      problems: [
        {
          setting: 'config-file',
          message: `'config-file' must be a path inside the repository's workspace, such as .github/opentok-archive-target.yml; got '${far.slice(0, 80)}'.`
        }
      ]
    })
  })

  it('gives a project that is not a mapping that one problem', async () => {
    expect((await parse('projects:\n  empty: 3\n', 'empty')).reading).toStrictEqual({
      ok: false,
      problems: [{ setting: 'project', message: "project 'empty' must be a mapping of settings.", line: 2, column: 3 }]
    })
  })

  it('refuses, as YAML 1.2 does, a key longer than 1024 characters', async () => {
    const { reading } = await parse(`projects:\n  ${'a'.repeat(1100)}: {}\n`)
    expect(reading.problems.map(p => p.message)).toEqual([
      'not valid YAML: The : indicator must be at most 1024 chars after the start of an implicit block mapping key'
    ])
  })

  it.each([
    ['max-attempts: 0', 'max-attempts', '0'],
    ['max-attempts: +5', 'max-attempts', '5'],
    ['verify: False', 'verify', 'false']
  ])('types: reads %s as %s %j', async (line, setting, value) => {
    const { reading } = await parse(`projects:\n  s:\n    ${line}\n`)
    expect(reading.ok && reading.entry.values.get(setting)?.value).toBe(value)
  })

  it('types: quotes a YAML boolean as it was written', async () => {
    const { reading } = await parse('projects:\n  s:\n    bucket: True\n')
    expect(reading.problems.map(p => p.message)).toEqual([
      `project 's': 'bucket' is read by YAML as a boolean; quote it ("True") to give it as text.`
    ])
  })

  it('masks nothing in a file that is one value, or under a secret name left empty', async () => {
    expect((await parse('just-one-value-here')).masked).toEqual([])
    const empty = await parse('projects:\n  s:\n    secretKey:\n    bucket: acme\n', 's')
    expect(empty.masked).toEqual([])
    expect(empty.reading.problems.map(p => p.setting)).toEqual(['secret-key'])
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
