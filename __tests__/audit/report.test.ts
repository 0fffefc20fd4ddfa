/**
 * What an audit tells the workflow, built from reports written out by hand, finished or not: the
 * overview phrase, the outputs, the JSON report file (archives, unreadable items, failure, rescue),
 * the Markdown sections the summary and the tracking issue share (failure, unreadable items, rescue,
 * undelivered archives, each fitted to its share of the room), and the job summary within its room.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Archive } from '../../src/archive-list.js'
import {
  auditSections,
  auditSummary,
  noCounts,
  overviewOf,
  setAuditOutputs,
  SUMMARY_ROOM,
  undeliveredCount,
  undeliveredOf,
  writeAuditSummary,
  writeReportFile,
  type AuditReport
} from '../../src/audit/report.js'
import type { JudgedArchive } from '../../src/audit/table.js'
import type { ArchiveClass, Verdict } from '../../src/audit/verdicts.js'
import type { Phrase } from '../../src/phrase.js'
import type { RescueEntry, RescueOutcome, RescueReport } from '../../src/rescue/index.js'

const none: Record<ArchiveClass, number> = {
  delivered: 0,
  pending: 0,
  rescued: 0,
  missing: 0,
  'kept-by-vendor': 0,
  failed: 0,
  stuck: 0,
  gone: 0,
  unchecked: 0,
  unknown: 0
}

const idOf = (n: number) => `a1b2c3d4-0000-4000-8000-${n.toString(16).padStart(12, '0')}`

function archive(id: string, status: string, overrides: Partial<Archive> = {}): Archive {
  return {
    id,
    status,
    createdAt: Date.UTC(2026, 10, 28, 22, 5),
    duration: 600,
    size: 48_000_000,
    outputMode: 'composed',
    name: 'weekly stand-up',
    sessionId: '2_MX40NjAwMDA0Mn5-session',
    reason: '',
    ...overrides
  }
}

const verdict = (kind: ArchiveClass, happened: Phrase, whereNow: Phrase): Verdict => ({
  kind,
  happened,
  whereNow,
  objectKey: `46000042/${kind}/archive.mp4`
})

const delivered: JudgedArchive = {
  archive: archive(idOf(1), 'uploaded'),
  verdict: verdict('delivered', ['uploaded'], [{ value: 's3://acme/46000042/1/archive.mp4', max: 300 }])
}
const pending: JudgedArchive = {
  archive: archive(idOf(2), 'started'),
  verdict: verdict('pending', ['still recording (started)'], ['with the vendor, recording'])
}
const missing: JudgedArchive = { archive: archive(idOf(3), 'uploaded'), verdict: missingVerdict() }
const failed: JudgedArchive = {
  archive: archive(idOf(4), 'failed', { reason: 'session ended @team', name: 'board | meeting' }),
  verdict: verdict('failed', ['recording failed: ', { value: 'session ended @team', max: 200 }], ['nowhere: no file was made'])
}
const unchecked: JudgedArchive = {
  archive: archive(idOf(5), 'uploaded'),
  verdict: verdict('unchecked', ['uploaded, but the audit could not look for it'], ['not known: the target was not read'])
}

function missingVerdict(): Verdict {
  return verdict('missing', ['uploaded, but the target does not hold it'], ['not in the target'])
}

/** The table row of a missing archive, as the summary and the issue show it. */
const missingRow = (id: string) =>
  `| \`${id}\` | \`weekly stand-up\` | 2026-11-28 22:05 | 10 min | 48.0 MB | \`uploaded\` | uploaded, but the target does not hold it | not in the target |`
const TABLE_HEAD = [
  '| Archive | Name | Created (UTC) | Duration | Size | Status | What happened | Where it is now |',
  '|---|---|---|---|---|---|---|---|'
]

