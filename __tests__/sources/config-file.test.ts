/**
 * The configuration file's reader: which project is read, where each problem is (line and column),
 * keys given twice, YAML types, secrets anywhere in the file in any spelling (refused and masked
 * before anything is printed), and the file read from the workspace. The same behaviour through
 * dist/ is in dist/config-file.test.ts.
 */
import { symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseConfig, readConfigFile, secretInputOf } from '../../src/sources/config-file.js'
import { makeCertificateWithKey } from '../support/certificates.js'
import { scratchWorkspaces } from '../support/workspace.js'

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

describe('secret settings in the file', () => {
  it.each([
    ['secret-key', 'secret-key'],
    ['secret_key', 'secret-key'],
    ['SecretKey', 'secret-key'],
    ['SECRET_ACCESS_KEY', 'secret-key'],
    ['apiSecret', 'api-secret'],
    ['private_key', 'private-key'],
    ['PrivateKey', 'private-key'],
    ['accountKey', 'account-key'],
    ['github_token', 'github-token'],
    ['secretAccessKey', 'secret-key'],
    ['aws_secret_access_key', 'secret-key'],
    ['AWS-Secret-Access-Key', 'secret-key'],
    ['storageKey', 'account-key'],
    ['storage key', 'account-key'],
    ['GITHUB TOKEN', 'github-token'],
    ['api-secret', 'api-secret'],
    ['private-key', 'private-key']
  ])('reads %s as the input %s', (spelling, input) => expect(secretInputOf(spelling)).toBe(input))

  it.each(['access-key', 'accessKey', 'bucket', 'api-key', 'key', 'secret'])('does not take %s for a secret', setting =>
    expect(secretInputOf(setting)).toBeUndefined()
  )
})
