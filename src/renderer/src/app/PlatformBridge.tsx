import { useEffect } from 'react'
import { liveQuery } from 'dexie'
import { useLocation } from 'wouter'
import { getDb } from '../data/database'
import { getPlatform } from '../platform'
import { usePrefs } from './prefs-store'

/** How long outbox changes settle before main's on-disk copy is refreshed. */
const outboxBackupDelayMs = 1_500

/** Connects the console to its host: deep links, menu commands, preferences, outbox backup. */
export function PlatformBridge(): null {
  const [, navigate] = useLocation()
  const theme = usePrefs((s) => s.theme)
  const language = usePrefs((s) => s.language)

  useEffect(() => {
    const platform = getPlatform()
    const offTicket = platform.onOpenTicket((id) => navigate(`/tickets/${id}`))
    const offNew = platform.onNewIncident(() => navigate('/tickets/new'))
    return () => {
      offTicket()
      offNew()
    }
  }, [navigate])

  useEffect(() => {
    void getPlatform()
      .saveSettings({ theme, language })
      .catch(() => undefined)
  }, [theme, language])

  useEffect(() => {
    const platform = getPlatform()
    if (platform.kind !== 'desktop') return
    let timer: ReturnType<typeof setTimeout> | undefined
    // A corrupted IndexedDB must not lose unsent work: main keeps a copy of the outbox on disk.
    const sub = liveQuery(() => getDb().outbox.toArray()).subscribe({
      next: (entries) => {
        clearTimeout(timer)
        timer = setTimeout(() => {
          void platform.backupOutbox(entries as unknown as Record<string, unknown>[]).catch(() => undefined)
        }, outboxBackupDelayMs)
      }
    })
    return () => {
      clearTimeout(timer)
      sub.unsubscribe()
    }
  }, [])

  return null
}
