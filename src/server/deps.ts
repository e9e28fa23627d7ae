import type { DeskDatabase } from './db/database'
import type { LiveHub } from './sync/live'
import type { WriterHooks } from './sync/writer'

/** What the routes share: one database, this instance's WebSocket peers, settings. */
export interface ServerDeps {
  database: DeskDatabase
  hub: LiveHub
  sessionTtlMs: number
  loginRateLimit: { max: number; timeWindowMs: number }
  writerHooks: WriterHooks
  /** Settles when no push is being written (graceful shutdown waits for it). */
  track<T>(work: Promise<T>): Promise<T>
}
