/**
 * The JSON Schema that editors use for the configuration file and the action itself agree: on a
 * corpus of valid and invalid project entries, fuzzed from per-setting values, a file passes the
 * schema exactly when the action accepts it (as a dry run without secrets, which judges the file
 * alone).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Ajv from 'ajv'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { readPlan } from '../../src/inputs/index.js'
import { readSettings } from '../../src/sources/settings.js'
import { ROOT } from '../support/run-action.js'

const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'opentok-archive-target.schema.json'), 'utf8'))
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)
const workspace = mkdtempSync(join(tmpdir(), 'config-schema-'))
afterAll(() => rmSync(workspace, { recursive: true, force: true }))

/** The action's verdict on a file: a dry run without secrets, so only the file's content is judged. */
async function actionAccepts(text: string): Promise<boolean> {
  writeFileSync(join(workspace, 'targets.yml'), text)
  const inputs: Record<string, string> = { 'config-file': 'targets.yml', 'dry-run': 'true' }
  const gathered = await readSettings(
    name => inputs[name] ?? '',
    workspace,
    () => {}
  )
  if (!gathered.ok || gathered.settings.problems.length > 0) return false
  return readPlan(gathered.settings.read, new Date()).ok
}
const schemaAccepts = (text: string): boolean => validate(parse(text)) === true

/** Values of each setting, valid and not, as YAML will type them (numbers and booleans too). */
const values: Record<string, unknown[]> = {
  'api-key': ['46000001', 46000002, 'abc-123', 'a b', '4600/1', 'x'.repeat(65), true],
  'application-id': ['c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b', 'C7F9E2A4-1B3D-4E5F-8A9B-0C1D2E3F4A5B', 'not-a-uuid', 12],
  type: ['s3', 'S3', 'azure', 'Azure', 'gcs', ''],
  bucket: ['acme-archives', 'LegacyBucket', 'acme_archives', 'ab', 'acme..x', '192.168.1.1', 'xn--acme', 'acme-s3alias', 'has space', 2024],
  'access-key': ['AKIAEXAMPLE', 'has space', 42],
  endpoint: [
    'https://storage.googleapis.com',
    'HTTPS://MinIO.example.com/',
    'http://127.0.0.1:9000',
    'storage.googleapis.com',
    'https://s3.example.com/bucket',
    'ftp://x.example.com'
  ],
  sse: ['s3', 'None', 'aws:kms'],
  'account-name': ['acmestorage', 'AcmeStorage', 'ab'],
  container: ['archives', 'Archives', 'a--b', '$root'],
  domain: ['core.windows.net', 'blob.core.usgovcloudapi.net', 'https://core.chinacloudapi.cn/', 'not a domain', 'localhost'],
  fallback: ['none', 'OpenTok', 'keep'],
  certificate: ['none', 'None', ' '],
  verify: [true, false, 'TRUE', 'no', 1],
  'max-attempts': [3, '10', 0, 11, '1.5', 'three'],
  'timeout-seconds': [30, '600', 601, 0, 'x'],
  'secret-key': ['a-secret-in-the-file'],
  'private-key': ['-----BEGIN PRIVATE KEY-----'],
  bukcet: ['a typo']
}
const bases: Array<Record<string, unknown>> = [
  { 'api-key': '46000001', bucket: 'acme-archives', 'access-key': 'AKIAEXAMPLE' },
  { 'application-id': 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b', type: 'azure', 'account-name': 'acmestorage', container: 'archives' },
  { 'api-key': 46000002, bucket: 'LegacyBucket', 'access-key': 'AK', endpoint: 'https://minio.example.com', sse: 'none', verify: false },
  {
    'application-id': 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b',
    type: 'Azure',
    'account-name': 'acme',
    container: 'archives',
    domain: 'core.windows.net',
    fallback: 'opentok'
  }
]

/** A valid entry with up to three changes: a setting set to any corpus value, or removed. */
const entry = fc
  .tuple(
    fc.constantFrom(...bases),
    fc.array(
      fc.oneof(
        fc.constantFrom(...Object.keys(values)).chain(name => fc.constantFrom(...values[name]!).map(value => [name, value] as const)),
        fc.constantFrom(...Object.keys(values)).map(name => [name, undefined] as const)
      ),
      { maxLength: 3 }
    )
  )
  .map(([base, changes]) => {
    const result = new Map(Object.entries(base))
    for (const [name, value] of changes) {
      if (value === undefined) result.delete(name)
      else result.set(name, value)
    }
    return Object.fromEntries(result)
  })

describe('the configuration file schema', () => {
  it('is a valid draft-07 schema, and accepts the shipped example file', () => {
    const example = readFileSync(join(ROOT, 'examples', 'opentok-archive-target.yml'), 'utf8')
    expect(validate(parse(example)), JSON.stringify(validate.errors)).toBe(true)
    expect(example).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/raw\.githubusercontent\.com\/.+\/schema\/opentok-archive-target\.schema\.json$/m
    )
  })

  it.each([
    ['a minimal S3 project', { projects: { staging: { 'api-key': '46000001', bucket: 'acme-archives', 'access-key': 'AKIA1' } } }, true],
    [
      'a Vonage Azure project',
      {
        projects: {
          prod: { 'application-id': 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b', type: 'azure', 'account-name': 'acme', container: 'archives' }
        }
      },
      true
    ],
    ['no projects key', { project: {} }, false],
    ['an empty projects map', { projects: {} }, false],
    ['a project that is a list', { projects: { staging: ['api-key'] } }, false],
    [
      'both credentials',
      { projects: { s: { 'api-key': '1', 'application-id': 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b', bucket: 'acme', 'access-key': 'A' } } },
      false
    ],
    ['no credentials', { projects: { s: { bucket: 'acme', 'access-key': 'A' } } }, false],
    [
      'an S3 setting with type azure',
      { projects: { s: { 'api-key': '1', type: 'azure', 'account-name': 'acme', container: 'archives', bucket: 'x' } } },
      false
    ],
    ['a bad project name', { projects: { 'has space': { 'api-key': '1', bucket: 'acme', 'access-key': 'A' } } }, false],
    ['a null setting', { projects: { s: { 'api-key': '1', bucket: 'acme', 'access-key': 'A', domain: null } } }, false]
  ])('agrees with the action on %s', async (_case, file, valid) => {
    const text = stringify(file)
    expect(schemaAccepts(text)).toBe(valid)
    expect(await actionAccepts(text)).toBe(valid)
  })

  it('property: agrees with the action on fuzzed project entries', async () => {
    let accepted = 0
    await fc.assert(
      fc.asyncProperty(entry, async settings => {
        const text = stringify({ projects: { staging: settings } })
        const bySchema = schemaAccepts(text)
        expect(
          await actionAccepts(text),
          `${text}\nschema: ${JSON.stringify(validate.errors?.map(e => `${e.instancePath} ${e.message}`))}`
        ).toBe(bySchema)
        if (bySchema) accepted++
      }),
      { numRuns: 600 }
    )
    // The corpus must reach both sides.
    expect(accepted).toBeGreaterThan(60)
    expect(accepted).toBeLessThan(540)
  })
})
