import { sql } from 'drizzle-orm'
import { restrictedCategories, canSeeTicket } from '@shared/auth/permissions'
import { CommandError, type CommandStore, type TableName, type Tables } from '@shared/command/types'
import { defaultDeskConfig, deskConfigSchema, type DeskConfig, type DeskConfigKey } from '@shared/config/model'
import { idSchemaPattern } from '@shared/ids'
import type { SyncTable } from '@shared/sync/protocol'
import { formatNumber, numberPrefix, type Ticket, type TicketKind } from '@shared/ticket/model'
import { rows, type Tx } from '../db/database'
import { records } from '../db/schema'
import type { ServerViewer } from '../auth/viewer'

/** A database failure inside a command: fails the whole push (retried), never a rejection. */
export class StoreFailure extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause })
    this.name = 'StoreFailure'
  }
}

interface StoredRow {
  table: SyncTable
  id: string
  data: Record<string, unknown>
  scope: string
  everPublic: boolean
}

interface DirtyRow {
  table: SyncTable
  id: string
  data: Record<string, unknown>
}

export interface PendingWrite extends DirtyRow {
  scope: string
}

const key = (table: string, id: string): string => `${table}\u0000${id}`
const configKeys = Object.keys(defaultDeskConfig) as DeskConfigKey[]

export function ticketScope(ticket: { category: string }): string {
  return (restrictedCategories as readonly string[]).includes(ticket.category) ? ticket.category : ''
}

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    throw new StoreFailure(e)
  }
}

/**
 * The CommandStore the desk server runs commands on: the same command definitions as the console,
 * over PostgreSQL, inside the push's transaction.
 *
 * Reads go to the database once and are cached; writes collect in memory per command and are
 * kept (`commit`) or dropped (`rollback`) when the command ends, so a refused command leaves no
 * trace without a savepoint round trip. `flush` writes everything at the end in bulk, stamping
 * each changed row with the next change sequence values. Tickets (and their events) the viewer
 * may not see do not exist for their commands.
 */
export class ServerStore implements CommandStore {
  private readonly base = new Map<string, StoredRow | null>()
  /** Ids looked up in bulk: a miss in `base` for one of them means "no such row". */
  private readonly prefetched = new Set<string>()
  private readonly dirty = new Map<string, DirtyRow>()
  private pending = new Map<string, DirtyRow>()
  private readonly numbersTaken = new Set<string>()
  private pendingNumbers = new Set<string>()
  private leases: { kind: string; from: number; to: number }[] | null = null

  constructor(
    private readonly tx: Tx,
    private readonly viewer: ServerViewer,
    private readonly clientId: string
  ) {}

  // ---------- command boundaries ----------

  begin(): void {
    this.pending = new Map()
    this.pendingNumbers = new Set()
  }
  commit(): void {
    for (const [k, row] of this.pending) this.dirty.set(k, row)
    for (const n of this.pendingNumbers) this.numbersTaken.add(n)
    this.begin()
  }
  rollback(): void {
    this.begin()
  }
  get changedRows(): number {
    return this.dirty.size
  }

  // ---------- reads ----------

