/**
 * The vendor's archive list: listArchives read page by page against the loopback stand-in (how far
 * it reads, what it keeps and masks, how it fails and whether the failure is passing trouble), and
 * readPage on bodies written out by hand (which field of an item is read how, and what is unreadable).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { archiveListUrl, listArchives, MAX_ARCHIVES, PAGE_SIZE, readPage, type ListScope } from '../src/archive-list.js'
import { Transport } from '../src/http.js'
import { signedUrl, vendorArchive } from './support/archives.js'
import { FakeClock } from './support/fake-clock.js'
import { startStandIn } from './support/opentok-standin.js'
import { s3Plan } from './support/plans.js'

const project = { apiKey: '46000042', apiSecret: 'list-test-secret-0123456789' }
const HOUR = 3_600_000
/** A fixed "now" for the archives' times; the stand-in's tokens use the real clock. */
const now = Date.parse('2026-11-29T06:00:00Z')
const quiet = { info: () => undefined, debug: () => undefined }
const everything: ListScope = { readDownTo: 0, keep: () => true }
let standIn: Awaited<ReturnType<typeof startStandIn>>
let transport: Transport
let masked: string[]

beforeAll(async () => {
  standIn = await startStandIn(project)
})
afterAll(() => standIn.close())
beforeEach(() => {
  standIn.requests.length = 0
  standIn.setArchives([])
  transport = new Transport()
  masked = []
})
afterEach(() => transport.close())

const plan = (apiUrl = standIn.url) =>
  s3Plan({ credentials: { platform: 'opentok', ...project }, apiUrl, operation: 'audit', maxAttempts: 2 })
const list = (scope: ListScope = everything, apiUrl = standIn.url) =>
  listArchives(plan(apiUrl), scope, {
    transport,
    clock: new FakeClock(),
    log: quiet,
    mask: s => masked.push(s),
    secrets: [project.apiSecret]
  })
/** A scripted page: the vendor's total (none when undefined) and its items. */
const page = (count: number | undefined, items: unknown[]) => ({
  status: 200,
  body: JSON.stringify(count === undefined ? { items } : { count, items })
})
/** The offset and count of each list request sent. */
const asked = () => standIn.requests.map(r => r.path.replace(/^.*\?/, ''))
const vendorUrls = () => masked.filter(s => s.startsWith('https://vendor-archives'))

