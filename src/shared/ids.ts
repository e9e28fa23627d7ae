import { v7 as uuidv7 } from 'uuid'

/** A new record id: UUIDv7, so ids sort by creation time. */
export function newId(): string {
  return uuidv7()
}

/**
 * Ids for rows a command creates as a side effect (timeline events). They are derived from the
 * command's own id so the desk server, running the same command, creates the very same rows.
 */
export function deriveId(commandId: string, n: number): string {
  const suffix = n.toString(16).padStart(4, '0').slice(-4)
  return commandId.slice(0, commandId.length - 4) + suffix
}

export const idSchemaPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
