/**
 * The tracking issue of an audit: one open issue per project, found again by a hidden marker that
 * holds the project ID and by its author, the token's own identity, whatever its labels (a triager
 * may remove the label: it is put back). Anyone can write the marker into an issue; only one this
 * action's token wrote is its own. The first audit that finds undelivered archives, or that could
 * not finish for a reason to fix (not the vendor's passing trouble), opens it; later audits update
 * its body, and comment when the set of undelivered archives changes, naming the archives that are
 * new and those resolved; a clean audit closes it with a comment. The body fits GitHub's limit
 * and holds no secret: it is built from the audit's tables, which have no `url`, token or key.
 */
import { createHash } from 'node:crypto'
import { describeGitHubError, isPermissionError, repositoryOf, tokenLogin, writtenBy, type GitHubClient } from '../github-client.js'
import { code } from '../markdown.js'

export const TRACKING_LABEL = 'archive-delivery'
/** GitHub refuses a body over 65,536 characters: the issue's stays under this. */
export const MAX_BODY = 60_000
/** The room of the hidden list of undelivered IDs, which the next audit compares with. */
const IDS_ROOM = 20_000
const ARCHIVE_ID = /^[A-Za-z0-9-]{1,64}$/
/** The most IDs a change comment names on each side. */
const NAMED_IN_COMMENT = 20
/** The most IDs the body names of the earlier findings still open. */
const CARRIED_SHOWN = 100

/** What the audit found, as the issue needs it. */
export interface AuditFindings {
  readonly projectId: string
  /** The name the title uses: the configuration file's project, or the project ID. */
  readonly projectName: string
  /** The IDs of the archives not delivered (rescued ones among them), for the comment on a change. */
  readonly undeliveredIds: readonly string[]
  /** Of those, the ones this audit rescued: settled, though the target failed them. */
  readonly rescuedIds?: readonly string[]
  /** The IDs this audit found delivered (or still uploading): an earlier finding of one is resolved. */
  readonly settledIds?: readonly string[]
  /** The counts line and the window (the action's own words). */
  readonly overview: string
  /** Markdown: the audit's sections (failure, rescued, undelivered), within `room` characters. */
  readonly sections: (room: number) => string
  /** Why the audit could not finish, when it could not. */
  readonly failure?: { readonly message: string; readonly transient: boolean }
  readonly runUrl?: string
}

export type TrackingOutcome =
  | {
      readonly action: 'opened' | 'updated' | 'commented' | 'closed'
      readonly number: number
      readonly url: string
      readonly notes: readonly string[]
    }
  | { readonly action: 'none'; readonly why?: string; readonly notes: readonly string[] }
  | { readonly action: 'skipped'; readonly warning: string; readonly notes: readonly string[] }

/** The hidden marker that finds the issue of a project again. */
export function markerOf(projectId: string): string {
  return `<!-- opentok-archive-target:archive-delivery project=${projectId} -->`
}

/** A fingerprint of the set of undelivered archives and whether the audit finished, kept hidden in the body. */
export function fingerprintOf(ids: readonly string[], finished = true): string {
  return createHash('sha256')
    .update([...ids].sort().join('\n') + (finished ? '' : '\nunfinished'))
    .digest('hex')
    .slice(0, 16)
}

const FINGERPRINT = /<!-- undelivered-set: ([0-9a-f]{16}) -->/
const IDS = /<!-- undelivered-ids(?: \(partial\))?: ([A-Za-z0-9,-]*) -->/

/**
 * The issue's body: marker, headline, overview, sections, the archives an earlier audit found and
 * none found delivered since (`carried`), run link, hidden fingerprint and IDs; under MAX_BODY.
 */
export function issueBody(findings: AuditFindings, carried: readonly string[] = []): string {
  const run = findings.runUrl === undefined ? 'the audit run' : `[the audit run](${findings.runUrl})`
  const count = findings.undeliveredIds.length
  const archives = (n: number) => `${n} archive${n === 1 ? ' was' : 's were'}`
  const headline =
    findings.failure !== undefined
      ? `**The audit could not finish**, as found by ${run}${count === 0 ? '' : `; ${archives(count)} found not delivered before it stopped`}.`
      : count === 0
        ? `**Every archive of the latest audit was delivered**, as found by ${run}; but ${carried.length} archive${carried.length === 1 ? '' : 's'} that an earlier audit found not delivered ${carried.length === 1 ? 'is' : 'are'} still open (below).`
        : `**${archives(count)} not delivered** to the archive upload target, as found by ${run}.`
  const ids = hiddenIds(atRisk(findings, carried))
  const head = `${[markerOf(findings.projectId), headline, '', findings.overview].join('\n')}\n\n`
  const earlier = carriedSection(carried)
  const tail = [
    '',
    carried.length === 0
      ? 'This issue is kept up to date by the nightly audit and closed by the first audit that finds every archive delivered.'
      : 'This issue is kept up to date by the nightly audit. It stays open while an archive of an earlier finding is not found delivered: close it when those are dealt with.',
    `<!-- undelivered-set: ${fingerprintOf([...findings.undeliveredIds, ...carried], findings.failure === undefined)} -->`,
    ids
  ].join('\n')
  const room = MAX_BODY - head.length - earlier.length - tail.length - 16
  return `${head}${findings.sections(room)}${earlier}\n${tail}`
}