function report(overrides: Partial<AuditReport> = {}): AuditReport {
  return {
    project: 'OpenTok project 46000042',
    projectId: '46000042',
    target: 's3://acme',
    since: new Date(Date.UTC(2026, 10, 27, 3, 0, 59)),
    objectsChecked: true,
    judged: [delivered, pending, missing],
    listed: 3,
    unreadable: [],
    counts: { ...none, delivered: 1, pending: 1, missing: 1 },
    vendorRequests: 4,
    storageRequests: 3,
    listStatus: 200,
    dryRun: false,
    ...overrides
  }
}

const manyMissing = (count: number): JudgedArchive[] =>
  Array.from({ length: count }, (_, i) => ({ archive: archive(idOf(0x1000 + i), 'uploaded'), verdict: missingVerdict() }))

const deadline = Date.UTC(2026, 10, 30, 1, 0)
const kept = (n: number) => archive(idOf(0x100 + n), 'available')
const entry = (n: number, outcome: RescueOutcome): RescueEntry => ({
  archive: kept(n),
  key: `46000042/${idOf(0x100 + n)}/archive.mp4`,
  deadline,
  outcome
})
const rescue: RescueReport = {
  entries: [
    entry(1, { kind: 'rescued', bytes: 48_000_000, sha256: 'q1', vendorSha256: 'matched', etag: '"e1"', seconds: 12.34 }),
    entry(2, { kind: 'rescued', bytes: 1000, sha256: 'q2', vendorSha256: 'none', seconds: 0.5 }),
    entry(3, { kind: 'arrived', seconds: 1 }),
    entry(4, { kind: 'limit' }),
    entry(5, { kind: 'skipped', why: ['the vendor no longer has it (404): it was deleted meanwhile'] }),
    entry(6, { kind: 'failed', error: 'PUT answered 403 `AccessDenied`', bytes: 0, seconds: 2 }),
    entry(7, { kind: 'skipped', why: ['its status is now ', { value: '@org/team [x](https://evil.example)', max: 40 }] })
  ],
  bytes: 48_001_000,
  limit: 10_000_000_000,
  dryRun: false
}
const dryRescue: RescueReport = {
  entries: [entry(1, { kind: 'planned' }), entry(2, { kind: 'planned' }), entry(3, { kind: 'limit' })],
  bytes: 0,
  limit: 100_000_000,
  dryRun: true
}

describe('the overview', () => {
  it('gives the counts, the window to the minute in UTC, and the target the objects were looked for in, as a value', () => {
    expect(overviewOf(report())).toEqual([
      '3 archives: 1 delivered · 1 pending · 1 missing from the target; those created since 2026-11-27 03:00 UTC or still recording or uploading then, each looked for in ',
      { value: 's3://acme', max: 200 }
    ])
  })

  it('counts the items of the answer that could not be read', () => {
    const unreadable = [
      { where: 'item 1 of the page at offset 0', fields: ['id'] },
      { where: 'item 2 of the page at offset 0', fields: ['status'] }
    ]
    expect(overviewOf(report({ unreadable }))[0]).toBe(
      '3 archives: 1 delivered · 1 pending · 1 missing from the target, and 2 item(s) of the answer that could not be read; those created since 2026-11-27 03:00 UTC or still recording or uploading then, each looked for in '
    )
  })

  it('says the archives were judged by their status when the look-ups failed, and not when the list did', () => {
    const storage = { stage: 'storage' as const, message: 'refused', transient: false }
    expect(overviewOf(report({ failure: storage }))).toEqual([
      '3 archives: 1 delivered · 1 pending · 1 missing from the target; those created since 2026-11-27 03:00 UTC or still recording or uploading then, judged by their status: the look-ups in ',
      { value: 's3://acme', max: 200 },
      ' failed'
    ])
    expect(overviewOf(report({ failure: { ...storage, stage: 'list' } }))[1]).toEqual({ value: 's3://acme', max: 200 })
    expect(overviewOf(report({ failure: { ...storage, stage: 'list' } }))).toHaveLength(2)
  })

  it('says the statuses alone were judged, and why', () => {
    expect(overviewOf(report({ objectsChecked: false, statusesOnlyBecause: "'check-objects' is false" }))).toEqual([
      "3 archives: 1 delivered · 1 pending · 1 missing from the target; those created since 2026-11-27 03:00 UTC or still recording or uploading then, statuses only ('check-objects' is false)"
    ])
    expect(overviewOf(report({ objectsChecked: false }))).toEqual([
      '3 archives: 1 delivered · 1 pending · 1 missing from the target; those created since 2026-11-27 03:00 UTC or still recording or uploading then, statuses only (the target was not asked)'
    ])
  })
})

