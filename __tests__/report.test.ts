import { describe, expect, it } from 'vitest'
import { resultOf, setOutputs, summaryRows, type RunReport } from '../src/report.js'
import { s3Plan } from './support/plans.js'

const plan = s3Plan()
const report: RunReport = {
  plan,
  status: 200,
  attempts: 2,
  verified: 'true',
  verification: 'wrote and deleted acme/46000042/.archive-target-check',
  result: 'set'
}

describe('report', () => {
  it('sets the outputs, with the target only when the vendor accepted it or would in a dry run', () => {
    const outputs = (result: Parameters<typeof setOutputs>[1], from: RunReport = report) => {
      const written: Record<string, string> = {}
      setOutputs(from, result, (name, value) => (written[name] = value))
      return written
    }
    expect(outputs('set')).toEqual({ result: 'set', status: '200', attempts: '2', target: 's3://acme', verified: 'true' })
    expect(outputs('unverified').target).toBe('s3://acme')
    expect(outputs('dry-run').target).toBe('s3://acme')
    expect(outputs('failed', { ...report, status: 403 })).toEqual({
      result: 'failed',
      status: '403',
      attempts: '2',
      target: '',
      verified: 'true'
    })
    expect(outputs('deleted').target).toBe('')
  })

  it('says what a run came to in one word', () => {
    expect(resultOf(report, false)).toBe('set')
    expect(resultOf({ ...report, verified: 'skipped' }, false)).toBe('unverified')
    expect(resultOf(report, true)).toBe('failed')
    expect(resultOf({ ...report, plan: s3Plan({ dryRun: true }) }, false)).toBe('dry-run')
    expect(resultOf({ ...report, plan: s3Plan({ dryRun: true }) }, true)).toBe('failed')
    expect(resultOf({ ...report, plan: s3Plan({ operation: 'delete' }) }, false)).toBe('deleted')
  })

  it('summarises what was done without any secret', () => {
    const rows = Object.fromEntries(summaryRows(report))
    expect(rows).toMatchObject({
      Project: 'OpenTok project 46000042',
      Operation: 'set',
      Type: 's3',
      Bucket: 'acme',
      SSE: 's3',
      Fallback: 'none',
      Status: '200',
      Attempts: '2'
    })
    expect(rows['Storage check']).toContain('wrote and deleted')
    const text = JSON.stringify(summaryRows(report))
    expect(text).not.toContain('secret-key-value')
    expect(text).not.toContain('api-secret-value')
  })

  it('says in a dry run that nothing was sent', () => {
    const rows = Object.fromEntries(summaryRows({ plan: { ...plan, dryRun: true }, attempts: 0, verified: 'skipped', result: 'dry run' }))
    expect(rows.Status).toBe('dry run: nothing was sent to the vendor')
  })

  it('shows the certificate by subject, fingerprint and expiry only', () => {
    const validTo = new Date('2027-06-01T00:00:00Z')
    const rows = Object.fromEntries(
      summaryRows({
        ...report,
        plan: {
          ...plan,
          certificate: { kind: 'set', pem: '-----BEGIN CERTIFICATE-----PEMBODY', subject: 'CN=archives', fingerprint256: 'AA:BB', validTo }
        }
      })
    )
    expect(rows.Certificate).toBe('CN=archives; SHA-256 AA:BB; expires 2027-06-01')
  })
})
