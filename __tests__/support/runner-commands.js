// @ts-check
/**
 * What a GitHub runner reads as workflow commands in a step's output, written out from the runner's
 * own code (actions/runner: src/Runner.Worker/Handlers/OutputManager.cs, which hands a line on when
 * it holds "::" or "##[" anywhere; ActionCommandManager.TryProcessCommand, which tries TryParseV2 and
 * then the legacy TryParse of src/Runner.Common/ActionCommand.cs; and its stop-commands state), the
 * tests' own judge, independent of the action's sanitizer:
 *   - lines end at \n, \r or \r\n (ProcessInvoker's ReadLine);
 *   - v2: after .NET's TrimStart (char.IsWhiteSpace), the line starts with "::"; the name runs to the
 *     first space or to the next "::", and must be registered (case-insensitive);
 *   - legacy: the first "##[" anywhere in the line, up to the first "]" after it, the same name rule;
 *   - after "::stop-commands::TOKEN", nothing is a command until one whose name is TOKEN.
 * The runner compares with the current culture (ICU), where characters without weight (controls,
 * format characters such as U+200B, variation selectors) are ignored: this judge drops them first,
 * so it finds a command wherever the runner might, and more.
 */

const REGISTERED = [
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-path',
  'add-mask',
  'add-matcher',
  'remove-matcher',
  'warning',
  'error',
  'notice',
  'debug',
  'group',
  'endgroup',
  'echo'
]
const NET_WHITESPACE = /^[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/
/**
 * Whether ICU gives a character no weight, so that a culture-sensitive IndexOf or StartsWith looks
 * through it: asked of this runtime's own ICU (":" + c + ":" compares equal to "::" at every level),
 * once per character, besides the controls and format characters, which always go.
 */
const collator = new Intl.Collator('en', { sensitivity: 'variant' })
/** @type {Map<string, boolean>} */
const weightless = new Map()
/** @param {string} ch */
function isWeightless(ch) {
  let known = weightless.get(ch)
  if (known === undefined) weightless.set(ch, (known = /[\p{Cc}\p{Cf}]/u.test(ch) || collator.compare(`:${ch}:`, '::') === 0))
  return known
}
/** @param {string} line */
const dropWeightless = line => [...line].filter(ch => !isWeightless(ch)).join('')

/** @param {string} text @param {[string, string][]} pairs */
const replaceAll = (text, pairs) => pairs.reduce((out, [from, to]) => out.split(from).join(to), text)
/** @param {string} text */
const unescapeData = text =>
  replaceAll(text, [
    ['%0D', '\r'],
    ['%0A', '\n'],
    ['%25', '%']
  ])
/** @param {string} text */
const unescapeLegacy = text =>
  replaceAll(text, [
    ['%3B', ';'],
    ['%0D', '\r'],
    ['%0A', '\n'],
    ['%5D', ']'],
    ['%25', '%']
  ])

/**
 * @typedef {{ name: string, data: string, form: 'v2' | 'legacy', line: string }} Command
 */

/** @param {string} line @param {Set<string>} registered @returns {Command | undefined} */
function parseV2(line, registered) {
  const text = line.replace(NET_WHITESPACE, '')
  if (!text.startsWith('::')) return undefined
  const end = text.indexOf('::', 2)
  if (end < 0) return undefined
  const info = text.slice(2, end)
  const space = info.indexOf(' ')
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase()
  if (!registered.has(name)) return undefined
  return { name, data: unescapeData(text.slice(end + 2)), form: 'v2', line }
}

/** @param {string} line @param {Set<string>} registered @returns {Command | undefined} */
function parseLegacy(line, registered) {
  const start = line.indexOf('##[')
  if (start < 0) return undefined
  const close = line.indexOf(']', start)
  if (close < 0) return undefined
  const info = line.slice(start + 3, close)
  const space = info.indexOf(' ')
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase()
  if (!registered.has(name)) return undefined
  return { name, data: unescapeLegacy(line.slice(close + 1)), form: 'legacy', line }
}

/**
 * The commands the runner would carry out in `output` (a step's stdout and stderr, in order), with
 * stop-commands honoured.
 * @param {string} output
 * @returns {Command[]}
 */
export function runnerCommands(output) {
  const registered = new Set(REGISTERED)
  /** @type {string | undefined} */
  let stopToken
  /** @type {Command[]} */
  const commands = []
  for (const raw of output.split(/\r\n|\r|\n/)) {
    const line = dropWeightless(raw)
    if (!line.includes('::') && !line.includes('##[')) continue
    const command = parseV2(line, registered) ?? parseLegacy(line, registered)
    if (command === undefined) continue
    if (stopToken !== undefined) {
      if (command.name === stopToken.toLowerCase()) {
        registered.delete(stopToken.toLowerCase())
        stopToken = undefined
      }
      continue
    }
    if (command.name === 'stop-commands') {
      stopToken = command.data
      registered.add(command.data.toLowerCase())
    }
    commands.push(command)
  }
  return commands
}
