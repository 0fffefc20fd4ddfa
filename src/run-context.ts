/** The repository, workflow and run this step belongs to, for the job summary. */
import { context } from '@actions/github'
import type { RunContext } from './report.js'

/** Reads the runner's context through @actions/github; empty outside a runner. */
export async function currentRunContext(): Promise<RunContext> {
  if (!process.env.GITHUB_REPOSITORY) return {}
  const repository = `${context.repo.owner}/${context.repo.repo}`
  // Local runs (local-action, a laptop) may have no run number or ID: leave them out rather than show NaN.
  const number = Number.isInteger(context.runNumber) ? ` #${context.runNumber}` : ''
  return {
    repository,
    workflow: `${context.workflow || 'workflow'}${number}`,
    ...(Number.isInteger(context.runId) ? { runUrl: `${context.serverUrl}/${repository}/actions/runs/${context.runId}` } : {})
  }
}
