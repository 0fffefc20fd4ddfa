/** Turns a plan into the vendor request: method, URL and JSON body, as the archive storage API reads them. */
import type { OutgoingRequest } from './http.js'
import { projectIdOf } from './platform.js'
import type { Plan, StorageTarget } from './plan.js'

/**
 * `PUT|DELETE {api-url}/v2/project/{API key or application ID}/archive/storage`, with the body for
 * a PUT. The body holds the storage secret: never print it as it is.
 */
export function buildRequest(plan: Plan): OutgoingRequest & { readonly body?: string } {
  // Both IDs are validated to letters, digits and '-', so they are safe in the path as they are.
  const url = `${plan.apiUrl}/v2/project/${projectIdOf(plan.credentials)}/archive/storage`
  if (plan.operation === 'delete') return { method: 'DELETE', url }
  if (plan.target === undefined) throw new Error('a set operation needs a storage target')
  return { method: 'PUT', url, body: JSON.stringify(buildBody(plan, plan.target)) }
}

/** The PUT body: type, config, fallback, and certificate when it is to change. */
export function buildBody(plan: Plan, target: StorageTarget): Record<string, unknown> {
  const config =
    target.type === 's3'
      ? {
          bucket: target.bucket,
          accessKey: target.accessKey,
          secretKey: target.secretKey,
          ...(target.endpoint === undefined ? {} : { endpoint: target.endpoint }),
          sse: target.sse
        }
      : {
          accountName: target.accountName,
          accountKey: target.accountKey,
          container: target.container,
          ...(target.domain === undefined ? {} : { domain: target.domain })
        }
  const body: Record<string, unknown> = { type: target.type, config, fallback: plan.fallback }
  if (plan.certificate.kind === 'off') body.certificate = null
  if (plan.certificate.kind === 'set') body.certificate = Buffer.from(plan.certificate.pem, 'utf8').toString('base64')
  return body
}

/** A description of the target that names no secret: `s3://bucket` or `azure://account/container`. */
export function describeTarget(target: StorageTarget | undefined): string {
  if (target === undefined) return ''
  return target.type === 's3' ? `s3://${target.bucket}` : `azure://${target.accountName}/${target.container}`
}

/**
 * The PUT body as a dry run shows it: built from the plan with every secret left out by
 * construction ('***'), and the certificate named rather than pasted.
 */
export function shownBody(plan: Plan): string | undefined {
  const target = plan.target
  if (plan.operation === 'delete' || target === undefined) return undefined
  const hidden = target.type === 's3' ? { ...target, secretKey: '***' } : { ...target, accountKey: '***' }
  const body = buildBody(plan, hidden)
  if (plan.certificate.kind === 'set') body.certificate = `(base64 of the certificate ${plan.certificate.subject})`
  return JSON.stringify(body)
}
