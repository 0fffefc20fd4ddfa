/** readTarget through readPlan, at the edges a survivor of the mutation run pointed to: each case states what a user typed and what the action does. */
import { describe, expect, it } from 'vitest'
import { readPlan } from '../src/inputs/index.js'

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
