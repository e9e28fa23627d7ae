/**
 * An in-memory desk server for the sync client's tests: the shared commands over a MemoryStore,
 * a global change log, per-client push sequences with remembered results, number leases and the
 * faults a real network has (lost responses, offline). It follows the protocol in
 * src/shared/sync/protocol.ts; the real server lives in src/server.
 */
import { MemoryStore } from '@shared/command/memory-store'
import { executeCommand } from '@shared/command/registry'
import { CommandError, type TableName, type Tables } from '@shared/command/types'
import type { DeskConfig, DeskConfigKey } from '@shared/config/model'
import {
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  type Change,
  type CommandResult,
  type NumberLease,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type SyncTable
} from '@shared/sync/protocol'
import { formatNumber, type TicketKind } from '@shared/ticket/model'
import { SyncError, type LiveHandlers, type SyncTransport } from '../../../src/renderer/src/data/sync/transport'

interface ClientState {
  agentId: string
  lastSeq: number
  results: Map<number, CommandResult>
}

interface LogEntry {
  seq: number
  table: SyncTable
  id: string
}

/** MemoryStore that remembers what the running command touched and honours a preferred number. */
class ServerStore extends MemoryStore {
  touched: { table: SyncTable; id: string }[] = []
  preferred: string | undefined
  leasedUpTo: Record<TicketKind, number> = { incident: 0, request: 0 }

  override async put<T extends TableName>(table: T, row: Tables[T]): Promise<void> {
    this.touched.push({ table, id: row.id })
    await super.put(table, row)
  }
  override async setConfig<K extends DeskConfigKey>(key: K, value: DeskConfig[K]): Promise<void> {
    this.touched.push({ table: 'config', id: key })
    await super.setConfig(key, value)
  }
  numberTaken(number: string): boolean {
    for (const t of this.tables.tickets.values()) if (t.number === number) return true
    return false
  }
  override async nextTicketNumber(kind: TicketKind): Promise<string> {
    if (this.preferred && !this.numberTaken(this.preferred)) return this.preferred
    let number: string
    do number = formatNumber(kind, ++this.counters[kind])
    while (this.numberTaken(number))
    return number
  }
}

export class FakeServer {
  readonly store = new ServerStore()
  private seq = 0
  /** Latest change per row, and refusals, in log order. */
  private rowLog = new Map<string, LogEntry>()
  private rejections: { seq: number; clientId: string; result: CommandResult }[] = []
  readonly clients = new Map<string, ClientState>()
  private resetFor = new Set<string>()
  private pokes = new Set<LiveHandlers>()
  /** Every command id the server applied, in order: a command applied twice shows up twice. */
  readonly appliedIds: string[] = []
  readonly rejectedIds: string[] = []

  private stamp(table: SyncTable, id: string): void {
    const key = `${table}:${id}`
    this.rowLog.delete(key)
    this.rowLog.set(key, { seq: ++this.seq, table, id })
  }

  private snapshot(): { tables: string; config: DeskConfig; counters: Record<TicketKind, number> } {
    const tables: Record<string, unknown[]> = {}
    for (const [name, map] of Object.entries(this.store.tables)) tables[name] = [...map.values()]
    return {
      tables: JSON.stringify(tables),
      config: structuredClone(this.store.config),
      counters: { ...this.store.counters }
    }
  }
  private restore(s: ReturnType<FakeServer['snapshot']>): void {
    const tables = JSON.parse(s.tables) as Record<string, { id: string }[]>
    for (const [name, rows] of Object.entries(tables)) {
      const map = this.store.tables[name as TableName] as Map<string, unknown>
      map.clear()
      for (const r of rows) map.set(r.id, r)
    }
    this.store.config = s.config
    this.store.counters = s.counters
  }

  /** Applies a command as an admin would on the server (seeding, another agent's edits). */
  async run(
    name: string,
    args: unknown,
    actorId = 'server',
    id = crypto.randomUUID(),
    occurredAt = new Date().toISOString()
  ): Promise<void> {
    this.store.touched = []
    await executeCommand(this.store, { id, name, version: 1, args, actorId, occurredAt })
    for (const t of this.store.touched) this.stamp(t.table, t.id)
    this.poke()
  }

