/**
 * The configuration file: one reviewed YAML file with the desired archive target of every
 * project, read by deploy, nightly enforcement and pull-request checks alike. This module only
 * reads the chosen project's entry into `setting → value` with the line it came from; what the
 * values mean is judged by the same rules as the inputs (inputs/). `yaml` is imported only here,
 * and only when a configuration file is used, so plain-input runs never load it.
 */
import type { Node as YamlNode, Pair, Scalar } from 'yaml'
import { maskValuesOf } from '../inputs/index.js'
import { holdsPrivateKey } from '../pem.js'
import { DEFAULT_CONFIG_FILE, readInWorkspace } from './files.js'

/** The settings a project entry may hold: every target setting of the action, and no secret. */
export const FILE_SETTINGS = [
  'api-key',
  'application-id',
  'type',
  'bucket',
  'access-key',
  'endpoint',
  'sse',
  'account-name',
  'container',
  'domain',
  'fallback',
  'certificate',
  'verify',
  'max-attempts',
  'timeout-seconds'
] as const

/** Settings YAML may write as a number or a boolean; every other setting is text. */
const INTEGER_SETTINGS = new Set(['api-key', 'max-attempts', 'timeout-seconds'])
const BOOLEAN_SETTINGS = new Set(['verify'])
/**
 * Every spelling of a secret setting, by its letters alone (case, '-', '_' and spaces dropped),
 * and the input that takes it: `secretKey`, `secret_key`, `SecretKey` and `SECRET-KEY` are all
 * 'secret-key'. They are refused and masked wherever they stand in the file.
 */
const SECRET_SETTINGS: Readonly<Record<string, string>> = {
  apisecret: 'api-secret',
  privatekey: 'private-key',
  secretkey: 'secret-key',
  secretaccesskey: 'secret-key',
  awssecretaccesskey: 'secret-key',
  accountkey: 'account-key',
  storagekey: 'account-key',
  githubtoken: 'github-token'
}

/** The input a secret setting belongs to, whatever its spelling; undefined for any other setting. */
export function secretInputOf(setting: string): string | undefined {
  return SECRET_SETTINGS[setting.toLowerCase().replace(/[-_\s]/g, '')]
}

const PROJECT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

export interface FileValue {
  readonly value: string
  readonly line: number
  /** The column of the setting's key, for annotations. */
  readonly column?: number
}

/** One project's entry: its settings as text, with the line of each. */
export interface ConfigEntry {
  readonly file: string
  readonly project: string
  readonly values: ReadonlyMap<string, FileValue>
}

/** A problem with the file itself or with one of its settings, with where it is. */
export interface FileProblem {
  /** The setting at fault, or 'config-file' / 'project'. */
  readonly setting: string
  readonly message: string
  readonly line?: number
  readonly column?: number
  /** A secret written into the file: refused in every project, chosen or not. */
  readonly secret?: boolean
}

/**
 * The chosen project's entry, with the problems of the file (the entry holds the settings that
 * could be read, so their values are judged too and every problem is reported at once); or why
 * there is no entry at all.
 */
export type ConfigReading =
  | { readonly ok: true; readonly entry: ConfigEntry; readonly problems: readonly FileProblem[]; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly problems: readonly FileProblem[] }

/**
 * Reads `file` (relative to `workspace`) and returns the entry of `project`. `named` says how the
 * file was chosen, for messages: by 'config-file', or as the default when only 'project' was given.
 */
export async function readConfigFile(
  file: string,
  workspace: string,
  project: string,
  mask: (secret: string) => void,
  named = `'config-file' names ${file}`
): Promise<ConfigReading> {
  const read = await readInWorkspace(workspace, file)
  if (!read.ok) {
    const why = {
      outside: `'config-file' must be a path inside the repository's workspace, such as ${DEFAULT_CONFIG_FILE}; got '${file.slice(0, 80)}'.`,
      missing: `${named}, which is not in the workspace (${workspace}). Check out the repository first (actions/checkout), or fix the path.`,
      'link-outside': `'config-file' ${file} is a symbolic link that leads outside the workspace; it is not read.`,
      unreadable: `'config-file' ${file} could not be read: ${read.code ?? 'unknown error'}.`
    }[read.why]
    return fail('config-file', why)
  }
  return parseConfig(read.text, file, project, mask)
}

/** One project of the file: its name, the line of its key, and its entry or what is wrong with it. */
export interface ProjectReading {
  readonly name: string
  readonly line?: number
  /** Set when the entry is a mapping: the settings that could be read (problems name the others). */
  readonly entry?: ConfigEntry
  readonly problems: readonly FileProblem[]
}

