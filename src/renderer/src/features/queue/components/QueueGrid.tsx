import { useEffect, useMemo, useRef } from 'react'
import { Box, Checkbox, Group, Loader, Text, UnstyledButton } from '@mantine/core'
import { columnSizingFeature, createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import type { Ticket } from '@shared/ticket/model'
import type { SortColumn } from '../../../data/queue-query'
import { useQueueStore } from '../store'
import { PriorityCell, StatusCell, UpdatedCell } from './cells'
import { ColumnFilter } from './ColumnFilter'
import classes from './queue-grid.module.css'

const features = tableFeatures({ columnSizingFeature })
const helper = createColumnHelper<typeof features, Ticket>()

export const rowHeight = 34

export interface QueueGridProps {
  rows: Ticket[]
  pinnedCount: number
  loading: boolean
  hasMore: boolean
  queryKey: string
  /** Bumped each time the first page of a new query is on screen (benchmarks wait for it). */
  renderSeq: number
  teamNames: ReadonlyMap<string, string>
  agentNames: ReadonlyMap<string, string>
  onLoadMore: () => void
  onOpen: (ticket: Ticket) => void
  onVisibleRange: (first: number, last: number) => void
  empty: React.ReactNode
}

const sortable: Record<string, SortColumn> = {
  number: 'number',
  kind: 'kind',
  priority: 'priority',
  status: 'status',
  title: 'title',
  requester: 'requester',
  category: 'category',
  team: 'team',
  assignee: 'assignee',
  updated: 'updated'
}

export function QueueGrid(props: QueueGridProps): React.JSX.Element {
  const { rows, teamNames, agentNames } = props
  const { t, i18n } = useTranslation('queue')
  const language = i18n.language
  const sort = useQueueStore((s) => s.sort)
  const toggleSort = useQueueStore((s) => s.toggleSort)
  const selected = useQueueStore((s) => s.selected)
  const focusedIndex = useQueueStore((s) => s.focusedIndex)
  const setFocusedIndex = useQueueStore((s) => s.setFocusedIndex)
  const toggleSelected = useQueueStore((s) => s.toggleSelected)
  const selectRange = useQueueStore((s) => s.selectRange)
  const setSelected = useQueueStore((s) => s.setSelected)
  const scrollRef = useRef<HTMLDivElement>(null)

  const columns = useMemo(
    () =>
      helper.columns([
        helper.display({ id: 'select', size: 32, header: () => null, cell: () => null }),
        helper.accessor('number', {
          id: 'number',
          size: 104,
          header: () => t('columns.number'),
          cell: (info) => (
            <Link href={`/tickets/${info.row.original.id}`} className={classes.number} tabIndex={-1}>
              {info.getValue()}
            </Link>
          )
        }),
        helper.accessor('kind', { id: 'kind', size: 84, header: () => t('columns.kind'), cell: (info) => t(`kindShort.${info.getValue()}`) }),
        helper.accessor('priority', {
          id: 'priority',
          size: 92,
          header: () => t('columns.priority'),
          cell: (info) => <PriorityCell priority={info.getValue()} label={t(`common:priority.${info.getValue()}`)} />
        }),
        helper.accessor('status', {
          id: 'status',
          size: 104,
          header: () => t('columns.status'),
          cell: (info) => <StatusCell status={info.getValue()} label={t(`common:status.${info.getValue()}`)} />
        }),
        helper.accessor('title', { id: 'title', size: 200, header: () => t('columns.title'), cell: (info) => <span title={info.getValue()}>{info.getValue()}</span> }),
        helper.accessor('requesterName', { id: 'requester', size: 116, header: () => t('columns.requester'), cell: (info) => <span title={info.getValue()}>{info.getValue()}</span> }),
        helper.accessor('category', { id: 'category', size: 98, header: () => t('columns.category'), cell: (info) => t(`common:category.${info.getValue()}`) }),
        helper.accessor('teamId', {
          id: 'team',
          size: 150,
          header: () => t('columns.team'),
          cell: (info) => (info.getValue() ? <span title={teamNames.get(info.getValue())}>{teamNames.get(info.getValue()) ?? '—'}</span> : <Text span c="dimmed" size="sm">{t('common:none')}</Text>)
        }),
        helper.accessor('assigneeId', {
          id: 'assignee',
          size: 112,
          header: () => t('columns.assignee'),
          cell: (info) =>
            info.getValue() ? (agentNames.get(info.getValue()) ?? '—') : <Text span c="dimmed" size="sm">{t('common:unassigned')}</Text>
        }),
        helper.accessor('updatedAt', {
          id: 'updated',
          size: 116,
          header: () => t('columns.updated'),
          cell: (info) => <UpdatedCell iso={info.getValue()} language={language} />
        })
      ]),
    [t, teamNames, agentNames, language]
  )

  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id })
  const tableRows = table.getRowModel().rows
  const leafColumns = table.getAllLeafColumns()
  // Title takes the free width; the others keep their size so the grid stays scannable.
  const template = leafColumns.map((c) => (c.id === 'title' ? `minmax(${c.getSize()}px, 1fr)` : `${c.getSize()}px`)).join(' ')
  const minWidth = leafColumns.reduce((n, c) => n + c.getSize(), 0)

  const virtualizer = useVirtualizer({
    count: tableRows.length + (props.hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    getItemKey: (i) => tableRows[i]?.id ?? 'more'
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.length ? items[items.length - 1].index : 0
  const firstIndex = items.length ? items[0].index : 0
  const { hasMore, onLoadMore, onVisibleRange } = props

  useEffect(() => {
    if (hasMore && lastIndex >= tableRows.length - 30) onLoadMore()
  }, [hasMore, lastIndex, tableRows.length, onLoadMore])

  useEffect(() => {
    onVisibleRange(firstIndex, Math.min(lastIndex, tableRows.length - 1))
  }, [firstIndex, lastIndex, tableRows.length, onVisibleRange])

  useEffect(() => {
    if (focusedIndex < tableRows.length) virtualizer.scrollToIndex(focusedIndex, { align: 'auto' })
    // Only when the keyboard moves focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusedIndex])

  // A new query starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 })
  }, [props.queryKey])

  const ids = useMemo(() => rows.map((r) => r.id), [rows])
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id))

  const onRowClick = (e: React.MouseEvent, index: number, id: string): void => {
    setFocusedIndex(index)
    if (e.shiftKey) {
      e.preventDefault()
      selectRange(ids, id)
    }
  }

  return (
    <div
      className={classes.grid}
      role="grid"
      aria-rowcount={rows.length}
      data-testid="queue-grid"
      data-ready={props.loading ? 'false' : 'true'}
      data-render-seq={props.renderSeq}
    >
      <div ref={scrollRef} className={classes.scroll}>
        <div style={{ minWidth }}>
          <div className={classes.header} role="row" style={{ gridTemplateColumns: template }}>
            {table.getHeaderGroups()[0].headers.map((header) => {
              const id = header.column.id
              if (id === 'select')
                return (
                  <div key={id} className={classes.th} role="columnheader">
                    <Checkbox
                      size="xs"
                      aria-label={t('select.all')}
                      checked={allSelected}
                      indeterminate={!allSelected && selected.size > 0}
                      onChange={() => setSelected(allSelected ? [] : ids)}
                    />
                  </div>
                )
              const col = sortable[id]
              const active = sort.column === col
              return (
                <div
                  key={id}
                  className={classes.th}
                  role="columnheader"
                  aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                  data-testid={`queue-header-${id}`}
                >
                  <UnstyledButton className={classes.sortButton} onClick={() => toggleSort(col)} title={t('sort.by', { column: t(`columns.${id}`) })}>
                    <span className={classes.headerLabel}>
                      <table.FlexRender header={header} />
                    </span>
                    {active && (
                      <span className={classes.sortMark} aria-hidden>
                        {sort.desc ? '▼' : '▲'}
                      </span>
                    )}
                  </UnstyledButton>
                  <ColumnFilter column={col} teamNames={teamNames} agentNames={agentNames} />
                </div>
              )
            })}
          </div>
          {tableRows.length === 0 && !props.loading ? (
            <div className={classes.empty}>{props.empty}</div>
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const row = tableRows[item.index]
                if (!row)
                  return (
                    <Group key="more" className={classes.more} style={{ transform: `translateY(${item.start}px)` }} gap="xs">
                      <Loader size="xs" />
                      <Text size="sm" c="dimmed">
                        {t('loadingMore')}
                      </Text>
                    </Group>
                  )
                const ticket = row.original
                const isSelected = selected.has(ticket.id)
                return (
                  <div
                    key={row.id}
                    role="row"
                    aria-selected={isSelected}
                    className={classes.row}
                    data-testid="queue-row"
                    data-ticket-id={ticket.id}
                    data-number={ticket.number}
                    data-focused={item.index === focusedIndex || undefined}
                    data-selected={isSelected || undefined}
                    data-pinned={item.index < props.pinnedCount || undefined}
                    style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: rowHeight }}
                    onClick={(e) => onRowClick(e, item.index, ticket.id)}
                    onDoubleClick={() => props.onOpen(ticket)}
                  >
                    {row.getAllCells().map((cell) =>
                      cell.column.id === 'select' ? (
                        <div key={cell.id} className={classes.td} role="gridcell">
                          <Checkbox
                            size="xs"
                            aria-label={t('select.row', { number: ticket.number })}
                            checked={isSelected}
                            data-testid="queue-row-select"
                            onClick={(e) => {
                              e.stopPropagation()
                              setFocusedIndex(item.index)
                              if (e.shiftKey) selectRange(ids, ticket.id)
                              else toggleSelected(ticket.id)
                            }}
                            onChange={() => undefined}
                          />
                        </div>
                      ) : (
                        <div key={cell.id} className={classes.td} role="gridcell" data-col={cell.column.id}>
                          <table.FlexRender cell={cell} />
                        </div>
                      )
                    )}
                  </div>
                )
              })}
            </div>
          )}
          {props.loading && tableRows.length === 0 && (
            <Box className={classes.empty}>
              <Loader size="sm" />
            </Box>
          )}
        </div>
      </div>
    </div>
  )
}
