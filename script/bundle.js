// Builds dist/ from src/ with ncc (npm run bundle). Three steps, on an emptied dist/:
// 1. Declare @actions/core and @actions/github free of import-time side effects
//    ("sideEffects": false), so that ncc leaves out the parts of them this action never calls.
//    Without it, @actions/core's OIDC helper pulls @actions/http-client and all of undici
//    (about 900 kB) into the start-up bundle, parsed at every run, and @actions/github's
//    `context` brings Octokit along (about 200 kB). The declaration is true of both: their
//    modules define functions, classes and a few instances, and touch nothing when imported.
// 2. Bundle src/index.ts. src/package.json makes the output CommonJS, which Node starts without
//    its ES module loader.
// 3. Mark dist/ as CommonJS, since the repository's package.json says "type": "module".
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

for (const name of ['@actions/core', '@actions/github']) {
  // The packages' exports hide package.json; find it from the resolved entry file instead.
  const entry = fileURLToPath(import.meta.resolve(name))
  const file = `${entry.slice(0, entry.lastIndexOf(`/${name}/`) + name.length + 1)}/package.json`
  const manifest = JSON.parse(readFileSync(file, 'utf8'))
  if (manifest.sideEffects !== false) writeFileSync(file, `${JSON.stringify({ ...manifest, sideEffects: false }, null, 2)}\n`)
}

// ncc leaves chunks of earlier builds in place: start from an empty dist/ so none lingers.
rmSync('dist', { recursive: true, force: true })
execFileSync('ncc', ['build', 'src/index.ts', '-o', 'dist', '--license', 'licenses.txt', '--target', 'es2022'], { stdio: 'inherit' })

writeFileSync('dist/package.json', `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`)
