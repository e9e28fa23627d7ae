import Dexie from 'dexie'
import { newId } from '@shared/ids'
import type { CommandResult, PullResponse, PushResponse } from '@shared/sync/protocol'
import type { Ticket } from '@shared/ticket/model'
import { metaKeys } from '../command-store'
import { getClientId } from '../commands'
import type { ConflictRow, DeskDb, OutboxEntry } from '../db'
import { readMeta, syncKeys, type PushClient } from './meta'
import { loadBase, rebase, syncWriteTables } from './rebase'
import { baseKey, rowTables, ticketsByNumber, writeRows, type RowWrite } from './rows'

type Rejected = Extract<CommandResult, { status: 'rejected' }>
type PullPage = Extract<PullResponse, { resetRequired: false }>

/** The push identity for this agent on this workstation (see PushClient). */
export async function ensurePushClient(db: DeskDb, agentId: string): Promise<PushClient & { agentId: string }> {
  const stored = await readMeta<PushClient & { agentId: string }>(db, syncKeys.pushClient)
  if (stored && stored.agentId === agentId) return stored
  const first = (await db.outbox.orderBy(':id').firstKey()) as number | undefined
  const last = (await readMeta<number>(db, syncKeys.outboxSeq)) ?? 0
  // The workstation's id for its first agent; a new one when another agent logs in here, because
  // the server keeps one sequence per client and binds it to one agent.
  const client = {
    clientId: stored ? newId() : await getClientId(db),
    seqBase: (first ?? last + 1) - 1,
    agentId
  }
  await db.meta.put({ key: syncKeys.pushClient, value: client })
  return client
}

/** Unacknowledged commands, oldest first, at most `limit`. */
export async function pendingBatch(db: DeskDb, limit: number): Promise<OutboxEntry[]> {
  return db.outbox
    .orderBy(':id')
    .filter((e) => !e.ackedAt)
    .limit(limit)
    .toArray()
}

export async function pendingCount(db: DeskDb): Promise<number> {
  return db.outbox.filter((e) => !e.ackedAt).count()
}

/** Moves refused commands to the conflicts inbox; true when any left the outbox. */
async function recordRejections(
  db: DeskDb,
  results: readonly Rejected[],
  seqBase: number,
  now: string
): Promise<boolean> {
  let moved = false
  for (const r of results) {
    const bySeq = await db.outbox.get(r.seq + seqBase)
    const entry = bySeq?.id === r.id ? bySeq : await db.outbox.where('id').equals(r.id).first()
    if (!entry && (await db.conflicts.get(r.id))) continue
    const conflict: ConflictRow = {
      id: r.id,
      name: entry?.name ?? '',
      version: entry?.version ?? 0,
      args: entry?.args ?? null,
      actorId: entry?.actorId ?? '',
      occurredAt: entry?.occurredAt ?? now,
      code: r.code,
      reason: r.reason,
      issues: r.issues,
      current: r.current,
      refusedAt: now
    }
    await db.conflicts.put(conflict)
    if (entry) {
      await db.outbox.delete(entry.seq)
      moved = true
    }
  }
  return moved
}

/** Applies one push answer: applied → acknowledged, refused → conflicts inbox (+ rebase). */
export async function applyPushResults(
  db: DeskDb,
  response: PushResponse,
  seqBase: number,
  now: string
): Promise<void> {
  await db.transaction('rw', syncWriteTables, async () => {
    const rejected: Rejected[] = []
    for (const r of response.results) {
      if (r.status === 'rejected') rejected.push(r)
      else {
        const entry = await db.outbox.get(r.seq + seqBase)
        if (entry && entry.id === r.id && !entry.ackedAt) await db.outbox.update(entry.seq, { ackedAt: now })
      }
    }
    // The refused commands' optimistic effects go; the rest stays as it was.
    if (await recordRejections(db, rejected, seqBase, now)) await rebase(db, await loadBase(db))
  })
}

/**
 * 409 seq_gap: the server has processed up to `lastProcessedSeq`. Commands after it that this
 * client thought acknowledged were lost on the server (restored from a backup): send them again.
 * When even the next one is gone here, this client id cannot continue: the remaining commands move
 * to a fresh client id, numbered from 1.
 */
