// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCommand } from '../../../src/renderer/src/data/commands'
import { getDb } from '../../../src/renderer/src/data/database'
import { TicketPage } from '../../../src/renderer/src/features/ticket/TicketPage'
import { createTicket, renderApp, seed, type Seed } from '../intake/harness'

let s: Seed
let ticketId: string

beforeEach(async () => {
  s = await seed()
  ticketId = await createTicket(s)
})
afterEach(() => cleanup())

async function openPage(): Promise<void> {
  renderApp(<TicketPage ticketId={ticketId} />, `/tickets/${ticketId}`)
  await screen.findByTestId('ticket-number')
}

/** Opens the dialog of a status action and waits until the agent profile lets it confirm. */
async function openTransition(to: string): Promise<HTMLElement> {
  fireEvent.click(await screen.findByTestId(`transition-${to}`))
  const confirm = await screen.findByTestId('transition-confirm')
  await waitFor(() => expect((confirm as HTMLButtonElement).disabled).toBe(false), { timeout: 5000 })
  return confirm
}

async function status(): Promise<string | undefined> {
  return (await getDb().tickets.get(ticketId))?.status
}

async function pick(testId: string, optionLabel: string): Promise<void> {
  fireEvent.click(screen.getByTestId(testId))
  // happy-dom does not run the dropdown's CSS transition, so the options count as hidden.
  fireEvent.click(await screen.findByRole('option', { name: optionLabel, hidden: true }))
}

