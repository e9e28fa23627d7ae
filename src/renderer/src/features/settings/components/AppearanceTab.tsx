import { Paper, SegmentedControl, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { usePrefs, type LanguagePref, type ThemePref } from '../../../app/prefs-store'
import { SectionHeader } from './SectionHeader'

const languagePrefs: LanguagePref[] = ['en', 'zh-CN', 'system']
const themePrefs: ThemePref[] = ['light', 'dark', 'system']

/** Workstation preferences: UI state in the prefs store, applied live by App's PrefsBridge. */
export function AppearanceTab(): React.JSX.Element {
  const { t } = useTranslation('settings')
  const language = usePrefs((s) => s.language)
  const theme = usePrefs((s) => s.theme)
  const setLanguage = usePrefs((s) => s.setLanguage)
  const setTheme = usePrefs((s) => s.setTheme)
  return (
    <Stack gap="md">
      <SectionHeader title={t('tabs.appearance')} />
      <Paper withBorder p="md" maw={760}>
        <Stack gap="lg">
          <Stack gap={6}>
            <Text fw={500} size="sm" id="settings-language-label">
              {t('appearance.language')}
            </Text>
            <SegmentedControl
              aria-labelledby="settings-language-label"
              data-testid="settings-language"
              value={language}
              onChange={(v) => setLanguage(v)}
              data={languagePrefs.map((l) => ({ value: l, label: t(`common:language.${l}`) }))}
              maw={420}
            />
            <Text size="xs" c="dimmed">
              {t('appearance.languageHint')}
            </Text>
          </Stack>
          <Stack gap={6}>
            <Text fw={500} size="sm" id="settings-theme-label">
              {t('appearance.theme')}
            </Text>
            <SegmentedControl
              aria-labelledby="settings-theme-label"
              data-testid="settings-theme"
              value={theme}
              onChange={(v) => setTheme(v)}
              data={themePrefs.map((v) => ({ value: v, label: t(`common:theme.${v}`) }))}
              maw={420}
            />
            <Text size="xs" c="dimmed">
              {t('appearance.themeHint')}
            </Text>
          </Stack>
        </Stack>
      </Paper>
    </Stack>
  )
}
