import type { DeskApi } from '@shared/ipc'
import type { Platform } from './platform'

export function desktopPlatform(desk: DeskApi): Platform {
  return {
    kind: 'desktop',
    openExternal: (url) => desk.shell.openExternal({ url }),
    saveFile: async (suggestedName, content) => (await desk.backup.save({ suggestedName, content })).saved,
    setBadge: (count) => desk.window.setBadge({ count }),
    backupOutbox: (entries) => desk.outbox.backup({ entries }),
    saveSettings: async (settings) => {
      if (Object.keys(settings).length) await desk.settings.set(settings)
    },
    getToken: async () => (await desk.auth.getToken()).token,
    setToken: (token) => desk.auth.setToken({ token }),
    clearToken: () => desk.auth.clearToken(),
    onSystemResumed: (listener) => desk.onSystemResumed(() => listener()),
    onOpenTicket: (listener) => desk.onOpenTicket(({ ticketId }) => listener(ticketId)),
    onNewIncident: (listener) => desk.onNewIncident(() => listener())
  }
}
