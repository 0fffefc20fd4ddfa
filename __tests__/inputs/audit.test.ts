/** The audit's settings: the window, the upload grace, the tracking issue, the rescue and its limit, and what an audit needs of the target. */
import { describe, expect, it, vi } from 'vitest'
import { parseDuration, parseSize } from '../../src/inputs/audit.js'
import { readPlan, type PlanResult } from '../../src/inputs/index.js'

const now = new Date('2026-11-29T06:00:00Z')
const credentials = { 'api-key': '46000042', 'api-secret': 'audit-api-secret-value' }
const s3 = { bucket: 'acme-archives', 'access-key': 'AKIAEXAMPLE', 'secret-key': 'secret/key+value' }

function read(inputs: Record<string, string>): PlanResult {
  return readPlan(name => ({ operation: 'audit', ...credentials, ...inputs })[name] ?? '', now)
}

function problemsOf(result: PlanResult): Array<[string, string]> {
  return result.ok ? [] : result.problems.map(p => [p.input, p.message])
}

describe('parseDuration', () => {
  it.each([
    ['90m', 90 * 60_000],
    ['24h', 24 * 3_600_000],
    ['7d', 7 * 86_400_000],
    ['2H', 2 * 3_600_000],
    [' 30 m ', 30 * 60_000],
    ['1d', 86_400_000]
  ])('reads %j', (text, ms) => expect(parseDuration(text)).toBe(ms))

  it.each(['', '24', 'h', '1.5h', '-1d', '1w', '24 hours', 'yesterday', '1d2h', '1234567d'])('refuses %j', text =>
    expect(parseDuration(text)).toBeUndefined()
  )
})

