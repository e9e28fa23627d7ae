import { defineConfig } from '@playwright/test'

/** Where the built renderer is served for the tests (scripts/serve-static.mjs). */
const port = Number(process.env.E2E_PORT ?? 4178)
const baseURL = `http://127.0.0.1:${port}`

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // Artifacts (screenshots, traces) of failed tests; reports go next to it so one clean-up does both.
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // No retries anywhere: a flaky test must fail loudly, not pass on the second go.
  retries: 0,
  // Two cores: one browser at a time keeps timings honest on the CI box.
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/reports/e2e.json' }]],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    // Debian's Chromium, never a Playwright browser download.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run'
      ]
    },
    viewport: { width: 1440, height: 900 }
    // Colour scheme per test: `test.use({ colorScheme: 'dark' })`.
  },
  projects: [
    { name: 'en', use: { locale: 'en-US', timezoneId: 'Europe/London' } },
    { name: 'zh', use: { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' } }
  ],
  webServer: {
    // Serves the BUILT renderer (npm run build) with the app's CSP header.
    command: `node scripts/serve-static.mjs --root out/renderer --port ${port}`,
    url: `${baseURL}/index.html`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe'
  }
})
