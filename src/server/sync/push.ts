import { sql } from 'drizzle-orm'
import type { CommandResult, PushRequest, PushResponse } from '@shared/sync/protocol'
import type { TicketKind } from '@shared/ticket/model'
import type { ServerViewer } from '../auth/viewer'
import { rows, type DeskDatabase } from '../db/database'
import { claimClient } from './clients'
import { write, type LoggedCommand, type WriterHooks } from './writer'

export type PushOutcome =
  | { kind: 'ok'; response: PushResponse }
  | { kind: 'forbidden' }
  | { kind: 'gap'; lastProcessedSeq: number; expected: number; got: number }
  | { kind: 'seq_conflict'; seq: number; lastProcessedSeq: number }

class Abort extends Error {
  constructor(readonly outcome: PushOutcome) {
    super(outcome.kind)
  }
}

/**
 * POST /sync/push. Commands this client already sent answer their stored results (a retry after a
 * lost response); new ones must continue the sequence exactly. Each new command is applied or
 * refused — a refusal is recorded and counts as processed, so the outbox never jams.
 */
export async function push(
  database: DeskDatabase,
  viewer: ServerViewer,
  body: PushRequest,
  hooks?: WriterHooks
): Promise<PushOutcome> {
  try {
    const { value, cursor } = await write(
      database,
      viewer,
      body.clientId,
      async ({ tx, store, run }) => {
        const client = await claimClient(tx, body.clientId, viewer.agentId)
        if (!client) throw new Abort({ kind: 'forbidden' })
        const last = client.lastProcessedSeq
        const seen = body.commands.filter((c) => c.seq <= last)
        const fresh = body.commands.filter((c) => c.seq > last)
        if (fresh.length && fresh[0].seq !== last + 1)
          throw new Abort({ kind: 'gap', lastProcessedSeq: last, expected: last + 1, got: fresh[0].seq })

        const results: CommandResult[] = []
        if (seen.length) {
          const stored = await rows<{ seq: number; command_id: string; result: unknown }>(
            tx,
            sql`SELECT seq, command_id, result FROM command_log
                WHERE client_id = ${body.clientId} AND seq >= ${seen[0].seq} AND seq <= ${seen[seen.length - 1].seq}`
          )
          const bySeq = new Map(stored.map((r) => [Number(r.seq), r]))
          for (const c of seen) {
            const r = bySeq.get(c.seq)
            // Same seq, another command: the client lost its outbox position; answering the old
            // result would make it drop a command the server never ran.
            if (!r || r.command_id !== c.id)
              throw new Abort({ kind: 'seq_conflict', seq: c.seq, lastProcessedSeq: last })
            results.push((typeof r.result === 'string' ? JSON.parse(r.result) : r.result) as CommandResult)
          }
        }

        const logged: LoggedCommand[] = []
        if (fresh.length) {
          await store.prefetch(
            fresh.map((c) => c.args),
            fresh.map((c) => c.id)
          )
          const creates: Partial<Record<TicketKind, number>> = {}
          const chosen: string[] = []
          for (const c of fresh) {
            if (c.name !== 'ticket.create' || !c.args || typeof c.args !== 'object') continue
            const { kind, number } = c.args as { kind?: unknown; number?: unknown }
            if (kind === 'incident' || kind === 'request') creates[kind] = (creates[kind] ?? 0) + 1
            if (typeof number === 'string') chosen.push(number)
          }
          await store.expectTickets(creates, chosen)
          for (const cmd of fresh) {
            const result = await run(cmd)
            results.push(result)
            logged.push({ cmd, result })
          }
        }
        const lastProcessedSeq = fresh.length ? fresh[fresh.length - 1].seq : last
        return {
          value: { results, lastProcessedSeq },
          logged,
          lastProcessedSeq: fresh.length ? lastProcessedSeq : undefined
        }
      },
      hooks
    )
    return { kind: 'ok', response: { results: value.results, lastProcessedSeq: value.lastProcessedSeq, cursor } }
  } catch (e) {
    if (e instanceof Abort) return e.outcome
    throw e
  }
}
