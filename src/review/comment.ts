/**
 * The plan's one comment on a pull request: found again by the hidden marker of its
 * configuration file and edited in place on every push. A comment is the plan's only if the
 * token's own identity wrote it: anyone can write the marker into a comment, and a plan read from
 * a comment someone else can edit is no plan. Such a comment is left alone and named in a notice.
 * Two runs that started at once may each have posted one: the oldest is kept and updated, the
 * others deleted, so no stale plan stays. `comment: changes` writes one only when something
 * changes, and turns an existing one into "no changes" rather than leave a stale plan. A token
 * that may not write (a fork's, or one without `pull-requests: write`) is a notice.
 */
import { describeGitHubError, isPermissionError, tokenLogin, writtenBy, type GitHubClient, type Repository } from '../github-client.js'

export type CommentMode = 'changes' | 'always' | 'off'

export type CommentOutcome =
  | { readonly action: 'created' | 'updated'; readonly url: string; readonly ignored: readonly string[] }
  | { readonly action: 'none'; readonly why: string; readonly ignored: readonly string[] }
  | { readonly action: 'skipped'; readonly notice: string; readonly ignored: readonly string[] }

export interface CommentRequest {
  readonly repository: Repository
  readonly pullRequest: number
  readonly marker: string
  readonly body: string
  /** Whether the plan has any change (an invalid file counts as one: the comment must say so). */
  readonly changes: boolean
  readonly mode: CommentMode
}

/** Creates or updates the plan comment as the mode says; `ignored` names the authors of marked comments that are not ours. Never throws. */
export async function syncPlanComment(client: GitHubClient, request: CommentRequest): Promise<CommentOutcome> {
  if (request.mode === 'off') return { action: 'none', why: "'comment' is off", ignored: [] }
  const { repository, pullRequest } = request
  let ignored: string[] = []
  try {
    const comments = await client.paginate(client.rest.issues.listComments, { ...repository, issue_number: pullRequest, per_page: 100 })
    const marked = comments.filter(comment => (comment.body ?? '').includes(request.marker))
    const login = await tokenLogin(client)
    const ours = marked.filter(comment => writtenBy(comment.user, login)).sort((a, b) => a.id - b.id)
    ignored = [...new Set(marked.filter(comment => !ours.includes(comment)).map(comment => comment.user?.login ?? 'an unknown author'))]
    const [existing, ...extra] = ours
    if (existing === undefined && request.mode === 'changes' && !request.changes) {
      return { action: 'none', why: 'no change, and no earlier plan comment to update', ignored }
    }
    for (const comment of extra) await client.rest.issues.deleteComment({ ...repository, comment_id: comment.id })
    if (existing !== undefined) {
      const updated = await client.rest.issues.updateComment({ ...repository, comment_id: existing.id, body: request.body })
      return { action: 'updated', url: updated.data.html_url, ignored }
    }
    const created = await client.rest.issues.createComment({ ...repository, issue_number: pullRequest, body: request.body })
    return { action: 'created', url: created.data.html_url, ignored }
  } catch (error) {
    if (isPermissionError(error)) {
      return {
        action: 'skipped',
        notice: `The plan is in the job summary only: the token may not comment on the pull request (${describeGitHubError(error)}). Give the job 'permissions: pull-requests: write'; a pull request from a fork never gets it.`,
        ignored
      }
    }
    return {
      action: 'skipped',
      notice: `The plan is in the job summary only: the comment could not be written (${describeGitHubError(error)}).`,
      ignored
    }
  }
}
