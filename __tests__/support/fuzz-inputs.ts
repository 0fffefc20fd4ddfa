/** What the fuzzing of every input generates, and what every fuzzed run must show (main.test.ts, dist/fuzz.test.ts). */
import fc from 'fast-check'
import { expect } from 'vitest'
import type { startStandIn } from './opentok-standin.js'
import { actionInputs } from './run-action.js'

type StandIn = Awaited<ReturnType<typeof startStandIn>>

export const project = { apiKey: '46000042', apiSecret: 'fuzz-project-secret-0123456789' }
export const inputNames = Object.keys(actionInputs())
const STACK_TRACE = /\n\s+at .+[(:]\d+/

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

export function inputsArbitrary(apiUrl: fc.Arbitrary<string>): fc.Arbitrary<Record<string, string>> {
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

export type Outcome = 'sent' | 'dry' | 'blocked' | 'wrongSecret' | 'refused'

/**
 * What every fuzzed run must show: no stack trace and no unexpected failure; whatever reached
 * the stand-in keeps the contract (the only refusal allowed is a token signed with a fuzzed
 * secret, and then the error names 'api-secret'); a failure without a request names an input.
 */
export function expectAcceptable(
  standIn: StandIn,
  inputs: Record<string, string>,
  printed: string,
  exitCode: number | null,
  blocked: number
): Outcome {
  expect(printed).not.toMatch(STACK_TRACE)
  expect(printed).not.toContain('Unexpected failure')
  // A fuzzed API key can be a valid one of another project ('0'): its path and token name that project, and the vendor refuses it.
  const otherProject = (inputs['api-key'] ?? '').trim() !== project.apiKey
  const expected = (problem: string) =>
    problem.startsWith('JWT signature') || (otherProject && (problem.startsWith('path is ') || problem.startsWith('iss is ')))
  expect(standIn.requests.flatMap(r => r.problems).filter(p => !expected(p))).toEqual([])
  if (exitCode === 0) return standIn.requests.length > 0 ? 'sent' : 'dry'
  if (blocked > 0) return 'blocked' // a valid api-url that is not the stand-in: nothing left the machine
  expect(exitCode).toBe(1)
  const errors = errorLines(printed)
  expect(errors.length).toBeGreaterThan(0)
  if (standIn.requests.length > 0) {
    if (!otherProject) expect(inputs['api-secret']).not.toBe(project.apiSecret)
    expect(errors.join('\n')).toContain(otherProject ? "Check 'api-key'" : "'api-secret'")
    return 'wrongSecret'
  }
  expect(errors.some(line => inputNames.some(name => line.includes(`'${name}'`)))).toBe(true)
  return 'refused'
}
