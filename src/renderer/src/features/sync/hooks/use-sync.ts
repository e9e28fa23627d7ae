import { useSyncExternalStore } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { getDb } from '../../../data/database'
import type { ConflictRow } from '../../../data/db'
import type { SyncSnapshot } from '../../../data/sync/runtime'
import { getSyncRuntime } from '../sync-runtime'

export function useSync(): SyncSnapshot {
  const runtime = getSyncRuntime()
  return useSyncExternalStore(runtime.subscribe, runtime.getSnapshot)
}

/** Commands the server has not acknowledged yet (all of them in local-only mode). */
export function usePendingCount(): number {
  return (
    useLiveQuery(
      () =>
        getDb()
          .outbox.filter((e) => !e.ackedAt)
          .count(),
      []
    ) ?? 0
  )
}

export function useConflicts(): ConflictRow[] | undefined {
  return useLiveQuery(() => getDb().conflicts.orderBy('refusedAt').reverse().toArray(), [])
}

export function useConflictCount(): number {
  return useLiveQuery(() => getDb().conflicts.count(), []) ?? 0
}
