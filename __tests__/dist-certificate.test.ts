/** The encrypted-archiving certificate through the committed dist/: checked before anything is sent, sent base64-encoded. */
import { X509Certificate } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { makeCertificate } from './support/certificates.js'
import { startStandIn } from './support/opentok-standin.js'
import { runAction } from './support/run-action.js'

const rsa2048 = makeCertificate('rsa:2048', 365)
const rsa4096 = makeCertificate('rsa:4096', 365)
const ec = makeCertificate('ec', 365)
const expiringSoon = makeCertificate('rsa:2048', 10)

describe('certificate in the request', () => {
  const project = { apiKey: '46000011', apiSecret: 'certificate-test-secret-01234' }
  const s3 = { bucket: 'acme-archives', 'access-key': 'AKIA01', 'secret-key': 'cert/test/secret/key', verify: 'false' }
  let standIn: Awaited<ReturnType<typeof startStandIn>>
  beforeAll(async () => {
    standIn = await startStandIn(project)
  })
  afterAll(() => standIn.close())
  beforeEach(() => {
    standIn.requests.length = 0
  })
  const act = (inputs: Record<string, string>) =>
    runAction({ 'api-key': project.apiKey, 'api-secret': project.apiSecret, 'api-url': standIn.url, ...s3, ...inputs })

  it('sends a valid certificate base64-encoded and summarises it without the PEM', async () => {
    const run = await act({ certificate: rsa2048 })
    expect(run.code).toBe(0)
    const body = JSON.parse(standIn.requests[0]!.body)
    expect(Buffer.from(body.certificate, 'base64').toString('utf8')).toBe(rsa2048.trim())
    expect(standIn.violations()).toEqual([])
    const cert = new X509Certificate(rsa2048)
    expect(run.summary).toContain(`SHA-256 ${cert.fingerprint256}`)
    expect(run.summary).toContain('CN=archives.example.com')
    expect(run.summary + run.stdout).not.toContain('BEGIN CERTIFICATE')
  })

  it("sends certificate null for 'none', and no field when empty", async () => {
    await act({ certificate: 'none' })
    await act({})
    expect(JSON.parse(standIn.requests[0]!.body).certificate).toBeNull()
    expect('certificate' in JSON.parse(standIn.requests[1]!.body)).toBe(false)
  })

  it.each([
    ['4096-bit', rsa4096],
    ['EC', ec],
    ['garbage', '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----']
  ])('fails a %s certificate with ::error:: naming it, before any request', async (_case, certificate) => {
    const run = await act({ certificate })
    expect(run.code).toBe(1)
    expect(standIn.requests).toHaveLength(0)
    expect(run.stdout).toMatch(/::error title=Invalid input%3A certificate::'certificate' /)
  })

  it('warns about a certificate that expires within 30 days, and still sends it', async () => {
    const run = await act({ certificate: expiringSoon })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/::warning::'certificate' expires in (9|10) day\(s\)/)
    expect(standIn.requests).toHaveLength(1)
  })
})
