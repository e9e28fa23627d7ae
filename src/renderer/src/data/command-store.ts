import { defaultDeskConfig, type DeskConfig, type DeskConfigKey } from '@shared/config/model'
import type { CommandStore, TableName, Tables } from '@shared/command/types'
import { formatNumber, type TicketKind } from '@shared/ticket/model'
import type { DeskDb } from './db'
import { highestLocalNumber, numberTaken, takeLeasedNumber } from './sync/leases'

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
  /**
   * A number from the block leased from the desk server (unique across agents, even offline);
   * without one — local-only, or the lease ran out offline — the local counter, kept above every
   * number this database holds (the server re-issues a number that collides and keeps the old
   * one as an alias).
   */
  async nextTicketNumber(kind: TicketKind, preferred?: string): Promise<string> {
    if (preferred && !(await numberTaken(this.db, preferred))) return preferred
    for (let n = await takeLeasedNumber(this.db, kind); n !== null; n = await takeLeasedNumber(this.db, kind)) {
      const number = formatNumber(kind, n)
      // A leased number is unique on the server; locally it can only be held by a ticket numbered
      // in local-only mode before this workstation connected.
      if (!(await numberTaken(this.db, number))) return number
    }
    const key = metaKeys.counter(kind)
    const counter = ((await this.db.meta.get(key))?.value as number | undefined) ?? 0
    const n = Math.max(counter, await highestLocalNumber(this.db, kind)) + 1
    await this.db.meta.put({ key, value: n })
    return formatNumber(kind, n)
  }
}
