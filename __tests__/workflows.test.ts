/**
 * Every workflow a user copies and every file GitHub reads is checked here first: action.yml,
 * examples/*.yml and .github/workflows/*.yml against GitHub's schemas (@action-validator/core),
 * each use of this action against its inputs, and the README's tables against action.yml.
 */
import { validateAction, validateWorkflow } from '@action-validator/core'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { actionInputs, ROOT } from './support/run-action.js'

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8')
const workflows = [
  ...readdirSync(join(ROOT, 'examples')).map(f => `examples/${f}`),
  ...readdirSync(join(ROOT, '.github', 'workflows')).map(f => `.github/workflows/${f}`)
].filter(f => f.endsWith('.yml'))
const action = parse(read('action.yml')) as {
  inputs: Record<string, { required?: boolean; default?: string }>
  outputs: Record<string, unknown>
  runs: { using: string; main: string }
}

interface Step {
  uses?: string
  with?: Record<string, unknown>
}

describe('GitHub schemas', () => {
  it('action.yml is a valid action that runs on node24', () => {
    // The validator's schema (its latest release) knows node12, node16 and node20 but not yet
    // node24, which GitHub runs; everything else in action.yml is checked as it is.
    const text = read('action.yml')
    expect(action.runs.using).toBe('node24')
    expect(validateAction(text.replace(/^(\s+using:\s+)node24$/m, '$1node20')).errors).toEqual([])
  })

  it.each(workflows)('%s is a valid workflow', file => {
    expect(validateWorkflow(read(file)).errors).toEqual([])
  })

  it('the validator does catch a mistake', () => {
    const typo = 'on: push\njobs:\n  build:\n    runs_on: ubuntu-latest\n    steps:\n      - run: echo hi\n'
    expect(validateWorkflow(typo).errors.length).toBeGreaterThan(0)
    expect(validateAction('name: x\ndescription: y\nruns:\n  using: node99\n  main: index.js\n').errors.length).toBeGreaterThan(0)
  })
})

describe('uses of this action', () => {
  const uses = workflows.flatMap(file => {
    const jobs = (parse(read(file)) as { jobs: Record<string, { steps?: Step[] }> }).jobs
    return Object.values(jobs)
      .flatMap(job => job.steps ?? [])
      .filter(step => step.uses === './' || step.uses?.startsWith('OWNER/opentok-archive-target-action@'))
      .map(step => ({ file, with: step.with ?? {} }))
  })

  it('are found in every example and in the self-test', () => {
    expect(new Set(uses.map(u => u.file))).toEqual(
      new Set([...workflows.filter(f => f.startsWith('examples/')), '.github/workflows/ci.yml'])
    )
  })

  it.each(uses.map(u => [u.file, u] as const))('%s gives only inputs that action.yml has, and every required one', (_file, use) => {
    const given = Object.keys(use.with)
    for (const name of given) expect(Object.keys(action.inputs)).toContain(name)
    for (const [name, spec] of Object.entries(action.inputs)) if (spec.required) expect(given).toContain(name)
  })
})

describe('README tables', () => {
  const readme = read('README.md')
  const table = (marker: string): string[][] => {
    const section = readme.slice(readme.indexOf(`<!-- ${marker}:start -->`), readme.indexOf(`<!-- ${marker}:end -->`))
    return section
      .split('\n')
      .filter(line => line.startsWith('| `'))
      .map(line =>
        line
          .split('|')
          .slice(1, -1)
          .map(cell => cell.trim())
      )
  }

  it('lists every input of action.yml, in order, with its required flag and default', () => {
    const rows = table('inputs')
    expect(rows.map(r => r[0])).toEqual(Object.keys(actionInputs()).map(name => `\`${name}\``))
    for (const row of rows) {
      const spec = action.inputs[row[0]!.slice(1, -1)]!
      expect(row[1] === 'yes', `required of ${row[0]}`).toBe(spec.required === true)
      if (spec.default !== undefined) expect(row[2], `default of ${row[0]}`).toBe(`\`${spec.default}\``)
    }
  })

  it('lists every output of action.yml, in order', () => {
    expect(table('outputs').map(r => r[0])).toEqual(Object.keys(action.outputs).map(name => `\`${name}\``))
  })

  it('links every example workflow', () => {
    for (const file of workflows.filter(f => f.startsWith('examples/'))) expect(readme).toContain(`(${file})`)
  })
})
