/**
 * Data the action does not control, through the committed dist/ as a runner runs it: end users'
 * text in archive fields, vendor and storage error text, values of a file under review,
 * certificate subjects, other people's comments, and every event about a pull request. What the
 * runner's own parsers read in everything printed (support/runner-commands.js), and what a GFM
 * renderer shows live in every body written (support/markdown-oracle.js), are the judges.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { archiveId, vendorArchive } from '../support/archives.js'
import { makeCertificateWithSubject } from '../support/certificates.js'
import { configFileText } from '../support/config-yaml.js'
import { startGitHubStandIn } from '../support/github-standin.js'
import { liveParts } from '../support/markdown-oracle.js'
import { startStandIn } from '../support/opentok-standin.js'
import { runAction, type ActionRun } from '../support/run-action.js'
import { runnerCommands } from '../support/runner-commands.js'
import { scratchRepo, type ScratchRepo } from '../support/scratch-repo.js'

const project = { apiKey: '46000031', apiSecret: 'untrusted-data-secret-0123456789ab' }
const token = 'ghs_untrustedDataToken0123456789abcdef'
const RUN_URL = 'https://github.com/example-org/video-app/actions/runs/1234'
const FILE = '.github/opentok-archive-target.yml'

/** End users' text, as the trial typed it into a meeting's title and the vendor carried it into the archive. */
const REASON =
  'x\n::error title=Security alert::Rotate your secret at https://evil.example/rotate ##[error]fake\r::add-mask::delivered @octocat @acme/security-team see acme/other-repo#5 #12 [Download](https://evil.example/phish) ![](https://evil.example/p.png) <img src=https://evil.example/i.png> \u202Eevil'
const NAME = '::stop-commands::stopper\n@octocat www.evil.example [n](https://evil.example/n) `x`|y'
const STATUS = '::stop-commands::token'

let vendor: Awaited<ReturnType<typeof startStandIn>>
let github: Awaited<ReturnType<typeof startGitHubStandIn>>
const repos: ScratchRepo[] = []
beforeAll(async () => {
  vendor = await startStandIn(project)
  github = await startGitHubStandIn({ token })
})
afterAll(async () => {
  await vendor.close()
  await github.close()
  for (const repo of repos) repo.remove()
})
beforeEach(() => {
  vendor.requests.length = 0
  github.issues.length = 0
  github.comments.length = 0
  github.calls.length = 0
})

/**
 * What the runner would carry out in the run's output: only the action's own commands (masks of
 * its secrets, and its annotations), each at the start of a line it wrote, none legacy, no
 * stop-commands; and the action's last error is seen.
 */
function expectOnlyOwnCommands(run: ActionRun, secrets: readonly string[]): void {
  const commands = runnerCommands(`${run.stdout}${run.stderr}`)
  expect(commands.filter(c => c.form !== 'v2')).toEqual([])
  expect(commands.map(c => c.name).filter(name => !['add-mask', 'warning', 'error', 'notice', 'debug'].includes(name))).toEqual([])
  // A mask is of a secret the step was given, or of a token it signed (a JWT): never of text from outside.
  for (const mask of commands.filter(c => c.name === 'add-mask')) {
    expect(secrets.some(secret => secret.includes(mask.data)) || /^[\w-]+\.[\w-]+\.[\w-]+$/.test(mask.data)).toBe(true)
  }
  expect(run.stdout).not.toContain('##[')
  expect(run.stdout).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/)
}

/**
 * What a reader of `markdown` sees live: nothing the payload brought, only the run's own link; and
 * none of `emphasis` (text a payload wrote as bold or italic) rendered so.
 */
function expectInert(markdown: string, emphasis: readonly string[] = []): void {
  const live = liveParts(markdown)
  expect(live.links.filter(link => link !== RUN_URL)).toEqual([])
  expect(live.images).toEqual([])
  expect(live.mentions).toEqual([])
  expect(live.references).toEqual([])
  for (const text of emphasis) expect(live.html).not.toMatch(new RegExp(`<(strong|em)>${text}`))
  expect(markdown).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/)
}

