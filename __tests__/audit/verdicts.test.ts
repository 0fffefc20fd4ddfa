/**
 * The verdict on each archive: the target decides, then the status and the archive's age; what
 * happened and where it is now as phrases, with what came from outside (a reason, an unknown
 * status, a key) kept apart as values; the rescued verdict; which classes count as not delivered;
 * and the words of durations and times.
 */
import { describe, expect, it } from 'vitest'
import type { Archive } from '../../src/archive-list.js'
import {
  CLASS_NAMES,
  describeDuration,
  expectedKey,
  formatUtc,
  isUndelivered,
  judge,
  rescuedVerdict,
  type ArchiveClass,
  type Found,
  type JudgeOptions
} from '../../src/audit/verdicts.js'
import { phraseMarkdown, phraseText } from '../../src/phrase.js'

const HOUR = 3_600_000
const now = Date.parse('2026-11-29T06:00:00Z')
const options: JudgeOptions = { projectId: '46000042', now, uploadGraceMs: 2 * HOUR, objectsChecked: true, target: 's3://acme' }
const key = '46000042/a1b2c3d4-0000-4000-8000-000000000001/archive.mp4'
const notFound: Found = { looked: true }
const notLooked: Found = { looked: false }

function archive(overrides: Partial<Archive> = {}): Archive {
  return {
    id: 'a1b2c3d4-0000-4000-8000-000000000001',
    status: 'uploaded',
    createdAt: now - 5 * HOUR,
    duration: 600,
    size: 1000,
    outputMode: 'composed',
    name: 'weekly stand-up',
    sessionId: 's',
    reason: '',
    ...overrides
  }
}

describe('judge', () => {
  it('counts an archive the target holds as delivered, whatever its status, and names the key found', () => {
    const found = '46000042/a1b2c3d4-0000-4000-8000-000000000001/archive_1.mp4'
    for (const status of ['uploaded', 'available', 'failed', 'stopped', 'started', 'expired', 'mystery']) {
      expect(judge(archive({ status }), { looked: true, key: found }, options)).toEqual({
        kind: 'delivered',
        happened: ['uploaded'],
        whereNow: [{ value: 's3://acme/46000042/a1b2c3d4-0000-4000-8000-000000000001/archive_1.mp4', max: 300 }],
        objectKey: found
      })
    }
    expect(judge(archive(), { looked: true, key: found }, { ...options, objectsChecked: false }).happened).toEqual(['uploaded'])
  })

  it.each([
    [
      'uploaded',
      'missing',
      ['uploaded, but the target does not hold it: the object was deleted, or the target changed'],
      ['not in the target']
    ],
    ['started', 'pending', ['still recording (started)'], ['with the vendor, recording']],
    ['paused', 'pending', ['still recording (paused)'], ['with the vendor, recording']],
    ['failed', 'failed', ['recording failed'], ['nowhere: no file was made']],
    ['expired', 'gone', ['never reached the target and expired from the vendor cloud'], ['nowhere: lost']],
    ['deleted', 'gone', ['deleted from the vendor cloud without reaching the target'], ['nowhere: lost']]
  ])('classes %s, looked for and not found, as %s', (status, kind, happened, whereNow) => {
    expect(judge(archive({ status }), notFound, options)).toEqual({ kind, happened, whereNow, objectKey: key })
  })

  it('classes an uploaded archive the target could not be asked about as unchecked, not missing', () => {
    expect(judge(archive(), notLooked, options)).toEqual({
      kind: 'unchecked',
      happened: ['uploaded, but the audit could not look for it'],
      whereNow: ['not known: the target was not read'],
      objectKey: key
    })
    expect(judge(archive({ status: 'available' }), notLooked, options).kind).toBe('kept-by-vendor')
    expect(judge(archive({ status: 'failed' }), notLooked, options).kind).toBe('failed')
  })

  it('reads uploaded as delivered when the target was not to be asked, looked for or not', () => {
    const statusOnly = {
      kind: 'delivered',
      happened: ['uploaded (status only: the target was not asked)'],
      whereNow: [{ value: `s3://acme/${key}`, max: 300 }],
      objectKey: key
    }
    expect(judge(archive(), notLooked, { ...options, objectsChecked: false })).toEqual(statusOnly)
    expect(judge(archive(), notFound, { ...options, objectsChecked: false })).toEqual(statusOnly)
    expect(judge(archive({ status: 'available' }), notLooked, { ...options, objectsChecked: false }).kind).toBe('kept-by-vendor')
  })

  it('expects archive.zip for an archive of individual streams', () => {
    const individual = archive({ outputMode: 'individual' })
    expect(judge(individual, notFound, options).objectKey).toBe('46000042/a1b2c3d4-0000-4000-8000-000000000001/archive.zip')
    expect(judge(individual, notLooked, { ...options, objectsChecked: false }).whereNow).toEqual([
      { value: 's3://acme/46000042/a1b2c3d4-0000-4000-8000-000000000001/archive.zip', max: 300 }
    ])
  })

  it('names the reason of a failed archive as a value, shown as code in Markdown', () => {
    const verdict = judge(archive({ status: 'failed', reason: 'session ended @team' }), notFound, options)
    expect(verdict.happened).toEqual(['recording failed: ', { value: 'session ended @team', max: 200 }])
    expect(phraseText(verdict.happened)).toBe('recording failed: session ended @team')
    expect(phraseMarkdown(verdict.happened)).toBe('recording failed: `session ended @team`')
  })

  it('names a status the vendor does not document as a value of at most 40 characters', () => {
    const verdict = judge(archive({ status: 'recording?' }), notFound, options)
    expect(verdict).toEqual({
      kind: 'unknown',
      happened: ['status ', { value: 'recording?', max: 40 }, ' is not one the vendor documents'],
      whereNow: ['unknown'],
      objectKey: key
    })
    expect(phraseMarkdown(verdict.happened)).toBe('status `recording?` is not one the vendor documents')
    expect(judge(archive({ status: 'uploaded' }), notFound, options).kind).toBe('missing')
  })

  it('keeps an archive the vendor kept until 72 hours after it was created, not after it ended', () => {
    const kept = judge(
      archive({
        status: 'available',
        createdAt: Date.parse('2026-11-29T01:00:00Z'),
        duration: 1800,
        updatedAt: Date.parse('2026-11-29T02:00:00Z')
      }),
      notFound,
      options
    )
    expect(kept).toEqual({
      kind: 'kept-by-vendor',
      happened: ['the upload failed; the vendor kept it (fallback)'],
      whereNow: ['the vendor cloud, until 2026-12-02 01:00 UTC'],
      objectKey: key
    })
    const justBefore = judge(archive({ status: 'available', createdAt: Date.parse('2026-11-29T00:59:59.999Z') }), notFound, options)
    expect(justBefore.whereNow).toEqual(['the vendor cloud, until 2026-12-02 00:59 UTC'])
  })

  it('keeps a stopped archive pending for the upload grace after it ended, then calls it stuck', () => {
    const stoppedAt = (ago: number) => archive({ status: 'stopped', createdAt: now - ago - 600_000, duration: 600 })
    expect(judge(stoppedAt(2 * HOUR - 1), notFound, options).kind).toBe('pending')
    expect(judge(stoppedAt(2 * HOUR), notFound, options)).toEqual({
      kind: 'stuck',
      happened: ['stopped 2 h ago and never uploaded'],
      whereNow: ['with the vendor; not in the target'],
      objectKey: key
    })
    expect(judge(stoppedAt(30 * HOUR), notFound, options).happened).toEqual(['stopped 1 d 6 h ago and never uploaded'])
    expect(judge(stoppedAt(30 * HOUR), notFound, { ...options, uploadGraceMs: 31 * HOUR }).kind).toBe('pending')
    expect(judge(stoppedAt(HOUR), notLooked, options)).toEqual({
      kind: 'pending',
      happened: ['stopped, upload in progress'],
      whereNow: ['with the vendor, uploading'],
      objectKey: key
    })
  })

  it('counts the upload grace from the vendor’s last update when it gives one', () => {
    const updated = archive({ status: 'stopped', createdAt: now - 10 * HOUR, duration: 600, updatedAt: now - HOUR })
    expect(judge(updated, notFound, options).kind).toBe('pending')
    const late = archive({ status: 'stopped', createdAt: now - HOUR, duration: 60, updatedAt: now - 3 * HOUR })
    expect(judge(late, notFound, options).happened).toEqual(['stopped 3 h ago and never uploaded'])
  })
})