describe('the counts', () => {
  it('start at nothing for every class', () => {
    expect(noCounts()).toEqual(none)
  })

  it('count as undelivered every archive not delivered, on its way or not looked for, and every unreadable item', () => {
    const rescued: JudgedArchive = { archive: archive(idOf(6), 'available'), verdict: verdict('rescued', ['copied'], ['s3']) }
    const judged = [delivered, pending, missing, failed, unchecked, rescued]
    expect(undeliveredOf({ judged }).map(entry => entry.archive.id)).toEqual([idOf(3), idOf(4), idOf(6)])
    expect(undeliveredCount({ judged, unreadable: [{ where: 'item 1 of the page at offset 0', fields: ['id'] }] })).toBe(4)
    expect(undeliveredCount({ judged: [delivered], unreadable: [] })).toBe(0)
  })
})

describe('the outputs', () => {
  const outputsOf = (r: AuditReport, result: 'audited' | 'failed' | 'dry-run', file = '/tmp/report.json') => {
    const outputs: Record<string, string> = {}
    setAuditOutputs(r, file, result, (name, value) => (outputs[name] = value))
    return outputs
  }

  it('counts the archives listed and the unreadable items, the undelivered ones, and the requests to each side', () => {
    const unreadable = [
      { where: 'item 1 of the page at offset 0', fields: ['id'] },
      { where: 'item 2 of the page at offset 0', id: 'x y', fields: ['id'] }
    ]
    expect(outputsOf(report({ listed: 7, unreadable, judged: [delivered, missing, failed, unchecked] }), 'audited')).toEqual({
      result: 'audited',
      archives: '9',
      undelivered: '4',
      'report-file': '/tmp/report.json',
      status: '200',
      attempts: '4',
      'storage-requests': '3',
      target: 's3://acme',
      rescued: '0',
      'rescued-bytes': '0',
      verified: 'true'
    })
  })

  it('leaves status empty when no answer came, and says skipped when no object was to be looked for', () => {
    const answered = report({ objectsChecked: false, judged: [], listed: 0, vendorRequests: 3, storageRequests: 0 })
    const unanswered = Object.fromEntries(Object.entries(answered).filter(([key]) => key !== 'listStatus')) as unknown as AuditReport
    expect(outputsOf(unanswered, 'failed', '')).toEqual({
      result: 'failed',
      archives: '0',
      undelivered: '0',
      'report-file': '',
      status: '',
      attempts: '3',
      'storage-requests': '0',
      target: 's3://acme',
      rescued: '0',
      'rescued-bytes': '0',
      verified: 'skipped'
    })
  })

  it('says verified false when the target refused a look-up, and skipped when it was not to be asked', () => {
    const storage = { stage: 'storage', message: 'refused', transient: false } as const
    expect(outputsOf(report({ failure: storage }), 'failed')).toMatchObject({ result: 'failed', verified: 'false' })
    expect(outputsOf(report({ failure: storage, objectsChecked: false }), 'failed')).toMatchObject({ verified: 'skipped' })
    expect(outputsOf(report(), 'dry-run')).toMatchObject({ result: 'dry-run', verified: 'true' })
  })

  it('counts the archives rescued and their bytes', () => {
    expect(outputsOf(report({ rescue }), 'audited')).toMatchObject({ rescued: '2', 'rescued-bytes': '48001000' })
    expect(outputsOf(report({ rescue: dryRescue }), 'dry-run')).toMatchObject({ rescued: '0', 'rescued-bytes': '0' })
  })
})