function audit(inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(
    {
      'api-key': project.apiKey,
      'api-secret': project.apiSecret,
      'api-url': vendor.url,
      operation: 'audit',
      'tracking-issue': 'true',
      'github-token': token,
      ...inputs
    },
    { env: { GITHUB_API_URL: github.url } }
  )
}

describe("end users' text in the archive list", () => {
  it('reaches the log, the summary and the tracking issue inert, and the action’s final error is still seen', async () => {
    const now = Date.now()
    vendor.setArchives([
      vendorArchive(now, 1, { status: 'failed', reason: REASON, name: NAME, sessionId: '##[error]session' }),
      vendorArchive(now, 2, { status: STATUS, name: REASON }),
      vendorArchive(now, 3)
    ])
    const run = await audit()
    expect(run.code).toBe(1)
    expectOnlyOwnCommands(run, [project.apiSecret, token])
    const commands = runnerCommands(run.stdout)
    expect(commands.at(-1)).toMatchObject({ name: 'error' })
    expect(commands.at(-1)?.data).toMatch(
      /^2 archive\(s\) did not land in the target \(1 failed, 1 unknown status\)\. See the job summary\.$/
    )
    // The reason is in the log, as one line, the command syntax broken.
    expect(run.stdout).toContain(
      'recording failed: x : :error title=Security alert: :Rotate your secret at https://evil.example/rotate # #[error]fake : :add-mask: :delivered'
    )
    expectInert(run.summary)
    expect(github.issues).toHaveLength(1)
    const body = github.issues[0]!.body
    expectInert(body)
    expect(body).toContain('**2 archives were not delivered**')
    // Shown, as code.
    expect(liveParts(body).html).toContain(
      '<code>x ::error title=Security alert::Rotate your secret at https://evil.example/rotate ##[error]fake ::add-mask::delivered @octocat'
    )
  })

  it.each([
    // The trial's case: every '<' grew to '&#60;' and no issue opened.
    [120, ['<'.repeat(200)], false],
    // Text that grows the most in a table cell ('|' becomes '\\|'), and more archives than one body holds.
    [400, ['`|'.repeat(100), '|'.repeat(200), '&'.repeat(200)], true]
  ])(
    'still opens the tracking issue for %i archives whose reasons are 200 characters each, within GitHub’s limit',
    async (count, reasons, cut) => {
      const now = Date.now()
      vendor.setArchives(
        Array.from({ length: count }, (_, i) =>
          vendorArchive(now, 1 + i / 20, { status: 'failed', reason: reasons[i % reasons.length]!, name: reasons[0]! })
        )
      )
      const run = await audit()
      expect(run.code).toBe(1)
      expect(github.issues).toHaveLength(1)
      const body = github.issues[0]!.body
      expect(body.length).toBeLessThanOrEqual(65_536)
      const rows = body.split('\n').filter(line => line.startsWith('| `a1b2c3d4-'))
      if (cut) {
        expect(rows.length).toBeLessThan(count)
        expect(body).toContain(`… and ${count - rows.length} more: the job summary and the report file of the run list every one.`)
      } else expect(rows).toHaveLength(count)
      expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024)
      expectInert(body)
    }
  )

  it('refuses a list page over 16 MiB before it is parsed, with a clear error', async () => {
    vendor.answer({ status: 200, body: JSON.stringify({ count: 1, items: [{ id: archiveId(), padding: 'x'.repeat(40_000_000) }] }) })
    const run = await audit({ 'tracking-issue': 'false' })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `::error::The audit could not finish: GET ${vendor.url}/v2/project/${project.apiKey}/archive?offset=0&count=1000: the answer's body was larger than 16 MiB and was refused unread. A page of 1,000 archives is about 0.5 MB: check 'api-url'.`
    )
    expect(vendor.requests).toHaveLength(1)
  })

  it('shows a vendor error’s words through the door', async () => {
    vendor.answer({ status: 400, body: JSON.stringify({ code: -1, message: 'bad\n::error::injected ##[warning]x @octocat' }) })
    const run = await audit({ 'tracking-issue': 'false' })
    expectOnlyOwnCommands(run, [project.apiSecret, token])
    expect(run.stdout).toContain('OpenTok said: "bad : :error: :injected # #[warning]x @octocat"')
    expectInert(run.summary)
  })
})

