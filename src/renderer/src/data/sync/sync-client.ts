import { liveQuery } from 'dexie'
import { MAX_PUSH_COMMANDS, DEFAULT_PULL_LIMIT, SYNC_SCHEMA_VERSION, type PushCommand } from '@shared/sync/protocol'
import { ticketKinds } from '@shared/ticket/model'
import type { DeskDb, OutboxEntry } from '../db'
import { addLease, LEASE_BLOCK, LEASE_LOW_WATER, readLease, remaining } from './leases'
import {
  applyPullPage,
  applyPushResults,
  ensurePushClient,
  pendingBatch,
  pendingCount,
  recoverSeqGap,
  resetLocal
} from './local-ops'
import { readMeta, syncKeys, type PushClient } from './meta'
import { isTransient, SyncError, type SyncErrorCode, type SyncTransport } from './transport'

export type SyncState = 'offline' | 'online' | 'syncing' | 'error'

export interface SyncProgress {
  /** Rows received so far in this (first or reset) sync. */
  rows: number
  cursor: number
  /** The server's newest change seq when known (push answer, poke): the bar's end. */
  target: number | null
}

export interface SyncStatus {
  state: SyncState
  /** Commands not yet acknowledged by the server. */
  pending: number
  lastSyncAt: string | null
  /** Set while a first sync (or a re-bootstrap) is pulling the desk. */
  progress: SyncProgress | null
  lastError: { code: SyncErrorCode; message: string } | null
  /** The live socket is open (pokes arrive); otherwise the client polls. */
  live: boolean
}

export interface Clock {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
  random(): number
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
  random: () => Math.random()
}

/** Where the client learns that the network came back or the machine woke up. */
export interface SyncEnvironment {
  isOnline(): boolean
  onOnline(listener: () => void): () => void
  onOffline(listener: () => void): () => void
  onResume(listener: () => void): () => void
}

export interface SyncClientOptions {
  db: DeskDb
  transport: SyncTransport
  /** The logged-in agent (the server binds a client id to one agent). */
  agentId: string
  clock?: Clock
  environment?: SyncEnvironment
  onStatus?: (status: SyncStatus) => void
  pullLimit?: number
  pushLimit?: number
  /** Poll interval without a live socket, and with one (a safety net for lost pokes). */
  pollMs?: number
  livePollMs?: number
  /** Pokes and local commands settle this long before a sync starts. */
  debounceMs?: number
  backoffBaseMs?: number
  backoffMaxMs?: number
  leaseCount?: number
  leaseLowWater?: number
}

export interface SyncClient {
  start(): void
  stop(): void
  /** Runs a sync now (or right after the running one) and resolves when it is done. */
  syncNow(): Promise<void>
  getStatus(): SyncStatus
  subscribe(listener: (status: SyncStatus) => void): () => void
}

const alwaysOnline: SyncEnvironment = {
  isOnline: () => true,
  onOnline: () => () => undefined,
  onOffline: () => () => undefined,
  onResume: () => () => undefined
}

