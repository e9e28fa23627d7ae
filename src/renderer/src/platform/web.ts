import { httpUrlSchema } from '@shared/ipc'
import type { Platform } from './platform'

const tokenKey = 'desk.sessionToken'
let memoryToken: string | null = null

/** The web console: the same renderer served by the desk server, or the e2e tests. */
export function webPlatform(): Platform {
  return {
    kind: 'web',
    async openExternal(url) {
      // Same rule as the desktop: only http(s) links leave the app.
      if (!httpUrlSchema.safeParse(url).success) throw new Error(`refused to open ${url}`)
      window.open(url, '_blank', 'noopener,noreferrer')
    },
    async saveFile(suggestedName, content, mime = 'application/json') {
      const url = URL.createObjectURL(new Blob([content], { type: mime }))
      const a = document.createElement('a')
      a.href = url
      a.download = suggestedName
      a.rel = 'noopener'
      document.body.append(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
      return true
    },
    async setBadge(count) {
      const nav = navigator as Navigator & {
        setAppBadge?: (n?: number) => Promise<void>
        clearAppBadge?: () => Promise<void>
      }
      try {
        if (count > 0) await nav.setAppBadge?.(count)
        else await nav.clearAppBadge?.()
      } catch {
        // Badging is a nicety; browsers without it simply show nothing.
      }
      document.title = count > 0 ? `(${count}) Desk Console` : 'Desk Console'
    },
    async backupOutbox() {
      // The browser has no second store to copy to; the outbox lives in IndexedDB only.
    },
    async saveSettings() {
      // Preferences already persist in localStorage (prefs-store).
    },
    // The tab's session: a shared browser forgets the token when the tab closes.
    async getToken() {
      try {
        return sessionStorage.getItem(tokenKey) ?? memoryToken
      } catch {
        return memoryToken
      }
    },
    async setToken(token) {
      memoryToken = token
      try {
        sessionStorage.setItem(tokenKey, token)
      } catch {
        // Storage disabled: the token lives as long as this page.
      }
    },
    async clearToken() {
      memoryToken = null
      try {
        sessionStorage.removeItem(tokenKey)
      } catch {
        // Nothing stored.
      }
    },
    onSystemResumed: () => () => undefined,
    onOpenTicket: () => () => undefined,
    onNewIncident: () => () => undefined
  }
}