/** What the hidden list keeps: the archives still at risk, now and from earlier audits; a rescued one is settled. */
function atRisk(findings: AuditFindings, carried: readonly string[]): string[] {
  const rescued = new Set(findings.rescuedIds ?? [])
  return [...findings.undeliveredIds.filter(id => !rescued.has(id)), ...carried]
}

/**
 * The archives an earlier audit found not delivered that this one did not find delivered: most
 * have left the audit's window (it judges an archive the night after it ends) and are never judged
 * again, so the issue keeps them until a person closes it.
 */
function carriedSection(carried: readonly string[]): string {
  if (carried.length === 0) return ''
  const shown = carried.slice(0, CARRIED_SHOWN).map(id => code(id, 64))
  return [
    '',
    '',
    `### Found earlier, not found delivered since (${carried.length})`,
    '',
    `${shown.join(', ')}${carried.length > CARRIED_SHOWN ? `, and ${carried.length - CARRIED_SHOWN} more` : ''}.`,
    '',
    'An earlier audit found these archives not delivered, and no audit since has found them in the target or rescued them. The audit judges an archive in the nights after it ends, then no more. For each: look for it in the target; one the vendor kept (status `available`) can be copied until 72 hours after it was created, by `rescue: true` or by hand; a failed recording has no file. Close this issue when they are dealt with.'
  ].join('\n')
}

/** The IDs, hidden, as many as fit in IDS_ROOM; marked partial when some were left out. */
function hiddenIds(ids: readonly string[]): string {
  const kept: string[] = []
  let used = 0
  for (const id of ids) {
    // Only a well-formed archive ID may stand inside the HTML comment: any other text could close it.
    if (!ARCHIVE_ID.test(id)) continue
    if (used + id.length + 1 > IDS_ROOM) break
    kept.push(id)
    used += id.length + 1
  }
  return `<!-- undelivered-ids${kept.length < ids.length ? ' (partial)' : ''}: ${kept.join(',')} -->`
}

/** The IDs an earlier body listed, and whether that list was whole. */
function earlierIds(body: string): { ids: Set<string>; whole: boolean } | undefined {
  const match = IDS.exec(body)
  if (match === null) return undefined
  return { ids: new Set((match[1] ?? '').split(',').filter(Boolean)), whole: !match[0].includes('(partial)') }
}

interface FoundIssue {
  readonly number: number
  readonly body?: string | null
  readonly html_url: string
  readonly labels: ReadonlyArray<string | { readonly name?: string }>
}

/** Opens, updates, comments on or closes the project's tracking issue. Never throws: a failure is a warning. */
export async function syncTrackingIssue(client: GitHubClient, env: NodeJS.ProcessEnv, findings: AuditFindings): Promise<TrackingOutcome> {
  const notes: string[] = []
  const repository = repositoryOf(env)
  if (repository === undefined) {
    return { action: 'skipped', warning: 'No tracking issue: GITHUB_REPOSITORY is not set, so this is not a run in a repository.', notes }
  }
  if (findings.failure?.transient === true) {
    return { action: 'none', why: "the vendor's trouble may pass by itself: the next audit updates the issue", notes }
  }
  try {
    const existing = await findIssue(client, repository, findings.projectId, notes)
    const run = findings.runUrl === undefined ? '' : ` ([run](${findings.runUrl}))`
    const before = existing === undefined ? undefined : earlierIds(existing.body ?? '')
    const carried = carriedFrom(before, findings)
    const clean = findings.undeliveredIds.length === 0 && findings.failure === undefined && carried.length === 0
    if (clean) {
      if (existing === undefined) return { action: 'none', notes }
      await client.rest.issues.createComment({
        ...repository,
        issue_number: existing.number,
        body: `Every archive of the latest audit was delivered${run}: ${findings.overview}. Closing.`
      })
      await client.rest.issues.update({ ...repository, issue_number: existing.number, state: 'closed', state_reason: 'completed' })
      return { action: 'closed', number: existing.number, url: existing.html_url, notes }
    }
    const body = issueBody(findings, carried)
    if (existing === undefined) {
      const created = await client.rest.issues.create({
        ...repository,
        title: `Archives not delivered: ${findings.projectName}`,
        body,
        labels: [TRACKING_LABEL]
      })
      return { action: 'opened', number: created.data.number, url: created.data.html_url, notes }
    }
    await client.rest.issues.update({ ...repository, issue_number: existing.number, body })
    if (carried.length > 0) {
      notes.push(
        `${carried.length} archive(s) that an earlier audit found not delivered, and that no audit since found in the target, keep the tracking issue #${existing.number} open: ${carried.slice(0, 10).join(', ')}${carried.length > 10 ? ', …' : ''}. Close it when they are dealt with.`
      )
    }
    if (!existing.labels.some(label => (typeof label === 'string' ? label : label.name) === TRACKING_LABEL)) {
      await client.rest.issues.addLabels({ ...repository, issue_number: existing.number, labels: [TRACKING_LABEL] })
      notes.push(`The tracking issue #${existing.number} had lost its label '${TRACKING_LABEL}'; it was put back.`)
    }
    if (
      FINGERPRINT.exec(existing.body ?? '')?.[1] === fingerprintOf([...findings.undeliveredIds, ...carried], findings.failure === undefined)
    ) {
      return { action: 'updated', number: existing.number, url: existing.html_url, notes }
    }
    await client.rest.issues.createComment({
      ...repository,
      issue_number: existing.number,
      body: changeComment(findings, before, carried, run)
    })
    return { action: 'commented', number: existing.number, url: existing.html_url, notes }
  } catch (error) {
    if (isPermissionError(error)) {
      return {
        action: 'skipped',
        warning: `Could not update the tracking issue: the token may not write issues (${describeGitHubError(error)}). Give the job 'permissions: issues: write'.`,
        notes
      }
    }
    return { action: 'skipped', warning: `Could not update the tracking issue: ${describeGitHubError(error)}.`, notes }
  }
}

