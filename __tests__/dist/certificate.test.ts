/**
 * The encrypted-archiving certificate through the committed dist/: checked before anything is
 * sent, sent base64-encoded in every form users paste it in, a private key pasted with it refused
 * with no line of it printed, and certificates given as a path or a link.
 */
import { X509Certificate } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { makeCertificate, makeCertificateWithKey } from '../support/certificates.js'
import { startStandIn } from '../support/opentok-standin.js'
import { findLeaks, runAction, type ActionRun } from '../support/run-action.js'

const project = { apiKey: '46000099', apiSecret: 'hardening-api-secret-5b7c9d1e3f' }
const s3 = { bucket: 'acme-archives', 'access-key': 'AKIAHARDENING01', 'secret-key': 'hardening/secret+key/0a1b2c3d' }
const { cert, key } = makeCertificateWithKey()
const keyLines = key.split('\n').filter(line => line.length >= 8 && !line.startsWith('-----'))

let standIn: Awaited<ReturnType<typeof startStandIn>>
beforeAll(async () => {
  standIn = await startStandIn(project)
})
afterAll(() => standIn.close())
beforeEach(() => {
  standIn.requests.length = 0
})

const act = (inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> =>
  runAction(
    { 'api-key': project.apiKey, 'api-secret': project.apiSecret, 'api-url': standIn.url, verify: 'false', ...s3, ...inputs },
    { node: inject('node24'), env }
  )
const secrets = () => [project.apiSecret, s3['secret-key'], ...standIn.requests.map(r => String(r.headers['x-opentok-auth']))]
const errorsOf = (run: ActionRun) => run.stdout.split('\n').filter(line => line.startsWith('::error'))

describe('a private key in certificate', () => {
  it.each([
    ['certificate then key', `${cert}${key}`],
    ['key then certificate', `${key}${cert}`],
    ['one line with literal \\n', `${cert}${key}`.trim().replace(/\n/g, '\\n')],
    ['base64 of both', Buffer.from(`${cert}${key}`).toString('base64')]
  ])('is refused before any request (%s), naming certificate, and no line of the key is printed', async (_case, certificate) => {
    const run = await act({ certificate })
    expect(run.code).toBe(1)
    expect(standIn.requests).toHaveLength(0)
    expect(errorsOf(run).join('\n')).toMatch(/'certificate' holds a private key.*must stay out of CI/)
    expect(run.stdout).toContain(`::add-mask::${certificate.trim().replace(/%/g, '%25').replace(/\n/g, '%0A')}`)
    for (const line of keyLines) expect(run.stdout).toContain(`::add-mask::${line}`)
    expect(findLeaks(run, [...secrets(), ...keyLines])).toEqual([])
    expect(run.outputs).toEqual({ result: 'refused', status: '', attempts: '0', target: '', verified: 'skipped' })
  })
})

describe('certificate forms', () => {
  const der = new X509Certificate(cert).raw
  it.each([
    ['CRLF', cert.replace(/\n/g, '\r\n')],
    ['indented', cert.replace(/^/gm, '    ')],
    ['one line with literal \\n', cert.trim().replace(/\n/g, '\\n')],
    ['base64 of the PEM', Buffer.from(cert).toString('base64')],
    ['a folded YAML scalar', cert.trim().replace(/\n/g, ' ')]
  ])('sends one clean PEM certificate, base64-encoded, when given %s', async (_case, certificate) => {
    const run = await act({ certificate })
    expect(run.code).toBe(0)
    expect(standIn.violations()).toEqual([])
    const sent = Buffer.from(JSON.parse(standIn.requests[0]!.body).certificate, 'base64').toString('utf8')
    expect(sent).toBe(cert.trim())
    expect(new X509Certificate(sent).raw.equals(der)).toBe(true)
  })
})

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

describe('certificate paths and links', () => {
  const project = { apiKey: '46000055', apiSecret: 'round-two-api-secret-0a1b2c3d4e' }
  const s3 = { bucket: 'acme-archives', 'access-key': 'AKIAROUNDTWO01', 'secret-key': 'round/two/secret+key/0a1b2c3d' }

  let standIn: Awaited<ReturnType<typeof startStandIn>>
  const cleanup: Array<() => void> = []
  beforeAll(async () => {
    standIn = await startStandIn(project)
  })
  afterAll(async () => {
    await standIn.close()
    for (const remove of cleanup) remove()
  })
  beforeEach(() => {
    standIn.requests.length = 0
  })

  const act = (inputs: Record<string, string>, options: { env?: Record<string, string>; cwd?: string } = {}): Promise<ActionRun> =>
    runAction(
      { 'api-key': project.apiKey, 'api-secret': project.apiSecret, 'api-url': standIn.url, verify: 'false', ...s3, ...inputs },
      { node: inject('node24'), ...options }
    )

  function workspaceWith(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'round-two-'))
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
    return dir
  }

  it('says there is no such file for a value that looks like a path', async () => {
    const workspace = workspaceWith({ 'README.md': 'x' })
    const run = await act({ certificate: 'certs/archive' }, { env: { GITHUB_WORKSPACE: workspace } })
    expect(run.stdout).toContain("'certificate' names the file certs/archive, but there is no such file in the workspace")
  })

  it('accepts an absolute path inside the workspace, and refuses a link that leads outside it', async () => {
    const workspace = workspaceWith({ 'certs/archive.pem': makeCertificate('rsa:2048', 100) })
    const inside = await act({ certificate: join(workspace, 'certs', 'archive.pem') }, { env: { GITHUB_WORKSPACE: workspace } })
    expect(inside.code).toBe(0)
    const outside = workspaceWith({ 'cert.pem': makeCertificate('rsa:2048', 100), 'targets.yml': 'projects:\n  p:\n    api-key: "1"\n' })
    symlinkSync(join(outside, 'cert.pem'), join(workspace, 'certs', 'link.pem'))
    const linked = await act({ certificate: 'certs/link.pem' }, { env: { GITHUB_WORKSPACE: workspace } })
    expect(linked.stdout).toContain("'certificate' names certs/link.pem, a symbolic link that leads outside the workspace; it is not read.")
    symlinkSync(join(outside, 'targets.yml'), join(workspace, 'linked.yml'))
    const file = await runAction(
      { 'config-file': 'linked.yml', 'api-secret': 'x0000000' },
      { node: inject('node24'), env: { GITHUB_WORKSPACE: workspace } }
    )
    expect(file.stdout).toContain("'config-file' linked.yml is a symbolic link that leads outside the workspace; it is not read.")
  })
})
