import { beforeEach, describe, expect, it } from 'vitest'
import type { Ticket } from '@shared/ticket/model'
import { commonTransitions } from '../../../src/renderer/src/features/queue/components/BulkBar'
import { activeFilterCount } from '../../../src/renderer/src/features/queue/selectors'
import { initialQueueState, useQueueStore } from '../../../src/renderer/src/features/queue/store'

const ticket = (status: Ticket['status']): Ticket => ({ status }) as Ticket

describe('bulk transitions', () => {
  it('offers only statuses every selected ticket may move to', () => {
    expect(commonTransitions([ticket('new'), ticket('in_progress')])).toEqual(['resolved', 'cancelled'])
    expect(commonTransitions([ticket('pending'), ticket('in_progress')])).toEqual(['resolved', 'cancelled'])
    expect(commonTransitions([ticket('resolved'), ticket('new')])).toEqual(['in_progress'])
    expect(commonTransitions([ticket('closed'), ticket('new')])).toEqual([])
    // "assigned" is reached by assigning, so it is never offered as a status change.
    expect(commonTransitions([ticket('new')])).not.toContain('assigned')
  })
})

describe('queue UI store', () => {
  beforeEach(() => useQueueStore.setState(initialQueueState))

  it('Shift+click selects the range between the anchor and the clicked row', () => {
    const ids = ['a', 'b', 'c', 'd', 'e']
    const s = useQueueStore.getState()
    s.toggleSelected('b')
    useQueueStore.getState().selectRange(ids, 'd')
    expect([...useQueueStore.getState().selected].sort()).toEqual(['b', 'c', 'd'])
  })

  it('a new column sorts ascending, the same column flips, updated starts newest first', () => {
    useQueueStore.getState().toggleSort('priority')
    expect(useQueueStore.getState().sort).toEqual({ column: 'priority', desc: false })
    useQueueStore.getState().toggleSort('priority')
    expect(useQueueStore.getState().sort).toEqual({ column: 'priority', desc: true })
    useQueueStore.getState().toggleSort('updated')
    expect(useQueueStore.getState().sort).toEqual({ column: 'updated', desc: true })
  })

  it('changing view, filter or search drops the selection so bulk actions never hit hidden rows', () => {
    useQueueStore.getState().toggleSelected('a')
    useQueueStore.getState().setFilter('priority', ['P1'])
    expect(useQueueStore.getState().selected.size).toBe(0)
    expect(activeFilterCount(useQueueStore.getState().filters)).toBe(1)
    useQueueStore.getState().toggleSelected('a')
    useQueueStore.getState().setView('open')
    expect(useQueueStore.getState().selected.size).toBe(0)
  })
})
