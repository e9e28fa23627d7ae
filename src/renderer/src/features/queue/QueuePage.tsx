import { useCallback, useMemo, useRef, useState } from 'react'
import { Alert, Button, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import { useShallow } from 'zustand/react/shallow'
import type { Ticket } from '@shared/ticket/model'
import { getDb } from '../../data/database'
import { queueViews, ranksFrom, type QueueQuery } from '../../data/queue-query'
import { useAgents, useMe, useTeams } from '../../data/reference'
import { BulkBar } from './components/BulkBar'
import { QueueGrid } from './components/QueueGrid'
import { useQueueRows } from './hooks/use-queue-rows'
import { selectActiveFilterCount, selectQuery } from './selectors'
import { useQueueStore } from './store'

function SearchIcon(): React.JSX.Element {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" strokeLinecap="round" />
    </svg>
  )
}

export function QueuePage(): React.JSX.Element {
  const { t, i18n } = useTranslation('queue')
  const [, navigate] = useLocation()
  const me = useMe()
  const teams = useTeams()
  const agents = useAgents()
  const ui = useQueueStore(useShallow(selectQuery))
  const filterCount = useQueueStore(selectActiveFilterCount)
  const selected = useQueueStore((s) => s.selected)
  const { setView, setSearch, clearFilters, setFocusedIndex, toggleSelected } = useQueueStore(
    useShallow((s) => ({ setView: s.setView, setSearch: s.setSearch, clearFilters: s.clearFilters, setFocusedIndex: s.setFocusedIndex, toggleSelected: s.toggleSelected }))
  )
  const searchRef = useRef<HTMLInputElement>(null)
  const db = getDb()

  const ranks = useMemo(() => ranksFrom(teams, agents, i18n.language), [teams, agents, i18n.language])
  const teamNames = useMemo(() => new Map(teams.map((tm) => [tm.id, tm.name])), [teams])
  const agentNames = useMemo(() => new Map(agents.map((a) => [a.id, a.name])), [agents])
  const query: QueueQuery | null = useMemo(
    () => (me ? { ...ui, me: { agentId: me.id, teamId: me.teamId } } : null),
    [ui, me]
  )
  const result = useQueueRows(db, query, ranks)
  const { rows } = result

  // Counts how often a new query's first page reached the screen (the bench waits on it).
  // (React's "adjust state when a prop changes" pattern: set during render, no effect.)
  const [seq, setSeq] = useState({ key: '', n: 0 })
  if (!result.loading && result.key !== seq.key) setSeq({ key: result.key, n: seq.n + 1 })

  const [visible, setVisible] = useState<[number, number]>([0, 0])
  const onVisibleRange = useCallback((a: number, b: number) => setVisible([a, b]), [])
  const open = useCallback((ticket: Ticket) => navigate(`/tickets/${ticket.id}`), [navigate])

  const move = (delta: number): void => {
    const s = useQueueStore.getState()
    if (!rows.length) return
    const next = Math.max(0, Math.min(rows.length - 1, s.focusedIndex + delta))
    setFocusedIndex(next)
    if (next >= rows.length - 5) result.loadMore()
  }
  const focused = (): Ticket | undefined => rows[useQueueStore.getState().focusedIndex]
  useHotkeys([
    ['j', () => move(1)],
    ['ArrowDown', () => move(1)],
    ['k', () => move(-1)],
    ['ArrowUp', () => move(-1)],
    ['Enter', () => {
      const tk = focused()
      if (tk) open(tk)
    }],
    ['x', () => {
      const tk = focused()
      if (tk) toggleSelected(tk.id)
    }],
    ['Space', () => {
      const tk = focused()
      if (tk) toggleSelected(tk.id)
    }],
    ['/', () => searchRef.current?.focus()]
  ])

  const selectedTickets = useMemo(() => rows.filter((r) => selected.has(r.id)), [rows, selected])
  const total = result.count
  const status = (() => {
    if (result.loading && !rows.length) return t('loading')
    if (!rows.length) return total === null ? t('count.counting') : t('count.total', { count: total ?? 0, total: (total ?? 0).toLocaleString(i18n.language) })
    const from = (visible[0] + 1).toLocaleString(i18n.language)
    const to = (Math.max(visible[0], visible[1]) + 1).toLocaleString(i18n.language)
    return total === null ? t('count.rangeCounting', { from, to }) : t('count.range', { from, to, total: total.toLocaleString(i18n.language) })
  })()

  const searching = ui.search.trim() !== ''
  const empty = (
    <Stack gap={6} align="center" data-testid="queue-empty">
      <Text fw={600}>
        {searching || filterCount
          ? t('empty.filtered')
          : ui.view === 'team' && me && !me.teamId
            ? t('empty.noTeam')
            : t(`empty.${ui.view}`)}
      </Text>
      {(searching || filterCount > 0) && (
        <>
          <Text size="sm" c="dimmed">
            {t('empty.filteredHint')}
          </Text>
          <Group gap="xs">
            {filterCount > 0 && (
              <Button size="compact-sm" variant="light" onClick={clearFilters}>
                {t('filter.clearAll', { count: filterCount })}
              </Button>
            )}
            {searching && (
              <Button size="compact-sm" variant="light" onClick={() => setSearch('')}>
                {t('common:actions.clear')} “{ui.search}”
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  )

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }} data-testid="queue-page">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="md" wrap="nowrap">
          <Title order={3}>{t('title')}</Title>
          <SegmentedControl
            size="xs"
            value={ui.view}
            onChange={(v) => {
              setView(v)
              // Hand the keyboard back to the grid (J/K, Enter) instead of the view switcher.
              if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
            }}
            data={queueViews.map((v) => ({
              value: v,
              label: <span data-testid={`queue-view-${v}`}>{t(`views.${v}`)}</span>
            }))}
          />
        </Group>
        <TextInput
          ref={searchRef}
          size="xs"
          w={340}
          leftSection={<SearchIcon />}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          value={ui.search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              if (ui.search) setSearch('')
              else e.currentTarget.blur()
            }
            if (e.key === 'ArrowDown' || e.key === 'Enter') {
              e.currentTarget.blur()
              setFocusedIndex(0)
            }
          }}
          data-testid="queue-search"
        />
      </Group>
      <Group justify="space-between" gap="sm" mih={30}>
        <Group gap="sm">
          <Text size="sm" c="dimmed" data-testid="queue-count" data-total={total ?? undefined}>
            {status}
          </Text>
          {filterCount > 0 && (
            <Button size="compact-xs" variant="subtle" onClick={clearFilters} data-testid="queue-clear-filters">
              {t('filter.clearAll', { count: filterCount })}
            </Button>
          )}
        </Group>
        {me && <BulkBar tickets={selectedTickets} teams={teams} agents={agents} actorId={me.id} />}
      </Group>
      {result.error && (
        <Alert color="red" data-testid="queue-error">
          {t('error', { message: result.error })}
        </Alert>
      )}
      <QueueGrid
        rows={rows}
        pinnedCount={result.pinnedCount}
        loading={result.loading}
        hasMore={result.hasMore}
        queryKey={result.key}
        renderSeq={seq.n}
        teamNames={teamNames}
        agentNames={agentNames}
        onLoadMore={result.loadMore}
        onOpen={open}
        onVisibleRange={onVisibleRange}
        empty={empty}
      />
      <Text size="xs" c="dimmed">
        {t('keys')}
      </Text>
    </Stack>
  )
}
