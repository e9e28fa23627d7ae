import { expect, type Locator, type Page } from '@playwright/test'
import { pickOption } from './mantine'

export interface NewContact {
  name: string
  phone?: string
  email?: string
  department?: string
  vip?: boolean
}

export interface TicketDetails {
  title: string
  description?: string
  /** Option labels as shown in the page's language. */
  category?: string
  subcategory?: string
  impact?: string
  urgency?: string
  team?: string
  assignee?: string
}

/** New ticket (route `/tickets/new`): requester, classification, priority and routing. */
export class IntakePage {
  readonly kindIncident: Locator
  readonly requesterSearch: Locator
  readonly requesterOptions: Locator
  readonly title: Locator
  readonly description: Locator
  readonly category: Locator
  readonly subcategory: Locator
  readonly impact: Locator
  readonly urgency: Locator
  readonly priority: Locator
  readonly team: Locator
  readonly assignee: Locator
  readonly submit: Locator

  constructor(readonly page: Page) {
    this.kindIncident = page.getByTestId('intake-kind-incident')
    this.requesterSearch = page.getByTestId('requester-search')
    this.requesterOptions = page.getByTestId('requester-option')
    this.title = page.getByTestId('intake-title')
    this.description = page.getByTestId('intake-description')
    this.category = page.getByTestId('intake-category')
    this.subcategory = page.getByTestId('intake-subcategory')
    this.impact = page.getByTestId('intake-impact')
    this.urgency = page.getByTestId('intake-urgency')
    this.priority = page.getByTestId('intake-priority')
    this.team = page.getByTestId('intake-team')
    this.assignee = page.getByTestId('intake-assignee')
    this.submit = page.getByTestId('intake-submit')
  }

  async open(): Promise<void> {
    await this.page.goto('/#/tickets/new')
    await expect(this.title).toBeVisible()
  }

  /** Searches the requester picker and picks the first match that contains `text`. */
  async chooseRequester(query: string, text: string | RegExp = query): Promise<void> {
    await this.requesterSearch.fill(query)
    await this.requesterOptions.filter({ hasText: text }).first().click()
  }

  /** Adds a requester inline (nobody matched the search). */
  async addContact(contact: NewContact): Promise<void> {
    await this.page.getByTestId('contact-new').click()
    await this.page.getByTestId('contact-name').fill(contact.name)
    if (contact.phone !== undefined) await this.page.getByTestId('contact-phone').fill(contact.phone)
    if (contact.email !== undefined) await this.page.getByTestId('contact-email').fill(contact.email)
    if (contact.department !== undefined) await this.page.getByTestId('contact-department').fill(contact.department)
    if (contact.vip) await this.page.getByTestId('contact-vip').check()
    await this.page.getByTestId('contact-save').click()
  }

  async fill(details: TicketDetails): Promise<void> {
    await this.title.fill(details.title)
    if (details.description !== undefined) await this.description.fill(details.description)
    if (details.category) await pickOption(this.page, this.category, details.category)
    if (details.subcategory) await pickOption(this.page, this.subcategory, details.subcategory)
    if (details.impact) await pickOption(this.page, this.impact, details.impact)
    if (details.urgency) await pickOption(this.page, this.urgency, details.urgency)
    if (details.team) await pickOption(this.page, this.team, details.team)
    if (details.assignee) await pickOption(this.page, this.assignee, details.assignee)
  }

  /** Submits and waits for the new ticket's page; returns its number. */
  async submitTicket(): Promise<string> {
    await this.submit.click()
    const number = this.page.getByTestId('ticket-number')
    await expect(number).toHaveText(/^(INC|REQ)-\d{6,}$/)
    return number.innerText()
  }
}
