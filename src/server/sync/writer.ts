import { sql } from 'drizzle-orm'
import { canRunCommand } from '@shared/auth/permissions'
import { parseArgs } from '@shared/command/define'
import { findCommand } from '@shared/command/registry'
import { CommandError } from '@shared/command/types'
import type { CommandResult, RejectionCode, SyncTable } from '@shared/sync/protocol'
import type { ServerViewer } from '../auth/viewer'
import { WRITE_LOCK, rows, type DeskDatabase, type Tx } from '../db/database'
import { ServerStore, StoreFailure } from './store'

/** How far ahead of the server's clock an agent's `occurredAt` may be (clock skew). */
export const CLOCK_SKEW_MS = 2 * 60_000

/** Prefix of the reason given when a command throws something other than a refusal (a bug). */
export const UNEXPECTED_REFUSAL = 'the server could not apply this command'

/** A refusal decided by the server around the command (permissions, time), not by the command. */
export class Refusal extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
    readonly issues: Record<string, string> = {}
  ) {
    super(message)
    this.name = 'Refusal'
  }
}

export interface IncomingCommand {
  seq: number
  id: string
  name: string
  version: number
  args: unknown
  occurredAt: string
}

/** The record a command is about: its `current` value on refusal, its age for the time check. */
const targets: Record<string, { table: SyncTable; arg: string }[]> = {
  'ticket.create': [{ table: 'tickets', arg: 'id' }],
  'ticket.setFields': [{ table: 'tickets', arg: 'ticketId' }],
  'ticket.transition': [{ table: 'tickets', arg: 'ticketId' }],
  'ticket.assign': [{ table: 'tickets', arg: 'ticketId' }],
  'ticket.escalate': [{ table: 'tickets', arg: 'ticketId' }],
  'ticket.link': [
    { table: 'tickets', arg: 'ticketId' },
    { table: 'tickets', arg: 'targetId' }
  ],
  'comment.add': [{ table: 'tickets', arg: 'ticketId' }],
  'worklog.add': [{ table: 'tickets', arg: 'ticketId' }],
  'contact.create': [{ table: 'contacts', arg: 'id' }],
  'contact.update': [{ table: 'contacts', arg: 'id' }],
  'team.upsert': [{ table: 'teams', arg: 'id' }],
  'agent.upsert': [{ table: 'agents', arg: 'id' }],
  'service.upsert': [{ table: 'services', arg: 'id' }],
  'config.set': [{ table: 'config', arg: 'key' }]
}

function argOf(args: unknown, name: string): string | undefined {
  if (!args || typeof args !== 'object') return undefined
  const v = (args as Record<string, unknown>)[name]
  return typeof v === 'string' ? v : undefined
}

export interface WriteContext {
  tx: Tx
  store: ServerStore
  viewer: ServerViewer
  /** Runs one command on the store; a refusal is returned, never thrown. */
  run(cmd: IncomingCommand): Promise<CommandResult>
}

export interface WriteOutcome<T> {
  value: T
  /** The newest committed change seq after this write. */
  cursor: number
}

export interface LoggedCommand {
  cmd: IncomingCommand
  result: CommandResult
}

export interface WriterHooks {
  /** Test hook: runs after the rows are stamped, before COMMIT (a slow writer). */
  beforeCommit?: (firstSeq: number, lastSeq: number) => Promise<void>
}

/**
 * One write transaction: the global write lock, the commands, then every changed row stamped
 * with consecutive change seqs and the log written, atomically.
 *
 * Writers are serialised (pg_advisory_xact_lock), so change seqs commit in order and
 * `sync_state.last_seq` as any reader sees it is a committed watermark: no transaction still in
 * flight holds a smaller seq. This also makes a command's read-modify-write safe under READ
 * COMMITTED. `fn` returns the commands to log (with the client they came from) and its value.
 */
