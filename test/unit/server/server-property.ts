import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { newId } from '@shared/ids'
import { ticketStatuses } from '@shared/ticket/model'
import { SYNC_SCHEMA_VERSION, pullResponseSchema, pushResponseSchema, type CommandResult } from '@shared/sync/protocol'
import { rows } from '../../../src/server/db/database'
import { replay, ticketArgs, type Agent, type Harness } from './harness'

type Action =
  | { type: 'create'; client: number; ticket: number; category: 'hardware' | 'security' }
  | { type: 'title'; client: number; ticket: number; title: string }
  | { type: 'move'; client: number; ticket: number; category: 'software' | 'security' }
  | { type: 'transition'; client: number; ticket: number; from: string; to: string }
  | { type: 'comment'; client: number; ticket: number }
  | { type: 'push'; client: number; lose: boolean; upTo: number }
  | { type: 'pull'; client: number; limit: number }

const clientIx = fc.integer({ min: 0, max: 2 })
const ticketIx = fc.integer({ min: 0, max: 3 })
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    type: fc.constant('create' as const),
    client: clientIx,
    ticket: ticketIx,
    category: fc.constantFrom('hardware' as const, 'security' as const)
  }),
  fc.record({
    type: fc.constant('title' as const),
    client: clientIx,
    ticket: ticketIx,
    title: fc.constantFrom('打印机卡纸', 'VPN down', "'; DROP TABLE records; --")
  }),
  fc.record({
    type: fc.constant('move' as const),
    client: clientIx,
    ticket: ticketIx,
    category: fc.constantFrom('software' as const, 'security' as const)
  }),
  fc.record({
    type: fc.constant('transition' as const),
    client: clientIx,
    ticket: ticketIx,
    from: fc.constantFrom(...ticketStatuses),
    to: fc.constantFrom(...ticketStatuses)
  }),
  fc.record({ type: fc.constant('comment' as const), client: clientIx, ticket: ticketIx }),
  fc.record({
    type: fc.constant('push' as const),
    client: clientIx,
    lose: fc.boolean(),
    upTo: fc.integer({ min: 1, max: 6 })
  }),
  fc.record({ type: fc.constant('pull' as const), client: clientIx, limit: fc.integer({ min: 1, max: 8 }) })
)

interface Outboxed {
  seq: number
  id: string
  name: string
  version: number
  args: unknown
  occurredAt: string
}

/**
 * Server-side property: several workstations queue random commands (some refused, some on
 * security tickets), push prefixes of their outboxes with lost responses and retries, and pull in
 * random pages. Afterwards every command ran exactly once, a retry always answered the original
 * result, every refusal reached its workstation (push answer or pull), nothing was applied twice,
 * and each workstation's pulled copy equals what the database holds for its agent's view.
 */