describe('TicketPage', { timeout: 20_000 }, () => {
  it('shows the header and offers only the transitions the state machine allows', async () => {
    await openPage()
    expect(screen.getByTestId('ticket-number').textContent).toBe('INC-000001')
    expect(screen.getByTestId('ticket-priority').textContent).toBe('P3')
    expect(screen.getByTestId('ticket-status').getAttribute('data-status')).toBe('new')
    const offered = screen.getAllByTestId(/^transition-/).map((b) => b.getAttribute('data-testid'))
    expect(offered.sort()).toEqual([
      'transition-assigned',
      'transition-cancelled',
      'transition-in_progress',
      'transition-resolved'
    ])
    expect(screen.queryByTestId('transition-pending')).toBeNull()
    expect(screen.queryByTestId('transition-closed')).toBeNull()
  })

  it('putting a ticket on hold requires a pending reason', async () => {
    await runCommand(
      getDb(),
      'ticket.transition',
      1,
      { ticketId, from: 'new', to: 'in_progress' },
      { actorId: s.agentId }
    )
    await openPage()
    const confirm = await openTransition('pending')
    const outboxBefore = await getDb().outbox.count()
    fireEvent.click(confirm)
    await within(screen.getByTestId('transition-dialog')).findByText('Required')
    expect(await status()).toBe('in_progress')
    expect(await getDb().outbox.count()).toBe(outboxBefore)

    await pick('pending-reason', 'Awaiting vendor')
    fireEvent.click(screen.getByTestId('transition-confirm'))
    await waitFor(() => expect(screen.queryByTestId('transition-dialog')).toBeNull())
    const ticket = await getDb().tickets.get(ticketId)
    expect(ticket).toMatchObject({ status: 'pending', pendingReason: 'vendor' })
    await waitFor(() => expect(screen.getByTestId('ticket-status').getAttribute('data-status')).toBe('pending'))
  })

  it('resolving requires a resolution code and notes', async () => {
    await openPage()
    const confirm = await openTransition('resolved')
    fireEvent.click(confirm)
    const dialog = screen.getByTestId('transition-dialog')
    await within(dialog).findByText('Required')
    expect(within(dialog).getByText('At least 3 characters')).toBeTruthy()
    expect(await status()).toBe('new')

    await pick('resolution-code', 'User instructed')
    fireEvent.change(screen.getByTestId('resolution-notes'), { target: { value: 'ok' } })
    fireEvent.click(screen.getByTestId('transition-confirm'))
    await within(dialog).findByText('At least 3 characters')
    expect(await status()).toBe('new')

    fireEvent.change(screen.getByTestId('resolution-notes'), {
      target: { value: 'Showed how to reconnect the VPN client' }
    })
    fireEvent.click(screen.getByTestId('transition-confirm'))
    await waitFor(() => expect(screen.queryByTestId('transition-dialog')).toBeNull())
    expect(await getDb().tickets.get(ticketId)).toMatchObject({
      status: 'resolved',
      resolutionCode: 'user_instructed',
      resolutionNotes: 'Showed how to reconnect the VPN client'
    })
    // Once resolved, the agent may close or reopen, nothing else.
    await waitFor(() =>
      expect(
        screen
          .getAllByTestId(/^transition-/)
          .map((b) => b.getAttribute('data-testid'))
          .sort()
      ).toEqual(['transition-closed', 'transition-in_progress'])
    )
  })

  it('cancelling needs a reason of at least 3 characters', async () => {
    await openPage()
    const confirm = await openTransition('cancelled')
    fireEvent.change(screen.getByTestId('reason'), { target: { value: 'x' } })
    fireEvent.click(confirm)
    await within(screen.getByTestId('transition-dialog')).findByText('At least 3 characters')
    expect(await status()).toBe('new')
  })

  it('a status that changed meanwhile is refused with a clear message and nothing changes', async () => {
    await openPage()
    const confirm = await openTransition('in_progress')
    // Another agent (or a sync) moves the ticket while the dialog is open.
    await runCommand(
      getDb(),
      'ticket.transition',
      1,
      { ticketId, from: 'new', to: 'cancelled', reason: 'duplicate call' },
      { actorId: s.agentId }
    )
    const before = await getDb().ticketEvents.count()
    fireEvent.click(confirm)
    const error = await screen.findByTestId('transition-error')
    expect(error.textContent).toContain('Cancelled')
    expect(await status()).toBe('cancelled')
    expect(await getDb().ticketEvents.count()).toBe(before)
  })

  it('comments, work logs and the timeline', async () => {
    await openPage()
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('comment-submit').disabled).toBe(false), {
      timeout: 5000
    })
    // An empty comment is refused at the field.
    fireEvent.click(screen.getByTestId('comment-submit'))
    await screen.findByText('Required')
    fireEvent.change(screen.getByTestId('comment-body'), { target: { value: 'Checked the VPN concentrator logs' } })
    fireEvent.keyDown(screen.getByTestId('comment-body'), { key: 'Enter', ctrlKey: true })
    await waitFor(() =>
      expect(
        screen.getAllByTestId('timeline-event').some((e) => e.getAttribute('data-visibility') === 'internal')
      ).toBe(true)
    )
    expect(screen.getByTestId<HTMLTextAreaElement>('comment-body').value).toBe('')

    fireEvent.change(screen.getByTestId('worklog-minutes'), { target: { value: 'abc' } })
    fireEvent.click(screen.getByTestId('worklog-submit'))
    await screen.findByText('Enter a number')
    fireEvent.change(screen.getByTestId('worklog-minutes'), { target: { value: '25' } })
    fireEvent.change(screen.getByTestId('worklog-note'), { target: { value: 'Remote session' } })
    fireEvent.click(screen.getByTestId('worklog-submit'))
    await waitFor(() => expect(screen.getByTestId('worklog-total').getAttribute('data-minutes')).toBe('25'))
    expect(screen.getByTestId('worklog-total').textContent).toBe('Time spent: 25 min')

    const types = screen.getAllByTestId('timeline-event').map((e) => e.getAttribute('data-type'))
    expect(types).toEqual(['created', 'comment', 'worklog'])
    expect(screen.getAllByTestId('timeline-event')[0].textContent).toContain('Alice Agent')
  })

  it('renders field changes readably and assigns to me', async () => {
    await runCommand(getDb(), 'ticket.setFields', 1, { ticketId, fields: { impact: 1 } }, { actorId: s.agentId })
    await openPage()
    const fieldsEvent = async (): Promise<HTMLElement | undefined> =>
      (await screen.findAllByTestId('timeline-event')).find((e) => e.getAttribute('data-type') === 'fields')
    await waitFor(async () => expect((await fieldsEvent())?.textContent).toContain('Alice Agent'))
    const fields = await fieldsEvent()
    expect(fields?.textContent).toContain('Impact Medium — minor → High — severe')
    expect(fields?.textContent).toContain('Priority P3 → P2')

    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('assign-me').disabled).toBe(false), {
      timeout: 5000
    })
    fireEvent.click(screen.getByTestId('assign-me'))
    await waitFor(async () =>
      expect(await getDb().tickets.get(ticketId)).toMatchObject({
        assigneeId: s.agentId,
        teamId: s.teamId,
        status: 'assigned'
      })
    )
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('assign-me').disabled).toBe(true))
    const types = screen.getAllByTestId('timeline-event').map((e) => e.getAttribute('data-type'))
    expect(types.slice(-2)).toEqual(['assignment', 'status'])
  })

  it('shows a not-found state for an unknown id', async () => {
    renderApp(<TicketPage ticketId="01a20f6e-ec9a-779a-b313-d41deaaf7fde" />)
    expect(await screen.findByTestId('ticket-not-found')).toBeTruthy()
  })
})
