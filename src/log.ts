/**
 * The action's log: every line it prints goes through this one door. A message can carry text the
 * action did not write (an archive's name or reason typed by a video application's users, a vendor
 * or storage error, a value of a file under review, a certificate subject), and the runner reads
 * workflow commands out of the log: `::name::` at the start of a line, and the legacy `##[name]`
 * anywhere in one. So each message is made one line that neither of the runner's parsers can read
 * as a command before it is printed. Nothing else in the action calls @actions/core's printers
 * (the linter holds every other module to this).
 */
import * as core from '@actions/core'

/** Line breaks of every kind, and the tab, which a log line shows as one space. */
const BREAKS = /\r\n|[\n\r\t\v\f\u0085\u2028\u2029]/g
/**
 * Characters that print nothing or reorder what is printed: the other control characters (C0, DEL,
 * C1) and every format character (bidi overrides and isolates such as U+202E, zero-width spaces and
 * joiners, the byte-order mark). Gone, they can neither hide text nor make two characters that look
 * apart into a command.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu

/**
 * Marks (accents, variation selectors, the grapheme joiner) right after ':', '#' or '[': they mean
 * nothing there, and the runner compares with ICU, where some weigh nothing, so ":\uFE0F:" could
 * read as "::". With them go the five characters outside the marks that ICU gives no weight
 * either (U+0640 Arabic tatweel, U+07FA, U+180A, U+1CD3, U+FE73).
 */
const MARKS_AFTER_SYNTAX = /([:#[])(?:\p{M}|[\u0640\u07FA\u180A\u1CD3\uFE73])+/gu

/**
 * `text` as one log line that no runner parser reads as a workflow command: line breaks become
 * spaces, invisible characters go (and marks right after ':', '#' or '['), a space goes between two
 * colons (`::` starts a command) and between the two hashes of `##[` (the legacy form, found
 * anywhere in a line). What is left reads as it did.
 */
export function forLog(text: string): string {
  return text
    .replace(BREAKS, ' ')
    .replace(INVISIBLE, '')
    .replace(MARKS_AFTER_SYNTAX, '$1')
    .replace(/:(?=:)/g, ': ')
    .replace(/#(?=#\[)/g, '# ')
}

/** Where an annotation points: a file of the repository, at a line and column. */
export type Annotation = core.AnnotationProperties

function annotation(properties: Annotation | undefined): Annotation | undefined {
  if (properties === undefined) return undefined
  return Object.fromEntries(
    Object.entries(properties).map(([key, value]) => [key, typeof value === 'string' ? forLog(value) : value])
  ) as Annotation
}

/** A line of the log. */
export function info(message: string): void {
  core.info(forLog(message))
}

/** A line shown only when the run has debug logging on. */
export function debug(message: string): void {
  core.debug(forLog(message))
}

/** Whether debug logging is on, to skip building what only debug would show. */
export function isDebug(): boolean {
  return core.isDebug()
}

/** A notice annotation. */
export function notice(message: string, properties?: Annotation): void {
  core.notice(forLog(message), annotation(properties))
}

/** A warning annotation. */
export function warning(message: string, properties?: Annotation): void {
  core.warning(forLog(message), annotation(properties))
}

/** An error annotation that does not end the step by itself. */
export function error(message: string, properties?: Annotation): void {
  core.error(forLog(message), annotation(properties))
}

/** Fails the step with `message`, printed as an error annotation. */
export function fail(message: string): void {
  core.setFailed(forLog(message))
}

/** The printers the senders and storage clients are handed. */
export const sendLog = { info, debug } as const
