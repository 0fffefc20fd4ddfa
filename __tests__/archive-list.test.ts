/** The vendor's archive list, read page by page against the loopback stand-in. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { archiveListUrl, listArchivesSince, MAX_ARCHIVES, readPage } from '../src/archive-list.js'
import { Transport } from '../src/http.js'
import { signedUrl, vendorArchive } from './support/archives.js'
import { FakeClock } from './support/fake-clock.js'
import { startStandIn } from './support/opentok-standin.js'
import { s3Plan } from './support/plans.js'

const project = { apiKey: '46000042', apiSecret: 'list-test-secret-0123456789' }
const HOUR = 3_600_000
let standIn: Awaited<ReturnType<typeof startStandIn>>
let transport: Transport
let masked: string[]

beforeAll(async () => {
  standIn = await startStandIn(project)
})
afterAll(() => standIn.close())
beforeEach(() => {
  standIn.requests.length = 0
  transport = new Transport()
  masked = []
})
afterEach(() => transport.close())

const plan = () => s3Plan({ credentials: { platform: 'opentok', ...project }, apiUrl: standIn.url, operation: 'audit', maxAttempts: 2 })
const list = (since: Date, clock = new FakeClock()) =>
  listArchivesSince(plan(), since, {
    transport,
    clock,
    log: { info: () => undefined, debug: () => undefined },
    mask: s => masked.push(s),
    secrets: [project.apiSecret]
  })

describe('listArchivesSince', () => {
  it('reads the window newest first, keeps what the audit needs and masks every signed url the moment it is read', async () => {
    const now = Date.now()
    const archives = [
      vendorArchive(now, 1, { status: 'available', updatedAt: now - 0.5 * HOUR }),
      vendorArchive(now, 2, { outputMode: 'individual', reason: 'user initiated' }),
      vendorArchive(now, 3, { status: 'available' }),
      vendorArchive(now, 30, { status: 'available' })
    ]
    standIn.setArchives(archives)
    const listing = await list(new Date(now - 24 * HOUR))
    expect(listing).toMatchObject({ requests: 1, status: 200, capped: false, skipped: 0 })
    expect(listing.error).toBeUndefined()
    expect(listing.archives).toEqual(
      archives.slice(0, 3).map(a => ({
        id: a.id,
        status: a.status,
        createdAt: a.createdAt,
        ...(a.updatedAt === undefined ? {} : { updatedAt: a.updatedAt }),
        duration: 600,
        size: 48_000_000,
        outputMode: a.outputMode,
        sessionId: a.sessionId,
        reason: a.reason
      }))
    )
    expect(JSON.stringify(listing)).not.toContain('Signature=')
    // Every url on the page is masked, the one outside the window too: it was read.
    expect(masked.filter(s => s.startsWith('https://vendor-archives'))).toEqual([
      signedUrl(archives[0]!.id),
      signedUrl(archives[2]!.id),
      signedUrl(archives[3]!.id)
    ])
    expect(standIn.violations()).toEqual([])
  })

  it('takes the next page only while every archive of the page is in the window', async () => {
    const now = Date.now()
    standIn.setArchives(Array.from({ length: 2500 }, (_, i) => vendorArchive(now, i * 0.01 + 0.001)))
    const all = await list(new Date(now - 100 * HOUR))
    expect(standIn.requests.map(r => r.path.replace(/^.*\?/, ''))).toEqual([
      'offset=0&count=1000',
      'offset=1000&count=1000',
      'offset=2000&count=1000'
    ])
    expect(all.archives).toHaveLength(2500)
    expect(all.requests).toBe(3)
    standIn.requests.length = 0
    const some = await list(new Date(now - 12 * HOUR))
    expect(standIn.requests).toHaveLength(2)
    expect(some.archives).toHaveLength(1200)
    expect(some.archives.every(a => a.createdAt >= now - 12 * HOUR)).toBe(true)
  })

  it('stops at the last page when the list ends exactly at a page boundary', async () => {
    const now = Date.now()
    standIn.setArchives(Array.from({ length: 1000 }, (_, i) => vendorArchive(now, i * 0.001 + 0.001)))
    const listing = await list(new Date(now - 100 * HOUR))
    expect(listing.archives).toHaveLength(1000)
    expect(standIn.requests).toHaveLength(1)
  })

  it('cuts the window at 10,000 archives', async () => {
    const now = Date.now()
    standIn.setArchives(Array.from({ length: MAX_ARCHIVES + 5 }, (_, i) => vendorArchive(now, i * 0.0001 + 0.001)))
    const listing = await list(new Date(now - 100 * HOUR))
    expect(listing.capped).toBe(true)
    expect(listing.archives).toHaveLength(MAX_ARCHIVES)
    expect(standIn.requests).toHaveLength(11)
  })

  it('names the credentials on 403, retries a 503, and never quotes a secret', async () => {
    standIn.answer({ status: 403, body: JSON.stringify({ message: `bad ${project.apiSecret}` }) })
    const denied = await list(new Date(Date.now() - HOUR))
    expect(denied.error).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/v2\/project\/46000042\/archive\?offset=0&count=1000 answered 403: the API key or API secret is wrong\. Check 'api-key'/
    )
    expect(denied.status).toBe(403)
    standIn.answer({ status: 503 }, { status: 503 })
    const unavailable = await list(new Date(Date.now() - HOUR))
    expect(unavailable).toMatchObject({ requests: 2, status: 503 })
    expect(unavailable.error).toMatch(/answered 503\.$/)
    standIn.answer({ status: 200, body: '<html>login</html>' })
    const notAList = await list(new Date(Date.now() - HOUR))
    expect(notAList.error).toMatch(/answered 200 with a body that is not an archive list .* check 'api-url'\.$/)
  })

  it('asks for JSON, and takes an archive created exactly at the start of the window', async () => {
    const start = Date.now() - HOUR
    const first = vendorArchive(start, 0)
    standIn.setArchives([first])
    const listing = await list(new Date(start))
    expect(listing.archives.map(a => a.id)).toEqual([first.id])
    expect(standIn.requests[0]!.headers.accept).toBe('application/json')
  })

  it('counts an archive listed twice once', async () => {
    const now = Date.now()
    const twice = vendorArchive(now, 1)
    standIn.setArchives([twice, vendorArchive(now, 2), { ...twice }])
    const listing = await list(new Date(now - 24 * HOUR))
    expect(listing.archives.map(a => a.id)).toEqual([twice.id, expect.any(String)])
  })

  it('stops at a short page even when the count says there are more', async () => {
    const now = Date.now()
    standIn.answer({ status: 200, body: JSON.stringify({ count: 5000, items: [vendorArchive(now, 1), vendorArchive(now, 2)] }) })
    const listing = await list(new Date(now - 24 * HOUR))
    expect(listing).toMatchObject({ requests: 1, capped: false, skipped: 0 })
    expect(listing.archives).toHaveLength(2)
  })

  it('reads a 3xx as a failure, not as a list', async () => {
    standIn.answer({ status: 300, body: JSON.stringify({ count: 0, items: [] }) })
    const listing = await list(new Date(Date.now() - HOUR))
    expect(listing).toMatchObject({ status: 300, capped: false, archives: [] })
    expect(listing.error).toMatch(/ answered 300/)
  })

  it('fails with the reason when no answer comes, and reads nothing more', async () => {
    const closed = s3Plan({
      credentials: { platform: 'opentok', ...project },
      apiUrl: 'http://127.0.0.1:9',
      operation: 'audit',
      maxAttempts: 2
    })
    const listing = await listArchivesSince(closed, new Date(Date.now() - HOUR), {
      transport,
      clock: new FakeClock(),
      log: { info: () => undefined, debug: () => undefined },
      mask: () => undefined,
      secrets: [project.apiSecret]
    })
    expect(listing).toMatchObject({ archives: [], requests: 2, capped: false, skipped: 0 })
    expect(listing.status).toBeUndefined()
    expect(listing.error).toMatch(/^GET http:\/\/127\.0\.0\.1:9\/v2\/project\/46000042\/archive\?offset=0&count=1000 /)
  })

  it('says the capped window ran out, and the others did not', async () => {
    standIn.answer({ status: 403, body: '{}' })
    expect(await list(new Date(Date.now() - HOUR))).toMatchObject({ capped: false })
    standIn.answer({ status: 200, body: '<html></html>' })
    expect(await list(new Date(Date.now() - HOUR))).toMatchObject({ capped: false })
  })

  it('asks for pages of 1000 at the offset it is given', () => {
    expect(archiveListUrl(s3Plan({ apiUrl: 'https://api.opentok.com' }), 2000, 1000)).toBe(
      'https://api.opentok.com/v2/project/46000042/archive?offset=2000&count=1000'
    )
  })
})

describe('readPage', () => {
  it('skips what is not an archive, marks unsafe IDs, reads unknown values safely and drops the url', () => {
    const page = readPage(
      JSON.stringify({
        count: 7,
        items: [
          null,
          'text',
          { id: 'no-time' },
          { id: '../../etc', createdAt: 5, status: 'UPLOADED', url: 'https://signed.example/1?sig=abcdef' },
          { id: 'ok-1', createdAt: 6, duration: 'long', size: null, outputMode: 'other', sessionId: 7, reason: 'x'.repeat(300) },
          { id: 'ok-2', createdAt: 7, updatedAt: 8, status: 'available', outputMode: 'individual', url: '' }
        ]
      }),
      s => masked.push(s)
    )
    expect(page).toEqual({
      total: 7,
      received: 6,
      items: [
        { id: undefined, status: 'uploaded', createdAt: 5, duration: 0, size: 0, outputMode: 'composed', sessionId: '', reason: '' },
        { id: 'ok-1', status: '', createdAt: 6, duration: 0, size: 0, outputMode: 'composed', sessionId: '', reason: 'x'.repeat(200) },
        {
          id: 'ok-2',
          status: 'available',
          createdAt: 7,
          updatedAt: 8,
          duration: 0,
          size: 0,
          outputMode: 'individual',
          sessionId: '',
          reason: ''
        }
      ]
    })
    expect(masked).toEqual(['https://signed.example/1?sig=abcdef'])
  })

  it('reads a page that is JSON null as no page, and an item that is null as no archive', () => {
    expect(readPage('null', () => undefined)).toBeUndefined()
    expect(readPage('{"count": 1, "items": [null]}', () => undefined)).toEqual({ total: 1, received: 1, items: [] })
  })

  it('keeps at most 200 characters of a session ID, takes only a text that is an ID whole, and no time that is not finite', () => {
    const id = 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b'
    const page = readPage(
      JSON.stringify({
        items: [
          { id, createdAt: 1, sessionId: 's'.repeat(300) },
          { id: [id], createdAt: 2 },
          { id: `${id}/../../x`, createdAt: 3 }
        ]
      }).replace('"createdAt":2', '"createdAt":2,"updatedAt":1e999'),
      () => undefined
    )
    expect(page?.items.map(item => [item.id, item.sessionId.length, 'updatedAt' in item])).toEqual([
      [id, 200, false],
      [undefined, 0, false],
      [undefined, 0, false]
    ])
    expect(readPage('{"items": [{"createdAt": 1e999}]}', () => undefined)?.items).toEqual([])
  })

  it.each(['', 'null', '[]', '{"items": 3}', '{"count": 1}', 'not json'])('answers undefined for %j', body => {
    expect(readPage(body, () => undefined)).toBeUndefined()
  })
})
