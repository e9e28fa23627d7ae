import { CommandError } from '@shared/command/types'
import { agentSchema, contactSchema, teamSchema } from '@shared/people/model'
import {
  channels,
  categories,
  linkTypes,
  pendingReasons,
  resolutionCodes,
  ticketEventSchema,
  ticketSchema,
  ticketStatuses,
  tiers,
  type TicketStatus
} from '@shared/ticket/model'
import { allowedTransitions, canTransition } from '@shared/ticket/state-machine'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Desk, ids, seededDesk, snapshot, uuid } from './fixtures'

/** Mostly one of `valid`, sometimes `invalid`. */
const mostly = <T>(valid: readonly T[], invalid: readonly T[]): fc.Arbitrary<T> =>
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...invalid) })
const ticketIds = [uuid(1, '7'), uuid(2, '7'), uuid(3, '7')]
const unknownId = uuid(404, '7')
const agentId = mostly([ids.agentAlice, ids.agentBob, ''], [uuid(404, 'a')])
const teamId = mostly([ids.teamDesk, ids.teamNetwork, ''], [uuid(404, 'b')])

const ticketId = mostly(ticketIds, [unknownId])
const currentStatus = '<current>'
const status = fc.constantFrom(...ticketStatuses)
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined })
/** Mostly valid text, sometimes too short or too long: refusals should be common, not the rule. */
const text = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom('Printer jams', '打印机卡纸', 'VPN连不上', 'Customer confirmed')
  },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'ok', 'x'.repeat(250)) }
)
const level = mostly([1, 2, 3], [0, 4])
/** Anything at all, for arguments that are plainly wrong. */
const junk = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.object(), fc.array(fc.anything()))

/** Args, or a function of the desk for commands that must name the current state (transition's `from`). */
type Op = [name: string, args: unknown]

const createOp: fc.Arbitrary<Op> = fc
  .record({
    id: fc.constantFrom(...ticketIds),
    kind: fc.constantFrom('incident', 'request'),
    channel: fc.constantFrom(...channels),
    requesterId: mostly([ids.contactZhang, ids.contactSmith], [uuid(404, 'c')]),
    title: text,
    description: text,
    category: fc.constantFrom(...categories),
    subcategory: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, fc.constantFrom('printer', 'vpn', 'locked')),
    impact: level,
    urgency: level,
    teamId: teamId,
    assigneeId: agentId
  })
  .map((a): Op => ['ticket.create', a])

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: createOp },
  fc
    .record({
      ticketId,
      // Mostly the ticket's real status (resolved when the command runs), sometimes a stale one.
      from: fc.oneof({ weight: 4, arbitrary: fc.constant(currentStatus) }, status),
      // Mostly a move the state machine allows from the real status, sometimes any status.
      to: fc.oneof({ weight: 3, arbitrary: fc.nat().map((pick) => ({ pick })) }, status),
      pendingReason: maybe(fc.constantFrom(...pendingReasons, null)),
      resolutionCode: maybe(fc.constantFrom(...resolutionCodes, null)),
      resolutionNotes: maybe(text),
      reason: maybe(text)
    })
    .map((a): Op => ['ticket.transition', a]),
  fc.record({ ticketId, teamId: teamId, assigneeId: agentId }).map((a): Op => ['ticket.assign', a]),
  fc
    .record({
      ticketId,
      toTier: maybe(fc.constantFrom(...tiers)),
      toTeamId: maybe(teamId),
      assigneeId: agentId,
      reason: text
    })
    .map((a): Op => ['ticket.escalate', a]),
  fc
    .record({
      ticketId,
      fields: fc.record(
        {
          title: text,
          impact: level,
          urgency: level,
          category: fc.constantFrom(...categories),
          subcategory: fc.constantFrom('', 'printer', 'vpn'),
          priorityOverride: fc.constantFrom(null, { priority: 'P1', reason: 'VIP' }, { priority: 'P2', reason: '' })
        },
        { requiredKeys: [] }
      )
    })
    .map((a): Op => ['ticket.setFields', a]),
  fc
    .record({
      id: fc.integer({ min: 1, max: 6 }).map((n) => uuid(n, 'f')),
      ticketId,
      visibility: fc.constantFrom('public', 'internal'),
      body: text
    })
    .map((a): Op => ['comment.add', a]),
  fc
    .record({
      id: fc.integer({ min: 1, max: 6 }).map((n) => uuid(n, 'f')),
      ticketId,
      minutes: fc.integer({ min: -5, max: 2000 })
    })
    .map((a): Op => ['worklog.add', a]),
  fc
    .record({
      ticketId,
      targetId: ticketId,
      type: fc.constantFrom(...linkTypes)
    })
    .map((a): Op => ['ticket.link', a]),
  fc
    .tuple(
      fc.constantFrom(
        'ticket.create',
        'ticket.transition',
        'ticket.assign',
        'comment.add',
        'config.set',
        'ticket.purge'
      ),
      junk
    )
    .map(([name, args]): Op => [name, args])
)

/** Fills in the placeholders of a generated transition from the ticket as it is now. */
function resolveTransition(desk: Desk, args: unknown): unknown {
  if (typeof args !== 'object' || args === null || !('ticketId' in args)) return args
  const a = args as { ticketId: string; from: unknown; to: unknown }
  const status = desk.store.tables.tickets.get(a.ticketId)?.status ?? 'new'
  const from = a.from === currentStatus ? status : a.from
  let to = a.to
  if (typeof to === 'object' && to !== null && 'pick' in to) {
    const options = allowedTransitions(status)
    to = options.length ? options[(to as { pick: number }).pick % options.length] : 'in_progress'
  }
  return { ...a, from, to }
}

