import { configSet } from '../config/commands'
import { peopleCommands } from '../people/commands'
import { ticketCommands } from '../ticket/commands'
import { parseArgs } from './define'
import { CommandError, type CommandDef, type CommandEnvelope, type CommandStore } from './types'

export const allCommands: readonly CommandDef[] = [...ticketCommands, ...peopleCommands, configSet]

const byKey = new Map(allCommands.map((c) => [`${c.name}@${c.version}`, c]))

export function findCommand(name: string, version: number): CommandDef {
  const def = byKey.get(`${name}@${version}`)
  if (!def) throw new CommandError('unknown_command', `unknown command ${name}@${version}`, { name: 'unknown command' })
  return def
}

/**
 * Validates and applies one command. Throws CommandError and changes nothing visible when refused
 * (callers run it inside a transaction, so a refusal half-way rolls back).
 */
export async function executeCommand(store: CommandStore, cmd: CommandEnvelope): Promise<void> {
  const def = findCommand(cmd.name, cmd.version)
  const args = parseArgs(def, cmd.args)
  await def.apply(store, args, { commandId: cmd.id, actorId: cmd.actorId, occurredAt: cmd.occurredAt })
}
