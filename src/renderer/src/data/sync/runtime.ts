import { metaKeys } from '../command-store'
import type { DeskDb } from '../db'
import { createHttpTransport, login, logout, LoginError } from './http-transport'
import { getConnection, syncKeys, type Connection } from './meta'
import { createSyncClient, type SyncClient, type SyncEnvironment, type SyncStatus } from './sync-client'

/** What the runtime needs from its host (the platform layer in the app, fakes in tests). */
export interface SyncHost {
  getToken(): Promise<string | null>
  setToken(token: string): Promise<void>
  clearToken(): Promise<void>
  onSystemResumed(listener: () => void): () => void
  fetch?: typeof fetch
  WebSocket?: typeof WebSocket
}

export interface SyncSnapshot {
  /** Null in local-only mode. */
  connection: Connection | null
  status: SyncStatus | null
}

/**
 * The one sync client of this window, started from the stored connection, replaced on connect
 * and stopped on disconnect. React reads it through `subscribe`/`getSnapshot`
 * (useSyncExternalStore); nothing here imports React.
 */
export class SyncRuntime {
  private client: SyncClient | null = null
  private offStatus: (() => void) | null = null
  private snapshot: SyncSnapshot = { connection: null, status: null }
  private readonly listeners = new Set<() => void>()

  constructor(
    private readonly db: DeskDb,
    private readonly host: SyncHost
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): SyncSnapshot => this.snapshot

  private set(patch: Partial<SyncSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch }
    for (const l of this.listeners) l()
  }

  /** Starts syncing if this workstation is connected to a desk server. */
  async start(): Promise<void> {
    const connection = await getConnection(this.db)
    this.set({ connection })
    if (connection && !this.client) this.launch(connection)
  }

  private launch(connection: Connection): void {
    const transport = createHttpTransport({
      serverUrl: connection.serverUrl,
      getToken: () => this.host.getToken(),
      fetch: this.host.fetch,
      WebSocket: this.host.WebSocket
    })
    this.client = createSyncClient({
      db: this.db,
      transport,
      agentId: connection.agentId,
      environment: browserEnvironment(this.host)
    })
    this.offStatus = this.client.subscribe((status) => this.set({ status }))
    this.client.start()
  }

  private halt(): void {
    this.offStatus?.()
    this.offStatus = null
    this.client?.stop()
    this.client = null
  }

  syncNow(): Promise<void> {
    return this.client?.syncNow() ?? Promise.resolve()
  }

  /**
   * Logs in and connects this workstation. The first sync replaces local sample data with the
   * desk's and sends everything queued here, so nothing typed in local-only mode is lost.
   * Throws LoginError.
   */
  async connect(serverUrl: string, email: string, password: string): Promise<void> {
    const session = await login(serverUrl, email, password, this.host.fetch)
    const previous = await getConnection(this.db)
    await this.host.setToken(session.token)
    this.halt()
    const connection: Connection = { serverUrl, agentId: session.agentId, email, connectedAt: new Date().toISOString() }
    await this.db.transaction('rw', this.db.meta, async () => {
      // Another server (or a first connect): its change log starts from scratch here.
      if (!previous || previous.serverUrl !== serverUrl)
        await this.db.meta.bulkDelete([syncKeys.cursor, syncKeys.lease('incident'), syncKeys.lease('request')])
      await this.db.meta.put({ key: syncKeys.connection, value: connection })
      // The server says who this agent is; the console acts as that agent from now on.
      await this.db.meta.put({ key: metaKeys.profile, value: { agentId: session.agentId } })
    })
    this.set({ connection, status: null })
    this.launch(connection)
  }

  /** Back to local-only: local data and the outbox stay; the token is forgotten. */
  async disconnect(): Promise<void> {
    const connection = await getConnection(this.db)
    this.halt()
    const token = await this.host.getToken().catch(() => null)
    if (connection && token) await logout(connection.serverUrl, token, this.host.fetch)
    await this.host.clearToken()
    await this.db.meta.delete(syncKeys.connection)
    this.set({ connection: null, status: null })
  }
}

function browserEnvironment(host: SyncHost): SyncEnvironment {
  const hasWindow = typeof window !== 'undefined'
  return {
    isOnline: () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false),
    onOnline: (l) => {
      if (!hasWindow) return () => undefined
      window.addEventListener('online', l)
      return () => window.removeEventListener('online', l)
    },
    onOffline: (l) => {
      if (!hasWindow) return () => undefined
      window.addEventListener('offline', l)
      return () => window.removeEventListener('offline', l)
    },
    onResume: (l) => host.onSystemResumed(l)
  }
}

export { LoginError }
