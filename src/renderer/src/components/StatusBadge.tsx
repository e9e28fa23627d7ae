import { Badge, type BadgeProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PendingReason, TicketStatus } from '@shared/ticket/model'
import { statusColor } from '../app/theme'

export interface StatusBadgeProps extends Omit<BadgeProps, 'color' | 'children'> {
  status: TicketStatus
  /** Shown after the status while pending ("Pending · Awaiting vendor"). */
  pendingReason?: PendingReason | null
  'data-testid'?: string
}

export function StatusBadge({ status, pendingReason, ...rest }: StatusBadgeProps): React.JSX.Element {
  const { t } = useTranslation()
  const reason = status === 'pending' && pendingReason ? ` · ${t(`common:pendingReason.${pendingReason}`)}` : ''
  return (
    <Badge color={statusColor[status]} variant="light" data-status={status} {...rest}>
      {t(`common:status.${status}`)}
      {reason}
    </Badge>
  )
}
