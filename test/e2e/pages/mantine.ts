import type { Locator, Page } from '@playwright/test'

/**
 * Picks an option of a Mantine Select / Autocomplete: the data-testid sits on the input, and the
 * options open in a portal as ARIA options.
 */
export async function pickOption(page: Page, input: Locator, name: string | RegExp): Promise<void> {
  await input.click()
  await page.getByRole('option', { name, exact: typeof name === 'string' }).click()
}
