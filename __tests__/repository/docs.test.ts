/**
 * The documentation holds together: every relative link of the README, docs/*.md, CONTRIBUTING.md
 * and SECURITY.md leads to a file of the repository, and an `#anchor` to a heading of the target
 * (by the slug GitHub gives it); every input and output of action.yml is in a table of the README
 * or of docs/configuration.md; every picture has alt text, is shown somewhere and stays small; and
 * the README stays a front page. The checker is tried on made-up texts too, so that a broken link
 * cannot pass unseen.
 */
import MarkdownIt from 'markdown-it'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, posix } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ROOT } from '../support/run-action.js'

const markdown = new MarkdownIt({ html: true })
type Token = ReturnType<MarkdownIt['parse']>[number]

/** What the checker reads: the repository, or a made-up one. */
interface Files {
  exists(path: string): boolean
  read(path: string): string
}

const repository: Files = {
  exists: path => existsSync(join(ROOT, path)),
  read: path => readFileSync(join(ROOT, path), 'utf8')
}

const DOCUMENTS = [
  'README.md',
  'CONTRIBUTING.md',
  'SECURITY.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter(file => file.endsWith('.md'))
    .map(file => `docs/${file}`)
]

/** Every token of a Markdown text, inline ones included, in order. */
function tokensOf(text: string): Token[] {
  const all: Token[] = []
  const visit = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      all.push(token)
      if (token.children !== null) visit(token.children)
    }
  }
  visit(markdown.parse(text, {}))
  return all
}

/** Every link and image target of a Markdown text, as written, outside code (where nothing is a link). */
function targetsOf(text: string): string[] {
  return tokensOf(text).flatMap(token => {
    if (token.type === 'link_open') return [token.attrGet('href') ?? '']
    if (token.type === 'image') return [token.attrGet('src') ?? '']
    if (token.type === 'html_inline' || token.type === 'html_block')
      return [...token.content.matchAll(/\b(?:href|src)="([^"]*)"/g)].map(match => match[1] ?? '')
    return []
  })
}

/** The anchor GitHub gives a heading: lower case, punctuation and symbols dropped, spaces as '-'. */
function githubSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-')
}

/** The anchors of a Markdown text: its headings' slugs (a repeated one gets -1, -2, …) and HTML ids. */
function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  for (const token of tokensOf(text))
    if (token.type === 'html_block' || token.type === 'html_inline')
      for (const match of token.content.matchAll(/\b(?:id|name)="([^"]+)"/g)) anchors.add(match[1] ?? '')
  const tokens = markdown.parse(text, {})
  tokens.forEach((token, index) => {
    if (token.type !== 'heading_open') return
    const words = (tokens[index + 1]?.children ?? [])
      .filter(child => child.type === 'text' || child.type === 'code_inline')
      .map(child => child.content)
      .join('')
    const slug = githubSlug(words)
    const count = seen.get(slug) ?? 0
    seen.set(slug, count + 1)
    anchors.add(count === 0 ? slug : `${slug}-${count}`)
  })
  return anchors
}

/** What is wrong with the relative links of `documents`: a file that does not exist, or an anchor no heading has. */
function brokenLinks(files: Files, documents: readonly string[]): string[] {
  const problems: string[] = []
  for (const document of documents) {
    for (const target of targetsOf(files.read(document))) {
      // Links with a scheme (https:, mailto:) or to another host are not the repository's.
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue
      const hash = target.indexOf('#')
      const pathPart = decodeURIComponent(hash === -1 ? target : target.slice(0, hash))
      const anchor = hash === -1 ? undefined : decodeURIComponent(target.slice(hash + 1))
      const path = pathPart === '' ? document : posix.normalize(posix.join(posix.dirname(document), pathPart))
      if (path.startsWith('../') || path.startsWith('/')) problems.push(`${document}: ${target} leads outside the repository`)
      else if (!files.exists(path)) problems.push(`${document}: ${target}: there is no ${path}`)
      else if (anchor !== undefined && path.endsWith('.md') && !anchorsOf(files.read(path)).has(anchor))
        problems.push(`${document}: ${target}: ${path} has no heading with the anchor #${anchor}`)
    }
  }
  return problems
}