/** Status moves the assignment commands make on their own: new ⇄ assigned follows the assignee. */
function allowedMove(from: TicketStatus, to: TicketStatus, byType: 'status' | 'assignment'): boolean {
  return canTransition(from, to) || (byType === 'assignment' && from === 'assigned' && to === 'new')
}

function checkInvariants(desk: Desk): void {
  for (const ticket of desk.store.tables.tickets.values()) {
    expect(() => ticketSchema.parse(ticket)).not.toThrow()
    const where = `${ticket.number} (${ticket.status})`
    expect(ticket.isOpen, where).toBe(['new', 'assigned', 'in_progress', 'pending'].includes(ticket.status) ? 1 : 0)
    expect(ticket.pendingReason !== null, where).toBe(ticket.status === 'pending')
    expect(ticket.closedAt !== null, where).toBe(ticket.status === 'closed' || ticket.status === 'cancelled')
    if (ticket.status === 'resolved') expect(ticket.resolvedAt, where).not.toBeNull()
    if (ticket.status === 'new') expect(ticket.assigneeId, where).toBe('')
    if (ticket.status === 'assigned') expect(ticket.assigneeId, where).not.toBe('')

    // Replaying the timeline's status moves from the created state must land on the current status,
    // through moves the state machine allows.
    const events = desk.eventsOf(ticket.id).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
    for (const e of events) expect(() => ticketEventSchema.parse(e)).not.toThrow()
    expect(events[0]?.type, where).toBe('created')
    // A ticket starts as new, or as assigned when created with an assignee (no status event then).
    let current: TicketStatus | null = null
    const byCommand = new Map<string, string[]>()
    for (const e of events) byCommand.set(e.commandId, [...(byCommand.get(e.commandId) ?? []), e.type])
    for (const e of events) {
      if (e.type !== 'status') continue
      if (current === null) expect(['new', 'assigned'], where).toContain(e.from)
      else expect(e.from, where).toBe(current)
      const cause = byCommand.get(e.commandId)!.some((t) => t === 'assignment' || t === 'escalation')
        ? 'assignment'
        : 'status'
      expect(allowedMove(e.from, e.to, cause), `${where}: ${e.from} → ${e.to} by ${cause}`).toBe(true)
      current = e.to
    }
    if (current === null) expect(['new', 'assigned'], where).toContain(ticket.status)
    else expect(ticket.status, where).toBe(current)
  }
}

describe('random command sequences', () => {
  it('never throw anything but CommandError, change nothing when refused, and keep tickets consistent', async () => {
    const outcomes = new Map<string, { ok: number; refused: number }>()
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 50, size: 'max' }), async (ops) => {
        const desk = await seededDesk()
        for (const [name, generated] of ops) {
          const before = snapshot(desk.store)
          const tally = outcomes.get(name) ?? { ok: 0, refused: 0 }
          outcomes.set(name, tally)
          const args = name === 'ticket.transition' ? resolveTransition(desk, generated) : generated
          try {
            await desk.run(name, args)
            tally.ok++
          } catch (e) {
            tally.refused++
            expect(e).toBeInstanceOf(CommandError)
            expect(snapshot(desk.store)).toEqual(before)
          }
          checkInvariants(desk)
        }
        for (const c of desk.store.tables.contacts.values()) contactSchema.parse(c)
        for (const t of desk.store.tables.teams.values()) teamSchema.parse(t)
        for (const a of desk.store.tables.agents.values()) agentSchema.parse(a)
      }),
      { numRuns: 200 }
    )
    // The property means little unless every command both succeeded and was refused along the way.
    for (const name of [
      'ticket.create',
      'ticket.transition',
      'ticket.assign',
      'ticket.escalate',
      'ticket.setFields',
      'comment.add',
      'worklog.add',
      'ticket.link'
    ])
      expect(outcomes.get(name), name).toMatchObject({
        ok: expect.toSatisfy((n: number) => n >= 10),
        refused: expect.toSatisfy((n: number) => n >= 10)
      })
    // A few thousand commands with invariant checks after each: seconds, not milliseconds.
  }, 60_000)

  it('a sequence that only uses valid moves always succeeds', async () => {
    // Walk one ticket along random allowed transitions, giving every detail a move needs.
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), async (choices) => {
        const desk = await seededDesk()
        const id = ticketIds[0]
        await desk.run('ticket.create', {
          id,
          kind: 'incident',
          channel: 'phone',
          requesterId: ids.contactSmith,
          title: 'Laptop will not boot',
          description: '',
          category: 'hardware',
          impact: 2,
          urgency: 3,
          teamId: ids.teamDesk,
          assigneeId: ids.agentAlice
        })
        for (const choice of choices) {
          const from = desk.ticket(id).status
          const options = ticketStatuses.filter((to) => canTransition(from, to) && to !== 'assigned')
          if (!options.length) break
          const to = options[choice % options.length]
          await desk.run('ticket.transition', {
            ticketId: id,
            from,
            to,
            pendingReason: 'customer',
            resolutionCode: 'fixed',
            resolutionNotes: 'Reseated the RAM',
            reason: 'Customer asked'
          })
          expect(desk.ticket(id).status).toBe(to)
        }
        checkInvariants(desk)
      }),
      { numRuns: 200 }
    )
  }, 30_000)
})