export function serverProperty(
  get: () => { h: Harness; agents: [Agent, Agent, Agent]; requester: string },
  runs: number
): void {
  it(`converges: random pushes with lost answers, retries and paged pulls (${runs} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 40 }), async (actions) => {
        const { h, agents, requester } = get()
        const tickets = Array.from({ length: 4 }, () => newId())
        const clients = agents.map((agent) => ({
          agent,
          clientId: newId(),
          outbox: [] as Outboxed[],
          seq: 0,
          acked: 0,
          cursor: 0,
          state: new Map<string, unknown>(),
          results: new Map<number, CommandResult>()
        }))
        const queue = (c: (typeof clients)[number], name: string, args: unknown): void => {
          c.outbox.push({ seq: ++c.seq, id: newId(), name, version: 1, args, occurredAt: new Date().toISOString() })
        }
        const push = async (c: (typeof clients)[number], upTo: number, lose: boolean): Promise<void> => {
          const pending = c.outbox.filter((o) => o.seq > c.acked).slice(0, upTo)
          // A retry resends from an earlier seq too: the server must answer those from its log.
          const resend = c.outbox.filter((o) => o.seq <= c.acked).slice(-1)
          const commands = [...resend, ...pending]
          if (!commands.length) return
          const res = await h.app.inject({
            method: 'POST',
            url: '/sync/push',
            headers: { authorization: `Bearer ${c.agent.token}` },
            payload: { clientId: c.clientId, schemaVersion: SYNC_SCHEMA_VERSION, commands }
          })
          expect(res.statusCode, res.body).toBe(200)
          const body = pushResponseSchema.parse(res.json())
          expect(body.results.map((r) => r.seq)).toEqual(commands.map((o) => o.seq))
          for (const r of body.results) {
            const before = c.results.get(r.seq)
            if (before) expect(r).toEqual(before)
            // A lost answer is never seen by the workstation (it will ask again).
            else if (!lose) c.results.set(r.seq, r)
          }
          if (!lose) c.acked = body.lastProcessedSeq
        }
        const pull = async (c: (typeof clients)[number], limit: number): Promise<void> => {
          for (;;) {
            const res = await h.app.inject({
              url: '/sync/pull',
              headers: { authorization: `Bearer ${c.agent.token}` },
              query: { clientId: c.clientId, cursor: String(c.cursor), limit: String(limit), schemaVersion: '1' }
            })
            const body = pullResponseSchema.parse(res.json())
            if (body.resetRequired) throw new Error(`unexpected reset: ${body.reason}`)
            replay(body.changes, c.state)
            // Refusals also arrive with pulls: the answer to a push may have been lost.
            for (const r of body.rejected) {
              const before = c.results.get(r.seq)
              if (before) expect(r).toEqual(before)
              else c.results.set(r.seq, r)
            }
            c.cursor = body.cursor
            if (!body.hasMore) return
          }
        }

        for (const a of actions) {
          const c = clients[a.client]
          const ticketId = 'ticket' in a ? tickets[a.ticket] : ''
          if (a.type === 'create')
            queue(c, 'ticket.create', ticketArgs(ticketId, requester, { category: a.category, subcategory: '' }).args)
          else if (a.type === 'title') queue(c, 'ticket.setFields', { ticketId, fields: { title: a.title } })
          else if (a.type === 'move') queue(c, 'ticket.setFields', { ticketId, fields: { category: a.category } })
          else if (a.type === 'transition')
            queue(c, 'ticket.transition', {
              ticketId,
              from: a.from,
              to: a.to,
              resolutionCode: 'fixed',
              pendingReason: 'customer'
            })
          else if (a.type === 'comment')
            queue(c, 'comment.add', { id: newId(), ticketId, visibility: 'internal', body: 'note' })
          else if (a.type === 'push') await push(c, a.upTo, a.lose)
          else await pull(c, a.limit)
        }
        for (const c of clients) while (c.acked < c.seq) await push(c, 50, false)
        for (const c of clients) await pull(c, 1_000)

        for (const c of clients) {
          // Each command ran exactly once (one log row), and every refusal reached the workstation
          // (by push answer or by pull); a command with no answer seen was applied.
          const logged = await rows<{ seq: number; command_id: string; status: string }>(
            h.database.db,
            sql`SELECT seq, command_id, status FROM command_log WHERE client_id = ${c.clientId} ORDER BY seq`
          )
          expect(logged.map((l) => [Number(l.seq), l.command_id])).toEqual(c.outbox.map((o) => [o.seq, o.id]))
          for (const l of logged) {
            const seen = c.results.get(Number(l.seq))
            if (l.status === 'rejected') expect(seen?.status, `refusal of seq ${l.seq} reported`).toBe('rejected')
            else expect(seen?.status ?? 'applied').toBe('applied')
          }
        }
        // Nothing applied twice: one comment event per applied comment.add.
        const applied = clients.flatMap((c) =>
          c.outbox.filter((o) => o.name === 'comment.add' && (c.results.get(o.seq)?.status ?? 'applied') === 'applied')
        )
        const [comments] = await rows<{ n: string | number }>(
          h.database.db,
          sql`SELECT count(*) AS n FROM records WHERE table_name = 'ticketEvents' AND data->>'type' = 'comment'
              AND parent_id IN (${sql.join(
                tickets.map((t) => sql`${t}`),
                sql`, `
              )})`
        )
        expect(Number(comments.n)).toBe(applied.length)
        // Each workstation holds exactly its agent's view of these tickets, as the database has them.
        const stored = await rows<{ table_name: string; id: string; data: unknown; scope: string }>(
          h.database.db,
          sql`SELECT table_name, id, data, scope FROM records
              WHERE (table_name = 'tickets' AND id IN (${sql.join(
                tickets.map((t) => sql`${t}`),
                sql`, `
              )})) OR (table_name = 'ticketEvents' AND parent_id IN (${sql.join(
                tickets.map((t) => sql`${t}`),
                sql`, `
              )}))`
        )
        for (const [i, c] of clients.entries()) {
          const seesSecurity = i === 2
          const expected = Object.fromEntries(
            stored.filter((r) => seesSecurity || r.scope === '').map((r) => [`${r.table_name}:${r.id}`, r.data])
          )
          const mine = Object.fromEntries(
            [...c.state].filter(([k]) =>
              tickets.some((t) => k.endsWith(t) || (c.state.get(k) as { ticketId?: string }).ticketId === t)
            )
          )
          expect(mine).toEqual(expected)
        }
      }),
      { numRuns: runs }
    )
  }, 120_000)
}
