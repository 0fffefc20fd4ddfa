/** The encrypted-archiving certificate: checked before anything is sent, sent base64-encoded. */
import { X509Certificate } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { checkCertificate } from '../src/certificate.js'
import { makeCertificate } from './support/certificates.js'
import { FakeClock } from './support/fake-clock.js'
import { runInProcess } from './support/in-process.js'
import { startStandIn } from './support/opentok-standin.js'
import { runAction } from './support/run-action.js'

const DAY = 86_400_000
const rsa2048 = makeCertificate('rsa:2048', 365)
const rsa4096 = makeCertificate('rsa:4096', 365)
const ec = makeCertificate('ec', 365)
const expiringSoon = makeCertificate('rsa:2048', 10)

describe('checkCertificate', () => {
  const now = new Date()

  it('accepts RSA 2048 and describes it by subject, fingerprint and expiry', () => {
    const check = checkCertificate(rsa2048, now)
    expect(check.error).toBeUndefined()
    expect(check.warnings).toEqual([])
    const cert = new X509Certificate(rsa2048)
    expect(check.setting).toMatchObject({
      kind: 'set',
      subject: 'CN=archives.example.com, O=Acme Video',
      fingerprint256: cert.fingerprint256
    })
  })

  it('accepts a smaller RSA key too (the limit is at most 2048 bits)', () => {
    const rsa1024 = makeCertificate('rsa:1024', 365)
    expect(checkCertificate(rsa1024, new Date(Date.now() + 2000)).error).toBeUndefined()
  })

  it.each([
    ['a 4096-bit key', () => rsa4096, /at most 2048 bits; this one has 4096/],
    ['an EC key', () => ec, /must hold an RSA public key; this one is ec/],
    ['garbage', () => 'not a certificate', /PEM text of an X\.509 certificate/],
    ['a damaged PEM', () => rsa2048.replace(/[A-Za-z]{20}/, 'AAAAAAAAAAAAAAAAAAAA'), /could not be parsed as an X\.509 certificate/]
  ])('refuses %s, naming the input', (_case, pem, reason) => {
    const check = checkCertificate(pem(), now)
    expect(check.error).toMatch(/^'certificate' /)
    expect(check.error).toMatch(reason)
    expect(check.setting).toBeUndefined()
  })

  it('refuses an expired certificate', () => {
    expect(checkCertificate(rsa2048, new Date(Date.now() + 400 * DAY)).error).toMatch(/^'certificate' expired on /)
  })

  it('warns when it expires within 30 days', () => {
    const check = checkCertificate(expiringSoon, now)
    expect(check.error).toBeUndefined()
    expect(check.warnings.join()).toMatch(/^'certificate' expires in (9|10) day\(s\)/)
  })

  it("reads '' as unchanged and 'none' as off", () => {
    expect(checkCertificate('', now).setting).toEqual({ kind: 'unchanged' })
    expect(checkCertificate('  none ', now).setting).toEqual({ kind: 'off' })
  })
})

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

  it('fails an expired certificate before any request', async () => {
    const clock = new FakeClock()
    await clock.sleep(400 * DAY)
    const run = await runInProcess(
      { 'api-key': project.apiKey, 'api-secret': project.apiSecret, 'api-url': standIn.url, ...s3, certificate: rsa2048 },
      { clock }
    )
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error title=Invalid input%3A certificate::'certificate' expired on /)
    expect(standIn.requests).toHaveLength(0)
  })
})
