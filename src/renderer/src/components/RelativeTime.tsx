import { Text, Tooltip, type TextProps } from '@mantine/core'
import { format, formatDistanceToNow, type Locale } from 'date-fns'
import { enUS, zhCN } from 'date-fns/locale'
import { useTranslation } from 'react-i18next'

export function useDateLocale(): Locale {
  const { i18n } = useTranslation()
  return i18n.language === 'zh-CN' ? zhCN : enUS
}

/** "3 minutes ago" / "3 分钟前". */
export function formatRelative(iso: string, locale: Locale): string {
  return formatDistanceToNow(new Date(iso), { addSuffix: true, locale })
}

/** Date and time in the agent's locale ("Mar 4, 2026, 10:02 AM" / "2026年3月4日 10:02"). */
export function formatAbsolute(iso: string, locale: Locale): string {
  return format(new Date(iso), 'PPp', { locale })
}

export interface RelativeTimeProps extends TextProps {
  iso: string
  /** Show the absolute time beside the relative one instead of only in the tooltip. */
  withAbsolute?: boolean
}

export function RelativeTime({ iso, withAbsolute = false, ...rest }: RelativeTimeProps): React.JSX.Element {
  const locale = useDateLocale()
  const absolute = formatAbsolute(iso, locale)
  const relative = formatRelative(iso, locale)
  return (
    <Tooltip label={absolute} withArrow openDelay={300}>
      <Text component="time" dateTime={iso} size="xs" c="dimmed" {...rest}>
        {withAbsolute ? `${absolute} · ${relative}` : relative}
      </Text>
    </Tooltip>
  )
}
