/** What an audit tells the workflow, built from a report written out by hand: outputs, the report file, the job summary. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Archive } from '../../src/archive-list.js'
import { overviewOf, setAuditOutputs, undeliveredOf, writeAuditSummary, writeReportFile, type AuditReport } from '../../src/audit/report.js'
import type { ArchiveClass, Verdict } from '../../src/audit/verdicts.js'

const none: Record<ArchiveClass, number> = {
  delivered: 0,
  pending: 0,
  missing: 0,
  'kept-by-vendor': 0,
  failed: 0,
  stuck: 0,
  gone: 0,
  unknown: 0
}

function archive(id: string, status: string): Archive {
  return {
    id,
    status,
    createdAt: Date.UTC(2026, 10, 28, 22, 5),
    duration: 600,
    size: 48_000_000,
    outputMode: 'composed',
    sessionId: '2_MX40NjAwMDA0Mn5-session',
    reason: ''
  }
}

const verdict = (kind: ArchiveClass, happened: string, whereNow: string): Verdict => ({
  kind,
  happened,
  whereNow,
  objectKey: `46000042/${kind}/archive.mp4`
})

const delivered = {
  archive: archive('a1b2c3d4-0000-4000-8000-000000000001', 'uploaded'),
  verdict: verdict('delivered', 'uploaded', 's3://acme/1')
}
const pending = {
  archive: archive('a1b2c3d4-0000-4000-8000-000000000002', 'started'),
  verdict: verdict('pending', 'still recording', 'with the vendor')
}
const missing = {
  archive: archive('a1b2c3d4-0000-4000-8000-000000000003', 'uploaded'),
  verdict: verdict('missing', 'uploaded, but the target does not hold it', 'not in the target')
}

function report(overrides: Partial<AuditReport> = {}): AuditReport {
  return {
    project: 'OpenTok project 46000042',
    projectId: '46000042',
    target: 's3://acme',
    since: new Date(Date.UTC(2026, 10, 27, 3, 0, 59)),
    objectsChecked: true,
    judged: [delivered, pending, missing],
    counts: { ...none, delivered: 1, pending: 1, missing: 1 },
    requests: 4,
    listStatus: 200,
    ...overrides
  }
}

describe('the overview line', () => {
  it('gives the counts, the window to the minute in UTC and the target the objects were looked for in', () => {
    expect(overviewOf(report())).toBe(
      '3 archives: 1 delivered · 1 pending · 1 missing from the target; created since 2026-11-27 03:00 UTC, each looked for in s3://acme'
    )
  })

  it('says the statuses alone were judged, and why', () => {
    expect(overviewOf(report({ objectsChecked: false, statusesOnlyBecause: "'check-objects' is false" }))).toMatch(
      / UTC, statuses only \('check-objects' is false\)$/
    )
    expect(overviewOf(report({ objectsChecked: false }))).toMatch(/ UTC, statuses only \(the target was not asked\)$/)
  })
})

describe('the outputs', () => {
  const outputsOf = (r: AuditReport, result: 'audited' | 'failed' | 'dry-run', file = '/tmp/report.json') => {
    const outputs: Record<string, string> = {}
    setAuditOutputs(r, file, result, (name, value) => (outputs[name] = value))
    return outputs
  }

  it('counts the archives and the undelivered ones, and names the report file', () => {
    expect(outputsOf(report(), 'audited')).toEqual({
      result: 'audited',
      archives: '3',
      undelivered: '1',
      'report-file': '/tmp/report.json',
      status: '200',
      attempts: '4',
      target: 's3://acme',
      verified: 'true'
    })
  })

  it('leaves status empty when no answer came, and says skipped when no object was looked for', () => {
    const answered = report({ objectsChecked: false, judged: [], counts: none, requests: 3 })
    const unanswered = Object.fromEntries(Object.entries(answered).filter(([key]) => key !== 'listStatus')) as unknown as AuditReport
    expect(outputsOf(unanswered, 'failed', '')).toMatchObject({
      result: 'failed',
      status: '',
      verified: 'skipped',
      archives: '0',
      'report-file': ''
    })
  })

  it('says verified false when the target was asked and the audit failed', () => {
    expect(outputsOf(report({ judged: [], counts: none }), 'failed', '')).toMatchObject({ result: 'failed', verified: 'false' })
    expect(outputsOf(report(), 'dry-run', '')).toMatchObject({ verified: 'true' })
  })

  it('counts only the classes that are not delivered or on their way as undelivered', () => {
    expect(undeliveredOf(report()).map(entry => entry.archive.id)).toEqual([missing.archive.id])
  })
})

describe('the report file', () => {
  let temp: string
  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'audit-report-'))
  })
  afterEach(() => rmSync(temp, { recursive: true, force: true }))

  it('is written to RUNNER_TEMP, named after the project, one entry per archive, as indented JSON', async () => {
    const path = await writeReportFile(report(), { RUNNER_TEMP: temp })
    expect(path).toBe(join(temp, 'opentok-archive-audit-46000042.json'))
    const text = readFileSync(path, 'utf8')
    expect(text.endsWith('}\n')).toBe(true)
    expect(text.split('\n')[1]).toBe(' "project": "46000042",')
    const document = JSON.parse(text)
    expect(document).toMatchObject({ project: '46000042', target: 's3://acme', since: '2026-11-27T03:00:59.000Z', objectsChecked: true })
    expect(document.counts).toEqual({ ...none, delivered: 1, pending: 1, missing: 1 })
    expect(document.archives[2]).toEqual({
      id: missing.archive.id,
      created: '2026-11-28T22:05:00.000Z',
      status: 'uploaded',
      class: 'missing',
      objectKey: '46000042/missing/archive.mp4',
      outputMode: 'composed',
      duration: 600,
      size: 48_000_000,
      sessionId: '2_MX40NjAwMDA0Mn5-session',
      happened: 'uploaded, but the target does not hold it',
      whereNow: 'not in the target'
    })
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

  it('has a heading, where the settings came from, the overview and a table of the undelivered archives', async () => {
    await writeAuditSummary(
      report({ project: 'OpenTok project <46000042>', source: '.github/opentok.yml (project production)' }),
      '/tmp/r.json',
      context
    )
    const text = readFileSync(summaryFile, 'utf8')
    expect(text).toContain('<h3>Archive delivery audit: OpenTok project &#60;46000042&#62;</h3>')
    expect(text).toContain('<p>Settings: .github/opentok.yml (project production)</p>')
    expect(text).toContain(
      '<p>3 archives: 1 delivered · 1 pending · 1 missing from the target; created since 2026-11-27 03:00 UTC, each looked for in s3://acme.</p>'
    )
    expect(text).toContain(
      `| \`${missing.archive.id}\` | 2026-11-28 22:05 | 10 min | 48.0 MB | uploaded | uploaded, but the target does not hold it | not in the target |`
    )
    expect(text).not.toContain(delivered.archive.id)
    expect(text).not.toContain('Every archive of the window')
    expect(text).toContain('<a href="https://github.example/run/7">example-org/video-app · Archive audit</a>')
  })

  it('puts each part on lines of its own, so that Markdown reads the table as a table', async () => {
    await writeAuditSummary(report({ source: '.github/opentok.yml (project production)' }), '/tmp/r.json', context)
    expect(readFileSync(summaryFile, 'utf8').split('\n')).toEqual([
      '<h3>Archive delivery audit: OpenTok project 46000042</h3>',
      '<p>Settings: .github/opentok.yml (project production)</p>',
      '<p>3 archives: 1 delivered · 1 pending · 1 missing from the target; created since 2026-11-27 03:00 UTC, each looked for in s3://acme.</p>',
      '',
      '| Archive | Created (UTC) | Duration | Size | Status | What happened | Where it is now |',
      '|---|---|---|---|---|---|---|',
      `| \`${missing.archive.id}\` | 2026-11-28 22:05 | 10 min | 48.0 MB | uploaded | uploaded, but the target does not hold it | not in the target |`,
      '',
      '<a href="https://github.example/run/7">example-org/video-app · Archive audit</a>',
      ''
    ])
    core.summary.emptyBuffer()
    writeFileSync(summaryFile, '')
    await writeAuditSummary(report({ judged: [delivered] }), '/tmp/r.json', context)
    expect(readFileSync(summaryFile, 'utf8').split('\n').slice(2, 4)).toEqual([
      '<p>Every archive of the window was delivered or is still on its way.</p>',
      '<a href="https://github.example/run/7">example-org/video-app · Archive audit</a>'
    ])
  })

  it('says every archive arrived when none is undelivered, and names no settings file when inputs were used', async () => {
    await writeAuditSummary(report({ judged: [delivered, pending] }), '/tmp/r.json', context)
    const text = readFileSync(summaryFile, 'utf8')
    expect(text).toContain('<p>Every archive of the window was delivered or is still on its way.</p>')
    expect(text).not.toContain('Settings:')
    expect(text).not.toContain('| Archive |')
  })

  it('shows at most 500 rows and points to the report file for the rest', async () => {
    const many = Array.from({ length: 502 }, (_, i) => ({
      ...missing,
      archive: archive(`a1b2c3d4-0000-4000-8000-${i.toString(16).padStart(12, '0')}`, 'uploaded')
    }))
    await writeAuditSummary(report({ judged: many }), '/tmp/r.json', context)
    const text = readFileSync(summaryFile, 'utf8')
    expect(text.split('\n').filter(line => line.startsWith('| `a1b2c3d4'))).toHaveLength(500)
    expect(text).toContain('… and 2 more: the report file (/tmp/r.json) lists every one.')
  })

  it('writes nothing outside a runner', async () => {
    vi.stubEnv('GITHUB_STEP_SUMMARY', '')
    const summary = { addHeading: vi.fn() } as unknown as typeof core.summary
    await writeAuditSummary(report(), '/tmp/r.json', context, summary)
    expect(summary.addHeading).not.toHaveBeenCalled()
  })
})
