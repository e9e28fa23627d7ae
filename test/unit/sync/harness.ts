import 'fake-indexeddb/auto'
import { newId } from '@shared/ids'
import { metaKeys } from '../../../src/renderer/src/data/command-store'
import { runCommand } from '../../../src/renderer/src/data/commands'
import { DeskDb } from '../../../src/renderer/src/data/db'
import { syncKeys } from '../../../src/renderer/src/data/sync/meta'
import {
  createSyncClient,
  type Clock,
  type SyncClient,
  type SyncClientOptions
} from '../../../src/renderer/src/data/sync/sync-client'
import type { SyncTransport } from '../../../src/renderer/src/data/sync/transport'
import { FakeServer, memoryTransport, type Faults } from './fake-server'

export const ref = {
  team: 'de5c0000-0000-7000-8000-0000000000a1',
  contact: '0c000000-0000-7000-8000-000000000001',
  alice: '0a000000-0000-7000-8000-000000000001',
  bob: '0a000000-0000-7000-8000-000000000002'
}

/** A desk server with one team, two agents and one requester. */
export async function seededServer(): Promise<FakeServer> {
  const server = new FakeServer()
  await server.run('team.upsert', { id: ref.team, name: 'Service desk L1', kind: 'service_desk' })
  await server.run('agent.upsert', {
    id: ref.alice,
    name: 'Alice',
    email: 'alice@desk.test',
    role: 'agent',
    teamId: ref.team,
    tier: 'L1'
  })
  await server.run('agent.upsert', {
    id: ref.bob,
    name: 'Bob',
    email: 'bob@desk.test',
    role: 'agent',
    teamId: ref.team,
    tier: 'L1'
  })
  await server.run('contact.create', {
    id: ref.contact,
    name: '王芳',
    phone: '010-6000 1234',
    email: '',
    department: 'HR',
    vip: false
  })
  return server
}

/** Timers that only run when the test says so. */
export class ManualClock implements Clock {
  t = Date.parse('2026-03-02T09:00:00.000Z')
  timers: { at: number; ms: number; fn: () => void; id: number }[] = []
  private next = 1
  now(): number {
    return this.t
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++
    this.timers.push({ at: this.t + ms, ms, fn, id })
    return id
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((x) => x.id !== handle)
  }
  random(): number {
    return 0.5
  }
  /** Delays the waiting timers were set with. */
  pending(): number[] {
    return this.timers.map((x) => x.ms)
  }
  /** Runs every timer due by now + ms. */
  async advance(ms: number): Promise<void> {
    this.t += ms
    for (const due of this.timers.filter((x) => x.at <= this.t)) {
      this.clearTimeout(due.id)
      due.fn()
    }
    await new Promise((r) => setTimeout(r, 0))
  }
}

export interface Workstation {
  db: DeskDb
  agentId: string
  transport: SyncTransport & { faults: Faults }
  client: SyncClient
  clock: ManualClock
  run(name: string, args: unknown): Promise<void>
  sync(): Promise<void>
}

const opened: DeskDb[] = []

export async function closeAll(): Promise<void> {
  for (const db of opened.splice(0)) await db.delete()
}

/** A console connected to `server` as `agentId` (not started: tests drive syncNow). */
export async function workstation(
  server: FakeServer,
  agentId: string,
  opts: { connected?: boolean; db?: DeskDb; client?: Partial<SyncClientOptions> } = {}
): Promise<Workstation> {
  const db = opts.db ?? new DeskDb(`sync-${newId()}`)
  if (!opts.db) opened.push(db)
  await db.meta.put({ key: metaKeys.profile, value: { agentId } })
  if (opts.connected ?? true) await connect(db, agentId)
  const transport = memoryTransport(server, agentId)
  const clock = new ManualClock()
  const client = createSyncClient({ db, transport, agentId, clock, pullLimit: 50, ...opts.client })
  return {
    db,
    agentId,
    transport,
    client,
    clock,
    async run(name, args) {
      await runCommand(db, name, 1, args, { actorId: agentId, occurredAt: new Date(clock.now()).toISOString() })
      clock.t += 1_000
    },
    async sync() {
      await client.syncNow()
      clock.t += 1_000
    }
  }
}

export async function connect(db: DeskDb, agentId: string): Promise<void> {
  await db.meta.put({
    key: syncKeys.connection,
    value: { serverUrl: 'http://desk.test', agentId, email: 'x@desk.test', connectedAt: '2026-03-02T08:00:00.000Z' }
  })
}

export function ticketArgs(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: newId(),
    kind: 'incident',
    channel: 'phone',
    requesterId: ref.contact,
    title: 'VPN 无法连接',
    description: '出差期间无法连接公司 VPN',
    category: 'network',
    subcategory: 'vpn',
    impact: 2,
    urgency: 2,
    ...over
  }
}

/** Local rows of the synced tables, comparable with FakeServer.dump(). */
export async function localDump(db: DeskDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const name of ['tickets', 'ticketEvents', 'contacts', 'teams', 'agents', 'services'])
    out[name] = (await db.table(name).toArray()).sort((a, b) =>
      (a as { id: string }).id < (b as { id: string }).id ? -1 : 1
    )
  return out
}
