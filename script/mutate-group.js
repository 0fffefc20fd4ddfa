#!/usr/bin/env node
// Mutation-tests one module group of stryker/groups.json (npm run mutate:group -- inputs), with
// its reports in reports/mutation/<group>/ and its own sandbox, so groups can run side by side.
// Extra arguments go to Stryker (e.g. --concurrency 4, --incremental).
//   node script/mutate-group.js <group> [stryker options]
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const [name, ...extra] = process.argv.slice(2)
const { groups } = JSON.parse(readFileSync(new URL('../stryker/groups.json', import.meta.url), 'utf8'))
const index = groups.findIndex(group => group.name === name)
if (index === -1) {
  console.error(`Usage: node script/mutate-group.js <group>; the groups are ${groups.map(g => g.name).join(', ')}.`)
  process.exit(2)
}
// A module belongs to the first group that names it; what the config leaves out stays out.
const earlier = groups.slice(0, index).flatMap(group => group.mutate)
const mutate = [...groups[index].mutate, ...earlier.map(p => `!${p}`), '!src/index.ts', '!src/**/*.d.ts', '!src/undici-core.ts']
const result = spawnSync('npx', ['stryker', 'run', '--mutate', mutate.join(','), '--tempDirName', `.stryker-tmp-${name}`, ...extra], {
  stdio: 'inherit',
  env: { ...process.env, MUTATION_REPORTS: `reports/mutation/${name}` }
})
process.exit(result.status ?? 1)
