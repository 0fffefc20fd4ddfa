/**
 * Where each setting's value comes from, one step before validation: the action's inputs, or a
 * project's entry in the configuration file merged with them under one rule, one source per
 * setting. Everything after this reader is the same code whichever source was used; problems
 * carry the source so messages can say "<file> line 7, project 'staging': 'fallback' …".
 */
import type { InputReader } from '../inputs/index.js'
import { maskValuesOf } from '../inputs/index.js'
import { holdsPrivateKey } from '../pem.js'
import { UUID } from '../inputs/credentials.js'
import { DEFAULT_CONFIG_FILE, readInWorkspace } from './files.js'

/** Where one setting came from. */
export type Origin =
  | { readonly kind: 'input' }
  | { readonly kind: 'file'; readonly file: string; readonly project: string; readonly line: number; readonly column?: number }

/** A problem found while gathering the settings, or later by validation, with its source. */
export interface SettingProblem {
  readonly input: string
  readonly message: string
  readonly file?: string
  readonly line?: number
  readonly column?: number
}

export interface Settings {
  readonly read: InputReader
  readonly origin: (setting: string) => Origin
  /** "`<file>`, project `<name>`" when a configuration file was used. */
  readonly source?: string
  /** The project's name in the configuration file, when one was used. */
  readonly project?: string
  /**
   * Problems found while gathering (of the file, conflicts with inputs): reported with what
   * validation finds in the values that could be read, all at once.
   */
  readonly problems: readonly SettingProblem[]
  /** Notices to print, such as a secret input the file's project cannot use. */
  readonly notices: readonly string[]
  /** Warnings to print, such as another entry of the file that sets the same project's target. */
  readonly warnings?: readonly string[]
}

export type SettingsReading =
  { readonly ok: true; readonly settings: Settings } | { readonly ok: false; readonly problems: readonly SettingProblem[] }

const INPUT: Origin = { kind: 'input' }

/**
 * Gathers the settings: plain inputs, or, when 'config-file' or 'project' is given, the
 * project's entry of the file (by default .github/opentok-archive-target.yml) with the inputs
 * for everything the file may not hold (secrets, operation, dry-run, …). A setting given both
 * in the file and as an input is refused. A certificate given as a path is read from the
 * workspace. When the file decides the platform and the storage type, a secret input the
 * project cannot use (a repository- or organisation-wide secret, say) is ignored with a notice.
 */
export async function readSettings(readInput: InputReader, workspace: string, mask: (secret: string) => void): Promise<SettingsReading> {
  const configFile = readInput('config-file').trim()
  const project = readInput('project').trim()
  if (configFile === '' && project === '') {
    return withCertificateFile({ read: readInput, origin: () => INPUT, problems: [], notices: [] }, workspace, mask)
  }
  const { readConfigFile } = await import('./config-file.js')
  const file = configFile || DEFAULT_CONFIG_FILE
  const named =
    configFile === '' ? `'project' reads ${DEFAULT_CONFIG_FILE} (the file used when 'config-file' is empty)` : `'config-file' names ${file}`
  const reading = await readConfigFile(file, workspace, project, mask, named)
  // A problem at a place in the file points there; one about the file as a whole (missing,
  // unknown project) is about the input that named it, and its message names the file.
  const located = reading.problems.map(p => ({
    input: p.setting,
    message: p.message,
    ...(p.line === undefined ? {} : { file, line: p.line }),
    ...(p.column === undefined ? {} : { column: p.column })
  }))
  if (!reading.ok) return { ok: false, problems: located }
  const { entry } = reading
  const problems: SettingProblem[] = [...located]
  for (const [setting, { line, column }] of entry.values) {
    if (readInput(setting).trim() !== '') {
      problems.push({
        input: setting,
        message: `'${setting}' is set both in ${file} (line ${line}, project '${entry.project}') and as the input '${setting}'. Keep one: with a configuration file, the file is the one source of the target settings.`,
        file,
        line,
        ...(column === undefined ? {} : { column })
      })
    }
  }
  const ignored = unusableSecrets(entry.values, readInput)
  const notices = ignored.map(
    ({ input, why }) =>
      `'${input}' is ignored: project '${entry.project}' of ${file} ${why}. (A repository- or organisation-level secret gives it to every project; an environment secret avoids this.)`
  )
  return withCertificateFile(
    {
      read: name => (ignored.some(i => i.input === name) ? '' : (entry.values.get(name)?.value ?? readInput(name))),
      origin: name => {
        const value = entry.values.get(name)
        return value === undefined
          ? INPUT
          : {
              kind: 'file',
              file,
              project: entry.project,
              line: value.line,
              ...(value.column === undefined ? {} : { column: value.column })
            }
      },
      source: `${file}, project ${entry.project}`,
      project: entry.project,
      problems,
      notices,
      warnings: reading.warnings
    },
    workspace,
    mask
  )
}

