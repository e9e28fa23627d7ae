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
  onOpenTicket(listener: (ticketId: string) => void): () => void
  onNewIncident(listener: () => void): () => void
}
