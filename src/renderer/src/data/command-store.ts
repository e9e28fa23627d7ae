import { defaultDeskConfig, type DeskConfig, type DeskConfigKey } from '@shared/config/model'
import type { CommandStore, TableName, Tables } from '@shared/command/types'
import { formatNumber, type TicketKind } from '@shared/ticket/model'
import type { DeskDb } from './db'

export const metaKeys = {
  config: 'config',
  clientId: 'clientId',
  profile: 'profile',
  counter: (kind: TicketKind) => `counter:${kind}`
} as const

/** CommandStore over Dexie; only used inside a read-write transaction opened by the caller. */
export class DexieCommandStore implements CommandStore {
  constructor(private readonly db: DeskDb) {}

  async get<T extends TableName>(table: T, id: string): Promise<Tables[T] | undefined> {
    return (await this.db.table(table).get(id)) as Tables[T] | undefined
  }
  async put<T extends TableName>(table: T, row: Tables[T]): Promise<void> {
    await this.db.table(table).put(row)
  }
  async getConfig(): Promise<DeskConfig> {
    const row = await this.db.meta.get(metaKeys.config)
    return { ...defaultDeskConfig, ...((row?.value as Partial<DeskConfig> | undefined) ?? {}) }
  }
  async setConfig<K extends DeskConfigKey>(key: K, value: DeskConfig[K]): Promise<void> {
    const current = await this.getConfig()
    await this.db.meta.put({ key: metaKeys.config, value: { ...current, [key]: value } })
  }
  /** A local counter until a desk server leases number blocks (see DESIGN.md, Sync). */
  async nextTicketNumber(kind: TicketKind): Promise<string> {
    const key = metaKeys.counter(kind)
    const n = (((await this.db.meta.get(key))?.value as number | undefined) ?? 0) + 1
    await this.db.meta.put({ key, value: n })
    return formatNumber(kind, n)
  }
}
