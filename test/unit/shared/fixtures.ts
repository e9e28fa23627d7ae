import { MemoryStore } from '@shared/command/memory-store'
import { executeCommand } from '@shared/command/registry'
import { CommandError, type CommandEnvelope } from '@shared/command/types'
import type { TicketCreateArgs } from '@shared/ticket/commands'
import type { Ticket, TicketEvent } from '@shared/ticket/model'
import { expect } from 'vitest'

/** A readable, fixed UUID: `uuid(7)` → `00000000-0000-7000-8000-000000000007`. */
export function uuid(n: number, prefix = '0'): string {
  return `${prefix.padStart(8, '0')}-0000-7000-8000-${n.toString(16).padStart(12, '0')}`
}

export const ids = {
  actor: uuid(1, 'a'),
  agentAlice: uuid(1, 'a'),
  agentBob: uuid(2, 'a'),
  teamDesk: uuid(1, 'b'),
  teamNetwork: uuid(2, 'b'),
  contactZhang: uuid(1, 'c'),
  contactSmith: uuid(2, 'c'),
  serviceMail: uuid(1, 'd')
}

const baseTime = Date.parse('2026-03-02T09:00:00.000Z')

/** Runs commands with deterministic ids and clock, like one agent at a workstation. */
export class Desk {
  readonly store: MemoryStore
  private seq = 0

  constructor(store = new MemoryStore()) {
    this.store = store
  }

  envelope(name: string, args: unknown, version = 1): CommandEnvelope {
    this.seq++
    return {
      // Derived event ids replace the last 4 hex digits of the command id, so command ids must
      // differ before those (as random UUIDv7s do).
      id: uuid(0xabc, (0xe0000000 + this.seq).toString(16)),
      name,
      version,
      args,
      actorId: ids.actor,
      occurredAt: new Date(baseTime + this.seq * 60_000).toISOString()
    }
  }

  async run(name: string, args: unknown, version = 1): Promise<CommandEnvelope> {
    const env = this.envelope(name, args, version)
    await executeCommand(this.store, env)
    return env
  }

  /** Runs a command that must be refused; returns the error and checks the store did not change. */
  async refuse(name: string, args: unknown, version = 1): Promise<CommandError> {
    const before = snapshot(this.store)
    let error: unknown
    try {
      await this.run(name, args, version)
    } catch (e) {
      error = e
    }
    expect(error, `${name} should have been refused`).toBeInstanceOf(CommandError)
    expect(snapshot(this.store)).toEqual(before)
    return error as CommandError
  }

  ticket(id: string): Ticket {
    const t = this.store.tables.tickets.get(id)
    if (!t) throw new Error(`no ticket ${id}`)
    return t
  }

  eventsOf(ticketId: string): TicketEvent[] {
    return [...this.store.tables.ticketEvents.values()].filter((e) => e.ticketId === ticketId)
  }
}

/** Everything a command could change, as plain data. */
export function snapshot(store: MemoryStore): unknown {
  return structuredClone({
    tables: Object.fromEntries(Object.entries(store.tables).map(([name, rows]) => [name, [...rows.entries()]])),
    config: store.config,
    counters: store.counters
  })
}

/** A desk with two teams, two agents, two contacts and a service. */
export async function seededDesk(): Promise<Desk> {
  const desk = new Desk()
  await desk.run('team.upsert', {
    id: ids.teamDesk,
    name: 'Service Desk',
    kind: 'service_desk'
  })
  await desk.run('team.upsert', {
    id: ids.teamNetwork,
    name: 'Network',
    kind: 'network'
  })
  await desk.run('agent.upsert', {
    id: ids.agentAlice,
    name: 'Alice',
    email: 'alice@example.com',
    role: 'agent',
    teamId: ids.teamDesk,
    tier: 'L1'
  })
  await desk.run('agent.upsert', {
    id: ids.agentBob,
    name: 'Bob',
    email: '',
    role: 'specialist',
    teamId: ids.teamNetwork,
    tier: 'L2'
  })
  await desk.run('contact.create', {
    id: ids.contactZhang,
    name: '张伟',
    phone: '+86 138 0000 0000',
    email: '',
    department: '财务部',
    vip: true
  })
  await desk.run('contact.create', {
    id: ids.contactSmith,
    name: 'John Smith',
    phone: '',
    email: 'John.Smith@example.com',
    department: 'Sales',
    vip: false
  })
  await desk.run('service.upsert', {
    id: ids.serviceMail,
    name: 'Email',
    type: 'service',
    category: 'software',
    ownerTeamId: ids.teamDesk
  })
  return desk
}

export function createArgs(id: string, over: Partial<TicketCreateArgs> = {}): TicketCreateArgs {
  return {
    id,
    kind: 'incident',
    channel: 'phone',
    requesterId: ids.contactZhang,
    title: '打印机卡纸',
    description: 'Printer on floor 3 jams on every job',
    category: 'hardware',
    subcategory: 'printer',
    impact: 2,
    urgency: 2,
    ...over
  }
}
