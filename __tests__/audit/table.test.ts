/**
 * The audit's tables and its line of counts, in Markdown, as the job summary and the tracking issue
 * show them: the undelivered archives (every text from outside as code, fitted to a budget at the
 * character, with the rows left out counted), the items of the answer that could not be read, the
 * counts of every class, and sizes.
 */
import { describe, expect, it } from 'vitest'
import type { ArchiveClass, Verdict } from '../../src/audit/verdicts.js'
import { countsLine, formatSize, undeliveredTable, unreadableTable, type JudgedArchive } from '../../src/audit/table.js'

const HEADER = '| Archive | Name | Created (UTC) | Duration | Size | Status | What happened | Where it is now |'
const SEPARATOR = '|---|---|---|---|---|---|---|---|'

function judged(
  id: string,
  overrides: { name?: string; status?: string; duration?: number; verdict?: Partial<Verdict> } = {}
): JudgedArchive {
  return {
    archive: {
      id,
      status: overrides.status ?? 'failed',
      createdAt: Date.parse('2026-11-29T01:02:03Z'),
      duration: overrides.duration ?? 3725,
      size: 1_234_567_890,
      outputMode: 'composed',
      name: overrides.name ?? 'stand-up',
      sessionId: '',
      reason: ''
    },
    verdict: { kind: 'failed', happened: ['recording failed'], whereNow: ['nowhere'], objectKey: 'k', ...overrides.verdict }
  }
}

/** The row of judged(id) with its defaults. */
const row = (id: string) => `| \`${id}\` | \`stand-up\` | 2026-11-29 01:02 | 1 h 2 min | 1.2 GB | \`failed\` | recording failed | nowhere |`

describe('undeliveredTable', () => {
  it('has one row per archive, every text from outside as code, and nothing that would break the table', () => {
    const table = undeliveredTable(
      [
        judged('a1', {
          name: 'weekly | stand-up `x`',
          verdict: {
            happened: ['recording failed: ', { value: 'a | b <script>\nx', max: 200 }],
            whereNow: ['our | words\nand more']
          }
        })
      ],
      10_000,
      'more'
    )
    expect(table).toEqual({
      text: [
        HEADER,
        SEPARATOR,
        '| `a1` | `` weekly \\| stand-up `x` `` | 2026-11-29 01:02 | 1 h 2 min | 1.2 GB | `failed` | recording failed: `a \\| b <script> x` | our \\| words and more |'
      ].join('\n'),
      kept: 1
    })
  })

  it('shows a key found in the target and an unknown status as code, and an empty name as a dash', () => {
    const text = undeliveredTable(
      [
        judged('a2', {
          name: '',
          status: '@everyone',
          verdict: {
            happened: ['status ', { value: '@everyone', max: 40 }, ' is not one'],
            whereNow: [{ value: 's3://acme/a|b', max: 300 }]
          }
        })
      ],
      10_000,
      'more'
    ).text
    expect(text.split('\n')[2]).toBe(
      '| `a2` | — | 2026-11-29 01:02 | 1 h 2 min | 1.2 GB | `@everyone` | status `@everyone` is not one | `s3://acme/a\\|b` |'
    )
  })

  it('shows 60 characters of a name, 40 of a status and 64 of an ID', () => {
    const at = undeliveredTable([judged('i'.repeat(64), { name: 'n'.repeat(60), status: 's'.repeat(40) })], 10_000, '').text
    expect(at.split('\n')[2]).toBe(
      `| \`${'i'.repeat(64)}\` | \`${'n'.repeat(60)}\` | 2026-11-29 01:02 | 1 h 2 min | 1.2 GB | \`${'s'.repeat(40)}\` | recording failed | nowhere |`
    )
    const past = undeliveredTable([judged('i'.repeat(65), { name: 'n'.repeat(61), status: 's'.repeat(41) })], 10_000, '').text
    expect(past.split('\n')[2]).toBe(
      `| \`${'i'.repeat(63)}…\` | \`${'n'.repeat(59)}…\` | 2026-11-29 01:02 | 1 h 2 min | 1.2 GB | \`${'s'.repeat(39)}…\` | recording failed | nowhere |`
    )
  })

  it('shows durations under a minute in seconds, and longer ones in minutes and hours', () => {
    const durationOf = (duration: number) =>
      undeliveredTable([judged('d', { duration })], 10_000, '')
        .text.split('\n')[2]
        ?.split(' | ')[3]
    expect([0, 42, 59, 60, 3600].map(durationOf)).toEqual(['0 s', '42 s', '59 s', '1 min', '1 h'])
  })

  it('keeps a single row that fits the budget exactly, and none one character short of it', () => {
    const budget = HEADER.length + 1 + SEPARATOR.length + 1 + row('a').length + 1
    expect(undeliveredTable([judged('a')], budget, 'see the report.')).toEqual({ text: [HEADER, SEPARATOR, row('a')].join('\n'), kept: 1 })
    expect(undeliveredTable([judged('a')], budget - 1, 'see the report.')).toEqual({
      text: [HEADER, SEPARATOR, '', '… and 1 more: see the report.'].join('\n'),
      kept: 0
    })
  })

  it('keeps the rows that fit, with room for the line that counts the rest, and says where the rest is', () => {
    const more = '… and 3 more: see the report.'
    // The first row of three fits only with room for that line: its length and 4.
    const budget = HEADER.length + 1 + SEPARATOR.length + 1 + row('a').length + 1 + more.length + 4
    const rows = ['a', 'b', 'c'].map(id => judged(id))
    expect(undeliveredTable(rows, budget, 'see the report.')).toEqual({
      text: [HEADER, SEPARATOR, row('a'), '', '… and 2 more: see the report.'].join('\n'),
      kept: 1
    })
    expect(undeliveredTable(rows, budget - 1, 'see the report.')).toEqual({ text: [HEADER, SEPARATOR, '', more].join('\n'), kept: 0 })
  })

  it('says nothing more when the rows exactly fill the budget', () => {
    const budget = HEADER.length + 1 + SEPARATOR.length + 1 + (row('a').length + 1) * 2
    const table = undeliveredTable(
      ['a', 'b'].map(id => judged(id)),
      budget,
      'see the report.'
    )
    expect(table).toEqual({ text: [HEADER, SEPARATOR, row('a'), row('b')].join('\n'), kept: 2 })
    expect(table.text.length).toBe(budget - 1)
    expect(
      undeliveredTable(
        ['a', 'b'].map(id => judged(id)),
        budget - 1,
        'see the report.'
      )
    ).toEqual({ text: [HEADER, SEPARATOR, row('a'), '', '… and 1 more: see the report.'].join('\n'), kept: 1 })
  })
})

