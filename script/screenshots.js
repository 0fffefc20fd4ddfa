// Makes the pictures of docs/images/ from real runs of the demo: the job summary of the audit that
// rescues the archive the vendor kept (audit-summary.png) and the plan of a pull request
// (plan-summary.png). Each summary is rendered to HTML with markdown-it and a small GitHub-like
// stylesheet, then photographed by headless Chromium, twice: a first pass measures the height of
// the content, the second takes the picture at that height.
//
// Usage: node script/screenshots.js [--from DIR] [--out DIR]
//   --from DIR  read audit-summary.md and plan-summary.md from DIR, as `node script/demo.js
//               --markdown DIR` writes them; without it, the demo is run first (about 20 s)
//   --out DIR   where the PNGs go; default docs/images
// Needs Chromium: /usr/bin/chromium (Debian: apt-get install -y chromium), or CHROMIUM=path.
// Nothing leaves the machine: Chromium is started without networking features, on local files.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import MarkdownIt from 'markdown-it'

const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback)
const out = resolve(option('--out', 'docs/images'))
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium'
if (!existsSync(chromium)) {
  console.error(`No Chromium at ${chromium}: apt-get install -y chromium, or set CHROMIUM to its path.`)
  process.exit(1)
}

/** The width of the page: GitHub's conversation column is about this wide. */
const WIDTH = 1040
const PICTURES = [
  { markdown: 'audit-summary.md', png: 'audit-summary.png', title: 'Archive delivery audit' },
  { markdown: 'plan-summary.md', png: 'plan-summary.png', title: 'Archive target plan' }
]
/** A picture larger than this is worth a look: the README loads it on every visit. */
const MAX_BYTES = 300 * 1024

const work = mkdtempSync(join(tmpdir(), 'archive-target-screenshots-'))
try {
  let from = option('--from', undefined)
  if (from === undefined) {
    from = join(work, 'markdown')
    console.log('Running the demo for its job summaries …')
    execFileSync(process.execPath, ['script/demo.js', '--markdown', from], { stdio: ['ignore', 'ignore', 'inherit'] })
  }
  mkdirSync(out, { recursive: true })
  const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false })
  for (const picture of PICTURES) {
    const html = join(work, picture.png.replace(/\.png$/, '.html'))
    writeFileSync(html, page(picture.title, alerts(markdown.render(readFileSync(join(from, picture.markdown), 'utf8')))))
    const height = measure(html)
    const png = join(out, picture.png)
    shoot(html, png, height)
    const bytes = statSync(png).size
    console.log(`${png}: ${WIDTH} × ${height} px, ${(bytes / 1024).toFixed(0)} KB${bytes > MAX_BYTES ? ' (over 300 KB: check it)' : ''}`)
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}

/** GitHub's alerts (`> [!WARNING]`, `> [!CAUTION]`, …), which markdown-it renders as plain quotes. */
function alerts(html) {
  return html.replace(
    /<blockquote>\s*<p>\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/g,
    (_, kind) =>
      `<blockquote class="alert alert-${kind.toLowerCase()}"><p class="alert-title">${kind[0]}${kind.slice(1).toLowerCase()}</p><p>`
  )
}

/** The HTML page: the rendered summary in a box, as GitHub shows a job summary or a comment. */
function page(title, body) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>
html { background: #fff; }
body { margin: 0; color: #1f2328; font: 14px/1.5 "Liberation Sans", "DejaVu Sans", Helvetica, Arial, sans-serif; }
main { box-sizing: border-box; width: ${WIDTH - 32}px; margin: 16px; padding: 20px 28px 4px; border: 1px solid #d1d9e0; border-radius: 6px; }
h3 { margin: 0 0 16px; font-size: 20px; font-weight: 600; }
h4 { margin: 24px 0 12px; font-size: 15px; font-weight: 600; }
p, ul, table, blockquote { margin: 0 0 16px; }
ul { padding-left: 2em; }
code { padding: 0.15em 0.35em; border-radius: 6px; background: #eff1f3; font: 12px/1.5 "DejaVu Sans Mono", "Liberation Mono", monospace; }
table { border-collapse: collapse; }
th, td { padding: 6px 12px; border: 1px solid #d1d9e0; vertical-align: top; }
th { font-weight: 600; text-align: left; }
tr:nth-child(2n) td { background: #f6f8fa; }
a { color: #0969da; text-decoration: none; }
blockquote { padding: 0 1em; border-left: 0.25em solid #d1d9e0; color: #59636e; }
.alert { padding: 8px 16px; color: #1f2328; }
.alert p:last-child, .alert ul:last-child { margin-bottom: 0; }
.alert-title { margin-bottom: 4px; font-weight: 600; }
.alert-warning { border-left-color: #9a6700; } .alert-warning .alert-title { color: #9a6700; }
.alert-caution { border-left-color: #d1242f; } .alert-caution .alert-title { color: #d1242f; }
.alert-note { border-left-color: #0969da; } .alert-note .alert-title { color: #0969da; }
</style></head>
<body><main>
${body}
</main>
<script>document.body.dataset.height = String(Math.ceil(document.documentElement.getBoundingClientRect().height));</script>
</body></html>
`
}

/** Chromium's arguments for one run, on a fresh profile. */
function chromiumArgs(profile, height, ...more) {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--hide-scrollbars',
    '--force-device-scale-factor=1',
    `--user-data-dir=${profile}`,
    `--window-size=${WIDTH},${height}`,
    ...more
  ]
}

/** The first pass: the page's height in pixels, at the picture's width. */
function measure(html) {
  const dom = runChromium(`measuring ${html}`, profile => chromiumArgs(profile, 1400, '--dump-dom', pathToFileURL(html).href))
  const height = Number(/data-height="(\d+)"/.exec(dom)?.[1])
  if (!Number.isSafeInteger(height) || height <= 0) throw new Error(`could not measure ${html}`)
  return height
}

/** The second pass: the picture, at the measured height. */
function shoot(html, png, height) {
  rmSync(png, { force: true })
  runChromium(`photographing ${html}`, profile => chromiumArgs(profile, height, `--screenshot=${png}`, pathToFileURL(html).href))
  if (!existsSync(png)) throw new Error(`Chromium wrote no ${png}`)
}

/**
 * Runs Chromium on a fresh profile and returns what it printed; a run that fails (a busy machine
 * can make Chromium time out) is tried once more before the script gives up, saying what it did.
 */
function runChromium(what, argsFor) {
  for (let attempt = 1; ; attempt++) {
    try {
      return execFileSync(chromium, argsFor(mkdtempSync(join(work, 'profile-'))), {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 120_000
      })
    } catch (error) {
      if (attempt < 2) continue
      const stderr = String(error.stderr ?? '')
        .trim()
        .split('\n')
        .slice(-5)
        .join('\n')
      throw new Error(`Chromium failed ${what} (${error.signal ?? `exit ${error.status}`})${stderr === '' ? '' : `:\n${stderr}`}`)
    }
  }
}
