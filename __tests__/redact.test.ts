import { describe, expect, it } from 'vitest'
import { redact } from '../src/redact.js'

describe('redact', () => {
  it('hides secret fields of a JSON echo by name', () => {
    const echo = JSON.stringify({ type: 's3', config: { bucket: 'b', accessKey: 'AK', secretKey: 'zz', sse: 's3' }, fallback: 'none' })
    expect(redact(echo, [])).toBe('{"type":"s3","config":{"bucket":"b","accessKey":"AK","secretKey":"***","sse":"s3"},"fallback":"none"}')
    expect(redact(JSON.stringify({ config: { accountKey: 'k' } }), [])).toBe('{"config":{"accountKey":"***"}}')
  })

  it('hides known secret values anywhere, also as JSON escapes them', () => {
    const secret = 'ab"c\\d/e'
    expect(redact(`plain ${secret} and ${JSON.stringify({ m: secret })}`, [secret])).not.toContain('ab')
    expect(redact(JSON.stringify({ message: `wrong key ${secret}` }), [secret])).toBe('{"message":"wrong key ***"}')
  })

  it('shortens very long text', () => {
    expect(redact('x'.repeat(5000), []).length).toBeLessThan(2100)
  })
})
