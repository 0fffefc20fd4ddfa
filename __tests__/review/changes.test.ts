/**
 * What the plan shows of each project: its settings as the file names them, the risks a reviewer
 * reads for each kind of change (each move of the archive target word for word), and the
 * comparison of the projects at the base and at the head, including those that did not validate
 * or left the file.
 */
import { describe, expect, it } from 'vitest'
import type { Plan, StorageTarget } from '../../src/plan.js'
import { compareProjects, risksOf, settingsOf } from '../../src/review/changes.js'
import { s3Plan } from '../support/plans.js'

const azurePlan = (overrides: Partial<Plan> = {}): Plan =>
  s3Plan({ target: { type: 'azure', accountName: 'acme', accountKey: '', container: 'archives' }, ...overrides })
const project = (name: string, plan?: Plan) => ({ name, ...(plan === undefined ? {} : { plan }), problems: [] })

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

describe('compareProjects: the order of the projects and the kind of each change', () => {
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
    expect(risksOf(before, after)).toEqual([risk])
  })

  it('says nothing of an https:// endpoint', () => {
    expect(risksOf(undefined, at({ ...acme, endpoint: 'https://storage.example.com' }))).toEqual([])
  })
})

describe('a change of platform', () => {
  it('names the Vonage application the entry now sets, signed with its private key', () => {
    const vonage = at(acme, { credentials: { platform: 'vonage', applicationId, privateKey: '' } })
    expect(risksOf(at(acme), vonage)).toEqual([
      `The platform changes: this entry now sets the target of the Vonage application ${applicationId} (signed with 'private-key'); the target of the OpenTok project 46000042 is left as it was.`
    ])
  })
})

describe('compareProjects: what a project needs, its risks, and projects that did not validate', () => {
  it('asks a Vonage project for its private key and the Azure key', () => {
    const vonage = at(blob, { credentials: { platform: 'vonage', applicationId, privateKey: '' } })
    expect(compareProjects(undefined, [project('video', vonage)])[0]?.needs).toEqual(['private-key', 'account-key'])
  })

  it('lists the risks of a changed project', () => {
    const [change] = compareProjects([project('p', s3Plan({ fallback: 'opentok' }))], [project('p', s3Plan())])
    expect(change).toEqual({
      name: 'p',
      kind: 'changed',
      settings: [{ name: 'fallback', before: 'opentok', after: 'none' }],
      risks: ['`fallback` is `none`: an archive whose upload fails is lost, with nothing kept in the vendor cloud.'],
      needs: ['api-secret', 'secret-key']
    })
  })

  it('leaves out a head project that did not validate, and shows one removed that did not validate at the base with no settings', () => {
    expect(compareProjects([], [project('broken')])).toEqual([])
    expect(compareProjects([project('gone')], [])).toEqual([
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
