import { generateKeyPairSync, verify as cryptoVerify } from 'node:crypto'
import jwt from 'jsonwebtoken'
import { describe, expect, it } from 'vitest'
import { makeApplicationToken, makeProjectToken } from '../src/token.js'
import { verifyApplicationToken, verifyToken } from './support/opentok-standin.js'

describe('makeProjectToken', () => {
  const nowMs = Date.parse('2026-11-27T12:00:00Z')

  it('signs HS256 with the API secret and carries the project claims', async () => {
    const token = await makeProjectToken('46000042', 'the-secret', nowMs)
    const decoded = jwt.verify(token, 'the-secret', { algorithms: ['HS256'], clockTimestamp: nowMs / 1000, complete: true })
    expect(decoded.header).toEqual({ alg: 'HS256', typ: 'JWT' })
    const claims = decoded.payload as Record<string, unknown>
    expect(claims).toMatchObject({ iss: '46000042', ist: 'project', iat: nowMs / 1000, exp: nowMs / 1000 + 180 })
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/)
    expect(Object.keys(claims).sort()).toEqual(['exp', 'iat', 'iss', 'ist', 'jti'])
  })

  it('is refused with another secret', async () => {
    const token = await makeProjectToken('1', 'a', nowMs)
    expect(() => jwt.verify(token, 'b', { clockTimestamp: nowMs / 1000 })).toThrow(/signature/)
  })

  it('makes a new jti for every token', async () => {
    const a = jwt.decode(await makeProjectToken('1', 's', nowMs)) as Record<string, unknown>
    const b = jwt.decode(await makeProjectToken('1', 's', nowMs)) as Record<string, unknown>
    expect(a.jti).not.toBe(b.jti)
  })

  it("passes the stand-in's independent check", async () => {
    expect(
      verifyToken(await makeProjectToken('46000042', 'the-secret', Date.now()), { apiKey: '46000042', apiSecret: 'the-secret' }).problem
    ).toBeUndefined()
  })
})

describe('makeApplicationToken (Vonage Video, RS256)', () => {
  const nowMs = Date.parse('2026-11-27T12:00:00Z')
  const applicationId = 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b'
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  const pkcs1 = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
  const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>

  it.each([
    ['PKCS#8', pem],
    ['PKCS#1', pkcs1]
  ])('signs RS256 with a %s key; the signature verifies with the public key and node:crypto alone', async (_form, key) => {
    const token = await makeApplicationToken(applicationId, key, nowMs)
    const [header, payload, signature] = token.split('.') as [string, string, string]
    expect(decode(header)).toEqual({ alg: 'RS256', typ: 'JWT' })
    expect(cryptoVerify('RSA-SHA256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'))).toBe(true)
    const claims = decode(payload)
    expect(Object.keys(claims).sort()).toEqual(['application_id', 'exp', 'iat', 'jti'])
    expect(claims).toMatchObject({ application_id: applicationId, iat: nowMs / 1000, exp: nowMs / 1000 + 300 })
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('is refused by another application key, and each token has its own jti', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey
    const token = await makeApplicationToken(applicationId, pem, nowMs)
    const [header, payload, signature] = token.split('.') as [string, string, string]
    expect(cryptoVerify('RSA-SHA256', Buffer.from(`${header}.${payload}`), other, Buffer.from(signature, 'base64url'))).toBe(false)
    const again = await makeApplicationToken(applicationId, pem, nowMs)
    expect(decode(again.split('.')[1]!).jti).not.toBe(decode(payload).jti)
  })

  it("passes the stand-in's independent check, with no nbf and an exp well under Vonage's 15 minutes", async () => {
    const token = await makeApplicationToken(applicationId, pem, Date.now())
    const exported = publicKey.export({ type: 'spki', format: 'pem' }).toString()
    expect(verifyApplicationToken(token, { applicationId, publicKey: exported })).toEqual({
      claims: expect.not.objectContaining({ nbf: expect.anything() })
    })
  })
})
