import type { TicketKind } from '@shared/ticket/model'
import type { DeskDb } from '../db'

export const syncKeys = {
  /** The desk server this workstation syncs with; absent in local-only mode. */
  connection: 'sync.connection',
  /** Position in the server's change log; absent until the first sync (bootstrap). */
  cursor: 'sync.cursor',
  /** The push identity: client id + the outbox key just before its seq 1. */
  pushClient: 'sync.pushClient',
  /** Last outbox key handed out (outbox keys are contiguous: they are the push seq). */
  outboxSeq: 'sync.outboxSeq',
  lastSyncAt: 'sync.lastSyncAt',
  lease: (kind: TicketKind) => `sync.lease:${kind}`
} as const

export interface Connection {
  serverUrl: string
  agentId: string
  email: string
  connectedAt: string
}

export interface PushClient {
  clientId: string
  /** push seq = outbox key − seqBase. */
  seqBase: number
}

export async function readMeta<T>(db: DeskDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined
}

export async function getConnection(db: DeskDb): Promise<Connection | null> {
  return (await readMeta<Connection>(db, syncKeys.connection)) ?? null
}
