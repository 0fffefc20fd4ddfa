/**
 * Property-based fuzzing of every input with arbitrary strings: the action never throws, never
 * prints a stack trace, and either sends a request the stand-in accepts or fails with an
 * ::error:: that names an input.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Transport, type HttpAnswer } from '../src/http.js'
import type { StorageVerifier } from '../src/main.js'
import { actionInputs, runAction } from './support/run-action.js'
import { runInProcess } from './support/in-process.js'
import { startStandIn } from './support/opentok-standin.js'

const project = { apiKey: '46000042', apiSecret: 'fuzz-project-secret-0123456789' }
const inputNames = Object.keys(actionInputs())
const STACK_TRACE = /\n\s+at .+[(:]\d+/

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

const passingCheck: StorageVerifier = async () => ({ verified: 'true', summary: 'stubbed for fuzzing' })

const anyText = fc.oneof(
  fc.constant(''),
  fc.constantFrom(' ', '\t', '\n', '\r\n', ' \n ', '\u00a0', '\u2028'),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ minLength: 5000, maxLength: 70000 }).map(s => s.padEnd(5000, 'x'))
)
const plausible: Record<string, fc.Arbitrary<string>> = {
  'api-key': fc.constant(project.apiKey),
  'api-secret': fc.constant(project.apiSecret),
  'api-url': fc.constant('') as fc.Arbitrary<string>,
  operation: fc.constantFrom('set', 'delete'),
  type: fc.constantFrom('s3', 'azure'),
  bucket: fc.constantFrom('acme-archives', 'a.b-c_d'),
  'access-key': fc.constantFrom('AKIAEXAMPLE'),
  'secret-key': fc.constantFrom('s3-secret/key+0123456789'),
  'account-name': fc.constantFrom('acmestorage'),
  'account-key': fc.constantFrom('YWNjb3VudC1rZXk='),
  container: fc.constantFrom('archives'),
  fallback: fc.constantFrom('none', 'opentok'),
  'dry-run': fc.constantFrom('', 'false', 'true'),
  'fail-on-error': fc.constantFrom('', 'true', 'false'),
  sse: fc.constantFrom('', 's3', 'none'),
  endpoint: fc.constantFrom('', 'https://storage.googleapis.com', 'http://127.0.0.1:9000')
}

function inputsArbitrary(apiUrl: fc.Arbitrary<string>): fc.Arbitrary<Record<string, string>> {
  return fc.record(
    Object.fromEntries(
      inputNames.map(name => {
        const sensible = name === 'api-url' ? apiUrl : (plausible[name] ?? fc.constant(''))
        return [
          name,
          name === 'api-url' ? fc.oneof(apiUrl, anyText) : fc.oneof({ weight: 40, arbitrary: sensible }, { weight: 1, arbitrary: anyText })
        ]
      })
    ) as Record<string, fc.Arbitrary<string>>,
    { requiredKeys: [] }
  ) as fc.Arbitrary<Record<string, string>>
}

function errorLines(stdout: string): string[] {
  return stdout.split('\n').filter(line => line.startsWith('::error'))
}

type Outcome = 'sent' | 'dry' | 'blocked' | 'wrongSecret' | 'refused'
const tally: Record<Outcome, number> = { sent: 0, dry: 0, blocked: 0, wrongSecret: 0, refused: 0 }

/**
 * What every fuzzed run must show: no stack trace and no unexpected failure; whatever reached
 * the stand-in keeps the contract (the only refusal allowed is a token signed with a fuzzed
 * secret, and then the error names 'api-secret'); a failure without a request names an input.
 */
function expectAcceptable(inputs: Record<string, string>, printed: string, exitCode: number | null, blocked: number): Outcome {
  expect(printed).not.toMatch(STACK_TRACE)
  expect(printed).not.toContain('Unexpected failure')
  expect(standIn.requests.flatMap(r => r.problems).filter(p => !p.startsWith('JWT signature'))).toEqual([])
  if (exitCode === 0) return standIn.requests.length > 0 ? 'sent' : 'dry'
  if (blocked > 0) return 'blocked' // a valid api-url that is not the stand-in: nothing left the machine
  expect(exitCode).toBe(1)
  const errors = errorLines(printed)
  expect(errors.length).toBeGreaterThan(0)
  if (standIn.requests.length > 0) {
    expect(inputs['api-secret']).not.toBe(project.apiSecret)
    expect(errors.join('\n')).toContain("'api-secret'")
    return 'wrongSecret'
  }
  expect(errors.some(line => inputNames.some(name => line.includes(`'${name}'`)))).toBe(true)
  return 'refused'
}

describe('fuzzed inputs', () => {
  it('in process: never throws or shows a stack; a request the stand-in accepts, or an ::error:: naming an input', async () => {
    await fc.assert(
      fc.asyncProperty(inputsArbitrary(fc.constant('')), async generated => {
        const inputs: Record<string, string> = { ...generated, 'api-url': generated['api-url'] || standIn.url, 'max-attempts': '1' }
        standIn.requests.length = 0
        const transport = new LoopbackOnlyTransport()
        const result = await runInProcess(inputs, { transport, verifyStorage: passingCheck })
        tally[expectAcceptable(inputs, result.stdout, result.exitCode, transport.blocked)]++
      }),
      { numRuns: 300 }
    )
    // The generator must reach both sides: requests sent and inputs refused.
    expect(tally.sent + tally.dry).toBeGreaterThan(10)
    expect(tally.refused).toBeGreaterThan(10)
  })

  it('through the committed dist/: the same holds for the bundle a runner runs', async () => {
    await fc.assert(
      fc.asyncProperty(inputsArbitrary(fc.constant('')), async generated => {
        // The child process cannot be fenced in, so api-url always points at the stand-in.
        // An environment variable cannot hold NUL, so no runner can pass one to the bundle.
        const passable = Object.fromEntries(Object.entries(generated).map(([name, value]) => [name, value.replace(/\0/g, '')]))
        const inputs = { ...passable, 'api-url': standIn.url, verify: 'false', 'max-attempts': '1' }
        standIn.requests.length = 0
        const run = await runAction(inputs)
        expectAcceptable(inputs, run.stdout + run.stderr, run.code, 0)
      }),
      { numRuns: 25 }
    )
  })
})
