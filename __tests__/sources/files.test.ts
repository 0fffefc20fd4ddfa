/**
 * The readers of a repository's files (sources/files.ts): what counts as inside the repository or
 * the workspace, a commit of the checkout's git, and the contents API with its refusals.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeGitHubClient } from '../../src/github-client.js'
import {
  apiFiles,
  gitFiles,
  isInsideRepository,
  readInWorkspace,
  REVISION,
  UnreadableFile,
  workspaceFiles
} from '../../src/sources/files.js'
import { startGitHubStandIn } from '../support/github-standin.js'
import { scratchRepo, type ScratchRepo } from '../support/scratch-repo.js'
import { scratchWorkspaces } from '../support/workspace.js'

const workspace = scratchWorkspaces('files-')

describe('isInsideRepository', () => {
  it.each(['a.yml', '.github/targets.yml', './a.yml', 'a/../b.yml', 'a/b/../../c.yml'])('takes %s', path => {
    expect(isInsideRepository(path)).toBe(true)
  })
  it.each(['', '.', './', '..', '../a.yml', 'a/../../b.yml', '/etc/passwd', '/repository/a.yml', 'a\0b'])('refuses %j', path => {
    expect(isInsideRepository(path)).toBe(false)
  })
})

describe('REVISION', () => {
  it.each(['main', 'a'.repeat(40), 'refs/heads/feature/x', 'HEAD~1', 'v1.2.3', 'HEAD^'])('takes %s', rev =>
    expect(REVISION.test(rev)).toBe(true)
  )
  it.each(['', '-x', '--upload-pack=evil', 'a..b', 'a b', 'a;b', 'x'.repeat(256)])('refuses %j', rev =>
    expect(REVISION.test(rev)).toBe(false)
  )
})

describe('readInWorkspace', () => {
  it('reads a file by a relative path, or an absolute one inside the workspace', async () => {
    const dir = workspace({ 'a/b.yml': 'text' })
    expect(await readInWorkspace(dir, 'a/b.yml')).toEqual({ ok: true, text: 'text' })
    expect(await readInWorkspace(dir, join(dir, 'a/b.yml'))).toEqual({ ok: true, text: 'text' })
  })

  it.each(['', '.', '../x', '/etc/hostname', 'a\0b'])('refuses %j as outside', async path => {
    expect(await readInWorkspace(workspace({}), path)).toEqual({ ok: false, why: 'outside' })
  })

  it('answers missing for a file that is not there, also under a file', async () => {
    const dir = workspace({ 'a.yml': 'x' })
    expect(await readInWorkspace(dir, 'b.yml')).toEqual({ ok: false, why: 'missing' })
    expect(await readInWorkspace(dir, 'a.yml/c.yml')).toEqual({ ok: false, why: 'missing' })
  })

  it('refuses a link out of the workspace, and follows one that stays inside', async () => {
    const outside = workspace({ 'secret.txt': 'runner file' })
    const dir = workspace({ 'real.yml': 'inside' })
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'out.yml'))
    symlinkSync(join(dir, 'real.yml'), join(dir, 'in.yml'))
    symlinkSync(dir, join(dir, 'self'))
    expect(await readInWorkspace(dir, 'out.yml')).toEqual({ ok: false, why: 'link-outside' })
    expect(await readInWorkspace(dir, 'in.yml')).toEqual({ ok: true, text: 'inside' })
    expect(await readInWorkspace(dir, 'self')).toEqual({ ok: false, why: 'link-outside' })
  })

  it('says why a path that loops could not be read', async () => {
    const dir = workspace({})
    symlinkSync(join(dir, 'b.yml'), join(dir, 'a.yml'))
    symlinkSync(join(dir, 'a.yml'), join(dir, 'b.yml'))
    expect(await readInWorkspace(dir, 'a.yml')).toEqual({ ok: false, why: 'unreadable', code: 'ELOOP' })
  })

  it('says why a file it may not read could not be read', async () => {
    const dir = workspace({ 'locked.yml': 'x' })
    chmodSync(join(dir, 'locked.yml'), 0o000)
    const read = await readInWorkspace(dir, 'locked.yml')
    chmodSync(join(dir, 'locked.yml'), 0o600)
    // root reads anything: then the file is simply read
    expect(read).toEqual(process.getuid?.() === 0 ? { ok: true, text: 'x' } : { ok: false, why: 'unreadable', code: 'EACCES' })
    expect(await readInWorkspace(dir, '.')).toEqual({ ok: false, why: 'outside' })
  })
})

describe('workspaceFiles', () => {
  it('reads what is there, answers undefined for what is not or lies outside, and throws for a link out', async () => {
    const outside = workspace({ 'x.yml': 'runner' })
    const dir = workspace({ 'a.yml': 'A' })
    symlinkSync(join(outside, 'x.yml'), join(dir, 'link.yml'))
    mkdirSync(join(dir, 'folder'))
    const files = workspaceFiles(dir)
    expect(files.where).toBe('the workspace')
    expect(await files.read('a.yml')).toBe('A')
    expect(await files.read('missing.yml')).toBeUndefined()
    expect(await files.read('../x.yml')).toBeUndefined()
    await expect(files.read('link.yml')).rejects.toThrow(
      new UnreadableFile('link.yml is a symbolic link that leads outside the workspace; it is not read.')
    )
    await expect(files.read('folder')).rejects.toThrow(/^folder could not be read \(EISDIR\)\.$/)
  })
})

describe('gitFiles', () => {
  // larger than the 1 MiB git's output may have by default: a bundle of CA certificates can be
  const big = `${'A'.repeat(63)}\n`.repeat(40_000)
  let repo: ScratchRepo
  beforeAll(() => {
    repo = scratchRepo([{ 'a.yml': 'first' }, { 'a.yml': 'second', 'sub/b.yml': 'B', 'big.pem': big }])
  })
  afterAll(() => repo.remove())

  it('reads a file at a commit, by a path with or without ./', async () => {
    const files = await gitFiles(repo.dir, repo.commits[0]!)
    expect(files?.where).toBe(`commit ${repo.commits[0]!.slice(0, 7)}`)
    expect(await files?.read('a.yml')).toBe('first')
    expect(await files?.read('./a.yml')).toBe('first')
    expect(await files?.read('sub/.././a.yml')).toBe('first')
    expect(await files?.read('sub/b.yml')).toBeUndefined()
    expect(await files?.read('../a.yml')).toBeUndefined()
    // git would answer these with a listing of the commit's root folder
    expect(await files?.read('.')).toBeUndefined()
    expect(await files?.read('')).toBeUndefined()
  })

  it('answers undefined for a folder, as the contents API does', async () => {
    const files = await gitFiles(repo.dir, repo.commits[1]!)
    expect(await files?.read('sub')).toBeUndefined()
    expect(await files?.read('sub/')).toBeUndefined()
  })

  it('reads a file of a few megabytes whole', async () => {
    const files = await gitFiles(repo.dir, repo.commits[1]!)
    expect(await files?.read('big.pem')).toBe(big)
  })

  it('reads from a workspace that is a folder of the repository, relative to it', async () => {
    const files = await gitFiles(join(repo.dir, 'sub'), repo.commits[1]!)
    expect(await files?.read('b.yml')).toBe('B')
  })

  it('answers undefined for a commit the checkout lacks, and for a revision that is not one', async () => {
    expect(await gitFiles(repo.dir, 'f'.repeat(40))).toBeUndefined()
    expect(await gitFiles(repo.dir, '--output=/tmp/x')).toBeUndefined()
    // git would read this reflog entry; only a SHA or a plain ref name is handed to it
    expect(await gitFiles(repo.dir, 'HEAD@{0}')).toBeUndefined()
    expect(await gitFiles(workspace({}), 'main')).toBeUndefined()
  })
})

describe('apiFiles', () => {
  const token = 'ghs_filesTestToken0123456789'
  let github: Awaited<ReturnType<typeof startGitHubStandIn>>
  beforeAll(async () => {
    github = await startGitHubStandIn({ token })
    github.setFile('abc1234def', '.github/targets.yml', 'from the API')
  })
  afterAll(() => github.close())
  const repository = { owner: 'example-org', repo: 'video-app' }

  it('reads a file at a ref, answers undefined for one that is not there or lies outside', async () => {
    const files = apiFiles(await makeGitHubClient(token, { GITHUB_API_URL: github.url }), repository, 'abc1234def')
    expect(files.where).toBe('commit abc1234 (read through the GitHub API)')
    expect(await files.read('./.github/targets.yml')).toBe('from the API')
    expect(await files.read('.github/./targets.yml')).toBe('from the API')
    expect(await files.read('.github/other.yml')).toBeUndefined()
    github.calls.length = 0
    expect(await files.read('../x.yml')).toBeUndefined()
    expect(github.calls).toEqual([])
  })

  it('says what went wrong when the API answers with an error, or not at all', async () => {
    const refused = apiFiles(await makeGitHubClient('ghs_wrong', { GITHUB_API_URL: github.url }), repository, 'abc1234def')
    await expect(refused.read('.github/targets.yml')).rejects.toThrow(
      'the GitHub API could not read .github/targets.yml at abc1234def: HTTP 401: Bad credentials'
    )
    const nowhere = apiFiles(await makeGitHubClient(token, { GITHUB_API_URL: 'http://127.0.0.1:9' }), repository, 'abc1234def')
    await expect(nowhere.read('.github/targets.yml')).rejects.toThrow(
      /^the GitHub API could not read \.github\/targets\.yml at abc1234def: /
    )
  })
})

describe('apiFiles against refusals and answers that are no file', () => {
  let server: Server
  let url: string
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.writeHead(req.url?.includes('denied') ? 403 : 200, { 'content-type': 'application/json' })
      res.end(req.url?.includes('denied') ? JSON.stringify({ message: 'Resource not accessible by integration' }) : '[{"name": "a.yml"}]')
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))
  const files = async () => apiFiles(await makeGitHubClient('ghs_any', { GITHUB_API_URL: url }), { owner: 'o', repo: 'r' }, 'abc1234')

  it('asks for contents: read when the token may not read the file', async () => {
    await expect((await files()).read('denied.yml')).rejects.toThrow(
      "the GitHub API refused to read denied.yml at abc1234 (HTTP 403: Resource not accessible by integration): give the job 'permissions: contents: read', or check out the base commit (actions/checkout with fetch-depth: 0)."
    )
  })

  it('answers undefined for a folder, whose contents are a listing', async () => {
    expect(await (await files()).read('.github')).toBeUndefined()
  })
})

const cleanup: Array<() => void> = []
afterAll(() => cleanup.forEach(remove => remove()))

describe('the files at a revision', () => {
  it('keeps paths inside the repository', () => {
    for (const path of ['a.yml', '.github/x.yml', './a/b.pem', 'a/../b.pem']) expect(isInsideRepository(path), path).toBe(true)
    for (const path of ['', '/etc/passwd', '../x', 'a/../../x', 'a\0b']) expect(isInsideRepository(path), path).toBe(false)
  })

  it('reads the workspace and a commit of its git, and answers undefined for what is not there', async () => {
    const repo = scratchRepo([{ 'config.yml': 'first', 'sub/keep.txt': 'kept' }, { 'config.yml': 'second' }])
    cleanup.push(() => repo.remove())
    const head = workspaceFiles(repo.dir)
    expect(await head.read('config.yml')).toBe('second')
    expect(await head.read('missing.yml')).toBeUndefined()
    expect(await head.read('../outside')).toBeUndefined()
    const base = await gitFiles(repo.dir, repo.commits[0]!)
    expect(base?.where).toBe(`commit ${repo.commits[0]!.slice(0, 7)}`)
    expect(await base?.read('config.yml')).toBe('first')
    expect(await base?.read('./sub/keep.txt')).toBe('kept')
    expect(await base?.read('missing.yml')).toBeUndefined()
    expect(await gitFiles(repo.dir, 'f'.repeat(40))).toBeUndefined()
    expect(await gitFiles(repo.dir, '--help')).toBeUndefined()
    expect(await gitFiles(mkdtempSync(join(tmpdir(), 'not-git-')), 'HEAD')).toBeUndefined()
  })

  it('reads a checkout whose workspace is a folder of the repository', async () => {
    const repo = scratchRepo([{ 'app/config.yml': 'in app' }])
    cleanup.push(() => repo.remove())
    const base = await gitFiles(join(repo.dir, 'app'), repo.commits[0]!)
    expect(await base?.read('config.yml')).toBe('in app')
  })
})

// The git binary must be there for the scratch repositories; say so plainly if it is not.
execFileSync('git', ['--version'])