  /** Loads every row whose id appears in the commands' arguments in one query. */
  async prefetch(argsList: unknown[]): Promise<void> {
    const ids = new Set<string>()
    const walk = (v: unknown, depth: number): void => {
      if (ids.size >= 5_000 || depth > 3) return
      if (typeof v === 'string') {
        if (idSchemaPattern.test(v) && !this.prefetched.has(v)) ids.add(v)
      } else if (Array.isArray(v)) for (const x of v) walk(x, depth + 1)
      else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x, depth + 1)
    }
    for (const a of argsList) walk(a, 0)
    if (!ids.size) return
    const list = [...ids]
    for (let i = 0; i < list.length; i += 1_000) {
      const chunk = list.slice(i, i + 1_000)
      const found = await guarded(() =>
        rows<{ table_name: SyncTable; id: string; data: unknown; scope: string; ever_public: boolean }>(
          this.tx,
          sql`SELECT table_name, id, data, scope, ever_public FROM records
              WHERE id IN (${sql.join(
                chunk.map((id) => sql`${id}`),
                sql`, `
              )}) AND NOT deleted`
        )
      )
      for (const r of found) this.remember(r)
      for (const id of chunk) this.prefetched.add(id)
    }
  }

  private remember(r: {
    table_name: SyncTable
    id: string
    data: unknown
    scope: string
    ever_public: boolean
  }): StoredRow {
    const row: StoredRow = {
      table: r.table_name,
      id: r.id,
      data: (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown>,
      scope: r.scope,
      everPublic: r.ever_public
    }
    this.base.set(key(row.table, row.id), row)
    return row
  }

  /** The stored row as the database (before this push) had it. */
  private async stored(table: SyncTable, id: string): Promise<StoredRow | null> {
    const k = key(table, id)
    const cached = this.base.get(k)
    if (cached !== undefined) return cached
    if (this.prefetched.has(id)) return null
    const [r] = await guarded(() =>
      rows<{ table_name: SyncTable; id: string; data: unknown; scope: string; ever_public: boolean }>(
        this.tx,
        sql`SELECT table_name, id, data, scope, ever_public FROM records
            WHERE table_name = ${table} AND id = ${id} AND NOT deleted`
      )
    )
    if (!r) {
      this.base.set(k, null)
      return null
    }
    return this.remember(r)
  }

  /** The row as this push sees it now: this command's writes, earlier commands', the database. */
  private async current(table: SyncTable, id: string): Promise<Record<string, unknown> | undefined> {
    const k = key(table, id)
    const own = this.pending.get(k) ?? this.dirty.get(k)
    if (own) return own.data
    return (await this.stored(table, id))?.data
  }

  private async visible(table: SyncTable, data: Record<string, unknown>): Promise<boolean> {
    if (table === 'tickets') return canSeeTicket(this.viewer, data as unknown as Ticket)
    if (table === 'ticketEvents') {
      const ticket = await this.current('tickets', String(data.ticketId))
      return !ticket || canSeeTicket(this.viewer, ticket as unknown as Ticket)
    }
    return true
  }

  async get<T extends TableName>(table: T, id: string): Promise<Tables[T] | undefined> {
    const data = await this.current(table, id)
    if (!data || !(await this.visible(table, data))) return undefined
    return structuredClone(data) as unknown as Tables[T]
  }

  /** What a refused command's agent is shown as the value that won (null if they may not see it). */
  async currentVisible(table: SyncTable, id: string): Promise<unknown> {
    const data = await this.current(table, id)
    if (!data || !(await this.visible(table, data))) return null
    return structuredClone(data)
  }

  // ---------- writes ----------

  async put<T extends TableName>(table: T, row: Tables[T]): Promise<void> {
    const existing = await this.current(table, row.id)
    // A row the agent cannot see is not theirs to overwrite (e.g. a create reusing its id).
    if (existing && !(await this.visible(table, existing)))
      throw new CommandError('not_found', `${table} ${row.id} does not exist`, { id: 'not found' })
    this.pending.set(key(table, row.id), { table, id: row.id, data: structuredClone(row) })
  }

  async getConfig(): Promise<DeskConfig> {
    const config: DeskConfig = structuredClone(defaultDeskConfig)
    for (const k of configKeys) {
      const row = await this.current('config', k)
      if (row && 'value' in row) {
        const parsed = deskConfigSchema.shape[k].safeParse(row.value)
        if (parsed.success) (config as Record<DeskConfigKey, unknown>)[k] = parsed.data
      }
    }
    return config
  }

  async setConfig<K extends DeskConfigKey>(k: K, value: DeskConfig[K]): Promise<void> {
    this.pending.set(key('config', k), { table: 'config', id: k, data: { id: k, value: structuredClone(value) } })
  }

  // ---------- ticket numbers ----------

  private async numberTaken(number: string): Promise<boolean> {
    if (this.numbersTaken.has(number) || this.pendingNumbers.has(number)) return true
    for (const row of [...this.dirty.values(), ...this.pending.values()])
      if (row.table === 'tickets' && row.data.number === number) return true
    const found = await guarded(() =>
      rows<{ one: number }>(
        this.tx,
        sql`SELECT 1 AS one FROM records WHERE table_name = 'tickets' AND data->>'number' = ${number} LIMIT 1`
      )
    )
    return found.length > 0
  }

  private async inLease(kind: TicketKind, n: number): Promise<boolean> {
    this.leases ??= (
      await guarded(() =>
        rows<{ kind: string; from_value: number; to_value: number }>(
          this.tx,
          sql`SELECT kind, from_value, to_value FROM number_leases WHERE client_id = ${this.clientId}`
        )
      )
    ).map((l) => ({ kind: l.kind, from: Number(l.from_value), to: Number(l.to_value) }))
    return this.leases.some((l) => l.kind === kind && n >= l.from && n <= l.to)
  }

  /**
   * A number the client chose is kept when it comes from one of this client's leases and nobody
   * has it; otherwise (a workstation that numbered tickets while local-only, a reused number) the
   * server issues the next free one and the command keeps the client's as an alias.
   */
  async nextTicketNumber(kind: TicketKind, preferred?: string): Promise<string> {
    if (preferred !== undefined) {
      const m = new RegExp(`^${numberPrefix[kind]}-(\\d{6,})$`).exec(preferred)
      if (m && (await this.inLease(kind, Number(m[1]))) && !(await this.numberTaken(preferred))) {
        this.pendingNumbers.add(preferred)
        return preferred
      }
    }
    for (;;) {
      const [row] = await guarded(() =>
        rows<{ n: number }>(
          this.tx,
          sql`UPDATE number_counters SET next_value = next_value + 1 WHERE kind = ${kind} RETURNING next_value - 1 AS n`
        )
      )
      const number = formatNumber(kind, Number(row.n))
      if (!(await this.numberTaken(number))) {
        this.pendingNumbers.add(number)
        return number
      }
    }
  }

  // ---------- flush ----------

  /**
   * Rows to write, in first-write order, plus the events of every ticket whose scope changes so
   * they travel (or leave) with it.
   */
  async pendingWrites(): Promise<PendingWrite[]> {
    const out: PendingWrite[] = []
    const ticketScopes = new Map<string, string>()
    const scopeOfTicket = async (ticketId: string): Promise<string> => {
      let s = ticketScopes.get(ticketId)
      if (s === undefined) {
        const t = await this.current('tickets', ticketId)
        s = t ? ticketScope(t as unknown as Ticket) : ''
        ticketScopes.set(ticketId, s)
      }
      return s
    }
    const moved: string[] = []
    for (const row of this.dirty.values()) {
      if (row.table !== 'tickets') continue
      const scope = ticketScope(row.data as unknown as Ticket)
      ticketScopes.set(row.id, scope)
      const before = await this.stored('tickets', row.id)
      if (before && before.scope !== scope) moved.push(row.id)
    }
    for (const row of this.dirty.values()) {
      const scope =
        row.table === 'tickets'
          ? ticketScopes.get(row.id)!
          : row.table === 'ticketEvents'
            ? await scopeOfTicket(String(row.data.ticketId))
            : ''
      out.push({ ...row, scope })
    }
    for (const ticketId of moved) {
      const events = await guarded(() =>
        rows<{ id: string; data: unknown }>(
          this.tx,
          sql`SELECT id, data FROM records WHERE table_name = 'ticketEvents' AND parent_id = ${ticketId} AND NOT deleted`
        )
      )
      const scope = ticketScopes.get(ticketId)!
      for (const e of events) {
        if (this.dirty.has(key('ticketEvents', e.id))) continue
        const data = (typeof e.data === 'string' ? JSON.parse(e.data) : e.data) as Record<string, unknown>
        out.push({ table: 'ticketEvents', id: e.id, data, scope })
      }
    }
    return out
  }

  /** Writes the rows with consecutive change seqs from `firstSeq`. */
  async write(list: PendingWrite[], firstSeq: number): Promise<void> {
    for (let i = 0; i < list.length; i += 500) {
      const chunk = list.slice(i, i + 500)
      await guarded(() =>
        this.tx
          .insert(records)
          .values(
            chunk.map((r, j) => ({
              tableName: r.table,
              id: r.id,
              parentId: r.table === 'ticketEvents' ? String(r.data.ticketId) : '',
              data: r.data,
              scope: r.scope,
              everPublic: r.scope === '',
              deleted: false,
              changeSeq: firstSeq + i + j
            }))
          )
          .onConflictDoUpdate({
            target: [records.tableName, records.id],
            set: {
              parentId: sql`excluded.parent_id`,
              data: sql`excluded.data`,
              scope: sql`excluded.scope`,
              everPublic: sql`${records.everPublic} OR excluded.ever_public`,
              deleted: false,
              changeSeq: sql`excluded.change_seq`,
              changedAt: sql`now()`
            }
          })
      )
    }
  }
}
