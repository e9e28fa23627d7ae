import Dexie, { type EntityTable } from 'dexie'
import type { CommandEnvelope } from '@shared/command/types'
import type { Agent, Contact, Service, Team } from '@shared/people/model'
import type { Ticket, TicketEvent } from '@shared/ticket/model'

/** A command waiting to reach the desk server. `seq` orders it among this client's commands. */
export interface OutboxEntry extends CommandEnvelope {
  seq?: number
  clientId: string
  queuedAt: string
  /** ticket.create: the number this workstation gave the ticket (sent to the server as `args.number`). */
  number?: string
  /** Set when the server answered `applied`; the entry stays until a pull has brought its rows. */
  ackedAt?: string
  /** Why the command could not be re-applied locally on top of the server's rows (it stays queued). */
  rebaseError?: { code: string; message: string }
}

/**
 * The server's version of a row that pending local commands have changed (`row: null` when the
 * server has no such row yet). Rebase restores these, then re-runs the pending commands on top.
 */
export interface SyncBaseRow {
  /** `${table}:${id}`; config keys use table `config`. */
  key: string
  table: string
  id: string
  row: unknown
}

/** A command the desk server refused: kept until the agent re-applies or discards it. */
export interface ConflictRow {
  /** The refused command's id. */
  id: string
  name: string
  version: number
  args: unknown
  actorId: string
  occurredAt: string
  code: string
  reason: string
  issues: Record<string, string>
  /** The value that won on the server. */
  current: { table: string; id: string; row: unknown } | null
  refusedAt: string
}

export interface MetaRow {
  key: string
  value: unknown
}

export const dbName = 'desk-console'

/**
 * The agent's working copy. The version chain is append-only: never edit a released version,
 * add `this.version(n + 1)` with an upgrade function (tested) instead.
 */
export class DeskDb extends Dexie {
  tickets!: EntityTable<Ticket, 'id'>
  ticketEvents!: EntityTable<TicketEvent, 'id'>
  contacts!: EntityTable<Contact, 'id'>
  teams!: EntityTable<Team, 'id'>
  agents!: EntityTable<Agent, 'id'>
  services!: EntityTable<Service, 'id'>
  outbox!: EntityTable<OutboxEntry, 'seq'>
  meta!: EntityTable<MetaRow, 'key'>
  syncBase!: EntityTable<SyncBaseRow, 'key'>
  conflicts!: EntityTable<ConflictRow, 'id'>

  constructor(name = dbName) {
    super(name)
    this.version(1).stores({
      // Index only what the queue filters and sorts on; free text is reached through `terms`.
      tickets: [
        'id',
        '&number',
        'createdAt',
        'updatedAt',
        'requesterId',
        'serviceId',
        '*terms',
        // The queue reads one indexed range per view and sort (see data/queue-query.ts). Each
        // compound ends in updatedAt so pages continue by key and ties are rare; where('priority')
        // and friends still work through Dexie's virtual indexes on the compound's first part.
        '[isOpen+updatedAt]',
        '[teamId+isOpen+updatedAt]',
        '[assigneeId+isOpen+updatedAt]',
        '[status+updatedAt]',
        '[priority+isOpen+updatedAt]',
        '[kind+isOpen+updatedAt]',
        '[category+isOpen+updatedAt]',
        '[isOpen+number]',
        '[isOpen+title+updatedAt]',
        '[isOpen+requesterName+updatedAt]'
      ].join(', '),
      ticketEvents: 'id, [ticketId+occurredAt]',
      contacts: 'id, name, *keys',
      teams: 'id',
      agents: 'id',
      services: 'id, name',
      outbox: '++seq, &id',
      meta: 'key',
      syncBase: 'key',
      conflicts: 'id, refusedAt'
    })
  }
}
