/**
 * The order of the test files in a mutation run: files that failed last time first (as vitest
 * does), then the quickest first. Vitest runs the longest first, which suits a full run on many
 * cores; a mutant run stops at its first failing test, so running the quick unit tests before the
 * slow end-to-end ones in process kills most mutants in a fraction of the time.
 */
import { relative } from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

export class QuickFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const results = (file: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`)
    return [...files].sort((a, b) => {
      const first = results(a)
      const second = results(b)
      if (first === undefined || second === undefined) return first === undefined ? (second === undefined ? 0 : -1) : 1
      if (first.failed !== second.failed) return first.failed ? -1 : 1
      return first.duration - second.duration
    })
  }
}
