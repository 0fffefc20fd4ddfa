/**
 * Property-based fuzzing of every input with arbitrary strings: the action never throws, never
 * prints a stack trace, and either sends a request the stand-in accepts or fails with an
 * ::error:: that names an input. dist-fuzz.test.ts runs the same through the committed dist/.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Transport, type HttpAnswer } from '../src/http.js'
import type { StorageVerifier } from '../src/main.js'
import { expectAcceptable, inputsArbitrary, project, type Outcome } from './support/fuzz-inputs.js'
import { runInProcess } from './support/in-process.js'
import { startStandIn } from './support/opentok-standin.js'

let standIn: Awaited<ReturnType<typeof startStandIn>>
beforeAll(async () => {
  standIn = await startStandIn(project)
})
afterAll(() => standIn.close())

/** Sends only to the stand-in: a fuzzed api-url that passes validation must not reach the network. */
class LoopbackOnlyTransport extends Transport {
  blocked = 0
  override async once(
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | Buffer | undefined,
    timeoutMs: number
  ): Promise<HttpAnswer> {
    if (!url.startsWith(`${standIn.url}/`)) {
      this.blocked++
      throw Object.assign(new Error('blocked by the test: not the stand-in'), { code: 'TEST_BLOCKED' })
    }
    return super.once(method, url, headers, body, timeoutMs)
  }
}

const tally: Record<Outcome, number> = { sent: 0, dry: 0, blocked: 0, wrongSecret: 0, refused: 0 }

const passingCheck: StorageVerifier = async () => ({ verified: 'true', summary: 'stubbed for fuzzing' })

describe('fuzzed inputs', () => {
  it('in process: never throws or shows a stack; a request the stand-in accepts, or an ::error:: naming an input', async () => {
    await fc.assert(
      fc.asyncProperty(inputsArbitrary(fc.constant('')), async generated => {
        const inputs: Record<string, string> = { ...generated, 'api-url': generated['api-url'] || standIn.url, 'max-attempts': '1' }
        standIn.requests.length = 0
        const transport = new LoopbackOnlyTransport()
        const result = await runInProcess(inputs, { transport, verifyStorage: passingCheck })
        tally[expectAcceptable(standIn, inputs, result.stdout, result.exitCode, transport.blocked)]++
      }),
      { numRuns: 300 }
    )
    // The generator must reach both sides: requests sent and inputs refused.
    expect(tally.sent + tally.dry).toBeGreaterThan(10)
    expect(tally.refused).toBeGreaterThan(10)
  })
})
