import { memo } from 'react'
import { Badge } from '@mantine/core'
import { format, formatDistanceToNowStrict } from 'date-fns'
import { enUS, zhCN } from 'date-fns/locale'
import type { Priority, TicketStatus } from '@shared/ticket/model'
import { priorityColor, statusColor } from '../../../app/theme'

/**
 * Light-weight cells: a grid page renders a few hundred of them on every scroll, so no tooltips
 * or popovers per cell (the absolute time is the native title).
 */
export const PriorityCell = memo(function PriorityCell({ priority, label }: { priority: Priority; label: string }) {
  return (
    <Badge size="sm" radius="sm" color={priorityColor[priority]} variant={priority === 'P4' ? 'light' : 'filled'} title={label} data-priority={priority} miw={30}>
      {priority}
    </Badge>
  )
})

export const StatusCell = memo(function StatusCell({ status, label }: { status: TicketStatus; label: string }) {
  return (
    <Badge size="sm" radius="sm" color={statusColor[status]} variant="light" data-status={status} tt="none" fw={600} maw="100%" styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}>
      {label}
    </Badge>
  )
})

export function UpdatedCell({ iso, language }: { iso: string; language: string }): React.JSX.Element {
  const date = new Date(iso)
  const locale = language === 'zh-CN' ? zhCN : enUS
  return (
    <span title={format(date, 'PPpp', { locale })}>{formatDistanceToNowStrict(date, { addSuffix: true, locale })}</span>
  )
}
