/**
 * The tracking issue of an audit: one open issue per project, labelled `archive-delivery` and
 * found again by a hidden marker that holds the project ID. The first audit that finds
 * undelivered archives opens it; later failing audits update its body and comment only when the
 * set of undelivered archives changed; a clean audit closes it with a comment. It holds no
 * secret: the body is built from the audit's table, which has no `url`, token or key.
 */
import { createHash } from 'node:crypto'
import { describeGitHubError, isPermissionError, repositoryOf, type GitHubClient } from '../github-client.js'

export const TRACKING_LABEL = 'archive-delivery'
/** The most rows the issue's table shows; GitHub refuses a body over 65,536 characters. */
const MAX_ROWS = 100

/** What the audit found, as the issue needs it. */
export interface AuditFindings {
  readonly projectId: string
  /** The name the title uses: the configuration file's project, or the project ID. */
  readonly projectName: string
  /** Undelivered archive IDs, for the fingerprint that decides whether to comment. */
  readonly undeliveredIds: readonly string[]
  /** Markdown: the counts line and the window. */
  readonly overview: string
  /** Markdown: the table of undelivered archives (MAX_ROWS at most). */
  readonly table: (limit: number, more: string) => string
  readonly runUrl?: string
}

export type TrackingOutcome =
  | { readonly action: 'opened' | 'updated' | 'commented' | 'closed'; readonly number: number; readonly url: string }
  | { readonly action: 'none' }
  | { readonly action: 'skipped'; readonly warning: string }

/** The hidden marker that finds the issue of a project again. */
export function markerOf(projectId: string): string {
  return `<!-- opentok-archive-target:archive-delivery project=${projectId} -->`
}

/** A fingerprint of the set of undelivered archives, kept hidden in the body. */
export function fingerprintOf(ids: readonly string[]): string {
  return createHash('sha256')
    .update([...ids].sort().join('\n'))
    .digest('hex')
    .slice(0, 16)
}

const FINGERPRINT = /<!-- undelivered-set: ([0-9a-f]{16}) -->/

/** The issue's body: marker, overview, table, run link, fingerprint. */
export function issueBody(findings: AuditFindings): string {
  const run = findings.runUrl === undefined ? 'the audit run' : `[the audit run](${findings.runUrl})`
  return [
    markerOf(findings.projectId),
    `**${findings.undeliveredIds.length} archive${findings.undeliveredIds.length === 1 ? ' was' : 's were'} not delivered** to the archive upload target, as found by ${run}.`,
    '',
    findings.overview,
    '',
    findings.table(MAX_ROWS, 'the job summary and the report file of the run list every one.'),
    '',
    'This issue is kept up to date by the nightly audit and closed by the first audit that finds every archive delivered.',
    `<!-- undelivered-set: ${fingerprintOf(findings.undeliveredIds)} -->`
  ].join('\n')
}

/** Opens, updates, comments on or closes the project's tracking issue. Never throws: a failure is a warning. */
export async function syncTrackingIssue(client: GitHubClient, env: NodeJS.ProcessEnv, findings: AuditFindings): Promise<TrackingOutcome> {
  const repository = repositoryOf(env)
  if (repository === undefined) {
    return { action: 'skipped', warning: 'No tracking issue: GITHUB_REPOSITORY is not set, so this is not a run in a repository.' }
  }
  try {
    const marker = markerOf(findings.projectId)
    const open = await client.paginate(client.rest.issues.listForRepo, {
      ...repository,
      state: 'open',
      labels: TRACKING_LABEL,
      per_page: 100
    })
    const existing = open.find(issue => issue.pull_request === undefined && (issue.body ?? '').includes(marker))
    const run = findings.runUrl === undefined ? '' : ` ([run](${findings.runUrl}))`
    if (findings.undeliveredIds.length === 0) {
      if (existing === undefined) return { action: 'none' }
      await client.rest.issues.createComment({
        ...repository,
        issue_number: existing.number,
        body: `Every archive of the latest audit was delivered${run}: ${findings.overview}. Closing.`
      })
      await client.rest.issues.update({ ...repository, issue_number: existing.number, state: 'closed', state_reason: 'completed' })
      return { action: 'closed', number: existing.number, url: existing.html_url }
    }
    const body = issueBody(findings)
    if (existing === undefined) {
      const created = await client.rest.issues.create({
        ...repository,
        title: `Archives not delivered: ${findings.projectName}`,
        body,
        labels: [TRACKING_LABEL]
      })
      return { action: 'opened', number: created.data.number, url: created.data.html_url }
    }
    const before = FINGERPRINT.exec(existing.body ?? '')?.[1]
    await client.rest.issues.update({ ...repository, issue_number: existing.number, body })
    if (before === fingerprintOf(findings.undeliveredIds)) return { action: 'updated', number: existing.number, url: existing.html_url }
    await client.rest.issues.createComment({
      ...repository,
      issue_number: existing.number,
      body: `The undelivered archives changed${run}: now ${findings.undeliveredIds.length}. ${findings.overview}. The table above is up to date.`
    })
    return { action: 'commented', number: existing.number, url: existing.html_url }
  } catch (error) {
    if (isPermissionError(error)) {
      return {
        action: 'skipped',
        warning: `Could not update the tracking issue: the token may not write issues (${describeGitHubError(error)}). Give the job 'permissions: issues: write'.`
      }
    }
    return { action: 'skipped', warning: `Could not update the tracking issue: ${describeGitHubError(error)}.` }
  }
}
