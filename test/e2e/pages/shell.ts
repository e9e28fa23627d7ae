import { expect, type Locator, type Page } from '@playwright/test'

/** The console frame around every screen: header status badges and navigation. */
export class Shell {
  readonly onlineState: Locator
  readonly outboxCount: Locator
  readonly currentAgent: Locator

  constructor(readonly page: Page) {
    this.onlineState = page.getByTestId('online-state')
    this.outboxCount = page.getByTestId('outbox-count')
    this.currentAgent = page.getByTestId('current-agent')
  }

  async expectLoaded(): Promise<void> {
    await expect(this.onlineState).toBeVisible()
    await expect(this.outboxCount).toBeVisible()
  }

  /** The number shown on the pending-outbox badge. */
  async pendingCount(): Promise<number> {
    const text = (await this.outboxCount.innerText()).replace(/\D+/g, ' ').trim()
    return text ? Number(text.split(' ')[0]) : 0
  }

  /** Client-side routes are hash routes (`#/tickets/new`). */
  async goto(route: string): Promise<void> {
    await this.page.goto(`/#${route}`)
  }
}
