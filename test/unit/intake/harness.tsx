import 'fake-indexeddb/auto'
import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { render, type RenderResult } from '@testing-library/react'
import { Router } from 'wouter'
import { memoryLocation } from 'wouter/memory-location'
import { newId } from '@shared/ids'
import { initI18n } from '../../../src/renderer/src/app/i18n'
import { runCommand } from '../../../src/renderer/src/data/commands'
import { getDb } from '../../../src/renderer/src/data/database'
import { setProfile } from '../../../src/renderer/src/data/reference'

// Mantine reads these browser APIs that happy-dom leaves out.
if (!window.matchMedia)
  window.matchMedia = (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false
  })
if (!('ResizeObserver' in window))
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
Element.prototype.scrollIntoView ??= function scrollIntoView(): void {}
// Textarea autosize listens for web-font loads.
if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget(), configurable: true })

let i18nReady = false

export interface Seed {
  agentId: string
  teamId: string
  otherTeamId: string
  contactId: string
}

/** An empty database with one agent (the profile), two teams and one contact. */
export async function seed(): Promise<Seed> {
  if (!i18nReady) {
    initI18n('en')
    i18nReady = true
  }
  const db = getDb()
  await Promise.all(db.tables.map((table) => table.clear()))
  sessionStorage.clear()
  const bootstrap = { actorId: 'system' }
  const teamId = newId()
  const otherTeamId = newId()
  const agentId = newId()
  const contactId = newId()
  await runCommand(db, 'team.upsert', 1, { id: teamId, name: 'Service Desk', kind: 'service_desk' }, bootstrap)
  await runCommand(db, 'team.upsert', 1, { id: otherTeamId, name: 'Network', kind: 'network' }, bootstrap)
  await runCommand(
    db,
    'agent.upsert',
    1,
    { id: agentId, name: 'Alice Agent', role: 'agent', teamId, tier: 'L1' },
    bootstrap
  )
  await runCommand(
    db,
    'contact.create',
    1,
    {
      id: contactId,
      name: 'Bob Caller',
      phone: '+86 10 5555 0101',
      email: 'bob@example.com',
      department: 'Finance',
      vip: true
    },
    bootstrap
  )
  await db.outbox.clear()
  await setProfile({ agentId })
  return { agentId, teamId, otherTeamId, contactId }
}

export interface Rendered extends RenderResult {
  /** Paths the app navigated to, in order. */
  history: string[]
}

export function renderApp(ui: React.ReactNode, path = '/'): Rendered {
  const location = memoryLocation({ path, record: true })
  const result = render(
    <MantineProvider>
      <Notifications />
      <Router hook={location.hook}>{ui}</Router>
    </MantineProvider>
  )
  return Object.assign(result, { history: location.history })
}

/** Creates a ticket the way the console does, returning its id. */
export async function createTicket(s: Seed, extra: Record<string, unknown> = {}): Promise<string> {
  const id = newId()
  await runCommand(
    getDb(),
    'ticket.create',
    1,
    {
      id,
      kind: 'incident',
      channel: 'phone',
      requesterId: s.contactId,
      title: 'VPN drops every ten minutes',
      description: 'Since this morning',
      category: 'network',
      subcategory: 'vpn',
      impact: 2,
      urgency: 2,
      ...extra
    },
    { actorId: s.agentId }
  )
  return id
}
