/** What validation found, collected in one place, and the readers of plain values shared by every rule. */

/** Reads one setting by its action.yml input name; '' when it was not given. */
export type InputReader = (name: string) => string

/** One input at fault and what is allowed instead; `message` names the input. */
export interface InputProblem {
  readonly input: string
  readonly message: string
}

/** The longest value any input takes (a PEM is the exception, checked on its own). */
export const MAX_LENGTH = 1024

/** Problems, warnings and notices of one validation, in the order they were found. */
export class Findings {
  readonly problems: InputProblem[] = []
  readonly warnings: string[] = []
  readonly notices: string[] = []

  constructor(private readonly read: InputReader) {}

  /** Records a problem; returns undefined so a reader can `return f.fail(…)`. */
  fail(input: string, message: string): undefined {
    this.problems.push({ input, message })
    return undefined
  }

  /** The value of `name`, trimmed; '' when not given. */
  text(name: string): string {
    return this.read(name).trim()
  }

  /** The value of `name` as given, untrimmed (PEM text keeps its lines). */
  raw(name: string): string {
    return this.read(name)
  }

  /** A required value no longer than MAX_LENGTH, or undefined (reported). */
  required(name: string, when: string): string | undefined {
    const value = this.text(name)
    if (value === '') return this.fail(name, `'${name}' is required${when}.`)
    return this.bounded(name, value)
  }

  /** An optional value no longer than MAX_LENGTH: '' when not given, undefined when too long (reported). */
  optional(name: string): string | undefined {
    return this.bounded(name, this.text(name))
  }

  private bounded(name: string, value: string): string | undefined {
    if (value.length > MAX_LENGTH) return this.fail(name, `'${name}' is longer than ${MAX_LENGTH} characters.`)
    return value
  }

  /** One of `allowed`, matched without regard to case and returned as the vendor spells it. */
  choice<T extends string>(name: string, allowed: readonly T[], fallbackValue: T): T | undefined {
    const value = this.text(name)
    if (value === '') return fallbackValue
    const match = allowed.find(option => option === value.toLowerCase())
    if (match !== undefined) return match
    return this.fail(name, `'${name}' must be one of ${allowed.map(a => `'${a}'`).join(', ')}; got '${shown(value)}'.`)
  }

  /** 'true' or 'false' in any case (YAML's spellings `True`, `FALSE` among them). */
  flag(name: string, fallbackValue: boolean): boolean | undefined {
    const value = this.text(name).toLowerCase()
    if (value === '') return fallbackValue
    if (value === 'true') return true
    if (value === 'false') return false
    return this.fail(name, `'${name}' must be 'true' or 'false'; got '${shown(this.text(name))}'.`)
  }

  /** A whole number from `min` to `max`. */
  integer(name: string, fallbackValue: number, min: number, max: number): number | undefined {
    const value = this.text(name)
    if (value === '') return fallbackValue
    if (!/^\d{1,6}$/.test(value) || Number(value) < min || Number(value) > max) {
      return this.fail(name, `'${name}' must be a whole number from ${min} to ${max}; got '${shown(value)}'.`)
    }
    return Number(value)
  }
}

/** An input value as it can be quoted in a message: one line, not too long. Never used for secrets. */
export function shown(value: string): string {
  const oneLine = value.replace(/[\r\n\t]/g, ' ')
  return oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine
}
