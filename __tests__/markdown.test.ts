/**
 * Markdown's one door (src/markdown.ts): whatever text it is given, a GFM renderer shows it as
 * code, with no link, image, mention or reference, and shows it faithfully (what a reader sees is
 * the text, on one line, cut to its length); and a table built with it fits its room. Judged by
 * markdown-it with linkify (support/markdown-oracle.js), never by the door itself.
 */
import fc from 'fast-check'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { cell, code, codeBlock, codeCell, cutAtLine, oneLine, tableWithin } from '../src/markdown.js'
import { liveParts } from './support/markdown-oracle.js'

const md = new MarkdownIt({ html: true, linkify: true })

/** Pieces of live Markdown and of HTML, and what hides them. */
const PIECES = [
  '`',
  '``',
  '```',
  '|',
  '\\',
  '@octocat',
  '@acme/security-team',
  'acme/other-repo#5',
  '#12',
  '[Download](https://evil.example/phish)',
  '![](https://evil.example/p.png)',
  'https://evil.example',
  'www.evil.example',
  'evil.com',
  '<img src=x>',
  '<a href="https://evil.example">x</a>',
  '**bold**',
  '_em_',
  '&amp;',
  '&#64;',
  ' ',
  '\n',
  '\r\n',
  '\t',
  '\u202e',
  '\u200b',
  'x',
  'é',
  '😀'
]
const markdownish = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map(parts => parts.join(''))
const anyText = fc.oneof(markdownish, fc.string({ unit: 'binary', maxLength: 200 }))

/** The text inside the one code element of `html`, decoded as a browser would. */
function codeText(html: string): string | undefined {
  const found = [...html.matchAll(/<code[^>]*>([\s\S]*?)<\/code>/g)]
  if (found.length !== 1) return undefined
  return (found[0]?.[1] ?? '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

describe('code', () => {
  it('is inert and faithful for any text', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 300 }), (text, max) => {
        const span = code(text, max)
        const shown = oneLine(text, max)
        const live = liveParts(`before ${span} after`)
        expect({ links: live.links, images: live.images, mentions: live.mentions, references: live.references }).toEqual({
          links: [],
          images: [],
          mentions: [],
          references: []
        })
        if (shown.trim() === '') expect(span).toBe('—')
        else expect(codeText(md.renderInline(span))).toBe(shown)
      }),
      { numRuns: 1500 }
    )
  })

  it('is one line without invisible characters, cut to its length with an ellipsis', () => {
    expect(oneLine('a\r\nb\nc\u2028d\te', 100)).toBe('a b c d e')
    expect(oneLine('x\u202Ey\u200Bz\u0000', 100)).toBe('xyz')
    expect(oneLine('abcdef', 4)).toBe('abc…')
    expect(oneLine('abcd', 4)).toBe('abcd')
    expect(oneLine('😀😀😀', 2)).toBe('😀…')
  })

  it.each([
    ['plain', '`plain`'],
    ['a`b', '``a`b``'],
    ['``x', '``` ``x ```'],
    ['x`', '`` x` ``'],
    [' spaced ', '`  spaced  `'],
    ['', '—'],
    ['  ', '—']
  ])('writes %j as %j', (text, span) => {
    expect(code(text, 100)).toBe(span)
  })
})

describe('codeCell', () => {
  it('keeps a table whole and shows the text faithfully in its cell, for any text', () => {
    fc.assert(
      fc.property(anyText, text => {
        const table = `| a | b |\n|---|---|\n| ${codeCell(text, 200)} | end |`
        const html = md.render(table)
        const cells = [...html.matchAll(/<td>([\s\S]*?)<\/td>/g)].map(m => m[1] ?? '')
        expect(cells).toHaveLength(2)
        expect(cells[1]).toBe('end')
        const shown = oneLine(text, 200)
        if (shown.trim() !== '') expect(codeText(cells[0] ?? '')).toBe(shown)
        const live = liveParts(table)
        expect([...live.links, ...live.images, ...live.mentions, ...live.references]).toEqual([])
      }),
      { numRuns: 1000 }
    )
  })
})

