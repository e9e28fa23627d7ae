import { setupMessages } from '../../src/renderer/src/features/setup/locales'
import { expect, test } from './fixtures'

/** A leaf message of the set-up bundle (bundles nest, so narrow to the string). */
function message(lang: 'en' | 'zh-CN', key: string): string {
  const value = setupMessages[lang][key]
  if (typeof value !== 'string') throw new Error(`setup message ${key} is not a string`)
  return value
}

test.describe('smoke', () => {
  test('first run: set-up in the browser language, then the console', async ({ page, lang, setup, shell }) => {
    const response = await page.goto('/')
    // Served the way the desktop app serves it: under the app's strict CSP.
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")

    await expect(setup.heading).toHaveText(message(lang, 'welcome'))
    await expect(page.locator('html')).toHaveAttribute('lang', lang)
    await expect(setup.submit).toHaveText(message(lang, 'submit'))

    // Submitting empty shows field errors and stays on set-up.
    await setup.submit.click()
    await expect(setup.name).toHaveAttribute('aria-invalid', 'true')
    await expect(setup.submit).toBeVisible()

    await setup.complete({ name: lang === 'zh-CN' ? '李娜' : 'Alex Morgan', email: 'agent@example.com' })
    await shell.expectLoaded()
    await expect(shell.currentAgent).toContainText(lang === 'zh-CN' ? '李娜' : 'Alex Morgan')
    // Set-up went through commands: the teams, services, rules and the agent wait in the outbox.
    expect(await shell.pendingCount()).toBeGreaterThan(0)

    // The profile lives in IndexedDB: a reload opens the console, not set-up again.
    await page.reload()
    await shell.expectLoaded()
    await expect(setup.submit).toBeHidden()
  })
})
