/**
 * The plan's Markdown: the headline, the table of projects and the details, as the job summary and
 * the pull-request comment show them, written out in full; and the comment cut to fit.
 */
import { describe, expect, it } from 'vitest'
import type { ProjectChange } from '../../src/review/changes.js'
import {
  commentBody,
  commentMarker,
  countSettings,
  details,
  headline,
  MAX_COMMENT,
  overview,
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
  risks: ['bucket changes:\r\narchives go elsewhere'],
  needs: []
}
const production: ProjectChange = { name: 'production', kind: 'unchanged', settings: [], risks: [], needs: ['api-secret'] }
const context = { file: '.github/opentok-archive-target.yml', base: 'commit 1a2b3c4', head: 'the checkout' }

const DETAILS = [
  '#### `staging`: changed',
  '',
  '> [!WARNING]',
  '> bucket changes: archives go elsewhere',
  '',
  '| setting | before | after |',
  '|---|---|---|',
  '| `bucket` | `acme-old` | `acme-archives` |',
  '| `endpoint` | — | `https://storage.example.com` |',
  '| `sse` | `none` | — |'
].join('\n')

/** The table of projects, a line each, as both the summary and the comment show it. */
const OVERVIEW = [
  '| project | change | settings | risks |',
  '|---|---|---|---|',
  '| `staging` | changed | 3 | ⚠️ 1 |',
  '| `production` | no changes | 0 |  |'
].join('\n')

describe('the details', () => {
  it('show a setting added or removed with a dash, and no line of inputs when none is needed', () => {
    expect(details([staging, production])).toBe(DETAILS)
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
  it('is the headline, the file and revisions, the table of projects and the details', () => {
    expect(summaryMarkdown([staging, production], context)).toBe(
      [
        '### Archive target plan: 1 project changes (3 settings), 1 risk to review',
        '',
        '`.github/opentok-archive-target.yml` at the checkout, compared with commit 1a2b3c4.',
        '',
        OVERVIEW,
        '',
        DETAILS
      ].join('\n')
    )
  })
})

describe('the job summary of a plan without changes', () => {
  it('ends with the table of projects: no empty details after it', () => {
    expect(summaryMarkdown([production], context).endsWith('| `production` | no changes | 0 |  |')).toBe(true)
  })
})

describe('the comment', () => {
  it('collapses the details, and has no run link when the run is not known', () => {
    expect(commentBody([staging, production], context)).toBe(
      [
        '<!-- opentok-archive-target:plan file=.github/opentok-archive-target.yml -->',
        '### Archive target plan: 1 project changes (3 settings), 1 risk to review',
        '',
        '`.github/opentok-archive-target.yml` at the checkout, compared with commit 1a2b3c4. This plan used no secret; nothing was sent to the vendor or the storage.',
        '',
        OVERVIEW,
        '',
        '<details><summary>Details</summary>',
        '',
        DETAILS,
        '',
        '</details>',
        '',
        ''
      ].join('\n')
    )
  })

  it('is cut after the first details, with a pointer to the run, when the plan is too long', () => {
    const many: ProjectChange[] = Array.from({ length: 400 }, (_, i) => ({ ...staging, name: `project-${i}` }))
    const body = commentBody(many, context)
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT)
    expect(body).toContain('<details><summary>Details</summary>\n\n#### `project-0`: changed\n')
    expect(body).toContain(
      '\n\n… cut here: the plan is longer than a comment may be. The job summary of the run has all of it.\n\n</details>'
    )
    expect(body.length).toBeGreaterThan(MAX_COMMENT - 2_000)
  })

  it('keeps details that exactly fill the room whole, and cuts one character more', () => {
    // One long value in the details only: the top of the comment, and so the room, stays the same.
    const withValue = (length: number): ProjectChange => ({
      ...staging,
      risks: [],
      settings: [{ name: 'bucket', before: 'acme-old', after: 'x'.repeat(length) }]
    })
    const opening = '<details><summary>Details</summary>\n\n'
    const pointer = '\n\n… cut here:'
    const cut = commentBody([withValue(MAX_COMMENT)], context)
    const room = cut.indexOf(pointer) - (cut.indexOf(opening) + opening.length)
    const fitting = room - details([withValue(0)]).length
    const whole = commentBody([withValue(fitting)], context)
    expect(whole).not.toContain(pointer)
    expect(whole).toContain(`\`${'x'.repeat(fitting)}\` |\n\n</details>`)
    expect(commentBody([withValue(fitting + 1)], context)).toContain(pointer)
  })
})

describe('the Markdown', () => {
  const change = (name: string, kind: ProjectChange['kind'], settings = 1, risks: string[] = []): ProjectChange => ({
    name,
    kind,
    settings: Array.from({ length: settings }, (_, i) => ({ name: `s${i}`, before: 'a|b', after: 'c`d' })),
    risks,
    needs: ['api-secret']
  })

  it('sums up in one headline', () => {
    expect(headline([change('a', 'unchanged', 0)])).toBe('No changes')
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
    expect(details([change('a', 'changed', 1, ['risk one\nline two']), change('b', 'unchanged', 0)]).split('\n')).toEqual([
      '#### `a`: changed',
      '',
      '> [!WARNING]',
      '> risk one line two',
      '',
      '| setting | before | after |',
      '|---|---|---|',
      '| `s0` | `a\\|b` | `` c`d `` |',
      '',
      'Given by inputs, never by the file: `api-secret`.'
    ])
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
    expect(body).toContain('<details><summary>Details</summary>')
    expect(body).toContain('This plan used no secret')
    expect(body.endsWith('<sub>From [the plan run](https://run).</sub>')).toBe(true)
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
    expect(body).toContain('… cut here: the plan is longer than a comment may be. The job summary of [the run](https://run) has all of it.')
    expect(summaryMarkdown(many, { file: 'x.yml', base: 'b', head: 'h' }).length).toBeGreaterThan(MAX_COMMENT)
  })
})
