import { test as base, expect } from '@playwright/test'
import type { Language } from '../../src/renderer/src/app/i18n-core'
import { IntakePage, QueuePage, SetupPage, Shell, TicketPage } from './pages'

interface Fixtures {
  /** The console language this project's browser locale should give (en-US → en, zh-CN → zh-CN). */
  lang: Language
  setup: SetupPage
  shell: Shell
  queue: QueuePage
  intake: IntakePage
  ticket: TicketPage
  /** Fails the test on uncaught page errors and Content-Security-Policy violations. */
  pageHealth: void
}

export const test = base.extend<Fixtures>({
  lang: async ({}, use, testInfo) => {
    await use(testInfo.project.name === 'zh' ? 'zh-CN' : 'en')
  },
  setup: async ({ page }, use) => use(new SetupPage(page)),
  shell: async ({ page }, use) => use(new Shell(page)),
  queue: async ({ page }, use) => use(new QueuePage(page)),
  intake: async ({ page }, use) => use(new IntakePage(page)),
  ticket: async ({ page }, use) => use(new TicketPage(page)),
  pageHealth: [
    async ({ page }, use) => {
      const problems: string[] = []
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) problems.push(`CSP: ${m.text()}`)
      })
      await use()
      expect(problems, 'the page logged errors').toEqual([])
    },
    { auto: true }
  ]
})

export { expect }
