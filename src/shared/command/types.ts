import type { z } from 'zod'
import type { DeskConfig, DeskConfigKey } from '../config/model'
import type { Agent, Contact, Service, Team } from '../people/model'
import type { Ticket, TicketEvent, TicketKind } from '../ticket/model'

export interface Tables {
  tickets: Ticket
  ticketEvents: TicketEvent
  contacts: Contact
  teams: Team
  agents: Agent
  services: Service
}
export type TableName = keyof Tables

/**
 * What a command may do to storage. Dexie implements it in the renderer, PostgreSQL on the desk
 * server, a Map in tests: one command definition runs on all three.
 */
export interface CommandStore {
  get<T extends TableName>(table: T, id: string): Promise<Tables[T] | undefined>
  put<T extends TableName>(table: T, row: Tables[T]): Promise<void>
  getConfig(): Promise<DeskConfig>
  setConfig<K extends DeskConfigKey>(key: K, value: DeskConfig[K]): Promise<void>
  /**
   * The number for a new ticket. `preferred` is the number the client already showed (from its
   * leased block, or a local counter while it worked local-only); a store may refuse it (taken,
   * not leased) and return another one: the command then keeps `preferred` as an alias.
   */
  nextTicketNumber(kind: TicketKind, preferred?: string): Promise<string>
}

export interface CommandContext {
  /** The command's own id: side-effect rows derive their ids from it. */
  commandId: string
  actorId: string
  /** When the agent did it, ISO 8601. */
  occurredAt: string
}

export interface CommandDef<S extends z.ZodType = z.ZodType> {
  name: string
  version: number
  args: S
  apply(store: CommandStore, args: z.output<S>, ctx: CommandContext): Promise<void>
}

/** A command as it is queued and sent: everything needed to run it again elsewhere. */
export interface CommandEnvelope {
  id: string
  name: string
  version: number
  args: unknown
  actorId: string
  occurredAt: string
}

export type CommandErrorCode = 'validation' | 'not_found' | 'invalid_transition' | 'conflict' | 'unknown_command'

/** A refused command. `issues` maps argument paths (e.g. `title`, `fields.impact`) to messages. */
export class CommandError extends Error {
  constructor(
    readonly code: CommandErrorCode,
    message: string,
    readonly issues: Record<string, string> = {}
  ) {
    super(message)
    this.name = 'CommandError'
  }
}