/** The names in the first column of every table whose first header is `header` ('input', 'output'). */
function tableNames(text: string, header: string): Set<string> {
  const names = new Set<string>()
  let inTable = false
  for (const line of text.split('\n')) {
    const cells = line.startsWith('|')
      ? line
          .split('|')
          .slice(1, -1)
          .map(cell => cell.trim())
      : undefined
    if (cells === undefined) inTable = false
    else if (cells[0] === header) inTable = true
    else if (inTable) {
      const name = /^`([^`]+)`$/.exec(cells[0] ?? '')?.[1]
      if (name !== undefined) names.add(name)
    }
  }
  return names
}

/** The names of `names` that no table of `texts` documents. */
function undocumented(names: readonly string[], texts: readonly string[], header: string): string[] {
  const documented = new Set(texts.flatMap(text => [...tableNames(text, header)]))
  return names.filter(name => !documented.has(name))
}

/** The images of a Markdown text that have no alt text. */
function imagesWithoutAlt(text: string): string[] {
  return tokensOf(text)
    .filter(token => token.type === 'image' && token.content.trim() === '')
    .map(token => token.attrGet('src') ?? '')
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>
  outputs: Record<string, unknown>
}
const referenceTexts = [repository.read('README.md'), repository.read('docs/configuration.md')]

describe('links', () => {
  it('finds the documents and their links', () => {
    expect(DOCUMENTS).toEqual(
      expect.arrayContaining(['README.md', 'docs/configuration.md', 'docs/audit-and-rescue.md', 'docs/plan.md', 'docs/vendor-contract.md'])
    )
    const relative = targetsOf(repository.read('README.md')).filter(target => !/^[a-z]+:/i.test(target))
    expect(relative.length).toBeGreaterThan(20)
    expect(relative).toEqual(expect.arrayContaining(['#quick-start', 'docs/images/audit-summary.png', 'docs/plan.md#a-required-check']))
  })

  it('every relative link of the README, docs/, CONTRIBUTING.md and SECURITY.md leads to a file, and every anchor to a heading', () => {
    expect(brokenLinks(repository, DOCUMENTS)).toEqual([])
  })

  it('catches a missing file, a missing anchor in another file and in the same one, and a link out of the repository', () => {
    const texts: Record<string, string> = {
      'README.md': [
        '# Front page',
        '',
        '[fine](docs/guide.md), [fine too](docs/guide.md#the-storage-check-verify), [here](#front-page), [folder](docs)',
        '[gone](docs/missing.md), [no such heading](docs/guide.md#nowhere), [no such anchor here](#back-page)',
        '![a picture](docs/images/nothing.png) and [out](../elsewhere.md)',
        '`[in code](not-a-link.md)` and [outside](https://example.com/x.md#y)',
        '',
        '```md',
        '[in a block](not-a-link-either.md)',
        '```'
      ].join('\n'),
      'docs/guide.md': '# Guide\n\n## The storage check (`verify`)\n\n[back](../README.md#front-page) [wrong way](README.md)\n'
    }
    const made: Files = {
      exists: path => path in texts || path === 'docs',
      read: path => texts[path] ?? ''
    }
    expect(brokenLinks(made, ['README.md', 'docs/guide.md'])).toEqual([
      'README.md: docs/missing.md: there is no docs/missing.md',
      'README.md: docs/guide.md#nowhere: docs/guide.md has no heading with the anchor #nowhere',
      'README.md: #back-page: README.md has no heading with the anchor #back-page',
      'README.md: docs/images/nothing.png: there is no docs/images/nothing.png',
      'README.md: ../elsewhere.md leads outside the repository',
      'docs/guide.md: README.md: there is no docs/README.md'
    ])
  })

  it("gives a heading GitHub's anchor, repeated ones numbered", () => {
    const anchors = anchorsOf(
      [
        '# Plan: review a change before it lands',
        "## What the vendor's answers mean",
        '## The storage check (`verify`)',
        '## Start-up, end to end, size and memory',
        '## Outputs',
        '### Outputs',
        '<a id="kept"></a>'
      ].join('\n\n')
    )
    expect([...anchors].sort()).toEqual(
      [
        'plan-review-a-change-before-it-lands',
        'what-the-vendors-answers-mean',
        'the-storage-check-verify',
        'start-up-end-to-end-size-and-memory',
        'kept',
        'outputs',
        'outputs-1'
      ].sort()
    )
  })
})

describe('the reference', () => {
  it("documents every input of action.yml in the README's or docs/configuration.md's input table", () => {
    expect(undocumented(Object.keys(action.inputs), referenceTexts, 'input')).toEqual([])
  })

  it("documents every output of action.yml in the README's or docs/configuration.md's output table", () => {
    expect(undocumented(Object.keys(action.outputs), referenceTexts, 'output')).toEqual([])
  })

  it('names an input that no table documents, and reads only the tables headed by input', () => {
    const text = '| input | default |\n| --- | --- |\n| `since` | `24h` |\n\nprose about `rescue`\n\n| setting |\n| --- |\n| `rescue` |\n'
    expect(undocumented(['since', 'rescue', 'comment'], [text], 'input')).toEqual(['rescue', 'comment'])
  })
})

describe('pictures', () => {
  const images = readdirSync(join(ROOT, 'docs', 'images')).filter(file => file.endsWith('.png'))

  it('each has alt text wherever it is shown', () => {
    const missing = DOCUMENTS.flatMap(document => imagesWithoutAlt(repository.read(document)).map(src => `${document}: ${src}`))
    expect(missing).toEqual([])
    expect(imagesWithoutAlt('![](a.png) ![a picture](b.png)')).toEqual(['a.png'])
  })

  it('each picture of docs/images is shown, and stays under 300 KB', () => {
    expect(images).toEqual(expect.arrayContaining(['audit-summary.png', 'plan-summary.png']))
    const shown = DOCUMENTS.flatMap(document =>
      targetsOf(repository.read(document)).map(target => posix.normalize(posix.join(posix.dirname(document), target)))
    )
    for (const image of images) {
      expect(shown, image).toContain(`docs/images/${image}`)
      expect(statSync(join(ROOT, 'docs', 'images', image)).size, image).toBeLessThan(300 * 1024)
    }
  })
})

describe('the README', () => {
  const readme = repository.read('README.md')

  it('is a front page: at most 350 lines, opening with its contents', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(351)
    expect(readme.indexOf('## Contents')).toBeLessThan(readme.indexOf('## Quick start'))
  })

  it("keeps the pin example that script/release rewrites, and the plan's paths that include certificates", () => {
    expect(readme).toMatch(/opentok-archive-target-action@[0-9a-f]{40} # v\d+\.\d+\.\d+$/m)
    expect(readme).toContain("paths: ['.github/opentok-archive-target.yml', 'certs/**']")
    expect(repository.read('examples/pull-request.yml')).toMatch(/paths:\n\s+- '\.github\/opentok-archive-target\.yml'\n\s+- 'certs\/\*\*'/)
  })
})
