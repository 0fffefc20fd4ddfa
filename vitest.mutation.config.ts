/**
 * The tests a mutation run uses: those that exercise src/ in process. The tests of the committed
 * dist/ (__tests__/dist/) and of the repository's files (__tests__/repository/: workflows, release,
 * the mutation tools) cannot see a mutant of src/, so they are left out here rather than with
 * Stryker's testFiles option, which in StrykerJS 9.6 leaves static mutants switched off; the
 * schema's test (repository/config-schema.test.ts) stays in, as it runs readPlan and readSettings
 * in process. fast-check runs with a fixed seed, so a mutant is killed every time or never.
 */
import { defineConfig } from 'vitest/config'
import { QuickFirstSequencer } from './__tests__/support/quick-first-sequencer.js'

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    exclude: ['__tests__/dist/**', '__tests__/repository/!(config-schema).test.ts'],
    globalSetup: ['__tests__/support/global-setup.ts'],
    setupFiles: ['__tests__/support/fixed-seed.ts'],
    sequence: { sequencer: QuickFirstSequencer },
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
})
