/** Masks credentials written into proxy URLs, before anything can print them. */

/** The variables a proxy is read from, in both spellings that runners and tools use. */
export const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']

/** Passes the password (or lone token) of every proxy URL in `env` to `mask`, as written and decoded. */
export function maskProxyCredentials(env: NodeJS.ProcessEnv, mask: (secret: string) => void): void {
  for (const name of PROXY_VARIABLES) {
    const value = env[name]
    if (!value) continue
    let url: URL
    try {
      url = new URL(value.includes('://') ? value : `http://${value}`)
    } catch {
      continue
    }
    // A token alone in the user-info (https://TOKEN@proxy) is the secret; otherwise the password is.
    const secret = url.password !== '' ? url.password : url.username
    if (secret === '') continue
    mask(secret)
    const decoded = safeDecode(secret)
    if (decoded !== secret) mask(decoded)
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
