#!/usr/bin/env node
/**
 * Console benchmark: builds the bench page (test/bench/console, the real queue code) with Vite,
 * serves it on 127.0.0.1 and drives it in Debian Chromium through playwright-core.
 * Prints a table and writes test/bench/results/console.json.
 *
 *   npm run bench:console                 # 100k and 500k
 *   BENCH_SIZES=20000 npm run bench:console   # a quick run
 */
import { createServer } from 'node:http'
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { extname, join, resolve } from 'node:path'
import { build } from 'vite'
import { chromium } from 'playwright-core'

const root = resolve(import.meta.dirname, '..')
const outDir = join(root, 'out/bench-console')
const sizes = (process.env.BENCH_SIZES ?? '100000,500000').split(',').map(Number)
const runs = Number(process.env.BENCH_RUNS ?? 30)
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const t00 = Date.now()
const say = (msg) => console.log(`[${((Date.now() - t00) / 1000).toFixed(0).padStart(4)}s] ${msg}`)

if (!existsSync(executablePath)) {
  console.error(`Chromium not found at ${executablePath}: apt-get install -y chromium`)
  process.exit(2)
}

say('building bench page')
await build({ configFile: join(root, 'test/bench/vite.config.ts'), logLevel: 'warn' })

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' }
const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname
  const file = join(outDir, path === '/' ? 'index.html' : path)
  try {
    const body = await readFile(file)
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
    res.end(body)
  } catch {
    res.writeHead(404).end()
  }
})
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const url = `http://127.0.0.1:${server.address().port}/`

// An off-the-record context: IndexedDB lives in memory. On this machine an on-disk profile wrote
// 100k tickets in ~380 s (disk-bound), which would not fit a ten-minute run.
const launched = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
})
const browser = await launched.newContext({ viewport: { width: 1440, height: 900 } })
const results = []
const failures = []
const table = []
const record = (metric, value, unit, target) => {
  results.push(target === undefined ? { metric, value: Math.round(value * 100) / 100, unit } : { metric, value: Math.round(value * 100) / 100, unit, target })
  table.push([metric, `${value.toFixed(unit === 'ratio' ? 2 : 1)} ${unit}`, target ?? ''])
}
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}

try {
  const page = browser.pages()[0] ?? (await browser.newPage())
  page.on('console', (m) => m.text().startsWith('[bench]') && say(m.text().slice(8)))
  page.on('pageerror', (e) => say(`page error: ${e.message}`))
  await page.goto(url)
  await page.waitForFunction(() => window.bench?.ready)
  let have = 0
  for (const size of sizes) {
   try {
    const label = size >= 1000 ? `${size / 1000}k` : String(size)
    const target = size >= 500_000 ? '<250' : '<100'
    say(`— ${label} tickets —`)
    if (have === 0 || have > size) {
      await page.reload()
      await page.waitForFunction(() => window.bench?.ready)
      await page.evaluate(() => window.bench.resetDesk())
      await page.evaluate(() => window.bench.setupDesk())
      have = 0
    }
    // Larger sizes grow the same desk (as a second demo load would): the increment is what is timed.
    const add = size - have
    // Raw bulkPut of the same rows into a scratch database first (it is deleted before the real
    // ingest, so the two never share memory); above 100k on every 8th chunk only — the ratio, not
    // the total, is the figure — to keep the run short.
    const sample = add > 100_000 ? 8 : 1
    let raw = { ms: NaN, tickets: 0 }
    if (!process.env.BENCH_NO_RAW)
      try {
        raw = await page.evaluate(([n, seed, every]) => window.bench.rawIngest(n, seed, every), [add, 20250602 + size, sample])
      } catch (e) {
        say(`raw bulkPut failed (${e.message.split('\n')[0]}); continuing without it`)
        failures.push(`raw bulkPut @${size}: ${e.message.split('\n')[0]}`)
      }
    say(`raw bulkPut: ${raw.tickets.toLocaleString('en')} tickets in ${(raw.ms / 1000).toFixed(1)} s`)
    const gen = await page.evaluate(([n, seed]) => window.bench.ingest(n, seed), [add, 20250602 + size])
    have = size
    say(`generator path: ${add.toLocaleString('en')} tickets in ${(gen.ms / 1000).toFixed(1)} s (${Math.round(add / (gen.ms / 1000))} tickets/s)`)
    record(`demo ingest (generator path) @${label}`, add / (gen.ms / 1000), 'tickets/s')
    if (raw.tickets) {
      record(`raw bulkPut (same rows) @${label}`, raw.tickets / (raw.ms / 1000), 'tickets/s')
      record(`generator path / raw bulkPut @${label}`, (gen.ms / add) / (raw.ms / raw.tickets), 'ratio', '<=3')
    }
    await page.reload()
    await page.waitForFunction(() => window.bench?.ready)
    say('queue scenarios')
    const scen = await page.evaluate(([r]) => window.bench.scenarios(r), [runs])
    for (const [name, xs] of Object.entries(scen)) {
      record(`${name} p50 @${label}`, pct(xs, 50), 'ms')
      record(`${name} p95 @${label}`, pct(xs, 95), 'ms', target)
    }
    const open = []
    for (let i = 0; i < runs; i++) open.push((await page.evaluate(([k]) => window.bench.openTicket(k), [i])).ms)
    record(`open ticket (ticket + events) p50 @${label}`, pct(open, 50), 'ms')
    record(`open ticket (ticket + events) p95 @${label}`, pct(open, 95), 'ms', target)
   } catch (e) {
    // Report what was measured; a size that failed is named in the output, not hidden.
    say(`FAILED at ${size.toLocaleString('en')} tickets: ${e.message.split('\n')[0]}`)
    failures.push(`${size}: ${e.message.split('\n')[0]}`)
    break
   }
  }
} finally {
  await browser.close()
  await launched.close()
  server.close()
}

const w = [Math.max(...table.map((r) => r[0].length)), 14, 7]
console.log('\n' + ['metric'.padEnd(w[0]), 'value'.padStart(w[1]), 'target'.padStart(w[2])].join('  '))
console.log('-'.repeat(w[0] + w[1] + w[2] + 4))
for (const r of table) console.log([r[0].padEnd(w[0]), r[1].padStart(w[1]), String(r[2]).padStart(w[2])].join('  '))
await mkdir(join(root, 'test/bench/results'), { recursive: true })
await writeFile(join(root, 'test/bench/results/console.json'), JSON.stringify(results, null, 2) + '\n')
say(`wrote test/bench/results/console.json (${results.length} figures)`)
if (failures.length) {
  console.log(`not measured: ${failures.join('; ')}`)
  process.exitCode = 1
}
