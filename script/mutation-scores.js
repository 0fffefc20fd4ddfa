#!/usr/bin/env node
// Prints the mutation score of each module group of stryker/groups.json from Stryker's JSON
// reports (default reports/mutation/mutation.json; several reports, e.g. one per group, are
// merged file by file). Score = (killed + timed out) / (killed + timed out + survived + no
// coverage), as Stryker counts it. --check exits 1 when a group with a target is below it.
//   node script/mutation-scores.js [--check] [report.json ...]
import { readFileSync } from 'node:fs'

const args = process.argv.slice(2)
const check = args.includes('--check')
const reports = args.filter(a => a !== '--check')
const { groups } = JSON.parse(readFileSync(new URL('../stryker/groups.json', import.meta.url), 'utf8'))

/** `src/**` / `*` patterns as regular expressions. */
const matcher = pattern =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*\//g, '(?:.*/)?')
      .replace(/\*/g, '[^/]*')}$`
  )
const groupOf = file => groups.find(group => group.mutate.some(pattern => matcher(pattern).test(file)))

const files = new Map()
for (const report of reports.length > 0 ? reports : ['reports/mutation/mutation.json']) {
  for (const [file, result] of Object.entries(JSON.parse(readFileSync(report, 'utf8')).files)) files.set(file, result.mutants)
}

const totals = new Map(groups.map(group => [group.name, { killed: 0, survived: 0, noCoverage: 0, files: 0 }]))
for (const [file, mutants] of files) {
  const group = groupOf(file)
  if (group === undefined) continue
  const total = totals.get(group.name)
  total.files++
  for (const { status } of mutants) {
    if (status === 'Killed' || status === 'Timeout') total.killed++
    else if (status === 'Survived') total.survived++
    else if (status === 'NoCoverage') total.noCoverage++
  }
}

let below = 0
console.log('| modules | mutants | killed | survived | no coverage | score | target |')
console.log('|---|---|---|---|---|---|---|')
for (const group of groups) {
  const t = totals.get(group.name)
  const valid = t.killed + t.survived + t.noCoverage
  if (t.files === 0) continue
  const score = valid === 0 ? 100 : (100 * t.killed) / valid
  const met = group.target === null ? '' : score >= group.target ? ` (met)` : ' (**below**)'
  if (group.target !== null && score < group.target) below++
  const target = group.target === null ? '—' : `≥ ${group.target}%${met}`
  console.log(`| ${group.title} | ${valid} | ${t.killed} | ${t.survived} | ${t.noCoverage} | ${score.toFixed(1)}% | ${target} |`)
}
if (check && below > 0) process.exit(1)
