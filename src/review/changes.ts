/**
 * What a change to the configuration file does, project by project: each setting the file wrote
 * that changes (old → new, in the file's own names, compared as validated so `S3` and `s3` are the
 * same), and a risk line for each change a reviewer must not miss. A project removed and one added
 * with the same project ID is one project renamed. Pure: plans in, changes out.
 */
import { projectIdOf } from '../platform.js'
import { phrase, value, type Phrase } from '../phrase.js'
import type { Plan, StorageTarget } from '../plan.js'
import { describeTarget } from '../storage.js'
import type { ProjectPlan } from './project-plans.js'

export type ChangeKind = 'added' | 'removed' | 'renamed' | 'changed' | 'unchanged'

export interface SettingChange {
  /** The setting's name in the file. */
  readonly name: string
  /** Its value before, as shown; undefined when it was not set. */
  readonly before?: string
  readonly after?: string
}

export interface ProjectChange {
  readonly name: string
  /** For a project renamed, its name at the base. */
  readonly formerName?: string
  readonly kind: ChangeKind
  /** The settings that change, of those the file wrote at the base or at the head: defaults it never wrote are not counted. */
  readonly settings: readonly SettingChange[]
  readonly risks: readonly Phrase[]
  /** The inputs that must give what the file may not hold (secrets), at the head. */
  readonly needs: readonly string[]
}

/** A certificate that expires sooner than this is a risk line. */
const EXPIRY_RISK_MS = 30 * 86_400_000

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
function whereTo(target: StorageTarget | undefined): Phrase {
  if (target === undefined) return ['nowhere']
  const where = value(describeTarget(target))
  if (target.type === 's3') return target.endpoint === undefined ? [where] : phrase`${where} at ${value(target.endpoint)}`
  return target.domain === undefined ? [where] : phrase`${where} in ${value(target.domain)}`
}

/** "the OpenTok project 46000001" or "the Vonage application …", the ID as a value. */
function projectPhrase(plan: Plan): Phrase {
  const kind = plan.credentials.platform === 'opentok' ? 'the OpenTok project ' : 'the Vonage application '
  return [kind, value(projectIdOf(plan.credentials))]
}

/** The risk lines of going from `before` (undefined for a new project) to `after`, as of `now`. */
export function risksOf(before: Plan | undefined, after: Plan, now: Date): Phrase[] {
  const risks: Phrase[] = []
  const was = before === undefined ? new Map<string, string>() : settingsOf(before)
  const is = settingsOf(after)
  if (before !== undefined && before.credentials.platform !== after.credentials.platform) {
    const signer = after.credentials.platform === 'opentok' ? "'api-secret'" : "'private-key'"
    risks.push([
      'The platform changes: this entry now sets the target of ',
      ...projectPhrase(after),
      ` (signed with ${signer}); the target of `,
      ...projectPhrase(before),
      ' is left as it was.'
    ])
  }
  if (after.fallback === 'none' && was.get('fallback') !== 'none') {
    risks.push(['`fallback` is `none`: an archive whose upload fails is lost, with nothing kept in the vendor cloud.'])
  }
  if (after.certificate.kind === 'off' && was.get('certificate') !== 'none')
    risks.push(['`certificate: none`: archives are no longer encrypted.'])
  if (before?.certificate.kind === 'set' && after.certificate.kind === 'unchanged') {
    risks.push([
      'The certificate is removed from the file: the file no longer sets encryption, so the vendor keeps whatever certificate it has and nothing here puts it back.'
    ])
  }
  if (after.certificate.kind === 'set' && was.get('certificate') !== is.get('certificate')) {
    risks.push(['A new certificate: only the holder of its private key can decrypt archives recorded after the merge.'])
  }
  const expiry = expiryRisk(after, now)
  if (expiry !== undefined) risks.push(expiry)
  if (after.target?.type === 's3' && after.target.sse === 'none' && was.get('sse') !== 'none') {
    risks.push(['`sse` is `none`: the storage does not encrypt archives at rest (SSE-S3); give `sse: s3` unless the service cannot.'])
  }
  if (!after.verify && was.get('verify') !== 'false') {
    risks.push([
      '`verify` is `false`: the storage check is off, so the target is set without a test write, and a wrong key or bucket policy shows only when archives fail to upload.'
    ])
  }
  const places = ['type', 'bucket', 'container', 'account-name', 'endpoint', 'domain']
  if (before !== undefined && places.some(name => was.get(name) !== is.get(name))) {
    risks.push([
      'Archives recorded after the merge go to ',
      ...whereTo(after.target),
      '; earlier ones stay where they are (',
      ...whereTo(before.target),
      ').'
    ])
  }
  const endpoint = after.target?.type === 's3' ? after.target.endpoint : undefined
  if (endpoint?.startsWith('http://') && was.get('endpoint') !== endpoint) {
    risks.push(phrase`\`endpoint\` is plain http:// (${value(endpoint)}): the storage keys and every archive travel unencrypted.`)
  }
  return risks
}

/** The risk of a certificate that expires within 30 days of `now`, whether or not it changes. */
function expiryRisk(plan: Plan, now: Date): Phrase | undefined {
  const certificate = plan.certificate
  if (certificate.kind !== 'set') return undefined
  const left = certificate.validTo.getTime() - now.getTime()
  if (left > EXPIRY_RISK_MS) return undefined
  const days = Math.max(0, Math.floor(left / 86_400_000))
  return [
    `The certificate expires on ${certificate.validTo.toISOString().slice(0, 10)}, in ${days} day${days === 1 ? '' : 's'}: renew it before then, or archives recorded after that date cannot be encrypted with it.`
  ]
}

