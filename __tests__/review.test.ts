/** The plan's pure parts in process: settings as shown, changes and risks, the Markdown, the base revision, and the files at a revision. */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Plan } from '../src/plan.js'
import { chooseBase, pullRequestOf } from '../src/review/base.js'
import { compareProjects, risksOf, settingsOf, type ProjectChange } from '../src/review/changes.js'
import {
  commentBody,
  commentMarker,
  countSettings,
  details,
  headline,
  MAX_COMMENT,
  overview,
  summaryMarkdown
} from '../src/review/render.js'
import { planProjects } from '../src/review/project-plans.js'
import { gitFiles, isInsideRepository, workspaceFiles } from '../src/sources/files.js'
import { makeCertificate, makeCertificateWithKey } from './support/certificates.js'
import { s3Plan } from './support/plans.js'
import { scratchRepo } from './support/scratch-repo.js'

const cleanup: Array<() => void> = []
afterAll(() => cleanup.forEach(remove => remove()))

const azurePlan = (overrides: Partial<Plan> = {}): Plan =>
  s3Plan({ target: { type: 'azure', accountName: 'acme', accountKey: '', container: 'archives' }, ...overrides })
const project = (name: string, plan?: Plan) => ({ name, ...(plan === undefined ? {} : { plan }), problems: [] })

