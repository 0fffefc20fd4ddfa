import { describe, expect, it } from 'vitest'
import { maskProxyCredentials, proxyProblems } from '../src/proxy.js'

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