export async function recoverSeqGap(
  db: DeskDb,
  lastProcessedSeq: number,
  client: PushClient & { agentId: string }
): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    const next = await db.outbox.get(lastProcessedSeq + 1 + client.seqBase)
    if (next) {
      await db.outbox
        .where(':id')
        .above(lastProcessedSeq + client.seqBase)
        .modify((e) => void delete e.ackedAt)
      return
    }
    const first =
      ((await db.outbox.orderBy(':id').firstKey()) as number | undefined) ??
      ((await readMeta<number>(db, syncKeys.outboxSeq)) ?? 0) + 1
    await db.outbox.toCollection().modify((e) => void delete e.ackedAt)
    await db.meta.put({
      key: syncKeys.pushClient,
      value: { clientId: newId(), seqBase: first - 1, agentId: client.agentId }
    })
  })
}

/**
 * Forget the server's rows (resetRequired, first connect): synced tables, config, base and cursor
 * go; the outbox, the conflicts inbox, leases and the profile stay. The next pull starts from 0 and
 * its last page re-applies the outbox on top.
 */
export async function resetLocal(db: DeskDb): Promise<void> {
  await db.transaction('rw', syncWriteTables, async () => {
    for (const table of rowTables) await db.table(table).clear()
    await db.syncBase.clear()
    await db.meta.bulkDelete([metaKeys.config, syncKeys.cursor])
  })
}

/**
 * Applies one pull page in one transaction: refused commands to the inbox, rows put or evicted
 * (chunked bulk writes), and, when the page touched rows with pending changes or is the last one,
 * rebase. On the last page, commands the server has processed and answered are dropped first.
 */
export async function applyPullPage(
  db: DeskDb,
  page: PullPage,
  opts: { final: boolean; seqBase: number; now: string }
): Promise<void> {
  await db.transaction('rw', syncWriteTables, async () => {
    const rejected = page.rejected.filter((r): r is Rejected => r.status === 'rejected')
    let needRebase = await recordRejections(db, rejected, opts.seqBase, opts.now)
    const base = await loadBase(db)

    // The last change of a row wins within the page.
    const latest = new Map<string, RowWrite>()
    const evictedTickets: string[] = []
    for (const c of page.changes) {
      const key = baseKey(c.table, c.id)
      latest.delete(key)
      latest.set(key, { table: c.table, id: c.id, row: c.op === 'put' ? c.row : null })
      if (c.op === 'evict' && c.table === 'tickets') evictedTickets.push(c.id)
    }
    // A ticket that left the agent's view takes its timeline with it.
    for (const ticketId of evictedTickets) {
      const events = await db.ticketEvents
        .where('[ticketId+occurredAt]')
        .between([ticketId, Dexie.minKey], [ticketId, Dexie.maxKey])
        .primaryKeys()
      for (const id of events) {
        const key = baseKey('ticketEvents', id)
        if (!latest.has(key)) latest.set(key, { table: 'ticketEvents', id, row: null })
      }
    }

    const direct: RowWrite[] = []
    for (const [key, write] of latest) {
      if (base.has(key)) {
        base.set(key, write)
        needRebase = true
      } else direct.push(write)
    }

    // A number arriving for one ticket may still sit on another local row: one the server has
    // renumbered since (its new version follows), or one created here and not yet accepted.
    const incoming = new Map<string, string>()
    for (const w of direct) if (w.table === 'tickets' && w.row !== null) incoming.set((w.row as Ticket).number, w.id)
    if (incoming.size) {
      const clear: RowWrite[] = []
      for (const holder of await ticketsByNumber(db, [...incoming.keys()])) {
        if (incoming.get(holder.number) === holder.id) continue
        clear.push({ table: 'tickets', id: holder.id, row: null })
        if (base.has(baseKey('tickets', holder.id))) needRebase = true
      }
      await writeRows(db, clear)
    }
    await writeRows(db, direct)

    if (opts.final) {
      const acked = await db.outbox
        .where(':id')
        .belowOrEqual(page.lastProcessedSeq + opts.seqBase)
        .filter((e) => e.ackedAt !== undefined)
        .primaryKeys()
      await db.outbox.bulkDelete(acked)
      needRebase ||= acked.length > 0 || base.size > 0 || (await db.outbox.count()) > 0
    }
    if (needRebase) await rebase(db, base)
    await db.meta.put({ key: syncKeys.cursor, value: page.cursor })
  })
}
