import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoReference, DemoTicketGenerator } from '@shared/demo/generator'
import { Random } from '@shared/demo/random'
import { categories, priorities, ticketKinds, ticketStatuses, type Ticket } from '@shared/ticket/model'
import { DeskDb } from '../../../src/renderer/src/data/db'
import {
  compareTickets,
  constraintsOf,
  emptyFilters,
  matchesConstraints,
  planQueue,
  queueViews,
  ranksFrom,
  sortColumns,
  type QueueQuery,
  type QueueReader,
  type QueueTuning
} from '../../../src/renderer/src/data/queue-query'

const ref = demoReference()
const now = Date.UTC(2025, 5, 1)
let db: DeskDb
let all: Ticket[]
const me = { agentId: ref.agents[1].id, teamId: ref.agents[1].teamId }
// Teams/agents named so that rank order differs from id order; one agent is left out on purpose
// (tickets assigned to an agent the desk does not know must still be found).
const ranks = ranksFrom(ref.teams, ref.agents.slice(0, -1), 'zh-CN')

async function drain(reader: QueueReader): Promise<Ticket[]> {
  const out = [...reader.pinned]
  for (let guard = 0; !reader.done && guard < 10_000; guard++) out.push(...(await reader.next()))
  return out
}

function bruteForce(q: QueueQuery): Ticket[] {
  const c = constraintsOf(q)
  const pinned = all.filter((t) => c.numbers.includes(t.number))
  const rest = all.filter((t) => !c.numbers.includes(t.number) && matchesConstraints(t, c)).sort(compareTickets(q.sort, ranks))
  return [...pinned, ...rest]
}

const tunings: QueueTuning[] = [
  { pageSize: 37, materialiseCap: 0, keyCap: 0, chunk: 50 }, // always walk, never an id set
  { pageSize: 50, materialiseCap: 5, keyCap: 100_000, chunk: 64 }, // searches walk with an id set
  { pageSize: 100, materialiseCap: 100_000, keyCap: 100_000, chunk: 1000 }, // materialise when possible
  { pageSize: 100, materialiseCap: 300, keyCap: 1_500, chunk: 200 } // mixed, like production but small
]

beforeAll(async () => {
  db = new DeskDb(`queue-test-${Math.random()}`)
  const people = { teams: ref.teams, agents: ref.agents.map((a) => ({ ...a, active: true })), services: ref.services }
  const gen = new DemoTicketGenerator({ seed: 7, count: 3_000, now, people, startNumbers: { incident: 0, request: 0 }, favouredAgentId: me.agentId })
  all = []
  for (let b = gen.nextBatch(1000); b; b = gen.nextBatch(1000)) all.push(...b.tickets)
  // Ties on updatedAt exercise the keyset continuation: copy a few timestamps onto other rows.
  for (let i = 0; i < 200; i++) all[i * 7 + 3].updatedAt = all[i * 7].updatedAt
  await db.tickets.bulkPut(all)
}, 60_000)

afterAll(async () => {
  await db.delete()
})

function query(partial: Partial<QueueQuery> & { filters?: Partial<QueueQuery['filters']> }): QueueQuery {
  return {
    view: partial.view ?? 'open',
    filters: { ...emptyFilters, ...partial.filters },
    sort: partial.sort ?? { column: 'updated', desc: true },
    search: partial.search ?? '',
    me
  }
}

async function check(q: QueueQuery): Promise<void> {
  const expected = bruteForce(q).map((t) => t.number)
  for (const tuning of tunings) {
    const reader = await planQueue(db, q, ranks, tuning)
    const got = (await drain(reader)).map((t) => t.number)
    expect(got, `${JSON.stringify({ ...q, me: undefined })} ${reader.info.strategy} ${JSON.stringify(tuning)}`).toEqual(expected)
    expect(await reader.count()).toBe(expected.length)
  }
}

describe('queue planner matches a brute-force filter + sort', () => {
  it('every view × every sort column, both directions', async () => {
    for (const view of queueViews)
      for (const column of sortColumns) for (const desc of [false, true]) await check(query({ view, sort: { column, desc } }))
  }, 120_000)

  it('searches in Chinese and English, with and without a word still being typed', async () => {
    for (const search of ['VPN', 'vpn 断开', '打印机', '打', 'outlook pass', 'password ', '账号 锁定', 'zzzz-no-such-word', 'Excel'])
      for (const view of ['open', 'resolved', 'mine'] as const) await check(query({ view, search }))
  }, 120_000)

  it('pins a ticket found by its number, whatever the view', async () => {
    const closed = all.find((t) => t.status === 'closed')!
    const q = query({ view: 'open', search: closed.number.toLowerCase() })
    const reader = await planQueue(db, q, ranks)
    expect(reader.pinned.map((t) => t.number)).toEqual([closed.number])
    await check(q)
  })

  it('random filter, sort and search combinations', async () => {
    const rng = new Random(42)
    const some = <T,>(values: readonly T[]): T[] => values.filter(() => rng.chance(0.35))
    const words = ['vpn', '打印', 'password', 'outlook', 'wi', '无法', 'laptop', '']
    for (let i = 0; i < 60; i++) {
      const from = rng.chance(0.3) ? new Date(now - rng.int(5, 60) * 86_400_000).toISOString() : null
      const q = query({
        view: rng.pick(queueViews),
        sort: { column: rng.pick(sortColumns), desc: rng.chance(0.5) },
        search: rng.chance(0.4) ? rng.pick(words) : '',
        filters: {
          kind: rng.chance(0.3) ? some(ticketKinds) : [],
          priority: rng.chance(0.4) ? some(priorities) : [],
          status: rng.chance(0.3) ? some(ticketStatuses) : [],
          category: rng.chance(0.3) ? some(categories) : [],
          teamId: rng.chance(0.3) ? some([...ref.teams.map((t) => t.id), '']) : [],
          assigneeId: rng.chance(0.2) ? some([...ref.agents.map((a) => a.id), '']) : [],
          title: rng.chance(0.15) ? rng.pick(['vpn', '打印机', 'printer', 'a']) : '',
          requester: rng.chance(0.1) ? rng.pick(['王', 'smith', 'li']) : '',
          updatedFrom: from,
          updatedTo: from && rng.chance(0.5) ? new Date(Date.parse(from) + 20 * 86_400_000).toISOString() : null
        }
      })
      await check(q)
    }
  }, 240_000)

  it('reads small pages: the first page is the head of the full order', async () => {
    const q = query({ view: 'resolved', sort: { column: 'priority', desc: false } })
    const reader = await planQueue(db, q, ranks, { pageSize: 25, materialiseCap: 0, keyCap: 0, chunk: 40 })
    const first = await reader.next()
    expect(first.map((t) => t.number)).toEqual(bruteForce(q).slice(0, 25).map((t) => t.number))
    expect(reader.info.strategy).toBe('walk')
  })

  it('says plainly when a view can match nothing', async () => {
    const q = { ...query({ view: 'team' }), me: { agentId: me.agentId, teamId: '' } }
    const reader = await planQueue(db, q, ranks)
    expect(reader.info.strategy).toBe('empty')
    expect(await drain(reader)).toEqual([])
  })
})
