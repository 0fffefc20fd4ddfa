/**
 * Where each setting's value comes from, one step before validation: the action's inputs, or a
 * project's entry in the configuration file merged with them under one rule, one source per
 * setting. Everything after this reader is the same code whichever source was used; problems
 * carry the source so messages can say "<file> line 7, project 'staging': 'fallback' …".
 */
import { readFile } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import type { InputReader } from '../inputs/index.js'
import { maskValuesOf } from '../inputs/index.js'
import { holdsPrivateKey } from '../pem.js'

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
}

export type SettingsReading =
  { readonly ok: true; readonly settings: Settings } | { readonly ok: false; readonly problems: readonly SettingProblem[] }

const INPUT: Origin = { kind: 'input' }

/**
 * Gathers the settings: plain inputs, or, when 'config-file' or 'project' is given, the
 * project's entry of the file (by default .github/opentok-archive-target.yml) with the inputs
 * for everything the file may not hold (secrets, operation, dry-run, …). A setting given both
 * in the file and as an input is refused. A certificate given as a path is read from the
 * workspace.
 */
export async function readSettings(readInput: InputReader, workspace: string, mask: (secret: string) => void): Promise<SettingsReading> {
  const configFile = readInput('config-file').trim()
  const project = readInput('project').trim()
  if (configFile === '' && project === '') {
    return withCertificateFile({ read: readInput, origin: () => INPUT }, workspace, mask)
  }
  const { DEFAULT_CONFIG_FILE, readConfigFile } = await import('./config-file.js')
  const file = configFile || DEFAULT_CONFIG_FILE
  const named =
    configFile === '' ? `'project' reads ${DEFAULT_CONFIG_FILE} (the file used when 'config-file' is empty)` : `'config-file' names ${file}`
  const reading = await readConfigFile(file, workspace, project, mask, named)
  if (!reading.ok) {
    return {
      ok: false,
      // A problem at a place in the file points there; one about the file as a whole (missing,
      // unknown project) is about the input that named it, and its message names the file.
      problems: reading.problems.map(p => ({
        input: p.setting,
        message: p.message,
        ...(p.line === undefined ? {} : { file, line: p.line }),
        ...(p.column === undefined ? {} : { column: p.column })
      }))
    }
  }
  const { entry } = reading
  const conflicts: SettingProblem[] = []
  for (const [setting, { line }] of entry.values) {
    if (readInput(setting).trim() !== '') {
      conflicts.push({
        input: setting,
        message: `'${setting}' is set both in ${file} (line ${line}, project '${entry.project}') and as the input '${setting}'. Keep one: with a configuration file, the file is the one source of the target settings.`,
        file,
        line
      })
    }
  }
  if (conflicts.length > 0) return { ok: false, problems: conflicts }
  return withCertificateFile(
    {
      read: name => entry.values.get(name)?.value ?? readInput(name),
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
      project: entry.project
    },
    workspace,
    mask
  )
}

/** Whether a `certificate` value names a file: one line with a '.', which neither PEM nor base64 has. */
export function isCertificatePath(value: string): boolean {
  return /^[^\n\\]*\.[^\n\\]*$/.test(value) && !value.includes('-----') && !/\s/.test(value)
}

/**
 * A `certificate` that is a path (one line with a '.', which neither PEM nor base64 has) is
 * replaced by the file's text; a private key in that file is masked at once.
 */
async function withCertificateFile(settings: Settings, workspace: string, mask: (secret: string) => void): Promise<SettingsReading> {
  const value = settings.read('certificate').trim()
  if (!isCertificatePath(value)) return { ok: true, settings }
  const origin = settings.origin('certificate')
  const where = origin.kind === 'file' ? { file: origin.file, line: origin.line } : {}
  const path = resolve(workspace, value)
  if (isAbsolute(value) || relative(workspace, path).startsWith('..')) {
    return {
      ok: false,
      problems: [
        {
          input: 'certificate',
          message: `'certificate' as a path must name a file inside the repository's workspace; got '${value}'.`,
          ...where
        }
      ]
    }
  }
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return {
      ok: false,
      problems: [
        {
          input: 'certificate',
          message: `'certificate' names the file ${value}, which ${code === 'ENOENT' ? 'is not in the workspace: check out the repository first, or fix the path' : `could not be read (${code})`}.`,
          ...where
        }
      ]
    }
  }
  if (holdsPrivateKey(text)) for (const secret of maskValuesOf(text)) mask(secret)
  return {
    ok: true,
    settings: { ...settings, read: name => (name === 'certificate' ? text : settings.read(name)) }
  }
}
