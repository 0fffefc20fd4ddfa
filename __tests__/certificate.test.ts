/** The encrypted-archiving certificate: checked before anything is sent, sent base64-encoded. */
import { X509Certificate } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { checkCertificate, PRIVATE_KEY_IN_CERTIFICATE } from '../src/certificate.js'
import { makeCertificate, makeCertificateWithKey } from './support/certificates.js'
import { FakeClock } from './support/fake-clock.js'
import { runInProcess } from './support/in-process.js'
import { startStandIn } from './support/opentok-standin.js'

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

  describe('its validity window, at the edges', () => {
    const cert = new X509Certificate(rsa2048)
    const validFrom = new Date(cert.validFrom)
    const validTo = new Date(cert.validTo)

    it('refuses a certificate that is not valid yet, saying from when', () => {
      expect(checkCertificate(rsa2048, new Date(validFrom.getTime() - 1000)).error).toBe(
        `'certificate' is not valid before ${validFrom.toISOString()}.`
      )
      expect(checkCertificate(rsa2048, validFrom).error).toBeUndefined()
    })

    it('refuses it from the second it expires, saying when', () => {
      expect(checkCertificate(rsa2048, validTo).error).toBe(`'certificate' expired on ${validTo.toISOString()}.`)
      expect(checkCertificate(rsa2048, new Date(validTo.getTime() - 1000)).error).toBeUndefined()
    })

    it('warns below 30 whole days left, with the days and the date', () => {
      expect(checkCertificate(rsa2048, new Date(validTo.getTime() - 30 * DAY)).warnings).toEqual([])
      expect(checkCertificate(rsa2048, new Date(validTo.getTime() - 30 * DAY + 1000)).warnings).toEqual([
        `'certificate' expires in 29 day(s), on ${validTo.toISOString()}: renew it, or archives made after that date cannot be encrypted with it.`
      ])
      expect(checkCertificate(rsa2048, new Date(validTo.getTime() - 1000)).warnings[0]).toMatch(/^'certificate' expires in 0 day\(s\)/)
    })

    it('keeps the leaf PEM, its subject, fingerprint and expiry for the request and the summary', () => {
      expect(checkCertificate(`  ${rsa2048}\n`, validFrom).setting).toEqual({
        kind: 'set',
        pem: rsa2048.trim(),
        subject: 'CN=archives.example.com, O=Acme Video',
        fingerprint256: cert.fingerprint256,
        validTo
      })
    })
  })

  it('names the blocks it found when none is a certificate', () => {
    const publicKey = new X509Certificate(rsa2048).publicKey.export({ type: 'spki', format: 'pem' }).toString()
    expect(checkCertificate(publicKey, now).error).toMatch(/; it holds PUBLIC KEY instead\.$/)
  })

  it('refuses a private key anywhere in the value, quoting none of it', () => {
    const key = makeCertificateWithKey()
    const check = checkCertificate(`${key.cert}\n${key.key}`, now)
    expect(check.error).toBe(PRIVATE_KEY_IN_CERTIFICATE)
    expect(check.setting).toBeUndefined()
  })

  it("reads '' as unchanged and 'none' as off", () => {
    expect(checkCertificate('', now).setting).toEqual({ kind: 'unchanged' })
    expect(checkCertificate('  none ', now).setting).toEqual({ kind: 'off' })
  })
})

describe('certificate in the request, in process', () => {
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
    runInProcess({ 'api-key': project.apiKey, 'api-secret': project.apiSecret, 'api-url': standIn.url, ...s3, ...inputs })

  it('sends a valid certificate base64-encoded, null for none, and no field when empty', async () => {
    expect((await act({ certificate: rsa2048 })).exitCode).toBe(0)
    expect((await act({ certificate: 'None' })).exitCode).toBe(0)
    expect((await act({})).exitCode).toBe(0)
    const bodies = standIn.requests.map(r => JSON.parse(r.body))
    expect(Buffer.from(bodies[0].certificate, 'base64').toString('utf8')).toBe(rsa2048.trim())
    expect(bodies[1].certificate).toBeNull()
    expect('certificate' in bodies[2]).toBe(false)
    expect(standIn.violations()).toEqual([])
  })

  it('fails a certificate that is not valid yet before any request', async () => {
    const clock = new FakeClock()
    await clock.sleep(-2 * DAY)
    const run = await act({ certificate: rsa2048 })
    expect(run.exitCode).toBe(0)
    standIn.requests.length = 0
    const early = await runInProcess(
      { 'api-key': project.apiKey, 'api-secret': project.apiSecret, 'api-url': standIn.url, ...s3, certificate: rsa2048 },
      { clock }
    )
    expect(early.exitCode).toBe(1)
    expect(early.stdout).toMatch(/::error title=Invalid input%3A certificate::'certificate' is not valid before /)
    expect(standIn.requests).toHaveLength(0)
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
