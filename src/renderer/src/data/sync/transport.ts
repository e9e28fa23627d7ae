import type { NumberLease, PullQuery, PullResponse, PushRequest, PushResponse } from '@shared/sync/protocol'
import type { TicketKind } from '@shared/ticket/model'

/**
 * How the sync client reaches a desk server. The fetch/WebSocket implementation lives in
 * http-transport.ts; tests pass an in-memory one that calls a fake server, so the engine runs in
 * vitest without a network.
 */
export interface SyncTransport {
  push(request: PushRequest): Promise<PushResponse>
  pull(query: Omit<PullQuery, 'limit'> & { limit?: number }): Promise<PullResponse>
  leaseNumbers(request: { clientId: string; kind: TicketKind; count: number }): Promise<NumberLease>
  /** Live pokes. Optional: without it the client polls. Returns the unsubscribe function. */
  live?(handlers: LiveHandlers): () => void
}

export interface LiveHandlers {
  onPoke(seq: number): void
  onOpen(): void
  onClose(): void
}

/** Why a request failed, as far as the sync client needs to tell them apart. */
export type SyncErrorCode =
  | 'network' // unreachable, timeout, connection reset: retry with backoff
  | 'unauthorized' // token expired or revoked: the agent must log in again
  | 'upgrade_required' // 426: this console is too old for the server
  | 'seq_gap' // 409: the server expects another seq
  | 'forbidden'
  | 'bad_request'
  | 'server' // 5xx: retry with backoff

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly status = 0,
    /** For seq_gap: the server's last processed seq of this client. */
    readonly lastProcessedSeq?: number,
    readonly issues: Record<string, string> = {}
  ) {
    super(message)
    this.name = 'SyncError'
  }
}

/** Errors worth retrying by themselves; the others need the agent (log in, update the app). */
export function isTransient(error: unknown): boolean {
  return !(error instanceof SyncError) || error.code === 'network' || error.code === 'server'
}
