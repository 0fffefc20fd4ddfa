/**
 * The guard of runs with secrets on an event about a pull request: every setting of the
 * configuration file that decides which storage host gets signed requests must be as it is at the
 * pull request's base. Those are 'endpoint' (an S3-compatible service), 'domain' and
 * 'account-name' (an Azure account's host), and, on Amazon S3, 'bucket' (the bucket names the
 * host: bucket.s3.amazonaws.com). A branch that changes one would otherwise receive requests signed
 * with production keys (Azure's SharedKey does not even sign the body). A value given as an input
 * is the workflow author's choice, not the branch's, and is not judged here.
 */
import { makeGitHubClient, repositoryOf } from '../github-client.js'
import type { Plan } from '../plan.js'
import { apiFiles, gitFiles, UnreadableFile } from '../sources/files.js'
import type { Origin, SettingProblem } from '../sources/settings.js'
import { chooseBase } from './base.js'
import { planProjects } from './project-plans.js'

/** The settings that name the storage host a plan sends signed requests to, besides the vendor. */
type HostSetting = 'endpoint' | 'bucket' | 'account-name' | 'domain'

/** What each host setting of `plan` is; a setting that does not decide the host (a bucket behind an endpoint) is absent. */
function hostsOf(plan: Plan | undefined): Partial<Record<HostSetting, string>> {
  const target = plan?.target
  if (target?.type === 's3') return target.endpoint === undefined ? { bucket: target.bucket } : { endpoint: target.endpoint }
  if (target?.type === 'azure')
    return { 'account-name': target.accountName, ...(target.domain === undefined ? {} : { domain: target.domain }) }
  return {}
}

const HOST_SETTINGS: readonly HostSetting[] = ['endpoint', 'bucket', 'account-name', 'domain']

export interface GuardInput {
  readonly plan: Plan
  readonly file: string
  readonly project: string
  readonly origin: (setting: string) => Origin
  readonly workspace: string
  readonly env: NodeJS.ProcessEnv
  readonly token: string
  readonly now: Date
  readonly mask: (secret: string) => void
}

/** Why this run may not go on, or undefined when every host the file names is the base's. */
export async function hostChangedByPullRequest(input: GuardInput): Promise<SettingProblem | undefined> {
  const head = hostsOf(input.plan)
  const fromFile = HOST_SETTINGS.filter(name => head[name] !== undefined && input.origin(name).kind === 'file')
  if (fromFile.length === 0) return undefined
  // The refusal points at the setting's line in the file, where a reviewer sees it.
  const refuse = (setting: string, why: string): SettingProblem => ({
    ...placeOf(input.origin(setting)),
    input: setting,
    message: `A run about a pull request may not send signed requests to a storage host the pull request introduced: ${why} Review the change with 'operation: plan' or a dry run without secrets; the target is set after merge, from reviewed code.`
  })
  const base = chooseBase('', input.env)
  if (base.kind !== 'revision')
    return refuse(
      fromFile[0] ?? 'endpoint',
      `the base of this pull request could not be told, so '${fromFile[0]}' cannot be compared with it.`
    )
  let basePlan: Plan | undefined
  try {
    const local = await gitFiles(input.workspace, base.revision)
    const repository = repositoryOf(input.env)
    const files =
      local ??
      (input.token !== '' && repository !== undefined
        ? apiFiles(await makeGitHubClient(input.token, input.env), repository, base.revision)
        : undefined)
    if (files === undefined) {
      return refuse(
        fromFile[0] ?? 'endpoint',
        `the file at the base commit ${base.revision.slice(0, 7)} could not be read (not in the checkout, and no 'github-token').`
      )
    }
    const plans = await planProjects(input.file, files, input.now, input.mask)
    basePlan = plans?.projects.find(project => project.name === input.project)?.plan
  } catch (error) {
    return refuse(
      fromFile[0] ?? 'endpoint',
      `the file at the base could not be read (${error instanceof UnreadableFile ? error.message : String(error)}).`
    )
  }
  const was = hostsOf(basePlan)
  for (const name of fromFile) {
    if (was[name] !== head[name]) {
      return refuse(
        name,
        `'${name}' of project '${input.project}' in ${input.file} is ${head[name]} here but ${was[name] ?? 'not set'} at the base (${base.revision.slice(0, 7)}).`
      )
    }
  }
  return undefined
}

function placeOf(origin: Origin): { file?: string; line?: number; column?: number } {
  if (origin.kind !== 'file') return {}
  return { file: origin.file, line: origin.line, ...(origin.column === undefined ? {} : { column: origin.column }) }
}
