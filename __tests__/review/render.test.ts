/**
 * The plan's Markdown: the headline, every risk line above the fold, the table of projects and the
 * details, as the job summary and the pull-request comment show them, written out in full; the
 * comment of a head that does not validate; and each part cut to the room it has.
 */
import { describe, expect, it } from 'vitest'
import { value } from '../../src/phrase.js'
import { liveParts } from '../support/markdown-oracle.js'
import type { ProjectChange } from '../../src/review/changes.js'
import {
  commentBody,
  commentMarker,
  countSettings,
  details,
  headline,
  invalidBody,
  MAX_COMMENT,
  overview,
  risksBlock,
  summaryMarkdown
} from '../../src/review/render.js'

const staging: ProjectChange = {
  name: 'staging',
  kind: 'changed',
  settings: [
    { name: 'bucket', before: 'acme-old', after: 'acme-archives' },
    { name: 'endpoint', after: 'https://storage.example.com' },
    { name: 'sse', before: 'none' }
  ],
  risks: [['bucket changes:\r\narchives go ', value('s3://acme-archives')]],
  needs: []
}
const production: ProjectChange = { name: 'production', kind: 'unchanged', settings: [], risks: [], needs: ['api-secret'] }
const context = { file: '.github/opentok-archive-target.yml', base: 'commit 1a2b3c4', head: 'the checkout' }

const DETAILS = [
  '#### `staging`: changed',
  '',
  '| setting | before | after |',
  '|---|---|---|',
  '| `bucket` | `acme-old` | `acme-archives` |',
  '| `endpoint` | — | `https://storage.example.com` |',
  '| `sse` | `none` | — |'
].join('\n')

/** Every risk, each with its project, in one warning. */
const RISKS = ['> [!WARNING]', '> **1 risk to review**', '>', '> - `staging`: bucket changes: archives go `s3://acme-archives`'].join('\n')

/** The table of projects, a line each, as both the summary and the comment show it. */
const OVERVIEW = [
  '| project | change | settings | risks |',
  '|---|---|---|---|',
  '| `staging` | changed | 3 | ⚠️ 1 |',
  '| `production` | no changes | 0 |  |'
].join('\n')

describe('the details', () => {
  it('show a setting added or removed with a dash, no risk (those are above the fold), and no line of inputs when none is needed', () => {
    expect(details([staging, production])).toBe(DETAILS)
  })

  it('say a project renamed from its old name, and when nothing else changed', () => {
    const renamed: ProjectChange = { name: 'legacy-eu', formerName: 'legacy', kind: 'renamed', settings: [], risks: [], needs: [] }
    expect(details([renamed])).toBe(
      ['#### `legacy-eu`: renamed from `legacy`', '', 'The same project under a new name; no setting changes.'].join('\n')
    )
  })
})

describe('the inputs a project needs', () => {
  it('are named after its table, each in code, separated by commas', () => {
    const needing: ProjectChange = { ...staging, risks: [], settings: [staging.settings[0]!], needs: ['api-secret', 'secret-key'] }
    expect(details([needing])).toBe(
      [
        '#### `staging`: changed',
        '',
        '| setting | before | after |',
        '|---|---|---|',
        '| `bucket` | `acme-old` | `acme-archives` |',
        '',
        'Given by inputs, never by the file: `api-secret`, `secret-key`.'
      ].join('\n')
    )
  })
})

describe('the job summary', () => {
  it('is the headline, the file and revisions, every risk, the table of projects and the details', () => {
    expect(summaryMarkdown([staging, production], context)).toBe(
      [
        '### Archive target plan: 1 project changes (3 settings), 1 risk to review',
        '',
        '`.github/opentok-archive-target.yml` at the checkout, compared with commit 1a2b3c4.',
        '',
        RISKS,
        '',
        OVERVIEW,
        '',
        DETAILS
      ].join('\n')
    )
  })

  it('ends with the table of projects when nothing changes: no empty risks or details', () => {
    expect(summaryMarkdown([production], context)).toBe(
      [
        '### Archive target plan: No changes',
        '',
        '`.github/opentok-archive-target.yml` at the checkout, compared with commit 1a2b3c4.',
        '',
        '| project | change | settings | risks |',
        '|---|---|---|---|',
        '| `production` | no changes | 0 |  |'
      ].join('\n')
    )
  })
})