describe('codeBlock', () => {
  it('shows every line as it is, inert, for any text', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 6 }), lines => {
        const text = lines.map(line => oneLine(line, 80)).join('\n')
        const block = codeBlock(text, 80)
        const live = liveParts(`${block}\n\nafter`)
        expect([...live.links, ...live.images, ...live.mentions, ...live.references]).toEqual([])
        expect(live.html).toContain('<p>after</p>')
      }),
      { numRuns: 500 }
    )
  })

  it('keeps its lines, cut, and says how many were left out', () => {
    expect(codeBlock('one\ntwo ```x\n\nthree', 100)).toBe('````text\none\ntwo ```x\n\nthree\n````')
    expect(codeBlock('a\nb\nc', 100, 2)).toBe('```text\na\nb\n… and 1 more lines\n```')
  })
})

describe('tableWithin', () => {
  const header = ['id', 'what']
  const rows = Array.from({ length: 100 }, (_, i) => [`row-${i}`, 'x'.repeat(50)])

  it('keeps every row that fits, in order, and counts the rest', () => {
    const table = tableWithin(header, rows, 1000, left => `… and ${left} more`)
    expect(table.length).toBeLessThanOrEqual(1000)
    const kept = table.split('\n').filter(line => line.startsWith('| row-'))
    expect(kept[0]).toBe(`| row-0 | ${'x'.repeat(50)} |`)
    expect(table.endsWith(`\n\n… and ${100 - kept.length} more`)).toBe(true)
    // One more row would not have fitted with the line that counts the rest.
    expect(table.length + `| row-${kept.length} | ${'x'.repeat(50)} |\n`.length).toBeGreaterThan(1000)
  })

  it('keeps them all, without a count, when they fit', () => {
    const table = tableWithin(header, rows.slice(0, 3), 10_000, left => `… and ${left} more`)
    expect(table).toBe(['| id | what |', '|---|---|', ...rows.slice(0, 3).map(r => `| ${r[0]} | ${r[1]} |`)].join('\n'))
  })
})

describe('cutAtLine', () => {
  it('keeps text that fits, and otherwise the whole lines that fit, without the line break', () => {
    expect(cutAtLine('ab\ncd', 5)).toBe('ab\ncd')
    expect(cutAtLine('ab\ncd', 4)).toBe('ab')
    expect(cutAtLine('ab\ncd\nef', 5)).toBe('ab\ncd')
    expect(cutAtLine('ab\ncd\nef', 6)).toBe('ab\ncd')
    expect(cutAtLine('ab\ncd\nef', 4)).toBe('ab')
    expect(cutAtLine('ab\ncd', 2)).toBe('ab')
    expect(cutAtLine('ab\ncd', 1)).toBe('')
    expect(cutAtLine('\nabc', 2)).toBe('')
    expect(cutAtLine('abcdef', 3)).toBe('')
  })
})

describe('the small print of the doors', () => {
  it('makes a vertical tab a space, and leaves a capital V alone', () => {
    expect(oneLine('Vote\vnow', 80)).toBe('Vote now')
  })

  it('drops the empty first and last lines of a block, and keeps the empty lines inside', () => {
    expect(codeBlock('\nfirst\n\nlast\n', 80)).toBe('```text\nfirst\n\nlast\n```')
  })

  it('keeps a block of exactly maxLines lines whole', () => {
    expect(codeBlock('a\nb', 80, 2)).toBe('```text\na\nb\n```')
    expect(codeBlock('a\nb\nc', 80, 2)).toBe('```text\na\nb\n… and 1 more lines\n```')
  })

  it('makes a run of line breaks in a cell one space, and escapes its pipes', () => {
    expect(cell('a\r\nb|c')).toBe('a b\\|c')
  })
})