describe('unreadableTable', () => {
  const header = '| Where in the answer | ID as given | Could not read |'
  const separator = '|---|---|---|'

  it('names where each item was, its ID as given (as code, or a dash) and the fields it lacked', () => {
    expect(
      unreadableTable(
        [
          { where: 'item 1 of the page at offset 0', fields: ['id', 'createdAt', 'status'] },
          { where: 'item 4 of the page at offset 1000', id: '../x|`y`', fields: ['id'] }
        ],
        10_000,
        'more'
      ).split('\n')
    ).toEqual([
      header,
      separator,
      '| item 1 of the page at offset 0 | — | id, createdAt, status |',
      '| item 4 of the page at offset 1000 | `` ../x\\|`y` `` | id |'
    ])
  })

  it('fits its budget and says where the rest is', () => {
    const first = '| item 1 of the page at offset 0 | `x` | status |'
    const items = [1, 2].map(n => ({ where: `item ${n} of the page at offset 0`, id: 'x', fields: ['status'] }))
    const budget = header.length + 1 + separator.length + 1 + first.length + 1 + '… and 2 more: see the report.'.length + 4
    expect(unreadableTable(items, budget, 'see the report.').split('\n')).toEqual([
      header,
      separator,
      first,
      '',
      '… and 1 more: see the report.'
    ])
    expect(unreadableTable(items, budget - 1, 'see the report.').split('\n')).toEqual([
      header,
      separator,
      '',
      '… and 2 more: see the report.'
    ])
  })
})

describe('countsLine', () => {
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

  it('counts every class that has archives, in a fixed order', () => {
    expect(countsLine(13, { ...none, delivered: 9, pending: 1, 'kept-by-vendor': 2, gone: 1 })).toBe(
      '13 archives: 9 delivered · 1 pending · 2 kept by the vendor · 1 gone'
    )
    expect(countsLine(1, { ...none, delivered: 1 })).toBe('1 archive: 1 delivered')
    const every = Object.fromEntries(Object.keys(none).map(kind => [kind, 1])) as Record<ArchiveClass, number>
    expect(countsLine(10, every)).toBe(
      '10 archives: 1 delivered · 1 pending · 1 rescued by this audit · 1 missing from the target · 1 kept by the vendor · 1 failed · 1 stuck · 1 gone · 1 not looked for · 1 unknown status'
    )
    expect(countsLine(0, none)).toBe('0 archives')
    expect(countsLine(2, { ...none, rescued: 1, unchecked: 1 })).toBe('2 archives: 1 rescued by this audit · 1 not looked for')
  })
})

describe('formatSize', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1.0 kB'],
    [999_949, '999.9 kB'],
    [999_950, '1.0 MB'],
    [999_999, '1.0 MB'],
    [820_000, '820.0 kB'],
    [1_000_000, '1.0 MB'],
    [48_000_000, '48.0 MB'],
    [1_400_000_000, '1.4 GB'],
    [2_500_000_000_000, '2.5 TB'],
    [9e15, '9000.0 TB']
  ])('writes %d bytes as %s', (bytes, text) => expect(formatSize(bytes)).toBe(text))
})
