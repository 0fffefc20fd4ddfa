import type { Clock } from '../../src/http.js'

/** A clock whose sleeps return at once but advance its time, so backoff is tested without waiting. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = []
  private offset = 0

  constructor(private readonly randomValue = 1) {}

  now(): number {
    return Date.now() + this.offset
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms)
    this.offset += ms
  }

  random(): number {
    return this.randomValue
  }

  /** Total time the code under test asked to wait. */
  get slept(): number {
    return this.sleeps.reduce((a, b) => a + b, 0)
  }
}
