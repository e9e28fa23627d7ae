import { executeCommand } from '@shared/command/registry'
import type { CommandEnvelope } from '@shared/command/types'
import type { DeskDb, OutboxEntry } from '../db'
import { OverlayStore } from './overlay-store'
import { baseKey, readRow, rowTables, writeRows, type RowWrite } from './rows'

/** Every table a sync step may write, for its one transaction. */
export const syncWriteTables = [...rowTables, 'meta', 'outbox', 'syncBase', 'conflicts'] as const

export async function loadBase(db: DeskDb): Promise<Map<string, RowWrite>> {
  const base = new Map<string, RowWrite>()
  for (const b of await db.syncBase.toArray())
    base.set(b.key, { table: b.table as RowWrite['table'], id: b.id, row: b.row })
  return base
}

/** The envelope a queued command runs with; ticket.create carries its local number. */
export function envelopeOf(entry: OutboxEntry): CommandEnvelope {
  return {
    id: entry.id,
    name: entry.name,
    version: entry.version,
    args: entry.args,
    actorId: entry.actorId,
    occurredAt: entry.occurredAt
  }
}

/**
 * Rebase, inside the caller's read-write transaction over `syncWriteTables`:
 * 1. every row pending commands had changed goes back to the server's version (`base`, which the
 *    caller has already refreshed with the rows just pulled);
 * 2. the pending outbox commands run again, in order, on top. A command that is refused now (the
 *    ticket was closed meanwhile, …) is skipped but stays queued: the server judges it, and a
 *    refusal ends in the conflicts inbox;
 * 3. `syncBase` becomes the server versions of exactly the rows the commands changed this time.
 * Returns how many pending commands could not be re-applied.
 */
export async function rebase(db: DeskDb, base: Map<string, RowWrite>): Promise<number> {
  const pending = await db.outbox.orderBy(':id').toArray()
  const view = new Map(base)
  const nextBase = new Map<string, RowWrite>()
  let refused = 0
  for (const entry of pending) {
    const store = new OverlayStore(db, view)
    store.pinnedNumber = entry.number
    let failure: OutboxEntry['rebaseError']
    try {
      await executeCommand(store, envelopeOf(entry))
    } catch (error) {
      failure = {
        code: (error as { code?: string }).code ?? 'error',
        message: error instanceof Error ? error.message : String(error)
      }
    }
    if (failure) {
      refused++
      if (entry.rebaseError?.message !== failure.message) await db.outbox.update(entry.seq, { rebaseError: failure })
      continue
    }
    for (const [key, write] of store.buffer) {
      if (!nextBase.has(key))
        nextBase.set(
          key,
          base.get(key) ?? { table: write.table, id: write.id, row: await readRow(db, write.table, write.id) }
        )
      view.set(key, write)
    }
    const number = store.drawn[0]
    if (entry.rebaseError || (number && number !== entry.number))
      await db.outbox.update(entry.seq, { rebaseError: undefined, ...(number ? { number } : {}) })
  }
  await writeRows(db, view.values(), true)
  await db.syncBase.clear()
  await db.syncBase.bulkPut([...nextBase].map(([key, w]) => ({ key, table: w.table, id: w.id, row: w.row })))
  return refused
}

export { baseKey }
