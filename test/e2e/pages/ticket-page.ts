import { expect, type Locator, type Page } from '@playwright/test'
import { pickOption } from './mantine'

export interface TransitionDetails {
  /** Option labels as shown in the page's language. */
  pendingReason?: string
  resolutionCode?: string
  resolutionNotes?: string
  reason?: string
}

/** One ticket (route `/tickets/:id`): header, status transitions, comments and timeline. */
export class TicketPage {
  readonly number: Locator
  readonly status: Locator
  readonly priority: Locator
  readonly timelineEvents: Locator
  readonly commentBody: Locator
  readonly commentInternal: Locator
  readonly commentSubmit: Locator

  constructor(readonly page: Page) {
    this.number = page.getByTestId('ticket-number')
    this.status = page.getByTestId('ticket-status')
    this.priority = page.getByTestId('ticket-priority')
    this.timelineEvents = page.getByTestId('timeline-event')
    this.commentBody = page.getByTestId('comment-body')
    this.commentInternal = page.getByTestId('comment-visibility-internal')
    this.commentSubmit = page.getByTestId('comment-submit')
  }

  async open(ticketId: string): Promise<void> {
    await this.page.goto(`/#/tickets/${ticketId}`)
    await expect(this.number).toBeVisible()
  }

  transitionButton(to: string): Locator {
    return this.page.getByTestId(`transition-${to}`)
  }

  /** Moves the ticket to `to`, filling whatever the dialog asks for, and confirms. */
  async transition(to: string, details: TransitionDetails = {}): Promise<void> {
    await this.transitionButton(to).click()
    if (details.pendingReason)
      await pickOption(this.page, this.page.getByTestId('pending-reason'), details.pendingReason)
    if (details.resolutionCode)
      await pickOption(this.page, this.page.getByTestId('resolution-code'), details.resolutionCode)
    if (details.resolutionNotes !== undefined)
      await this.page.getByTestId('resolution-notes').fill(details.resolutionNotes)
    if (details.reason !== undefined) await this.page.getByTestId('reason').fill(details.reason)
    await this.page.getByTestId('transition-confirm').click()
  }

  async addComment(body: string, { internal = false } = {}): Promise<void> {
    await this.commentBody.fill(body)
    if (internal) await this.commentInternal.click()
    await this.commentSubmit.click()
    await expect(this.commentBody).toHaveValue('')
  }

  /** Timeline rows of one type (`comment`, `status`, `assignment`, …). */
  events(type: string): Locator {
    return this.page.locator(`[data-testid="timeline-event"][data-type="${type}"]`)
  }
}
