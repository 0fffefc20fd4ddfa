/** Every secret a plan holds, for redaction of what a message or an answer may quote. */
import { credentialSecrets } from './platform.js'
import type { Plan } from './plan.js'

/** The vendor credential's secret (the private key line by line too) and the storage secret. */
export function secretValuesOf(plan: Plan): string[] {
  const values = credentialSecrets(plan.credentials)
  if (plan.target?.type === 's3') values.push(plan.target.secretKey)
  if (plan.target?.type === 'azure') values.push(plan.target.accountKey)
  return values.filter(value => value !== '')
}