describe('the comment', () => {
  it('has every risk above the fold and the details collapsed, and no run link when the run is not known', () => {
    expect(commentBody([staging, production], context)).toBe(
      [
        '<!-- opentok-archive-target:plan file=.github/opentok-archive-target.yml -->',
        '### Archive target plan: 1 project changes (3 settings), 1 risk to review',
        '',
        '`.github/opentok-archive-target.yml` at the checkout, compared with commit 1a2b3c4. This plan used no secret; nothing was sent to the vendor or the storage.',
        '',
        RISKS,
        '',
        OVERVIEW,
        '',
        '<details><summary>Details</summary>',
        '',
        DETAILS,
        '',
        '</details>'
      ].join('\n')
    )
  })

  it('cuts the details, with a pointer to the run, when the plan is too long', () => {
    const many: ProjectChange[] = Array.from({ length: 400 }, (_, i) => ({ ...staging, name: `project-${i}` }))
    const body = commentBody(many, context)
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT)
    expect(body).toContain('<details><summary>Details</summary>\n\n#### `project-0`: changed\n')
    expect(body).toContain(
      '\n\n… cut here: the plan is longer than a comment may be; the job summary of the run has all of it.\n\n</details>'
    )
    expect(body.length).toBeGreaterThan(MAX_COMMENT - 2_000)
  })

  it('cuts only between lines: wherever the cut falls, no value of the file comes out of its code span', () => {
    const hostile = '@octocat [see](https://evil.example) ![](https://evil.example/p.png) acme/other#5 '
    for (let pad = 0; pad < 48; pad++) {
      const value = `${'x'.repeat(pad)}${hostile.repeat(3)}`
      const many: ProjectChange[] = Array.from({ length: 400 }, (_, i) => ({
        ...staging,
        risks: [],
        name: `p${i}`,
        settings: [{ name: 'bucket', before: value, after: `${value}2` }]
      }))
      const comment = commentBody(many, context)
      expect(comment).toContain('… cut here')
      const summary = summaryMarkdown(Array.from({ length: 6 }, () => many).flat(), context)
      expect(summary).toContain('… cut here')
      for (const body of [comment, summary]) {
        const live = liveParts(body)
        expect([live.links, live.images, live.mentions, live.references]).toEqual([[], [], [], []])
      }
    }
  })

  it('keeps details that exactly fill the room whole, and past it cuts before the whole line that does not fit', () => {
    // `rows` settings with a value of 300 characters (the most a value shows), and a last one of `last`:
    // the headline counts three-digit settings throughout, so the top of the comment, and the room, stay the same.
    const withRows = (rows: number, last: number): ProjectChange => ({
      ...staging,
      risks: [],
      settings: [
        ...Array.from({ length: rows }, (_, i) => ({ name: `s${i}`, after: 'x'.repeat(300) })),
        { name: 'last', after: 'y'.repeat(last) }
      ]
    })
    const pointer = '\n\n… cut here:'
    const cutAt = (rows: number, last: number) => commentBody([withRows(rows, last)], context).includes(pointer)
    // The most rows whose last value of one character still fits, and then the longest last value that fits.
    const rows = Array.from({ length: 300 }, (_, k) => 100 + k).find(k => cutAt(k + 1, 1))!
    expect(cutAt(rows, 1)).toBe(false)
    const fitting = Array.from({ length: 300 }, (_, k) => k + 1).find(k => cutAt(rows, k + 1))!
    expect(fitting).toBeLessThan(300)
    const whole = commentBody([withRows(rows, fitting)], context)
    expect(whole).toContain(`| \`last\` | — | \`${'y'.repeat(fitting)}\` |\n\n</details>`)
    const cut = commentBody([withRows(rows, fitting + 1)], context)
    // One character more: the last row goes whole, and the row before it ends the details.
    expect(cut).toContain(`| \`s${rows - 1}\` | — | \`${'x'.repeat(300)}\` |${pointer}`)
    expect(cut).not.toContain('`last`')
    expect(cut.length).toBeLessThan(whole.length)
    expect(whole.length).toBeLessThanOrEqual(MAX_COMMENT)
  })
})

