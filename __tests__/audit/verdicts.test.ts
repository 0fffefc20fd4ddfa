/** The verdict on each archive: the target decides, then the status and the archive's age. */
import { describe, expect, it } from 'vitest'
import type { Archive } from '../../src/archive-list.js'
import { describeDuration, endedAt, expectedKey, formatUtc, isUndelivered, judge, type JudgeOptions } from '../../src/audit/verdicts.js'

const HOUR = 3_600_000
const now = Date.parse('2026-11-29T06:00:00Z')
const options: JudgeOptions = { projectId: '46000042', now, uploadGraceMs: 2 * HOUR, objectsChecked: true, target: 's3://acme' }

function archive(overrides: Partial<Archive> = {}): Archive {
  return {
    id: 'a1b2c3d4-0000-4000-8000-000000000001',
    status: 'uploaded',
    createdAt: now - 5 * HOUR,
    duration: 600,
    size: 1000,
    outputMode: 'composed',
    sessionId: 's',
    reason: '',
    ...overrides
  }
}

describe('judge', () => {
  it('counts an archive the target holds as delivered, whatever its status', () => {
    for (const status of ['uploaded', 'available', 'failed', 'stopped', 'expired', 'mystery']) {
      const verdict = judge(archive({ status }), '46000042/a1b2c3d4-0000-4000-8000-000000000001/archive.mp4', options)
      expect(verdict).toEqual({
        kind: 'delivered',
        happened: 'uploaded',
        whereNow: 's3://acme/46000042/a1b2c3d4-0000-4000-8000-000000000001/archive.mp4',
        objectKey: '46000042/a1b2c3d4-0000-4000-8000-000000000001/archive.mp4'
      })
    }
  })

  it.each([
    [
      'uploaded',
      'missing',
      'uploaded, but the target does not hold it: the object was deleted, or the target changed',
      'not in the target'
    ],
    ['started', 'pending', 'still recording (started)', 'with the vendor, recording'],
    ['paused', 'pending', 'still recording (paused)', 'with the vendor, recording'],
    ['failed', 'failed', 'recording failed', 'nowhere: no file was made'],
    ['expired', 'gone', 'never reached the target and expired from the vendor cloud', 'nowhere: lost'],
    ['deleted', 'gone', 'deleted from the vendor cloud without reaching the target', 'nowhere: lost'],
    ['recording?', 'unknown', "status 'recording?' is not one the vendor documents", 'unknown']
  ])('classes %s, not found in the target, as %s', (status, kind, happened, whereNow) => {
    expect(judge(archive({ status }), undefined, options)).toEqual({
      kind,
      happened,
      whereNow,
      objectKey: '46000042/a1b2c3d4-0000-4000-8000-000000000001/archive.mp4'
    })
  })

  it('names the reason of a failed archive', () => {
    expect(judge(archive({ status: 'failed', reason: 'session ended' }), undefined, options).happened).toBe(
      'recording failed (session ended)'
    )
  })

  it('shows when an archive kept by the vendor expires: 72 hours after it stopped', () => {
    const kept = judge(archive({ status: 'available', createdAt: Date.parse('2026-11-29T01:00:00Z'), duration: 1800 }), undefined, options)
    expect(kept.kind).toBe('kept-by-vendor')
    expect(kept.whereNow).toBe('the vendor cloud, until 2026-12-02 01:30 UTC; download it from the dashboard before then')
    const updated = judge(archive({ status: 'available', updatedAt: Date.parse('2026-11-29T02:00:00Z') }), undefined, options)
    expect(updated.whereNow).toContain('until 2026-12-02 02:00 UTC')
  })

  it('keeps a stopped archive pending for the upload grace, then calls it stuck', () => {
    const stoppedAt = (ago: number) => archive({ status: 'stopped', createdAt: now - ago - 600_000, duration: 600 })
    expect(judge(stoppedAt(2 * HOUR - 1), undefined, options).kind).toBe('pending')
    expect(judge(stoppedAt(2 * HOUR), undefined, options)).toMatchObject({ kind: 'stuck', happened: 'stopped 2 h ago and never uploaded' })
    expect(judge(stoppedAt(30 * HOUR), undefined, options).happened).toBe('stopped 1 d 6 h ago and never uploaded')
    expect(judge(stoppedAt(30 * HOUR), undefined, { ...options, uploadGraceMs: 31 * HOUR }).kind).toBe('pending')
  })

  it('says in full what a stopped, a stuck, a kept and an unknown archive are and where each is', () => {
    const stoppedAt = (ago: number) => archive({ status: 'stopped', createdAt: now - ago - 600_000, duration: 600 })
    const key = '46000042/a1b2c3d4-0000-4000-8000-000000000001/archive.mp4'
    expect(judge(stoppedAt(HOUR), undefined, options)).toEqual({
      kind: 'pending',
      happened: 'stopped, upload in progress',
      whereNow: 'with the vendor, uploading',
      objectKey: key
    })
    expect(judge(stoppedAt(3 * HOUR), undefined, options)).toEqual({
      kind: 'stuck',
      happened: 'stopped 3 h ago and never uploaded',
      whereNow: 'with the vendor; not in the target',
      objectKey: key
    })
    expect(judge(archive({ status: 'available', updatedAt: Date.parse('2026-11-29T02:00:00Z') }), undefined, options)).toEqual({
      kind: 'kept-by-vendor',
      happened: 'the upload failed; the vendor kept it (fallback)',
      whereNow: 'the vendor cloud, until 2026-12-02 02:00 UTC; download it from the dashboard before then',
      objectKey: key
    })
    expect(judge(archive({ status: 'x'.repeat(41) }), undefined, options).happened).toBe(
      `status '${'x'.repeat(40)}' is not one the vendor documents`
    )
  })

  it('reads uploaded as delivered when the target was not asked', () => {
    expect(judge(archive(), undefined, { ...options, objectsChecked: false })).toEqual({
      kind: 'delivered',
      happened: 'uploaded (status only: the target was not asked)',
      whereNow: 's3://acme/46000042/a1b2c3d4-0000-4000-8000-000000000001/archive.mp4',
      objectKey: '46000042/a1b2c3d4-0000-4000-8000-000000000001/archive.mp4'
    })
    expect(judge(archive({ status: 'available' }), undefined, { ...options, objectsChecked: false }).kind).toBe('kept-by-vendor')
  })

  it('counts only delivered and pending as not failures', () => {
    expect(
      ['delivered', 'pending', 'missing', 'kept-by-vendor', 'failed', 'stuck', 'gone', 'unknown'].map(k => isUndelivered(k as never))
    ).toEqual([false, false, true, true, true, true, true, true])
  })
})

