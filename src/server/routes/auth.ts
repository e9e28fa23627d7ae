import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { changePasswordRequestSchema, type MeResponse } from '@shared/auth/admin-api'
import { rolePermissions } from '@shared/auth/permissions'
import { loginRequestSchema, type Session } from '@shared/sync/protocol'
import { dummyHash, hashPassword, verifyPassword } from '../auth/passwords'
import { createSession, revokeAgentSessions, revokeSession } from '../auth/sessions'
import { loadViewer } from '../auth/viewer'
import { rows } from '../db/database'
import { requireAuth } from '../http/auth'
import { parseOr400, sendError } from '../http/errors'
import type { ServerDeps } from '../deps'

export function authRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const { database } = deps
  const auth = requireAuth(database)

  app.post(
    '/auth/login',
    { config: { rateLimit: { max: deps.loginRateLimit.max, timeWindow: deps.loginRateLimit.timeWindowMs } } },
    async (req, reply) => {
      const body = parseOr400(reply, loginRequestSchema, req.body, 'login')
      if (!body) return reply
      const [cred] = await rows<{ agent_id: string; password_hash: string }>(
        database.db,
        sql`SELECT agent_id, password_hash FROM credentials WHERE email = ${body.email.toLowerCase()}`
      )
      // Verify against a dummy hash for unknown emails: the answer takes as long either way.
      const ok = await verifyPassword(body.password, cred?.password_hash ?? (await dummyHash()))
      const viewer = ok && cred ? await loadViewer(database.db, cred.agent_id) : undefined
      if (!viewer?.active) {
        req.log.info({ email: body.email }, 'login refused')
        return sendError(reply, 401, 'invalid_credentials', 'wrong email or password, or the account is disabled')
      }
      const session = await createSession(database.db, viewer.agentId, deps.sessionTtlMs, {
        userAgent: req.headers['user-agent'],
        ip: req.ip
      })
      req.log.info({ agentId: viewer.agentId }, 'login')
      const answer: Session = { token: session.token, expiresAt: session.expiresAt, agentId: viewer.agentId }
      return reply.header('Cache-Control', 'no-store').send(answer)
    }
  )

  app.post('/auth/logout', { preHandler: auth }, async (req, reply) => {
    await revokeSession(database.db, req.auth!.session.tokenHash)
    deps.hub.disconnect({ tokenHash: req.auth!.session.tokenHash })
    return reply.status(204).send()
  })

  app.get('/auth/me', { preHandler: auth }, async (req, reply) => {
    const { viewer, session } = req.auth!
    const [cred] = await rows<{ must_change_password: boolean }>(
      database.db,
      sql`SELECT must_change_password FROM credentials WHERE agent_id = ${viewer.agentId}`
    )
    const [agent] = await rows<{ tier: MeResponse['agent']['tier'] }>(
      database.db,
      sql`SELECT data->>'tier' AS tier FROM records WHERE table_name = 'agents' AND id = ${viewer.agentId}`
    )
    const me: MeResponse = {
      agent: {
        id: viewer.agentId,
        name: viewer.name,
        email: viewer.email,
        role: viewer.role,
        teamId: viewer.teamId,
        tier: agent?.tier ?? 'L1'
      },
      permissions: [...rolePermissions[viewer.role]],
      seesRestricted: viewer.seesRestricted,
      mustChangePassword: cred?.must_change_password ?? false,
      expiresAt: session.expiresAt
    }
    return reply.header('Cache-Control', 'no-store').send(me)
  })

  app.post(
    '/auth/password',
    {
      preHandler: auth,
      config: { rateLimit: { max: deps.loginRateLimit.max, timeWindow: deps.loginRateLimit.timeWindowMs } }
    },
    async (req, reply) => {
      const body = parseOr400(reply, changePasswordRequestSchema, req.body, 'password change')
      if (!body) return reply
      const { viewer, session } = req.auth!
      const [cred] = await rows<{ password_hash: string }>(
        database.db,
        sql`SELECT password_hash FROM credentials WHERE agent_id = ${viewer.agentId}`
      )
      if (!cred || !(await verifyPassword(body.currentPassword, cred.password_hash)))
        return sendError(reply, 400, 'bad_request', 'the current password is wrong', {
          currentPassword: 'wrong password'
        })
      if (body.newPassword === body.currentPassword)
        return sendError(reply, 400, 'bad_request', 'choose a new password', { newPassword: 'same as the current one' })
      const hash = await hashPassword(body.newPassword)
      await database.db.transaction(async (tx) => {
        await tx.execute(
          sql`UPDATE credentials SET password_hash = ${hash}, must_change_password = false, updated_at = now()
              WHERE agent_id = ${viewer.agentId}`
        )
        await revokeAgentSessions(tx, viewer.agentId, session.tokenHash)
      })
      return reply.status(204).send()
    }
  )
}
