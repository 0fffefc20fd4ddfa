/**
 * The repository's files at one revision: the checkout in the workspace, a commit read with git,
 * or a commit read through the GitHub contents API. The configuration file and a certificate it
 * names by path are read through one of these, so the head and the base of a change go through
 * the same reader and validators.
 */
import { execFile } from 'node:child_process'
import { readFile, realpath } from 'node:fs/promises'
import { isAbsolute, posix, relative, resolve } from 'node:path'
import { describeGitHubError, isPermissionError, type GitHubClient, type Repository } from '../github-client.js'

/** Where the examples and the README keep the configuration file, used when only 'project' is given. */
export const DEFAULT_CONFIG_FILE = '.github/opentok-archive-target.yml'

export interface RepositoryFiles {
  /** Where the files come from, for messages: "the workspace", "commit 1a2b3c4". */
  readonly where: string
  /** The text of `path` (relative to the repository's root), or undefined when it is not there. */
  read(path: string): Promise<string | undefined>
}

/** A path that stays inside the repository: relative, without '..' that leaves it. */
export function isInsideRepository(path: string): boolean {
  if (path === '' || isAbsolute(path) || path.includes('\0')) return false
  const inside = relative('/repository', resolve('/repository', path))
  return inside !== '' && !inside.startsWith('..')
}

/** What reading a file of the workspace found. */
export type WorkspaceRead =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly why: 'outside' | 'missing' | 'link-outside' | 'unreadable'; readonly code?: string }

/**
 * Reads `path` (relative, or absolute inside the workspace) from the workspace. A path that leaves
 * the workspace is refused, and so is a symbolic link that leads out of it: a pull request could
 * otherwise point a setting at any file of the runner.
 */
export async function readInWorkspace(workspace: string, path: string): Promise<WorkspaceRead> {
  const full = resolve(workspace, path)
  const inside = relative(workspace, full)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || path.includes('\0')) return { ok: false, why: 'outside' }
  let real: string
  try {
    real = await realpath(full)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'ENOENT' || code === 'ENOTDIR'
      ? { ok: false, why: 'missing' }
      : { ok: false, why: 'unreadable', ...(code ? { code } : {}) }
  }
  const root = await realpath(workspace).catch(() => workspace)
  const within = relative(root, real)
  if (within === '' || within.startsWith('..') || isAbsolute(within)) return { ok: false, why: 'link-outside' }
  try {
    return { ok: true, text: await readFile(real, 'utf8') }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return { ok: false, why: 'unreadable', ...(code ? { code } : {}) }
  }
}

/** The checkout in `workspace`. */
export function workspaceFiles(workspace: string): RepositoryFiles {
  return {
    where: 'the workspace',
    async read(path) {
      if (!isInsideRepository(path)) return undefined
      const read = await readInWorkspace(workspace, path)
      if (read.ok) return read.text
      if (read.why === 'missing') return undefined
      throw new UnreadableFile(
        read.why === 'link-outside'
          ? `${path} is a symbolic link that leads outside the workspace; it is not read.`
          : `${path} could not be read (${read.code ?? read.why}).`
      )
    }
  }
}

/** A revision safe to hand to git: a commit SHA or a ref name, never an option. */
export const REVISION = /^(?!-)(?!.*\.\.)[A-Za-z0-9._/~^-]{1,255}$/

/** Runs git in `workspace`; `ok` is false for any failure (a non-zero exit, or git not found). */
function git(workspace: string, args: string[]): Promise<{ ok: boolean; stdout: string }> {
  return new Promise(resolvePromise => {
    execFile('git', ['-C', workspace, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 30_000 }, (error, stdout) => {
      resolvePromise({ ok: error === null, stdout })
    })
  })
}

/** A path inside the repository as git and the contents API name it: `./a/./b.yml` is `a/b.yml`. */
function repositoryPath(path: string): string {
  return posix.normalize(path)
}

/** The files of `revision` when the checkout in `workspace` has that commit; undefined when it does not (a shallow checkout). */
export async function gitFiles(workspace: string, revision: string): Promise<RepositoryFiles | undefined> {
  if (!REVISION.test(revision)) return undefined
  const commit = await git(workspace, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`])
  if (!commit.ok) return undefined
  const sha = commit.stdout.trim()
  const prefix = (await git(workspace, ['rev-parse', '--show-prefix'])).stdout.trim()
  return {
    where: `commit ${sha.slice(0, 7)}`,
    async read(path) {
      if (!isInsideRepository(path)) return undefined
      // `cat-file blob`, not `show`: a folder is no file (show would answer with its listing)
      const shown = await git(workspace, ['cat-file', 'blob', `${sha}:${prefix}${repositoryPath(path)}`])
      return shown.ok ? shown.stdout : undefined
    }
  }
}

/** A file the GitHub API could not give, for a reason other than its absence. */
export class UnreadableFile extends Error {}

/** A revision the repository does not know (a force push may have replaced the commit): none of its files can be read. */
export class UnknownRevision extends UnreadableFile {
  constructor(readonly revision: string) {
    super(`the repository does not know the commit ${revision.slice(0, 12)}`)
  }
}

/** The files of `ref` read through the GitHub contents API (needs `contents: read`). */
export function apiFiles(client: GitHubClient, repository: Repository, ref: string): RepositoryFiles {
  return {
    where: `commit ${ref.slice(0, 7)} (read through the GitHub API)`,
    async read(path) {
      if (!isInsideRepository(path)) return undefined
      try {
        const answer = await client.rest.repos.getContent({
          ...repository,
          path: repositoryPath(path),
          ref,
          mediaType: { format: 'raw' }
        })
        return typeof answer.data === 'string' ? answer.data : undefined
      } catch (error) {
        if ((error as { status?: unknown }).status === 404) {
          // GitHub says which: the file is not at that commit, or there is no such commit.
          if (/no commit found/i.test(error instanceof Error ? error.message : '')) throw new UnknownRevision(ref)
          return undefined
        }
        if (isPermissionError(error)) {
          throw new UnreadableFile(
            `the GitHub API refused to read ${path} at ${ref} (${describeGitHubError(error)}): give the job 'permissions: contents: read', or check out the base commit (actions/checkout with fetch-depth: 0).`
          )
        }
        throw new UnreadableFile(`the GitHub API could not read ${path} at ${ref}: ${describeGitHubError(error)}.`)
      }
    }
  }
}
