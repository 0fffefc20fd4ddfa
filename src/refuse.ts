/**
 * Stops a run whose settings are wrong, before anything is sent: one ::error:: per problem (an
 * annotation on the file's line when it came from the configuration file), the outputs, and a
 * summary table of what is wrong and what each setting accepts.
 */
import * as log from './log.js'
import { setInputErrorOutputs, writeInputErrorSummary, type ReportedProblem, type RunContext } from './report.js'
import type { SettingProblem } from './sources/settings.js'

/** Reports every problem and fails the step; nothing was sent. */
export async function refuse(problems: readonly SettingProblem[], runContext: () => Promise<RunContext>): Promise<void> {
  const reported: ReportedProblem[] = problems.map(problem => {
    const where =
      problem.file === undefined
        ? undefined
        : `${problem.file}${problem.line === undefined ? '' : ` line ${problem.line}`}${problem.column === undefined ? '' : `, column ${problem.column}`}`
    const message = where === undefined ? problem.message : `${where}: ${problem.message}`
    log.error(message, {
      title: problem.file === undefined ? `Invalid input: ${problem.input}` : `Invalid setting: ${problem.input}`,
      ...(problem.file === undefined ? {} : { file: problem.file }),
      ...(problem.line === undefined ? {} : { startLine: problem.line }),
      ...(problem.column === undefined ? {} : { startColumn: problem.column })
    })
    return { input: problem.input, message: problem.message, source: where ?? 'input' }
  })
  setInputErrorOutputs()
  log.fail(
    `${problems.length} problem(s) in the settings (${[...new Set(problems.map(p => `'${p.input}'`))].join(', ')}); nothing was sent.`
  )
  try {
    await writeInputErrorSummary(reported, await runContext())
  } catch (error) {
    log.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }
}