/** The whole file: problems with the file itself, and every project in the file's order. */
export interface ProjectsDocument {
  readonly problems: readonly FileProblem[]
  readonly projects: readonly ProjectReading[]
}

/**
 * Parses the file's text and returns the entry of `project`. Every secret-looking value in the
 * whole file is masked first, before anything about the file can be printed.
 */
export async function parseConfig(text: string, file: string, project: string, mask: (secret: string) => void): Promise<ConfigReading> {
  const document = await parseProjects(text, file, mask)
  const names = document.projects.map(p => p.name)
  if (document.projects.length === 0) return { ok: false, problems: document.problems }
  let chosen = project
  if (chosen === '') {
    if (names.length !== 1) {
      return fail(
        'project',
        `'project' is required: ${file} has ${names.length} projects (${names.map(n => `'${n}'`).join(', ')}); name the one to apply.`
      )
    }
    chosen = names[0] ?? ''
  }
  const reading = document.projects.find(p => p.name === chosen)
  if (reading === undefined) {
    return fail('project', `'project' '${chosen}' is not in ${file}; it has ${names.map(n => `'${n}'`).join(', ')}.`)
  }
  // A committed secret is compromised whichever project it sits in: refused even in one not chosen.
  const secretsElsewhere = document.projects.filter(p => p.name !== chosen).flatMap(p => p.problems.filter(problem => problem.secret))
  const problems = [...document.problems, ...reading.problems, ...secretsElsewhere]
  if (reading.entry === undefined) return { ok: false, problems }
  return { ok: true, entry: reading.entry, problems, warnings: sharedIdWarnings(document, reading.entry, file) }
}

/** The ID an entry sets the target of, as written (api-key or application-id), compared without regard to case. */
function projectIdIn(entry: ConfigEntry | undefined): string | undefined {
  const id = entry?.values.get('api-key') ?? entry?.values.get('application-id')
  return id === undefined ? undefined : id.value.trim().toLowerCase()
}

/**
 * Other entries of the file that set the target of the same project: one project has one archive
 * upload target, so the runs of such entries overwrite each other's. Said in every run of the file.
 */
function sharedIdWarnings(document: ProjectsDocument, chosen: ConfigEntry, file: string): string[] {
  const id = projectIdIn(chosen)
  if (id === undefined || id === '') return []
  const others = document.projects.filter(p => p.name !== chosen.project && projectIdIn(p.entry) === id).map(p => `'${p.name}'`)
  if (others.length === 0) return []
  return [
    `project '${chosen.project}' of ${file} sets the target of the project ${id}, and so does ${others.join(', ')}: one project has one archive upload target, so their deploys and nightly runs overwrite each other. Keep one entry per project ID.`
  ]
}

/**
 * Parses the file's text into every project's entry, masking every secret-looking value in the
 * whole file first. A document with no projects carries the reason in `problems`.
 */
