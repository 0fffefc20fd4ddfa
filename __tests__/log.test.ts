/**
 * The log's one door (src/log.ts): whatever text it is given, no line it prints is a workflow
 * command to either of the runner's parsers, with stop-commands honoured; the action's own commands
 * after it still work; and text with nothing to fear reads as it did. Judged by
 * support/runner-commands.js, written from the runner's code, never by the door itself.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as log from '../src/log.js'
import { forLog } from '../src/log.js'
import { runnerCommands } from './support/runner-commands.js'

/** Pieces that build workflow commands, in every form the runner reads, and what hides them. */
const PIECES = [
  '::',
  ':',
  '##[',
  '#',
  '[',
  ']',
  'error',
  'warning title=Security alert',
  'add-mask',
  'stop-commands',
  'delivered',
  'x',
  ' ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u000b',
  '\u200b',
  '\u200e',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\u00ad',
  '\ufe0f',
  '\u034f',
  '\u0301',
  '\u0640',
  '\u07fa',
  '\u180a',
  '\u1cd3',
  '\ufe73',
  '\u0300\u0640',
  '\u0000',
  '\u001b[31m',
  '%0A',
  '%3A'
]
const commandish = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map(parts => parts.join(''))
const anyText = fc.oneof(commandish, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 80 }))

describe('forLog', () => {
  it('never leaves a command for the runner, in any text', () => {
    fc.assert(
      fc.property(anyText, text => {
        expect(runnerCommands(forLog(text))).toEqual([])
        expect(forLog(text)).not.toMatch(/[\r\n\u0085\u2028\u2029]/)
      }),
      { numRuns: 2000 }
    )
  })

  it("keeps the action's own commands after it working: a stop-commands in the text stops nothing", () => {
    fc.assert(
      fc.property(anyText, text => {
        const output = [`${forLog(text)}`, '::warning::our own', `prefix ${forLog(text)} suffix`, '::error::the final error'].join('\n')
        expect(runnerCommands(output).map(c => `${c.name}:${c.data}`)).toEqual(['warning:our own', 'error:the final error'])
      }),
      { numRuns: 1000 }
    )
  })

  it('leaves text with nothing to fear as it was', () => {
    const plain = fc.string({ unit: fc.constantFrom(...'abcXYZ019 .,;!?()<>@&*_-+=/\'"`|~é中😀'.split('')), maxLength: 100 })
    fc.assert(
      fc.property(plain, text => {
        expect(forLog(text)).toBe(text)
      })
    )
  })

  it.each([
    // The trial's payloads, and what the log now shows, written out by hand.
    [
      'x\n::error title=Security alert::Rotate your secret at https://evil.example/rotate',
      'x : :error title=Security alert: :Rotate your secret at https://evil.example/rotate'
    ],
    ['a ##[error]fake annotation', 'a # #[error]fake annotation'],
    ['###[error]x', '## #[error]x'],
    ['::add-mask::delivered', ': :add-mask: :delivered'],
    ['::stop-commands::token', ': :stop-commands: :token'],
    [':::', ': : :'],
    ['line one\r\nline two\rthree\u2028four', 'line one line two three four'],
    ['a\u202Eevil\u202C b', 'aevil b'],
    [':\u200B:error::x', ': :error: :x'],
    ['#\u00AD#[error]x', '# #[error]x'],
    [':\uFE0F:error:\u034F:x', ': :error: :x'],
    ['caf\u00e9 e\u0301 #\u0301#[x]', 'caf\u00e9 e\u0301 # #[x]'],
    ['\uFEFF::warning::bom', ': :warning: :bom'],
    ['Vote\vnow', 'Vote now'],
    // Letters and punctuation ICU gives no weight (the Arabic tatweel, and four more): not marks, but as weightless.
    [':\u0640:error:\u07FA:x', ': :error: :x'],
    ['#\u180A#[error]x #\u1CD3\uFE73#[y]', '# #[error]x # #[y]'],
    ['\u0645\u0640\u0640\u062D\u0645\u062F', '\u0645\u0640\u0640\u062D\u0645\u062F']
  ])('shows %j as %j', (text, shown) => {
    expect(forLog(text)).toBe(shown)
    expect(runnerCommands(shown)).toEqual([])
  })

  it('finds the payloads a command without the door (the judge is not blind)', () => {
    expect(runnerCommands('x\n::error title=Security alert::Rotate').map(c => c.name)).toEqual(['error'])
    expect(runnerCommands('a ##[error]fake').map(c => c.form)).toEqual(['legacy'])
    expect(runnerCommands('::stop-commands::tok\n::error::hidden\n::tok::\n::error::seen').map(c => c.data)).toEqual(['tok', 'seen'])
    expect(runnerCommands(':\u200B:error::x').map(c => c.name)).toEqual(['error'])
    expect(runnerCommands(':\u0640:error:\uFE73:x').map(c => c.name)).toEqual(['error'])
    expect(runnerCommands('a #\u1CD3#[error]x').map(c => c.form)).toEqual(['legacy'])
  })
})

describe('the printers', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    vi.unstubAllEnvs()
  })

  it('say debug logging is on only when the runner says so', () => {
    vi.stubEnv('RUNNER_DEBUG', '1')
    expect(log.isDebug()).toBe(true)
    vi.stubEnv('RUNNER_DEBUG', '0')
    expect(log.isDebug()).toBe(false)
  })

  it('pass every message, and every annotation property, through the door', () => {
    const printed: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      printed.push(String(chunk))
      return true
    })
    const exitCode = process.exitCode
    const payload = 'a\n::error::b ##[warning]c'
    try {
      log.info(payload)
      log.warning(payload, { title: payload })
      log.error(payload, { title: payload, file: 'x.yml', startLine: 3 })
      log.notice(payload)
      log.debug(payload)
      log.fail(payload)
    } finally {
      process.exitCode = exitCode
    }
    // What @actions/core prints, written out: its own command, then the message as the door left it.
    expect(printed.join('')).toBe(
      [
        'a : :error: :b # #[warning]c',
        '::warning title=a %3A %3Aerror%3A %3Ab # #[warning]c::a : :error: :b # #[warning]c',
        '::error title=a %3A %3Aerror%3A %3Ab # #[warning]c,file=x.yml,line=3::a : :error: :b # #[warning]c',
        '::notice::a : :error: :b # #[warning]c',
        '::debug::a : :error: :b # #[warning]c',
        '::error::a : :error: :b # #[warning]c',
        ''
      ].join('\n')
    )
    expect(runnerCommands(printed.join('')).map(c => c.name)).toEqual(['warning', 'error', 'notice', 'debug', 'error'])
  })
})
