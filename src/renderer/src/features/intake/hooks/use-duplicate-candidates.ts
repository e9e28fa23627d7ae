import { useLiveQuery } from 'dexie-react-hooks'
import { tokenize } from '@shared/search/tokenize'
import type { Ticket } from '@shared/ticket/model'
import { getDb } from '../../../data/database'

export interface DuplicateCandidate {
  ticket: Ticket
  /** Search terms the candidate shares with the title being typed. */
  shared: number
  sameRequester: boolean
  sameService: boolean
}

/** Cap per index range: a requester with hundreds of open tickets is not the common case. */
const perSource = 300

/** Ranks open tickets by how much they look like the new one. Pure, for tests. */
export function rankCandidates(
  tickets: readonly Ticket[],
  input: { requesterId: string; serviceId: string; title: string; excludeId?: string },
  limit = 5
): DuplicateCandidate[] {
  const typed = new Set(tokenize(input.title))
  const seen = new Set<string>()
  const out: DuplicateCandidate[] = []
  for (const ticket of tickets) {
    if (seen.has(ticket.id) || ticket.id === input.excludeId || ticket.isOpen !== 1) continue
    seen.add(ticket.id)
    const shared = ticket.terms.reduce((n, term) => n + (typed.has(term) ? 1 : 0), 0)
    const sameRequester = input.requesterId !== '' && ticket.requesterId === input.requesterId
    const sameService = input.serviceId !== '' && ticket.serviceId === input.serviceId
    // A same-service ticket from someone else is only a candidate if it talks about the same thing.
    if (!sameRequester && !(sameService && shared > 0)) continue
    out.push({ ticket, shared, sameRequester, sameService })
  }
  return out
    .sort(
      (a, b) =>
        b.shared - a.shared ||
        Number(b.sameRequester && b.sameService) - Number(a.sameRequester && a.sameService) ||
        b.ticket.updatedAt.localeCompare(a.ticket.updatedAt)
    )
    .slice(0, limit)
}

/** Open tickets of the same requester or the same service / CI that resemble the title being typed. */
export function useDuplicateCandidates(
  requesterId: string,
  serviceId: string,
  title: string,
  excludeId?: string
): DuplicateCandidate[] {
  const termsKey = tokenize(title).join(' ')
  return (
    useLiveQuery(async () => {
      if (!requesterId && !serviceId) return []
      const db = getDb()
      const [byRequester, byService] = await Promise.all([
        requesterId
          ? db.tickets
              .where('requesterId')
              .equals(requesterId)
              .filter((t) => t.isOpen === 1)
              .limit(perSource)
              .toArray()
          : [],
        serviceId
          ? db.tickets
              .where('serviceId')
              .equals(serviceId)
              .filter((t) => t.isOpen === 1)
              .limit(perSource)
              .toArray()
          : []
      ])
      return rankCandidates([...byRequester, ...byService], { requesterId, serviceId, title: termsKey, excludeId })
    }, [requesterId, serviceId, termsKey, excludeId]) ?? []
  )
}
