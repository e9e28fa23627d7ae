import { create } from 'zustand'
import { emptyFilters, type QueueFilters, type QueueSort, type QueueViewId } from '../../data/queue-query'

/** UI state of the queue screen only: which view, filters, sort, search text, selection and focus. */
export interface QueueUiState {
  view: QueueViewId
  filters: QueueFilters
  sort: QueueSort
  search: string
  /** Ticket ids ticked for bulk actions. */
  selected: ReadonlySet<string>
  /** Anchor of a Shift+click range. */
  anchorId: string | null
  /** Row index the keyboard is on. */
  focusedIndex: number
}

export interface QueueUiActions {
  setView: (view: QueueViewId) => void
  setFilter: <K extends keyof QueueFilters>(key: K, value: QueueFilters[K]) => void
  clearFilters: () => void
  /** Clicking a header: a new column sorts ascending (updated: newest first), the same column flips. */
  toggleSort: (column: QueueSort['column']) => void
  setSort: (sort: QueueSort) => void
  setSearch: (search: string) => void
  setFocusedIndex: (index: number) => void
  toggleSelected: (id: string) => void
  /** Selects every id (in grid order) between the anchor and `id`. */
  selectRange: (orderedIds: readonly string[], id: string) => void
  setSelected: (ids: Iterable<string>) => void
  clearSelection: () => void
}

export const initialQueueState: QueueUiState = {
  view: 'mine',
  filters: emptyFilters,
  sort: { column: 'updated', desc: true },
  search: '',
  selected: new Set(),
  anchorId: null,
  focusedIndex: 0
}

// Changing what the grid shows resets focus and selection: ticked rows out of sight would be
// changed by a bulk action the agent can no longer see.
const resetRows = { selected: new Set<string>(), anchorId: null, focusedIndex: 0 }

export const useQueueStore = create<QueueUiState & QueueUiActions>()((set) => ({
  ...initialQueueState,
  setView: (view) => set({ view, ...resetRows }),
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value }, ...resetRows })),
  clearFilters: () => set({ filters: emptyFilters, ...resetRows }),
  toggleSort: (column) =>
    set((s) => ({
      sort: s.sort.column === column ? { column, desc: !s.sort.desc } : { column, desc: column === 'updated' },
      focusedIndex: 0
    })),
  setSort: (sort) => set({ sort, focusedIndex: 0 }),
  setSearch: (search) => set({ search, ...resetRows }),
  setFocusedIndex: (focusedIndex) => set({ focusedIndex }),
  toggleSelected: (id) =>
    set((s) => {
      const selected = new Set(s.selected)
      if (selected.has(id)) selected.delete(id)
      else selected.add(id)
      return { selected, anchorId: id }
    }),
  selectRange: (orderedIds, id) =>
    set((s) => {
      const from = s.anchorId ? orderedIds.indexOf(s.anchorId) : -1
      const to = orderedIds.indexOf(id)
      if (to < 0) return {}
      if (from < 0) return { selected: new Set([...s.selected, id]), anchorId: id }
      const [a, b] = from < to ? [from, to] : [to, from]
      return { selected: new Set([...s.selected, ...orderedIds.slice(a, b + 1)]) }
    }),
  setSelected: (ids) => set({ selected: new Set(ids) }),
  clearSelection: () => set({ selected: new Set(), anchorId: null })
}))