export async function parseProjects(text: string, file: string, mask: (secret: string) => void): Promise<ProjectsDocument> {
  const yaml = await import('yaml')
  const lineCounter = new yaml.LineCounter()
  const doc = yaml.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true })
  maskSecretsIn(doc.contents, yaml, mask)

  const at = (node: YamlNode | null | undefined): { line?: number; column?: number } => {
    const offset = node?.range?.[0]
    if (offset === undefined) return {}
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  const none = (problems: FileProblem[]): ProjectsDocument => ({ problems, projects: [] })
  const syntax = doc.errors[0]
  if (syntax !== undefined) {
    const { line, col } = lineCounter.linePos(syntax.pos[0])
    return none([{ setting: 'config-file', message: `not valid YAML: ${firstLine(syntax.message)}`, line, column: col }])
  }
  const root = doc.contents
  if (!yaml.isMap(root)) {
    return none([{ setting: 'config-file', message: `the file must be a mapping with one key, 'projects'.`, ...lineOf(at(root)) }])
  }
  const problems: FileProblem[] = []
  for (const pair of root.items) {
    const key = keyOf(pair, yaml)
    if (key !== 'projects')
      problems.push({
        setting: 'config-file',
        message: `unknown top-level key '${key}'; the only one is 'projects'.`,
        ...at(pair.key as YamlNode)
      })
  }
  const projects = root.get('projects', true)
  if (!yaml.isMap(projects) || projects.items.length === 0) {
    return none([
      ...problems,
      { setting: 'config-file', message: `the file must have 'projects:', a mapping of project names to their settings.`, ...at(root) }
    ])
  }
  const readings = projects.items.map((pair): ProjectReading => {
    const name = keyOf(pair, yaml)
    const where = at(pair.key as YamlNode)
    const own: FileProblem[] = []
    if (!PROJECT_NAME.test(name)) {
      // A name the examples' matrices and the summary could not carry is a problem of the file.
      problems.push({
        setting: 'project',
        message: `project name '${name}' must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.`,
        ...where
      })
    }
    const entry = pair.value as YamlNode | null
    if (!yaml.isMap(entry)) {
      own.push({ setting: 'project', message: `project '${name}' must be a mapping of settings.`, ...where })
      return { name, ...lineOf(where), problems: own }
    }
    const values = new Map<string, FileValue>()
    for (const item of entry.items) {
      const setting = keyOf(item, yaml)
      const place = at(item.key as YamlNode)
      const value = item.value as YamlNode | null
      const secretInput = secretInputOf(setting)
      if (secretInput !== undefined) {
        own.push({
          setting: secretInput,
          message: `project '${name}' holds the secret '${setting}' (its value is masked and not shown). Secrets never go in the file: remove it from the file, rotate it, since it has been committed, and pass the new one as the input '${secretInput}' from a GitHub secret.`,
          secret: true,
          ...place
        })
        continue
      }
      if (!(FILE_SETTINGS as readonly string[]).includes(setting)) {
        own.push({
          setting,
          message: `project '${name}' has an unknown setting '${setting}'; allowed: ${FILE_SETTINGS.join(', ')}.`,
          ...place
        })
        continue
      }
      const text = scalarText(setting, value, yaml)
      if (typeof text === 'object') own.push({ setting, message: `project '${name}': '${setting}' ${text.problem}`, ...place })
      else values.set(setting, { value: text, line: place.line ?? 0, ...(place.column === undefined ? {} : { column: place.column }) })
    }
    return { name, ...lineOf(where), entry: { file, project: name, values }, problems: own }
  })
  return { problems, projects: readings }
}

function lineOf(where: { line?: number }): { line?: number } {
  return where.line === undefined ? {} : { line: where.line }
}

type Yaml = typeof import('yaml')

/** The setting as text, exactly as written; or why it cannot be one. */
function scalarText(setting: string, node: YamlNode | null, yaml: Yaml): string | { problem: string } {
  if (!yaml.isScalar(node)) return { problem: 'must be a single value, not a list or a mapping.' }
  const scalar = node as Scalar
  const value: unknown = scalar.value
  if (value === null || (typeof value === 'string' && value.trim() === '')) {
    return { problem: 'is empty; give a value, or remove the line to use the default.' }
  }
  if (typeof value === 'string') return value
  if (typeof value === 'number' && INTEGER_SETTINGS.has(setting) && Number.isSafeInteger(value) && value >= 0) {
    const source = scalar.source ?? ''
    return /^\d+$/.test(source) ? source : String(value)
  }
  if (typeof value === 'boolean' && BOOLEAN_SETTINGS.has(setting)) return String(value)
  return { problem: `is read by YAML as a ${typeof value}; quote it ("${scalar.source ?? String(value)}") to give it as text.` }
}

function keyOf(pair: Pair, yaml: Yaml): string {
  return yaml.isScalar(pair.key) ? String((pair.key as Scalar).value) : String(pair.key)
}

/**
 * Masks, anywhere in the document, the value of every secret-named key and every value that holds
 * a private key, so that no message about the file can print one.
 */
function maskSecretsIn(node: unknown, yaml: Yaml, mask: (secret: string) => void, secretKey = false): void {
  if (yaml.isMap(node) || yaml.isSeq(node)) {
    for (const item of (node as { items: unknown[] }).items) {
      if (yaml.isPair(item)) {
        const key = yaml.isScalar(item.key) ? String((item.key as Scalar).value) : ''
        maskSecretsIn(item.value, yaml, mask, secretInputOf(key) !== undefined)
      } else {
        maskSecretsIn(item, yaml, mask, secretKey)
      }
    }
    return
  }
  if (yaml.isScalar(node)) {
    const text = String((node as Scalar).value ?? '')
    if (text !== '' && (secretKey || holdsPrivateKey(text))) for (const secret of maskValuesOf(text)) mask(secret)
  }
}

/** A reading refused for one reason that has no place in the file (the file itself, or the 'project' input). */
function fail(setting: string, message: string): ConfigReading {
  return { ok: false, problems: [{ setting, message }] }
}

/** The first line of a YAML error; with prettyErrors off it carries no position (the problem has it). */
function firstLine(message: string): string {
  return message.split('\n')[0] ?? ''
}
