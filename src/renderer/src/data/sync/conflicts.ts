import type { Ticket } from '@shared/ticket/model'
import { runCommand } from '../commands'
import type { DeskDb } from '../db'

/**
 * Runs a refused command again on the current data, as a new command (the server has already
 * judged the old one). A status change restarts from the ticket's status now: the agent's intent
 * was "move it to X", not "move it from what I saw then". Throws CommandError when it is refused
 * here too; the conflict then stays in the inbox.
 */
export async function reapplyConflict(db: DeskDb, conflictId: string, actorId: string): Promise<void> {
  const conflict = await db.conflicts.get(conflictId)
  if (!conflict) return
  let args = conflict.args as Record<string, unknown>
  if (conflict.name === 'ticket.transition') {
    const ticket: Ticket | undefined = await db.tickets.get(args.ticketId as string)
    if (ticket) args = { ...args, from: ticket.status }
  }
  await runCommand(db, conflict.name, conflict.version, args, { actorId })
  await db.conflicts.delete(conflictId)
}

export async function discardConflict(db: DeskDb, conflictId: string): Promise<void> {
  await db.conflicts.delete(conflictId)
}
