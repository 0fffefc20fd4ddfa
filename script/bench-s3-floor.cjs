// The storage of the audit benchmark's floor: a loopback server, in a process of its own so that it
// takes no CPU from the benchmark, that answers ListObjectsV2 for one key per prefix from a list of
// keys held in memory, with nothing else: no disk, no signature check, no logging.
// `node bench-s3-floor.cjs <file of keys, one a line>`; prints {"port":N} when ready.
const { createServer } = require('node:http')
const { readFileSync } = require('node:fs')

const held = new Set(readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean))
const empty = '<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><KeyCount>0</KeyCount></ListBucketResult>'
const server = createServer((req, res) => {
  const query = req.url.slice(req.url.indexOf('?') + 1)
  const prefix = decodeURIComponent(/(?:^|&)prefix=([^&]*)/.exec(query)?.[1] ?? '')
  const key = `${prefix}archive.mp4`
  res.writeHead(200, { 'content-type': 'application/xml' })
  res.end(
    held.has(key)
      ? `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><KeyCount>1</KeyCount><Contents><Key>${key}</Key><Size>13</Size></Contents></ListBucketResult>`
      : empty
  )
})
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
