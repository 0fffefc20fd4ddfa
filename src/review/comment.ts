/**
 * The plan's one comment on a pull request: found again by the hidden marker of its
 * configuration file and edited in place on every push. `comment: changes` writes one only when
 * something changes, and turns an existing one into "no changes" rather than leave a stale plan.
 * A token that may not write (a fork's, or one without `pull-requests: write`) is a notice.
 */
import { describeGitHubError, isPermissionError, type GitHubClient, type Repository } from '../github-client.js'

export type CommentMode = 'changes' | 'always' | 'off'

export type CommentOutcome =
  | { readonly action: 'created' | 'updated'; readonly url: string }
  | { readonly action: 'none'; readonly why: string }
  | { readonly action: 'skipped'; readonly notice: string }

export interface CommentRequest {
  readonly repository: Repository
  readonly pullRequest: number
  readonly marker: string
  readonly body: string
  /** Whether the plan has any change. */
  readonly changes: boolean
  readonly mode: CommentMode
}

/** Creates or updates the plan comment as the mode says. Never throws. */
export async function syncPlanComment(client: GitHubClient, request: CommentRequest): Promise<CommentOutcome> {
  if (request.mode === 'off') return { action: 'none', why: "'comment' is off" }
  const { repository, pullRequest } = request
  try {
    const comments = await client.paginate(client.rest.issues.listComments, { ...repository, issue_number: pullRequest, per_page: 100 })
    const existing = comments.find(comment => (comment.body ?? '').includes(request.marker))
    if (existing === undefined && request.mode === 'changes' && !request.changes) {
      return { action: 'none', why: 'no change, and no earlier plan comment to update' }
    }
    if (existing !== undefined) {
      const updated = await client.rest.issues.updateComment({ ...repository, comment_id: existing.id, body: request.body })
      return { action: 'updated', url: updated.data.html_url }
    }
    const created = await client.rest.issues.createComment({ ...repository, issue_number: pullRequest, body: request.body })
    return { action: 'created', url: created.data.html_url }
  } catch (error) {
    if (isPermissionError(error)) {
      return {
        action: 'skipped',
        notice: `The plan is in the job summary only: the token may not comment on the pull request (${describeGitHubError(error)}). Give the job 'permissions: pull-requests: write'; a pull request from a fork never gets it.`
      }
    }
    return {
      action: 'skipped',
      notice: `The plan is in the job summary only: the comment could not be written (${describeGitHubError(error)}).`
    }
  }
}
