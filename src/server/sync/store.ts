import { sql } from 'drizzle-orm'
import { restrictedCategories, canSeeTicket } from '@shared/auth/permissions'
import { CommandError, type CommandStore, type TableName, type Tables } from '@shared/command/types'
import { defaultDeskConfig, deskConfigSchema, type DeskConfig, type DeskConfigKey } from '@shared/config/model'
import { deriveId, idSchemaPattern } from '@shared/ids'
import type { SyncTable } from '@shared/sync/protocol'
import { formatNumber, numberPrefix, type Ticket, type TicketKind } from '@shared/ticket/model'
import { rows, type Tx } from '../db/database'
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
  private readonly numbersInDb = new Map<string, boolean>()
  private config: DeskConfig | undefined
  private readonly reserved = new Map<TicketKind, { next: number; end: number }>()
  private readonly expected: Partial<Record<TicketKind, number>> = {}

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
    if ([...this.pending.values()].some((r) => r.table === 'config')) this.config = undefined
    this.begin()
  }
  get changedRows(): number {
    return this.dirty.size
  }

  // ---------- reads ----------

  /**
   * Loads every row whose id appears in the commands' arguments, or that the commands will derive
   * from their own ids (timeline events), in one query.
   */
  async prefetch(argsList: unknown[], commandIds: string[] = []): Promise<void> {
    const ids = new Set<string>()
    for (const id of commandIds) for (let n = 1; n <= 3; n++) ids.add(deriveId(id, n))
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
              WHERE id IN (SELECT jsonb_array_elements_text(${JSON.stringify(chunk)}::jsonb)) AND NOT deleted`
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

  /** Login emails to follow agents' synced email changes, applied with the rows. */
  private readonly loginEmails = new Map<string, string>()

  /**
   * An agent's email is also their login: a synced change moves the login with it, unless another
   * account already signs in with that address.
   */
  async followLoginEmail(agentId: string, email: string): Promise<boolean> {
    if (!email) return true
    const address = email.toLowerCase()
    const taken = await guarded(() =>
      rows<{ agent_id: string }>(
        this.tx,
        sql`SELECT agent_id FROM credentials WHERE email = ${address} AND agent_id <> ${agentId}`
      )
    )
    if (taken.length || [...this.loginEmails].some(([id, e]) => e === address && id !== agentId)) return false
    this.loginEmails.set(agentId, address)
    return true
  }

  async writeLoginEmails(): Promise<void> {
    for (const [agentId, email] of this.loginEmails)
      await guarded(() =>
        this.tx.execute(
          sql`UPDATE credentials SET email = ${email}, updated_at = now() WHERE agent_id = ${agentId} AND email <> ${email}`
        )
      )
  }

  /** Active admins as this push sees them (the database, overridden by this push's writes). */
  async activeAdmins(): Promise<Set<string>> {
    const found = await guarded(() =>
      rows<{ id: string }>(
        this.tx,
        sql`SELECT id FROM records WHERE table_name = 'agents' AND NOT deleted
            AND data->>'role' = 'admin' AND (data->>'active')::boolean`
      )
    )
    const admins = new Set(found.map((r) => r.id))
    for (const row of [...this.dirty.values(), ...this.pending.values()])
      if (row.table === 'agents') {
        if (row.data.role === 'admin' && row.data.active === true) admins.add(row.id)
        else admins.delete(row.id)
      }
    return admins
  }

  // ---------- writes ----------

  async put<T extends TableName>(table: T, row: Tables[T]): Promise<void> {
    const existing = await this.current(table, row.id)
    // A row the agent cannot see is not theirs to overwrite (e.g. a create reusing its id).
    if (existing && !(await this.visible(table, existing)))
      throw new CommandError('not_found', `${table} ${row.id} does not exist`, { id: 'not found' })
    // Not cloned: commands build new rows from the clones `get` hands out and never touch them again.
    this.pending.set(key(table, row.id), { table, id: row.id, data: row })
  }

  async getConfig(): Promise<DeskConfig> {
    // Parsed once per push, not once per command; a config.set in this push invalidates it.
    if (this.config) return this.config
    const config: DeskConfig = structuredClone(defaultDeskConfig)
    for (const k of configKeys) {
      const row = await this.current('config', k)
      if (row && 'value' in row) {
        const parsed = deskConfigSchema.shape[k].safeParse(row.value)
        if (parsed.success) (config as Record<DeskConfigKey, unknown>)[k] = parsed.data
      }
    }
    this.config = config
    return config
  }

  async setConfig<K extends DeskConfigKey>(k: K, value: DeskConfig[K]): Promise<void> {
    this.config = undefined
    this.pending.set(key('config', k), { table: 'config', id: k, data: { id: k, value: structuredClone(value) } })
  }

  // ---------- ticket numbers ----------

  /** Whether the database has a ticket with each number (looked up in bulk, then cached). */
  private async lookUpNumbers(numbers: string[]): Promise<void> {
    const unknown = [...new Set(numbers)].filter((n) => !this.numbersInDb.has(n))
    for (let i = 0; i < unknown.length; i += 1_000) {
      const chunk = unknown.slice(i, i + 1_000)
      const found = await guarded(() =>
        rows<{ number: string }>(
          this.tx,
          sql`SELECT data->>'number' AS number FROM records
              WHERE table_name = 'tickets' AND data->>'number' IN (SELECT jsonb_array_elements_text(${JSON.stringify(chunk)}::jsonb))`
        )
      )
      for (const n of chunk) this.numbersInDb.set(n, false)
      for (const r of found) this.numbersInDb.set(r.number, true)
    }
  }

  private async numberTaken(number: string): Promise<boolean> {
    if (this.numbersTaken.has(number) || this.pendingNumbers.has(number)) return true
    if (!this.numbersInDb.has(number)) await this.lookUpNumbers([number])
    return this.numbersInDb.get(number) === true
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
   * Readies the numbers a batch of commands will ask for: the numbers clients chose are looked up
   * at once, and `creates` tickets per kind are expected (the counter is advanced once per kind,
   * not once per ticket; what is left over is handed back at the end).
   */
  async expectTickets(creates: Partial<Record<TicketKind, number>>, chosen: string[]): Promise<void> {
    for (const [kind, n] of Object.entries(creates) as [TicketKind, number][])
      this.expected[kind] = (this.expected[kind] ?? 0) + n
    if (chosen.length) await this.lookUpNumbers(chosen)
  }

  private async allocate(kind: TicketKind): Promise<number> {
    let block = this.reserved.get(kind)
    if (!block || block.next > block.end) {
      const count = Math.max(1, this.expected[kind] ?? 1)
      const [row] = await guarded(() =>
        rows<{ next_value: number }>(
          this.tx,
          sql`UPDATE number_counters SET next_value = next_value + ${count} WHERE kind = ${kind} RETURNING next_value`
        )
      )
      const end = Number(row.next_value) - 1
      block = { next: end - count + 1, end }
      this.reserved.set(kind, block)
      await this.lookUpNumbers(Array.from({ length: count }, (_, i) => formatNumber(kind, block!.next + i)))
    }
    this.expected[kind] = Math.max(0, (this.expected[kind] ?? 1) - 1)
    return block.next++
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
        this.expected[kind] = Math.max(0, (this.expected[kind] ?? 1) - 1)
        this.pendingNumbers.add(preferred)
        return preferred
      }
    }
    for (;;) {
      const number = formatNumber(kind, await this.allocate(kind))
      if (!(await this.numberTaken(number))) {
        this.pendingNumbers.add(number)
        return number
      }
    }
  }

  /** Hands unused reserved numbers back when nobody advanced the counter since (else: a gap). */
  async releaseNumbers(): Promise<void> {
    for (const [kind, block] of this.reserved)
      if (block.next <= block.end)
        await guarded(() =>
          this.tx.execute(
            sql`UPDATE number_counters SET next_value = ${block.next} WHERE kind = ${kind} AND next_value = ${block.end + 1}`
          )
        )
    this.reserved.clear()
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

  /**
   * Writes the rows with consecutive change seqs from `firstSeq`: one statement per chunk, the
   * rows travelling as a single JSON parameter (far cheaper than thousands of bind parameters).
   */
  async write(list: PendingWrite[], firstSeq: number): Promise<void> {
    for (let i = 0; i < list.length; i += 1_000) {
      const chunk = list.slice(i, i + 1_000).map((r, j) => ({
        table_name: r.table,
        id: r.id,
        parent_id: r.table === 'ticketEvents' ? String(r.data.ticketId) : '',
        data: r.data,
        scope: r.scope,
        ever_public: r.scope === '',
        change_seq: firstSeq + i + j
      }))
      await guarded(() =>
        this.tx.execute(
          sql`INSERT INTO records (table_name, id, parent_id, data, scope, ever_public, deleted, change_seq, changed_at)
              SELECT x.table_name, x.id, x.parent_id, x.data, x.scope, x.ever_public, false, x.change_seq, now()
              FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
                AS x(table_name text, id text, parent_id text, data jsonb, scope text, ever_public boolean, change_seq bigint)
              ON CONFLICT (table_name, id) DO UPDATE SET
                parent_id = excluded.parent_id,
                data = excluded.data,
                scope = excluded.scope,
                ever_public = records.ever_public OR excluded.ever_public,
                deleted = false,
                change_seq = excluded.change_seq,
                changed_at = excluded.changed_at`
        )
      )
    }
  }
}
