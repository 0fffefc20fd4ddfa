/**
 * The proxy variables: the credentials in them masked, those no proxy URL can be read from named,
 * and the proxy a URL goes through, if any.
 */
import { describe, expect, it } from 'vitest'
import { maskProxyCredentials, proxyFor, proxyProblems } from '../src/proxy.js'

describe('maskProxyCredentials', () => {
  it('masks the password of each proxy URL, as written and decoded', () => {
    const masked: string[] = []
    maskProxyCredentials({ HTTPS_PROXY: 'http://user:p%40ss%2Fword@proxy.corp:3128', http_proxy: 'http://u2:second@proxy:80' }, s =>
      masked.push(s)
    )
    expect(masked).toEqual(['p%40ss%2Fword', 'p@ss/word', 'second'])
  })

  it('masks a lone token in the user-info, and nothing for proxies without credentials', () => {
    const masked: string[] = []
    maskProxyCredentials({ HTTPS_PROXY: 'https://ghp-token-123@proxy.corp', HTTP_PROXY: 'proxy.corp:3128', NO_PROXY: 'x' }, s =>
      masked.push(s)
    )
    expect(masked).toEqual(['ghp-token-123'])
  })
})

describe('maskProxyCredentials reads every spelling and form a runner uses', () => {
  it.each(['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'])('masks the password in %s', name => {
    const masked: string[] = []
    maskProxyCredentials({ [name]: 'http://ci:pr0xy-secret@proxy.corp:3128' }, s => masked.push(s))
    expect(masked).toEqual(['pr0xy-secret'])
  })

  it('masks the password of a proxy written without a scheme (user:pass@host:port)', () => {
    const masked: string[] = []
    maskProxyCredentials({ https_proxy: 'ci:no-scheme-secret@proxy.corp:3128' }, s => masked.push(s))
    expect(masked).toEqual(['no-scheme-secret'])
  })

  it('skips a value no URL can be read from, and goes on with the next variable', () => {
    const masked: string[] = []
    maskProxyCredentials({ HTTPS_PROXY: 'http://[not a host', HTTP_PROXY: 'http://u:after-bad@proxy:80' }, s => masked.push(s))
    expect(masked).toEqual(['after-bad'])
  })

  it('masks a password whose percent-encoding cannot be decoded as written only', () => {
    const masked: string[] = []
    maskProxyCredentials({ HTTPS_PROXY: 'http://u:bad%E0%A4%A@proxy:80' }, s => masked.push(s))
    expect(masked).toEqual(['bad%E0%A4%A'])
  })
})

describe('proxyProblems', () => {
  it.each([
    ['HTTPS_PROXY', 'ftp://proxy.corp:21'],
    ['https_proxy', 'http://[::1'],
    ['HTTP_PROXY', 'socks5://proxy:1080'],
    ['http_proxy', 'http://:3128']
  ])('%s=%s is named, with what it takes', (name, value) => {
    expect(proxyProblems({ [name]: value })).toEqual([
      {
        input: name,
        message: `The environment variable ${name} is not a proxy URL: it takes http://host:port or https://host:port (with user:password@ when the proxy needs it). Fix it, or unset it to connect directly.`
      }
    ])
  })

  it('takes http, https and scheme-less host:port, and ignores empty variables', () => {
    expect(
      proxyProblems({
        HTTPS_PROXY: 'https://proxy.corp',
        https_proxy: 'proxy.corp:3128',
        HTTP_PROXY: 'http://u:p@10.0.0.1:8080',
        http_proxy: ''
      })
    ).toEqual([])
  })

  it('names every unreadable variable, not just the first', () => {
    expect(proxyProblems({ HTTPS_PROXY: 'ftp://a', HTTP_PROXY: 'ftp://b' }).map(p => p.input)).toEqual(['HTTPS_PROXY', 'HTTP_PROXY'])
  })
})

describe('proxy variables', () => {
  it('names a variable no proxy URL can be read from', () => {
    expect(
      proxyProblems({ HTTPS_PROXY: 'not a url', http_proxy: 'http://proxy.example:3128', HTTP_PROXY: 'ftp://x' }).map(p => p.input)
    ).toEqual(['HTTPS_PROXY', 'HTTP_PROXY'])
    expect(proxyProblems({ HTTPS_PROXY: 'user:pass@proxy.example:3128' })).toEqual([])
    expect(proxyProblems({})).toEqual([])
  })
})

describe('proxyFor', () => {
  it.each([
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://u:p@proxy:3128' }, 'proxy:3128'],
    ['https://api.opentok.com/x', { HTTP_PROXY: 'http://proxy:8080' }, 'proxy:8080'],
    ['https://api.opentok.com/x', { https_proxy: 'proxy.corp', HTTPS_PROXY: 'other:1' }, 'proxy.corp:80'],
    ['http://127.0.0.1:8080/x', { HTTPS_PROXY: 'http://proxy:3128' }, undefined],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '.opentok.com' }, undefined],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'api.opentok.com:443' }, undefined],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'api.opentok.com:8443' }, 'proxy:3128'],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', no_proxy: '*' }, undefined],
    ['https://api.opentok.com/x', { http_proxy: 'http://lower:3128' }, 'lower:3128'],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'https://secure.proxy' }, 'secure.proxy:443'],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://[broken' }, 'the proxy in HTTPS_PROXY / HTTP_PROXY'],
    ['https://API.OpenTok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'api.opentok.com' }, undefined],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'other.example api.opentok.com' }, undefined],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'other.example,*.opentok.com' }, undefined],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'opentok.com' }, 'proxy:3128'],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'API.OPENTOK.COM' }, undefined],
    ['https://api.opentok.com:8443/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'api.opentok.com:8443' }, undefined],
    ['http://storage.local/x', { HTTP_PROXY: 'proxy:8080', NO_PROXY: 'storage.local:80' }, undefined],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '' }, 'proxy:3128'],
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', no_proxy: 'api.opentok.com', NO_PROXY: 'x' }, undefined],
    // an IPv6 host keeps its brackets and loses only its port, as undici reads it
    ['http://[::1]:8080/x', { HTTP_PROXY: 'http://proxy:3128', NO_PROXY: '[::1]' }, undefined],
    ['http://[::1]:8080/x', { HTTP_PROXY: 'http://proxy:3128', NO_PROXY: '[::1]:8080' }, undefined],
    // an entry whose port is not all digits is a host name that matches nothing
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'api.opentok.com:443x' }, 'proxy:3128'],
    // only a leading `*` is a wildcard: a stray one at the end leaves an entry that matches nothing
    ['https://api.opentok.com/x', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '.opentok.com*' }, 'proxy:3128']
  ])('%s with %j goes through %s', (url, env, expected) => {
    expect(proxyFor(url, env)).toBe(expected)
  })
})
