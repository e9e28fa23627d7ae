import Dexie, { type EntityTable } from 'dexie'
import type { CommandEnvelope } from '@shared/command/types'
import type { Agent, Contact, Service, Team } from '@shared/people/model'
import type { Ticket, TicketEvent } from '@shared/ticket/model'

/** A command waiting to reach the desk server. `seq` orders it among this client's commands. */
export interface OutboxEntry extends CommandEnvelope {
  seq?: number
  clientId: string
  queuedAt: string
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
      meta: 'key'
    })
  }
}
