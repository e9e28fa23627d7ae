import { Box, ScrollArea, Tabs, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useLocation, useParams } from 'wouter'
import { AppearanceTab } from './components/AppearanceTab'
import { CategoriesTab } from './components/CategoriesTab'
import { DemoTab } from './components/DemoTab'
import { PriorityTab } from './components/PriorityTab'
import { ProfileTab } from './components/ProfileTab'
import { RoutingTab } from './components/RoutingTab'
import { ServicesTab } from './components/ServicesTab'
import { TeamsTab } from './components/TeamsTab'

export const settingsTabs = [
  'profile',
  'appearance',
  'teams',
  'categories',
  'routing',
  'priority',
  'services',
  'demo'
] as const
export type SettingsTab = (typeof settingsTabs)[number]

const panels: Record<SettingsTab, () => React.JSX.Element> = {
  profile: ProfileTab,
  appearance: AppearanceTab,
  teams: TeamsTab,
  categories: CategoriesTab,
  routing: RoutingTab,
  priority: PriorityTab,
  services: ServicesTab,
  demo: DemoTab
}

/** `/settings/<tab>`: the tab lives in the URL so the palette and e2e tests can open it directly. */
export function SettingsPage(): React.JSX.Element {
  const { t } = useTranslation('settings')
  const params = useParams<{ tab?: string }>()
  const [, navigate] = useLocation()
  const tab: SettingsTab = settingsTabs.find((x) => x === params.tab) ?? 'profile'
  const Panel = panels[tab]
  return (
    <Box style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }} data-testid="settings-page">
      <Title order={3} mb="sm">
        {t('title')}
      </Title>
      <Tabs
        orientation="vertical"
        value={tab}
        onChange={(v) => v && navigate(`/settings/${v}`, { replace: true })}
        keepMounted={false}
        styles={{ tabLabel: { textAlign: 'start' } }}
        style={{ flex: 1, minHeight: 0 }}
      >
        <Tabs.List miw={180}>
          {settingsTabs.map((id) => (
            <Tabs.Tab key={id} value={id} data-testid={`settings-tab-${id}`}>
              {t(`tabs.${id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={tab} style={{ minHeight: 0, display: 'flex' }}>
          <ScrollArea style={{ flex: 1 }} offsetScrollbars>
            <Box pl="lg" pb="lg" pr="xs">
              <Panel />
            </Box>
          </ScrollArea>
        </Tabs.Panel>
      </Tabs>
    </Box>
  )
}
