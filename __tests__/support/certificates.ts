/** Test certificates made with openssl: RSA of a chosen size or EC, valid for a chosen number of days. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function makeCertificate(key: 'rsa:2048' | 'rsa:4096' | 'rsa:1024' | 'ec', days: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'cert-'))
  try {
    const keyArgs = key === 'ec' ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'] : ['-newkey', key]
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        ...keyArgs,
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        String(days),
        '-subj',
        '/CN=archives.example.com/O=Acme Video'
      ],
      {
        stdio: 'ignore'
      }
    )
    return readFileSync(join(dir, 'cert.pem'), 'utf8')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
