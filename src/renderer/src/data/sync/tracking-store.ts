import type { CommandStore, TableName, Tables } from '@shared/command/types'
import type { DeskConfig, DeskConfigKey } from '@shared/config/model'
import type { SyncTable } from '@shared/sync/protocol'
import type { TicketKind } from '@shared/ticket/model'
import { DexieCommandStore } from '../command-store'
import type { DeskDb } from '../db'
import { baseKey, readRow } from './rows'

/**
 * The store a local command runs on. Before a command first changes a row, the row as the server
 * last sent it is kept in `syncBase` (once: a row already there has pending changes on top, and its
 * base stays the server's). Rebase restores those rows and re-runs the pending commands on top.
 * Local-only workstations have no server rows to keep, so `track` is off there.
 */
export class TrackingStore implements CommandStore {
  private readonly inner: DexieCommandStore
  private readonly seen = new Set<string>()
  /** Ticket numbers drawn by the command (ticket.create draws one). */
  readonly numbers: string[] = []

  constructor(
    private readonly db: DeskDb,
    private readonly track: boolean
  ) {
    this.inner = new DexieCommandStore(db)
  }

  private async remember(table: SyncTable, id: string): Promise<void> {
    if (!this.track) return
    const key = baseKey(table, id)
    if (this.seen.has(key)) return
    this.seen.add(key)
    if (await this.db.syncBase.get(key)) return
    await this.db.syncBase.put({ key, table, id, row: await readRow(this.db, table, id) })
  }

  get<T extends TableName>(table: T, id: string): Promise<Tables[T] | undefined> {
    return this.inner.get(table, id)
  }
  async put<T extends TableName>(table: T, row: Tables[T]): Promise<void> {
    await this.remember(table, row.id)
    await this.inner.put(table, row)
  }
  getConfig(): Promise<DeskConfig> {
    return this.inner.getConfig()
  }
  async setConfig<K extends DeskConfigKey>(key: K, value: DeskConfig[K]): Promise<void> {
    await this.remember('config', key)
    await this.inner.setConfig(key, value)
  }
  async nextTicketNumber(kind: TicketKind, preferred?: string): Promise<string> {
    const number = await this.inner.nextTicketNumber(kind, preferred)
    this.numbers.push(number)
    return number
  }
}
