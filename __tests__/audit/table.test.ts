/** The audit's table of undelivered archives and its line of counts, in Markdown, as the job summary and the tracking issue show them. */
import { describe, expect, it } from 'vitest'
import { countsLine, formatSize, undeliveredTable, type JudgedArchive } from '../../src/audit/table.js'

describe('the table', () => {
  const judged = (id: string, happened: string): JudgedArchive => ({
    archive: {
      id,
      status: 'failed',
      createdAt: Date.parse('2026-11-29T01:02:03Z'),
      duration: 3725,
      size: 1_234_567_890,
      outputMode: 'composed',
      sessionId: '',
      reason: ''
    },
    verdict: { kind: 'failed', happened, whereNow: 'nowhere', objectKey: 'k' }
  })

  it('has one row per archive, and escapes what would break the table or the HTML', () => {
    expect(undeliveredTable([judged('a1', 'a | b <script>\nx')], 10, 'more').split('\n')).toEqual([
      '| Archive | Created (UTC) | Duration | Size | Status | What happened | Where it is now |',
      '|---|---|---|---|---|---|---|',
      '| `a1` | 2026-11-29 01:02 | 1 h 2 min | 1.2 GB | failed | a \\| b &#60;script&#62; x | nowhere |'
    ])
  })

  it('cuts at the limit and says where the rest is', () => {
    const table = undeliveredTable(
      ['a', 'b', 'c'].map(id => judged(id, 'x')),
      2,
      'see the report.'
    )
    expect(table.split('\n').slice(-2)).toEqual(['', '… and 1 more: see the report.'])
    expect(table).not.toContain('`c`')
  })

  it('says nothing more when the rows exactly fill the limit', () => {
    const table = undeliveredTable(
      ['a', 'b'].map(id => judged(id, 'x')),
      2,
      'see the report.'
    )
    expect(table.split('\n')).toHaveLength(4)
    expect(table).not.toContain('… and')
  })

  it('puts a line break of any kind in a cell as one space', () => {
    expect(undeliveredTable([judged('a1', 'line one\r\n\tline two')], 1, '')).toContain('| line one line two |')
  })

  it('shows short durations in seconds', () => {
    const short = { ...judged('s', 'x'), archive: { ...judged('s', 'x').archive, duration: 42 } }
    expect(undeliveredTable([short], 1, '')).toContain('| 42 s |')
  })

  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1.0 kB'],
    [48_000_000, '48.0 MB'],
    [2_500_000_000_000, '2.5 TB'],
    [9e15, '9000.0 TB']
  ])('writes %d bytes as %s', (bytes, text) => expect(formatSize(bytes)).toBe(text))

  it('counts every class that has archives, in a fixed order', () => {
    const counts = { delivered: 9, pending: 1, missing: 0, 'kept-by-vendor': 2, failed: 0, stuck: 0, gone: 1, unknown: 0 }
    expect(countsLine(13, counts)).toBe('13 archives: 9 delivered · 1 pending · 2 kept by the vendor · 1 gone')
    expect(countsLine(1, { ...counts, delivered: 1, pending: 0, 'kept-by-vendor': 0, gone: 0 })).toBe('1 archive: 1 delivered')
    const every = { delivered: 1, pending: 1, missing: 1, 'kept-by-vendor': 1, failed: 1, stuck: 1, gone: 1, unknown: 1 }
    expect(countsLine(8, every)).toBe(
      '8 archives: 1 delivered · 1 pending · 1 missing from the target · 1 kept by the vendor · 1 failed · 1 stuck · 1 gone · 1 unknown status'
    )
    expect(countsLine(0, { ...counts, delivered: 0, pending: 0, 'kept-by-vendor': 0, gone: 0 })).toBe('0 archives')
  })
})
