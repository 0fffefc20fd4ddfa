/** A configuration file with one entry per project, each given as its settings (values quoted as JSON strings). */
export function configFileText(projects: Record<string, Record<string, string>>): string {
  const lines = ['projects:']
  for (const [name, settings] of Object.entries(projects)) {
    lines.push(`  ${name}:`)
    for (const [key, value] of Object.entries(settings)) lines.push(`    ${key}: ${JSON.stringify(value)}`)
  }
  return `${lines.join('\n')}\n`
}
