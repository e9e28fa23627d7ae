import { parseArgs } from '@shared/command/define'
import { findCommand } from '@shared/command/registry'
import type { CommandEnvelope } from '@shared/command/types'
import { newId } from '@shared/ids'
import { metaKeys } from './command-store'
import type { DeskDb } from './db'
import { syncKeys } from './sync/meta'
import { TrackingStore } from './sync/tracking-store'

export const writeTables = [
  'tickets',
  'ticketEvents',
  'contacts',
  'teams',
  'agents',
  'services',
  'outbox',
  'meta',
  'syncBase'
] as const

/**
 * The next outbox key, inside the caller's transaction. Keys are handed out here rather than by
 * IndexedDB's key generator so they stay contiguous (a rolled-back command gives its key back):
 * they are the push `seq`, and the server refuses gaps.
 */
export async function nextOutboxSeq(db: DeskDb): Promise<number> {
  const stored = (await db.meta.get(syncKeys.outboxSeq))?.value as number | undefined
  const last = stored ?? ((await db.outbox.orderBy(':id').lastKey()) as number | undefined) ?? 0
  await db.meta.put({ key: syncKeys.outboxSeq, value: last + 1 })
  return last + 1
}

export async function getClientId(db: DeskDb): Promise<string> {
  const row = await db.meta.get(metaKeys.clientId)
  if (row) return row.value as string
  const id = newId()
  await db.meta.put({ key: metaKeys.clientId, value: id })
  return id
}

export interface RunOptions {
  actorId: string
  /** Defaults to now; demo data and imports pass their own. */
  occurredAt?: string
  id?: string
}

/**
 * The only way the console changes data: validate, apply to Dexie and queue in the outbox, all in
 * one transaction. A refused command throws CommandError and leaves the database untouched.
 */
export async function runCommand(
  db: DeskDb,
  name: string,
  version: number,
  args: unknown,
  opts: RunOptions
): Promise<CommandEnvelope> {
  const def = findCommand(name, version)
  // Validate before the transaction: the stored args are the parsed (trimmed, defaulted) ones.
  const parsed = parseArgs(def, args)
  const clientId = await getClientId(db)
  const envelope: CommandEnvelope = {
    id: opts.id ?? newId(),
    name,
    version,
    args: parsed,
    actorId: opts.actorId,
    occurredAt: opts.occurredAt ?? new Date().toISOString()
  }
  await db.transaction('rw', writeTables, async () => {
    const store = new TrackingStore(db, (await db.meta.get(syncKeys.connection)) !== undefined)
    await def.apply(store, parsed, {
      commandId: envelope.id,
      actorId: envelope.actorId,
      occurredAt: envelope.occurredAt
    })
    const seq = await nextOutboxSeq(db)
    const number = store.numbers[0]
    await db.outbox.add({
      ...envelope,
      seq,
      clientId,
      queuedAt: new Date().toISOString(),
      ...(number ? { number } : {})
    })
  })
  return envelope
}
