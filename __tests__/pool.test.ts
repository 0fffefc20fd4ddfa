/** The bounded pool the audit's look-ups share: how many run at once, the order of the results, and stopping. */
import { describe, expect, it } from 'vitest'
import { mapWithLimit } from '../src/pool.js'

describe('mapWithLimit', () => {
  it('keeps at most the limit in flight and returns results in order', async () => {
    let inFlight = 0
    let most = 0
    const results = await mapWithLimit([5, 1, 4, 2, 3, 0, 6], 3, async (n, index) => {
      inFlight++
      most = Math.max(most, inFlight)
      await new Promise(resolve => setTimeout(resolve, n))
      inFlight--
      return `${index}:${n}`
    })
    expect(results).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0', '6:6'])
    expect(most).toBe(3)
  })

  it('starts nothing more once stopped, and leaves the rest undefined', async () => {
    const started: number[] = []
    const results = await mapWithLimit(
      [0, 1, 2, 3, 4, 5],
      2,
      async n => {
        started.push(n)
        return n
      },
      () => started.length >= 3
    )
    expect(started).toEqual([0, 1, 2])
    expect(results).toEqual([0, 1, 2, undefined, undefined, undefined])
  })

  it('handles no items', async () => {
    expect(await mapWithLimit([], 16, async () => 1)).toEqual([])
  })
})
