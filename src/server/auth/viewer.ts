import { sql } from 'drizzle-orm'
import { canSeeTicket, restrictedCategories, type Viewer } from '@shared/auth/permissions'
import type { Agent } from '@shared/people/model'
import { rows, type Queryable } from '../db/database'

/** Who is asking, as the server sees it: always loaded from the database, never from a body. */
export interface ServerViewer extends Viewer {
  agentId: string
  teamId: string
  name: string
  email: string
  /** May see restricted (security) tickets. */
  seesRestricted: boolean
  active: boolean
}

export function seesRestricted(viewer: Viewer): boolean {
  return restrictedCategories.every((category) => canSeeTicket(viewer, { category }))
}

/** The agent's synced row and their team's kind; undefined when the agent does not exist. */
export async function loadViewer(q: Queryable, agentId: string): Promise<ServerViewer | undefined> {
  const [row] = await rows<{ agent: Agent; team_kind: string | null }>(
    q,
    sql`SELECT a.data AS agent, t.data->>'kind' AS team_kind
        FROM records a
        LEFT JOIN records t ON t.table_name = 'teams' AND t.id = a.data->>'teamId' AND NOT t.deleted
        WHERE a.table_name = 'agents' AND a.id = ${agentId} AND NOT a.deleted`
  )
  if (!row) return undefined
  const agent = typeof row.agent === 'string' ? (JSON.parse(row.agent) as Agent) : row.agent
  const viewer: Viewer = { role: agent.role, teamKind: row.team_kind ?? '' }
  return {
    ...viewer,
    agentId,
    teamId: agent.teamId,
    name: agent.name,
    email: agent.email,
    active: agent.active,
    seesRestricted: seesRestricted(viewer)
  }
}

/** 'all' or 'public': what a client's local copy may hold. A change means a re-bootstrap. */
export function viewerScope(viewer: ServerViewer): 'all' | 'public' {
  return viewer.seesRestricted ? 'all' : 'public'
}
