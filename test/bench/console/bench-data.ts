import { DemoTicketGenerator } from '@shared/demo/generator'
import { metaKeys } from '../../../src/renderer/src/data/command-store'
import { runCommand } from '../../../src/renderer/src/data/commands'
import { DeskDb } from '../../../src/renderer/src/data/db'
import { ingestChunk, ingestDemoTickets, seedReferenceData } from '../../../src/renderer/src/data/demo'
import { getDb } from '../../../src/renderer/src/data/database'
import { defaultTuning, planQueue, ranksFrom, type QueueQuery } from '../../../src/renderer/src/data/queue-query'

/** The bench's fixed "now", so every run generates the same rows. */
export const benchNow = Date.UTC(2025, 5, 2, 9, 0, 0)
export const meId = '01900000-0000-7000-8000-00000000a9e1'

function log(msg: string): void {
  console.log(`[bench] ${msg}`)
}

/** A fresh desk: the agent at this workstation, then the demo teams, agents, services and rules. */
export async function setupDesk(): Promise<{ ms: number }> {
  const db = getDb()
  const t0 = performance.now()
  await runCommand(db, 'agent.upsert', 1, { id: meId, name: '测试 Bench Agent', email: 'bench@desk.example.com', role: 'agent', teamId: '', tier: 'L1' }, { actorId: meId })
  await db.meta.put({ key: metaKeys.profile, value: { agentId: meId } })
  await seedReferenceData(db, meId)
  return { ms: performance.now() - t0 }
}

/** The generator path the Settings button uses: generate + write 2,000 tickets per transaction. */
export async function ingest(count: number, seed: number): Promise<{ ms: number; tickets: number }> {
  const db = getDb()
  let lastLog = 0
  const { ms } = await ingestDemoTickets(db, {
    count,
    seed,
    now: benchNow,
    onProgress: (done, total) => {
      if (done - lastLog >= 50_000 || done === total) {
        lastLog = done
        log(`ingest ${done.toLocaleString('en')}/${total.toLocaleString('en')}`)
      }
    }
  })
  return { ms, tickets: await db.tickets.count() }
}

/**
 * Raw Dexie bulkPut of the same rows into a scratch database: the rows of each chunk are generated
 * first (not timed), then written in one transaction like the generator path (timed).
 */
export async function rawIngest(count: number, seed: number, every = 1): Promise<{ ms: number; tickets: number }> {
  const db = getDb()
  const [teams, agents, services] = await Promise.all([db.teams.toArray(), db.agents.toArray(), db.services.toArray()])
  const scratch = new DeskDb(`bench-raw-${count}`)
  await scratch.delete()
  await scratch.open()
  const gen = new DemoTicketGenerator({ seed, count, now: benchNow, people: { teams, agents, services }, startNumbers: { incident: 0, request: 0 }, favouredAgentId: meId })
  let ms = 0
  let lastLog = 0
  let tickets = 0
  let n = 0
  for (let b = gen.nextBatch(ingestChunk); b; b = gen.nextBatch(ingestChunk)) {
    const batch = b
    if (n++ % every !== 0) continue
    tickets += batch.tickets.length
    const t0 = performance.now()
    await scratch.transaction('rw', [scratch.tickets, scratch.ticketEvents, scratch.contacts], async () => {
      await Promise.all([
        batch.contacts.length ? scratch.contacts.bulkPut(batch.contacts) : undefined,
        scratch.tickets.bulkPut(batch.tickets),
        scratch.ticketEvents.bulkPut(batch.events)
      ])
    })
    ms += performance.now() - t0
    if (gen.done - lastLog >= 50_000 || gen.done === count) {
      lastLog = gen.done
      log(`raw bulkPut ${gen.done.toLocaleString('en')}/${count.toLocaleString('en')}`)
    }
  }
  scratch.close()
  await scratch.delete()
  return { ms, tickets }
}

export async function resetDesk(): Promise<void> {
  const db = getDb()
  db.close()
  await db.delete()
  await db.open()
}

/** Planner only (no rendering): how long the first page takes for a query. */
export async function planOnly(q: QueueQuery): Promise<{ ms: number; strategy: string; rows: number; indexes: string[] }> {
  const db = getDb()
  const [teams, agents] = await Promise.all([db.teams.toArray(), db.agents.toArray()])
  const t0 = performance.now()
  const reader = await planQueue(db, q, ranksFrom(teams, agents, 'en'), defaultTuning)
  const rows = await reader.next()
  return { ms: performance.now() - t0, strategy: reader.info.strategy, rows: rows.length, indexes: reader.info.indexes }
}

/** What the ticket page loads: the ticket and its timeline. */
export async function openTicket(index: number): Promise<{ ms: number; events: number }> {
  const db = getDb()
  const n = await db.tickets.count()
  const id = (await db.tickets.orderBy('createdAt').offset(Math.floor((index * 7919) % n)).limit(1).primaryKeys())[0]
  const t0 = performance.now()
  const [ticket, events] = await Promise.all([
    db.tickets.get(id),
    db.ticketEvents.where('[ticketId+occurredAt]').between([id, ''], [id, '\uffff']).toArray()
  ])
  const ms = performance.now() - t0
  if (!ticket) throw new Error('ticket vanished')
  return { ms, events: events.length }
}
