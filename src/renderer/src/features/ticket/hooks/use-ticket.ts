import Dexie from 'dexie'
import { useLiveQuery } from 'dexie-react-hooks'
import type { Ticket, TicketEvent } from '@shared/ticket/model'
import { getDb } from '../../../data/database'

/** The ticket, null when there is none with this id, undefined while loading. */
export function useTicket(id: string): Ticket | null | undefined {
  return useLiveQuery(async () => (await getDb().tickets.get(id)) ?? null, [id])
}

/** The ticket's timeline, oldest first (the composer sits below the newest event). */
export function useTicketEvents(id: string): TicketEvent[] | undefined {
  return useLiveQuery(
    () => getDb().ticketEvents.where('[ticketId+occurredAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray(),
    [id]
  )
}

/** Tickets by id (linked tickets), in the order asked; missing ones are left out. */
export function useTicketsById(ids: readonly string[]): Map<string, Ticket> {
  const key = ids.join(',')
  return (
    useLiveQuery(async () => {
      const rows = await getDb().tickets.bulkGet([...ids])
      return new Map<string, Ticket>(rows.filter((t): t is Ticket => Boolean(t)).map((t) => [t.id, t]))
    }, [key]) ?? new Map<string, Ticket>()
  )
}