/**
 * The secret inputs given to a step that the file's project cannot use: the other platform's
 * credential, and the other storage type's key. Only what the file decides is judged: an
 * `api-key` that is a UUID (the OpenTok SDKs' way to name an application) decides nothing.
 */
function unusableSecrets(values: ReadonlyMap<string, { value: string }>, readInput: InputReader): Array<{ input: string; why: string }> {
  const given = (name: string) => readInput(name).trim() !== ''
  const unusable: Array<{ input: string; why: string }> = []
  const apiKey = values.get('api-key')?.value
  if (values.has('application-id') && given('api-secret'))
    unusable.push({ input: 'api-secret', why: 'is a Vonage application (application-id), which signs with private-key' })
  if (apiKey !== undefined && !UUID.test(apiKey.trim()) && given('private-key')) {
    unusable.push({ input: 'private-key', why: 'is an OpenTok project (api-key), which signs with api-secret' })
  }
  const type = values.get('type')?.value.trim().toLowerCase()
  if (type === 'azure' && given('secret-key'))
    unusable.push({ input: 'secret-key', why: 'is an Azure target (type: azure), which uses account-key' })
  if ((type === undefined || type === 's3') && given('account-key'))
    unusable.push({ input: 'account-key', why: 'is an S3 target, which uses secret-key' })
  return unusable
}

/**
 * Whether a `certificate` value names a file rather than holding PEM or base64 text: one line
 * without PEM markers or spaces that has a '/' or a file extension, and is short (a base64 PEM,
 * which may hold '/', is over a thousand characters).
 */
export function isCertificatePath(value: string): boolean {
  if (value === '' || value.length > 512 || value.includes('-----') || /\s|\\/.test(value)) return false
  return /\.[A-Za-z0-9]{1,8}$/.test(value) || (value.includes('/') && /^[\w./~-]+$/.test(value) && !value.startsWith('LS0tLS1'))
}

/** A `certificate` that is a path is replaced by the file's text; a private key in that file is masked at once. */
async function withCertificateFile(settings: Settings, workspace: string, mask: (secret: string) => void): Promise<SettingsReading> {
  const value = settings.read('certificate').trim()
  if (!isCertificatePath(value)) return { ok: true, settings }
  const origin = settings.origin('certificate')
  const where =
    origin.kind === 'file'
      ? { file: origin.file, line: origin.line, ...(origin.column === undefined ? {} : { column: origin.column }) }
      : {}
  const read = await readInWorkspace(workspace, value)
  if (!read.ok) {
    const message = {
      outside: `'certificate' as a path must name a file inside the repository's workspace; got '${value}'.`,
      missing: `'certificate' names the file ${value}, but there is no such file in the workspace: check out the repository first, or fix the path.`,
      'link-outside': `'certificate' names ${value}, a symbolic link that leads outside the workspace; it is not read.`,
      unreadable: `'certificate' names the file ${value}, which could not be read (${read.code ?? 'unknown error'}).`
    }[read.why]
    return { ok: false, problems: [...settings.problems, { input: 'certificate', message, ...where }] }
  }
  const text = read.text
  if (holdsPrivateKey(text)) for (const secret of maskValuesOf(text)) mask(secret)
  return {
    ok: true,
    settings: { ...settings, read: name => (name === 'certificate' ? text : settings.read(name)) }
  }
}
