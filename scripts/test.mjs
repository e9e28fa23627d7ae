#!/usr/bin/env node
/**
 * `npm test`: everything CI checks, in order, stopping at the first failure.
 *
 *   setup → lint → typecheck (node, web, test) → unit (vitest) → audit:electron → build → e2e
 *
 * On a fresh Debian machine it sets itself up: installs Node dependencies when they are missing
 * and Debian's Chromium and PostgreSQL when they are missing (as root; otherwise it says what to
 * run). The unit step runs against a throwaway PostgreSQL cluster (scripts/pg-test-cluster.mjs)
 * unless DESK_TEST_DATABASE_URL points at one, so the server's protocol suite runs on PGlite and
 * on PostgreSQL; with CI=true a missing PostgreSQL fails the run instead of skipping that half.
 * It ends with one line CI reads:  `tests: N passed, M failed`  (unit + end-to-end tests).
 *
 *   node scripts/test.mjs                 everything
 *   node scripts/test.mjs --skip=e2e,build   leave steps out (names as in the headers)
 *   node scripts/test.mjs --only=lint,unit   run just these
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const reports = join(root, 'test-results', 'reports')
const unitReport = join(reports, 'unit.json')
const e2eReport = join(reports, 'e2e.json')
const bin = (name) => join(root, 'node_modules', '.bin', name)

function listArg(name) {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`))
  return a
    ? a
        .slice(name.length + 3)
        .split(',')
        .filter(Boolean)
    : null
}
const only = listArg('only')
const skip = listArg('skip') ?? []

const color = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code, s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s)
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`

function header(title) {
  const line = '─'.repeat(Math.max(8, 72 - title.length))
  console.log(`\n${paint('1;36', `── ${title} ${line}`)}`)
}

/** Runs a command with inherited output; resolves to its exit code. */
function run(cmd, args, env = {}) {
  console.log(paint('2', `$ ${[cmd, ...args].map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`))
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
    child.on('error', (e) => {
      console.error(`could not start ${cmd}: ${e.message}`)
      resolvePromise(127)
    })
    child.on('close', (code, signal) => resolvePromise(code ?? (signal ? 128 : 1)))
  })
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

/** Unit counts from vitest's JSON report (jest-compatible fields). */
function unitCounts() {
  const r = readJson(unitReport)
  if (!r) return null
  return { passed: r.numPassedTests ?? 0, failed: r.numFailedTests ?? 0 }
}

/** End-to-end counts from Playwright's JSON reporter: expected = passed, unexpected = failed. */
function e2eCounts() {
  const r = readJson(e2eReport)
  if (!r?.stats) return null
  // Retries are off, so `flaky` stays 0; were it not, a flaky test counts as failed.
  return { passed: r.stats.expected ?? 0, failed: (r.stats.unexpected ?? 0) + (r.stats.flaky ?? 0) }
}

let chromiumPath = process.env.CHROMIUM_PATH

