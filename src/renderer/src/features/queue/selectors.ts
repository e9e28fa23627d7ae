import type { QueueFilters } from '../../data/queue-query'
import type { QueueUiState } from './store'

/** The part of the UI state that decides which rows load (selection and focus do not). */
export const selectQuery = (s: QueueUiState): Pick<QueueUiState, 'view' | 'filters' | 'sort' | 'search'> => ({
  view: s.view,
  filters: s.filters,
  sort: s.sort,
  search: s.search
})

export const selectSelectedCount = (s: QueueUiState): number => s.selected.size

/** How many column filters are set, for the "Clear filters (3)" button. */
export function activeFilterCount(f: QueueFilters): number {
  let n = 0
  for (const key of ['kind', 'priority', 'status', 'category', 'teamId', 'assigneeId'] as const) if (f[key].length) n++
  if (f.title.trim()) n++
  if (f.requester.trim()) n++
  if (f.updatedFrom || f.updatedTo) n++
  return n
}

export const selectActiveFilterCount = (s: QueueUiState): number => activeFilterCount(s.filters)
