/**
 * The storage target through readPlan, input by input: what a user typed, and what the action
 * keeps, refuses or withholds.
 */
import { describe, expect, it } from 'vitest'
import { readPlan } from '../../src/inputs/index.js'

const now = new Date('2026-11-27T12:00:00Z')
const project = { 'api-key': '46000042', 'api-secret': 'project-secret' }
const s3 = { bucket: 'acme-archives', 'access-key': 'AKIA01', 'secret-key': 'secret/key+1' }
const azure = { type: 'azure', 'account-name': 'acmestorage', 'account-key': 'a2V5', container: 'archives' }
const read = (inputs: Record<string, string>) => readPlan(name => inputs[name] ?? '', now)
const problemsOf = (inputs: Record<string, string>) => {
  const result = read(inputs)
  return result.ok ? [] : result.problems.map(p => `${p.input}: ${p.message}`)
}

describe('the storage target', () => {
  it('requires the storage secret outside a dry run, and withholds it in one', () => {
    expect(problemsOf({ ...project, ...s3, 'secret-key': '' })).toEqual(["secret-key: 'secret-key' is required when 'type' is 's3'."])
    const dry = read({ ...project, ...s3, 'secret-key': '', 'dry-run': 'true' })
    expect(dry.ok && dry.plan.withheldSecrets).toEqual(['secret-key'])
  })

  it('takes a secret key of 1024 characters', () => {
    expect(problemsOf({ ...project, ...s3, 'secret-key': 'k'.repeat(1024) })).toEqual([])
  })

  it('refuses an account key that only ends like base64', () => {
    expect(problemsOf({ ...project, ...azure, 'account-key': 'not base64!abc=' })).toEqual([
      "account-key: 'account-key' must be the storage account's access key, in base64."
    ])
  })

  it('gives no notice for a domain given as it is', () => {
    const result = read({ ...project, ...azure, domain: 'core.usgovcloudapi.net' })
    expect(result.ok && [result.plan.target, result.notices]).toEqual([{ ...azureTarget(), domain: 'core.usgovcloudapi.net' }, []])
  })

  it('does not judge the domain against an account name that was refused', () => {
    expect(problemsOf({ ...project, ...azure, 'account-name': 'AcmeStorage', domain: 'acmestorage.blob.core.windows.net' })).toEqual([
      "account-name: 'account-name' must be a storage account name: 3 to 24 lower-case letters and digits; got 'AcmeStorage'. Did you mean 'acmestorage'?"
    ])
  })
})

function azureTarget() {
  return { type: 'azure', accountName: 'acmestorage', accountKey: 'a2V5', container: 'archives' }
}