describe('listArchives', () => {
  it('reads the list newest first, keeps what the audit needs, and masks the url of each kept archive and of no other', async () => {
    const kept = vendorArchive(now, 1, { status: 'available', updatedAt: now - 0.5 * HOUR, sha256sum: `${'A'.repeat(43)}=` })
    const individual = vendorArchive(now, 2, { outputMode: 'individual', reason: 'user initiated', name: 'retro' })
    const notKept = vendorArchive(now, 3, { status: 'available' })
    const older = vendorArchive(now, 30, { status: 'available' })
    standIn.setArchives([older, notKept, individual, kept])
    const listing = await list({ readDownTo: now - 24 * HOUR, keep: archive => archive.id !== notKept.id })
    expect(listing).toStrictEqual({
      archives: [
        {
          id: kept.id,
          status: 'available',
          createdAt: now - HOUR,
          updatedAt: now - 0.5 * HOUR,
          duration: 600,
          size: 48_000_000,
          outputMode: 'composed',
          name: 'weekly stand-up',
          sessionId: '2_MX40NjAwMDA0Mn5-MTcwMDAwMDAwMDAwMH5-fn4',
          reason: '',
          sha256: `${'A'.repeat(43)}=`
        },
        {
          id: individual.id,
          status: 'uploaded',
          createdAt: now - 2 * HOUR,
          duration: 600,
          size: 48_000_000,
          outputMode: 'individual',
          name: 'retro',
          sessionId: '2_MX40NjAwMDA0Mn5-MTcwMDAwMDAwMDAwMH5-fn4',
          reason: 'user initiated'
        }
      ],
      unreadable: [],
      requests: 1,
      status: 200,
      capped: false
    })
    expect(JSON.stringify(listing)).not.toContain('Signature=')
    // The archive not kept and the one older than readDownTo are dropped with their url unread.
    expect(vendorUrls()).toStrictEqual([signedUrl(kept.id)])
    expect(standIn.violations()).toStrictEqual([])
  })

  it('asks for JSON as this action, one page of 1000 at a time', async () => {
    await list()
    expect(asked()).toStrictEqual(['offset=0&count=1000'])
    expect(standIn.requests[0]!.headers.accept).toBe('application/json')
    expect(standIn.requests[0]!.headers['user-agent']).toMatch(/^opentok-archive-target[^/]*\/\d+\.\d+\.\d+/)
    expect(PAGE_SIZE).toBe(1000)
  })

  it('reads on past a page shorter than asked until the vendor’s count is reached, the offset moving by what each page held', async () => {
    const [a, b, c, d, e] = [1, 2, 3, 4, 5].map(h => vendorArchive(now, h))
    standIn.answer(page(5, [a, b]), page(5, [c]), page(5, [d, e]))
    const listing = await list()
    expect(asked()).toStrictEqual(['offset=0&count=1000', 'offset=2&count=1000', 'offset=3&count=1000'])
    expect(listing.archives.map(archive => archive.id)).toStrictEqual([a!.id, b!.id, c!.id, d!.id, e!.id])
    expect(listing).toMatchObject({ requests: 3, status: 200, capped: false })
    expect(listing.error).toBeUndefined()
  })

  it('reads the next page only while no archive of the page is older than readDownTo', async () => {
    standIn.setArchives(Array.from({ length: 2500 }, (_, i) => vendorArchive(now, i * 0.01 + 0.001)))
    const all = await list({ readDownTo: now - 100 * HOUR, keep: () => true })
    expect(asked()).toStrictEqual(['offset=0&count=1000', 'offset=1000&count=1000', 'offset=2000&count=1000'])
    expect(all.archives).toHaveLength(2500)
    expect(all.requests).toBe(3)
    standIn.requests.length = 0
    const some = await list({ readDownTo: now - 12 * HOUR, keep: () => true })
    expect(asked()).toStrictEqual(['offset=0&count=1000', 'offset=1000&count=1000'])
    expect(some.archives).toHaveLength(1200)
    expect(some.archives.every(a => a.createdAt >= now - 12 * HOUR)).toBe(true)
  })

  it('keeps an archive created exactly at readDownTo and reads on; one a millisecond older ends the list', async () => {
    const readDownTo = now - 10 * HOUR
    const newer = vendorArchive(now, 1)
    const atTheEdge = vendorArchive(now, 10)
    const older = { ...vendorArchive(now, 10), createdAt: readDownTo - 1 }
    standIn.answer(page(3, [newer, atTheEdge]), page(3, [older]))
    const listing = await list({ readDownTo, keep: () => true })
    expect(atTheEdge.createdAt).toBe(readDownTo)
    expect(asked()).toStrictEqual(['offset=0&count=1000', 'offset=2&count=1000'])
    expect(listing.archives.map(a => a.id)).toStrictEqual([newer.id, atTheEdge.id])
    expect(listing.unreadable).toStrictEqual([])
    standIn.requests.length = 0
    // The older archive on the first page: that page is the last, though the count says more.
    standIn.answer(page(3, [newer, older]))
    const ended = await list({ readDownTo, keep: () => true })
    expect(asked()).toStrictEqual(['offset=0&count=1000'])
    expect(ended.archives.map(a => a.id)).toStrictEqual([newer.id])
    expect(ended.error).toBeUndefined()
  })

  it('fails on an empty page before the vendor’s count is reached, naming how far it read', async () => {
    const [a, b] = [1, 2].map(h => vendorArchive(now, h))
    standIn.answer(page(5, [a, b]), page(5, []))
    const listing = await list()
    expect(listing.error).toBe(
      `GET ${standIn.url}/v2/project/46000042/archive?offset=2&count=1000 answered with no archives, but the vendor counted 5 and the list had not yet reached the window's start: 2 archive(s) were read. Run the audit again; if it persists, the vendor's list is inconsistent.`
    )
    expect(listing).toMatchObject({ requests: 2, status: 200, capped: false, transient: true })
    expect(listing.archives.map(archive => archive.id)).toStrictEqual([a!.id, b!.id])
  })

  it('ends without a count at a page shorter than asked or an empty one, and reads on after a full one', async () => {
    standIn.answer(page(undefined, [vendorArchive(now, 1)]))
    expect(await list()).toMatchObject({ requests: 1, capped: false, unreadable: [] })
    standIn.answer(page(undefined, []))
    const empty = await list()
    expect(empty).toStrictEqual({ archives: [], unreadable: [], requests: 1, status: 200, capped: false })
    // A count that is not a number, or is below zero, is no count.
    standIn.answer(page(-1, [vendorArchive(now, 1)]))
    expect((await list()).requests).toBe(1)
    standIn.answer({ status: 200, body: JSON.stringify({ count: '5', items: [vendorArchive(now, 1)] }) })
    expect((await list()).requests).toBe(1)
    standIn.requests.length = 0
    const full = Array.from({ length: 1000 }, (_, i) => vendorArchive(now, i * 0.001 + 0.001))
    standIn.answer(page(undefined, full), page(undefined, [vendorArchive(now, 2)]))
    const listing = await list()
    expect(asked()).toStrictEqual(['offset=0&count=1000', 'offset=1000&count=1000'])
    expect(listing.archives).toHaveLength(1001)
  })

  it('ends at a count of zero without asking again', async () => {
    standIn.answer(page(0, []))
    expect(await list()).toStrictEqual({ archives: [], unreadable: [], requests: 1, status: 200, capped: false })
  })

  it('ends when the list ends exactly at a page boundary', async () => {
    standIn.setArchives(Array.from({ length: 1000 }, (_, i) => vendorArchive(now, i * 0.001 + 0.001)))
    const listing = await list()
    expect(listing.archives).toHaveLength(1000)
    expect(standIn.requests).toHaveLength(1)
  })

  it('names each item it cannot read, where it was, and reads on', async () => {
    const good = vendorArchive(now, 1)
    const noTime = vendorArchive(now, 4)
    standIn.answer(
      page(4, [good, { ...vendorArchive(now, 2), id: 'not an id' }]),
      page(4, [
        { ...vendorArchive(now, 3), id: undefined },
        { ...noTime, status: 7, createdAt: 'yesterday' }
      ])
    )
    const listing = await list()
    expect(listing.archives.map(a => a.id)).toStrictEqual([good.id])
    expect(listing.unreadable).toStrictEqual([
      { where: 'item 2 of the page at offset 0', id: 'not an id', fields: ['id'] },
      { where: 'item 1 of the page at offset 2', fields: ['id'] },
      { where: 'item 2 of the page at offset 2', id: noTime.id, fields: ['createdAt', 'status'] }
    ])
    expect(listing).toMatchObject({ requests: 2, capped: false })
    expect(listing.error).toBeUndefined()
  })

  it('counts an archive listed twice once', async () => {
    const twice = vendorArchive(now, 1)
    const other = vendorArchive(now, 2)
    standIn.setArchives([twice, other, { ...twice }])
    const listing = await list()
    expect(listing.archives.map(a => a.id)).toStrictEqual([twice.id, other.id])
  })

  it('cuts the list at 10,000 archives, and says so only when there were more', async () => {
    expect(MAX_ARCHIVES).toBe(10_000)
    const many = Array.from({ length: MAX_ARCHIVES + 1 }, (_, i) => vendorArchive(now, i * 0.0001 + 0.001))
    standIn.setArchives(many)
    const capped = await list()
    expect(capped.capped).toBe(true)
    expect(capped.archives).toHaveLength(MAX_ARCHIVES)
    expect(standIn.requests).toHaveLength(11)
    standIn.requests.length = 0
    standIn.setArchives(many.slice(0, MAX_ARCHIVES))
    const exactly = await list()
    expect(exactly.capped).toBe(false)
    expect(exactly.archives).toHaveLength(MAX_ARCHIVES)
    expect(standIn.requests).toHaveLength(10)
    // An archive listed twice is not one more: the oldest again, last.
    standIn.setArchives([...many.slice(0, MAX_ARCHIVES), { ...many[MAX_ARCHIVES - 1]! }])
    const again = await list()
    expect(again.capped).toBe(false)
    expect(again.archives).toHaveLength(MAX_ARCHIVES)
  })

  it('names the credentials on 403 and never quotes a secret; not passing trouble', async () => {
    standIn.answer({ status: 403, body: JSON.stringify({ message: `bad ${project.apiSecret}` }) })
    const denied = await list()
    expect(denied.error).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/v2\/project\/46000042\/archive\?offset=0&count=1000 answered 403: the API key or API secret is wrong\. Check 'api-key'/
    )
    expect(denied.error).not.toContain(project.apiSecret)
    expect(denied).toMatchObject({ status: 403, requests: 1, transient: false, capped: false, archives: [], unreadable: [] })
  })

  it.each([
    [404, 1, false],
    [407, 1, false],
    [408, 2, true],
    [409, 1, false],
    [428, 1, false],
    [429, 2, true],
    [430, 1, false],
    [499, 1, false],
    [500, 2, true],
    [501, 1, true],
    [503, 2, true]
  ])('fails on %d after %d request(s), transient %s', async (status, requests, transient) => {
    standIn.answer(...Array.from({ length: requests }, () => ({ status })))
    const listing = await list()
    expect(listing).toMatchObject({ status, requests, transient, archives: [] })
    expect(listing.error?.startsWith(`GET ${standIn.url}/v2/project/46000042/archive?offset=0&count=1000 answered ${status}`)).toBe(true)
  })

  it('counts the retries among the requests and reads the answer that came', async () => {
    standIn.answer({ status: 503 }, page(1, [vendorArchive(now, 1)]))
    const listing = await list()
    expect(listing).toMatchObject({ requests: 2, status: 200, capped: false })
    expect(listing.archives).toHaveLength(1)
    expect(listing.error).toBeUndefined()
  })

  it('takes any 2xx with a list, and reads a 3xx as a failure, not as a list', async () => {
    standIn.answer({ status: 299, body: JSON.stringify({ count: 1, items: [vendorArchive(now, 1)] }) })
    const accepted = await list()
    expect(accepted).toMatchObject({ status: 299, requests: 1 })
    expect(accepted.archives).toHaveLength(1)
    expect(accepted.error).toBeUndefined()
    standIn.answer({ status: 300, body: JSON.stringify({ count: 1, items: [vendorArchive(now, 1)] }) })
    const listing = await list()
    expect(listing).toMatchObject({ status: 300, capped: false, archives: [], transient: false })
    expect(listing.error).toMatch(/ answered 300/)
  })

  it('fails on a body that is not an archive list, naming api-url, as no passing trouble', async () => {
    standIn.answer({ status: 200, body: '<html>login</html>' })
    const listing = await list()
    expect(listing.error).toBe(
      `GET ${standIn.url}/v2/project/46000042/archive?offset=0&count=1000 answered 200 with a body that is not an archive list ({"count": …, "items": […]}); check 'api-url'.`
    )
    expect(listing).toMatchObject({ status: 200, requests: 1, capped: false })
    expect(listing.transient).toBeUndefined()
  })

  it('fails when no answer comes, naming api-url, as passing trouble, and reads nothing more', async () => {
    const listing = await list(everything, 'http://127.0.0.1:9')
    expect({ ...listing, error: 'the error' }).toStrictEqual({
      archives: [],
      unreadable: [],
      requests: 2,
      capped: false,
      error: 'the error',
      transient: true
    })
    expect(listing.error).toMatch(
      /^GET http:\/\/127\.0\.0\.1:9\/v2\/project\/46000042\/archive\?offset=0&count=1000 got no answer after 2 attempt\(s\): ECONNREFUSED.* The vendor's address is 'api-url' \(http:\/\/127\.0\.0\.1:9\): check it, or this runner's network and proxy\.$/
    )
  })

  it('refuses a body larger than 16 MiB at once, as no passing trouble', async () => {
    standIn.answer({ status: 200, body: 'x'.repeat(16 * 1024 * 1024 + 1) })
    const listing = await list()
    expect(listing).toMatchObject({ archives: [], requests: 1, capped: false, transient: false })
    expect(listing.status).toBeUndefined()
    expect(listing.error).toBe(
      `GET ${standIn.url}/v2/project/46000042/archive?offset=0&count=1000: the answer's body was larger than 16 MiB and was refused unread. A page of 1,000 archives is about 0.5 MB: check 'api-url'.`
    )
  })

  it('asks for pages at the offset and count it is given', () => {
    expect(archiveListUrl(s3Plan({ apiUrl: 'https://api.opentok.com' }), 2000, 1000)).toBe(
      'https://api.opentok.com/v2/project/46000042/archive?offset=2000&count=1000'
    )
  })
})

