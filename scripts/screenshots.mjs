#!/usr/bin/env node
/**
 * Screenshots of the console for the README and for reviewing screens: queue, intake and ticket
 * detail in English and Chinese, light and dark, against the BUILT renderer (`npm run build`) with
 * demo data loaded through the app's own Settings ▸ Demo data action.
 *
 *   npm run build && npm run screenshots            → docs/screenshots/<screen>-<lang>-<scheme>.png
 */
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = resolve(repo, 'docs/screenshots')
const port = Number(process.env.SHOTS_PORT ?? 4281)
const base = `http://127.0.0.1:${port}`

const server = spawn(
  process.execPath,
  [resolve(repo, 'scripts/serve-static.mjs'), '--root', 'out/renderer', '--port', String(port)],
  {
    cwd: repo,
    stdio: 'ignore'
  }
)

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/index.html`)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('static server did not start')
}

const variants = [
  { lang: 'en', locale: 'en-US', name: 'Alex Morgan' },
  { lang: 'zh', locale: 'zh-CN', name: '王芳' }
]
const schemes = ['light', 'dark']

async function shoot(browser, { lang, locale, name }, scheme) {
  const context = await browser.newContext({ locale, colorScheme: scheme, viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${base}/`)
  await page.getByTestId('setup-name').fill(name)
  await page.getByTestId('setup-submit').click()
  await page.getByTestId('online-state').waitFor()

  await page.goto(`${base}/#/settings/demo`)
  await page.getByTestId('demo-count').fill('3000')
  await page.getByTestId('demo-load').click()
  await page.getByTestId('demo-progress').waitFor()
  await page.waitForFunction(() => !document.querySelector('[data-testid="demo-load"][data-loading]'), null, {
    timeout: 120_000
  })
  await page.waitForTimeout(500)

  const file = (screen) => resolve(outDir, `${screen}-${lang}-${scheme}.png`)
  await page.goto(`${base}/#/`)
  await page.getByTestId('queue-page').waitFor()
  await page.getByTestId('queue-view-open').click()
  await page.getByTestId('queue-row').first().waitFor()
  await page.waitForTimeout(300)
  await page.screenshot({ path: file('queue') })

  await page.getByTestId('queue-row').nth(2).click()
  await page.keyboard.press('Enter')
  await page.getByTestId('ticket-number').waitFor()
  await page.waitForTimeout(300)
  await page.screenshot({ path: file('detail') })

  await page.goto(`${base}/#/tickets/new`)
  await page.getByTestId('intake-title').fill(lang === 'zh' ? 'VPN 每隔十分钟断开一次' : 'VPN drops every ten minutes')
  await page
    .getByTestId('intake-description')
    .fill(lang === 'zh' ? '出差期间连接公司 VPN 时证书报错。' : 'Certificate error while travelling.')
  await page.waitForTimeout(300)
  await page.screenshot({ path: file('intake') })
  await context.close()
}

mkdirSync(outDir, { recursive: true })
try {
  await waitForServer()
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run'
    ]
  })
  for (const v of variants)
    for (const s of schemes) {
      await shoot(browser, v, s)
      console.log(`screenshots: ${v.lang} ${s} done`)
    }
  await browser.close()
} finally {
  server.kill()
}
