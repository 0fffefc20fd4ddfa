/**
 * The GitHub REST client, created in one place with the token input: @actions/github's Octokit,
 * pointed at GITHUB_API_URL (GitHub Enterprise Server, or a loopback stand-in in tests). Loaded
 * only by the operations that write to GitHub, so a set never parses Octokit.
 */
export interface Repository {
  readonly owner: string
  readonly repo: string
}

export type GitHubClient = Awaited<ReturnType<typeof makeGitHubClient>>

/** An Octokit for `token`, against the API the runner names. */
export async function makeGitHubClient(token: string, env: NodeJS.ProcessEnv) {
  // The package's `lib/utils` entry is what getOctokit() wraps. Importing it, rather than the package
  // index that run-context.ts already loads for `context`, lets the bundler keep Octokit out of start-up.
  const { GitHub, getOctokitOptions } = await import('@actions/github/lib/utils')
  return new GitHub(getOctokitOptions(token, { baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '') }))
}

/** The repository of this run, from GITHUB_REPOSITORY; undefined outside a runner. */
export function repositoryOf(env: NodeJS.ProcessEnv): Repository | undefined {
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo || rest.length > 0) return undefined
  return { owner, repo }
}

/** Whether an Octokit error says the token lacks a permission (403, or "Resource not accessible by integration"). */
export function isPermissionError(error: unknown): boolean {
  const status = (error as { status?: unknown }).status
  const message = error instanceof Error ? error.message : ''
  return status === 403 || /Resource not accessible by integration/i.test(message)
}

/** A short description of an Octokit error: its status and first line, never a header or a token. */
export function describeGitHubError(error: unknown): string {
  const status = (error as { status?: unknown }).status
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 200) ?? ''
  return typeof status === 'number' ? `HTTP ${status}: ${message}` : message
}

/** The author GitHub gives what the job token writes. */
export const JOB_TOKEN_LOGIN = 'github-actions[bot]'

/** An author as the REST API gives it on a comment or an issue. */
export interface Author {
  readonly login?: string
  readonly type?: string
}

const logins = new WeakMap<object, Promise<string>>()

/**
 * Who the token writes as: the user of a personal token, or the bot of a GitHub App's token, as
 * GraphQL's `viewer` names it (it answers for both kinds; REST's GET /user refuses app tokens).
 * Read once per client. When GitHub cannot say, the job token's author is assumed: the default
 * token, and the one identity a comment of this action is never mistaken for.
 */
export function tokenLogin(client: GitHubClient): Promise<string> {
  let login = logins.get(client)
  if (login === undefined) {
    login = client
      .graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }')
      .then(data => (typeof data.viewer?.login === 'string' && data.viewer.login !== '' ? data.viewer.login : JOB_TOKEN_LOGIN))
      .catch(() => JOB_TOKEN_LOGIN)
    logins.set(client, login)
  }
  return login
}

/**
 * Whether `author` is `login`: a comment or issue is this action's only if the token's own
 * identity wrote it, whatever marker it carries. An app's bot may be named with or without its
 * `[bot]` suffix; the suffix is only accepted on an author GitHub marks as a bot.
 */
export function writtenBy(author: Author | null | undefined, login: string): boolean {
  const name = author?.login?.toLowerCase()
  if (name === undefined) return false
  const own = login.toLowerCase()
  return name === own || (author?.type === 'Bot' && !own.endsWith('[bot]') && name === `${own}[bot]`)
}
