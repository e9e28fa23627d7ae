// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getDb } from '../../../src/renderer/src/data/database'
import { IntakePage } from '../../../src/renderer/src/features/intake/IntakePage'
import { useIntakeStore } from '../../../src/renderer/src/features/intake/store'
import { createTicket, renderApp, seed, type Seed } from './harness'

let s: Seed

beforeEach(async () => {
  s = await seed()
  useIntakeStore.getState().reset()
})
afterEach(() => cleanup())

async function ready(): Promise<void> {
  // The submit button is enabled once the agent profile has loaded from Dexie.
  await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('intake-submit').disabled).toBe(false), {
    timeout: 5000
  })
}

describe('IntakePage', { timeout: 20_000 }, () => {
  it('submitting an empty form shows field errors and writes nothing', async () => {
    renderApp(<IntakePage />, '/tickets/new')
    await ready()
    fireEvent.click(screen.getByTestId('intake-submit'))
    await screen.findByTestId('intake-errors')
    expect(screen.getByText('Find the caller or add them as a new contact')).toBeTruthy()
    expect(screen.getByText('At least 3 characters')).toBeTruthy()
    expect(screen.getByText('Choose one')).toBeTruthy()
    // The first field with a problem takes the focus.
    expect(document.activeElement).toBe(screen.getByTestId('requester-search'))
    expect(await getDb().tickets.count()).toBe(0)
    expect(await getDb().outbox.count()).toBe(0)
  })

  it('finds the caller by phone digits and creates the ticket, then opens it', async () => {
    const view = renderApp(<IntakePage />, '/tickets/new')
    await ready()
    const search = screen.getByTestId('requester-search')
    expect(document.activeElement).toBe(search)
    fireEvent.change(search, { target: { value: '86 10 5555' } })
    const option = await screen.findByTestId('requester-option')
    expect(option.textContent).toContain('Bob Caller')
    expect(option.textContent).toContain('Finance')
    fireEvent.click(option)
    await screen.findByTestId('requester-selected')

    fireEvent.change(screen.getByTestId('intake-title'), { target: { value: 'Outlook crashes on start' } })
    act(() =>
      useIntakeStore.getState().update({ category: 'software', subcategory: 'email_client', impact: 1, urgency: 2 })
    )
    await waitFor(() => expect(screen.getByTestId('intake-priority').textContent).toBe('P2'))

    fireEvent.keyDown(screen.getByTestId('intake-title'), { key: 'Enter', ctrlKey: true })
    await waitFor(() => expect(view.history.at(-1)).toMatch(/^\/tickets\/[0-9a-f-]{36}$/))
    const tickets = await getDb().tickets.toArray()
    expect(tickets).toHaveLength(1)
    expect(tickets[0]).toMatchObject({
      title: 'Outlook crashes on start',
      requesterId: s.contactId,
      priority: 'P2',
      channel: 'phone'
    })
    expect(view.history.at(-1)).toBe(`/tickets/${tickets[0].id}`)
    expect(await getDb().outbox.count()).toBe(1)
    // The draft is gone once the ticket exists.
    expect(useIntakeStore.getState().draft.title).toBe('')
  })

  it('adds a missing caller inline, with field errors from contact.create', async () => {
    renderApp(<IntakePage />, '/tickets/new')
    await ready()
    fireEvent.change(screen.getByTestId('requester-search'), { target: { value: 'Carol New' } })
    fireEvent.click(screen.getByTestId('contact-new'))
    expect(screen.getByTestId<HTMLInputElement>('contact-name').value).toBe('Carol New')
    fireEvent.change(screen.getByTestId('contact-email'), { target: { value: 'not-an-email' } })
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('contact-save').disabled).toBe(false))
    fireEvent.click(screen.getByTestId('contact-save'))
    expect(await screen.findByText('Not a valid email address')).toBeTruthy()
    expect(await getDb().contacts.count()).toBe(1)

    fireEvent.change(screen.getByTestId('contact-email'), { target: { value: 'carol@example.com' } })
    fireEvent.click(screen.getByTestId('contact-vip'))
    fireEvent.click(screen.getByTestId('contact-save'))
    const selected = await screen.findByTestId('requester-selected')
    expect(selected.textContent).toContain('Carol New')
    expect(selected.textContent).toContain('VIP')
    const carol = (await getDb().contacts.toArray()).find((c) => c.name === 'Carol New')
    expect(carol).toMatchObject({ email: 'carol@example.com', vip: true })
    expect(useIntakeStore.getState().draft.requesterId).toBe(carol?.id)
  })

  it('keeps the draft when the page is left and opened again', async () => {
    const first = renderApp(<IntakePage />, '/tickets/new')
    await ready()
    fireEvent.change(screen.getByTestId('intake-title'), { target: { value: 'Half-typed call' } })
    first.unmount()
    renderApp(<IntakePage />, '/tickets/new')
    expect(screen.getByTestId<HTMLInputElement>('intake-title').value).toBe('Half-typed call')
    expect(JSON.parse(sessionStorage.getItem('desk-intake-draft') ?? '{}').state.draft.title).toBe('Half-typed call')
  })

  it('an override without a reason is refused before anything is written', async () => {
    renderApp(<IntakePage />, '/tickets/new')
    await ready()
    act(() =>
      useIntakeStore.getState().update({
        requesterId: s.contactId,
        title: 'Server room too hot',
        category: 'other',
        override: true,
        overridePriority: 'P1'
      })
    )
    fireEvent.click(screen.getByTestId('intake-submit'))
    await screen.findByTestId('intake-errors')
    expect(screen.getByText('At least 3 characters')).toBeTruthy()
    expect(await getDb().tickets.count()).toBe(0)
  })

  it('lists open tickets of the same requester as possible duplicates and links the new one', async () => {
    const existing = await createTicket(s)
    const view = renderApp(<IntakePage />, '/tickets/new')
    await ready()
    act(() =>
      useIntakeStore.getState().update({ requesterId: s.contactId, title: 'VPN keeps dropping', category: 'network' })
    )
    const candidate = await screen.findByTestId('duplicate-candidate')
    expect(candidate.textContent).toContain('INC-000001')
    fireEvent.click(within(candidate).getByTestId('duplicate-mark'))
    await screen.findByTestId('intake-duplicate-of')
    fireEvent.click(screen.getByTestId('intake-submit'))
    await waitFor(() => expect(view.history.at(-1)).toMatch(/^\/tickets\/[0-9a-f-]{36}$/))
    const created = (await getDb().tickets.toArray()).find((t) => t.id !== existing)
    expect(created?.links).toEqual([{ type: 'duplicate_of', ticketId: existing }])
  })
})