const steps = [
  {
    name: 'setup',
    title: 'Set-up: Node dependencies and Chromium',
    async run() {
      if (!existsSync(bin('vitest')) || !existsSync(bin('eslint')) || !existsSync(bin('playwright'))) {
        console.log('node_modules is missing or incomplete: installing from package-lock.json')
        // Electron's binary is never needed here (nothing launches Electron).
        const code = await run('npm', ['ci', '--no-audit', '--no-fund'], { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })
        if (code !== 0) return code
      } else console.log('node_modules: present')
      const wantsUnit = (only ? only.includes('unit') : true) && !skip.includes('unit')
      if (wantsUnit && !process.env.DESK_TEST_DATABASE_URL) {
        const { ensurePostgres } = await import('./pg-test-cluster.mjs')
        try {
          console.log(`postgresql: ${ensurePostgres()}`)
        } catch (e) {
          console.error(e instanceof Error ? e.message : String(e))
          if (process.env.CI === 'true' || process.env.CI === '1') return 1
          console.log('the PostgreSQL half of the server suite will be skipped')
        }
      }
      const wantsBrowser = (only ? only.includes('e2e') : true) && !skip.includes('e2e')
      if (!wantsBrowser) return 0
      const { ensureChromium, chromiumVersion } = await import('./ensure-chromium.mjs')
      try {
        chromiumPath = ensureChromium()
      } catch (e) {
        console.error(e instanceof Error ? e.message : String(e))
        return 1
      }
      console.log(`chromium: ${chromiumPath} (${chromiumVersion(chromiumPath)})`)
      return 0
    }
  },
  {
    name: 'lint',
    title: 'Lint (ESLint, --max-warnings 0)',
    run: () => run(bin('eslint'), ['.', '--max-warnings', '0'])
  },
  {
    name: 'typecheck',
    title: 'Typecheck (node, web, test)',
    async run() {
      for (const project of ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.test.json']) {
        const code = await run(bin('tsc'), ['--noEmit', '-p', project])
        if (code !== 0) return code
      }
      return 0
    }
  },
  {
    name: 'unit',
    title: 'Unit tests (vitest; server suite on PGlite and a throwaway PostgreSQL)',
    async run() {
      const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`]
      if (process.env.DESK_TEST_DATABASE_URL) return run(bin('vitest'), args)
      const { postgresBinDir, startCluster, stopCluster } = await import('./pg-test-cluster.mjs')
      if (!postgresBinDir()) return run(bin('vitest'), args)
      const cluster = await startCluster()
      console.log(`postgresql test cluster: ${cluster.url}`)
      try {
        return await run(bin('vitest'), args, { DESK_TEST_DATABASE_URL: cluster.url })
      } finally {
        stopCluster(cluster.dir)
      }
    }
  },
  {
    name: 'audit',
    title: 'Electron security audit (npm run audit:electron)',
    async run() {
      if (!existsSync(join(root, 'scripts', 'audit-electron.mjs'))) {
        console.log('scripts/audit-electron.mjs not present yet: skipped')
        return 0
      }
      return run('npm', ['run', '--silent', 'audit:electron'])
    }
  },
  { name: 'build', title: 'Build (electron-vite build)', run: () => run('npm', ['run', '--silent', 'build']) },
  {
    name: 'e2e',
    title: 'End-to-end tests (Playwright, Debian Chromium)',
    run: () => run(bin('playwright'), ['test'], chromiumPath ? { CHROMIUM_PATH: chromiumPath } : {})
  }
]

const unknown = [...(only ?? []), ...skip].filter((n) => !steps.some((s) => s.name === n))
if (unknown.length) {
  console.error(`unknown step(s): ${unknown.join(', ')} — steps are ${steps.map((s) => s.name).join(', ')}`)
  process.exit(2)
}

rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const started = Date.now()
const timings = []
let failedStep = null
for (const step of steps) {
  if ((only && !only.includes(step.name) && step.name !== 'setup') || skip.includes(step.name)) continue
  header(step.title)
  const t0 = Date.now()
  const code = await step.run()
  timings.push([step.name, Date.now() - t0, code])
  if (code !== 0) {
    console.log(paint('1;31', `✗ ${step.name} failed (exit ${code}) after ${seconds(Date.now() - t0)}`))
    failedStep = step.name
    break
  }
  console.log(paint('32', `✓ ${step.name} (${seconds(Date.now() - t0)})`))
}

header('Summary')
for (const [name, ms, code] of timings)
  console.log(`  ${code === 0 ? '✓' : '✗'} ${name.padEnd(10)} ${seconds(ms).padStart(8)}`)
const unit = unitCounts()
const e2e = e2eCounts()
if (unit) console.log(`  unit: ${unit.passed} passed, ${unit.failed} failed`)
if (e2e) console.log(`  e2e:  ${e2e.passed} passed, ${e2e.failed} failed`)
console.log(`  total time ${seconds(Date.now() - started)}`)
if (failedStep) console.log(paint('1;31', `FAILED at step: ${failedStep}`))
else console.log(paint('1;32', 'ALL STEPS PASSED'))
const passed = (unit?.passed ?? 0) + (e2e?.passed ?? 0)
const failed = (unit?.failed ?? 0) + (e2e?.failed ?? 0)
// The one line CI reads; keep it last and plain.
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failedStep ? 1 : 0)