describe('the report file', () => {
  let temp: string
  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'audit-report-'))
  })
  afterEach(() => rmSync(temp, { recursive: true, force: true }))

  it('is written to RUNNER_TEMP, named after the project, one entry per archive, as indented JSON', async () => {
    const path = await writeReportFile(report({ judged: [delivered, pending, missing, failed] }), { RUNNER_TEMP: temp })
    expect(path).toBe(join(temp, 'opentok-archive-audit-46000042.json'))
    const text = readFileSync(path, 'utf8')
    expect(text.endsWith('}\n')).toBe(true)
    expect(text.split('\n')[1]).toBe(' "project": "46000042",')
    const document = JSON.parse(text)
    expect(Object.keys(document)).toEqual(['project', 'target', 'since', 'objectsChecked', 'finished', 'counts', 'archives', 'unreadable'])
    expect(document).toMatchObject({
      project: '46000042',
      target: 's3://acme',
      since: '2026-11-27T03:00:59.000Z',
      objectsChecked: true,
      finished: true,
      unreadable: []
    })
    expect(document.counts).toEqual({ ...none, delivered: 1, pending: 1, missing: 1 })
    expect(document.archives[0].whereNow).toBe('s3://acme/46000042/1/archive.mp4')
    expect(document.archives[3]).toEqual({
      id: idOf(4),
      name: 'board | meeting',
      created: '2026-11-28T22:05:00.000Z',
      status: 'failed',
      class: 'failed',
      objectKey: '46000042/failed/archive.mp4',
      outputMode: 'composed',
      duration: 600,
      size: 48_000_000,
      sessionId: '2_MX40NjAwMDA0Mn5-session',
      reason: 'session ended @team',
      happened: 'recording failed: session ended @team',
      whereNow: 'nowhere: no file was made'
    })
  })

  it('records why the audit could not finish, the items that could not be read, and each rescue', async () => {
    const unreadable = [{ where: 'item 3 of the page at offset 1000', id: '../x', fields: ['id', 'status'] }]
    const failure = { stage: 'list', message: 'GET … answered 500.', transient: true } as const
    const path = await writeReportFile(report({ judged: [], unreadable, failure, rescue }), { RUNNER_TEMP: temp })
    const document = JSON.parse(readFileSync(path, 'utf8'))
    expect(Object.keys(document)).toEqual([
      'project',
      'target',
      'since',
      'objectsChecked',
      'finished',
      'failure',
      'counts',
      'archives',
      'unreadable',
      'rescue'
    ])
    expect(document).toMatchObject({
      finished: false,
      failure: { stage: 'list', message: 'GET … answered 500.', transient: true },
      unreadable
    })
    const key = (n: number) => `46000042/${idOf(0x100 + n)}/archive.mp4`
    const common = (n: number) => ({ id: idOf(0x100 + n), key: key(n), deadline: '2026-11-30T01:00:00.000Z' })
    expect(document.rescue).toEqual({
      dryRun: false,
      limit: 10_000_000_000,
      bytes: 48_001_000,
      archives: [
        { ...common(1), result: 'rescued', bytes: 48_000_000, sha256: 'q1', vendorSha256: 'matched', etag: '"e1"', seconds: 12.34 },
        { ...common(2), result: 'rescued', bytes: 1000, sha256: 'q2', vendorSha256: 'vendor gave none', etag: null, seconds: 0.5 },
        { ...common(3), result: 'arrived', note: 'the object arrived meanwhile; it counts as delivered' },
        { ...common(4), result: 'limit', bytes: 48_000_000 },
        { ...common(5), result: 'skipped', why: 'the vendor no longer has it (404): it was deleted meanwhile' },
        { ...common(6), result: 'failed', error: 'PUT answered 403 `AccessDenied`', seconds: 2 },
        { ...common(7), result: 'skipped', why: 'its status is now @org/team [x](https://evil.example)' }
      ]
    })
    const dry = JSON.parse(readFileSync(await writeReportFile(report({ rescue: dryRescue }), { RUNNER_TEMP: temp }), 'utf8'))
    expect(dry.finished).toBe(true)
    expect(dry.rescue).toEqual({
      dryRun: true,
      limit: 100_000_000,
      bytes: 0,
      archives: [
        { ...common(1), result: 'planned', bytes: 48_000_000 },
        { ...common(2), result: 'planned', bytes: 48_000_000 },
        { ...common(3), result: 'limit', bytes: 48_000_000 }
      ]
    })
  })

  it('holds no download url', async () => {
    const text = readFileSync(await writeReportFile(report({ rescue }), { RUNNER_TEMP: temp }), 'utf8')
    expect(text).not.toMatch(/"url"|https:\/\/vendor/)
  })

  it('falls back to the system temporary directory outside a runner', async () => {
    const path = await writeReportFile(report({ projectId: `audit-report-${process.pid}` }), {})
    try {
      expect(path).toBe(join(tmpdir(), `opentok-archive-audit-audit-report-${process.pid}.json`))
    } finally {
      rmSync(path, { force: true })
    }
  })
})

