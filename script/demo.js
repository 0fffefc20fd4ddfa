// Runs the committed action (dist/index.js) end to end on this machine, the way a runner does,
// against loopback stand-ins of the vendor endpoint (one as an OpenTok project, one as a Vonage
// Video application) and of the vendor's cloud, and an S3 emulator, and shows what it printed,
// its outputs and its job summary. Nothing leaves the machine.
// Usage: npm run demo [-- --markdown DIR], which also writes the job summaries of the audit and
// the plan to DIR (audit-summary.md, plan-summary.md), as the README's pictures are made.
import { generateKeyPairSync } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { archiveId, objectKeyOf, seedS3, vendorArchive } from '../__tests__/support/archives.js'
import { startDownloadStandIn } from '../__tests__/support/download-standin.js'
import { findNode24 } from '../__tests__/support/node24.js'
import { startStandIn } from '../__tests__/support/opentok-standin.js'
import { runAction } from '../__tests__/support/run-action.js'
import { scratchRepo } from '../__tests__/support/scratch-repo.js'
import { startS3Emulator } from '../__tests__/support/s3-emulator.js'

const project = { apiKey: '46000001', apiSecret: 'demo-api-secret-0123456789abcdef' }
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
const application = {
  applicationId: 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b',
  privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString()
}
const markdownDir = process.argv.includes('--markdown') ? process.argv[process.argv.indexOf('--markdown') + 1] : undefined
const openTok = await startStandIn(project)
const vonage = await startStandIn({ applicationId: application.applicationId, publicKey: application.publicKey })

// A workspace as a checkout has it, with the configuration file the examples read.
const workspace = mkdtempSync(join(tmpdir(), 'archive-target-demo-'))
mkdirSync(join(workspace, '.github'))
writeFileSync(
  join(workspace, '.github', 'opentok-archive-target.yml'),
  [
    'projects:',
    '  staging:',
    '    api-key: "46000001"',
    '    bucket: acme-staging-archives',
    '    access-key: AKIADEMO0000EXAMPLE',
    '    fallback: none',
    ''
  ].join('\n')
)

// The audit: the vendor lists one archive of each class; the emulator holds what was delivered, and
// the stand-in of the vendor's cloud holds the one it kept, which the audit rescues.
const storageKeys = { accessKey: 'AKIADEMO0000EXAMPLE', secretKey: 'demo/secret+key/0123456789' }
const storage = await startS3Emulator(findNode24(), storageKeys, ['acme-video-archives'])
const cloud = await startDownloadStandIn()
openTok.setLinks(id => cloud.issueLink(id))
const now = Date.now()
const keptId = archiveId()
const keptSize = 12 * 1024 * 1024
const keptSha256 = cloud.host(keptId, keptSize)
const archives = [
  vendorArchive(now, 0.2, { status: 'started' }), // pending: still recording
  vendorArchive(now, 1), // delivered
  vendorArchive(now, 2, { outputMode: 'individual' }), // delivered, as archive.zip
  vendorArchive(now, 3), // missing from the target: uploaded, but the object is gone
  vendorArchive(now, 4, { id: keptId, status: 'available', size: keptSize, sha256sum: keptSha256 }), // kept by the vendor (fallback: opentok): rescued
  vendorArchive(now, 5, { status: 'failed', reason: 'session ended before recording started' }),
  vendorArchive(now, 6, { status: 'stopped' }), // stuck: stopped long ago, never uploaded
  vendorArchive(now, 20, { status: 'expired' }), // gone
  vendorArchive(now, 40, { status: 'failed' }) // outside the window: neither looked for nor judged
]
openTok.setArchives(archives)
await seedS3(
  storage.url,
  'acme-video-archives',
  storageKeys,
  [archives[1], archives[2]].map(a => objectKeyOf(project.apiKey, a))
)

// The plan: a pull request of a repository whose file turns fallback to none, drops encryption,
// moves production to another container and adds a project over http://.
const before = [
  'projects:',
  '  staging:',
  '    api-key: "46000001"',
  '    bucket: acme-staging-archives',
  '    access-key: AKIADEMO0000EXAMPLE',
  '    fallback: opentok',
  '  production:',
  `    application-id: ${application.applicationId}`,
  '    type: azure',
  '    account-name: acmearchives',
  '    container: archives',
  '    certificate: none',
  ''
].join('\n')
const after = before
  .replace('fallback: opentok', 'fallback: none')
  .replace('container: archives', 'container: archives-2026')
  .concat(
    '  lab:\n    api-key: "46000003"\n    bucket: lab-archives\n    access-key: AKIALAB\n    endpoint: http://minio.lab.internal:9000\n    sse: none\n    verify: false\n'
  )
