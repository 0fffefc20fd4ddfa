/** Test certificates made with openssl: RSA of a chosen size or EC, valid for a chosen number of days. */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function makeCertificate(key: 'rsa:2048' | 'rsa:4096' | 'rsa:1024' | 'ec', days: number): string {
  return makeCertificateAndKey(key, days).cert
}

/** A 2048-bit RSA certificate whose subject is `subject` (openssl's `-subj` form, e.g. `/CN=x/O=y`). */
export function makeCertificateWithSubject(subject: string, days = 365): string {
  return makeFreshCertificateAndKey('rsa:2048', days, subject).cert
}

/** A 2048-bit RSA certificate and its private key, as `openssl req -x509` writes them. */
export function makeCertificateWithKey(): { cert: string; key: string } {
  return makeCertificateAndKey('rsa:2048', 365)
}

/**
 * Each call makes a new certificate (tests tell certificates apart), except RSA 4096, which is made
 * once a day and kept in the temporary directory: it takes seconds to make, and the mutation run
 * imports the test files again for every mutant.
 */
function makeCertificateAndKey(key: 'rsa:2048' | 'rsa:4096' | 'rsa:1024' | 'ec', days: number): { cert: string; key: string } {
  if (key !== 'rsa:4096') return makeFreshCertificateAndKey(key, days)
  const cached = join(tmpdir(), `archive-target-test-cert-${key.replace(':', '')}-${days}d-${new Date().toISOString().slice(0, 10)}.json`)
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as { cert: string; key: string }
  const made = makeFreshCertificateAndKey(key, days)
  writeFileSync(`${cached}.${process.pid}`, JSON.stringify(made))
  renameSync(`${cached}.${process.pid}`, cached)
  return made
}

function makeFreshCertificateAndKey(
  key: 'rsa:2048' | 'rsa:4096' | 'rsa:1024' | 'ec',
  days: number,
  subjectName = '/CN=archives.example.com/O=Acme Video'
): { cert: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cert-'))
  try {
    const keyArgs = key === 'ec' ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'] : ['-newkey', key]
    const subject = ['-subj', subjectName]
    const files = ['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]
    execFileSync('openssl', ['req', '-x509', ...keyArgs, '-nodes', ...files, '-days', String(days), ...subject], { stdio: 'ignore' })
    return { cert: readFileSync(join(dir, 'cert.pem'), 'utf8'), key: readFileSync(join(dir, 'key.pem'), 'utf8') }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export interface TestCa {
  /** A file holding the CA's PEM, for NODE_EXTRA_CA_CERTS. */
  readonly caFile: string
  /** A server key and certificate for 127.0.0.1, signed by the CA. */
  readonly key: string
  readonly cert: string
  remove(): void
}

/**
 * A private CA, as a company's TLS-inspecting proxy would use, and a server certificate for
 * 127.0.0.1, or for the names given (such as `*.blob.core.windows.net`).
 */
export function makeTestCa(names: readonly string[] = []): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'test-ca-'))
  const at = (name: string) => join(dir, name)
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore', cwd: dir })
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    at('ca.key'),
    '-out',
    at('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=Acme Corp Test Root CA'
  )
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('server.key'), '-out', at('server.csr'), '-subj', '/CN=127.0.0.1')
  writeFileSync(at('san.ext'), `subjectAltName=${['IP:127.0.0.1', ...names.map(name => `DNS:${name}`)].join(',')}\n`)
  openssl(
    'x509',
    '-req',
    '-in',
    at('server.csr'),
    '-CA',
    at('ca.pem'),
    '-CAkey',
    at('ca.key'),
    '-CAcreateserial',
    '-out',
    at('server.pem'),
    '-days',
    '2',
    '-extfile',
    at('san.ext')
  )
  return {
    caFile: at('ca.pem'),
    key: readFileSync(at('server.key'), 'utf8'),
    cert: readFileSync(at('server.pem'), 'utf8'),
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}
