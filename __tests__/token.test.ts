import jwt from 'jsonwebtoken'
import { describe, expect, it } from 'vitest'
import { makeProjectToken } from '../src/token.js'
import { verifyToken } from './support/opentok-standin.js'

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
