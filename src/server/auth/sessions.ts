import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { rows, type Queryable } from '../db/database'

export const DEFAULT_SESSION_TTL_MS = 30 * 24 * 60 * 60_000

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export async function createSession(
  q: Queryable,
  agentId: string,
  ttlMs: number,
  meta: { userAgent?: string; ip?: string } = {}
): Promise<{ token: string; tokenHash: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url')
  const tokenHash = hashToken(token)
  const expiresAt = new Date(Date.now() + ttlMs).toISOString()
  await q.execute(
    sql`INSERT INTO sessions (token_hash, agent_id, expires_at, user_agent, ip)
        VALUES (${tokenHash}, ${agentId}, ${expiresAt}::timestamptz, ${(meta.userAgent ?? '').slice(0, 300)}, ${meta.ip ?? ''})`
  )
  return { token, tokenHash, expiresAt }
}

export interface SessionRow {
  tokenHash: string
  agentId: string
  expiresAt: string
}

/** The live session behind a token hash: not expired, not revoked. */
export async function findSession(q: Queryable, tokenHash: string): Promise<SessionRow | undefined> {
  const [row] = await rows<{ agent_id: string; expires_at: string | Date }>(
    q,
    sql`SELECT agent_id, expires_at FROM sessions
        WHERE token_hash = ${tokenHash} AND revoked_at IS NULL AND expires_at > now()`
  )
  if (!row) return undefined
  return { tokenHash, agentId: row.agent_id, expiresAt: new Date(row.expires_at).toISOString() }
}

export async function revokeSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.execute(sql`UPDATE sessions SET revoked_at = now() WHERE token_hash = ${tokenHash} AND revoked_at IS NULL`)
}

/** Revokes every live session of an agent (optionally but one); returns how many. */
export async function revokeAgentSessions(q: Queryable, agentId: string, except?: string): Promise<number> {
  const revoked = await rows<{ token_hash: string }>(
    q,
    sql`UPDATE sessions SET revoked_at = now()
        WHERE agent_id = ${agentId} AND revoked_at IS NULL AND token_hash <> ${except ?? ''}
        RETURNING token_hash`
  )
  return revoked.length
}
