import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { CommandError } from '@shared/command/types'
import type { Ticket, TicketStatus } from '@shared/ticket/model'
import { afterEach, describe, expect, it } from 'vitest'
import { closeAll, localDump, ref, seededServer, ticketArgs, workstation, type Workstation } from './harness'

/** FC_RUNS=1000 in CI; 200 by default. */
const runs = Number(process.env.FC_RUNS ?? 200)

const ticketPool = [
  '01900000-0000-7000-8000-0000000000f1',
  '01900000-0000-7000-8000-0000000000f2',
  '01900000-0000-7000-8000-0000000000f3'
]

const commandArb = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), ticket: fc.nat(2), impact: fc.constantFrom(1, 2, 3) }),
  fc.record({
    kind: fc.constant('title' as const),
    ticket: fc.nat(2),
    title: fc.constantFrom('打印机卡纸', 'VPN down', '邮箱已满 mailbox full')
  }),
  fc.record({ kind: fc.constant('impact' as const), ticket: fc.nat(2), impact: fc.constantFrom(1, 2, 3) }),
  fc.record({
    kind: fc.constant('transition' as const),
    ticket: fc.nat(2),
    to: fc.constantFrom<TicketStatus>('in_progress', 'cancelled', 'resolved', 'pending', 'closed', 'new'),
    stale: fc.boolean()
  }),
  fc.record({ kind: fc.constant('comment' as const), ticket: fc.nat(2) }),
  fc.record({ kind: fc.constant('assign' as const), ticket: fc.nat(2), me: fc.boolean() })
)

const actionArb = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant('cmd' as const), client: fc.nat(2), cmd: commandArb }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('sync' as const), client: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('offline' as const), client: fc.nat(2), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('lose' as const), client: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('dup' as const), client: fc.nat(2) }) },
  // Two agents act on the same ticket before either syncs: the later arrival may be refused.
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('race' as const),
      ticket: fc.nat(2),
      first: commandArb,
      second: commandArb
    })
  }
)
type Command = typeof commandArb extends fc.Arbitrary<infer C> ? C : never

let uuidCounter = 0
function uuid(): string {
  // Distinct before the last four hex digits (derived event ids replace those).
  return `01900000-0000-7000-8000-${(++uuidCounter).toString(16).padStart(8, '0')}0000`
}

/** Runs one random command as the agent would; a locally refused command is simply not queued. */
async function act(ws: Workstation, cmd: Command): Promise<string | null> {
  const ticketId = ticketPool[cmd.ticket]
  const local: Ticket | undefined = await ws.db.tickets.get(ticketId)
  const name = {
    create: 'ticket.create',
    title: 'ticket.setFields',
    impact: 'ticket.setFields',
    transition: 'ticket.transition',
    comment: 'comment.add',
    assign: 'ticket.assign'
  }[cmd.kind]
  let args: unknown
  switch (cmd.kind) {
    case 'create':
      args = ticketArgs({ id: ticketId, impact: cmd.impact })
      break
    case 'title':
      args = { ticketId, fields: { title: cmd.title } }
      break
    case 'impact':
      args = { ticketId, fields: { impact: cmd.impact } }
      break
    case 'transition':
      args = {
        ticketId,
        from: cmd.stale ? 'new' : (local?.status ?? 'new'),
        to: cmd.to,
        pendingReason: 'customer',
        resolutionCode: 'fixed',
        resolutionNotes: '已重置密码',
        reason: '客户来电确认'
      }
      break
    case 'comment':
      args = { id: uuid(), ticketId, visibility: 'public', body: `note ${uuidCounter}` }
      break
    case 'assign':
      args = { ticketId, teamId: ref.team, assigneeId: cmd.me ? ws.agentId : '' }
      break
  }
  const before = await ws.db.outbox.count()
  try {
    await ws.run(name, args)
  } catch (error) {
    if (error instanceof CommandError) return null
    throw error
  }
  expect(await ws.db.outbox.count()).toBe(before + 1)
  const last = await ws.db.outbox.orderBy(':id').last()
  return last!.id
}

afterEach(closeAll)

describe('sync convergence (property)', () => {
  it('random commands, offline periods, lost and duplicated push answers: every client converges, nothing lost or applied twice, every refusal reported', async () => {
    const seen = { applied: 0, refused: 0, lostAnswers: 0 }
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 3 }),
        fc.array(actionArb, { minLength: 1, maxLength: 25 }),
        async (n, actions) => {
          const server = await seededServer()
          // One ticket everyone has from the start, so most commands have something to act on.
          await server.run('ticket.create', ticketArgs({ id: ticketPool[0] }))
          const agents = [ref.alice, ref.bob, ref.alice]
          const clients: Workstation[] = []
          for (let i = 0; i < n; i++) {
            const ws = await workstation(server, agents[i])
            await ws.sync()
            clients.push(ws)
          }
          const queued = new Map<string, Workstation>()
          for (const a of actions) {
            const ws = clients['client' in a ? a.client % n : 0]
            if (a.type === 'cmd') {
              const id = await act(ws, a.cmd)
              if (id) queued.set(id, ws)
            } else if (a.type === 'race') {
              for (const [i, cmd] of [a.first, a.second].entries()) {
                const id = await act(clients[i], { ...cmd, ticket: a.ticket })
                if (id) queued.set(id, clients[i])
              }
            } else if (a.type === 'sync') await ws.sync()
            else if (a.type === 'offline') ws.transport.faults.offline = a.on
            else if (a.type === 'lose') {
              ws.transport.faults.losePushResponses++
              seen.lostAnswers++
            } else ws.transport.faults.duplicatePushes++
          }
          for (const ws of clients)
            Object.assign(ws.transport.faults, { offline: false, losePushResponses: 0, duplicatePushes: 0 })
          // Everyone pushes, then everyone pulls what the others pushed.
          for (let round = 0; round < 2; round++) for (const ws of clients) await ws.sync()

          const state = server.dump()
          for (const ws of clients) {
            expect(ws.client.getStatus().state).toBe('online')
            expect(await ws.db.outbox.count()).toBe(0)
            expect(await localDump(ws.db)).toEqual(state)
          }
          // No command applied twice, none lost: each queued command was applied once or refused
          // and sits in its own client's conflicts inbox.
          expect(new Set(server.appliedIds).size).toBe(server.appliedIds.length)
          const applied = new Set(server.appliedIds)
          const rejected = new Set(server.rejectedIds)
          for (const [id, ws] of queued) {
            expect(applied.has(id) !== rejected.has(id), `command ${id} applied xor refused`).toBe(true)
            if (rejected.has(id)) expect(await ws.db.conflicts.get(id), `refused ${id} reported`).toBeDefined()
            seen[rejected.has(id) ? 'refused' : 'applied']++
          }
          for (const ws of clients)
            for (const c of await ws.db.conflicts.toArray())
              expect(rejected.has(c.id), `conflict ${c.id} was refused by the server`).toBe(true)
          await closeAll()
        }
      ),
      { numRuns: runs }
    )
    // The generator really reaches the interesting paths.
    expect(seen.applied).toBeGreaterThan(runs / 2)
    // About one refused command in 20 runs: with enough runs, at least one.
    if (runs >= 100) expect(seen.refused).toBeGreaterThan(0)
    expect(seen.lostAnswers).toBeGreaterThan(0)
  }, 600_000)
})