describe('the headline and the table', () => {
  const change = (name: string, kind: ProjectChange['kind'], settings = 1, risks: string[] = []): ProjectChange => ({
    name,
    kind,
    settings: Array.from({ length: settings }, (_, i) => ({ name: `s${i}`, before: 'a|b', after: 'c`d' })),
    risks: risks.map(risk => [risk]),
    needs: ['api-secret']
  })

  it('sums up in one headline, with the risks even when nothing changes', () => {
    expect(headline([change('a', 'unchanged', 0)])).toBe('No changes')
    expect(headline([change('a', 'unchanged', 0, ['r'])])).toBe('No changes, 1 risk to review')
    expect(headline([change('a', 'changed', 1)])).toBe('1 project changes (1 setting)')
    expect(headline([change('a', 'changed', 2, ['r']), change('b', 'added', 3, ['r', 's']), change('c', 'unchanged', 0)])).toBe(
      '2 projects change (5 settings), 3 risks to review'
    )
    expect(countSettings([change('a', 'changed', 2), change('b', 'removed', 4)])).toBe(6)
  })

  it('has a line per project and details of the changed ones, escaping what would break a table', () => {
    expect(overview([change('a', 'changed', 2, ['r']), change('b', 'unchanged', 0)]).split('\n')).toEqual([
      '| project | change | settings | risks |',
      '|---|---|---|---|',
      '| `a` | changed | 2 | ⚠️ 1 |',
      '| `b` | no changes | 0 |  |'
    ])
    expect(details([change('a', 'changed', 1, ['risk']), change('b', 'unchanged', 0)]).split('\n')).toEqual([
      '#### `a`: changed',
      '',
      '| setting | before | after |',
      '|---|---|---|',
      '| `s0` | `a\\|b` | ``c`d`` |',
      '',
      'Given by inputs, never by the file: `api-secret`.'
    ])
  })

  it('fits the risk lines in their room, and counts the rest with where to read them', () => {
    const many = Array.from({ length: 50 }, (_, i) => change(`p${i}`, 'changed', 1, ['a risk that takes some room on its line']))
    const block = risksBlock(many, 1000, 'see the job summary.')
    expect(block.length).toBeLessThanOrEqual(1000)
    const lines = block.split('\n')
    expect(lines.slice(0, 3)).toEqual(['> [!WARNING]', '> **50 risks to review**', '>'])
    const shown = lines.filter(line => line.startsWith('> - `p'))
    expect(shown[0]).toBe('> - `p0`: a risk that takes some room on its line')
    expect(lines.at(-1)).toBe(`> - … and ${50 - shown.length} more: see the job summary.`)
    expect(risksBlock([change('a', 'changed', 1)], 1000, 'x')).toBe('')
  })

  it('fits the table of projects in its room', () => {
    const many = Array.from({ length: 500 }, (_, i) => change(`project-${i}`, 'changed'))
    const table = overview(many, 2000, 'see the job summary.')
    expect(table.length).toBeLessThanOrEqual(2000)
    expect(table).toMatch(/\n\n… and \d+ more projects: see the job summary\.$/)
  })

  it('puts the headline above collapsed details in the comment, with the marker of its file', () => {
    const body = commentBody([change('a', 'changed', 1, ['r'])], {
      file: 'x.yml',
      base: 'commit 1',
      head: 'the checkout',
      runUrl: 'https://run'
    })
    expect(body.startsWith(`${commentMarker('x.yml')}\n### Archive target plan: 1 project changes (1 setting), 1 risk to review`)).toBe(
      true
    )
    expect(body.indexOf('> - `a`: r')).toBeLessThan(body.indexOf('<details>'))
    expect(body.endsWith('</details>\n\n<sub>From [the plan run](https://run).</sub>')).toBe(true)
    expect(commentMarker('a-->b.yml')).toBe('<!-- opentok-archive-target:plan file=ab.yml -->')
    const quiet = commentBody([change('a', 'unchanged', 0)], { file: 'x.yml', base: 'b', head: 'h' })
    expect(quiet).not.toContain('<details>')
    expect(quiet).toContain('No changes')
  })

  it('cuts a comment over 60,000 characters and points to the job summary', () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      change(`project-${i}`, 'changed', 10, ['a risk line that is long enough to matter'.repeat(2)])
    )
    const body = commentBody(many, { file: 'x.yml', base: 'b', head: 'h', runUrl: 'https://run' })
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT)
    expect(body).toContain('… cut here: the plan is longer than a comment may be; the job summary of [the run](https://run) has all of it.')
    expect(summaryMarkdown(many, { file: 'x.yml', base: 'b', head: 'h' }).length).toBeGreaterThan(MAX_COMMENT)
  })
})

describe('the comment of a head that does not validate', () => {
  it('says the file at the commit does not validate, and quotes every problem as code', () => {
    const body = invalidBody(
      [
        {
          input: 'fallback',
          message: "project 'staging': 'fallback' must be one of 'none', 'opentok'; got '@octocat'.",
          file: 'x.yml',
          line: 4
        },
        { input: 'project', message: "'project' is required." }
      ],
      { file: 'x.yml', base: '', head: 'the checkout (commit abc1234)', commit: 'abc1234', runUrl: 'https://run' }
    )
    expect(body).toBe(
      [
        commentMarker('x.yml'),
        '### Archive target plan: the file at abc1234 does not validate',
        '',
        '`x.yml` at the checkout (commit abc1234) has 2 problems; nothing can be planned until it validates. Fix them and push: this comment is updated by the next plan.',
        '',
        '```text',
        "x.yml line 4: project 'staging': 'fallback' must be one of 'none', 'opentok'; got '@octocat'.",
        "input: 'project' is required.",
        '```',
        '',
        '<sub>From [the plan run](https://run).</sub>'
      ].join('\n')
    )
  })
})
