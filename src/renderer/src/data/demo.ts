import { demoReference, DemoTicketGenerator } from '@shared/demo/generator'
import type { TicketKind } from '@shared/ticket/model'
import { metaKeys } from './command-store'
import { runCommand } from './commands'
import type { DeskDb } from './db'

/**
 * Creates the demo desk (six teams, their agents, services and routing rules) through commands, so
 * they are real records that sync like any other. Safe to run twice: ids are fixed, so it updates.
 * If the agent at this workstation has no team yet, they join the first-line desk so that the
 * "My team" and "My open" views have something to show.
 */
export async function seedReferenceData(db: DeskDb, actorId: string): Promise<void> {
  const ref = demoReference()
  const opts = { actorId }
  // Teams first without leads (a lead must be an existing agent), then agents, then the leads.
  for (const t of ref.teams) await runCommand(db, 'team.upsert', 1, { id: t.id, name: t.name, kind: t.kind, leadId: '' }, opts)
  for (const a of ref.agents)
    await runCommand(db, 'agent.upsert', 1, { id: a.id, name: a.name, email: a.email, role: a.role, teamId: a.teamId, tier: a.tier }, opts)
  for (const t of ref.teams) {
    const lead = ref.agents.find((a) => a.teamId === t.id && a.role === 'team_lead')
    await runCommand(db, 'team.upsert', 1, { id: t.id, name: t.name, kind: t.kind, leadId: lead?.id ?? '' }, opts)
  }
  for (const s of ref.services)
    await runCommand(db, 'service.upsert', 1, { id: s.id, name: s.name, type: s.type, category: s.category, ownerTeamId: s.ownerTeamId }, opts)
  await runCommand(db, 'config.set', 1, { key: 'routingRules', value: ref.routingRules }, opts)
  const me = await db.agents.get(actorId)
  if (me && !me.teamId) {
    const desk = ref.teams[0]
    await runCommand(db, 'agent.upsert', 1, { id: me.id, name: me.name, email: me.email, role: me.role, teamId: desk.id, tier: me.tier, active: me.active }, opts)
  }
}

export interface IngestOptions {
  count: number
  seed: number
  onProgress?: (done: number, total: number) => void
  /** End of the 90-day window; defaults to now. Benchmarks pass a fixed instant. */
  now?: number
}

/** Rows written per transaction: big enough to amortise a commit, small enough to keep the UI responsive. */
export const ingestChunk = 2_000

/**
 * Writes `count` generated tickets (with their timeline events and requesters) straight into the
 * local tables, 2,000 tickets per transaction, and moves the local number counters past them so
 * the next real ticket continues the sequence.
 *
 * Demo rows deliberately bypass runCommand and the outbox: they are local sample data for trying
 * the console and benchmarking it, never something to send to a desk server.
 */
export async function ingestDemoTickets(
  db: DeskDb,
  { count, seed, onProgress, now }: IngestOptions
): Promise<{ ms: number }> {
  const started = performance.now()
  const [teams, agents, services, profile, incident, request] = await Promise.all([
    db.teams.toArray(),
    db.agents.toArray(),
    db.services.toArray(),
    db.meta.get(metaKeys.profile),
    db.meta.get(metaKeys.counter('incident')),
    db.meta.get(metaKeys.counter('request'))
  ])
  const startNumbers: Record<TicketKind, number> = {
    incident: (incident?.value as number | undefined) ?? 0,
    request: (request?.value as number | undefined) ?? 0
  }
  const gen = new DemoTicketGenerator({
    seed,
    count,
    now: now ?? Date.now(),
    people: { teams, agents, services },
    startNumbers,
    favouredAgentId: (profile?.value as { agentId?: string } | undefined)?.agentId
  })
  onProgress?.(0, count)
  for (let batch = gen.nextBatch(ingestChunk); batch; batch = gen.nextBatch(ingestChunk)) {
    const b = batch
    await db.transaction('rw', [db.tickets, db.ticketEvents, db.contacts, db.meta], async () => {
      // Never move a counter backwards (the desk may already be past the demo numbers).
      const counters = await Promise.all([db.meta.get(metaKeys.counter('incident')), db.meta.get(metaKeys.counter('request'))])
      const maxOf = (kind: TicketKind, current: unknown): number => {
        let max = (current as number | undefined) ?? 0
        for (const t of b.tickets) if (t.kind === kind) max = Math.max(max, Number(t.number.slice(4)))
        return max
      }
      await Promise.all([
        b.contacts.length ? db.contacts.bulkPut(b.contacts) : undefined,
        db.tickets.bulkPut(b.tickets),
        db.ticketEvents.bulkPut(b.events),
        db.meta.bulkPut([
          { key: metaKeys.counter('incident'), value: maxOf('incident', counters[0]?.value) },
          { key: metaKeys.counter('request'), value: maxOf('request', counters[1]?.value) }
        ])
      ])
    })
    onProgress?.(gen.done, count)
  }
  return { ms: performance.now() - started }
}