describe('the sections', () => {
  const where = 'W.'

  it('say every archive arrived when none is undelivered, nothing failed and every item was read', () => {
    expect(auditSections(report({ judged: [delivered, pending, unchecked] }), 10_000, where)).toEqual({
      text: 'Every archive of the window was delivered or is still on its way.',
      undeliveredShown: 0
    })
  })

  it('are the table of the undelivered archives, every text from outside as code', () => {
    expect(auditSections(report({ judged: [delivered, pending, missing, failed] }), 10_000, where)).toEqual({
      text: [
        ...TABLE_HEAD,
        missingRow(idOf(3)),
        `| \`${idOf(4)}\` | \`board \\| meeting\` | 2026-11-28 22:05 | 10 min | 48.0 MB | \`failed\` | recording failed: \`session ended @team\` | nowhere: no file was made |`
      ].join('\n'),
      undeliveredShown: 2
    })
  })

  it('open with a caution when the list could not be read, with the message in a code block, and say nothing arrived', () => {
    const failure = { stage: 'list', message: 'GET https://api.opentok.com/v2/… answered 500 ```@org/team```', transient: false } as const
    expect(auditSections(report({ judged: [], failure }), 10_000, where)).toEqual({
      text: [
        '> [!CAUTION]',
        "> **The audit could not finish.** The vendor's archive list could not be read to the window's start, so the archives read are not judged. Done: 4 request(s) to the vendor, 3 to the storage.",
        '',
        '````text',
        'GET https://api.opentok.com/v2/… answered 500 ```@org/team```',
        '````'
      ].join('\n'),
      undeliveredShown: 0
    })
  })

  it('say the target could not be read, then show the archives judged by status, within the room the other sections leave', () => {
    const failure = { stage: 'storage', message: 'HEAD https://acme.s3.amazonaws.com/ answered 403.', transient: false } as const
    const caution = [
      '> [!CAUTION]',
      '> **The audit could not finish.** The target could not be read, so the archives whose status says they landed were not looked for; the 12 archive(s) listed were judged by what their status proves. Done: 4 request(s) to the vendor, 3 to the storage.',
      '',
      '```text',
      'HEAD https://acme.s3.amazonaws.com/ answered 403.',
      '```'
    ].join('\n')
    const unreadable = [{ where: 'item 1 of the page at offset 0', fields: ['id'] }]
    const before = [
      caution,
      "1 item(s) of the vendor's answer could not be read; nothing proves they landed:",
      '| Where in the answer | ID as given | Could not read |\n|---|---|---|\n| item 1 of the page at offset 0 | — | id |'
    ].join('\n\n')
    const judged = manyMissing(12)
    const rows = judged.map(entry => missingRow(entry.archive.id))
    // The table's budget is the room less what comes before it and 200: here exactly its 12 rows.
    const room = before.length + 200 + `${TABLE_HEAD.join('\n')}\n${rows.join('\n')}\n`.length
    expect(auditSections(report({ judged, unreadable, failure }), room, where)).toEqual({
      text: `${before}\n\n${[...TABLE_HEAD, ...rows].join('\n')}`,
      undeliveredShown: 12
    })
    expect(auditSections(report({ judged, unreadable, failure }), room - 1, where)).toEqual({
      text: `${before}\n\n${[...TABLE_HEAD, ...rows.slice(0, 11), '', '… and 1 more: W.'].join('\n')}`,
      undeliveredShown: 11
    })
  })

  it('give the table of undelivered archives at least 2,000 characters', () => {
    const sections = auditSections(report({ judged: manyMissing(20) }), 0, where)
    // 130 characters of header and 10 rows of 178, with room for the last line (21): 1,931.
    expect(sections.undeliveredShown).toBe(10)
    expect(sections.text.split('\n').slice(-2)).toEqual(['', '… and 10 more: W.'])
    expect(sections.text.length).toBeLessThanOrEqual(2000)
  })

  it('list the items that could not be read in an eighth of the room, and say nothing arrived', () => {
    const unreadable = [1, 2].map(n => ({ where: `item ${n} of the page at offset 0`, id: 'x', fields: ['status'] }))
    const head = ['| Where in the answer | ID as given | Could not read |', '|---|---|---|']
    const first = '| item 1 of the page at offset 0 | `x` | status |'
    const intro = "2 item(s) of the vendor's answer could not be read; nothing proves they landed:"
    // One row and the line that counts the rest (its length and 4).
    const budget = `${head.join('\n')}\n${first}\n`.length + '… and 2 more: W.'.length + 4
    expect(auditSections(report({ judged: [delivered], unreadable }), 8 * budget, where)).toEqual({
      text: [intro, '', ...head, first, '', '… and 1 more: W.'].join('\n'),
      undeliveredShown: 0
    })
    expect(auditSections(report({ judged: [delivered], unreadable }), 8 * budget - 1, where).text).toBe(
      [intro, '', ...head, '', '… and 2 more: W.'].join('\n')
    )
  })

  it('show each rescue and its outcome, the error from outside as code', () => {
    const row = (n: number, size: string, words: string) =>
      `| \`${idOf(0x100 + n)}\` | \`46000042/${idOf(0x100 + n)}/archive.mp4\` | ${size} | 2026-11-30 01:00 UTC | ${words} |`
    expect(auditSections(report({ judged: [delivered], rescue }), 100_000, where).text).toBe(
      [
        "Rescue: 2 archive(s) copied into the target and proved, 48.0 MB in all; 5 not rescued, each with why. The vendor's upload of each failed: fix the target (its credentials, policy or settings) so that the next uploads land.",
        '',
        '| Archive | Key | Size | Vendor keeps it until | Rescue |',
        '|---|---|---|---|---|',
        row(1, '48.0 MB', "rescued in 12.3 s; SHA-256 matches the vendor's"),
        row(2, '1.0 kB', 'rescued in 0.5 s; SHA-256 taken (the vendor gave none)'),
        row(3, '48.0 MB', 'arrived meanwhile: delivered, left as it is'),
        row(4, '48.0 MB', "not rescued: 'rescue-max-bytes' was reached"),
        row(5, '48.0 MB', 'skipped: the vendor no longer has it (404): it was deleted meanwhile'),
        row(6, '48.0 MB', 'failed: `` PUT answered 403 `AccessDenied` ``'),
        row(7, '48.0 MB', 'skipped: its status is now `@org/team [x](https://evil.example)`'),
        '',
        'Every archive of the window was delivered or is still on its way.'
      ].join('\n')
    )
  })

  it('count no archive as not rescued when every one was', () => {
    const all: RescueReport = { ...rescue, entries: rescue.entries.slice(0, 1), bytes: 48_000_000 }
    expect(auditSections(report({ judged: [delivered], rescue: all }), 100_000, where).text.split('\n')[0]).toBe(
      "Rescue: 1 archive(s) copied into the target and proved, 48.0 MB in all. The vendor's upload of each failed: fix the target (its credentials, policy or settings) so that the next uploads land."
    )
  })

  it('say what a dry-run rescue would copy, and leave out a rescue of nothing', () => {
    const text = auditSections(report({ judged: [missing], rescue: dryRescue }), 100_000, where).text
    expect(text.split('\n').slice(0, 5)).toEqual([
      'A rescue would copy 2 archive(s), 96.0 MB in all (a dry run: nothing was copied):',
      '',
      '| Archive | Key | Size | Vendor keeps it until | Rescue |',
      '|---|---|---|---|---|',
      `| \`${idOf(0x101)}\` | \`46000042/${idOf(0x101)}/archive.mp4\` | 48.0 MB | 2026-11-30 01:00 UTC | would be copied |`
    ])
    expect(text).toContain(missingRow(idOf(3)))
    expect(auditSections(report({ rescue: { ...dryRescue, entries: [] } }), 100_000, where).text).toBe(
      [...TABLE_HEAD, missingRow(idOf(3))].join('\n')
    )
  })

  it('fit the rescue table in a quarter of the room', () => {
    const limited: RescueReport = { entries: [entry(1, { kind: 'limit' }), entry(2, { kind: 'limit' })], bytes: 0, limit: 1, dryRun: false }
    const head = ['| Archive | Key | Size | Vendor keeps it until | Rescue |', '|---|---|---|---|---|']
    const first = `| \`${idOf(0x101)}\` | \`46000042/${idOf(0x101)}/archive.mp4\` | 48.0 MB | 2026-11-30 01:00 UTC | not rescued: 'rescue-max-bytes' was reached |`
    const budget = `${head.join('\n')}\n${first}\n`.length + '… and 2 more: W.'.length + 4
    const heading =
      "Rescue: 0 archive(s) copied into the target and proved, 0 B in all; 2 not rescued, each with why. The vendor's upload of each failed: fix the target (its credentials, policy or settings) so that the next uploads land."
    expect(auditSections(report({ judged: [], rescue: limited }), 4 * budget, where).text).toBe(
      [heading, '', ...head, first, '', '… and 1 more: W.', '', 'Every archive of the window was delivered or is still on its way.'].join(
        '\n'
      )
    )
    expect(
      auditSections(report({ judged: [], rescue: limited }), 4 * budget - 1, where)
        .text.split('\n')
        .slice(2, 6)
    ).toEqual([...head, '', '… and 2 more: W.'])
  })

  it('come in order: the caution, the unreadable items, the rescue, the undelivered archives', () => {
    const text = auditSections(
      report({
        judged: [missing],
        unreadable: [{ where: 'item 1 of the page at offset 0', fields: ['id'] }],
        rescue: dryRescue,
        failure: { stage: 'storage', message: 'refused', transient: false }
      }),
      100_000,
      where
    ).text
    const at = ['> [!CAUTION]', '1 item(s) of the vendor', 'A rescue would copy', '| Archive | Name |'].map(part => text.indexOf(part))
    expect(at.every((position, index) => position >= 0 && (index === 0 || position > at[index - 1]!))).toBe(true)
    expect(text).not.toContain('Every archive of the window')
  })
})

