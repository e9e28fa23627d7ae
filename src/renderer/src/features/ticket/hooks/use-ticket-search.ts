import { useLiveQuery } from 'dexie-react-hooks'
import { matchesQuery, parseQuery, parseTicketNumber } from '@shared/search/tokenize'
import type { Ticket } from '@shared/ticket/model'
import { getDb } from '../../../data/database'

/** Tickets for the link picker: by number through the `&number` index, else by title words through `*terms`. */
export async function searchTickets(query: string, excludeId: string, limit = 8): Promise<Ticket[]> {
  const db = getDb()
  const numbers = parseTicketNumber(query)
  if (numbers.length) {
    const hits = await db.tickets.where('number').anyOf(numbers).toArray()
    if (hits.length) return hits.filter((t) => t.id !== excludeId)
  }
  const q = parseQuery(query)
  const lead = q.all[0]
  let rows: Ticket[]
  if (lead) rows = await db.tickets.where('terms').equals(lead).distinct().limit(500).toArray()
  else if (q.prefix) rows = await db.tickets.where('terms').startsWith(q.prefix).distinct().limit(500).toArray()
  else return []
  return rows
    .filter((t) => t.id !== excludeId && matchesQuery(t.terms, q))
    .sort((a, b) => b.isOpen - a.isOpen || b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, limit)
}

export function useTicketSearch(query: string, excludeId: string): Ticket[] | undefined {
  return useLiveQuery(() => searchTickets(query, excludeId), [query, excludeId])
}
