import { describe, expect, it } from 'vitest'
import { maskProxyCredentials } from '../src/proxy.js'

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
