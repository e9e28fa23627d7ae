import { sql } from 'drizzle-orm'
import type { FastifyInstance, FastifyReply } from 'fastify'
import {
  MIN_CLIENT_SCHEMA_VERSION,
  SYNC_SCHEMA_VERSION,
  numberLeaseRequestSchema,
  pullQuerySchema,
  pushRequestSchema
} from '@shared/sync/protocol'
import { rows } from '../db/database'
import { authenticateToken, requireAuth, requirePermission } from '../http/auth'
import { parseOr400, sendError } from '../http/errors'
import { leaseNumbers } from '../sync/numbers'
import { pull } from '../sync/pull'
import { push } from '../sync/push'
import { UNEXPECTED_REFUSAL } from '../sync/writer'
import type { ServerDeps } from '../deps'

/** A push may carry up to 500 commands of up to ~40 KB each (long descriptions, pasted logs). */
export const PUSH_BODY_LIMIT = 16 * 1024 * 1024

/** 426 before anything else: an old client may not even speak today's body shape. */
function tooOld(reply: FastifyReply, value: unknown): boolean {
  const raw = value && typeof value === 'object' ? (value as Record<string, unknown>).schemaVersion : undefined
  const version = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw
  if (typeof version === 'number' && Number.isInteger(version) && version < MIN_CLIENT_SCHEMA_VERSION) {
    void sendError(
      reply,
      426,
      'upgrade_required',
      `this desk server speaks sync schema ${MIN_CLIENT_SCHEMA_VERSION}–${SYNC_SCHEMA_VERSION}; update the console (it sent ${version})`
    )
    return true
  }
  return false
}

const forbiddenClient = (reply: FastifyReply): FastifyReply =>
  sendError(
    reply,
    403,
    'forbidden',
    'this clientId belongs to another agent; a workstation database syncs as one agent',
    {
      clientId: 'belongs to another agent'
    }
  )

export function syncRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const { database } = deps
  const auth = requireAuth(database)
  const work = requirePermission('ticket.work')

  app.post('/sync/push', { preHandler: auth, bodyLimit: PUSH_BODY_LIMIT }, async (req, reply) => {
    if (tooOld(reply, req.body)) return reply
    const body = parseOr400(reply, pushRequestSchema, req.body, 'push')
    if (!body) return reply
    for (let i = 1; i < body.commands.length; i++)
      if (body.commands[i].seq !== body.commands[i - 1].seq + 1)
        return sendError(reply, 400, 'bad_request', 'commands must be in outbox order with consecutive seqs', {
          [`commands.${i}.seq`]: `expected ${body.commands[i - 1].seq + 1}`
        })
    const outcome = await deps.track(push(database, req.auth!.viewer, body, deps.writerHooks))
    switch (outcome.kind) {
      case 'ok':
        for (const r of outcome.response.results)
          if (r.status === 'rejected' && r.reason.startsWith(UNEXPECTED_REFUSAL))
            req.log.error(
              { seq: r.seq, commandId: r.id, reason: r.reason },
              'a command failed unexpectedly and was refused'
            )
        return reply.header('Cache-Control', 'no-store').send(outcome.response)
      case 'forbidden':
        return forbiddenClient(reply)
      case 'gap':
        return reply.status(409).send({
          error: 'seq_gap',
          message: `expected command seq ${outcome.expected}, got ${outcome.got}: send the outbox from there`,
          lastProcessedSeq: outcome.lastProcessedSeq
        })
      case 'seq_conflict':
        return sendError(
          reply,
          409,
          'seq_conflict',
          `seq ${outcome.seq} was already used by another command of this client (last processed ${outcome.lastProcessedSeq}); the workstation must re-register with a new clientId`
        )
    }
  })

  app.get('/sync/pull', { preHandler: auth }, async (req, reply) => {
    if (tooOld(reply, req.query)) return reply
    const query = parseOr400(reply, pullQuerySchema, req.query, 'pull query')
    if (!query) return reply
    const outcome = await pull(database, req.auth!.viewer, query)
    if (outcome.kind === 'forbidden') return forbiddenClient(reply)
    return reply.header('Cache-Control', 'no-store').type('application/json; charset=utf-8').send(outcome.json)
  })

  app.post('/sync/numbers', { preHandler: [auth, work] }, async (req, reply) => {
    const body = parseOr400(reply, numberLeaseRequestSchema, req.body, 'number lease request')
    if (!body) return reply
    const outcome = await leaseNumbers(database, req.auth!.viewer.agentId, body)
    if (outcome.kind === 'forbidden') return forbiddenClient(reply)
    return reply.header('Cache-Control', 'no-store').send(outcome.lease)
  })

  // Browsers cannot set headers on a WebSocket, so the token comes in the query (redacted in logs).
  app.get('/sync/live', { websocket: true }, async (socket, req) => {
    const token = (req.query as Record<string, unknown> | undefined)?.token
    const auth = await authenticateToken(database, typeof token === 'string' ? token : undefined)
    if (!auth) {
      socket.close(4401, 'unauthorized')
      return
    }
    // Clients only listen; anything they send is ignored (and a flood closes them).
    let received = 0
    socket.on('message', () => {
      if (++received > 100) socket.close(1008, 'clients do not send on this socket')
    })
    const [state] = await rows<{ last_seq: string | number }>(
      database.db,
      sql`SELECT last_seq FROM sync_state WHERE id = 1`
    )
    deps.hub.add(socket, auth.viewer.agentId, auth.session.tokenHash, Number(state.last_seq))
  })
}
