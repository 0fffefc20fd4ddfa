/** The mutation-testing tools: the score table by module group, and the group runner's module lists. */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const dir = mkdtempSync(join(tmpdir(), 'mutation-scores-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const mutants = (counts: Record<string, number>) =>
  Object.entries(counts).flatMap(([status, n]) => Array.from({ length: n }, () => ({ status })))

function report(name: string, files: Record<string, Record<string, number>>): string {
  const path = join(dir, `${name}.json`)
  writeFileSync(path, JSON.stringify({ files: Object.fromEntries(Object.entries(files).map(([f, c]) => [f, { mutants: mutants(c) }])) }))
  return path
}

const scores = (...args: string[]) => execFileSync('node', ['script/mutation-scores.js', ...args], { encoding: 'utf8' })

describe('script/mutation-scores.js', () => {
  it('scores each group as (killed + timed out) / (killed + timed out + survived + no coverage), by the first group naming a module', () => {
    const path = report('one', {
      'src/redact.ts': { Killed: 8, Timeout: 1, Survived: 1, Ignored: 5 },
      'src/inputs/secrets.ts': { Killed: 10 },
      'src/inputs/target.ts': { Killed: 6, Survived: 2, NoCoverage: 2, CompileError: 3 },
      'src/main.ts': { Killed: 1, Survived: 1 }
    })
    const lines = scores(path).trim().split('\n')
    expect(lines[0]).toBe('| modules | mutants | killed | survived | no coverage | score | target |')
    expect(lines.slice(2)).toEqual([
      '| `redact.ts`, `inputs/secrets.ts` (redaction, masking) | 20 | 19 | 1 | 0 | 95.0% | ≥ 90% (met) |',
      '| `inputs/*` (validation) | 10 | 6 | 2 | 2 | 60.0% | ≥ 90% (**below**) |',
      '| the rest of `src/` (`main.ts`, `gather.ts`, `report.ts`, `operations/apply.ts`, …) | 2 | 1 | 1 | 0 | 50.0% | — |'
    ])
  })

  it('merges reports file by file, and --check fails only when a group is below its target', () => {
    const good = report('good', { 'src/http.ts': { Killed: 9, Survived: 1 } })
    const bad = report('bad', { 'src/proxy.ts': { Killed: 1, Survived: 1 } })
    expect(scores(good, bad)).toContain('| `http.ts`, `proxy.ts` | 12 | 10 | 2 | 0 | 83.3% | ≥ 85% (**below**) |')
    expect(spawnSync('node', ['script/mutation-scores.js', '--check', good]).status).toBe(0)
    expect(spawnSync('node', ['script/mutation-scores.js', '--check', good, bad]).status).toBe(1)
  })
})

describe('stryker/groups.json', () => {
  const { groups } = JSON.parse(readFileSync('stryker/groups.json', 'utf8')) as {
    groups: Array<{ name: string; mutate: string[]; target: number | null }>
  }
  it('holds the targets of issue 18, and 90% for the new code of issues 24 to 27', () => {
    expect(Object.fromEntries(groups.map(g => [g.name, g.target]))).toEqual({
      untrusted: 90,
      rescue: 90,
      redaction: 90,
      inputs: 90,
      pem: 90,
      http: 85,
      sources: 85,
      verify: 80,
      'audit-plan': 90,
      rest: null
    })
  })

  it('names only modules that exist', () => {
    const files = execFileSync('git', ['ls-files', 'src'], { encoding: 'utf8' }).split('\n')
    for (const pattern of groups.flatMap(g => g.mutate).filter(p => !p.includes('*'))) expect(files).toContain(pattern)
  })

  it('the group runner refuses an unknown group, naming the groups', () => {
    const run = spawnSync('node', ['script/mutate-group.js', 'nope'], { encoding: 'utf8' })
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('the groups are untrusted, rescue, redaction, inputs, pem, http, sources, verify, audit-plan, rest.')
  })
})
