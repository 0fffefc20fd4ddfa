/** The repository, workflow and run this step belongs to, for the job summary. */
import type { RunContext } from './report.js'

/**
 * Reads the runner's context through @actions/github. Imported on demand: the package pulls
 * in Octokit, which only the summary needs and which is too heavy to parse at every start.
 */
export async function currentRunContext(): Promise<RunContext> {
  if (!process.env.GITHUB_REPOSITORY) return {}
  const { context } = await import('@actions/github')
  const repository = `${context.repo.owner}/${context.repo.repo}`
  return {
    repository,
    workflow: `${context.workflow} #${context.runNumber}`,
    runUrl: `${context.serverUrl}/${repository}/actions/runs/${context.runId}`
  }
}
