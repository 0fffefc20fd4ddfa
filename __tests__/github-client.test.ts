/** The GitHub client's helpers: the repository of the run, and what a refusal of the GitHub API means. */
import { describe, expect, it } from 'vitest'
import { describeGitHubError, isPermissionError, makeGitHubClient, repositoryOf, writtenBy } from '../src/github-client.js'

describe('the GitHub client helpers', () => {
  it('reads the repository of the run', () => {
    expect(repositoryOf({ GITHUB_REPOSITORY: 'o/r' })).toEqual({ owner: 'o', repo: 'r' })
    expect(repositoryOf({})).toBeUndefined()
    expect(repositoryOf({ GITHUB_REPOSITORY: 'o/r/x' })).toBeUndefined()
    expect(repositoryOf({ GITHUB_REPOSITORY: '/r' })).toBeUndefined()
  })

  it('tells a missing permission from other errors, and describes an error on one line', () => {
    expect(isPermissionError(Object.assign(new Error('x'), { status: 403 }))).toBe(true)
    expect(isPermissionError(new Error('Resource not accessible by integration'))).toBe(true)
    expect(isPermissionError(Object.assign(new Error('x'), { status: 404 }))).toBe(false)
    expect(describeGitHubError(Object.assign(new Error('Not Found\nmore'), { status: 404 }))).toBe('HTTP 404: Not Found')
    expect(describeGitHubError('plain')).toBe('plain')
  })

  it('cuts a long error message to 200 characters', () => {
    expect(describeGitHubError(new Error('x'.repeat(300)))).toBe('x'.repeat(200))
  })

  it('talks to api.github.com by default, and to GITHUB_API_URL without its trailing slashes', async () => {
    expect((await makeGitHubClient('t', {})).request.endpoint.DEFAULTS.baseUrl).toBe('https://api.github.com')
    const enterprise = await makeGitHubClient('t', { GITHUB_API_URL: 'https://ghe.example/api/v3//' })
    expect(enterprise.request.endpoint.DEFAULTS.baseUrl).toBe('https://ghe.example/api/v3')
  })
})

describe('writtenBy: a comment or issue is ours only if our identity wrote it', () => {
  it('matches the login in any case, and an app bot with its [bot] suffix only when GitHub marks it a bot', () => {
    expect(writtenBy({ login: 'github-actions[bot]', type: 'Bot' }, 'github-actions[bot]')).toBe(true)
    expect(writtenBy({ login: 'Octo-Auditor', type: 'User' }, 'octo-auditor')).toBe(true)
    expect(writtenBy({ login: 'my-app[bot]', type: 'Bot' }, 'my-app')).toBe(true)
    expect(writtenBy({ login: 'my-app[bot]', type: 'User' }, 'my-app')).toBe(false)
    expect(writtenBy({ login: 'my-app[bot][bot]', type: 'Bot' }, 'my-app[bot]')).toBe(false)
    expect(writtenBy({ login: 'my-appx', type: 'Bot' }, 'my-app')).toBe(false)
    expect(writtenBy({ login: 'mallory', type: 'User' }, 'github-actions[bot]')).toBe(false)
    expect(writtenBy({ type: 'Bot' }, 'github-actions[bot]')).toBe(false)
    expect(writtenBy(null, 'github-actions[bot]')).toBe(false)
    expect(writtenBy(undefined, '')).toBe(false)
  })
})
