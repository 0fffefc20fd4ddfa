/**
 * What the plan shows of each project: its settings as the file names them, the risks a reviewer
 * reads for each kind of change (each move of the archive target word for word, as the log shows
 * them; values from the file as code in Markdown), and the comparison of the projects at the base
 * and at the head: the settings the file wrote, projects that did not validate, left the file, were
 * renamed, or share a project ID.
 */
import { describe, expect, it } from 'vitest'
import { phraseMarkdown, phraseText } from '../../src/phrase.js'
import type { Plan, StorageTarget } from '../../src/plan.js'
import { compareProjects, risksOf, settingsOf, sharedProjectIds, type ProjectChange } from '../../src/review/changes.js'
import { s3Plan } from '../support/plans.js'

const NOW = new Date('2026-12-02T12:00:00Z')
const azurePlan = (overrides: Partial<Plan> = {}): Plan =>
  s3Plan({ target: { type: 'azure', accountName: 'acme', accountKey: '', container: 'archives' }, ...overrides })
/** A plan of another OpenTok project (each test's projects are apart unless it says otherwise). */
const withKey = (apiKey: string, plan: Plan): Plan => ({ ...plan, credentials: { platform: 'opentok', apiKey, apiSecret: '' } })
/** A project of the file; by default it wrote every setting its plan shows. */
const project = (name: string, plan?: Plan, written?: readonly string[]) => ({
  name,
  ...(plan === undefined ? {} : { plan }),
  written: new Set(written ?? (plan === undefined ? [] : settingsOf(plan).keys())),
  problems: []
})
/** The risk lines as the log shows them. */
const risks = (before: Plan | undefined, after: Plan, now = NOW) => risksOf(before, after, now).map(phraseText)
const compare = (base: Parameters<typeof compareProjects>[0], head: Parameters<typeof compareProjects>[1]): ProjectChange[] =>
  compareProjects(base, head, NOW)
const logged = (change: ProjectChange | undefined) => ({ ...change, risks: change?.risks.map(phraseText) })

describe('settingsOf, for a target of each type', () => {
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
    validTo: new Date('2028-01-01')
  })

  it('says nothing of a change that carries no risk', () => {
    expect(risks(s3Plan(), s3Plan({ maxAttempts: 5 }))).toEqual([])
    expect(risks(s3Plan({ fallback: 'none' }), s3Plan({ fallback: 'none' }))).toEqual([])
    expect(risks(s3Plan({ fallback: 'none' }), s3Plan({ fallback: 'opentok' }))).toEqual([])
  })

  it('warns of fallback none, for a new project too', () => {
    const line = '`fallback` is `none`: an archive whose upload fails is lost, with nothing kept in the vendor cloud.'
    expect(risks(s3Plan({ fallback: 'opentok' }), s3Plan())).toEqual([line])
    expect(risks(undefined, s3Plan())).toEqual([line])
    expect(risks(undefined, s3Plan({ fallback: 'opentok' }))).toEqual([])
  })

  it('tells encryption turned off, a certificate removed from the file, and a new certificate apart', () => {
    const on = s3Plan({ fallback: 'opentok', certificate: cert('AA') })
    expect(risks(on, s3Plan({ fallback: 'opentok', certificate: { kind: 'off' } }))).toEqual([
      '`certificate: none`: archives are no longer encrypted.'
    ])
    expect(
      risks(s3Plan({ fallback: 'opentok', certificate: { kind: 'off' } }), s3Plan({ fallback: 'opentok', certificate: { kind: 'off' } }))
    ).toEqual([])
    expect(risks(on, s3Plan({ fallback: 'opentok' }))).toEqual([
      'The certificate is removed from the file: the file no longer sets encryption, so the vendor keeps whatever certificate it has and nothing here puts it back.'
    ])
    const renewed = ['A new certificate: only the holder of its private key can decrypt archives recorded after the merge.']
    expect(risks(on, s3Plan({ fallback: 'opentok', certificate: cert('BB') }))).toEqual(renewed)
    expect(risks(s3Plan({ fallback: 'opentok' }), on)).toEqual(renewed)
    expect(risks(on, on)).toEqual([])
  })

  it('says where archives go after a change of place, and not for other changes', () => {
    const moved = 'Archives recorded after the merge go to s3://other; earlier ones stay where they are (s3://acme).'
    expect(
      risks(
        s3Plan({ fallback: 'opentok' }),
        s3Plan({ fallback: 'opentok', target: { type: 's3', bucket: 'other', accessKey: 'AK', secretKey: '', sse: 's3' } })
      )
    ).toEqual([moved])
    expect(
      risks(
        s3Plan({ fallback: 'opentok' }),
        s3Plan({ fallback: 'opentok', target: { type: 's3', bucket: 'acme', accessKey: 'AK2', secretKey: '', sse: 's3' } })
      )
    ).toEqual([])
  })

  it('warns of http:// only when the endpoint becomes one', () => {
    const http = s3Plan({
      fallback: 'opentok',
      target: { type: 's3', bucket: 'acme', accessKey: 'AK', secretKey: '', endpoint: 'http://m.example:9000', sse: 's3' }
    })
    expect(risks(undefined, http)).toEqual([
      '`endpoint` is plain http:// (http://m.example:9000): the storage keys and every archive travel unencrypted.'
    ])
    expect(risks(http, http)).toEqual([])
  })

  it('names both sides of a platform change', () => {
    const vonage = s3Plan({
      fallback: 'opentok',
      credentials: { platform: 'vonage', applicationId: 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b', privateKey: '' }
    })
    expect(risks(vonage, s3Plan({ fallback: 'opentok' }))).toEqual([
      "The platform changes: this entry now sets the target of the OpenTok project 46000042 (signed with 'api-secret'); the target of the Vonage application c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b is left as it was."
    ])
  })
})

