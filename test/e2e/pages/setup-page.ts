import { expect, type Locator, type Page } from '@playwright/test'
import { pickOption } from './mantine'

export interface SetupDetails {
  name: string
  email?: string
  /** Visible option labels, in the page's language. */
  role?: string
  team?: string
  tier?: string
}

/** First-run set-up: display preferences and the agent's own record. */
export class SetupPage {
  readonly heading: Locator
  readonly name: Locator
  readonly email: Locator
  readonly role: Locator
  readonly team: Locator
  readonly tier: Locator
  readonly language: Locator
  readonly submit: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 2 })
    this.name = page.getByTestId('setup-name')
    this.email = page.getByTestId('setup-email')
    this.role = page.getByTestId('setup-role')
    this.team = page.getByTestId('setup-team')
    this.tier = page.getByTestId('setup-tier')
    this.language = page.getByTestId('setup-language')
    this.submit = page.getByTestId('setup-submit')
  }

  async open(): Promise<void> {
    await this.page.goto('/')
    await expect(this.submit).toBeVisible()
  }

  /** Switches the UI language with the segmented control (label as shown, e.g. "English", "中文"). */
  async chooseLanguage(label: string | RegExp): Promise<void> {
    await this.language.getByText(label).click()
  }

  async fill(details: SetupDetails): Promise<void> {
    await this.name.fill(details.name)
    if (details.email !== undefined) await this.email.fill(details.email)
    if (details.role) await pickOption(this.page, this.role, details.role)
    if (details.team) await pickOption(this.page, this.team, details.team)
    if (details.tier) await pickOption(this.page, this.tier, details.tier)
  }

  async complete(details: SetupDetails): Promise<void> {
    await this.fill(details)
    await this.submit.click()
    await expect(this.submit).toBeHidden()
  }
}