describe('settingsOf', () => {
  it("shows an S3 plan in the file's names, endpoint only when given", () => {
    expect([...settingsOf(s3Plan())]).toEqual([
      ['api-key', '46000042'],
      ['type', 's3'],
      ['bucket', 'acme'],
      ['access-key', 'AK'],
      ['sse', 's3'],
      ['fallback', 'none'],
      ['verify', 'true'],
      ['max-attempts', '3'],
      ['timeout-seconds', '30']
    ])
    const withEndpoint = s3Plan({
      target: { type: 's3', bucket: 'b1', accessKey: 'AK', secretKey: '', endpoint: 'https://s.example', sse: 'none' }
    })
    expect(settingsOf(withEndpoint).get('endpoint')).toBe('https://s.example')
  })

  it('shows a Vonage Azure plan, its domain only when given, and a certificate without its text', () => {
    const plan = azurePlan({
      credentials: { platform: 'vonage', applicationId: 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b', privateKey: '' },
      target: { type: 'azure', accountName: 'acme', accountKey: '', container: 'archives', domain: 'core.usgovcloudapi.net' },
      certificate: { kind: 'set', pem: 'PEM TEXT', subject: 'CN=x', fingerprint256: 'AA:BB', validTo: new Date('2027-01-02T03:04:05Z') }
    })
    const shown = settingsOf(plan)
    expect([...shown.keys()]).toEqual([
      'application-id',
      'type',
      'account-name',
      'container',
      'domain',
      'fallback',
      'certificate',
      'verify',
      'max-attempts',
      'timeout-seconds'
    ])
    expect(shown.get('certificate')).toBe('CN=x; SHA-256 AA:BB; expires 2027-01-02')
    expect(settingsOf(azurePlan({ certificate: { kind: 'off' } })).get('certificate')).toBe('none')
    expect(settingsOf(azurePlan()).has('certificate')).toBe(false)
    expect(settingsOf(azurePlan()).has('domain')).toBe(false)
  })
})

describe('risksOf', () => {
  const cert = (fingerprint256: string) => ({
    kind: 'set' as const,
    pem: '',
    subject: 'CN=x',
    fingerprint256,
    validTo: new Date('2027-01-01')
  })

  it('says nothing of a change that carries no risk', () => {
    expect(risksOf(s3Plan(), s3Plan({ maxAttempts: 5 }))).toEqual([])
    expect(risksOf(s3Plan({ fallback: 'none' }), s3Plan({ fallback: 'none' }))).toEqual([])
    expect(risksOf(s3Plan({ fallback: 'none' }), s3Plan({ fallback: 'opentok' }))).toEqual([])
  })

  it('warns of fallback none, for a new project too', () => {
    const line = '`fallback` is `none`: an archive whose upload fails is lost, with nothing kept in the vendor cloud.'
    expect(risksOf(s3Plan({ fallback: 'opentok' }), s3Plan())).toEqual([line])
    expect(risksOf(undefined, s3Plan())).toEqual([line])
    expect(risksOf(undefined, s3Plan({ fallback: 'opentok' }))).toEqual([])
  })

  it('tells encryption turned off, a certificate removed from the file, and a new certificate apart', () => {
    const on = s3Plan({ fallback: 'opentok', certificate: cert('AA') })
    expect(risksOf(on, s3Plan({ fallback: 'opentok', certificate: { kind: 'off' } }))).toEqual([
      '`certificate: none`: archives are no longer encrypted.'
    ])
    expect(
      risksOf(s3Plan({ fallback: 'opentok', certificate: { kind: 'off' } }), s3Plan({ fallback: 'opentok', certificate: { kind: 'off' } }))
    ).toEqual([])
    expect(risksOf(on, s3Plan({ fallback: 'opentok' }))).toEqual([
      'The certificate is removed from the file: the file no longer sets encryption, so the vendor keeps whatever certificate it has and nothing here puts it back.'
    ])
    const renewed = ['A new certificate: only the holder of its private key can decrypt archives recorded after the merge.']
    expect(risksOf(on, s3Plan({ fallback: 'opentok', certificate: cert('BB') }))).toEqual(renewed)
    expect(risksOf(s3Plan({ fallback: 'opentok' }), on)).toEqual(renewed)
    expect(risksOf(on, on)).toEqual([])
  })

  it('says where archives go after a change of place, and not for other changes', () => {
    const moved = 'Archives recorded after the merge go to s3://other; earlier ones stay where they are (s3://acme).'
    expect(
      risksOf(
        s3Plan({ fallback: 'opentok' }),
        s3Plan({ fallback: 'opentok', target: { type: 's3', bucket: 'other', accessKey: 'AK', secretKey: '', sse: 's3' } })
      )
    ).toEqual([moved])
    expect(
      risksOf(
        s3Plan({ fallback: 'opentok' }),
        s3Plan({ fallback: 'opentok', target: { type: 's3', bucket: 'acme', accessKey: 'AK2', secretKey: '', sse: 'none' } })
      )
    ).toEqual([])
  })

  it('warns of http:// only when the endpoint becomes one', () => {
    const http = s3Plan({
      fallback: 'opentok',
      target: { type: 's3', bucket: 'acme', accessKey: 'AK', secretKey: '', endpoint: 'http://m.example:9000', sse: 's3' }
    })
    expect(risksOf(undefined, http)).toEqual([
      '`endpoint` is plain http:// (http://m.example:9000): the storage keys and every archive travel unencrypted.'
    ])
    expect(risksOf(http, http)).toEqual([])
  })

  it('names both sides of a platform change', () => {
    const vonage = s3Plan({
      fallback: 'opentok',
      credentials: { platform: 'vonage', applicationId: 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b', privateKey: '' }
    })
    expect(risksOf(vonage, s3Plan({ fallback: 'opentok' }))).toEqual([
      "The platform changes: this entry now sets the target of the OpenTok project 46000042 (signed with 'api-secret'); the target of the Vonage application c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b is left as it was."
    ])
  })
})

describe('compareProjects', () => {
  it('lists head projects in order, then removed ones, with what each changes and needs', () => {
    const changes = compareProjects(
      [project('staging', s3Plan()), project('legacy', s3Plan({ fallback: 'opentok' })), project('broken')],
      [
        project('staging', s3Plan({ fallback: 'opentok' })),
        project('fresh', azurePlan({ fallback: 'opentok' })),
        project('broken', s3Plan({ fallback: 'opentok' }))
      ]
    )
    expect(changes.map(c => [c.name, c.kind, c.settings.length, c.risks.length, c.needs])).toEqual([
      ['staging', 'changed', 1, 0, ['api-secret', 'secret-key']],
      ['fresh', 'added', 8, 0, ['api-secret', 'account-key']],
      // A project that did not validate at the base is shown as new.
      ['broken', 'added', 9, 0, ['api-secret', 'secret-key']],
      ['legacy', 'removed', 9, 1, []]
    ])
    expect(changes[0]!.settings).toEqual([{ name: 'fallback', before: 'none', after: 'opentok' }])
    expect(changes[3]!.settings[0]).toEqual({ name: 'api-key', before: '46000042' })
    expect(changes[1]!.settings[0]).toEqual({ name: 'api-key', after: '46000042' })
  })

  it('shows a setting that appears or disappears with only one side', () => {
    const [change] = compareProjects(
      [project('p', s3Plan())],
      [
        project(
          'p',
          s3Plan({ target: { type: 's3', bucket: 'acme', accessKey: 'AK', secretKey: '', endpoint: 'https://e.example', sse: 's3' } })
        )
      ]
    )
    expect(change!.settings).toEqual([{ name: 'endpoint', after: 'https://e.example' }])
  })

  it('treats every project as new without a base, and an unchanged project as unchanged with no risk', () => {
    expect(compareProjects(undefined, [project('p', s3Plan())]).map(c => c.kind)).toEqual(['added'])
    expect(compareProjects([project('p', s3Plan())], [project('p', s3Plan())])).toEqual([
      { name: 'p', kind: 'unchanged', settings: [], risks: [], needs: ['api-secret', 'secret-key'] }
    ])
  })
})

describe('the Markdown', () => {
  const change = (name: string, kind: ProjectChange['kind'], settings = 1, risks: string[] = []): ProjectChange => ({
    name,
    kind,
    settings: Array.from({ length: settings }, (_, i) => ({ name: `s${i}`, before: 'a|b', after: 'c`d' })),
    risks,
    needs: ['api-secret']
  })

  it('sums up in one headline', () => {
    expect(headline([change('a', 'unchanged', 0)])).toBe('No changes')
    expect(headline([change('a', 'changed', 1)])).toBe('1 project changes (1 setting)')
    expect(headline([change('a', 'changed', 2, ['r']), change('b', 'added', 3, ['r', 's']), change('c', 'unchanged', 0)])).toBe(
      '2 projects change (5 settings), 3 risks to review'
    )
    expect(countSettings([change('a', 'changed', 2), change('b', 'removed', 4)])).toBe(6)
  })

  it('has a line per project and details of the changed ones, escaping what would break a table', () => {
    expect(overview([change('a', 'changed', 2, ['r']), change('b', 'unchanged', 0)]).split('\n')).toEqual([
      '| project | change | settings | risks |',
      '|---|---|---|---|',
      '| `a` | changed | 2 | ⚠️ 1 |',
      '| `b` | no changes | 0 |  |'
    ])
    expect(details([change('a', 'changed', 1, ['risk one\nline two']), change('b', 'unchanged', 0)]).split('\n')).toEqual([
      '#### `a`: changed',
      '',
      '> [!WARNING]',
      '> risk one line two',
      '',
      '| setting | before | after |',
      '|---|---|---|',
      '| `s0` | `a\\|b` | `` c`d `` |',
      '',
      'Given by inputs, never by the file: `api-secret`.'
    ])
  })

  it('puts the headline above collapsed details in the comment, with the marker of its file', () => {
    const body = commentBody([change('a', 'changed', 1, ['r'])], {
      file: 'x.yml',
      base: 'commit 1',
      head: 'the checkout',
      runUrl: 'https://run'
    })
    expect(body.startsWith(`${commentMarker('x.yml')}\n### Archive target plan: 1 project changes (1 setting), 1 risk to review`)).toBe(
      true
    )
    expect(body).toContain('<details><summary>Details</summary>')
    expect(body).toContain('This plan used no secret')
    expect(body.endsWith('<sub>From [the plan run](https://run).</sub>')).toBe(true)
    expect(commentMarker('a-->b.yml')).toBe('<!-- opentok-archive-target:plan file=ab.yml -->')
    const quiet = commentBody([change('a', 'unchanged', 0)], { file: 'x.yml', base: 'b', head: 'h' })
    expect(quiet).not.toContain('<details>')
    expect(quiet).toContain('No changes')
  })

  it('cuts a comment over 60,000 characters and points to the job summary', () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      change(`project-${i}`, 'changed', 10, ['a risk line that is long enough to matter'.repeat(2)])
    )
    const body = commentBody(many, { file: 'x.yml', base: 'b', head: 'h', runUrl: 'https://run' })
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT)
    expect(body).toContain('… cut here: the plan is longer than a comment may be. The job summary of [the run](https://run) has all of it.')
    expect(summaryMarkdown(many, { file: 'x.yml', base: 'b', head: 'h' }).length).toBeGreaterThan(MAX_COMMENT)
  })
})

