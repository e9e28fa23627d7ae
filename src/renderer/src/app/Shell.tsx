import { AppShell, Badge, Group, NavLink, Stack, Text, Title, Tooltip } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { Link, Route, Switch, useLocation } from 'wouter'
import { useMe, useOutboxCount } from '../data/reference'
import { IntakePage } from '../features/intake/IntakePage'
import { QueuePage } from '../features/queue/QueuePage'
import { CommandPalette, PaletteTrigger } from '../features/palette/CommandPalette'
import { QuickPrefs } from '../features/settings/components/QuickPrefs'
import { SettingsPage } from '../features/settings/SettingsPage'
import { TicketPage } from '../features/ticket/TicketPage'
import { useOnline } from './use-online'

function StatusBar(): React.JSX.Element {
  const { t } = useTranslation()
  const online = useOnline()
  const pending = useOutboxCount()
  return (
    <Group gap="xs" data-testid="sync-status">
      <Badge color={online ? 'teal' : 'gray'} variant="light" data-testid="online-state">
        {online ? t('onlineBadge') : t('offlineBadge')}
      </Badge>
      <Tooltip label={t('localOnly')}>
        <Badge color={pending ? 'orange' : 'gray'} variant="outline" data-testid="outbox-count">
          {t('pending', { count: pending })}
        </Badge>
      </Tooltip>
    </Group>
  )
}

export function Shell(): React.JSX.Element {
  const { t } = useTranslation()
  const [location, navigate] = useLocation()
  const me = useMe()
  useHotkeys([
    ['n', () => navigate('/tickets/new')],
    ['mod+,', () => navigate('/settings')]
  ])
  const nav = [
    { to: '/', label: t('nav.queue'), active: location === '/' },
    { to: '/tickets/new', label: t('nav.newTicket'), active: location === '/tickets/new' },
    { to: '/settings', label: t('nav.settings'), active: location.startsWith('/settings') }
  ]
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 200, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Title order={4}>{t('appName')}</Title>
          <Group gap="md" wrap="nowrap">
            <PaletteTrigger />
            <StatusBar />
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
            <NavLink key={item.to} component={Link} href={item.to} label={item.label} active={item.active} />
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
          <Route>
            <QueuePage />
          </Route>
        </Switch>
      </AppShell.Main>
      <CommandPalette />
    </AppShell>
  )
}