const review = scratchRepo([{ '.github/opentok-archive-target.yml': before }, { '.github/opentok-archive-target.yml': after }])
const pullRequestEvent = review.event({
  number: 42,
  pull_request: { number: 42, base: { sha: review.commits[0] }, head: { repo: { full_name: 'someone/video-app' } } }
})

const openTokCredentials = { 'api-key': project.apiKey, 'api-secret': project.apiSecret, 'api-url': openTok.url }
const s3 = { bucket: 'acme-video-archives', 'access-key': 'AKIADEMO0000EXAMPLE', 'secret-key': 'demo/secret+key/0123456789' }
const scenarios = [
  {
    title: 'OpenTok project: set an S3 target (verification off: the demo has no bucket to write to)',
    inputs: { ...openTokCredentials, ...s3, verify: 'false' }
  },
  {
    title: 'Vonage Video application: set an S3 target, signed RS256 with the application private key',
    inputs: {
      'application-id': application.applicationId,
      'private-key': application.privateKey,
      'api-url': vonage.url,
      ...s3,
      verify: 'false'
    }
  },
  {
    title: 'Configuration file: project staging of .github/opentok-archive-target.yml, secrets from inputs',
    inputs: { project: 'staging', 'api-secret': project.apiSecret, 'secret-key': s3['secret-key'], 'api-url': openTok.url, verify: 'false' }
  },
  {
    title: 'Dry run of an Azure target: validated and shown, nothing sent',
    inputs: {
      ...openTokCredentials,
      type: 'Azure',
      'account-name': 'acmearchives',
      'account-key': Buffer.from('demo-account-key').toString('base64'),
      container: 'archives',
      'dry-run': 'true',
      verify: 'false'
    }
  },
  { title: 'Remove the target', inputs: { ...openTokCredentials, operation: 'delete' } },
  {
    title:
      'Audit with rescue: did the archives of the last night land in the bucket? One archive of each class; the one the vendor kept is copied in',
    inputs: { ...openTokCredentials, ...s3, endpoint: storage.url, operation: 'audit', since: '26h', rescue: 'true', sse: 'none' },
    markdown: 'audit-summary.md'
  },
  {
    title: 'Plan of a pull request (from a fork: no token to comment with, so the plan is in the job summary); no secret given',
    inputs: { operation: 'plan', 'config-file': '.github/opentok-archive-target.yml' },
    env: { GITHUB_WORKSPACE: review.dir, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: pullRequestEvent },
    cwd: review.dir,
    markdown: 'plan-summary.md'
  },
  {
    title: 'Typos in the inputs: refused before anything is sent, listed in the summary',
    inputs: { ...openTokCredentials, type: 's4', bucket: 'Acme_Video_Archives' }
  }
]

let failed = false
for (const scenario of scenarios) {
  const before = openTok.requests.length + vonage.requests.length
  const run = await runAction(scenario.inputs, {
    env: { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: workspace, ...scenario.env },
    ...(scenario.cwd === undefined ? {} : { cwd: scenario.cwd })
  })
  console.log(`\n━━ ${scenario.title}`)
  console.log(`exit code ${run.code}; requests the stand-ins received: ${openTok.requests.length + vonage.requests.length - before}`)
  console.log('── what the action printed')
  console.log(run.stdout.trimEnd())
  console.log('── outputs')
  for (const [name, value] of Object.entries(run.outputs)) console.log(`${name} = ${value}`)
  console.log('── job summary')
  console.log(run.summary.trimEnd() || '(none)')
  if (markdownDir !== undefined && scenario.markdown !== undefined) {
    mkdirSync(markdownDir, { recursive: true })
    writeFileSync(join(markdownDir, scenario.markdown), run.summary)
  }
}
if (openTok.violations().length > 0 || vonage.violations().length > 0) failed = true
await openTok.close()
await vonage.close()
await storage.close()
await cloud.close()
rmSync(workspace, { recursive: true, force: true })
review.remove()
if (failed) {
  console.error('A stand-in saw requests that break the vendor contract.')
  process.exit(1)
}