describe('the words and keys of a verdict', () => {
  it('expects archive.mp4 for composed and archive.zip for individual output', () => {
    expect(expectedKey('p1', { id: 'x', outputMode: 'composed' })).toBe('p1/x/archive.mp4')
    expect(expectedKey('p1', { id: 'x', outputMode: 'individual' })).toBe('p1/x/archive.zip')
  })

  it('takes the end of recording from updatedAt, else from the start plus the duration', () => {
    expect(endedAt({ createdAt: 1000, duration: 2, updatedAt: 9000 })).toBe(9000)
    expect(endedAt({ createdAt: 1000, duration: 2 })).toBe(3000)
  })

  it.each([
    [0, '0 min'],
    [59_999, '0 min'],
    [45 * 60_000, '45 min'],
    [HOUR, '1 h'],
    [3 * HOUR + 20 * 60_000, '3 h 20 min'],
    [24 * HOUR, '1 d'],
    [52 * HOUR + 59 * 60_000, '2 d 4 h'],
    [-5, '0 min']
  ])('describes %d ms as %s', (ms, text) => expect(describeDuration(ms)).toBe(text))

  it('formats times in UTC to the minute', () => {
    expect(formatUtc(new Date('2026-11-29T03:04:59.999Z'))).toBe('2026-11-29 03:04 UTC')
  })
})
