/** Values as users type them: cases, storage names judged as the services judge them, URLs, and validation that does not depend on other inputs. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readPlan, type PlanResult } from '../src/inputs/index.js'
import {
  accountNameProblem,
  amazonBucketProblem,
  compatibleBucketProblem,
  containerProblem,
  readAzureDomain
} from '../src/inputs/storage-names.js'
import { buildRequest } from '../src/storage.js'

const now = new Date('2026-11-27T12:00:00Z')
const project = { 'api-key': '46000042', 'api-secret': 'api-secret-value' }
const s3 = { ...project, bucket: 'acme-archives', 'access-key': 'AKIA01', 'secret-key': 'secret/key+1' }
const azure = { ...project, type: 'azure', 'account-name': 'acmestorage', 'account-key': 'a2V5', container: 'archives' }

const plan = (inputs: Record<string, string>): PlanResult => readPlan(name => inputs[name] ?? '', now)
const problemsOf = (inputs: Record<string, string>): string[] => {
  const result = plan(inputs)
  return result.ok ? [] : result.problems.map(p => p.input)
}
const messagesOf = (inputs: Record<string, string>): string => {
  const result = plan(inputs)
  return result.ok ? '' : result.problems.map(p => p.message).join('\n')
}

describe('values matched without regard to case', () => {
  it('reads S3, None, OpenTok and TRUE and sends the vendor its lower-case values', () => {
    const result = plan({
      ...s3,
      type: 'S3',
      sse: 'None',
      fallback: 'OpenTok',
      verify: 'FALSE',
      'dry-run': 'True',
      'fail-on-error': 'False'
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect([result.plan.dryRun, result.plan.verify, result.plan.failOnError]).toEqual([true, false, false])
    const body = JSON.parse(buildRequest(result.plan).body!)
    expect(body).toMatchObject({ type: 's3', fallback: 'opentok', config: { sse: 'none' } })
  })

  it('reads Azure, Delete and certificate None', () => {
    const azurePlan = plan({ ...azure, type: 'Azure', certificate: 'None' })
    expect(azurePlan.ok && JSON.parse(buildRequest(azurePlan.plan).body!)).toMatchObject({ type: 'azure', certificate: null })
    const deletePlan = plan({ ...project, operation: 'Delete' })
    expect(deletePlan.ok && buildRequest(deletePlan.plan).method).toBe('DELETE')
  })

  it('still refuses what no spelling makes valid, quoting the allowed values', () => {
    expect(messagesOf({ ...s3, sse: 'AES256' })).toContain("'sse' must be one of 's3', 'none'; got 'AES256'")
  })
})

describe('validation does not depend on other inputs', () => {
  it('delete asks for no target inputs and warns once about those given', () => {
    const result = plan({ ...project, operation: 'delete', type: 'gcs', bucket: 'Not A Bucket', 'secret-key': 'x', certificate: 'junk' })
    expect(result.ok && result.ignored).toEqual(['type', 'bucket', 'secret-key', 'certificate'])
    expect(result.warnings).toEqual([])
  })

  it('a bad type still reports a bad bucket, a bad container and a bad endpoint', () => {
    expect(problemsOf({ ...project, type: 'gcs', bucket: 'Bad_Bucket!', container: 'Archives' }).sort()).toEqual([
      'bucket',
      'container',
      'type'
    ])
    expect(problemsOf({ ...project, type: 'gcs', endpoint: 'storage.googleapis.com' }).sort()).toEqual(['endpoint', 'type'])
  })

  it('a bad operation still reports the target inputs', () => {
    expect(problemsOf({ ...s3, operation: 'remove', bucket: 'UPPER' }).sort()).toEqual(['bucket', 'operation'])
  })

  it('bad credentials still report the target inputs, and the other way round', () => {
    expect(problemsOf({ ...s3, 'api-key': 'a b', fallback: 'keep' }).sort()).toEqual(['api-key', 'fallback'])
  })
})

describe('Amazon S3 bucket names', () => {
  it.each([
    ['LegacyBucket', /upper-case letters.*did you mean 'legacybucket'/],
    ['ab', /has 2 characters/],
    ['a'.repeat(64), /has 64 characters/],
    ['acme_archives', /holds '_'/],
    ['acme archives', /holds 'a space'.*Did you mean 'acme-archives'/],
    ['-acme', /start and end with a letter or digit/],
    ['acme.', /start and end with a letter or digit/],
    ['acme..archives', /two adjacent periods/],
    ['192.168.5.4', /IP address/],
    ['xn--acme', /starts with 'xn--'/],
    ['sthree-acme', /starts with 'sthree-'/],
    ['acme-s3alias', /ends with '-s3alias'/],
    ['acme--ol-s3', /ends with '--ol-s3'/]
  ])('refuses %j', (name, reason) => {
    expect(amazonBucketProblem(name)).toMatch(reason)
    expect(problemsOf({ ...s3, bucket: name })).toEqual(['bucket'])
  })

  it.each(['acme-archives', 'a.b.c', 'abc', '1acme', 'a'.repeat(63), 'acme.archives-2026'])('accepts %j', name => {
    expect(amazonBucketProblem(name)).toBeUndefined()
  })

  it('with a custom endpoint refuses only what no S3 service allows', () => {
    expect(problemsOf({ ...s3, bucket: 'LegacyBucket', endpoint: 'https://minio.example.com' })).toEqual([])
    expect(problemsOf({ ...s3, bucket: 'legacy_bucket', endpoint: 'https://minio.example.com' })).toEqual([])
    expect(problemsOf({ ...s3, bucket: 'has space', endpoint: 'https://minio.example.com' })).toEqual(['bucket'])
    expect(problemsOf({ ...s3, bucket: 'a/b', endpoint: 'https://minio.example.com' })).toEqual(['bucket'])
  })

  it('property: a name Amazon accepts is accepted by the lenient rules too, and is lower case', () => {
    const char = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCZ0123456789.-_ '.split(''))
    fc.assert(
      fc.property(fc.array(char, { minLength: 1, maxLength: 70 }), chars => {
        const name = chars.join('')
        if (amazonBucketProblem(name) === undefined) {
          expect(compatibleBucketProblem(name)).toBeUndefined()
          expect(name).toBe(name.toLowerCase())
          expect(name.length).toBeGreaterThanOrEqual(3)
          expect(name.length).toBeLessThanOrEqual(63)
          expect(name).not.toContain('..')
          expect(name).toMatch(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/)
        }
      }),
      { numRuns: 2000 }
    )
  })
})

describe('Azure names', () => {
  it.each(['AcmeStorage', 'ab', 'a'.repeat(25), 'acme-storage'])('refuses the account name %j', name => {
    expect(accountNameProblem(name)).toMatch(/^'account-name' must be/)
  })
  it('suggests the lower-case account name', () => {
    expect(accountNameProblem('AcmeStorage')).toContain("Did you mean 'acmestorage'?")
  })
  it.each(['Archives', 'a--b', '-ab', 'ab-', 'ab', 'a'.repeat(64), 'arch_ives'])('refuses the container %j', name => {
    expect(containerProblem(name)).toMatch(/^'container' must be/)
  })
  it.each(['archives', 'a-b-c', 'abc', '1ab', 'a'.repeat(63), '$root', '$web'])('accepts the container %j', name => {
    expect(containerProblem(name)).toBeUndefined()
  })
  it('property: an accepted container name has no upper case, no "--" and no edge hyphen', () => {
    const char = fc.constantFrom(...'abcXYZ019-_'.split(''))
    fc.assert(
      fc.property(fc.array(char, { minLength: 1, maxLength: 66 }), chars => {
        const name = chars.join('')
        if (containerProblem(name) === undefined) expect(name).toMatch(/^[a-z0-9]([a-z0-9]|-(?=[a-z0-9])){2,62}$/)
      }),
      { numRuns: 2000 }
    )
  })

  it.each([
    ['core.windows.net', 'core.windows.net'],
    ['blob.core.windows.net', 'core.windows.net'],
    ['BLOB.core.usgovcloudapi.net', 'core.usgovcloudapi.net'],
    ['https://core.chinacloudapi.cn/', 'core.chinacloudapi.cn'],
    ['https://acmestorage.blob.core.windows.net', 'core.windows.net']
  ])('reads the domain %j as %j, never as blob.blob', (given, domain) => {
    expect(readAzureDomain(given, 'acmestorage').domain).toBe(domain)
    const result = plan({ ...azure, domain: given })
    expect(result.ok && result.plan.target?.type === 'azure' && result.plan.target.domain).toBe(domain)
    if (given !== domain) expect(result.notices.join()).toContain(`read as '${domain}'`)
  })
})

describe('URLs', () => {
  it('normalises the endpoint scheme and host and drops a trailing slash', () => {
    const result = plan({ ...s3, endpoint: 'HTTPS://Storage.GoogleAPIs.com/' })
    expect(result.ok && result.plan.target?.type === 's3' && result.plan.target.endpoint).toBe('https://storage.googleapis.com')
  })

  it.each([
    ['https://s3.example.com/acme-archives', /got the path '\/acme-archives'.*The bucket goes in 'bucket'/],
    ['storage.googleapis.com', /Did you mean 'https:\/\/storage\.googleapis\.com'/],
    [`https://${'a'.repeat(1100)}.com`, /longer than 1024 characters/]
  ])('refuses the endpoint %j, explaining why', (endpoint, reason) => {
    expect(messagesOf({ ...s3, endpoint })).toMatch(reason)
  })

  it.each(['https://api.opentok.com/', 'https://api.opentok.com/v2', 'https://api.opentok.com/v2/', 'HTTPS://API.OPENTOK.COM'])(
    'reads api-url %j as https://api.opentok.com, never /v2/v2',
    apiUrl => {
      const result = plan({ ...s3, 'api-url': apiUrl })
      expect(result.ok && buildRequest(result.plan).url).toBe('https://api.opentok.com/v2/project/46000042/archive/storage')
    }
  )

  it.each(['https://api.opentok.com/v3', 'https://api.opentok.com/v2/project/46000042/archive/storage'])(
    'refuses api-url %j naming it',
    apiUrl => {
      expect(problemsOf({ ...s3, 'api-url': apiUrl })).toEqual(['api-url'])
      expect(messagesOf({ ...s3, 'api-url': apiUrl })).toMatch(/The action adds \/v2\/project\/\{id\}\/archive\/storage itself/)
    }
  )
})
