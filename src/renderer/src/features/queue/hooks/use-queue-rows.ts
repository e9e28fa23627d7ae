import { useCallback, useEffect, useRef, useState } from 'react'
import Dexie from 'dexie'
import type { Ticket } from '@shared/ticket/model'
import type { DeskDb } from '../../../data/db'
import { planQueue, QueueCancelled, type PlanInfo, type QueueQuery, type QueueRanks, type QueueReader } from '../../../data/queue-query'

export interface QueueRows {
  /** Rows loaded so far, in order (pinned number matches first). */
  rows: Ticket[]
  pinnedCount: number
  /** Total rows of the result; null while still counting. */
  count: number | null
  /** True until the first page of the current query is in. */
  loading: boolean
  hasMore: boolean
  info: PlanInfo | null
  /** The query key the rows belong to (the grid marks itself ready for that key). */
  key: string
  error: string | null
  loadMore: () => void
}

/** Other code (ticket page, sync, bulk actions) writes tickets: re-read after a short quiet spell. */
const refreshDelayMs = 150

/**
 * Reads the queue for `query` one page at a time through the planner, counts lazily, and re-reads
 * the loaded range when the tickets table changes (any tab, any writer).
 */
export function useQueueRows(db: DeskDb, query: QueueQuery | null, ranks: QueueRanks): QueueRows {
  const key = query ? JSON.stringify(query) : ''
  const [state, setState] = useState<Omit<QueueRows, 'loadMore'>>({
    rows: [],
    pinnedCount: 0,
    count: null,
    loading: true,
    hasMore: false,
    info: null,
    key: '',
    error: null
  })
  const reader = useRef<QueueReader | null>(null)
  const generation = useRef(0)
  const busy = useRef(false)
  const [tick, setTick] = useState(0)
  const loaded = useRef(0)

  useEffect(() => {
    if (!query) return
    const gen = ++generation.current
    const isRefresh = tick > 0 && state.key === key
    if (!isRefresh) {
      loaded.current = 0
      setState((s) => ({ ...s, loading: true }))
    }
    let cancelled = false
    void (async () => {
      try {
        // A count still running for the previous query would compete for IndexedDB: stop it.
        reader.current?.cancel()
        const r = await planQueue(db, query, ranks)
        const rows: Ticket[] = [...r.pinned]
        // A refresh keeps as many rows as were on screen, so the scroll position survives.
        const want = Math.max(1, loaded.current)
        do rows.push(...(await r.next()))
        while (!r.done && rows.length < want)
        if (cancelled || gen !== generation.current) return
        reader.current = r
        loaded.current = rows.length
        busy.current = false
        setState((s) => ({
          rows,
          pinnedCount: r.pinned.length,
          count: isRefresh ? s.count : null,
          loading: false,
          hasMore: !r.done,
          info: r.info,
          key,
          error: null
        }))
        const count = await r.count()
        if (!cancelled && gen === generation.current) setState((s) => ({ ...s, count }))
      } catch (e) {
        if (e instanceof QueueCancelled) return
        if (!cancelled && gen === generation.current)
          setState((s) => ({ ...s, loading: false, error: e instanceof Error ? e.message : String(e), key }))
      }
    })()
    return () => {
      cancelled = true
    }
    // `query` is captured through `key`; ranks change when teams/agents or the language change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key, ranks, tick])

  useEffect(() => {
    const prefix = `idb://${db.name}/tickets/`
    let timer: ReturnType<typeof setTimeout> | null = null
    const onChange = (parts: Record<string, unknown>): void => {
      if (!Object.keys(parts).some((p) => p.startsWith(prefix))) return
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => setTick((n) => n + 1), refreshDelayMs)
    }
    Dexie.on.storagemutated.subscribe(onChange)
    return () => {
      Dexie.on.storagemutated.unsubscribe(onChange)
      if (timer) clearTimeout(timer)
    }
  }, [db])

  const loadMore = useCallback(() => {
    const r = reader.current
    if (!r || r.done || busy.current) return
    busy.current = true
    const gen = generation.current
    void r.next().then(
      (page) => {
        busy.current = false
        if (gen !== generation.current) return
        setState((s) => {
          const rows = [...s.rows, ...page]
          loaded.current = rows.length
          return { ...s, rows, hasMore: !r.done }
        })
      },
      (e: unknown) => {
        busy.current = false
        setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) }))
      }
    )
  }, [])

  return { ...state, loadMore }
}
