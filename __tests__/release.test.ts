/** script/release in a scratch repository: dry run by default, checks before tagging, vX moved. Nothing is pushed. */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ROOT } from './support/run-action.js'

const RELEASE = join(ROOT, 'script', 'release')
let repo: string

const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim()
const release = (...args: string[]) => spawnSync('bash', [join(repo, 'script', 'release'), ...args], { cwd: repo, encoding: 'utf8' })

function commitRelease(version: string): void {
  writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'scratch', version, scripts: { bundle: 'node -e 0' } }))
  writeFileSync(join(repo, 'CHANGELOG.md'), `# Changelog\n\n## [${version}] - 2026-11-27\n\n- a change\n`)
  git('add', '-A')
  git('commit', '-qm', `release ${version}`)
}

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'release-test-'))
  git('init', '-q', '-b', 'main')
  git('config', 'user.email', 'test@example.com')
  git('config', 'user.name', 'test')
  execFileSync('mkdir', ['-p', join(repo, 'script')])
  execFileSync('cp', [RELEASE, join(repo, 'script', 'release')])
  // A remote that does not exist: any push would fail the test.
  git('remote', 'add', 'origin', join(repo, 'no-such-remote.git'))
  commitRelease('1.0.0')
  git('tag', '-a', 'v1.0.0', '-m', 'v1.0.0')
  git('tag', '-a', 'v1', '-m', 'v1')
  commitRelease('1.1.0')
})
afterEach(() => rmSync(repo, { recursive: true, force: true }))

describe('script/release', () => {
  it('is a dry run by default: prints the plan, makes no tag', () => {
    const result = release('1.1.0')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('Dry run')
    expect(result.stdout).toMatch(/git tag -a v1\.1\.0 /)
    expect(result.stdout).toMatch(/git tag -fa v1 /)
    expect(result.stdout).toContain('git push --force origin refs/tags/v1')
    expect(git('tag', '--list')).toBe('v1\nv1.0.0')
  })

  it('tags vX.Y.Z and moves vX with --execute --no-push', () => {
    const head = git('rev-parse', 'HEAD')
    const result = release('1.1.0', '--execute', '--no-push')
    expect(result.status, result.stderr).toBe(0)
    expect(git('rev-parse', 'v1.1.0^{commit}')).toBe(head)
    expect(git('rev-parse', 'v1^{commit}')).toBe(head)
    expect(git('rev-parse', 'v1.0.0^{commit}')).not.toBe(head)
    expect(result.stdout).not.toContain('git push')
  })

  it.each([
    ['a version that is not X.Y.Z', ['v1.1'], /give the version as X\.Y\.Z/],
    ['a version not above the latest', ['1.0.0'], /not above the latest release v1\.0\.0/],
    ['a package.json that disagrees', ['1.2.0'], /package\.json says 1\.1\.0/]
  ])('refuses %s', (_case, args, message) => {
    const result = release(...args)
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(message)
    expect(git('tag', '--list')).toBe('v1\nv1.0.0')
  })

  it('refuses a dirty work tree and a missing changelog section', () => {
    writeFileSync(join(repo, 'stray.txt'), 'x')
    expect(release('1.1.0').stderr).toMatch(/uncommitted changes/)
    rmSync(join(repo, 'stray.txt'))
    writeFileSync(join(repo, 'CHANGELOG.md'), '# Changelog\n')
    git('commit', '-qam', 'drop changelog')
    expect(release('1.1.0').stderr).toMatch(/CHANGELOG\.md has no '## \[1\.1\.0\]' section/)
  })
})