/** The inputs that must give what the file may not hold. */
function needsOf(plan: Plan): string[] {
  const credential = plan.credentials.platform === 'opentok' ? 'api-secret' : 'private-key'
  const storage = plan.target?.type === 'azure' ? 'account-key' : 'secret-key'
  return [credential, storage]
}

/** The settings of going from `was` to `is` that changed, of those the file wrote on either side. */
function changedSettings(was: ReadonlyMap<string, string>, is: ReadonlyMap<string, string>, written: ReadonlySet<string>): SettingChange[] {
  const names = [...new Set([...is.keys(), ...was.keys()])]
  return names
    .filter(name => written.has(name) && was.get(name) !== is.get(name))
    .map(name => ({ name, ...optional('before', was.get(name)), ...optional('after', is.get(name)) }))
}

/** The project ID a plan sets the target of, compared without regard to case (an application ID is a UUID). */
function idOf(plan: Plan | undefined): string | undefined {
  return plan === undefined ? undefined : projectIdOf(plan.credentials).toLowerCase()
}

/**
 * The entries of the file that name the same project ID, each with the others: one project has one
 * archive upload target, so such entries overwrite each other's.
 */
export function sharedProjectIds(projects: readonly ProjectPlan[]): Map<string, string[]> {
  const byId = new Map<string, string[]>()
  for (const project of projects) {
    const id = idOf(project.plan)
    if (id !== undefined) byId.set(id, [...(byId.get(id) ?? []), project.name])
  }
  return new Map([...byId].filter(([, names]) => names.length > 1))
}

/**
 * Compares the projects at the base (undefined: the file was not there) with those at the head,
 * as of `now`, in the head's order, removed ones last. A project that left the file while one with
 * the same project ID joined it is one project renamed.
 */
export function compareProjects(base: readonly ProjectPlan[] | undefined, head: readonly ProjectPlan[], now: Date): ProjectChange[] {
  const before = new Map((base ?? []).map(project => [project.name, project]))
  const atHead = new Set(head.map(project => project.name))
  const gone = (base ?? []).filter(project => !atHead.has(project.name))
  const renamedFrom = new Map<string, ProjectPlan>()
  for (const project of head) {
    if (before.has(project.name) || idOf(project.plan) === undefined) continue
    const former = gone.find(old => idOf(old.plan) === idOf(project.plan) && ![...renamedFrom.values()].includes(old))
    if (former !== undefined) renamedFrom.set(project.name, former)
  }
  const shared = sharedProjectIds(head)
  const changes: ProjectChange[] = []
  for (const project of head) {
    const plan = project.plan
    if (plan === undefined) continue
    const sharing = sharedRisk(project.name, plan, shared)
    const former = renamedFrom.get(project.name)
    const oldProject = former ?? before.get(project.name)
    const old = oldProject?.plan
    const is = settingsOf(plan)
    if (old === undefined || oldProject === undefined) {
      changes.push({
        name: project.name,
        kind: 'added',
        settings: changedSettings(new Map(), is, project.written),
        risks: [...sharing, ...risksOf(undefined, plan, now)],
        needs: needsOf(plan)
      })
      continue
    }
    const written = new Set([...project.written, ...oldProject.written])
    const settings = changedSettings(settingsOf(old), is, written)
    const kind: ChangeKind = former !== undefined ? 'renamed' : settings.length === 0 ? 'unchanged' : 'changed'
    // An unchanged project still shows what time alone brings: a certificate about to expire.
    const risks = kind === 'unchanged' ? [expiryRisk(plan, now)].filter(risk => risk !== undefined) : risksOf(old, plan, now)
    changes.push({
      name: project.name,
      ...(former === undefined ? {} : { formerName: former.name }),
      kind,
      settings,
      risks: [...sharing, ...risks],
      needs: needsOf(plan)
    })
  }
  const renamed = new Set([...renamedFrom.values()])
  for (const project of gone) {
    if (renamed.has(project)) continue
    const was = project.plan === undefined ? new Map<string, string>() : settingsOf(project.plan)
    const id = idOf(project.plan)
    const stillSetBy = head.find(other => other.plan !== undefined && idOf(other.plan) === id)
    changes.push({
      name: project.name,
      kind: 'removed',
      settings: [...was].filter(([name]) => project.written.has(name)).map(([name, before]) => ({ name, before })),
      risks: [
        stillSetBy === undefined
          ? [
              "Removed from the file: its archive upload target is left as it was (the action never removes one by itself). To remove it, run the action with `operation: delete` and this project's credentials."
            ]
          : phrase`Removed from the file, but ${value(stillSetBy.name, 64)} still sets the target of the same project ID: do not run \`operation: delete\` for it, which would remove that target.`
      ],
      needs: []
    })
  }
  return changes
}

/** The risk line of an entry that shares its project ID with others of the file. */
function sharedRisk(name: string, plan: Plan, shared: ReadonlyMap<string, string[]>): Phrase[] {
  const names = shared.get(idOf(plan) ?? '')
  if (names === undefined) return []
  const others = names.filter(other => other !== name)
  const list: Phrase = others.flatMap((other, index) => [index === 0 ? '' : ', ', value(other, 64)]).filter(part => part !== '')
  return [
    [
      ...list,
      ` also set${others.length === 1 ? 's' : ''} the target of `,
      ...projectPhrase(plan),
      ': one project has one archive upload target, so the deploys and nightly runs of these entries overwrite each other. Keep one entry per project ID.'
    ]
  ]
}

function optional<K extends string>(key: K, given: string | undefined): { [P in K]?: string } {
  return (given === undefined ? {} : { [key]: given }) as { [P in K]?: string }
}
