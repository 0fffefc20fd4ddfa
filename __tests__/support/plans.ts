import type { Plan } from '../../src/plan.js'

/** A valid S3 plan of an OpenTok project with every default, for tests of the pure modules; override what a test needs. */
export function s3Plan(overrides: Partial<Plan> = {}): Plan {
  return {
    credentials: { platform: 'opentok', apiKey: '46000042', apiSecret: 'api-secret-value' },
    operation: 'set',
    target: { type: 's3', bucket: 'acme', accessKey: 'AK', secretKey: 'secret-key-value', sse: 's3' },
    fallback: 'none',
    certificate: { kind: 'unchanged' },
    apiUrl: 'https://api.opentok.com',
    dryRun: false,
    failOnError: true,
    verify: true,
    maxAttempts: 3,
    timeoutSeconds: 30,
    withheldSecrets: [],
    ...overrides
  }
}