describe('the base revision', () => {
  const event = (payload: unknown): string => {
    const dir = mkdtempSync(join(tmpdir(), 'event-'))
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
    writeFileSync(join(dir, 'event.json'), JSON.stringify(payload))
    return join(dir, 'event.json')
  }
  const sha = '0123456789abcdef0123456789abcdef01234567'

  it('takes the input first, and refuses one that is not a revision', () => {
    expect(chooseBase('main', {})).toEqual({ kind: 'revision', revision: 'main', from: "the input 'base'" })
    expect(chooseBase('HEAD~1', {})).toMatchObject({ kind: 'revision', revision: 'HEAD~1' })
    for (const bad of ['--output=x', 'a..b', 'a b', 'x;rm']) expect(chooseBase(bad, {}).kind, bad).toBe('problem')
  })

  it("defaults to the pull request's base and the push's before, and to nothing for a new branch", () => {
    expect(chooseBase('', { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event({ pull_request: { base: { sha } } }) })).toEqual({
      kind: 'revision',
      revision: sha,
      from: "the pull request's base commit"
    })
    expect(chooseBase('', { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event({ before: sha }) })).toMatchObject({
      kind: 'revision',
      revision: sha
    })
    expect(chooseBase('', { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event({ before: '0'.repeat(40) }) })).toEqual({
      kind: 'none',
      from: 'a push that created the branch'
    })
  })

  it('asks for base elsewhere, and when the payload is missing or broken', () => {
    expect(chooseBase('', { GITHUB_EVENT_NAME: 'schedule' })).toMatchObject({
      kind: 'problem',
      message: expect.stringMatching(/^'base' is required on a 'schedule' run/)
    })
    expect(chooseBase('', {})).toMatchObject({
      kind: 'problem',
      message: expect.stringMatching(/^'base' is required on a run outside a pull request or a push/)
    })
    expect(chooseBase('', { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: '/no/such/file' }).kind).toBe('problem')
    expect(
      chooseBase('', { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event({ pull_request: { base: { sha: '--evil' } } }) }).kind
    ).toBe('problem')
  })

  it('reads the pull request and whether it comes from a fork', () => {
    const path = event({ number: 9, pull_request: { number: 9, head: { repo: { full_name: 'me/fork' } } } })
    expect(pullRequestOf({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path, GITHUB_REPOSITORY: 'org/repo' })).toEqual({
      number: 9,
      fromFork: true
    })
    expect(pullRequestOf({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path, GITHUB_REPOSITORY: 'me/fork' })).toEqual({
      number: 9,
      fromFork: false
    })
    expect(pullRequestOf({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: path })).toBeUndefined()
  })
})

