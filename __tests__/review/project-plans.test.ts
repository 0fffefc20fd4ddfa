/**
 * Every project of the configuration file validated as a dry run: certificates read by path from
 * the same files, problems located, and a private key in a certificate file masked.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { planProjects } from '../../src/review/project-plans.js'
import { workspaceFiles } from '../../src/sources/files.js'
import { makeCertificate, makeCertificateWithKey } from '../support/certificates.js'

const cleanup: Array<() => void> = []
afterAll(() => cleanup.forEach(remove => remove()))

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
        written: new Set(['api-key', 'access-key']),
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
        written: new Set(),
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
        written: new Set(['api-key', 'bucket', 'access-key']),
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
        written: new Set(['api-key', 'type', 'container']),
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
