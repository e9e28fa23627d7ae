import type { Settings } from '@shared/ipc'

/**
 * What the console needs from its host. The desktop app provides it through `window.desk`
 * (the preload bridge); the web console and the e2e tests fall back to browser APIs.
 */
export interface Platform {
  readonly kind: 'desktop' | 'web'
  openExternal(url: string): Promise<void>
  /** Saves a text file the agent asked for (backup, export); false when cancelled. */
  saveFile(suggestedName: string, content: string, mime?: string): Promise<boolean>
  setBadge(count: number): Promise<void>
  /** Keeps a copy of the unsent outbox outside IndexedDB (desktop only; no-op on the web). */
  backupOutbox(entries: Record<string, unknown>[]): Promise<void>
  saveSettings(settings: Partial<Settings>): Promise<void>
  /** The desk server session token: safeStorage on the desktop, the tab's session on the web. */
  getToken(): Promise<string | null>
  setToken(token: string): Promise<void>
  clearToken(): Promise<void>
  /** The machine woke from sleep (desktop); the web console has no such event. */
  onSystemResumed(listener: () => void): () => void
  onOpenTicket(listener: (ticketId: string) => void): () => void
  onNewIncident(listener: () => void): () => void
}
