/**
 * The edges of what the inputs accept, where a looser reading would send a signed request
 * somewhere else or sign with something that is not the secret: each case states the value a
 * user could type and what the action must do with it.
 */
import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { readPlan } from '../src/inputs/index.js'
import { readAzureDomain } from '../src/inputs/storage-names.js'
import { checkPrivateKey } from '../src/private-key.js'

const now = new Date('2026-11-27T12:00:00Z')
const applicationId = 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b'
const pair = generateKeyPairSync('rsa', { modulusLength: 2048 })
const privateKey = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const storage = { bucket: 'acme-archives', 'access-key': 'AKIA01', 'secret-key': 'secret/key+1' }

const read = (inputs: Record<string, string>) => readPlan(name => inputs[name] ?? '', now)
const problemsOf = (inputs: Record<string, string>) => {
  const result = read(inputs)
  return result.ok ? [] : result.problems.map(p => `${p.input}: ${p.message}`)
}

describe('the application ID goes into the request path, so it must be a UUID and nothing more', () => {
  it.each([
    `../x/${applicationId}`,
    `${applicationId}/../../other`,
    `${applicationId} `.repeat(2).trim(),
    `x${applicationId}`,
    `${applicationId}0`,
    applicationId.replace(/-/g, '')
  ])('refuses %j', id => {
    expect(problemsOf({ ...storage, 'application-id': id, 'private-key': privateKey })).toEqual([
      "application-id: 'application-id' must be the Vonage application's ID, a UUID such as c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b."
    ])
  })

  it('takes it in upper case and sends it lower-cased', () => {
    const result = read({ ...storage, 'application-id': applicationId.toUpperCase(), 'private-key': privateKey })
    expect(result.ok && result.plan.credentials).toEqual({ platform: 'vonage', applicationId, privateKey: privateKey.trim() })
  })

  it('in api-key, a path around a UUID is not an application ID, and is refused as an API key', () => {
    expect(problemsOf({ ...storage, 'api-key': `../x/${applicationId}`, 'api-secret': 'project-secret' })).toEqual([
      "api-key: 'api-key' must be the OpenTok project's API key: letters, digits and '-' only, at most 64."
    ])
  })
})

describe('the API key and secret', () => {
  it('takes an API key of letters, digits and - up to 64 characters', () => {
    expect(problemsOf({ ...storage, 'api-key': `A-${'9'.repeat(62)}`, 'api-secret': 's' })).toEqual([])
    expect(problemsOf({ ...storage, 'api-key': '9'.repeat(65), 'api-secret': 's' })).toEqual([
      "api-key: 'api-key' must be the OpenTok project's API key: letters, digits and '-' only, at most 64."
    ])
    expect(problemsOf({ ...storage, 'api-key': '46000042/', 'api-secret': 's' })).toHaveLength(1)
  })

  it.each(['first\nsecond', 'first\r\nsecond', 'first\rsecond'])('refuses a secret on more than one line (%j)', secret => {
    expect(problemsOf({ ...storage, 'api-key': '46000042', 'api-secret': secret })).toEqual([
      "api-secret: 'api-secret' must be a single line."
    ])
  })

  it('reads a secret with a trailing newline, as a pasted secret has, without it', () => {
    const result = read({ ...storage, 'api-key': '46000042', 'api-secret': 'project-secret\n' })
    expect(result.ok && result.plan.credentials).toEqual({ platform: 'opentok', apiKey: '46000042', apiSecret: 'project-secret' })
  })

  it('asks for the secret, unless it is a dry run, which lists it as withheld', () => {
    expect(problemsOf({ ...storage, 'api-key': '46000042' })).toEqual([
      "api-secret: 'api-secret' is required with 'api-key': the OpenTok project's API secret."
    ])
    const dry = read({ ...storage, 'api-key': '46000042', 'dry-run': 'true' })
    expect(dry.ok && dry.plan.withheldSecrets).toEqual(['api-secret'])
  })

  it('a UUID in api-key with a secret that is no key is refused, naming api-secret', () => {
    expect(problemsOf({ ...storage, 'api-key': applicationId, 'api-secret': 'plain-secret' })).toEqual([
      expect.stringMatching(/^api-secret: 'api-key' is a UUID, which is a Vonage application ID, but 'api-secret' is not a private key\./)
    ])
  })

  it('a private key in api-secret with an API key that is no UUID is refused, naming api-key', () => {
    expect(problemsOf({ ...storage, 'api-key': '46000042', 'api-secret': privateKey })).toEqual([
      expect.stringMatching(/^api-key: 'api-secret' holds a private key, but 'api-key' is not a Vonage application ID/)
    ])
  })

  it('credentials of both platforms are refused, naming what was given', () => {
    expect(problemsOf({ ...storage, 'api-key': '46000042', 'private-key': privateKey })).toEqual([
      expect.stringMatching(/^api-key: Credentials of both platforms were given \('api-key', 'private-key'\); give one pair: /)
    ])
  })
})