  async push(body: PushRequest, agentId: string): Promise<PushResponse> {
    const req = pushRequestSchema.parse(structuredClone(body))
    let client = this.clients.get(req.clientId)
    if (!client) this.clients.set(req.clientId, (client = { agentId, lastSeq: 0, results: new Map() }))
    if (client.agentId !== agentId) throw new SyncError('forbidden', 'client id of another agent', 403)
    const firstNew = req.commands.find((c) => c.seq > client.lastSeq)
    if (firstNew && firstNew.seq !== client.lastSeq + 1)
      throw new SyncError('seq_gap', `expected ${client.lastSeq + 1}`, 409, client.lastSeq)
    const results: CommandResult[] = []
    for (const cmd of req.commands) {
      if (cmd.seq <= client.lastSeq) {
        const previous = client.results.get(cmd.seq)
        if (previous) results.push(previous)
        continue
      }
      const before = this.snapshot()
      this.store.touched = []
      const args = cmd.args as { number?: unknown; ticketId?: string; id?: string }
      this.store.preferred = typeof args?.number === 'string' ? args.number : undefined
      let result: CommandResult
      try {
        await executeCommand(this.store, {
          id: cmd.id,
          name: cmd.name,
          version: cmd.version,
          args: cmd.args,
          actorId: agentId,
          occurredAt: cmd.occurredAt
        })
        for (const t of this.store.touched) this.stamp(t.table, t.id)
        result = { seq: cmd.seq, id: cmd.id, status: 'applied' }
        this.appliedIds.push(cmd.id)
      } catch (error) {
        this.restore(before)
        const e = error instanceof CommandError ? error : new CommandError('validation', String(error))
        const ticketId = args?.ticketId ?? (cmd.name === 'ticket.create' ? args?.id : undefined)
        const row = ticketId ? (this.store.tables.tickets.get(ticketId) ?? null) : null
        result = {
          seq: cmd.seq,
          id: cmd.id,
          status: 'rejected',
          code: e.code,
          reason: e.message,
          issues: e.issues,
          current: ticketId ? { table: 'tickets', id: ticketId, row: structuredClone(row) } : null
        }
        this.rejectedIds.push(cmd.id)
        this.rejections.push({ seq: ++this.seq, clientId: req.clientId, result })
      }
      client.results.set(cmd.seq, result)
      client.lastSeq = cmd.seq
      results.push(result)
    }
    this.poke()
    return pushResponseSchema.parse({ results, lastProcessedSeq: client.lastSeq, cursor: this.seq })
  }

  pull(q: { clientId: string; cursor: number; limit?: number }): PullResponse {
    const client = this.clients.get(q.clientId)
    const lastProcessedSeq = client?.lastSeq ?? 0
    if (this.resetFor.delete(q.clientId)) return { resetRequired: true, reason: 'scope', lastProcessedSeq }
    const limit = q.limit ?? 1000
    const entries = [...this.rowLog.values()].filter((e) => e.seq > q.cursor).sort((a, b) => a.seq - b.seq)
    const page = entries.slice(0, limit)
    const hasMore = entries.length > limit
    const cursor = hasMore ? page[page.length - 1].seq : this.seq
    const changes: Change[] = page.map((e) => {
      const row = this.current(e.table, e.id)
      return row === undefined
        ? { seq: e.seq, table: e.table, op: 'evict', id: e.id }
        : { seq: e.seq, table: e.table, op: 'put', id: e.id, row }
    })
    const rejected = this.rejections
      .filter((r) => r.clientId === q.clientId && r.seq > q.cursor && r.seq <= cursor)
      .map((r) => r.result)
    return pullResponseSchema.parse({ resetRequired: false, changes, cursor, hasMore, lastProcessedSeq, rejected })
  }

  private current(table: SyncTable, id: string): unknown {
    if (table === 'config') return { id, value: structuredClone(this.store.config[id as DeskConfigKey]) }
    const row = this.store.tables[table].get(id)
    return row === undefined ? undefined : structuredClone(row)
  }

  lease(kind: TicketKind, count: number): NumberLease {
    const from = this.store.counters[kind] + 1
    this.store.counters[kind] += count
    return { kind, from, to: this.store.counters[kind] }
  }

  /** The row left every agent's view (or was deleted). */
  evict(table: TableName, id: string): void {
    this.store.tables[table].delete(id)
    this.stamp(table, id)
  }

  requireReset(clientId: string): void {
    this.resetFor.add(clientId)
  }

  poke(): void {
    for (const h of this.pokes) h.onPoke(this.seq)
  }

  subscribe(h: LiveHandlers): () => void {
    this.pokes.add(h)
    return () => this.pokes.delete(h)
  }

  /** Server state as plain rows per table, for convergence checks. */
  dump(): Record<string, unknown[]> {
    const out: Record<string, unknown[]> = {}
    for (const [name, map] of Object.entries(this.store.tables))
      out[name] = [...map.values()].sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1))
    return out
  }
}

export interface Faults {
  offline: boolean
  /** The server processes the next push, but its answer is lost. */
  losePushResponses: number
  /** The next push is sent twice (a retrying proxy). */
  duplicatePushes: number
  /** Runs before each pull is answered (a local command typed mid-sync, a reset …). */
  beforePull?: () => Promise<void>
}

/** A SyncTransport that calls the fake server, with JSON round trips like a real wire. */
export function memoryTransport(
  server: FakeServer,
  agentId: string,
  faults: Partial<Faults> = {}
): SyncTransport & { faults: Faults } {
  const f: Faults = { offline: false, losePushResponses: 0, duplicatePushes: 0, ...faults }
  const wire = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T
  const down = (): void => {
    if (f.offline) throw new SyncError('network', 'offline')
  }
  return {
    faults: f,
    async push(req) {
      down()
      if (f.duplicatePushes > 0) {
        f.duplicatePushes--
        await server.push(wire(req), agentId).catch(() => undefined)
      }
      const res = await server.push(wire(req), agentId)
      if (f.losePushResponses > 0) {
        f.losePushResponses--
        throw new SyncError('network', 'connection reset')
      }
      return wire(res)
    },
    async pull(q) {
      down()
      await f.beforePull?.()
      return wire(server.pull(q))
    },
    async leaseNumbers(req) {
      down()
      return wire(server.lease(req.kind, req.count))
    },
    live(handlers) {
      return server.subscribe(handlers)
    }
  }
}
