import { Anchor, Badge, Button, Group, Popover, Progress, Stack, Text, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { useOnline } from '../../../app/use-online'
import { formatRelative, useDateLocale } from '../../../components/RelativeTime'
import type { SyncStatus } from '../../../data/sync/sync-client'
import { useConflictCount, usePendingCount, useSync } from '../hooks/use-sync'
import { getSyncRuntime } from '../sync-runtime'

const stateColor: Record<SyncStatus['state'], string> = {
  online: 'teal',
  syncing: 'blue',
  offline: 'gray',
  error: 'red'
}

/** 0–100 when the server's end is known, else null (the bar then only animates). */
export function progressPercent(progress: NonNullable<SyncStatus['progress']>): number | null {
  if (!progress.target) return null
  return Math.min(100, Math.round((progress.cursor / progress.target) * 100))
}

/** Header status: connection state, changes waiting, refused changes; details on click. */
export function SyncIndicator(): React.JSX.Element {
  const { t } = useTranslation('sync')
  const locale = useDateLocale()
  const browserOnline = useOnline()
  const { connection, status } = useSync()
  const pending = usePendingCount()
  const conflicts = useConflictCount()

  // Local-only: the network state is all there is to say; the outbox waits for a server.
  const state: SyncStatus['state'] | 'local' = connection ? (status?.state ?? 'syncing') : 'local'
  const label =
    state === 'local' || state === 'offline' || state === 'online'
      ? (state === 'local' ? browserOnline : state === 'online')
        ? t('common:onlineBadge')
        : t('common:offlineBadge')
      : t(`state.${state}`)
  const color = state === 'local' ? (browserOnline ? 'teal' : 'gray') : stateColor[state]
  const progress = status?.progress ?? null
  const percent = progress ? progressPercent(progress) : null

  return (
    <Group gap={6} wrap="nowrap" data-testid="sync-status" data-state={state}>
      <Popover position="bottom-end" withArrow shadow="md" width={340}>
        <Popover.Target>
          <UnstyledButton aria-label={t('indicator.label')} data-testid="sync-indicator">
            <Group gap={6} wrap="nowrap">
              <Badge color={color} variant={state === 'local' ? 'outline' : 'light'} data-testid="online-state">
                {label}
              </Badge>
              <Badge color={pending ? 'orange' : 'gray'} variant="outline" data-testid="outbox-count">
                {t('common:pending', { count: pending })}
              </Badge>
            </Group>
          </UnstyledButton>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs" data-testid="sync-details">
            {connection ? (
              <>
                <Text size="sm" fw={600}>
                  {t(`state.${state}`)}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('indicator.server', { url: connection.serverUrl })}
                </Text>
                <Text size="sm">
                  {status?.lastSyncAt
                    ? t('indicator.lastSync', { when: formatRelative(status.lastSyncAt, locale) })
                    : t('indicator.never')}
                </Text>
                <Text size="xs" c="dimmed">
                  {status?.live ? t('indicator.live') : t('indicator.polling')}
                </Text>
                {status?.lastError && (
                  <Text size="sm" c="red" data-testid="sync-error">
                    {t(`errors.${status.lastError.code}`, { message: status.lastError.message })}
                  </Text>
                )}
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => void getSyncRuntime().syncNow()}
                    data-testid="sync-now"
                  >
                    {t('indicator.syncNow')}
                  </Button>
                  <Anchor component={Link} href="/sync" size="sm">
                    {t('nav.server')}
                  </Anchor>
                </Group>
              </>
            ) : (
              <>
                <Text size="sm">{t('indicator.localOnly')}</Text>
                <Anchor component={Link} href="/sync" size="sm">
                  {t('connect.title')}
                </Anchor>
              </>
            )}
          </Stack>
        </Popover.Dropdown>
      </Popover>
      {conflicts > 0 && (
        <Badge
          component={Link}
          href="/conflicts"
          color="red"
          variant="filled"
          style={{ cursor: 'pointer' }}
          data-testid="conflicts-count"
        >
          {t('indicator.conflicts', { count: conflicts })}
        </Badge>
      )}
      {progress && (
        <Progress
          w={80}
          size="sm"
          value={percent ?? 100}
          animated={percent === null}
          striped={percent === null}
          aria-label={t('progress.title')}
          data-testid="header-sync-progress"
        />
      )}
    </Group>
  )
}
