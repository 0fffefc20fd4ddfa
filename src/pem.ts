/**
 * PEM text as people paste it into a secret, a workflow or a YAML file, turned into clean PEM
 * blocks. One reader serves the certificate and the Vonage private key, so both accept the same
 * forms: LF or CRLF, indented lines (a YAML block scalar under a list), one line with literal
 * `\n` (the form the vendor's own docs show), base64 of the whole PEM, and a YAML folded (`>`)
 * scalar, whose lines were joined with spaces.
 */

/** One `-----BEGIN <label>-----` … `-----END <label>-----` block. */
export interface PemBlock {
  readonly label: string
  /** RFC 1421 headers (`Proc-Type: 4,ENCRYPTED`): only an encrypted legacy key has them. */
  readonly hasHeaders: boolean
  readonly der: Buffer
  /** The block re-armoured: LF line ends, 64-character lines, no trailing newline. */
  readonly pem: string
}

export type PemReading =
  { readonly ok: true; readonly blocks: readonly PemBlock[] } | { readonly ok: false; readonly reason: 'not-pem' | 'folded' | 'damaged' }

const BLOCK = /-----BEGIN ([A-Z0-9 ]{1,40})-----([\s\S]*?)-----END \1-----/g
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** True when the text holds, in any accepted form, a private key block. */
export function holdsPrivateKey(raw: string): boolean {
  return /PRIVATE KEY/.test(raw) || /PRIVATE KEY/.test(decodedPemText(raw) ?? '')
}

/** Reads every PEM block of `raw`, whatever form it was pasted in. */
export function readPem(raw: string): PemReading {
  const text = unfoldLineBreaks(raw)
  const source = text.includes('-----BEGIN ') ? text : decodedPemText(raw)
  if (source === undefined) return { ok: false, reason: 'not-pem' }
  const blocks: PemBlock[] = []
  for (const [, label = '', body = ''] of source.matchAll(BLOCK)) {
    const block = readBlock(label, body)
    if (typeof block === 'string') return { ok: false, reason: block }
    blocks.push(block)
  }
  if (blocks.length === 0) return { ok: false, reason: source.includes('-----END ') ? 'damaged' : 'not-pem' }
  return { ok: true, blocks }
}

/** Literal `\n` / `\r\n` written into a one-line value become real line breaks; CRLF becomes LF. */
function unfoldLineBreaks(raw: string): string {
  return raw.replace(/\\r\\n|\\n/g, '\n').replace(/\r\n?/g, '\n')
}

/** The PEM text inside a base64-encoded PEM, or undefined when `raw` is not one. */
function decodedPemText(raw: string): string | undefined {
  const compact = raw.replace(/\s+/g, '')
  if (compact.length < 40 || !BASE64.test(compact)) return undefined
  const decoded = Buffer.from(compact, 'base64').toString('utf8')
  return decoded.includes('-----BEGIN ') ? unfoldLineBreaks(decoded) : undefined
}

function readBlock(label: string, body: string): PemBlock | 'folded' | 'damaged' {
  const lines = body.split('\n').map(line => line.trim())
  const hasHeaders = lines.some(line => /^[A-Za-z-]+:/.test(line))
  let payload: string
  if (hasHeaders) {
    // Headers end at the first blank line; with the lines folded into one, that line is gone
    // and where the headers end cannot be told.
    const blank = lines.indexOf(
      '',
      lines.findIndex(line => line.includes(':'))
    )
    if (blank < 0) return 'folded'
    payload = lines.slice(blank + 1).join('')
  } else {
    payload = lines.join('').replace(/\s+/g, '')
  }
  if (!BASE64.test(payload) || payload.length % 4 === 1) return 'damaged'
  const der = Buffer.from(payload, 'base64')
  // An empty body, or padding alone ('=='), holds no bytes.
  if (der.length === 0) return 'damaged'
  const base64 = der.toString('base64')
  // Node decodes base64 leniently; a payload that does not survive the round trip is damaged.
  if (base64.replace(/=+$/, '') !== payload.replace(/=+$/, '')) return 'damaged'
  const wrapped = (base64.match(/.{1,64}/g) ?? []).join('\n')
  const headerLines = hasHeaders
    ? lines
        .slice(
          0,
          lines.indexOf(
            '',
            lines.findIndex(line => line.includes(':'))
          )
        )
        .filter(Boolean)
    : []
  const pem = [`-----BEGIN ${label}-----`, ...headerLines, ...(hasHeaders ? [''] : []), wrapped, `-----END ${label}-----`].join('\n')
  return { label, hasHeaders, der, pem }
}
