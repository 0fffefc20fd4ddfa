/**
 * What a change to the configuration file does, project by project: each setting that changes
 * (old → new, in the file's own names, compared as validated so `S3` and `s3` are the same), and
 * a risk line for each change a reviewer must not miss. Pure: plans in, changes out.
 */
import type { Plan, StorageTarget } from '../plan.js'
import { describeTarget } from '../storage.js'
import type { ProjectPlan } from './project-plans.js'

export type ChangeKind = 'added' | 'removed' | 'changed' | 'unchanged'

export interface SettingChange {
  /** The setting's name in the file. */
  readonly name: string
  /** Its value before, as shown; undefined when it was not set. */
  readonly before?: string
  readonly after?: string
}

export interface ProjectChange {
  readonly name: string
  readonly kind: ChangeKind
  readonly settings: readonly SettingChange[]
  readonly risks: readonly string[]
  /** The inputs that must give what the file may not hold (secrets), at the head. */
  readonly needs: readonly string[]
}

/** The settings a plan shows, in the file's names and order, each as text; a setting not given is absent. */
export function settingsOf(plan: Plan): Map<string, string> {
  const shown = new Map<string, string>()
  const credentials = plan.credentials
  if (credentials.platform === 'opentok') shown.set('api-key', credentials.apiKey)
  else shown.set('application-id', credentials.applicationId)
  const target = plan.target
  if (target !== undefined) {
    shown.set('type', target.type)
    if (target.type === 's3') {
      shown.set('bucket', target.bucket)
      shown.set('access-key', target.accessKey)
      if (target.endpoint !== undefined) shown.set('endpoint', target.endpoint)
      shown.set('sse', target.sse)
    } else {
      shown.set('account-name', target.accountName)
      shown.set('container', target.container)
      if (target.domain !== undefined) shown.set('domain', target.domain)
    }
  }
  shown.set('fallback', plan.fallback)
  const certificate = plan.certificate
  if (certificate.kind === 'off') shown.set('certificate', 'none')
  if (certificate.kind === 'set') {
    shown.set(
      'certificate',
      `${certificate.subject}; SHA-256 ${certificate.fingerprint256}; expires ${certificate.validTo.toISOString().slice(0, 10)}`
    )
  }
  shown.set('verify', String(plan.verify))
  shown.set('max-attempts', String(plan.maxAttempts))
  shown.set('timeout-seconds', String(plan.timeoutSeconds))
  return shown
}

/** Where a target sends archives, as one phrase. */
function whereTo(target: StorageTarget | undefined): string {
  if (target === undefined) return 'nowhere'
  const extra =
    target.type === 's3'
      ? target.endpoint === undefined
        ? ''
        : ` at ${target.endpoint}`
      : target.domain === undefined
        ? ''
        : ` in ${target.domain}`
  return `${describeTarget(target)}${extra}`
}

/** The risk lines of going from `before` (undefined for a new project) to `after`. */
export function risksOf(before: Plan | undefined, after: Plan): string[] {
  const risks: string[] = []
  const was = before === undefined ? new Map<string, string>() : settingsOf(before)
  const now = settingsOf(after)
  if (before !== undefined && before.credentials.platform !== after.credentials.platform) {
    const from =
      before.credentials.platform === 'opentok'
        ? `the OpenTok project ${was.get('api-key')}`
        : `the Vonage application ${was.get('application-id')}`
    const to =
      after.credentials.platform === 'opentok'
        ? `the OpenTok project ${now.get('api-key')}`
        : `the Vonage application ${now.get('application-id')}`
    risks.push(
      `The platform changes: this entry now sets the target of ${to} (signed with ${after.credentials.platform === 'opentok' ? "'api-secret'" : "'private-key'"}); the target of ${from} is left as it was.`
    )
  }
  if (after.fallback === 'none' && was.get('fallback') !== 'none') {
    risks.push('`fallback` is `none`: an archive whose upload fails is lost, with nothing kept in the vendor cloud.')
  }
  if (after.certificate.kind === 'off' && was.get('certificate') !== 'none')
    risks.push('`certificate: none`: archives are no longer encrypted.')
  if (before?.certificate.kind === 'set' && after.certificate.kind === 'unchanged') {
    risks.push(
      'The certificate is removed from the file: the file no longer sets encryption, so the vendor keeps whatever certificate it has and nothing here puts it back.'
    )
  }
  if (after.certificate.kind === 'set' && was.get('certificate') !== now.get('certificate')) {
    risks.push('A new certificate: only the holder of its private key can decrypt archives recorded after the merge.')
  }
  const places = ['type', 'bucket', 'container', 'account-name', 'endpoint', 'domain']
  if (before !== undefined && places.some(name => was.get(name) !== now.get(name))) {
    risks.push(
      `Archives recorded after the merge go to ${whereTo(after.target)}; earlier ones stay where they are (${whereTo(before.target)}).`
    )
  }
  const endpoint = after.target?.type === 's3' ? after.target.endpoint : undefined
  if (endpoint?.startsWith('http://') && was.get('endpoint') !== endpoint) {
    risks.push(`\`endpoint\` is plain http:// (${endpoint}): the storage keys and every archive travel unencrypted.`)
  }
  return risks
}

/** The inputs that must give what the file may not hold. */
function needsOf(plan: Plan): string[] {
  const credential = plan.credentials.platform === 'opentok' ? 'api-secret' : 'private-key'
  const storage = plan.target?.type === 'azure' ? 'account-key' : 'secret-key'
  return [credential, storage]
}

/** Compares the projects at the base (undefined: the file was not there) with those at the head, in the head's order, removed ones last. */
export function compareProjects(base: readonly ProjectPlan[] | undefined, head: readonly ProjectPlan[]): ProjectChange[] {
  const before = new Map((base ?? []).map(project => [project.name, project]))
  const changes: ProjectChange[] = []
  for (const project of head) {
    const plan = project.plan
    if (plan === undefined) continue
    const old = before.get(project.name)?.plan
    const now = settingsOf(plan)
    if (old === undefined) {
      changes.push({
        name: project.name,
        kind: 'added',
        settings: [...now].map(([name, after]) => ({ name, after })),
        risks: risksOf(undefined, plan),
        needs: needsOf(plan)
      })
      continue
    }
    const was = settingsOf(old)
    const names = [...new Set([...now.keys(), ...was.keys()])]
    const settings = names
      .filter(name => was.get(name) !== now.get(name))
      .map(name => ({ name, ...optional('before', was.get(name)), ...optional('after', now.get(name)) }))
    changes.push({
      name: project.name,
      kind: settings.length === 0 ? 'unchanged' : 'changed',
      settings,
      risks: settings.length === 0 ? [] : risksOf(old, plan),
      needs: needsOf(plan)
    })
  }
  const atHead = new Set(head.map(project => project.name))
  for (const project of base ?? []) {
    if (atHead.has(project.name)) continue
    const was = project.plan === undefined ? new Map<string, string>() : settingsOf(project.plan)
    changes.push({
      name: project.name,
      kind: 'removed',
      settings: [...was].map(([name, before]) => ({ name, before })),
      risks: [
        `Removed from the file: its archive upload target is left as it was (the action never removes one by itself). To remove it, run the action with \`operation: delete\` and this project's credentials.`
      ],
      needs: []
    })
  }
  return changes
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string }
}