describe('compareProjects: the order of the projects and the kind of each change', () => {
  it('lists head projects in order, then removed ones, with what each changes and needs', () => {
    const changes = compare(
      [project('staging', s3Plan()), project('legacy', withKey('46000050', s3Plan({ fallback: 'opentok' }))), project('broken')],
      [
        project('staging', s3Plan({ fallback: 'opentok' })),
        project('fresh', withKey('46000051', azurePlan({ fallback: 'opentok' }))),
        project('broken', withKey('46000052', s3Plan({ fallback: 'opentok' })))
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
    expect(changes[3]!.settings[0]).toEqual({ name: 'api-key', before: '46000050' })
    expect(changes[1]!.settings[0]).toEqual({ name: 'api-key', after: '46000051' })
  })

  it('shows a setting that appears or disappears with only one side', () => {
    const [change] = compare(
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
    expect(compare(undefined, [project('p', s3Plan())]).map(c => c.kind)).toEqual(['added'])
    expect(compare([project('p', s3Plan())], [project('p', s3Plan())])).toEqual([
      { name: 'p', kind: 'unchanged', settings: [], risks: [], needs: ['api-secret', 'secret-key'] }
    ])
  })
})

const applicationId = 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b'
/** Plans with fallback 'opentok', so that the only risks are those of the move. */
const at = (target: StorageTarget, overrides: Partial<Plan> = {}) => s3Plan({ fallback: 'opentok', target, ...overrides })
const acme: StorageTarget = { type: 's3', bucket: 'acme', accessKey: 'AK', secretKey: '', sse: 's3' }
const blob: StorageTarget = { type: 'azure', accountName: 'acmestorage', accountKey: '', container: 'archives' }
const moved = (to: string, from: string) => `Archives recorded after the merge go to ${to}; earlier ones stay where they are (${from}).`

describe('where archives go after the merge', () => {
  it.each([
    [
      'an endpoint added',
      at(acme),
      at({ ...acme, endpoint: 'https://storage.example.com' }),
      moved('s3://acme at https://storage.example.com', 's3://acme')
    ],
    [
      'from S3 to Azure in another cloud',
      at(acme),
      at({ ...blob, domain: 'core.usgovcloudapi.net' }),
      moved('azure://acmestorage/archives in core.usgovcloudapi.net', 's3://acme')
    ],
    [
      'another container',
      at(blob),
      at({ ...blob, container: 'recordings' }),
      moved('azure://acmestorage/recordings', 'azure://acmestorage/archives')
    ],
    [
      'another storage account',
      at(blob),
      at({ ...blob, accountName: 'otherstorage' }),
      moved('azure://otherstorage/archives', 'azure://acmestorage/archives')
    ],
    [
      'another Azure cloud',
      at(blob),
      at({ ...blob, domain: 'core.chinacloudapi.cn' }),
      moved('azure://acmestorage/archives in core.chinacloudapi.cn', 'azure://acmestorage/archives')
    ]
  ])('%s', (_move, before, after, risk) => {
    expect(risks(before, after)).toEqual([risk])
  })

  it('says nothing of an https:// endpoint', () => {
    expect(risks(undefined, at({ ...acme, endpoint: 'https://storage.example.com' }))).toEqual([])
  })
})

describe('a change of platform', () => {
  it('names the Vonage application the entry now sets, signed with its private key', () => {
    const vonage = at(acme, { credentials: { platform: 'vonage', applicationId, privateKey: '' } })
    expect(risks(at(acme), vonage)).toEqual([
      `The platform changes: this entry now sets the target of the Vonage application ${applicationId} (signed with 'private-key'); the target of the OpenTok project 46000042 is left as it was.`
    ])
  })
})

describe('compareProjects: what a project needs, its risks, and projects that did not validate', () => {
  it('asks a Vonage project for its private key and the Azure key', () => {
    const vonage = at(blob, { credentials: { platform: 'vonage', applicationId, privateKey: '' } })
    expect(compare(undefined, [project('video', vonage)])[0]?.needs).toEqual(['private-key', 'account-key'])
  })

  it('lists the risks of a changed project', () => {
    const [change] = compare([project('p', s3Plan({ fallback: 'opentok' }))], [project('p', s3Plan())])
    expect(logged(change)).toEqual({
      name: 'p',
      kind: 'changed',
      settings: [{ name: 'fallback', before: 'opentok', after: 'none' }],
      risks: ['`fallback` is `none`: an archive whose upload fails is lost, with nothing kept in the vendor cloud.'],
      needs: ['api-secret', 'secret-key']
    })
  })

  it('leaves out a head project that did not validate, and shows one removed that did not validate at the base with no settings', () => {
    expect(compare([], [project('broken')])).toEqual([])
    expect(compare([project('gone')], []).map(logged)).toEqual([
      {
        name: 'gone',
        kind: 'removed',
        settings: [],
        risks: [
          "Removed from the file: its archive upload target is left as it was (the action never removes one by itself). To remove it, run the action with `operation: delete` and this project's credentials."
        ],
        needs: []
      }
    ])
  })
})

describe('settingsOf, without a target', () => {
  it('shows no target settings for a plan without a target', () => {
    const plan = s3Plan()
    Reflect.deleteProperty(plan, 'target')
    expect([...settingsOf(plan).keys()]).toEqual(['api-key', 'fallback', 'verify', 'max-attempts', 'timeout-seconds'])
  })
})

describe('the risks a reviewer must not miss', () => {
  const sse = (value: 's3' | 'none') =>
    s3Plan({ fallback: 'opentok', target: { type: 's3', bucket: 'acme', accessKey: 'AK', secretKey: '', sse: value } })
  const sseLine = '`sse` is `none`: the storage does not encrypt archives at rest (SSE-S3); give `sse: s3` unless the service cannot.'
  const verifyLine =
    '`verify` is `false`: the storage check is off, so the target is set without a test write, and a wrong key or bucket policy shows only when archives fail to upload.'

  it('warns when archives stop being encrypted at rest (sse: s3 → none), and for a new project without it', () => {
    expect(risks(sse('s3'), sse('none'))).toEqual([sseLine])
    expect(risks(undefined, sse('none'))).toEqual([sseLine])
    expect(risks(sse('none'), sse('none'))).toEqual([])
    expect(risks(sse('none'), sse('s3'))).toEqual([])
  })

  it('warns when the storage check is switched off, and for a new project without it', () => {
    const on = s3Plan({ fallback: 'opentok' })
    const off = s3Plan({ fallback: 'opentok', verify: false })
    expect(risks(on, off)).toEqual([verifyLine])
    expect(risks(undefined, off)).toEqual([verifyLine])
    expect(risks(off, off)).toEqual([])
    expect(risks(off, on)).toEqual([])
  })

  it('warns of a certificate that expires within 30 days, whether or not it changes, with the days left', () => {
    const expiring = (validTo: string) =>
      s3Plan({
        fallback: 'opentok',
        certificate: { kind: 'set', pem: '', subject: 'CN=x', fingerprint256: 'AA', validTo: new Date(validTo) }
      })
    const soon = expiring('2026-12-20T12:00:00Z')
    const line = (date: string, days: string) =>
      `The certificate expires on ${date}, in ${days}: renew it before then, or archives recorded after that date cannot be encrypted with it.`
    expect(risks(soon, soon)).toEqual([line('2026-12-20', '18 days')])
    expect(risks(soon, expiring('2026-12-03T13:00:00Z'))).toEqual([
      'A new certificate: only the holder of its private key can decrypt archives recorded after the merge.',
      line('2026-12-03', '1 day')
    ])
    // Exactly 30 days left is within; a second more is not.
    expect(risks(undefined, expiring('2027-01-01T12:00:00Z')).at(-1)).toBe(line('2027-01-01', '30 days'))
    expect(risks(undefined, expiring('2027-01-01T12:00:01Z'))).toEqual([
      'A new certificate: only the holder of its private key can decrypt archives recorded after the merge.'
    ])
    // An unchanged project still shows it: time alone brings the risk.
    const [unchanged] = compare([project('p', soon)], [project('p', soon)])
    expect(logged(unchanged)).toMatchObject({ kind: 'unchanged', risks: [line('2026-12-20', '18 days')] })
  })

  it('shows values from the file as code in Markdown, and as they are in the log', () => {
    const from = s3Plan({ fallback: 'opentok' })
    const to = s3Plan({
      fallback: 'opentok',
      target: { type: 's3', bucket: 'a`b', accessKey: 'AK', secretKey: '', sse: 's3', endpoint: 'https://e.example' }
    })
    const [risk] = risksOf(from, to, NOW)
    expect(phraseText(risk!)).toBe(
      'Archives recorded after the merge go to s3://a`b at https://e.example; earlier ones stay where they are (s3://acme).'
    )
    expect(phraseMarkdown(risk!)).toBe(
      'Archives recorded after the merge go to ``s3://a`b`` at `https://e.example`; earlier ones stay where they are (`s3://acme`).'
    )
  })
})

describe('projects that share an ID, or are renamed', () => {
  const legacy = s3Plan({ fallback: 'opentok' })

  it('names every entry that sets the target of the same project, in the plan of each', () => {
    const head = [
      project('staging', legacy),
      project('staging-eu', withKey('46000042', azurePlan({ fallback: 'opentok' }))),
      project('other', withKey('46000099', legacy))
    ]
    expect(sharedProjectIds(head)).toEqual(new Map([['46000042', ['staging', 'staging-eu']]]))
    const changes = compare([project('staging', legacy)], head)
    const shared = (other: string) =>
      `${other} also sets the target of the OpenTok project 46000042: one project has one archive upload target, so the deploys and nightly runs of these entries overwrite each other. Keep one entry per project ID.`
    expect(changes.map(logged).map(c => [c.name, c.kind, c.risks])).toEqual([
      ['staging', 'unchanged', [shared('staging-eu')]],
      ['staging-eu', 'added', [shared('staging')]],
      ['other', 'added', []]
    ])
    // An application ID is a UUID, the same in any case.
    const id = 'C7F9E2A4-1B3D-4E5F-8A9B-0C1D2E3F4A5B'
    const vonage = (applicationId: string) => s3Plan({ credentials: { platform: 'vonage', applicationId, privateKey: '' } })
    expect(sharedProjectIds([project('a', vonage(id)), project('b', vonage(id.toLowerCase()))]).size).toBe(1)
  })

  it('reads a project removed and one added with the same ID as one project renamed, and advises no delete', () => {
    const [renamed, ...rest] = compare([project('legacy', legacy)], [project('legacy-eu', { ...legacy, fallback: 'none' })])
    expect(rest).toEqual([])
    expect(logged(renamed)).toEqual({
      name: 'legacy-eu',
      formerName: 'legacy',
      kind: 'renamed',
      settings: [{ name: 'fallback', before: 'opentok', after: 'none' }],
      risks: ['`fallback` is `none`: an archive whose upload fails is lost, with nothing kept in the vendor cloud.'],
      needs: ['api-secret', 'secret-key']
    })
    // Renamed without a change of setting.
    expect(
      compare([project('legacy', legacy)], [project('legacy-eu', legacy)]).map(c => [c.name, c.kind, c.formerName, c.settings])
    ).toEqual([['legacy-eu', 'renamed', 'legacy', []]])
  })

  it('advises no delete for a removed project whose ID another entry still sets', () => {
    const changes = compare([project('a', legacy), project('b', legacy)], [project('a', legacy)])
    expect(changes.map(logged).find(c => c.name === 'b')?.risks).toEqual([
      'Removed from the file, but a still sets the target of the same project ID: do not run `operation: delete` for it, which would remove that target.'
    ])
  })
})

describe('the settings the file wrote', () => {
  it('counts only settings the file wrote, not the defaults a plan fills in', () => {
    const plan = s3Plan({ fallback: 'opentok' })
    const [added] = compare(undefined, [project('p', plan, ['api-key', 'bucket', 'access-key', 'fallback'])])
    expect(added?.settings.map(s => s.name)).toEqual(['api-key', 'bucket', 'access-key', 'fallback'])
    // A default that changes because the file stopped writing it counts: it was written at the base.
    const [changed] = compare(
      [project('p', s3Plan({ fallback: 'opentok', verify: false }), ['api-key', 'verify'])],
      [project('p', plan, ['api-key'])]
    )
    expect(changed?.settings).toEqual([{ name: 'verify', before: 'false', after: 'true' }])
  })
})