describe('readPlan for an audit', () => {
  it('defaults to the last 24 hours, a 2 h upload grace, no tracking issue and no rescue (of at most 50 GiB when asked)', () => {
    const result = read(s3)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.plan.operation).toBe('audit')
    expect(result.plan.audit).toEqual({
      since: new Date('2026-11-28T06:00:00Z'),
      uploadGraceMs: 2 * 3_600_000,
      rescue: false,
      rescueMaxBytes: 53_687_091_200,
      checkObjects: true,
      trackingIssue: false,
      githubToken: ''
    })
    expect(result.plan.target).toEqual({
      type: 's3',
      ...{ bucket: 'acme-archives', accessKey: 'AKIAEXAMPLE', secretKey: 'secret/key+value' },
      sse: 's3'
    })
  })

  it.each([
    ['90m', '2026-11-29T04:30:00.000Z'],
    ['7d', '2026-11-22T06:00:00.000Z'],
    ['2026-11-01T00:00:00Z', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01', '2026-11-01T00:00:00.000Z'],
    ['2026-11-28T12:30', '2026-11-28T12:30:00.000Z'],
    ['2026-11-28 12:30:15+02:00', '2026-11-28T10:30:15.000Z'],
    ['2026-11-29T06:00:00Z', '2026-11-29T06:00:00.000Z'],
    ['400d', new Date(now.getTime() - 400 * 86_400_000).toISOString()]
  ])("reads since '%s' as %s", (since, iso) => {
    const result = read({ ...s3, since })
    expect(result.ok && result.plan.audit?.since.toISOString()).toBe(iso)
  })

  it('reads a time without a zone as UTC wherever the runner is', () => {
    vi.stubEnv('TZ', 'America/New_York')
    try {
      const result = read({ ...s3, since: '2026-11-28T12:30' })
      expect(result.ok && result.plan.audit?.since.toISOString()).toBe('2026-11-28T12:30:00.000Z')
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('reads a zone written without a colon', () => {
    const result = read({ ...s3, since: '2026-11-28T12:30+0100' })
    expect(result.ok && result.plan.audit?.since.toISOString()).toBe('2026-11-28T11:30:00.000Z')
  })

  it('takes a time exactly 400 days back, and refuses one a second older', () => {
    const limit = new Date(now.getTime() - 400 * 86_400_000)
    const at = read({ ...s3, since: limit.toISOString() })
    expect(at.ok && at.plan.audit?.since.toISOString()).toBe(limit.toISOString())
    const older = new Date(limit.getTime() - 1000).toISOString()
    expect(problemsOf(read({ ...s3, since: older }))[0]?.[1]).toMatch(/more than 400 days ago\.$/)
  })

  it.each([
    ['yesterday', "got 'yesterday'."],
    ['-1d', "got '-1d'."],
    ['0h', "got '0h'."],
    ['401d', "got '401d'."],
    ['2026-11-29T06:00:01Z', 'which is in the future.'],
    ['2027-01-01', 'which is in the future.'],
    ['2026-13-45', 'which is not a date.'],
    ['2024-01-01', 'more than 400 days ago.'],
    ['1700000000', "got '1700000000'."]
  ])("refuses since '%s', naming since", (since, ending) => {
    const problems = problemsOf(read({ ...s3, since }))
    expect(problems).toHaveLength(1)
    expect(problems[0]![0]).toBe('since')
    expect(problems[0]![1]).toMatch(
      /^'since' must be a duration back from now, such as '90m', '24h' or '7d' \(at most 400d\), or an ISO-8601 time in the past/
    )
    expect(problems[0]![1].endsWith(ending)).toBe(true)
  })

  it.each([
    ['30m', 30 * 60_000],
    ['7d', 7 * 86_400_000]
  ])("reads upload-grace '%s'", (grace, ms) => {
    const result = read({ ...s3, 'upload-grace': grace })
    expect(result.ok && result.plan.audit?.uploadGraceMs).toBe(ms)
  })

  it.each(['0m', '8d', 'soon', '2'])("refuses upload-grace '%s'", grace => {
    expect(problemsOf(read({ ...s3, 'upload-grace': grace }))).toEqual([
      [
        'upload-grace',
        `'upload-grace' must be how long a stopped archive may take to upload before it counts as stuck: a duration such as '30m', '2h' or '1d' (at most 7d); got '${grace}'.`
      ]
    ])
  })

  it('reports since, upload-grace and tracking-issue problems together', () => {
    expect(problemsOf(read({ ...s3, since: 'soon', 'upload-grace': 'later', 'tracking-issue': 'maybe' })).map(([input]) => input)).toEqual([
      'since',
      'upload-grace',
      'tracking-issue'
    ])
  })

  it('judges statuses alone without the storage secret, with verify false, or without a target, and says why', () => {
    const noSecret = read({ ...s3, 'secret-key': '' })
    expect(noSecret.ok && noSecret.plan.audit).toMatchObject({ checkObjects: false, statusesOnlyBecause: "'secret-key' was not given" })
    // No dry run: the audit reads the vendor's list for real, only the objects are not looked for.
    expect(noSecret.ok && noSecret.plan.withheldSecrets).toEqual([])
    const notVerified = read({ ...s3, verify: 'false' })
    expect(notVerified.ok && notVerified.plan.audit).toMatchObject({ checkObjects: false, statusesOnlyBecause: "'verify' is false" })
    const noTarget = read({})
    expect(noTarget.ok && noTarget.plan.audit).toMatchObject({ checkObjects: false, statusesOnlyBecause: 'no storage target was given' })
    expect(noTarget.ok && noTarget.plan.target).toBeUndefined()
    const azureNoKey = read({ type: 'azure', 'account-name': 'acmestorage', container: 'archives' })
    expect(azureNoKey.ok && azureNoKey.plan.audit).toMatchObject({
      checkObjects: false,
      statusesOnlyBecause: "'account-key' was not given"
    })
  })

  it('still validates the target it is given', () => {
    expect(problemsOf(read({ ...s3, bucket: 'Bad_Bucket' })).map(([input]) => input)).toEqual(['bucket'])
  })

  it('needs the vendor secret: the list is read for real', () => {
    expect(problemsOf(read({ ...s3, 'api-secret': '' })).map(([input]) => input)).toEqual(['api-secret'])
  })

  it('takes the tracking issue with a token, and refuses it without one', () => {
    const on = read({ ...s3, 'tracking-issue': 'TRUE', 'github-token': 'ghs_token0123' })
    expect(on.ok && on.plan.audit).toMatchObject({ trackingIssue: true, githubToken: 'ghs_token0123' })
    const off = read({ ...s3, 'github-token': 'ghs_token0123' })
    expect(off.ok && off.plan.audit?.githubToken).toBe('')
    expect(problemsOf(read({ ...s3, 'tracking-issue': 'true' }))).toEqual([
      [
        'github-token',
        "'github-token' is required with 'tracking-issue: true'; its default is ${{ github.token }}, with 'permissions: issues: write'."
      ]
    ])
    expect(problemsOf(read({ ...s3, 'tracking-issue': 'true', 'github-token': 'two words' }))).toEqual([
      ['github-token', "'github-token' must be a single token without spaces or line breaks."]
    ])
  })

  it("reads the target of 'type' as typed, in any case", () => {
    const result = read({ ...s3, type: 'S3' })
    expect(result.ok && result.plan.target).toEqual({
      type: 's3',
      bucket: 'acme-archives',
      accessKey: 'AKIAEXAMPLE',
      secretKey: 'secret/key+value',
      sse: 's3'
    })
  })

  it("takes 'type' alone as the start of a target, and asks for the rest", () => {
    expect(problemsOf(read({ type: 'azure' })).map(([input]) => input)).toEqual(['account-name', 'container'])
  })

  it('lists fallback and certificate given to an audit as ignored', () => {
    const result = read({ ...s3, fallback: 'opentok', certificate: 'certs/ca.pem' })
    expect(result.ok && result.ignored).toEqual(['fallback', 'certificate'])
  })

  it('reads no audit settings for set', () => {
    const result = readPlan(name => ({ ...credentials, ...s3, since: 'nonsense' })[name] ?? '', now)
    expect(result.ok && result.plan.audit).toBeUndefined()
  })

  it.each([
    ['1', 1],
    ['500MB', 500_000_000],
    ['50GiB', 53_687_091_200],
    ['1.5 kib', 1536],
    ['10TiB', 10_995_116_277_760],
    ['2gb', 2_000_000_000]
  ])("reads 'rescue-max-bytes' %j as %i bytes", (given, bytes) => {
    const result = read({ ...s3, rescue: 'true', 'rescue-max-bytes': given })
    expect(result.ok && result.plan.audit?.rescueMaxBytes).toBe(bytes)
    expect(result.ok && result.plan.audit?.rescue).toBe(true)
  })

  it.each(['0', '-1', '10.5TiB', '11TiB', 'lots', '5 MB please', '1.2345GB'])(
    "refuses 'rescue-max-bytes' %j, saying what it takes",
    given => {
      expect(problemsOf(read({ ...s3, rescue: 'true', 'rescue-max-bytes': given }))).toEqual([
        [
          'rescue-max-bytes',
          `'rescue-max-bytes' must be how much one rescue may copy in all: a number of bytes, or a size such as '500MB' or '50GiB' (at most 10TiB); got '${given}'.`
        ]
      ])
    }
  )

  it("refuses 'rescue: true' without the target, or without its secret, unless it is a dry run", () => {
    expect(problemsOf(read({ rescue: 'true' }))).toEqual([
      ['rescue', "'rescue: true' copies archives into the target: give the target's settings (or 'config-file' and 'project')."]
    ])
    expect(problemsOf(read({ rescue: 'true', bucket: 'acme-archives', 'access-key': 'AKIAEXAMPLE' }))).toEqual([
      ['rescue', "'rescue: true' writes the copies with the storage credentials: give 'secret-key' (from a secret)."]
    ])
    expect(read({ rescue: 'true', bucket: 'acme-archives', 'access-key': 'AKIAEXAMPLE', 'dry-run': 'true' }).ok).toBe(true)
    expect(problemsOf(read({ rescue: 'maybe' }))).toEqual([['rescue', "'rescue' must be 'true' or 'false'; got 'maybe'."]])
  })

  it('reads sizes without a unit as bytes and units in any case', () => {
    expect([parseSize('7'), parseSize('7 B'), parseSize('7KB'), parseSize('7kb'), parseSize('7KiB')]).toEqual([7, 7, 7000, 7000, 7168])
    expect([parseSize(''), parseSize('KB'), parseSize('7 K'), parseSize('1e3')]).toEqual([undefined, undefined, undefined, undefined])
  })
})