function repoOf(base: Record<string, string | null>, head: Record<string, string | null>): ScratchRepo {
  const repo = scratchRepo([base, head])
  repos.push(repo)
  return repo
}

function onPullRequest(
  repo: ScratchRepo,
  inputs: Record<string, string>,
  event = 'pull_request',
  payload?: Record<string, unknown>
): Promise<ActionRun> {
  const path = repo.event(
    payload ?? {
      number: 7,
      pull_request: { number: 7, base: { sha: repo.commits[0] }, head: { repo: { full_name: 'example-org/video-app' } } }
    }
  )
  return runAction(
    { 'config-file': FILE, 'github-token': token, ...inputs },
    {
      cwd: repo.dir,
      env: {
        GITHUB_WORKSPACE: repo.dir,
        GITHUB_EVENT_NAME: event,
        GITHUB_EVENT_PATH: path,
        GITHUB_SHA: repo.commits[1]!,
        GITHUB_API_URL: github.url
      }
    }
  )
}

const s3 = { 'api-key': project.apiKey, bucket: 'acme-archives', 'access-key': 'AKIAEXAMPLE01', fallback: 'opentok' }

describe('the plan comment', () => {
  it('is never one that someone else planted with the marker: the plan posts its own and says so', async () => {
    const repo = repoOf({ [FILE]: configFileText({ staging: s3 }) }, { [FILE]: configFileText({ staging: { ...s3, fallback: 'none' } }) })
    const planted = github.plantComment(
      7,
      `<!-- opentok-archive-target:plan file=${FILE} -->\n### Archive target plan: No changes, looks good`
    )
    const run = await onPullRequest(repo, { operation: 'plan' })
    expect(run.code).toBe(0)
    expect(github.comments.find(c => c.id === planted)?.body).toContain('No changes, looks good')
    const ours = github.comments.filter(c => c.user.login === 'github-actions[bot]')
    expect(ours).toHaveLength(1)
    expect(ours[0]!.body).toContain('1 project changes (1 setting), 1 risk to review')
    expect(run.stdout).toContain("::notice::A comment with the plan's marker by 'mallory' was ignored")
  })

  it('shows a value that holds backticks, and a certificate subject written as Markdown, as code', async () => {
    const sneaky = 'x``**Reviewed-by-security:no-risks**[details](https://evil.example)``y'
    const certificate = makeCertificateWithSubject('/CN=x/O=**No risks** [see](https:\\/\\/evil.example) @octocat')
    const repo = repoOf(
      { [FILE]: configFileText({ staging: s3 }) },
      { [FILE]: configFileText({ staging: { ...s3, 'access-key': sneaky, certificate: 'certs/a.pem' } }), 'certs/a.pem': certificate }
    )
    const run = await onPullRequest(repo, { operation: 'plan' })
    expect(run.code).toBe(0)
    const comment = github.comments.find(c => c.user.login === 'github-actions[bot]')?.body ?? ''
    expectInert(comment, ['Reviewed-by-security', 'No risks'])
    expectInert(run.summary, ['Reviewed-by-security', 'No risks'])
    expect(liveParts(comment).html).toContain(`<code>${sneaky}</code>`)
    expectOnlyOwnCommands(run, [token])
  })
})

