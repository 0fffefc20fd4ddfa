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

/** A proxy variable that no proxy URL can be read from, named, with what it takes; undefined when all are readable. */
export function proxyProblems(env: NodeJS.ProcessEnv): Array<{ input: string; message: string }> {
  const problems: Array<{ input: string; message: string }> = []
  for (const name of PROXY_VARIABLES) {
    const value = env[name]
    if (!value) continue
    let url: URL | undefined
    try {
      url = new URL(value.includes('://') ? value : `http://${value}`)
    } catch {
      url = undefined
    }
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
      problems.push({
        input: name,
        message: `The environment variable ${name} is not a proxy URL: it takes http://host:port or https://host:port (with user:password@ when the proxy needs it). Fix it, or unset it to connect directly.`
      })
    }
  }
  return problems
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 }

/**
 * The proxy a request to `url` goes through, as `host:port` (never its credentials), or
 * undefined when it goes direct. The same reading of HTTP(S)_PROXY and NO_PROXY as undici's
 * EnvHttpProxyAgent, which sends the requests, so a failure can name the proxy it failed to reach.
 */
export function proxyFor(url: string, env: NodeJS.ProcessEnv): string | undefined {
  const target = new URL(url)
  const httpProxy = env.http_proxy ?? env.HTTP_PROXY
  const proxy = target.protocol === 'https:' ? (env.https_proxy ?? env.HTTPS_PROXY ?? httpProxy) : httpProxy
  if (!proxy) return undefined
  const hostname = target.host.replace(/:\d*$/, '').toLowerCase()
  const port = Number.parseInt(target.port, 10) || DEFAULT_PORTS[target.protocol] || 0
  const noProxy = env.no_proxy ?? env.NO_PROXY ?? ''
  if (noProxy === '*') return undefined
  for (const entry of noProxy.split(/[,\s]/).filter(Boolean)) {
    const parsed = /^(.+):(\d+)$/.exec(entry)
    const host = (parsed?.[1] ?? entry).toLowerCase()
    if (parsed && Number(parsed[2]) !== port) continue
    if (/^[.*]/.test(host) ? hostname.endsWith(host.replace(/^\*/, '')) : hostname === host) return undefined
  }
  try {
    const parsedProxy = new URL(proxy.includes('://') ? proxy : `http://${proxy}`)
    return parsedProxy.port
      ? `${parsedProxy.hostname}:${parsedProxy.port}`
      : `${parsedProxy.hostname}:${DEFAULT_PORTS[parsedProxy.protocol] ?? 80}`
  } catch {
    return 'the proxy in HTTPS_PROXY / HTTP_PROXY'
  }
}
