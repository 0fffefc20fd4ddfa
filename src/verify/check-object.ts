/** The small object the storage check writes where the vendor will write archives. */

/** Where archives of the project land ({API key or application ID}/…), always the same name, so repeated checks overwrite one object instead of piling up. */
export function checkObjectKey(projectId: string): string {
  return `${projectId}/.archive-target-check`
}

/** What the object says: what it is and which run wrote it. */
export function checkObjectContent(env: NodeJS.ProcessEnv, now: Date): string {
  const run =
    env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : 'a run outside GitHub Actions'
  return [
    'Written by the OpenTok archive upload target action to check that archives can be uploaded here.',
    `Run: ${run}`,
    `Time: ${now.toISOString()}`,
    'Safe to delete; the next check writes it again.',
    ''
  ].join('\n')
}
