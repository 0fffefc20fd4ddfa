// The floor of the audit benchmark: what the same audit's requests cost with nothing but Node: a
// JWT signed with node:crypto, the archive list read with fetch page by page down to the window,
// then one ListObjectsV2 (max-keys=1) per archive, 16 at a time, unsigned, to a storage stand-in
// that checks no signature. What the action spends beyond this is its own: signing, parsing,
// judging, logging. Reads BENCH_URL, BENCH_API_KEY, BENCH_API_SECRET, BENCH_SINCE_MS, BENCH_S3 and
// BENCH_BUCKET from the environment; exits 2 when an archive is not in the bucket.
import { createHmac, randomUUID } from 'node:crypto'

const env = process.env
const encode = value => Buffer.from(JSON.stringify(value)).toString('base64url')
const token = () => {
  const iat = Math.floor(Date.now() / 1000)
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ iss: env.BENCH_API_KEY, ist: 'project', iat, exp: iat + 180, jti: randomUUID() })}`
  return `${unsigned}.${createHmac('sha256', env.BENCH_API_SECRET).update(unsigned).digest('base64url')}`
}
const since = Number(env.BENCH_SINCE_MS)
const ids = []
for (let offset = 0; ; offset += 1000) {
  const response = await fetch(`${env.BENCH_URL}/v2/project/${env.BENCH_API_KEY}/archive?offset=${offset}&count=1000`, {
    headers: { 'X-OPENTOK-AUTH': token(), Accept: 'application/json' }
  })
  if (response.status !== 200) process.exit(1)
  const page = await response.json()
  const inWindow = page.items.filter(item => item.createdAt >= since)
  ids.push(...inWindow.map(item => item.id))
  if (inWindow.length < page.items.length || page.items.length < 1000) break
}
let next = 0
let found = 0
const worker = async () => {
  while (next < ids.length) {
    const id = ids[next++]
    const prefix = encodeURIComponent(`${env.BENCH_API_KEY}/${id}/`)
    const response = await fetch(`${env.BENCH_S3}/${env.BENCH_BUCKET}?list-type=2&max-keys=1&prefix=${prefix}`)
    if (response.status !== 200) process.exit(1)
    if ((await response.text()).includes('<Key>')) found++
  }
}
await Promise.all(Array.from({ length: 16 }, worker))
if (found !== ids.length) process.exit(2)
