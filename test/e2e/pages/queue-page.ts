import { expect, type Locator, type Page } from '@playwright/test'

/** The ticket queue (route `/`): saved views, search box and the ticket grid. */
export class QueuePage {
  readonly rows: Locator
  readonly search: Locator

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('queue-row')
    this.search = page.getByTestId('queue-search')
  }

  async open(): Promise<void> {
    await this.page.goto('/#/')
    await expect(this.search).toBeVisible()
  }

  view(id: string): Locator {
    return this.page.getByTestId(`queue-view-${id}`)
  }

  async selectView(id: string): Promise<void> {
    await this.view(id).click()
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text)
  }

  /** The row showing a ticket number (INC-000001 …). */
  row(number: string): Locator {
    return this.rows.filter({ hasText: number })
  }

  async openTicket(number: string): Promise<void> {
    await this.row(number).click()
    await expect(this.page.getByTestId('ticket-number')).toHaveText(number)
  }
}
