/** The object the storage check writes: its key and its text. */
import { describe, expect, it } from 'vitest'
import { checkObjectContent, checkObjectKey } from '../../src/verify/check-object.js'

const now = new Date('2026-11-29T06:00:00Z')
const text = (run: string) =>
  [
    'Written by the OpenTok archive upload target action to check that archives can be uploaded here.',
    `Run: ${run}`,
    'Time: 2026-11-29T06:00:00.000Z',
    'Safe to delete; the next check writes it again.',
    ''
  ].join('\n')

describe('the check object', () => {
  it('lies where the archives of the project land, under one name', () => {
    expect(checkObjectKey('46000042')).toBe('46000042/.archive-target-check')
  })

  it('names the run that wrote it, on GitHub or GitHub Enterprise', () => {
    expect(checkObjectContent({ GITHUB_REPOSITORY: 'example-org/video-app', GITHUB_RUN_ID: '77' }, now)).toBe(
      text('https://github.com/example-org/video-app/actions/runs/77')
    )
    expect(
      checkObjectContent(
        { GITHUB_SERVER_URL: 'https://github.example', GITHUB_REPOSITORY: 'example-org/video-app', GITHUB_RUN_ID: '77' },
        now
      )
    ).toBe(text('https://github.example/example-org/video-app/actions/runs/77'))
  })

  it('says it was written outside GitHub Actions when the run is not known in full', () => {
    expect(checkObjectContent({}, now)).toBe(text('a run outside GitHub Actions'))
    expect(checkObjectContent({ GITHUB_REPOSITORY: 'example-org/video-app' }, now)).toBe(text('a run outside GitHub Actions'))
    expect(checkObjectContent({ GITHUB_RUN_ID: '77' }, now)).toBe(text('a run outside GitHub Actions'))
  })
})
