import { sql } from 'drizzle-orm'
import type { NumberLease } from '@shared/sync/protocol'
import type { TicketKind as TicketKindName } from '@shared/ticket/model'
import { rows, type DeskDatabase } from '../db/database'
import { claimClient } from './clients'

export type LeaseOutcome = { kind: 'ok'; lease: NumberLease } | { kind: 'forbidden' }

/**
 * POST /sync/numbers: a block of ticket numbers only this client hands out, so tickets created
 * offline on different workstations never share a number. Direct allocation by the server and
 * leases draw from the same counter.
 */
export async function leaseNumbers(
  database: DeskDatabase,
  agentId: string,
  req: { clientId: string; kind: TicketKindName; count: number }
): Promise<LeaseOutcome> {
  return database.db.transaction(async (tx) => {
    const client = await claimClient(tx, req.clientId, agentId)
    if (!client) return { kind: 'forbidden' } as const
    const [row] = await rows<{ next_value: number }>(
      tx,
      sql`UPDATE number_counters SET next_value = next_value + ${req.count} WHERE kind = ${req.kind} RETURNING next_value`
    )
    const to = Number(row.next_value) - 1
    const from = to - req.count + 1
    await tx.execute(
      sql`INSERT INTO number_leases (client_id, kind, from_value, to_value) VALUES (${req.clientId}, ${req.kind}, ${from}, ${to})`
    )
    return { kind: 'ok', lease: { kind: req.kind, from, to } } as const
  })
}