describe('every event about a pull request', () => {
  const base = { [FILE]: configFileText({ staging: s3 }) }
  const head = { [FILE]: configFileText({ staging: { ...s3, bucket: 'attacker-bucket', verify: 'false' } }) }
  const secrets = { 'api-secret': project.apiSecret, 'secret-key': 'storage-secret-0123456789', 'api-url': '', project: 'staging' }

  it.each([
    ['pull_request', undefined],
    ['pull_request_target', undefined],
    ['pull_request_review', undefined],
    ['pull_request_review_comment', undefined],
    ['issue_comment', { issue: { number: 7, pull_request: { url: 'https://api.github.com/repos/example-org/video-app/pulls/7' } } }],
    ['workflow_run', { workflow_run: { event: 'pull_request', pull_requests: [], head_repository: { full_name: 'someone/fork' } } }]
  ])('refuses a set on %s before any request, pointing to plan and to applying after merge', async (event, payload) => {
    const repo = repoOf(base, head)
    const run = await onPullRequest(repo, { ...secrets, 'api-url': vendor.url }, event, payload)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `::error title=Invalid input%3A operation::operation 'set' is refused on a '${event}' run: it is about a pull request`
    )
    expect(run.stdout).toContain("Show the change with 'operation: plan'")
    expect(vendor.requests).toEqual([])
    expect(run.outputs.result).toBe('refused')
  })

  it('refuses a rescue on a pull request, and lets an audit that only reads run', async () => {
    const repo = repoOf(base, base)
    vendor.setArchives([])
    const rescue = await onPullRequest(
      repo,
      {
        'api-secret': project.apiSecret,
        project: 'staging',
        'api-url': vendor.url,
        operation: 'audit',
        rescue: 'true',
        'secret-key': 'storage-secret-0123456789'
      },
      'pull_request_review'
    )
    expect(rescue.code).toBe(1)
    expect(rescue.stdout).toContain("::error title=Invalid input%3A rescue::'rescue: true' is refused on a 'pull_request_review' run")
    expect(vendor.requests).toEqual([])
    const read = await onPullRequest(
      repo,
      { 'api-secret': project.apiSecret, project: 'staging', 'api-url': vendor.url, operation: 'audit' },
      'pull_request_review'
    )
    expect(read.code).toBe(0)
    expect(vendor.requests.map(r => r.method)).toEqual(['GET'])
  })

  it('lets a merge group, which runs reviewed code, set the target', async () => {
    const repo = repoOf(base, base)
    const run = await onPullRequest(repo, { ...secrets, 'api-url': vendor.url, verify: 'false' }, 'merge_group', { merge_group: {} })
    expect(run.code).toBe(0)
    expect(vendor.requests.map(r => r.method)).toEqual(['PUT'])
  })

  it.each([
    [
      'account-name',
      { 'api-key': project.apiKey, type: 'azure', 'account-name': 'acmearchives', container: 'archives', fallback: 'opentok' },
      { 'account-name': 'attackerstore' }
    ],
    ['bucket', s3, { bucket: 'attacker-bucket' }]
  ])('sends no signed request to a %s the pull request introduced, even in a dry run with secrets', async (setting, before, changed) => {
    const repo = repoOf({ [FILE]: configFileText({ staging: before }) }, { [FILE]: configFileText({ staging: { ...before, ...changed } }) })
    const storageSecret =
      setting === 'account-name'
        ? { 'account-key': Buffer.from('azure-key-0123456789abcdef').toString('base64') }
        : { 'secret-key': 'storage-secret-0123456789' }
    const run = await onPullRequest(repo, {
      'api-secret': project.apiSecret,
      ...storageSecret,
      project: 'staging',
      'dry-run': 'true',
      'api-url': vendor.url
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`::error title=Invalid setting%3A ${setting}`)
    expect(run.stdout).toContain('may not send signed requests to a storage host the pull request introduced')
    expect(vendor.requests).toEqual([])
  })
})
