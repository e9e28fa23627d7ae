import { ActionIcon, Button, Group, Tooltip, useComputedColorScheme } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { usePrefs } from '../../../app/prefs-store'

function SunIcon(): React.JSX.Element {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </svg>
  )
}

function MoonIcon(): React.JSX.Element {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8Z" />
    </svg>
  )
}

/** Header quick switches: the other language and the other colour scheme, one click each. */
export function QuickPrefs(): React.JSX.Element {
  const { t, i18n } = useTranslation('settings')
  const scheme = useComputedColorScheme('light')
  const setTheme = usePrefs((s) => s.setTheme)
  const setLanguage = usePrefs((s) => s.setLanguage)
  const other = i18n.language === 'zh-CN' ? 'en' : 'zh-CN'
  const otherScheme = scheme === 'dark' ? 'light' : 'dark'
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={`${t('appearance.language')}: ${t(`common:language.${other}`)}`}>
        <Button
          size="compact-sm"
          variant="subtle"
          color="gray"
          onClick={() => setLanguage(other)}
          data-testid="quick-language"
          lang={other}
        >
          {other === 'zh-CN' ? '中文' : 'EN'}
        </Button>
      </Tooltip>
      <Tooltip label={`${t('appearance.theme')}: ${t(`common:theme.${otherScheme}`)}`}>
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={() => setTheme(otherScheme)}
          aria-label={`${t('appearance.theme')}: ${t(`common:theme.${otherScheme}`)}`}
          data-testid="quick-theme"
        >
          {scheme === 'dark' ? <SunIcon /> : <MoonIcon />}
        </ActionIcon>
      </Tooltip>
    </Group>
  )
}
