/** The fuzzing of every input of main.test.ts through the committed dist/: the same holds for the bundle a runner runs. */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { expectAcceptable, inputsArbitrary, project } from '../support/fuzz-inputs.js'
import { startStandIn } from '../support/opentok-standin.js'
import { runAction } from '../support/run-action.js'

let standIn: Awaited<ReturnType<typeof startStandIn>>
beforeAll(async () => {
  standIn = await startStandIn(project)
})
afterAll(() => standIn.close())

describe('fuzzed inputs', () => {
  it('through the committed dist/: the same holds for the bundle a runner runs', async () => {
    await fc.assert(
      fc.asyncProperty(inputsArbitrary(fc.constant('')), async generated => {
        // The child process cannot be fenced in, so api-url always points at the stand-in.
        // An environment variable cannot hold NUL, so no runner can pass one to the bundle.
        const passable = Object.fromEntries(Object.entries(generated).map(([name, value]) => [name, value.replace(/\0/g, '')]))
        const inputs = { ...passable, 'api-url': standIn.url, verify: 'false', 'max-attempts': '1' }
        standIn.requests.length = 0
        const run = await runAction(inputs)
        expectAcceptable(standIn, inputs, run.stdout + run.stderr, run.code, 0)
      }),
      { numRuns: 25 }
    )
  })
})
