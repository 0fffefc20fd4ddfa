/**
 * TLS through the committed dist/: an https stand-in whose certificate comes from a private CA,
 * as behind a company's TLS-inspecting proxy. Untrusted, the step fails at once with a hint;
 * with NODE_EXTRA_CA_CERTS it works, directly and through an HTTPS_PROXY (CONNECT).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { makeTestCa, type TestCa } from '../support/certificates.js'
import { startLoopbackProxy } from '../support/loopback-proxy.js'
import { startStandIn } from '../support/opentok-standin.js'
import { findLeaks, runAction } from '../support/run-action.js'

const project = { apiKey: '46000033', apiSecret: 'tls-test-api-secret-0123456789' }
const s3 = { bucket: 'acme-archives', 'access-key': 'AKIATLS0000001', 'secret-key': 'tls/test/secret+key/0123456789', verify: 'false' }

let ca: TestCa
let standIn: Awaited<ReturnType<typeof startStandIn>>
let proxy: Awaited<ReturnType<typeof startLoopbackProxy>>
beforeAll(async () => {
  ca = makeTestCa()
  standIn = await startStandIn(project, { tls: { key: ca.key, cert: ca.cert } })
  proxy = await startLoopbackProxy()
})
afterAll(async () => {
  await standIn?.close()
  await proxy?.close()
  ca?.remove()
})
beforeEach(() => {
  standIn.requests.length = 0
  proxy.seen.length = 0
})

const act = (env: Record<string, string>) =>
  runAction({ 'api-key': project.apiKey, 'api-secret': project.apiSecret, 'api-url': standIn.url, ...s3 }, { env })

describe('TLS with a private CA', () => {
  it('fails at once, without retrying, and points at NODE_EXTRA_CA_CERTS when the CA is not trusted', async () => {
    const run = await act({})
    expect(run.code).toBe(1)
    expect(standIn.requests).toHaveLength(0)
    expect(run.outputs.attempts).toBe('1')
    expect(run.stdout).toMatch(/::error::PUT https:\/\/127\.0\.0\.1:\d+\/.* got no answer after 1 attempt\(s\): \w+: .*NODE_EXTRA_CA_CERTS/)
    expect(findLeaks(run, [project.apiSecret, s3['secret-key']])).toEqual([])
  })

  it('works when NODE_EXTRA_CA_CERTS names the CA', async () => {
    const run = await act({ NODE_EXTRA_CA_CERTS: ca.caFile })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('200')
    expect(standIn.violations()).toEqual([])
  })

  it('tunnels through HTTPS_PROXY with CONNECT, and NO_PROXY bypasses it', async () => {
    const through = await act({ NODE_EXTRA_CA_CERTS: ca.caFile, HTTPS_PROXY: proxy.url })
    expect(through.code).toBe(0)
    expect(proxy.seen).toEqual([{ method: 'CONNECT', target: `127.0.0.1:${new URL(standIn.url).port}`, auth: undefined }])
    const direct = await act({ NODE_EXTRA_CA_CERTS: ca.caFile, HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' })
    expect(direct.code).toBe(0)
    expect(proxy.seen).toHaveLength(1)
    expect(standIn.requests).toHaveLength(2)
  })
})
