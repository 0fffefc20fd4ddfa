/**
 * The vendor request a plan becomes: method, URL and JSON body for S3 and Azure (in any cloud), for
 * both platforms, and the body as it is shown.
 */
import { describe, expect, it } from 'vitest'
import { projectIdOf } from '../src/platform.js'
import { buildBody, buildRequest, describeTarget, shownBody } from '../src/storage.js'
import { checkObjectKey } from '../src/verify/check-object.js'
import { s3Plan } from './support/plans.js'

const base = s3Plan({ target: { type: 's3', bucket: 'b1', accessKey: 'AK', secretKey: 'SK', sse: 's3' } })

describe('buildRequest', () => {
  it('PUTs the S3 body in the vendor schema, without endpoint unless given', () => {
    const request = buildRequest(base)
    expect(request.method).toBe('PUT')
    expect(request.url).toBe('https://api.opentok.com/v2/project/46000042/archive/storage')
    expect(JSON.parse(request.body!)).toEqual({
      type: 's3',
      config: { bucket: 'b1', accessKey: 'AK', secretKey: 'SK', sse: 's3' },
      fallback: 'none'
    })
  })

  it('includes the endpoint and domain only when given', () => {
    const withEndpoint = buildRequest({
      ...base,
      target: { type: 's3', bucket: 'b1', accessKey: 'AK', secretKey: 'SK', sse: 'none', endpoint: 'https://s3.example.com' }
    })
    expect(JSON.parse(withEndpoint.body!).config.endpoint).toBe('https://s3.example.com')
    const azure = buildRequest({
      ...base,
      fallback: 'opentok',
      target: { type: 'azure', accountName: 'acct', accountKey: 'KEY', container: 'c1' }
    })
    expect(JSON.parse(azure.body!)).toEqual({
      type: 'azure',
      config: { accountName: 'acct', accountKey: 'KEY', container: 'c1' },
      fallback: 'opentok'
    })
  })

  it('sends certificate null to turn encryption off, and the PEM base64-encoded to set it', () => {
    expect(JSON.parse(buildRequest({ ...base, certificate: { kind: 'off' } }).body!).certificate).toBeNull()
    const pem = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'
    const body = JSON.parse(
      buildRequest({ ...base, certificate: { kind: 'set', pem, subject: 'CN=x', fingerprint256: 'AB', validTo: new Date() } }).body!
    )
    expect(Buffer.from(body.certificate, 'base64').toString('utf8')).toBe(pem)
    expect('certificate' in JSON.parse(buildRequest(base).body!)).toBe(false)
  })

  it('DELETEs with no body', () => {
    expect(buildRequest({ ...base, operation: 'delete' })).toEqual({
      method: 'DELETE',
      url: 'https://api.opentok.com/v2/project/46000042/archive/storage'
    })
  })
})

describe('describeTarget', () => {
  it('names the bucket or account/container and no secret', () => {
    expect(describeTarget(base.target)).toBe('s3://b1')
    expect(describeTarget({ type: 'azure', accountName: 'acct', accountKey: 'KEY', container: 'c1' })).toBe('azure://acct/c1')
    expect(describeTarget(undefined)).toBe('')
  })
})

describe('a Vonage application', () => {
  const applicationId = 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b'
  const vonage = s3Plan({
    credentials: { platform: 'vonage', applicationId, privateKey: 'PEM' },
    apiUrl: 'https://video.api.vonage.com'
  })
  it('puts its application ID in the path, with the same body as an OpenTok project', () => {
    const request = buildRequest(vonage)
    expect(request.url).toBe(`https://video.api.vonage.com/v2/project/${applicationId}/archive/storage`)
    expect(request.body).toBe(buildRequest(s3Plan()).body)
  })
  it('checks the storage where its archives land: {application-id}/.archive-target-check', () => {
    expect(checkObjectKey(projectIdOf(vonage.credentials))).toBe(`${applicationId}/.archive-target-check`)
    expect(checkObjectKey(projectIdOf(s3Plan().credentials))).toBe('46000042/.archive-target-check')
  })
})

describe('shownBody', () => {
  it('is the body with every secret left out by construction, and the certificate named', () => {
    const plan = s3Plan({ certificate: { kind: 'set', pem: 'PEM', subject: 'CN=archives', fingerprint256: 'AB', validTo: new Date() } })
    expect(JSON.parse(shownBody(plan)!)).toEqual({
      type: 's3',
      config: { bucket: 'acme', accessKey: 'AK', secretKey: '***', sse: 's3' },
      fallback: 'none',
      certificate: '(base64 of the certificate CN=archives)'
    })
    expect(shownBody(plan)).not.toContain('secret-key-value')
  })

  it('hides the Azure account key, and says certificate null for encryption off', () => {
    const azure = s3Plan({
      target: { type: 'azure', accountName: 'acmestorage', accountKey: 'S0VZ', container: 'archives' },
      fallback: 'opentok',
      certificate: { kind: 'off' }
    })
    expect(JSON.parse(shownBody(azure)!)).toEqual({
      type: 'azure',
      config: { accountName: 'acmestorage', accountKey: '***', container: 'archives' },
      fallback: 'opentok',
      certificate: null
    })
  })

  it('is nothing for a delete', () => {
    expect(shownBody(s3Plan({ operation: 'delete' }))).toBeUndefined()
  })
})

describe('the body for Azure', () => {
  const target = { type: 'azure' as const, accountName: 'acmestorage', accountKey: 'a2V5', container: 'archives' }

  it('carries the domain of another Azure cloud, and none for the public cloud', () => {
    expect(buildBody(s3Plan(), { ...target, domain: 'core.usgovcloudapi.net' })).toStrictEqual({
      type: 'azure',
      config: { accountName: 'acmestorage', accountKey: 'a2V5', container: 'archives', domain: 'core.usgovcloudapi.net' },
      fallback: 'none'
    })
    expect(buildBody(s3Plan(), target)).toStrictEqual({
      type: 'azure',
      config: { accountName: 'acmestorage', accountKey: 'a2V5', container: 'archives' },
      fallback: 'none'
    })
  })
})