describe('the files at a revision', () => {
  it('keeps paths inside the repository', () => {
    for (const path of ['a.yml', '.github/x.yml', './a/b.pem', 'a/../b.pem']) expect(isInsideRepository(path), path).toBe(true)
    for (const path of ['', '/etc/passwd', '../x', 'a/../../x', 'a\0b']) expect(isInsideRepository(path), path).toBe(false)
  })

  it('reads the workspace and a commit of its git, and answers undefined for what is not there', async () => {
    const repo = scratchRepo([{ 'config.yml': 'first', 'sub/keep.txt': 'kept' }, { 'config.yml': 'second' }])
    cleanup.push(() => repo.remove())
    const head = workspaceFiles(repo.dir)
    expect(await head.read('config.yml')).toBe('second')
    expect(await head.read('missing.yml')).toBeUndefined()
    expect(await head.read('../outside')).toBeUndefined()
    const base = await gitFiles(repo.dir, repo.commits[0]!)
    expect(base?.where).toBe(`commit ${repo.commits[0]!.slice(0, 7)}`)
    expect(await base?.read('config.yml')).toBe('first')
    expect(await base?.read('./sub/keep.txt')).toBe('kept')
    expect(await base?.read('missing.yml')).toBeUndefined()
    expect(await gitFiles(repo.dir, 'f'.repeat(40))).toBeUndefined()
    expect(await gitFiles(repo.dir, '--help')).toBeUndefined()
    expect(await gitFiles(mkdtempSync(join(tmpdir(), 'not-git-')), 'HEAD')).toBeUndefined()
  })

  it('reads a checkout whose workspace is a folder of the repository', async () => {
    const repo = scratchRepo([{ 'app/config.yml': 'in app' }])
    cleanup.push(() => repo.remove())
    const base = await gitFiles(join(repo.dir, 'app'), repo.commits[0]!)
    expect(await base?.read('config.yml')).toBe('in app')
  })
})

