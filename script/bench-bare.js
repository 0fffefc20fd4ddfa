// The baseline of the end-to-end benchmark: what one set call costs with nothing but Node — a
// JWT signed with node:crypto and the same PUT sent with Node's built-in fetch.
// Reads BENCH_URL, BENCH_API_KEY, BENCH_API_SECRET and BENCH_BODY from the environment.
import { createHmac, randomUUID } from 'node:crypto'

const { BENCH_URL, BENCH_API_KEY, BENCH_API_SECRET, BENCH_BODY } = process.env
const encode = value => Buffer.from(JSON.stringify(value)).toString('base64url')
const iat = Math.floor(Date.now() / 1000)
const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ iss: BENCH_API_KEY, ist: 'project', iat, exp: iat + 180, jti: randomUUID() })}`
const token = `${unsigned}.${createHmac('sha256', BENCH_API_SECRET).update(unsigned).digest('base64url')}`
const response = await fetch(`${BENCH_URL}/v2/project/${BENCH_API_KEY}/archive/storage`, {
  method: 'PUT',
  headers: { 'X-OPENTOK-AUTH': token, 'Content-Type': 'application/json' },
  body: BENCH_BODY
})
await response.text()
if (response.status !== 200) process.exit(1)