describe('rescuedVerdict', () => {
  it('is its own class, saying the vendor’s upload still failed, with the key the audit wrote', () => {
    expect(rescuedVerdict(key, 'azure://acct/videos')).toEqual({
      kind: 'rescued',
      happened: ["the upload failed; this audit copied the vendor's copy into the target and checked it"],
      whereNow: [{ value: `azure://acct/videos/${key}`, max: 300 }],
      objectKey: key
    })
  })
})

describe('isUndelivered', () => {
  it('counts every class as not delivered but delivered, pending and unchecked; rescued ones among them', () => {
    const kinds: ArchiveClass[] = [
      'delivered',
      'pending',
      'rescued',
      'missing',
      'kept-by-vendor',
      'failed',
      'stuck',
      'gone',
      'unchecked',
      'unknown'
    ]
    expect(kinds.map(kind => [kind, isUndelivered(kind)])).toEqual([
      ['delivered', false],
      ['pending', false],
      ['rescued', true],
      ['missing', true],
      ['kept-by-vendor', true],
      ['failed', true],
      ['stuck', true],
      ['gone', true],
      ['unchecked', false],
      ['unknown', true]
    ])
  })

  it('names the classes in the summary’s order', () => {
    expect(CLASS_NAMES).toEqual([
      ['delivered', 'delivered'],
      ['pending', 'pending'],
      ['rescued', 'rescued by this audit'],
      ['missing', 'missing from the target'],
      ['kept-by-vendor', 'kept by the vendor'],
      ['failed', 'failed'],
      ['stuck', 'stuck'],
      ['gone', 'gone'],
      ['unchecked', 'not looked for'],
      ['unknown', 'unknown status']
    ])
  })
})

describe('the words and keys of a verdict', () => {
  it('expects archive.mp4 for composed and archive.zip for individual output', () => {
    expect(expectedKey('p1', { id: 'x', outputMode: 'composed' })).toBe('p1/x/archive.mp4')
    expect(expectedKey('p1', { id: 'x', outputMode: 'individual' })).toBe('p1/x/archive.zip')
  })

  it.each([
    [0, '0 min'],
    [59_999, '0 min'],
    [60_000, '1 min'],
    [45 * 60_000, '45 min'],
    [HOUR - 1, '59 min'],
    [HOUR, '1 h'],
    [3 * HOUR + 20 * 60_000, '3 h 20 min'],
    [24 * HOUR - 1, '23 h 59 min'],
    [24 * HOUR, '1 d'],
    [52 * HOUR + 59 * 60_000, '2 d 4 h'],
    [-5, '0 min']
  ])('describes %d ms as %s', (ms, text) => expect(describeDuration(ms)).toBe(text))

  it('formats times in UTC to the minute', () => {
    expect(formatUtc(new Date('2026-11-29T03:04:59.999Z'))).toBe('2026-11-29 03:04 UTC')
  })
})