export async function write<T>(
  database: DeskDatabase,
  viewer: ServerViewer,
  clientId: string,
  fn: (ctx: WriteContext) => Promise<{ value: T; logged: LoggedCommand[]; lastProcessedSeq?: number }>,
  hooks: WriterHooks = {}
): Promise<WriteOutcome<T>> {
  let notified = 0
  const outcome = await database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`))
    const store = new ServerStore(tx, viewer, clientId)
    const ctx: WriteContext = { tx, store, viewer, run: (cmd) => runCommand(store, viewer, cmd) }
    const { value, logged, lastProcessedSeq } = await fn(ctx)

    await store.releaseNumbers()
    await store.writeLoginEmails()
    const writes = await store.pendingWrites()
    const rejected = logged.filter((l) => l.result.status === 'rejected')
    const count = writes.length + rejected.length
    let last: number
    if (count > 0) {
      const [state] = await rows<{ last_seq: string | number }>(
        tx,
        sql`UPDATE sync_state SET last_seq = last_seq + ${count} WHERE id = 1 RETURNING last_seq`
      )
      last = Number(state.last_seq)
    } else {
      const [state] = await rows<{ last_seq: string | number }>(tx, sql`SELECT last_seq FROM sync_state WHERE id = 1`)
      last = Number(state.last_seq)
    }
    const first = last - count + 1
    await store.write(writes, first)

    if (logged.length) {
      let rejectedSeq = first + writes.length
      const entries = logged.map((l) => ({
        seq: l.cmd.seq,
        command_id: l.cmd.id,
        name: l.cmd.name,
        version: l.cmd.version,
        args: l.cmd.args ?? null,
        status: l.result.status,
        result: l.result,
        change_seq: l.result.status === 'rejected' ? rejectedSeq++ : 0,
        occurred_at: l.cmd.occurredAt
      }))
      // One JSON parameter per 1,000 entries: far cheaper than thousands of bind parameters.
      for (let i = 0; i < entries.length; i += 1_000)
        await tx.execute(
          sql`INSERT INTO command_log (client_id, seq, command_id, agent_id, name, version, args, status, result, change_seq, occurred_at, received_at)
              SELECT ${clientId}, x.seq, x.command_id, ${viewer.agentId}, x.name, x.version, x.args, x.status, x.result, x.change_seq, x.occurred_at, now()
              FROM jsonb_to_recordset(${JSON.stringify(entries.slice(i, i + 1_000))}::jsonb)
                AS x(seq integer, command_id text, name text, version integer, args jsonb, status text, result jsonb, change_seq bigint, occurred_at timestamptz)`
        )
    }
    if (lastProcessedSeq !== undefined)
      await tx.execute(
        sql`UPDATE clients SET last_processed_seq = ${lastProcessedSeq}, last_seen_at = now() WHERE client_id = ${clientId}`
      )
    if (count > 0) {
      await database.notifyInTx(tx, last)
      notified = last
      await hooks.beforeCommit?.(first, last)
    }
    return { value, cursor: last }
  })
  if (notified) database.afterCommit(notified)
  return outcome
}

/** Applies one command to the store; permissions and time are checked here, the rest by the command. */
export async function runCommand(
  store: ServerStore,
  viewer: ServerViewer,
  cmd: IncomingCommand
): Promise<CommandResult> {
  store.begin()
  let args: unknown = cmd.args
  try {
    const def = findCommand(cmd.name, cmd.version)
    if (!canRunCommand(viewer.role, cmd.name))
      throw new Refusal('forbidden', `${viewer.role} may not run ${cmd.name}`, { name: 'not permitted for your role' })
    const at = Date.parse(cmd.occurredAt)
    if (at > Date.now() + CLOCK_SKEW_MS)
      throw new Refusal('invalid_time', `occurredAt ${cmd.occurredAt} is in the future`, {
        occurredAt: 'in the future'
      })
    args = parseArgs(def, cmd.args)
    for (const t of targets[cmd.name] ?? []) {
      const id = argOf(args, t.arg)
      if (!id || t.table === 'config') continue
      const row = (await store.currentVisible(t.table, id)) as { createdAt?: string } | null
      if (row?.createdAt && at < Date.parse(row.createdAt) - CLOCK_SKEW_MS)
        throw new Refusal('invalid_time', `occurredAt ${cmd.occurredAt} is before ${t.table} ${id} existed`, {
          occurredAt: 'before the record existed'
        })
    }
    const before = cmd.name === 'agent.upsert' ? await store.activeAdmins() : null
    await def.apply(store, args, { commandId: cmd.id, actorId: viewer.agentId, occurredAt: cmd.occurredAt })
    // Accounts are managed through the synced agents table too: never lock the desk out.
    if (before && before.size > 0 && (await store.activeAdmins()).size === 0)
      throw new Refusal('conflict', 'the desk needs at least one active admin', { role: 'last active admin' })
    if (cmd.name === 'agent.upsert') {
      const { id, email } = args as { id: string; email: string }
      if (!(await store.followLoginEmail(id, email)))
        throw new Refusal('conflict', `${email} is another agent's login`, { email: 'already in use' })
    }
    store.commit()
    return { seq: cmd.seq, id: cmd.id, status: 'applied' }
  } catch (e) {
    store.rollback()
    if (e instanceof StoreFailure) throw e
    const refusal =
      e instanceof Refusal || e instanceof CommandError
        ? { code: e.code, reason: e.message, issues: e.issues }
        : // A bug in a command must not jam the agent's outbox: refuse it, visibly, and log it.
          { code: 'conflict' as const, reason: `${UNEXPECTED_REFUSAL}: ${String(e)}`, issues: {} }
    const target = (targets[cmd.name] ?? [])[0]
    const id = target ? argOf(args, target.arg) : undefined
    const current = target && id ? { table: target.table, id, row: await store.currentVisible(target.table, id) } : null
    return { seq: cmd.seq, id: cmd.id, status: 'rejected', ...refusal, current }
  }
}