describe('the storage target, input by input', () => {
  const s3 = {
    'api-key': '46000042',
    'api-secret': 'project-secret',
    bucket: 'acme-archives',
    'access-key': 'AKIA01',
    'secret-key': 'secret/key+1'
  }
  const azure = {
    'api-key': '46000042',
    'api-secret': 'project-secret',
    type: 'azure',
    'account-name': 'acmestorage',
    'account-key': 'S0VZa2V5',
    container: 'archives'
  }

  it('names each input of the other type, and what to do', () => {
    expect(problemsOf({ ...s3, 'account-name': 'acmestorage', container: 'archives' })).toEqual([
      "account-name: 'account-name' belongs to type 'azure'; remove it, or set 'type: azure'.",
      "container: 'container' belongs to type 'azure'; remove it, or set 'type: azure'."
    ])
    expect(problemsOf({ ...azure, bucket: 'b12', sse: 'none' })).toEqual([
      "bucket: 'bucket' belongs to type 's3'; remove it, or set 'type: s3'.",
      "sse: 'sse' belongs to type 's3'; remove it, or set 'type: s3'."
    ])
  })

  it('names every required input that is missing, for the type', () => {
    expect(problemsOf({ 'api-key': '46000042', 'api-secret': 's' })).toEqual([
      "bucket: 'bucket' is required when 'type' is 's3'.",
      "access-key: 'access-key' is required when 'type' is 's3'.",
      "secret-key: 'secret-key' is required when 'type' is 's3'."
    ])
    expect(problemsOf({ 'api-key': '46000042', 'api-secret': 's', type: 'azure' })).toEqual([
      "account-name: 'account-name' is required when 'type' is 'azure'.",
      "account-key: 'account-key' is required when 'type' is 'azure'.",
      "container: 'container' is required when 'type' is 'azure'."
    ])
  })

  it('lets a dry run go without the storage secret, and lists it as withheld', () => {
    const dry = read({ ...s3, 'secret-key': '', 'dry-run': 'true' })
    expect(dry.ok && [dry.plan.withheldSecrets, dry.plan.target]).toEqual([
      ['secret-key'],
      { type: 's3', bucket: 'acme-archives', accessKey: 'AKIA01', secretKey: '', sse: 's3' }
    ])
    const azureDry = read({ ...azure, 'account-key': '', 'dry-run': 'true' })
    expect(azureDry.ok && azureDry.plan.withheldSecrets).toEqual(['account-key'])
  })

  it.each([
    ['access-key', 'AKIA 01', "access-key: 'access-key' must be printable ASCII without spaces."],
    ['access-key', 'AKIAé01', "access-key: 'access-key' must be printable ASCII without spaces."],
    ['secret-key', 'secret\u00a0key', "secret-key: 'secret-key' must be printable ASCII on a single line."],
    ['secret-key', 'x'.repeat(1025), "secret-key: 'secret-key' is longer than 1024 characters."],
    ['sse', 'aws:kms', "sse: 'sse' must be one of 's3', 'none'; got 'aws:kms'."]
  ])('S3: refuses %s %j', (input, value, problem) => {
    expect(problemsOf({ ...s3, [input]: value })).toEqual([problem])
  })

  it('S3: takes a secret key with spaces inside and SSE in any case', () => {
    const result = read({ ...s3, 'secret-key': 'with space/+', sse: 'NONE' })
    expect(result.ok && result.plan.target).toEqual({
      type: 's3',
      bucket: 'acme-archives',
      accessKey: 'AKIA01',
      secretKey: 'with space/+',
      sse: 'none'
    })
  })

  it.each([
    ['account-key', 'not base64!', "account-key: 'account-key' must be the storage account's access key, in base64."],
    ['account-key', 'S0VZ===', "account-key: 'account-key' must be the storage account's access key, in base64."],
    ['account-name', 'Acme-Storage', expect.stringMatching(/^account-name: 'account-name' must be a storage account name/)],
    ['container', 'Archives', expect.stringMatching(/^container: 'container' must be a container name: .* Did you mean 'archives'\?$/)]
  ])('Azure: refuses %s %j', (input, value, problem) => {
    expect(problemsOf({ ...azure, [input]: value })).toEqual([problem])
  })

  it('Azure: reads the target with its domain', () => {
    const result = read({ ...azure, domain: 'core.usgovcloudapi.net' })
    expect(result.ok && result.plan.target).toEqual({
      type: 'azure',
      accountName: 'acmestorage',
      accountKey: 'S0VZa2V5',
      container: 'archives',
      domain: 'core.usgovcloudapi.net'
    })
  })

  it('judges the storage inputs given even when type is wrong', () => {
    expect(problemsOf({ ...s3, type: 'gcs', bucket: 'x', 'account-name': 'BAD NAME' })).toEqual([
      expect.stringMatching(/^type: 'type' must be one of 's3', 'azure'; got 'gcs'\./),
      expect.stringMatching(/^bucket: 'bucket' has 1 character; Amazon S3 bucket names are 3 to 63 /),
      expect.stringMatching(/^account-name: 'account-name' must be a storage account name/)
    ])
  })
})