describe('readPage', () => {
  const id = 'c7f9e2a4-1b3d-4e5f-8a9b-0c1d2e3f4a5b'
  const read = (items: unknown[], scope: ListScope = everything, offset = 0, count: unknown = items.length) =>
    readPage(JSON.stringify({ count, items }), offset, scope, s => masked.push(s))
  const item = (overrides: Record<string, unknown> = {}) => ({ id, createdAt: 5000, status: 'uploaded', ...overrides })

  it('reads every field the audit needs, and the total, the number received and that no older archive was reached', () => {
    const sha = `abc+/${'0'.repeat(38)}=`
    expect(
      read([
        {
          id,
          status: 'available',
          createdAt: 5000,
          updatedAt: 6000,
          duration: 1800,
          size: 123,
          outputMode: 'individual',
          name: 'board meeting',
          sessionId: '2_MX4',
          reason: 'user initiated',
          sha256sum: sha,
          hasAudio: true,
          url: 'https://signed.example/1?sig=abcdef'
        }
      ])
    ).toStrictEqual({
      total: 1,
      received: 1,
      kept: [
        {
          id,
          status: 'available',
          createdAt: 5000,
          updatedAt: 6000,
          duration: 1800,
          size: 123,
          outputMode: 'individual',
          name: 'board meeting',
          sessionId: '2_MX4',
          reason: 'user initiated',
          sha256: sha
        }
      ],
      unreadable: [],
      reachedOlder: false
    })
    expect(masked).toStrictEqual(['https://signed.example/1?sig=abcdef'])
  })

  it('reads what is missing or not of its type as nothing: 0, composed, empty text, no updatedAt, no sha256', () => {
    expect(
      read([
        item({ duration: 'long', size: null, outputMode: 'other', name: 7, sessionId: ['s'], reason: {}, updatedAt: '6000', sha256sum: 5 })
      ])?.kept
    ).toStrictEqual([
      { id, status: 'uploaded', createdAt: 5000, duration: 0, size: 0, outputMode: 'composed', name: '', sessionId: '', reason: '' }
    ])
    const infinite = readPage(
      JSON.stringify({ items: [item()] }).replace('"createdAt":5000', '"createdAt":5000,"updatedAt":1e999,"duration":1e999'),
      0,
      everything,
      () => undefined
    )
    expect(infinite?.kept).toStrictEqual([
      { id, status: 'uploaded', createdAt: 5000, duration: 0, size: 0, outputMode: 'composed', name: '', sessionId: '', reason: '' }
    ])
  })

  it('keeps 200 characters of a name, a reason and a session ID', () => {
    const at = read([item({ name: 'n'.repeat(200), reason: 'r'.repeat(200), sessionId: 's'.repeat(200) })])?.kept[0]
    expect([at?.name, at?.reason, at?.sessionId]).toStrictEqual(['n'.repeat(200), 'r'.repeat(200), 's'.repeat(200)])
    const past = read([item({ name: 'n'.repeat(201), reason: 'r'.repeat(300), sessionId: 's'.repeat(201) })])?.kept[0]
    expect([past?.name, past?.reason, past?.sessionId]).toStrictEqual(['n'.repeat(200), 'r'.repeat(200), 's'.repeat(200)])
  })

  it('never cuts a character in half: a pair that would straddle the limit goes whole', () => {
    const emoji = '\u{1F600}'
    const at = read([
      item({ name: `${'n'.repeat(199)}${emoji}`, reason: `${'r'.repeat(198)}${emoji}x`, status: `${'s'.repeat(39)}${emoji}` })
    ])?.kept[0]
    expect([at?.name, at?.reason, at?.status]).toStrictEqual(['n'.repeat(199), `${'r'.repeat(198)}${emoji}`, 's'.repeat(39)])
    const unreadable = read([{ id: `${'\u00e9'.repeat(63)}${emoji}`, status: 'uploaded' }])?.unreadable[0]
    expect(unreadable?.id).toBe('\u00e9'.repeat(63))
    expect(read([item({ name: 'n'.repeat(199) + '\uD83D' })])?.kept[0]?.name).toBe(`${'n'.repeat(199)}\uD83D`)
  })

  it('lower-cases and trims the status, and keeps 40 characters of it', () => {
    expect(read([item({ status: ' UPLOADED\t' })])?.kept[0]?.status).toBe('uploaded')
    expect(read([item({ status: 'X'.repeat(40) })])?.kept[0]?.status).toBe('x'.repeat(40))
    expect(read([item({ status: 'X'.repeat(41) })])?.kept[0]?.status).toBe('x'.repeat(40))
  })

  it('keeps a sha256sum only as 44 characters of base64 ending in one =', () => {
    const sha = (text: unknown) => read([item({ sha256sum: text })])?.kept[0]?.sha256
    expect(sha(`${'Az09+/'.repeat(7)}b=`)).toBe(`${'Az09+/'.repeat(7)}b=`)
    expect(sha(`${'A'.repeat(42)}==`)).toBeUndefined()
    expect(sha(`${'A'.repeat(43)}`)).toBeUndefined()
    expect(sha(`${'A'.repeat(44)}=`)).toBeUndefined()
    expect(sha(`${'A'.repeat(42)}=`)).toBeUndefined()
    expect(sha(`${'A'.repeat(42)}-_=`.slice(1))).toBeUndefined()
    expect(sha(`x${'A'.repeat(43)}=`)).toBeUndefined()
    expect(sha(`${'A'.repeat(43)}=\n`)).toBeUndefined()
    expect(sha([`${'A'.repeat(43)}=`])).toBeUndefined()
  })

  it('takes as an ID only a whole text of 1 to 64 letters, digits and dashes', () => {
    expect(read([item({ id: 'a'.repeat(64) })])?.kept.map(a => a.id)).toStrictEqual(['a'.repeat(64)])
    expect(read([item({ id: 'Z-9' })])?.kept.map(a => a.id)).toStrictEqual(['Z-9'])
    expect(read([item({ id: 'a'.repeat(65) })])?.unreadable).toStrictEqual([
      { where: 'item 1 of the page at offset 0', id: 'a'.repeat(64), fields: ['id'] }
    ])
    expect(read([item({ id: `${id}/../../x` })])?.unreadable).toStrictEqual([
      { where: 'item 1 of the page at offset 0', id: `${id}/../../x`, fields: ['id'] }
    ])
    expect(read([item({ id: `x\n${id}` })])?.unreadable[0]?.fields).toStrictEqual(['id'])
    expect(read([item({ id: '' })])?.unreadable).toStrictEqual([{ where: 'item 1 of the page at offset 0', fields: ['id'] }])
    expect(read([item({ id: [id] })])?.unreadable).toStrictEqual([{ where: 'item 1 of the page at offset 0', fields: ['id'] }])
  })

  it('names each item whose ID, creation time or status cannot be read, with where it was; never drops it', () => {
    const page = read(
      [
        null,
        'text',
        [item()],
        item({ createdAt: '5000' }),
        item({ status: '  ' }),
        item({ status: 3, id: 7 }),
        { id, status: 'uploaded' },
        item({ url: 'https://signed.example/unreadable' })
      ],
      everything,
      2000,
      8
    )
    expect(page).toStrictEqual({
      total: 8,
      received: 8,
      kept: [
        { id, status: 'uploaded', createdAt: 5000, duration: 0, size: 0, outputMode: 'composed', name: '', sessionId: '', reason: '' }
      ],
      unreadable: [
        { where: 'item 1 of the page at offset 2000', fields: ['id', 'createdAt', 'status'] },
        { where: 'item 2 of the page at offset 2000', fields: ['id', 'createdAt', 'status'] },
        { where: 'item 3 of the page at offset 2000', fields: ['id', 'createdAt', 'status'] },
        { where: 'item 4 of the page at offset 2000', id, fields: ['createdAt'] },
        { where: 'item 5 of the page at offset 2000', id, fields: ['status'] },
        { where: 'item 6 of the page at offset 2000', fields: ['id', 'status'] },
        { where: 'item 7 of the page at offset 2000', id, fields: ['createdAt'] }
      ],
      reachedOlder: false
    })
    expect(masked).toStrictEqual(['https://signed.example/unreadable'])
    const infinite = readPage('{"items": [{"id": "x", "status": "uploaded", "createdAt": 1e999}]}', 0, everything, () => undefined)
    expect(infinite?.unreadable).toStrictEqual([{ where: 'item 1 of the page at offset 0', id: 'x', fields: ['createdAt'] }])
  })

  it('masks no url of an unreadable item', () => {
    read([item({ id: '../x', url: 'https://signed.example/bad-id' }), item({ status: null, url: 'https://signed.example/no-status' })])
    expect(masked).toStrictEqual([])
  })

  it('reaches older archives at a creation time before readDownTo, not at it, and reads the rest of the page', () => {
    const scope = { readDownTo: 5000, keep: () => true }
    const page = read(
      [
        item({ id: 'at-the-edge', url: 'https://signed.example/edge' }),
        item({ id: 'older', createdAt: 4999, url: 'https://signed.example/older' }),
        item({ id: '../older-unreadable', createdAt: 4999 }),
        item({ id: 'after', createdAt: 7000 })
      ],
      scope
    )
    expect(page?.kept.map(a => a.id)).toStrictEqual(['at-the-edge', 'after'])
    expect(page?.unreadable).toStrictEqual([])
    expect(page?.reachedOlder).toBe(true)
    expect(page?.received).toBe(4)
    expect(masked).toStrictEqual(['https://signed.example/edge'])
    expect(read([item({ id: 'at-the-edge' })], scope)?.reachedOlder).toBe(false)
  })

  it('keeps only what scope.keep keeps, and masks only the url of what it keeps, and only a url that is text', () => {
    const page = read(
      [
        item({ id: 'kept', url: 'https://signed.example/kept' }),
        item({ id: 'left', url: 'https://signed.example/left' }),
        item({ id: 'empty-url', url: '' }),
        item({ id: 'no-text-url', url: 42 })
      ],
      { readDownTo: 0, keep: archive => archive.id !== 'left' }
    )
    expect(page?.kept.map(a => a.id)).toStrictEqual(['kept', 'empty-url', 'no-text-url'])
    expect(page?.unreadable).toStrictEqual([])
    expect(masked).toStrictEqual(['https://signed.example/kept'])
  })

  it('gives the vendor’s count as the total, zero included, and no total for a count that is not a number or below zero', () => {
    expect(read([], everything, 0, 0)).toStrictEqual({ total: 0, received: 0, kept: [], unreadable: [], reachedOlder: false })
    expect(read([item()], everything, 0, 4200)?.total).toBe(4200)
    expect(read([], everything, 0, -1)).toStrictEqual({ received: 0, kept: [], unreadable: [], reachedOlder: false })
    expect(read([], everything, 0, '3')).toStrictEqual({ received: 0, kept: [], unreadable: [], reachedOlder: false })
    expect(readPage('{"items": []}', 0, everything, () => undefined)).toStrictEqual({
      received: 0,
      kept: [],
      unreadable: [],
      reachedOlder: false
    })
  })

  it.each(['', 'null', '[]', '5', '"items"', '{"items": 3}', '{"items": {}}', '{"count": 1}', 'not json'])(
    'answers undefined for %j',
    body => {
      expect(readPage(body, 0, everything, () => undefined)).toBeUndefined()
    }
  )
})
