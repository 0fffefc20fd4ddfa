/**
 * A sentence the action writes with values it did not write kept apart: a value of a file under
 * review, a certificate subject. The log shows it through its door (log.ts), as plain text; the
 * Markdown door (markdown.ts) shows each value as code, where it cannot mention, link or show an
 * image, and the action's own words as they are.
 */
import { code, cut } from './markdown.js'

/** A value from outside the action, and the most characters it is shown with. */
export interface Value {
  readonly value: string
  readonly max: number
}

export type Phrase = ReadonlyArray<string | Value>

/** The longest value a phrase shows unless told otherwise. */
const DEFAULT_MAX = 200

/** A value from outside, to put in a phrase. */
export function value(text: string, max = DEFAULT_MAX): Value {
  return { value: text, max }
}

/** A phrase written as a template: `phrase\`goes to ${value(bucket)}\``. */
export function phrase(strings: TemplateStringsArray, ...parts: ReadonlyArray<string | Value>): Phrase {
  const out: Array<string | Value> = []
  strings.forEach((text, index) => {
    if (text !== '') out.push(text)
    const part = parts[index]
    if (part !== undefined && part !== '') out.push(part)
  })
  return out
}

/** The phrase as the log shows it: values as they are, cut to their length. */
export function phraseText(words: Phrase): string {
  return words.map(part => (typeof part === 'string' ? part : cut(part.value, part.max))).join('')
}

/** The phrase as Markdown: the action's words as they are, every value as code. */
export function phraseMarkdown(words: Phrase): string {
  return words.map(part => (typeof part === 'string' ? part : code(part.value, part.max))).join('')
}
