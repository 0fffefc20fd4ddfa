/** A small bounded pool: many small requests, a fixed number in flight, never an unbounded Promise.all over user data. */

/**
 * Calls `work` for each item with at most `limit` calls in flight, and returns the results in the
 * items' order. Once `stopped()` is true, no further call starts; the items not started get `undefined`.
 */
export async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
  stopped: () => boolean = () => false
): Promise<Array<R | undefined>> {
  const results: Array<R | undefined> = new Array<R | undefined>(items.length).fill(undefined)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length && !stopped()) {
      const index = next++
      results[index] = await work(items[index] as T, index)
    }
  }
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker)
  await Promise.all(workers)
  return results
}