/** Push the outbox in order, then pull pages until caught up; see DESIGN.md, Sync. */
export function createSyncClient(options: SyncClientOptions): SyncClient {
  const { db, transport, agentId } = options
  const clock = options.clock ?? systemClock
  const env = options.environment ?? alwaysOnline
  const pollMs = options.pollMs ?? 30_000
  const livePollMs = options.livePollMs ?? 300_000
  const debounceMs = options.debounceMs ?? 250
  const backoffBase = options.backoffBaseMs ?? 1_000
  const backoffMax = options.backoffMaxMs ?? 60_000
  const listeners = new Set<(s: SyncStatus) => void>()
  if (options.onStatus) listeners.add(options.onStatus)

  let status: SyncStatus = {
    state: 'offline',
    pending: 0,
    lastSyncAt: null,
    progress: null,
    lastError: null,
    live: false
  }
  let running: Promise<void> | null = null
  let again = false
  let started = false
  let failures = 0
  let timer: unknown = null
  let knownServerSeq = 0
  let lastPending = 0
  const cleanups: (() => void)[] = []

  const iso = (): string => new Date(clock.now()).toISOString()

  function emit(patch: Partial<SyncStatus>): void {
    status = { ...status, ...patch }
    for (const l of listeners) l(status)
  }

  function schedule(ms: number): void {
    if (!started) return
    if (timer !== null) clock.clearTimeout(timer)
    timer = clock.setTimeout(() => {
      timer = null
      void syncNow()
    }, ms)
  }

  /** A poke or a new local command: sync soon, unless backing off after errors. */
  function nudge(): void {
    if (failures === 0) schedule(debounceMs)
  }

  async function pushAll(client: PushClient & { agentId: string }): Promise<PushClient & { agentId: string }> {
    let gaps = 0
    let lastFirst = -1
    for (;;) {
      const batch = await pendingBatch(db, options.pushLimit ?? MAX_PUSH_COMMANDS)
      if (!batch.length) return client
      // A server that answers without processing would otherwise keep us here.
      if (batch[0].seq === lastFirst) throw new SyncError('server', 'the server did not process the commands sent')
      lastFirst = batch[0].seq!
      try {
        const response = await transport.push({
          clientId: client.clientId,
          schemaVersion: SYNC_SCHEMA_VERSION,
          commands: batch.map((e) => toPushCommand(e, client.seqBase))
        })
        knownServerSeq = Math.max(knownServerSeq, response.cursor)
        await applyPushResults(db, response, client.seqBase, iso())
      } catch (error) {
        if (!(error instanceof SyncError) || error.code !== 'seq_gap' || ++gaps > 3) throw error
        await recoverSeqGap(db, error.lastProcessedSeq ?? 0, client)
        client = await ensurePushClient(db, agentId)
        lastFirst = -1
      }
      emit({ pending: await pendingCount(db) })
    }
  }

  async function pullAll(client: PushClient): Promise<void> {
    let cursor = await readMeta<number>(db, syncKeys.cursor)
    let bootstrapping = cursor === undefined
    if (cursor === undefined) {
      await resetLocal(db)
      cursor = 0
    }
    let rows = 0
    let resets = 0
    const limit = options.pullLimit ?? DEFAULT_PULL_LIMIT
    for (;;) {
      if (bootstrapping) emit({ progress: { rows, cursor, target: knownServerSeq > cursor ? knownServerSeq : null } })
      const page = await transport.pull({
        clientId: client.clientId,
        cursor,
        limit,
        schemaVersion: SYNC_SCHEMA_VERSION
      })
      if (page.resetRequired) {
        if (++resets > 3) throw new SyncError('server', 'the server keeps asking for a reset')
        await resetLocal(db)
        cursor = 0
        rows = 0
        bootstrapping = true
        continue
      }
      await applyPullPage(db, page, { final: !page.hasMore, seqBase: client.seqBase, now: iso() })
      cursor = page.cursor
      rows += page.changes.length
      if (!page.hasMore) break
    }
    knownServerSeq = Math.max(knownServerSeq, cursor)
    if (bootstrapping) emit({ progress: null })
  }

  async function topUpLeases(client: PushClient): Promise<void> {
    for (const kind of ticketKinds) {
      if (remaining(await readLease(db, kind)) >= (options.leaseLowWater ?? LEASE_LOW_WATER)) continue
      try {
        await addLease(
          db,
          await transport.leaseNumbers({ clientId: client.clientId, kind, count: options.leaseCount ?? LEASE_BLOCK })
        )
      } catch (error) {
        // Without a lease, numbers come from the local counter and the server re-issues
        // collisions: worth retrying later, never worth failing a sync for.
        if (
          !isTransient(error) &&
          (error as SyncError).code !== 'forbidden' &&
          (error as SyncError).code !== 'bad_request'
        )
          throw error
      }
    }
  }

  async function cycle(): Promise<void> {
    if (!env.isOnline()) {
      emit({ state: 'offline', pending: await pendingCount(db) })
      return
    }
    emit({ state: 'syncing', pending: await pendingCount(db) })
    try {
      let client = await ensurePushClient(db, agentId)
      client = await pushAll(client)
      await pullAll(client)
      await topUpLeases(client)
      const at = iso()
      await db.meta.put({ key: syncKeys.lastSyncAt, value: at })
      failures = 0
      emit({ state: 'online', lastSyncAt: at, lastError: null, pending: await pendingCount(db), progress: null })
      schedule(status.live ? livePollMs : pollMs)
    } catch (error) {
      const code: SyncErrorCode = error instanceof SyncError ? error.code : 'server'
      const message = error instanceof Error ? error.message : String(error)
      const pending = await pendingCount(db).catch(() => status.pending)
      if (isTransient(error)) {
        failures++
        const ceiling = Math.min(backoffMax, backoffBase * 2 ** Math.min(failures - 1, 16))
        // Full jitter between half and all of the ceiling: 200 workstations coming back after an
        // outage do not all knock at the same second.
        schedule(Math.round(ceiling * (0.5 + clock.random() * 0.5)))
        emit({ state: code === 'network' ? 'offline' : 'error', lastError: { code, message }, pending, progress: null })
      } else {
        // Log in again, update the app: nothing to retry until the agent acts.
        emit({ state: 'error', lastError: { code, message }, pending, progress: null })
      }
    }
  }

  function syncNow(): Promise<void> {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      try {
        do {
          again = false
          await cycle()
        } while (again && started)
      } finally {
        running = null
      }
    })()
    return running
  }

  return {
    start() {
      if (started) return
      started = true
      void readMeta<string>(db, syncKeys.lastSyncAt).then((at) => {
        if (at && !status.lastSyncAt) emit({ lastSyncAt: at })
      })
      // A new local command: push it soon. Fewer pending (acknowledged) needs nothing.
      const sub = liveQuery(() => pendingCount(db)).subscribe({
        next: (pending) => {
          if (pending !== status.pending) emit({ pending })
          if (pending > lastPending) nudge()
          lastPending = pending
        },
        error: () => undefined
      })
      cleanups.push(() => sub.unsubscribe())
      if (transport.live) {
        cleanups.push(
          transport.live({
            onPoke: (seq) => {
              knownServerSeq = Math.max(knownServerSeq, seq)
              nudge()
            },
            onOpen: () => {
              emit({ live: true })
              schedule(0)
            },
            onClose: () => emit({ live: false })
          })
        )
      }
      cleanups.push(
        env.onOnline(() => {
          failures = 0
          schedule(0)
        }),
        env.onOffline(() => emit({ state: 'offline' })),
        env.onResume(() => {
          failures = 0
          schedule(0)
        })
      )
      schedule(0)
    },
    stop() {
      started = false
      if (timer !== null) clock.clearTimeout(timer)
      timer = null
      for (const fn of cleanups.splice(0)) fn()
      emit({ live: false })
    },
    syncNow,
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener)
      listener(status)
      return () => listeners.delete(listener)
    }
  }
}

function toPushCommand(entry: OutboxEntry, seqBase: number): PushCommand {
  // The number this workstation gave a new ticket (from its leased block) travels with it; a
  // server that does not know `number` yet ignores it and numbers the ticket itself.
  const args =
    entry.name === 'ticket.create' && entry.number ? { ...(entry.args as object), number: entry.number } : entry.args
  return {
    seq: entry.seq! - seqBase,
    id: entry.id,
    name: entry.name,
    version: entry.version,
    args,
    occurredAt: entry.occurredAt
  }
}
