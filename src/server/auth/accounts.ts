import { sql } from 'drizzle-orm'
import type { AdminAgent } from '@shared/auth/admin-api'
import { newId } from '@shared/ids'
import type { Agent, Role } from '@shared/people/model'
import type { CommandResult } from '@shared/sync/protocol'
import type { Tier } from '@shared/ticket/model'
import { rows, type DeskDatabase, type Queryable } from '../db/database'
import { write } from '../sync/writer'
import { generatePassword, hashPassword } from './passwords'
import { revokeAgentSessions } from './sessions'
import type { ServerViewer } from './viewer'

export class AccountError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly code: string,
    message: string,
    readonly issues?: Record<string, string>
  ) {
    super(message)
  }
}

function refused(result: CommandResult): AccountError | null {
  if (result.status === 'applied') return null
  return new AccountError(result.code === 'forbidden' ? 409 : 400, result.code, result.reason, result.issues)
}

async function emailTaken(q: Queryable, email: string, except = ''): Promise<boolean> {
  const found = await rows<{ agent_id: string }>(
    q,
    sql`SELECT agent_id FROM credentials WHERE email = ${email.toLowerCase()} AND agent_id <> ${except}`
  )
  return found.length > 0
}

/** Runs agent.upsert — the same command the console runs — as `actor`, plus `extra` in the same transaction. */
async function upsertAgent(
  database: DeskDatabase,
  actor: ServerViewer,
  agent: Omit<Agent, 'createdAt' | 'updatedAt'>,
  extra: (q: Queryable) => Promise<void>
): Promise<void> {
  await write(database, actor, '', async ({ tx, run }) => {
    const result = await run({
      seq: 0,
      id: newId(),
      name: 'agent.upsert',
      version: 1,
      args: agent,
      occurredAt: new Date().toISOString()
    })
    const error = refused(result)
    if (error) throw error
    await extra(tx)
    return { value: undefined, logged: [] }
  })
}

export interface NewAgent {
  name: string
  email: string
  role: Role
  teamId: string
  tier: Tier
  password?: string
}

export async function createAgentAccount(
  database: DeskDatabase,
  actor: ServerViewer,
  req: NewAgent,
  id = newId()
): Promise<{ agentId: string; oneTimePassword: string | null }> {
  const email = req.email.toLowerCase()
  if (await emailTaken(database.db, email))
    throw new AccountError(409, 'email_taken', `${email} already has an account`, { email: 'already in use' })
  const oneTimePassword = req.password === undefined ? generatePassword() : null
  const hash = await hashPassword(req.password ?? oneTimePassword!)
  await upsertAgent(
    database,
    actor,
    { id, name: req.name, email, role: req.role, teamId: req.teamId, tier: req.tier, active: true },
    async (q) => {
      await q.execute(
        sql`INSERT INTO credentials (agent_id, email, password_hash, must_change_password)
            VALUES (${id}, ${email}, ${hash}, ${oneTimePassword !== null})`
      )
    }
  )
  return { agentId: id, oneTimePassword }
}

async function loadAgent(q: Queryable, id: string): Promise<Agent | undefined> {
  const [row] = await rows<{ data: Agent | string }>(
    q,
    sql`SELECT data FROM records WHERE table_name = 'agents' AND id = ${id} AND NOT deleted`
  )
  if (!row) return undefined
  return typeof row.data === 'string' ? (JSON.parse(row.data) as Agent) : row.data
}

async function otherActiveAdmins(q: Queryable, id: string): Promise<number> {
  const [row] = await rows<{ n: string | number }>(
    q,
    sql`SELECT count(*) AS n FROM records
        WHERE table_name = 'agents' AND id <> ${id} AND NOT deleted
          AND data->>'role' = 'admin' AND (data->>'active')::boolean`
  )
  return Number(row.n)
}

export async function updateAgentAccount(
  database: DeskDatabase,
  actor: ServerViewer,
  id: string,
  fields: Partial<Pick<Agent, 'name' | 'email' | 'role' | 'teamId' | 'tier' | 'active'>>
): Promise<{ revoked: number }> {
  const agent = await loadAgent(database.db, id)
  if (!agent) throw new AccountError(404, 'not_found', `agent ${id} does not exist`)
  const next = { ...agent, ...fields, email: (fields.email ?? agent.email).toLowerCase() }
  if (
    agent.role === 'admin' &&
    agent.active &&
    (next.role !== 'admin' || !next.active) &&
    (await otherActiveAdmins(database.db, id)) === 0
  )
    throw new AccountError(409, 'last_admin', 'the desk needs at least one active admin', {
      [next.active ? 'role' : 'active']: 'last active admin'
    })
  if (fields.email !== undefined && (await emailTaken(database.db, next.email, id)))
    throw new AccountError(409, 'email_taken', `${next.email} already has an account`, { email: 'already in use' })
  let revoked = 0
  await upsertAgent(
    database,
    actor,
    {
      id,
      name: next.name,
      email: next.email,
      role: next.role,
      teamId: next.teamId,
      tier: next.tier,
      active: next.active
    },
    async (q) => {
      if (fields.email !== undefined)
        await q.execute(sql`UPDATE credentials SET email = ${next.email}, updated_at = now() WHERE agent_id = ${id}`)
      if (!next.active) revoked = await revokeAgentSessions(q, id)
    }
  )
  return { revoked }
}

