import type { FastifyReply, FastifyRequest } from 'fastify'
import { can, type Permission } from '@shared/auth/permissions'
import { findSession, hashToken, type SessionRow } from '../auth/sessions'
import { loadViewer, type ServerViewer } from '../auth/viewer'
import type { DeskDatabase } from '../db/database'
import { sendError } from './errors'

export interface RequestAuth {
  session: SessionRow
  viewer: ServerViewer
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null
  }
}

const tokenPattern = /^[A-Za-z0-9_-]{20,200}$/

/** The session and agent behind a token; undefined when expired, revoked or the agent is inactive. */
export async function authenticateToken(
  database: DeskDatabase,
  token: string | undefined
): Promise<RequestAuth | undefined> {
  if (!token || !tokenPattern.test(token)) return undefined
  const session = await findSession(database.db, hashToken(token))
  if (!session) return undefined
  const viewer = await loadViewer(database.db, session.agentId)
  if (!viewer?.active) return undefined
  return { session, viewer }
}

export function bearerToken(req: FastifyRequest): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')
  return m?.[1]
}

/** preHandler: a valid bearer token, else 401. */
export function requireAuth(database: DeskDatabase) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const auth = await authenticateToken(database, bearerToken(req))
    if (!auth) {
      void reply.header('WWW-Authenticate', 'Bearer')
      await sendError(reply, 401, 'unauthorized', 'sign in to the desk server (missing, expired or revoked session)')
      return
    }
    req.auth = auth
  }
}

/** preHandler after requireAuth: the agent's role has `permission`, else 403. */
export function requirePermission(permission: Permission) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!req.auth || !can(req.auth.viewer.role, permission))
      await sendError(reply, 403, 'forbidden', `this needs the ${permission} permission`)
  }
}
