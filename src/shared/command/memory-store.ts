import { defaultDeskConfig, type DeskConfig, type DeskConfigKey } from '../config/model'
import { formatNumber, type TicketKind } from '../ticket/model'
import type { CommandStore, TableName, Tables } from './types'

/** An in-memory CommandStore: for tests, the demo generator and dry runs. */
export class MemoryStore implements CommandStore {
  readonly tables: { [T in TableName]: Map<string, Tables[T]> } = {
    tickets: new Map(),
    ticketEvents: new Map(),
    contacts: new Map(),
    teams: new Map(),
    agents: new Map(),
    services: new Map()
  }
  config: DeskConfig = structuredClone(defaultDeskConfig)
  counters: Record<TicketKind, number> = { incident: 0, request: 0 }

  async get<T extends TableName>(table: T, id: string): Promise<Tables[T] | undefined> {
    const row = this.tables[table].get(id)
    return row === undefined ? undefined : structuredClone(row)
  }
  async put<T extends TableName>(table: T, row: Tables[T]): Promise<void> {
    this.tables[table].set(row.id, structuredClone(row))
  }
  async getConfig(): Promise<DeskConfig> {
    return structuredClone(this.config)
  }
  async setConfig<K extends DeskConfigKey>(key: K, value: DeskConfig[K]): Promise<void> {
    this.config = { ...this.config, [key]: structuredClone(value) }
  }
  async nextTicketNumber(kind: TicketKind, preferred?: string): Promise<string> {
    const n = preferred === undefined ? NaN : Number(/-(\d+)$/.exec(preferred)?.[1])
    const taken = [...this.tables.tickets.values()].some((t) => t.number === preferred)
    if (Number.isSafeInteger(n) && n > 0 && !taken) {
      this.counters[kind] = Math.max(this.counters[kind], n)
      return formatNumber(kind, n)
    }
    return formatNumber(kind, ++this.counters[kind])
  }
}
