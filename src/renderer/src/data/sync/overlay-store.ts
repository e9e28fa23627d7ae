import type { CommandStore, TableName, Tables } from '@shared/command/types'
import { defaultDeskConfig, type DeskConfig, type DeskConfigKey } from '@shared/config/model'
import type { SyncTable } from '@shared/sync/protocol'
import { formatNumber, type Ticket, type TicketKind } from '@shared/ticket/model'
import { metaKeys } from '../command-store'
import type { DeskDb } from '../db'
import { highestLocalNumber, takeLeasedNumber } from './leases'
import { baseKey, type RowWrite } from './rows'

/**
 * A CommandStore for rebasing: reads fall through `buffer` (this command's writes), `view` (rows
 * restored or rewritten so far) and then Dexie; writes stay in `buffer` until the command has
 * succeeded. IndexedDB has no savepoints, so this is how one refused command is undone without
 * aborting the whole page.
 */
export class OverlayStore implements CommandStore {
  buffer = new Map<string, RowWrite>()
  /** The number the running ticket.create had locally; it keeps it when still free. */
  pinnedNumber: string | undefined
  readonly drawn: string[] = []

  constructor(
    private readonly db: DeskDb,
    private readonly view: Map<string, RowWrite>
  ) {}

  private lookup(table: SyncTable, id: string): RowWrite | undefined {
    const key = baseKey(table, id)
    return this.buffer.get(key) ?? this.view.get(key)
  }

  async get<T extends TableName>(table: T, id: string): Promise<Tables[T] | undefined> {
    const hit = this.lookup(table, id)
    if (hit) return hit.row === null ? undefined : (structuredClone(hit.row) as Tables[T])
    return (await this.db.table(table).get(id)) as Tables[T] | undefined
  }
  async put<T extends TableName>(table: T, row: Tables[T]): Promise<void> {
    this.buffer.set(baseKey(table, row.id), { table, id: row.id, row: structuredClone(row) })
  }
  async getConfig(): Promise<DeskConfig> {
    const stored = ((await this.db.meta.get(metaKeys.config))?.value as Partial<DeskConfig> | undefined) ?? {}
    const config: Record<string, unknown> = { ...defaultDeskConfig, ...stored }
    for (const key of Object.keys(defaultDeskConfig)) {
      const hit = this.lookup('config', key)
      if (hit)
        config[key] = hit.row === null ? defaultDeskConfig[key as DeskConfigKey] : (hit.row as { value: unknown }).value
    }
    return structuredClone(config) as DeskConfig
  }
  async setConfig<K extends DeskConfigKey>(key: K, value: DeskConfig[K]): Promise<void> {
    this.buffer.set(baseKey('config', key), {
      table: 'config',
      id: key,
      row: { id: key, value: structuredClone(value) }
    })
  }

  /** Whether another ticket holds `number`, looking through the overlay first. */
  private async taken(number: string): Promise<boolean> {
    for (const layer of [this.buffer, this.view])
      for (const w of layer.values())
        if (w.table === 'tickets' && w.row !== null && (w.row as Ticket).number === number) return true
    const holders = await this.db.tickets.where('number').equals(number).toArray()
    // A holder the overlay has rewritten or removed no longer holds its Dexie number.
    return holders.some((t) => !this.lookup('tickets', t.id))
  }

  async nextTicketNumber(kind: TicketKind, preferred?: string): Promise<string> {
    let number: string | undefined
    for (const wanted of [this.pinnedNumber, preferred])
      if (!number && wanted && !(await this.taken(wanted))) number = wanted
    // Its number went to another ticket meanwhile (the server's): draw a fresh one, as the server
    // would re-issue it.
    for (
      let n = number ? null : await takeLeasedNumber(this.db, kind);
      !number && n !== null;
      n = await takeLeasedNumber(this.db, kind)
    ) {
      const candidate = formatNumber(kind, n)
      if (!(await this.taken(candidate))) number = candidate
    }
    if (!number) {
      const key = metaKeys.counter(kind)
      let n = Math.max(
        ((await this.db.meta.get(key))?.value as number | undefined) ?? 0,
        await highestLocalNumber(this.db, kind)
      )
      do n++
      while (await this.taken(formatNumber(kind, n)))
      await this.db.meta.put({ key, value: n })
      number = formatNumber(kind, n)
    }
    this.drawn.push(number)
    return number
  }
}
