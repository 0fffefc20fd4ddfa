// Mutation testing of src/ (npm run mutate; one module: npm run mutate -- --mutate src/redact.ts).
// Runs the in-process tests (vitest.mutation.config.ts); writes HTML and JSON reports to reports/.
// Not part of .ci/run (it takes long): .github/workflows/mutation.yml runs it on a schedule.
// A surviving mutant is killed by a test that states the behaviour it protects, or listed in
// stryker/equivalent.md with why it cannot change behaviour.
// MUTATION_REPORTS moves the reports (e.g. to run two groups side by side with --tempDirName).
const reports = process.env.MUTATION_REPORTS ?? 'reports/mutation'

// The test runners (child processes, which inherit this) run in a zone that is not UTC. Stryker's
// vitest runner uses worker threads, where a test cannot change the zone (vi.stubEnv('TZ') has no
// effect there), so without this a mutant that reads a time in the runner's local zone (the
// audit's 'since' without a zone) would pass on a UTC machine. The whole suite passes in any zone.
process.env.TZ = 'America/New_York'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['src/**/*.ts', '!src/index.ts', '!src/**/*.d.ts', '!src/undici-core.ts'],
  coverageAnalysis: 'perTest',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: `${reports}/index.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  tempDirName: '.stryker-tmp',
  concurrency: 2,
  timeoutMS: 30_000,
  thresholds: { high: 90, low: 80, break: null }
}
