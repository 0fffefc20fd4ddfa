// Declares @actions/core and @actions/github free of import-time side effects
// ("sideEffects": false), so that the bundler can leave out the parts of them this action never
// calls. Without it, @actions/core's OIDC helper pulls @actions/http-client and all of undici
// (about 900 kB) into the start-up bundle, which is parsed at every run, and @actions/github's
// `context` brings Octokit along (about 200 kB). The declaration is true of both: their modules
// define functions, classes and a few instances, and touch nothing when imported.
// Run by `npm run bundle`, before ncc.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

for (const name of ['@actions/core', '@actions/github']) {
  // The package's exports hide package.json; find it from the resolved entry file instead.
  const entry = fileURLToPath(import.meta.resolve(name))
  const file = `${entry.slice(0, entry.lastIndexOf(`/${name}/`) + name.length + 1)}/package.json`
  const manifest = JSON.parse(readFileSync(file, 'utf8'))
  if (manifest.sideEffects === false) continue
  manifest.sideEffects = false
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`)
}