/**
 * The open issue of the project that this action's token wrote: first among the issues labelled
 * for it, then among every open issue the token wrote (the label may have been removed). Of two,
 * the newest is used, and a note says so.
 */
async function findIssue(
  client: GitHubClient,
  repository: { owner: string; repo: string },
  projectId: string,
  notes: string[]
): Promise<FoundIssue | undefined> {
  const marker = markerOf(projectId)
  const login = await tokenLogin(client)
  const ours = (issues: ReadonlyArray<FoundIssue & { pull_request?: unknown; user?: { login?: string; type?: string } | null }>) =>
    issues.filter(issue => issue.pull_request === undefined && (issue.body ?? '').includes(marker) && writtenBy(issue.user, login))
  let found = ours(
    await client.paginate(client.rest.issues.listForRepo, { ...repository, state: 'open', labels: TRACKING_LABEL, per_page: 100 })
  )
  if (found.length === 0) {
    found = ours(await client.paginate(client.rest.issues.listForRepo, { ...repository, state: 'open', creator: login, per_page: 100 }))
  }
  const newest = [...found].sort((a, b) => b.number - a.number)
  if (newest.length > 1) {
    notes.push(
      `${newest.length} open tracking issues of this project were written by this token (${newest.map(issue => `#${issue.number}`).join(', ')}); the newest, #${newest[0]?.number}, is kept up to date. Close the others.`
    )
  }
  return newest[0]
}

/** The IDs the earlier body kept that this audit neither found undelivered again nor found delivered or rescued. */
function carriedFrom(before: { ids: Set<string> } | undefined, findings: AuditFindings): string[] {
  if (before === undefined) return []
  const seen = new Set([...findings.undeliveredIds, ...(findings.settledIds ?? [])])
  return [...before.ids].filter(id => !seen.has(id))
}

/**
 * The comment on a change: what the audit says now; the archives that are new since the last body,
 * those resolved (found delivered or rescued), and those an earlier audit found that stay open.
 */
function changeComment(
  findings: AuditFindings,
  before: { ids: Set<string>; whole: boolean } | undefined,
  carried: readonly string[],
  run: string
): string {
  const lines = [`The audit's findings changed${run}: ${findings.overview}.`]
  if (findings.failure !== undefined) lines.push('', 'The audit could not finish: the body above says why.')
  if (before !== undefined) {
    // A partial earlier list cannot tell a new archive from one it left out.
    const unknown = 'not known (the earlier list was too long to keep whole)'
    const added = [...new Set(findings.undeliveredIds)].filter(id => !before.ids.has(id))
    const settled = new Set([...(findings.settledIds ?? []), ...(findings.rescuedIds ?? [])])
    // Settled IDs are never at risk now: found delivered, or rescued (which the hidden list leaves out).
    const resolved = [...before.ids].filter(id => settled.has(id))
    lines.push(
      '',
      `New since the last update: ${before.whole ? named(added) : unknown}.`,
      `Resolved since the last update (found delivered, or rescued): ${named(resolved)}.`
    )
    if (carried.length > 0) lines.push(`Found earlier and still open, no longer judged: ${named(carried)}.`)
  }
  lines.push('', 'The body above is up to date.')
  return lines.join('\n')
}

function named(ids: readonly string[]): string {
  if (ids.length === 0) return 'none'
  const shown = ids.slice(0, NAMED_IN_COMMENT).map(id => code(id, 64))
  return `${ids.length} (${shown.join(', ')}${ids.length > NAMED_IN_COMMENT ? `, and ${ids.length - NAMED_IN_COMMENT} more` : ''})`
}