describe('the private key', () => {
  it('refuses two keys, naming the input', () => {
    expect(checkPrivateKey(`${privateKey}\n${otherKey}`, 'private-key')).toEqual({
      error: "'private-key' holds 2 private keys; give the application's one key."
    })
  })

  it('refuses a key for another algorithm than RS256', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    expect(checkPrivateKey(ec, 'private-key')).toEqual({
      error: "'private-key' must be an RSA key, which RS256 signs with; this one is ec."
    })
  })

  it('names the public half when that is what was given', () => {
    const publicKey = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString()
    expect(checkPrivateKey(publicKey, 'api-secret').error).toBe(
      "'api-secret' must be the PEM text of the Vonage application's private key (the private.key file the dashboard downloads, -----BEGIN PRIVATE KEY-----); it holds PUBLIC KEY, the public half, which the dashboard keeps."
    )
  })

  it('refuses an OpenSSH key and an encrypted one, saying which', () => {
    const openssh = `-----BEGIN OPENSSH PRIVATE KEY-----\n${Buffer.from('openssh-key-v1\0').toString('base64')}\n-----END OPENSSH PRIVATE KEY-----`
    expect(checkPrivateKey(openssh, 'private-key').error).toBe(
      "'private-key' is an OpenSSH key; a Vonage application's key is PEM (-----BEGIN PRIVATE KEY-----)."
    )
    const encrypted = pair.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pass' }).toString()
    expect(checkPrivateKey(encrypted, 'private-key').error).toBe(
      "'private-key' is encrypted with a passphrase; give the key as the dashboard downloads it, unencrypted, from a secret."
    )
  })

  it('returns the key as clean PEM', () => {
    expect(checkPrivateKey(`   ${privateKey.replace(/\n/g, '\r\n')}  `, 'private-key')).toEqual({ pem: privateKey.trim() })
  })
})

describe('the Azure domain goes into the storage host, so it must be a domain and nothing more', () => {
  it.each([
    'x@evil.example/core.windows.net',
    'evil.example/core.windows.net',
    'core.windows.net/evil',
    'core.windows.net.evil.example:443/x',
    'core.windows.net?x=1',
    'core windows net',
    '-core.windows.net',
    'core.windows.n3t'
  ])('refuses %j', domain => {
    expect(readAzureDomain(domain, 'acmestorage')).toEqual({
      problem:
        "'domain' must be the Azure domain of the storage account, such as 'core.windows.net' or 'core.usgovcloudapi.net' (the action adds '{account-name}.blob.'), or empty for the public Azure cloud."
    })
  })

  it('reads a URL, the blob host or the account host as the domain, and says so', () => {
    expect(readAzureDomain('https://acme.blob.core.cloudapi.de/', 'acme')).toEqual({
      domain: 'core.cloudapi.de',
      notice:
        "'domain' 'https://acme.blob.core.cloudapi.de/' is read as 'core.cloudapi.de': archives go to https://{account-name}.blob.core.cloudapi.de."
    })
    expect(readAzureDomain('Blob.Core.Windows.Net', 'acme').domain).toBe('core.windows.net')
    expect(readAzureDomain('core.chinacloudapi.cn', 'acmestorage')).toEqual({ domain: 'core.chinacloudapi.cn' })
  })
})

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
