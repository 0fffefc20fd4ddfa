// Runs @20minutes/s3rver (an S3 emulator that checks SigV4 signatures; it needs Node 22 or newer)
// on loopback, from the emulators' own install (test-emulators/):
// `node s3-emulator-server.cjs <emulators dir> <directory> <access-key> <secret-key> <bucket>...`.
// The key pair is added to the emulator's one account. Prints {"port":N} when ready.
const { createRequire } = require('node:module')
const { join } = require('node:path')

const [emulators, directory, accessKey, secretKey, ...buckets] = process.argv.slice(2)
const fromEmulators = createRequire(join(emulators, 'package.json'))
const S3rver = fromEmulators('@20minutes/s3rver')
const AWSAccount = fromEmulators('@20minutes/s3rver/lib/models/account')

AWSAccount.DUMMY_ACCOUNT.createKeyPair(accessKey, secretKey)
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  configureBuckets: buckets.map(name => ({ name, configs: [] }))
})
server.run().then(({ port }) => process.stdout.write(`${JSON.stringify({ port })}\n`))
process.on('SIGTERM', () => server.close().then(() => process.exit(0)))
