// Runs the committed action (dist/index.js) end to end on this machine, the way a runner does,
// against the loopback stand-in of the OpenTok endpoint, and shows what it printed, its outputs
// and its job summary. Nothing leaves the machine. Usage: npm run demo
import { startStandIn } from '../__tests__/support/opentok-standin.js'
import { runAction } from '../__tests__/support/run-action.js'

const project = { apiKey: '46000001', apiSecret: 'demo-api-secret-0123456789abcdef' }
const standIn = await startStandIn(project)

const scenarios = [
  {
    title: 'Set an S3 target (verification off: the demo has no bucket to write to)',
    inputs: {
      bucket: 'acme-video-archives',
      'access-key': 'AKIADEMO0000EXAMPLE',
      'secret-key': 'demo/secret+key/0123456789',
      verify: 'false'
    }
  },
  {
    title: 'Dry run of an Azure target: validated and shown, nothing sent',
    inputs: {
      type: 'azure',
      'account-name': 'acmearchives',
      'account-key': Buffer.from('demo-account-key').toString('base64'),
      container: 'archives',
      'dry-run': 'true',
      verify: 'false'
    }
  },
  { title: 'Remove the target', inputs: { operation: 'delete' } },
  { title: 'A typo in the inputs: refused before anything is sent', inputs: { type: 's4', bucket: 'acme-video-archives' } }
]

let failed = false
for (const scenario of scenarios) {
  const before = standIn.requests.length
  const run = await runAction({ 'api-key': project.apiKey, 'api-secret': project.apiSecret, 'api-url': standIn.url, ...scenario.inputs })
  console.log(`\n━━ ${scenario.title}`)
  console.log(`exit code ${run.code}; requests the stand-in received: ${standIn.requests.length - before}`)
  console.log('── what the action printed')
  console.log(run.stdout.trimEnd())
  console.log('── outputs')
  for (const [name, value] of Object.entries(run.outputs)) console.log(`${name} = ${value}`)
  console.log('── job summary')
  console.log(run.summary.trimEnd() || '(none)')
  if (standIn.violations().length > 0) failed = true
}
await standIn.close()
if (failed) {
  console.error('The stand-in saw requests that break the vendor contract.')
  process.exit(1)
}
