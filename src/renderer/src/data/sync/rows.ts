import type { TableName } from '@shared/command/types'
import type { SyncTable } from '@shared/sync/protocol'
import type { Ticket } from '@shared/ticket/model'
import { metaKeys } from '../command-store'
import type { DeskDb } from '../db'

/** Row tables that travel; `config` travels too but lives in one meta row locally. */
export const rowTables: readonly TableName[] = ['tickets', 'ticketEvents', 'contacts', 'teams', 'agents', 'services']

/** Rows written per bulk call: big enough to amortise, small enough to keep the UI responsive. */
export const CHUNK = 1_500

export function baseKey(table: SyncTable, id: string): string {
  return `${table}:${id}`
}

/** A row to write: `row: null` deletes it. Config rows are `{ id: key, value }`. */
export interface RowWrite {
  table: SyncTable
  id: string
  row: unknown
}

type ConfigMap = Partial<Record<string, unknown>>

async function readConfigMap(db: DeskDb): Promise<ConfigMap> {
  return ((await db.meta.get(metaKeys.config))?.value as ConfigMap | undefined) ?? {}
}

/** The local row (or `{ id, value }` for a config key), null when absent. */
export async function readRow(db: DeskDb, table: SyncTable, id: string): Promise<unknown> {
  if (table === 'config') {
    const map = await readConfigMap(db)
    return id in map ? { id, value: map[id] } : null
  }
  return (await db.table(table).get(id)) ?? null
}

/**
 * Writes rows in chunked bulk calls. Must run inside a read-write transaction over the tables.
 * With `ticketsDeleteFirst`, tickets are deleted before they are put: when numbers move between
 * rows (a rebase drawing a fresh number) the unique `number` index would otherwise trip half-way
 * through a bulkPut.
 */
export async function writeRows(db: DeskDb, writes: Iterable<RowWrite>, ticketsDeleteFirst = false): Promise<void> {
  const puts = new Map<string, unknown[]>()
  const deletes = new Map<string, string[]>()
  const config = new Map<string, unknown>()
  for (const w of writes) {
    if (w.table === 'config') {
      config.set(w.id, w.row === null ? undefined : (w.row as { value: unknown }).value)
      continue
    }
    if (w.row === null || (ticketsDeleteFirst && w.table === 'tickets')) push(deletes, w.table, w.id)
    if (w.row !== null) push(puts, w.table, w.row)
  }
  for (const [table, ids] of deletes) for (const part of chunks(ids)) await db.table(table).bulkDelete(part)
  for (const [table, rows] of puts) for (const part of chunks(rows)) await db.table(table).bulkPut(part)
  if (config.size) {
    const map = await readConfigMap(db)
    for (const [key, value] of config) {
      if (value === undefined) delete map[key]
      else map[key] = value
    }
    await db.meta.put({ key: metaKeys.config, value: map })
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

export function* chunks<T>(list: readonly T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size)
}

/** Ids of local tickets holding one of these numbers. */
export async function ticketsByNumber(db: DeskDb, numbers: readonly string[]): Promise<Ticket[]> {
  const out: Ticket[] = []
  for (const part of chunks(numbers)) out.push(...(await db.tickets.where('number').anyOf(part).toArray()))
  return out
}
