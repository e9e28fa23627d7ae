import { sql } from 'drizzle-orm'
import { rows, type Queryable } from '../db/database'

export interface ClientRow {
  clientId: string
  agentId: string
  lastProcessedSeq: number
  viewerScope: string
}

/**
 * The client row for `clientId`, registered to `agentId` on first use. Undefined when the id
 * already belongs to another agent: one workstation database, one agent.
 */
export async function claimClient(q: Queryable, clientId: string, agentId: string): Promise<ClientRow | undefined> {
  await q.execute(
    sql`INSERT INTO clients (client_id, agent_id) VALUES (${clientId}, ${agentId}) ON CONFLICT (client_id) DO NOTHING`
  )
  const [row] = await rows<{ agent_id: string; last_processed_seq: number; viewer_scope: string }>(
    q,
    sql`SELECT agent_id, last_processed_seq, viewer_scope FROM clients WHERE client_id = ${clientId}`
  )
  if (!row || row.agent_id !== agentId) return undefined
  return { clientId, agentId, lastProcessedSeq: Number(row.last_processed_seq), viewerScope: row.viewer_scope }
}