describe('planProjects', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'plans-'))
  cleanup.push(() => rmSync(workspace, { recursive: true, force: true }))
  // A certificate made by a test is valid from the second it was made: judge it a moment later.
  const later = () => new Date(Date.now() + 2000)

  it('validates every project as a dry run, reading a certificate by path from the same files', async () => {
    mkdirSync(join(workspace, 'certs'), { recursive: true })
    writeFileSync(join(workspace, 'certs', 'a.pem'), makeCertificate('rsa:2048', 100))
    writeFileSync(
      join(workspace, 'targets.yml'),
      'projects:\n  a:\n    api-key: "46000001"\n    bucket: acme-archives\n    access-key: AK\n    certificate: certs/a.pem\n  b:\n    api-key: "46000002"\n    bucket: Bad_Bucket\n    access-key: AK\n  c:\n    api-key: "46000003"\n    bucket: acme-archives\n    access-key: AK\n    certificate: certs/none.pem\n'
    )
    const masked: string[] = []
    const plans = await planProjects('targets.yml', workspaceFiles(workspace), later(), s => masked.push(s))
    expect(plans?.problems).toEqual([])
    expect(
      plans?.projects.map(p => [
        p.name,
        p.plan?.certificate.kind,
        p.plan?.withheldSecrets,
        p.problems.map(q => [q.input, q.line, q.column])
      ])
    ).toEqual([
      ['a', 'set', ['api-secret', 'secret-key'], []],
      ['b', undefined, undefined, [['bucket', 9, 5]]],
      ['c', undefined, undefined, [['certificate', 15, 5]]]
    ])
    expect(plans?.projects[2]!.problems[0]!.message).toBe(
      "project 'c': 'certificate' names the file certs/none.pem, which is not in the workspace."
    )
    expect(plans?.projects[0]!.plan?.project).toBe('a')
    expect(masked).toEqual([])
    expect(await planProjects('nothing.yml', workspaceFiles(workspace), later(), () => undefined)).toBeUndefined()
  })

  it('reports each setting once, what the file got wrong first, and locates a project that is not a mapping', async () => {
    mkdirSync(join(workspace, 'certs'), { recursive: true })
    writeFileSync(join(workspace, 'certs', 'spaced.pem'), makeCertificate('rsa:2048', 100))
    writeFileSync(
      join(workspace, 'mixed.yml'),
      'projects:\n  listed:\n    api-key: "46000001"\n    bucket: [a, b]\n    access-key: AK\n  scalar: 3\n  spaced:\n    api-key: "46000002"\n    bucket: acme-archives\n    access-key: AK\n    certificate: " certs/spaced.pem "\n'
    )
    const plans = await planProjects('mixed.yml', workspaceFiles(workspace), later(), () => undefined)
    expect(plans?.projects.slice(0, 2)).toStrictEqual([
      {
        name: 'listed',
        problems: [
          {
            input: 'bucket',
            message: "project 'listed': 'bucket' must be a single value, not a list or a mapping.",
            file: 'mixed.yml',
            line: 4,
            column: 5
          }
        ]
      },
      {
        name: 'scalar',
        problems: [{ input: 'project', message: "project 'scalar' must be a mapping of settings.", file: 'mixed.yml', line: 6, column: 3 }]
      }
    ])
    // A certificate path typed with spaces around it is read from the same files.
    expect(plans?.projects[2]?.plan?.certificate.kind).toBe('set')
  })

  it('refuses a project with an unknown setting even when the rest is valid, and leaves a missing setting unlocated', async () => {
    writeFileSync(
      join(workspace, 'typo.yml'),
      'projects:\n  typo:\n    api-key: "46000001"\n    bucket: acme-archives\n    access-key: AK\n    buckt: acme-old\n  bare:\n    api-key: "46000002"\n    type: azure\n    container: archives\n'
    )
    const plans = await planProjects('typo.yml', workspaceFiles(workspace), later(), () => undefined)
    expect(plans?.projects).toStrictEqual([
      {
        name: 'typo',
        problems: [
          {
            input: 'buckt',
            message: expect.stringMatching(/^project 'typo' has an unknown setting 'buckt'; allowed: /),
            file: 'typo.yml',
            line: 6,
            column: 5
          }
        ]
      },
      {
        name: 'bare',
        problems: [
          { input: 'account-name', message: "project 'bare': 'account-name' is required when 'type' is 'azure'.", file: 'typo.yml' }
        ]
      }
    ])
  })

  it('masks a private key found in a certificate file, and reports file-level problems located', async () => {
    const { cert, key } = makeCertificateWithKey()
    writeFileSync(join(workspace, 'certs', 'k.pem'), `${cert}${key}`)
    writeFileSync(
      join(workspace, 'keyed.yml'),
      'projects:\n  a:\n    api-key: "46000001"\n    bucket: acme-archives\n    access-key: AK\n    certificate: certs/k.pem\nextra: 1\n'
    )
    const masked: string[] = []
    const plans = await planProjects('keyed.yml', workspaceFiles(workspace), later(), s => masked.push(s))
    for (const line of key.split('\n').filter(l => l.length >= 8 && !l.startsWith('-----'))) expect(masked).toContain(line)
    expect(plans?.problems).toEqual([
      { input: 'config-file', message: "unknown top-level key 'extra'; the only one is 'projects'.", file: 'keyed.yml', line: 7, column: 1 }
    ])
    expect(plans?.projects[0]!.problems.map(p => p.input)).toEqual(['certificate'])
  })
})

// The git binary must be there for the scratch repositories; say so plainly if it is not.
execFileSync('git', ['--version'])