/** Sets (or generates) an agent's password; signs them out everywhere. */
export async function resetPassword(
  database: DeskDatabase,
  id: string,
  password?: string
): Promise<{ oneTimePassword: string | null; revoked: number }> {
  const agent = await loadAgent(database.db, id)
  if (!agent) throw new AccountError(404, 'not_found', `agent ${id} does not exist`)
  const oneTimePassword = password === undefined ? generatePassword() : null
  const hash = await hashPassword(password ?? oneTimePassword!)
  return database.db.transaction(async (tx) => {
    const [existing] = await rows<{ agent_id: string }>(
      tx,
      sql`SELECT agent_id FROM credentials WHERE agent_id = ${id}`
    )
    if (existing)
      await tx.execute(
        sql`UPDATE credentials SET password_hash = ${hash}, must_change_password = ${oneTimePassword !== null}, updated_at = now()
            WHERE agent_id = ${id}`
      )
    else {
      if (!agent.email)
        throw new AccountError(400, 'validation', 'the agent needs an email address to sign in', { email: 'required' })
      if (await emailTaken(tx, agent.email, id))
        throw new AccountError(409, 'email_taken', `${agent.email} already has an account`, { email: 'already in use' })
      await tx.execute(
        sql`INSERT INTO credentials (agent_id, email, password_hash, must_change_password)
            VALUES (${id}, ${agent.email.toLowerCase()}, ${hash}, ${oneTimePassword !== null})`
      )
    }
    const revoked = await revokeAgentSessions(tx, id)
    return { oneTimePassword, revoked }
  })
}

export async function listAgents(q: Queryable, id?: string): Promise<AdminAgent[]> {
  const found = await rows<{
    data: Agent | string
    email: string | null
    must_change_password: boolean | null
    sessions: string | number
    last_seen_at: string | Date | null
  }>(
    q,
    sql`SELECT r.data, c.email, c.must_change_password,
          (SELECT count(*) FROM sessions s WHERE s.agent_id = r.id AND s.revoked_at IS NULL AND s.expires_at > now()) AS sessions,
          (SELECT max(k.last_seen_at) FROM clients k WHERE k.agent_id = r.id) AS last_seen_at
        FROM records r LEFT JOIN credentials c ON c.agent_id = r.id
        WHERE r.table_name = 'agents' AND NOT r.deleted ${id === undefined ? sql`` : sql`AND r.id = ${id}`}
        ORDER BY r.data->>'name'`
  )
  return found.map((r) => {
    const a = typeof r.data === 'string' ? (JSON.parse(r.data) as Agent) : r.data
    return {
      id: a.id,
      name: a.name,
      email: r.email ?? a.email,
      role: a.role,
      teamId: a.teamId,
      tier: a.tier,
      active: a.active,
      hasLogin: r.email !== null,
      mustChangePassword: r.must_change_password ?? false,
      activeSessions: Number(r.sessions),
      lastSeenAt: r.last_seen_at === null ? null : new Date(r.last_seen_at).toISOString()
    }
  })
}

/**
 * First start: when nobody can sign in, create an administrator (or, with `email`, make sure
 * that account exists as an admin with a fresh one-time password — `--create-admin`).
 */
export async function ensureAdmin(
  database: DeskDatabase,
  email?: string
): Promise<{ email: string; oneTimePassword: string; created: boolean } | null> {
  if (email === undefined) {
    const [row] = await rows<{ n: string | number }>(database.db, sql`SELECT count(*) AS n FROM credentials`)
    if (Number(row.n) > 0) return null
  }
  const address = (email ?? 'admin@desk.local').toLowerCase()
  const [existing] = await rows<{ agent_id: string }>(
    database.db,
    sql`SELECT agent_id FROM credentials WHERE email = ${address}`
  )
  const id = existing?.agent_id ?? newId()
  const system: ServerViewer = {
    agentId: id,
    role: 'admin',
    teamKind: '',
    teamId: '',
    name: 'Administrator',
    email: address,
    seesRestricted: true,
    active: true
  }
  if (existing) {
    const agent = await loadAgent(database.db, id)
    if (agent && (agent.role !== 'admin' || !agent.active))
      await updateAgentAccount(database, system, id, { role: 'admin', active: true })
    const { oneTimePassword } = await resetPassword(database, id)
    return { email: address, oneTimePassword: oneTimePassword!, created: false }
  }
  const { oneTimePassword } = await createAgentAccount(
    database,
    system,
    { name: 'Administrator', email: address, role: 'admin', teamId: '', tier: 'L3' },
    id
  )
  return { email: address, oneTimePassword: oneTimePassword!, created: true }
}
