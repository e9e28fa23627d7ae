import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import {
  adminCreateAgentRequestSchema,
  adminResetPasswordRequestSchema,
  adminUpdateAgentRequestSchema,
  type AdminAgentResult
} from '@shared/auth/admin-api'
import { idSchema } from '@shared/common'
import { AccountError, createAgentAccount, listAgents, resetPassword, updateAgentAccount } from '../auth/accounts'
import { revokeAgentSessions } from '../auth/sessions'
import { requireAuth, requirePermission } from '../http/auth'
import { parseOr400, sendError } from '../http/errors'
import { compactTombstones } from '../sync/pull'
import type { ServerDeps } from '../deps'

const idParams = z.strictObject({ id: idSchema })
const compactSchema = z.strictObject({ olderThanDays: z.int().min(1).max(3_650).default(90) })

function accountError(reply: FastifyReply, e: unknown): FastifyReply {
  if (e instanceof AccountError) return sendError(reply, e.status, e.code, e.message, e.issues)
  throw e
}

/** The admin screens' API: agents, roles, teams, passwords, sessions. Needs agent.manage. */
export function adminRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const { database } = deps
  const guard = { preHandler: [requireAuth(database), requirePermission('agent.manage')] }

  const result = async (id: string, oneTimePassword: string | null): Promise<AdminAgentResult> => {
    const [agent] = await listAgents(database.db, id)
    return { agent, oneTimePassword }
  }

  app.get('/admin/agents', guard, async (_req, reply) => {
    return reply.header('Cache-Control', 'no-store').send({ agents: await listAgents(database.db) })
  })

  app.post('/admin/agents', guard, async (req, reply) => {
    const body = parseOr400(reply, adminCreateAgentRequestSchema, req.body, 'agent')
    if (!body) return reply
    try {
      const { agentId, oneTimePassword } = await createAgentAccount(database, req.auth!.viewer, body)
      req.log.info({ by: req.auth!.viewer.agentId, agentId, role: body.role }, 'agent created')
      return reply
        .status(201)
        .header('Cache-Control', 'no-store')
        .send(await result(agentId, oneTimePassword))
    } catch (e) {
      return accountError(reply, e)
    }
  })

  app.patch('/admin/agents/:id', guard, async (req, reply) => {
    const params = parseOr400(reply, idParams, req.params, 'agent id')
    if (!params) return reply
    const body = parseOr400(reply, adminUpdateAgentRequestSchema, req.body, 'agent changes')
    if (!body) return reply
    try {
      const { revoked } = await updateAgentAccount(database, req.auth!.viewer, params.id, body)
      if (revoked) deps.hub.disconnect({ agentId: params.id })
      req.log.info({ by: req.auth!.viewer.agentId, agentId: params.id, fields: Object.keys(body) }, 'agent updated')
      return reply.header('Cache-Control', 'no-store').send(await result(params.id, null))
    } catch (e) {
      return accountError(reply, e)
    }
  })

  app.post('/admin/agents/:id/password', guard, async (req, reply) => {
    const params = parseOr400(reply, idParams, req.params, 'agent id')
    if (!params) return reply
    const body = parseOr400(reply, adminResetPasswordRequestSchema, req.body ?? {}, 'password')
    if (!body) return reply
    try {
      const { oneTimePassword } = await resetPassword(database, params.id, body.password)
      deps.hub.disconnect({ agentId: params.id })
      req.log.info({ by: req.auth!.viewer.agentId, agentId: params.id }, 'password reset')
      return reply.header('Cache-Control', 'no-store').send(await result(params.id, oneTimePassword))
    } catch (e) {
      return accountError(reply, e)
    }
  })

  app.post('/admin/agents/:id/revoke-sessions', guard, async (req, reply) => {
    const params = parseOr400(reply, idParams, req.params, 'agent id')
    if (!params) return reply
    const revoked = await revokeAgentSessions(database.db, params.id)
    deps.hub.disconnect({ agentId: params.id })
    req.log.info({ by: req.auth!.viewer.agentId, agentId: params.id, revoked }, 'sessions revoked')
    return reply.send({ revoked })
  })

  /** Purges old tombstones; clients with older cursors then re-bootstrap (resetRequired: horizon). */
  app.post('/admin/compact', guard, async (req, reply) => {
    const body = parseOr400(reply, compactSchema, req.body ?? {}, 'compaction')
    if (!body) return reply
    const outcome = await compactTombstones(database, new Date(Date.now() - body.olderThanDays * 86_400_000))
    req.log.info({ by: req.auth!.viewer.agentId, ...outcome }, 'tombstones compacted')
    return reply.send(outcome)
  })
}
