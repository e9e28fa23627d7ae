#!/usr/bin/env node
/**
 * Electron security audit: runs @doyensec/electronegativity over src/ and fails (exit 1) on any
 * HIGH or MEDIUM finding that scripts/electronegativity-justified.json does not justify.
 *
 *   npm run audit:electron            audit, print a summary, write reports to a temp folder
 *   npm run audit:electron -- --all   also list LOW/INFORMATIONAL findings
 *
 * Why the library API and not the CLI: the CLI always exits 0, its CSV writer writes the header
 * and the rows with two concurrent fs.writeFile calls (rows can be lost), and SARIF drops the
 * severity. `run()` (the package's main export) returns the findings with severity and
 * confidence; this script still has it write the SARIF report (one write) for CI tooling, and
 * checks that report holds as many results as it counted.
 *
 * Offline: electronegativity downloads translations on start (1 s timeout); the download is
 * stubbed out so the audit never touches the network. Its English strings ship in the package.
 */
import { createRequire } from 'node:module'
import Module from 'node:module'
import { mkdtemp, readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const input = join(root, 'src')
const allowListPath = join(root, 'scripts', 'electronegativity-justified.json')
const showAll = process.argv.includes('--all')
const FAILING = new Set(['HIGH', 'MEDIUM'])

const require = createRequire(import.meta.url)
const pkgDir = dirname(require.resolve('@doyensec/electronegativity/package.json'))

// Keep electronegativity offline: its i18n loader fetches a locale file with `got`.
const originalLoad = Module._load
Module._load = function load(request, parent, isMain) {
  if (request === 'got' && parent?.filename?.startsWith(pkgDir + sep)) {
    return () => Promise.reject(new Error('offline: translations are not downloaded during the audit'))
  }
  return originalLoad.call(this, request, parent, isMain)
}
const silenced = console.log
console.log = (...args) => {
  if (String(args[0]).startsWith('Could not retrieve updated translations')) return
  silenced(...args)
}
const runModule = require('@doyensec/electronegativity')
const run = typeof runModule === 'function' ? runModule : runModule.default

/** @typedef {{ check: string, file: string, reason: string }} Justification */
async function loadAllowList() {
  if (!existsSync(allowListPath)) return []
  const list = JSON.parse(await readFile(allowListPath, 'utf8'))
  if (!Array.isArray(list)) throw new Error(`${allowListPath}: expected an array`)
  for (const [i, e] of list.entries()) {
    if (
      typeof e?.check !== 'string' ||
      typeof e?.file !== 'string' ||
      typeof e?.reason !== 'string' ||
      e.reason.trim().length < 20
    ) {
      throw new Error(`${allowListPath}[${i}]: each entry needs "check", "file" and a real "reason" (20+ characters)`)
    }
  }
  return /** @type {Justification[]} */ (list)
}

const toPosix = (p) => p.split(sep).join('/')

async function main() {
  const allowList = await loadAllowList()
  const electronVersion = require('electron/package.json').version
  const outDir = await mkdtemp(join(tmpdir(), 'electronegativity-'))
  const sarifPath = join(outDir, 'electronegativity.sarif')

  const result = await run(
    {
      input,
      output: sarifPath,
      isSarif: true,
      isRelative: true,
      isVerbose: true,
      electronVersionOverride: electronVersion,
      customScan: [],
      // Compares the Electron version with the release list on the network: not reachable here,
      // and version freshness is the dependency updates' job, not a code check.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      parserPlugins: []
    },
    false
  )
  console.log = silenced

  const findings = result.issues.map((issue) => ({
    check: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: issue.file === 'N/A' ? 'N/A' : toPosix(relative(root, resolve(input, issue.file))),
    line: issue.location?.line ?? 0,
    column: issue.location?.column ?? 0,
    sample: (issue.sample ?? '').toString().replace(/\s+/g, ' ').slice(0, 80),
    description: issue.description,
    manualReview: Boolean(issue.manualReview)
  }))

  // The SARIF report is written asynchronously by electronegativity; wait for it and compare.
  let sarifCount = -1
  for (let i = 0; i < 50 && sarifCount < 0; i++) {
    try {
      sarifCount = JSON.parse(await readFile(sarifPath, 'utf8')).runs[0].results.length
    } catch {
      await new Promise((r) => setTimeout(r, 100))
    }
  }

  const justificationFor = (f) =>
    allowList.find((j) => j.check.toUpperCase() === f.check.toUpperCase() && (j.file === f.file || j.file === '*'))
  const serious = findings.filter((f) => FAILING.has(f.severity))
  const justified = serious.filter((f) => justificationFor(f))
  const unjustified = serious.filter((f) => !justificationFor(f))
  const minor = findings.filter((f) => !FAILING.has(f.severity))
  const unused = allowList.filter((j) => !serious.some((f) => justificationFor(f) === j))

  const line = (f) =>
    `  ${f.severity.padEnd(6)} ${f.check.padEnd(36)} ${f.file}:${f.line}:${f.column}  (${f.confidence.toLowerCase()})${f.sample ? `\n         ${f.sample}` : ''}`
  console.log(
    `Electronegativity ${require('@doyensec/electronegativity/package.json').version} over src/ (Electron ${electronVersion}):`
  )
  console.log(
    `  ${result.globalChecks + result.atomicChecks} checks, ${findings.length} findings: ${serious.length} high/medium (${justified.length} justified), ${minor.length} low/informational`
  )
  for (const e of result.errors.filter((e) => !e.tolerable))
    console.log(`  could not parse ${toPosix(relative(root, e.file))}: ${e.message}`)

  if (justified.length > 0) {
    console.log('\nJustified (scripts/electronegativity-justified.json, docs/security.md):')
    for (const f of justified) console.log(`${line(f)}\n         reason: ${justificationFor(f).reason}`)
  }
  if (minor.length > 0) {
    if (showAll) {
      console.log('\nLow / informational (not failing; review by hand):')
      for (const f of minor) console.log(line(f))
    } else {
      const byCheck = new Map()
      for (const f of minor) byCheck.set(f.check, (byCheck.get(f.check) ?? 0) + 1)
      console.log(
        `\nLow / informational (not failing): ${[...byCheck].map(([c, n]) => `${c} ×${n}`).join(', ')}  (--all lists them)`
      )
    }
  }
  if (unused.length > 0) {
    console.log('\nAllow-list entries that matched nothing (remove them):')
    for (const j of unused) console.log(`  ${j.check} ${j.file}`)
  }
  console.log(
    `\nReport: ${sarifPath}${sarifCount >= 0 && sarifCount !== findings.length ? `  (WARNING: report has ${sarifCount} results, audit counted ${findings.length})` : ''}`
  )

  if (unjustified.length > 0) {
    console.log(`\nFAILED: ${unjustified.length} high/medium finding(s) without a justification:`)
    for (const f of unjustified) console.log(`${line(f)}\n         ${f.description}`)
    console.log('\nFix the code, or, if the finding is a false positive or a deliberate choice, add')
    console.log(
      '{ "check", "file", "reason" } to scripts/electronegativity-justified.json and explain it in docs/security.md.'
    )
    process.exit(1)
  }
  console.log('\nPASSED: no unjustified high/medium findings.')
}

main().catch((error) => {
  console.log = silenced
  console.error(`audit:electron could not run: ${error?.stack ?? error}`)
  process.exit(2)
})