describe('the job summary text', () => {
  it('has a heading, where the settings came from as code, the overview with the target as code, and the sections', () => {
    expect(auditSummary(report({ source: '.github/opentok.yml (project production)' }), '/tmp/r.json')).toEqual({
      heading: 'Archive delivery audit: OpenTok project 46000042',
      text: [
        'Settings: `.github/opentok.yml (project production)`',
        '',
        '3 archives: 1 delivered · 1 pending · 1 missing from the target; those created since 2026-11-27 03:00 UTC or still recording or uploading then, each looked for in `s3://acme`.',
        '',
        ...TABLE_HEAD,
        missingRow(idOf(3)),
        ''
      ].join('\n'),
      undeliveredShown: 1
    })
  })

  it('says a dry run in the heading, names no settings file when inputs were used, and points to the report file', () => {
    const summary = auditSummary(report({ dryRun: true, judged: manyMissing(20) }), '/tmp/r.json')
    expect(summary.heading).toBe('Archive delivery audit: OpenTok project 46000042 (dry run)')
    expect(summary.text.startsWith('20 archives: 1 delivered · 1 pending · 1 missing from the target; ')).toBe(true)
    expect(summary.undeliveredShown).toBe(20)
    const cut = auditSummary(report({ judged: manyMissing(1402) }), '/tmp/r.json')
    expect(cut.text).toContain('\n\n… and ')
    expect(cut.text.endsWith(' more: the report file (`/tmp/r.json`) lists every one.\n')).toBe(true)
  })

  it('fits the summary’s room to the character: the table has the room less the heading, settings, overview and 200', () => {
    expect(SUMMARY_ROOM).toBe(250_000)
    const judged = manyMissing(1401)
    const counts = { ...none, missing: 1401 }
    // 250,000 − 48 (heading) − 157 (overview and its blank line) − 14 (settings without a source) − 200 − 130 (table head) − 1,401 × 178 (rows) = 73.
    const fits = auditSummary(report({ judged, counts, source: 's'.repeat(73) }), '/tmp/r.json')
    expect(fits.undeliveredShown).toBe(1401)
    expect(fits.heading.length + fits.text.length).toBe(249_800)
    const short = auditSummary(report({ judged, counts, source: 's'.repeat(74) }), '/tmp/r.json')
    expect(short.undeliveredShown).toBe(1400)
    expect(short.text.endsWith('\n\n… and 1 more: the report file (`/tmp/r.json`) lists every one.\n')).toBe(true)
  })
})

