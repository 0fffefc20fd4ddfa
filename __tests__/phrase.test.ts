/**
 * A phrase keeps the action's words and the values from outside apart: the log shows values as
 * text cut to their length, Markdown shows each one as code. Judged by hand-written expectations.
 */
import { describe, expect, it } from 'vitest'
import { phrase, phraseMarkdown, phraseText, value } from '../src/phrase.js'

describe('phrase', () => {
  it('keeps the words and the values apart, in order, leaving out empty pieces', () => {
    expect(phrase`goes to ${value('acme')} now`).toStrictEqual(['goes to ', { value: 'acme', max: 200 }, ' now'])
    expect(phrase`${'a'}${''}b`).toStrictEqual(['a', 'b'])
    expect(phrase``).toStrictEqual([])
    expect(value('x', 7)).toStrictEqual({ value: 'x', max: 7 })
  })
})

describe('phraseText and phraseMarkdown', () => {
  it('show a value as text in the log, cut to its length by code points, and as code in Markdown', () => {
    const words = phrase`bucket ${value('a😀bcdef', 4)} and ${value('@octocat')}`
    expect(phraseText(words)).toBe('bucket a😀b… and @octocat')
    expect(phraseMarkdown(words)).toBe('bucket `a😀b…` and `@octocat`')
    expect(phraseText(phrase`${value('abcd', 4)}`)).toBe('abcd')
    expect(phraseText(phrase`${value('abcde', 1)}`)).toBe('…')
  })
})
