/**
 * Every project of the configuration file at one revision, read and validated by the same code
 * that `set` uses (sources/config-file.ts, inputs/), as a dry run without secrets: what the file
 * alone says. A certificate named by path is read from the same revision.
 */
import { readPlan } from '../inputs/index.js'
import { maskValuesOf } from '../inputs/secrets.js'
import { holdsPrivateKey } from '../pem.js'
import type { Plan } from '../plan.js'
import type { RepositoryFiles } from '../sources/files.js'
import { isCertificatePath, type SettingProblem } from '../sources/settings.js'

/** One project as the file at a revision declares it: its validated plan, or its problems. */
export interface ProjectPlan {
  readonly name: string
  readonly plan?: Plan
  /** The settings the file itself wrote for the project (the plan fills in defaults for the rest). */
  readonly written: ReadonlySet<string>
  readonly problems: readonly SettingProblem[]
}

export interface FilePlans {
  /** Problems with the file as a whole (YAML, top-level keys, project names), located in it. */
  readonly problems: readonly SettingProblem[]
  readonly projects: readonly ProjectPlan[]
}

/** Reads and validates every project of `file` at `files`; undefined when the file is not there. */
export async function planProjects(
  file: string,
  files: RepositoryFiles,
  now: Date,
  mask: (secret: string) => void
): Promise<FilePlans | undefined> {
  const text = await files.read(file)
  if (text === undefined) return undefined
  // Loaded as set's settings load it, so the bundle keeps one chunk of the file reader for every operation.
  const { parseProjects } = await import('../sources/config-file.js')
  const document = await parseProjects(text, file, mask)
  const located = (problem: { setting: string; message: string; line?: number; column?: number }): SettingProblem => ({
    input: problem.setting,
    message: problem.message,
    file,
    ...(problem.line === undefined ? {} : { line: problem.line }),
    ...(problem.column === undefined ? {} : { column: problem.column })
  })
  const projects: ProjectPlan[] = []
  for (const project of document.projects) {
    if (project.entry === undefined) {
      projects.push({ name: project.name, written: new Set(), problems: project.problems.map(located) })
      continue
    }
    const values = project.entry.values
    const written = new Set(values.keys())
    const placeOf = (setting: string): { line?: number; column?: number } => {
      const value = values.get(setting)
      if (value === undefined) return {}
      return { line: value.line, ...(value.column === undefined ? {} : { column: value.column }) }
    }
    let certificate = values.get('certificate')?.value
    if (certificate !== undefined && isCertificatePath(certificate.trim())) {
      const path = certificate.trim()
      const read = await files.read(path)
      if (read === undefined) {
        projects.push({
          name: project.name,
          written,
          problems: [
            {
              input: 'certificate',
              message: `project '${project.name}': 'certificate' names the file ${path}, which is not in ${files.where}.`,
              file,
              ...placeOf('certificate')
            }
          ]
        })
        continue
      }
      if (holdsPrivateKey(read)) for (const secret of maskValuesOf(read)) mask(secret)
      certificate = read
    }
    // The file alone: a dry run, so the secrets it may not hold are listed as what inputs must give.
    const reader = (name: string): string => {
      if (name === 'certificate') return certificate ?? ''
      if (name === 'dry-run') return 'true'
      return values.get(name)?.value ?? ''
    }
    const result = readPlan(reader, now)
    // What the file itself got wrong first, then what validation finds in the values it could read, each setting once.
    const own = project.problems.map(located)
    const named = new Set(own.map(problem => problem.input))
    const found = result.ok
      ? []
      : result.problems
          .filter(problem => !named.has(problem.input))
          .map(problem => ({
            input: problem.input,
            message: `project '${project.name}': ${problem.message}`,
            file,
            ...placeOf(problem.input)
          }))
    if (result.ok && own.length === 0)
      projects.push({ name: project.name, plan: { ...result.plan, project: project.name }, written, problems: [] })
    else projects.push({ name: project.name, written, problems: [...own, ...found] })
  }
  return { problems: document.problems.map(located), projects }
}