describe('the job summary', () => {
  // core.summary keeps the path it first wrote to: one file for the block, emptied before each test.
  let temp: string
  let summaryFile: string
  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), 'audit-summary-'))
    summaryFile = join(temp, 'summary.md')
  })
  afterAll(() => rmSync(temp, { recursive: true, force: true }))
  beforeEach(() => {
    writeFileSync(summaryFile, '')
    vi.stubEnv('GITHUB_STEP_SUMMARY', summaryFile)
  })
  afterEach(() => {
    vi.unstubAllEnvs()
    core.summary.emptyBuffer()
  })
  const context = { repository: 'example-org/video-app', workflow: 'Archive audit', runUrl: 'https://github.example/run/7' }

  it('puts the heading, the text and the run line each on lines of their own, so that Markdown reads the table as a table', async () => {
    await writeAuditSummary({ heading: 'Archive delivery audit: OpenTok project 46000042', text: 'Overview.\n\n| a |\n|---|\n' }, context)
    expect(readFileSync(summaryFile, 'utf8').split('\n')).toEqual([
      '<h3>Archive delivery audit: OpenTok project 46000042</h3>',
      '',
      'Overview.',
      '',
      '| a |',
      '|---|',
      '',
      '<a href="https://github.example/run/7">example-org/video-app · Archive audit</a>',
      ''
    ])
  })

  it('writes nothing outside a runner', async () => {
    vi.stubEnv('GITHUB_STEP_SUMMARY', '')
    const summary = { addHeading: vi.fn() } as unknown as typeof core.summary
    await writeAuditSummary({ heading: 'h', text: 't' }, context, summary)
    expect(summary.addHeading).not.toHaveBeenCalled()
  })
})
