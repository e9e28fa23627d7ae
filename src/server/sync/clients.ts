import { sql } from 'drizzle-orm'
import { rows, type Queryable } from '../db/database'

export interface ClientRow {
  clientId: string
  agentId: string
  lastProcessedSeq: number
  viewerScope: string
  bootstrapHorizon: number
}

/**
 * The client row for `clientId`, registered to `agentId` on first use. Undefined when the id
 * already belongs to another agent: one workstation database, one agent.
 */
export async function claimClient(q: Queryable, clientId: string, agentId: string): Promise<ClientRow | undefined> {
  // One statement: registers a new client, or touches last_seen_at of this agent's own; returns
  // nothing when the id belongs to someone else.
  const [row] = await rows<{ last_processed_seq: number; viewer_scope: string; bootstrap_horizon: string | number }>(
    q,
    sql`INSERT INTO clients (client_id, agent_id) VALUES (${clientId}, ${agentId})
        ON CONFLICT (client_id) DO UPDATE SET last_seen_at = now() WHERE clients.agent_id = excluded.agent_id
        RETURNING last_processed_seq, viewer_scope, bootstrap_horizon`
  )
  if (!row) return undefined
  return {
    clientId,
    agentId,
    lastProcessedSeq: Number(row.last_processed_seq),
    viewerScope: row.viewer_scope,
    bootstrapHorizon: Number(row.bootstrap_horizon)
  }
}
