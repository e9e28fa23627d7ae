import { parseArgs } from '@shared/command/define'
import { findCommand } from '@shared/command/registry'
import type { CommandEnvelope } from '@shared/command/types'
import { newId } from '@shared/ids'
import { DexieCommandStore, metaKeys } from './command-store'
import type { DeskDb } from './db'

const writeTables = ['tickets', 'ticketEvents', 'contacts', 'teams', 'agents', 'services', 'outbox', 'meta'] as const

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
export async function runCommand(db: DeskDb, name: string, version: number, args: unknown, opts: RunOptions): Promise<CommandEnvelope> {
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
    await def.apply(new DexieCommandStore(db), parsed, {
      commandId: envelope.id,
      actorId: envelope.actorId,
      occurredAt: envelope.occurredAt
    })
    await db.outbox.add({ ...envelope, clientId, queuedAt: new Date().toISOString() })
  })
  return envelope
}
