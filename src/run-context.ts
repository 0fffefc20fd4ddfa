/** The repository, workflow and run this step belongs to, for the job summary. */
import { context } from '@actions/github'
import type { RunContext } from './report.js'

/** Reads the runner's context through @actions/github; empty outside a runner. */
export async function currentRunContext(): Promise<RunContext> {
  if (!process.env.GITHUB_REPOSITORY) return {}
  const repository = `${context.repo.owner}/${context.repo.repo}`
  return {
    repository,
    workflow: `${context.workflow} #${context.runNumber}`,
    runUrl: `${context.serverUrl}/${repository}/actions/runs/${context.runId}`
  }
}
