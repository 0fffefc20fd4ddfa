/** The two URL inputs: the S3-compatible `endpoint` and the vendor's `api-url`. */
import { MAX_LENGTH, shown, type Findings } from './findings.js'

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost'])

/**
 * The endpoint as the vendor needs it: scheme and host, lower-cased, with no path. `undefined`:
 * not given; `null`: given and wrong (reported).
 */
export function readEndpoint(f: Findings): string | undefined | null {
  const value = f.text('endpoint')
  if (value === '') return undefined
  const allowed =
    "'endpoint' must be the base URL of an S3-compatible service, with http:// or https:// (e.g. https://storage.googleapis.com), without credentials, path, query or fragment"
  if (value.length > MAX_LENGTH) return refused(f, 'endpoint', `'endpoint' is longer than ${MAX_LENGTH} characters.`)
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    return refused(f, 'endpoint', `${allowed}; got '${shown(value)}'. Did you mean 'https://${shown(value)}'?`)
  }
  const url = parseUrl(value)
  if (
    url === undefined ||
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.username ||
    url.password ||
    url.search ||
    url.hash
  ) {
    return refused(f, 'endpoint', `${allowed}.`)
  }
  if (url.pathname.replace(/\/+$/, '') !== '') {
    return refused(
      f,
      'endpoint',
      `${allowed}; got the path '${shown(url.pathname)}'. The bucket goes in 'bucket', and the service's address alone in 'endpoint' (${url.origin}).`
    )
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    f.warnings.push(
      `'endpoint' is plain http:// to '${url.hostname}': the vendor uploads archives to it unencrypted, and the storage requests can be read on the way. Use https:// unless the service is reachable only over a network you trust.`
    )
  }
  return url.origin
}

/**
 * The vendor's base URL: `undefined` when not given (the platform's default is used), `null`
 * when wrong (reported). A trailing '/' or a trailing '/v2' is dropped, since the action adds
 * '/v2/project/…' itself; any other path is refused.
 */
export function readApiUrl(f: Findings): string | undefined | null {
  const value = f.text('api-url')
  if (value === '') return undefined
  const allowed =
    "'api-url' must be the base URL of the vendor's REST API, such as https://api.opentok.com or https://video.api.vonage.com (http:// only for 127.0.0.1, ::1 or localhost), without credentials, path, query or fragment"
  if (value.length > MAX_LENGTH) return refused(f, 'api-url', `'api-url' is longer than ${MAX_LENGTH} characters.`)
  const url = parseUrl(value)
  if (
    url === undefined ||
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    (url.protocol !== 'https:' && url.protocol !== 'http:')
  ) {
    return refused(f, 'api-url', `${allowed}.`)
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return refused(f, 'api-url', `${allowed}; plain http:// to '${url.hostname}' would send the signed token unencrypted.`)
  }
  const path = url.pathname.replace(/\/+$/, '')
  if (path !== '' && path.toLowerCase() !== '/v2') {
    return refused(
      f,
      'api-url',
      `${allowed}; got the path '${shown(url.pathname)}'. The action adds /v2/project/{id}/archive/storage itself.`
    )
  }
  return url.origin
}

/** Reports the problem and returns the readers' `null`: given, and wrong. */
function refused(f: Findings, input: string, message: string): null {
  f.fail(input, message)
  return null
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value)
  } catch {
    return undefined
  }
}
