import { useEffect } from 'react'
import { AppShell, Badge, Group, NavLink, Stack, Text, Title } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { Link, Route, Switch, useLocation } from 'wouter'
import { useMe } from '../data/reference'
import { IntakePage } from '../features/intake/IntakePage'
import { QueuePage } from '../features/queue/QueuePage'
import { CommandPalette, PaletteTrigger } from '../features/palette/CommandPalette'
import { QuickPrefs } from '../features/settings/components/QuickPrefs'
import { SettingsPage } from '../features/settings/SettingsPage'
import { TicketPage } from '../features/ticket/TicketPage'
import { ConflictsPage } from '../features/sync/ConflictsPage'
import { SyncIndicator } from '../features/sync/components/SyncIndicator'
import { useConflictCount } from '../features/sync/hooks/use-sync'
import { SyncPage } from '../features/sync/SyncPage'
import { getSyncRuntime } from '../features/sync/sync-runtime'

/** Starts the sync client once the console is up (no-op in local-only mode). */
function SyncBridge(): null {
  useEffect(() => void getSyncRuntime().start(), [])
  return null
}

export function Shell(): React.JSX.Element {
  const { t } = useTranslation()
  const [location, navigate] = useLocation()
  const me = useMe()
  const conflicts = useConflictCount()
  useHotkeys([
    ['n', () => navigate('/tickets/new')],
    ['mod+,', () => navigate('/settings')]
  ])
  const nav = [
    { to: '/', label: t('nav.queue'), active: location === '/' },
    { to: '/tickets/new', label: t('nav.newTicket'), active: location === '/tickets/new' },
    { to: '/conflicts', label: t('sync:nav.conflicts'), active: location === '/conflicts', count: conflicts },
    { to: '/sync', label: t('sync:nav.server'), active: location === '/sync' },
    { to: '/settings', label: t('nav.settings'), active: location.startsWith('/settings') }
  ]
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 200, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Title order={4}>{t('appName')}</Title>
          <Group gap="md" wrap="nowrap">
            <PaletteTrigger />
            <SyncIndicator />
            {me && (
              <Text size="sm" c="dimmed" data-testid="current-agent">
                {me.name} · {t(`tier.${me.tier}`)}
              </Text>
            )}
            <QuickPrefs />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Stack gap={2} component="nav">
          {nav.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              href={item.to}
              label={item.label}
              active={item.active}
              data-testid={`nav-${item.to.slice(1) || 'queue'}`}
              rightSection={
                item.count ? (
                  <Badge size="xs" color="red" variant="filled" circle={item.count < 10}>
                    {item.count}
                  </Badge>
                ) : undefined
              }
            />
          ))}
        </Stack>
        <Text size="xs" c="dimmed" mt="auto" p="xs">
          {t('shortcuts')}
        </Text>
      </AppShell.Navbar>
      <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
        <Switch>
          <Route path="/" component={QueuePage} />
          <Route path="/tickets/new" component={IntakePage} />
          <Route path="/tickets/:id">{(params) => <TicketPage ticketId={params.id} />}</Route>
          <Route path="/settings/:tab?" component={SettingsPage} />
          <Route path="/sync" component={SyncPage} />
          <Route path="/conflicts" component={ConflictsPage} />
          <Route>
            <QueuePage />
          </Route>
        </Switch>
      </AppShell.Main>
      <CommandPalette />
      <SyncBridge />
    </AppShell>
  )
}
