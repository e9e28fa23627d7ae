import { ActionIcon, Button, Checkbox, Group, Popover, ScrollArea, Stack, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { categories, priorities, ticketKinds, ticketStatuses } from '@shared/ticket/model'
import type { QueueFilters, SortColumn } from '../../../data/queue-query'
import { useQueueStore } from '../store'

type ListKey = 'kind' | 'priority' | 'status' | 'category' | 'teamId' | 'assigneeId'

const listFor: Partial<Record<SortColumn, ListKey>> = {
  kind: 'kind',
  priority: 'priority',
  status: 'status',
  category: 'category',
  team: 'teamId',
  assignee: 'assigneeId'
}

/** YYYY-MM-DD (local) ↔ ISO instant at the start / end of that local day. */
function dayToIso(day: string, end: boolean): string | null {
  if (!day) return null
  const d = new Date(`${day}T00:00:00`)
  if (Number.isNaN(d.getTime())) return null
  if (end) d.setHours(23, 59, 59, 999)
  return d.toISOString()
}

function isoToDay(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

function isActive(f: QueueFilters, column: SortColumn): boolean {
  const list = listFor[column]
  if (list) return f[list].length > 0
  if (column === 'title') return !!f.title.trim()
  if (column === 'requester') return !!f.requester.trim()
  if (column === 'updated') return !!(f.updatedFrom || f.updatedTo)
  return false
}

function FunnelIcon(): React.JSX.Element {
  return (
    <svg width="12" height="12" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" aria-hidden>
      <path d="M3 5h18l-7 8v6l-4 2v-8z" strokeLinejoin="round" />
    </svg>
  )
}

/** The funnel in a column header: multi-select for lists, "contains" for text, a day range for dates. */
export function ColumnFilter({
  column,
  teamNames,
  agentNames
}: {
  column: SortColumn
  teamNames: ReadonlyMap<string, string>
  agentNames: ReadonlyMap<string, string>
}): React.JSX.Element | null {
  const { t } = useTranslation('queue')
  const filters = useQueueStore((s) => s.filters)
  const setFilter = useQueueStore((s) => s.setFilter)
  if (column === 'number') return null
  const list = listFor[column]
  const active = isActive(filters, column)
  const label = t('filter.button', { column: t(`columns.${column}`) })

  let options: { value: string; label: string }[] = []
  if (list === 'kind') options = ticketKinds.map((v) => ({ value: v, label: t(`common:kind.${v}`) }))
  if (list === 'priority') options = priorities.map((v) => ({ value: v, label: t(`common:priority.${v}`) }))
  if (list === 'status') options = ticketStatuses.map((v) => ({ value: v, label: t(`common:status.${v}`) }))
  if (list === 'category') options = categories.map((v) => ({ value: v, label: t(`common:category.${v}`) }))
  if (list === 'teamId')
    options = [...[...teamNames].map(([value, name]) => ({ value, label: name })), { value: '', label: t('filter.noTeam') }]
  if (list === 'assigneeId')
    options = [...[...agentNames].map(([value, name]) => ({ value, label: name })), { value: '', label: t('common:unassigned') }]

  return (
    <Popover position="bottom-start" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <ActionIcon
          size="sm"
          variant={active ? 'light' : 'subtle'}
          color={active ? undefined : 'gray'}
          aria-label={label}
          title={label}
          data-testid={`queue-filter-${column}`}
          data-active={active || undefined}
        >
          <FunnelIcon />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p="xs" miw={220}>
        {list ? (
          <Stack gap={6}>
            <ScrollArea.Autosize mah={280} type="auto">
              <Checkbox.Group value={filters[list]} onChange={(v) => setFilter(list, v as never)} aria-label={label}>
                <Stack gap={6} pr="xs">
                  {options.map((o) => (
                    <Checkbox key={o.value || 'none'} size="xs" value={o.value} label={o.label} />
                  ))}
                </Stack>
              </Checkbox.Group>
            </ScrollArea.Autosize>
            <Group justify="flex-end">
              <Button size="compact-xs" variant="subtle" disabled={!active} onClick={() => setFilter(list, [])}>
                {t('filter.clear')}
              </Button>
            </Group>
          </Stack>
        ) : column === 'updated' ? (
          <Stack gap={6}>
            <TextInput
              type="date"
              size="xs"
              label={t('filter.from')}
              value={isoToDay(filters.updatedFrom)}
              onChange={(e) => setFilter('updatedFrom', dayToIso(e.currentTarget.value, false))}
              data-testid="queue-filter-updated-from"
            />
            <TextInput
              type="date"
              size="xs"
              label={t('filter.to')}
              value={isoToDay(filters.updatedTo)}
              onChange={(e) => setFilter('updatedTo', dayToIso(e.currentTarget.value, true))}
              data-testid="queue-filter-updated-to"
            />
            <Group justify="flex-end">
              <Button
                size="compact-xs"
                variant="subtle"
                disabled={!active}
                onClick={() => {
                  setFilter('updatedFrom', null)
                  setFilter('updatedTo', null)
                }}
              >
                {t('filter.clear')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <TextInput
            size="xs"
            placeholder={t('filter.contains')}
            aria-label={label}
            value={column === 'title' ? filters.title : filters.requester}
            onChange={(e) => setFilter(column === 'title' ? 'title' : 'requester', e.currentTarget.value)}
            data-testid={`queue-filter-${column}-input`}
            data-autofocus
          />
        )}
      </Popover.Dropdown>
    </Popover>
  )
}
