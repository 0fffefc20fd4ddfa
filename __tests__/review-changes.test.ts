/**
 * The risks a reviewer reads for each kind of move of the archive target, word for word, and what
 * the plan shows for projects that did not validate or left the file.
 */
import { describe, expect, it } from 'vitest'
import type { Plan, StorageTarget } from '../src/plan.js'
import { compareProjects, risksOf, settingsOf } from '../src/review/changes.js'
import { s3Plan } from './support/plans.js'

const applicationId = 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b'
/** Plans with fallback 'opentok', so that the only risks are those of the move. */
const at = (target: StorageTarget, overrides: Partial<Plan> = {}) => s3Plan({ fallback: 'opentok', target, ...overrides })
const acme: StorageTarget = { type: 's3', bucket: 'acme', accessKey: 'AK', secretKey: '', sse: 's3' }
const blob: StorageTarget = { type: 'azure', accountName: 'acmestorage', accountKey: '', container: 'archives' }
const moved = (to: string, from: string) => `Archives recorded after the merge go to ${to}; earlier ones stay where they are (${from}).`
const project = (name: string, plan?: Plan) => ({ name, ...(plan === undefined ? {} : { plan }), problems: [] })

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

describe('compareProjects', () => {
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

describe('settingsOf', () => {
  it('shows no target settings for a plan without a target', () => {
    const plan = s3Plan()
    Reflect.deleteProperty(plan, 'target')
    expect([...settingsOf(plan).keys()]).toEqual(['api-key', 'fallback', 'verify', 'max-attempts', 'timeout-seconds'])
  })
})
