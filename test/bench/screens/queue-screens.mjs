#!/usr/bin/env node
/* global window */
/**
 * Screenshots of the queue in en / zh-CN, light / dark, for a person to look at.
 * Builds the renderer alone (test/bench/vite.config.ts, BENCH_TARGET=renderer) and the bench page,
 * serves both from one origin (so they share IndexedDB), seeds a demo desk through the bench page,
 * then opens the real app.   node test/bench/screens/queue-screens.mjs [outDir]
 */
import { createServer } from 'node:http'
import { readFile, mkdir } from 'node:fs/promises'
import { extname, join, resolve } from 'node:path'
import { build } from 'vite'
import { chromium } from 'playwright-core'

const root = resolve(import.meta.dirname, '../../..')
const shots = resolve(process.argv[2] ?? join(root, 'test/bench/screens/out'))
const config = join(root, 'test/bench/vite.config.ts')
process.env.BENCH_TARGET = 'renderer'
await build({ configFile: config, logLevel: 'warn' })
delete process.env.BENCH_TARGET
await build({ configFile: config, logLevel: 'warn' })

const dirs = { '/app/': join(root, 'out/bench-renderer'), '/bench/': join(root, 'out/bench-console') }
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' }
const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname
  const prefix = Object.keys(dirs).find((p) => path.startsWith(p))
  if (!prefix) return res.writeHead(404).end()
  const rel = path.slice(prefix.length) || 'index.html'
  try {
    const file = join(dirs[prefix], rel)
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
    res.end(await readFile(file))
  } catch {
    res.writeHead(404).end()
  }
})
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const base = `http://127.0.0.1:${server.address().port}`
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
})
const context = await browser.newContext({ viewport: { width: 1440, height: 860 }, deviceScaleFactor: 1 })
const page = await context.newPage()
page.on('pageerror', (e) => console.error('page error:', e.message))
await page.goto(`${base}/bench/`)
await page.waitForFunction(() => window.bench?.ready)
await page.evaluate(async () => {
  await window.bench.resetDesk()
  await window.bench.setupDesk()
  await window.bench.ingest(6000, 7)
})
await mkdir(shots, { recursive: true })
const written = []
for (const language of ['en', 'zh-CN'])
  for (const theme of ['light', 'dark']) {
    await page.evaluate(([language, theme]) => localStorage.setItem('desk-prefs', JSON.stringify({ state: { theme, language }, version: 0 })), [language, theme])
    await page.goto(`${base}/app/?shot=${language}-${theme}#/`)
    await page.waitForSelector('[data-testid="queue-row"]', { timeout: 30_000 })
    await page.click('[data-testid="queue-view-open"]')
    await page.waitForTimeout(600)
    // Show focus and a selection with the bulk bar, as an agent mid-task would see it.
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await page.keyboard.press('x')
    await page.keyboard.press('j')
    await page.keyboard.press('x')
    await page.waitForTimeout(300)
    const file = join(shots, `queue-${language}-${theme}.png`)
    await page.screenshot({ path: file })
    written.push(file)
  }
// Search in Chinese, and an empty state.
await page.fill('[data-testid="queue-search"]', '打印机 卡纸')
await page.waitForTimeout(800)
await page.screenshot({ path: join(shots, 'queue-zh-CN-dark-search.png') })
written.push(join(shots, 'queue-zh-CN-dark-search.png'))
await page.fill('[data-testid="queue-search"]', 'zzzz-nothing')
await page.waitForTimeout(800)
await page.screenshot({ path: join(shots, 'queue-zh-CN-dark-empty.png') })
written.push(join(shots, 'queue-zh-CN-dark-empty.png'))
await browser.close()
server.close()
console.log(written.join('\n'))
