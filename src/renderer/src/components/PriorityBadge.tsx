import { Badge, Tooltip, type BadgeProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Priority } from '@shared/ticket/model'
import { priorityColor } from '../app/theme'

export interface PriorityBadgeProps extends Omit<BadgeProps, 'color' | 'children'> {
  priority: Priority
  /** Set by hand rather than by the impact × urgency matrix. */
  overridden?: boolean
  'data-testid'?: string
}

/** "P2" in the desk's priority colour; the long label ("High") is the tooltip. */
export function PriorityBadge({ priority, overridden = false, ...rest }: PriorityBadgeProps): React.JSX.Element {
  const { t } = useTranslation()
  const label = t(`common:priority.${priority}`) + (overridden ? ` · ${t('components:priority.overridden')}` : '')
  return (
    <Tooltip label={label} withArrow>
      <Badge
        color={priorityColor[priority]}
        variant={priority === 'P4' ? 'light' : 'filled'}
        data-priority={priority}
        data-overridden={overridden || undefined}
        aria-label={label}
        {...rest}
      >
        {priority}
      </Badge>
    </Tooltip>
  )
}
