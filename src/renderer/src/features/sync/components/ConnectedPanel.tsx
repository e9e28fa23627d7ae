import { useState } from 'react'
import { Alert, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatAbsolute, formatRelative, useDateLocale } from '../../../components/RelativeTime'
import type { Connection } from '../../../data/sync/meta'
import type { SyncStatus } from '../../../data/sync/sync-client'
import { usePendingCount } from '../hooks/use-sync'
import { getSyncRuntime } from '../sync-runtime'

function Fact({
  label,
  children,
  testId
}: {
  label: string
  children: React.ReactNode
  testId?: string
}): React.JSX.Element {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId} component="div">
        {children}
      </Text>
    </Stack>
  )
}

export function ConnectedPanel({
  connection,
  status
}: {
  connection: Connection
  status: SyncStatus | null
}): React.JSX.Element {
  const { t } = useTranslation('sync')
  const locale = useDateLocale()
  const pending = usePendingCount()
  const [confirm, setConfirm] = useState(false)
  const state = status?.state ?? 'syncing'
  return (
    <Paper withBorder p="md" maw={760} data-testid="sync-connected">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={5}>{t('connected.title')}</Title>
          <Badge color={{ online: 'teal', syncing: 'blue', offline: 'gray', error: 'red' }[state]} variant="light">
            {t(`state.${state}`)}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Fact label={t('connected.server')} testId="sync-server-url">
            {connection.serverUrl}
          </Fact>
          <Fact label={t('connected.account')}>{connection.email}</Fact>
          <Fact label={t('connected.since')}>{formatAbsolute(connection.connectedAt, locale)}</Fact>
          <Fact label={t('connected.lastSync')} testId="sync-last">
            {status?.lastSyncAt ? formatRelative(status.lastSyncAt, locale) : t('indicator.never')}
          </Fact>
          <Fact label={t('connected.pending')} testId="sync-pending">
            {t('common:pending', { count: pending })}
          </Fact>
          <Fact label={t('connected.status')}>{status?.live ? t('indicator.live') : t('indicator.polling')}</Fact>
        </SimpleGrid>
        {status?.lastError && (
          <Alert color={status.lastError.code === 'network' ? 'yellow' : 'red'} data-testid="sync-page-error">
            {t(`errors.${status.lastError.code}`, { message: status.lastError.message })}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" color="red" onClick={() => setConfirm(true)} data-testid="sync-disconnect">
            {t('connected.disconnect')}
          </Button>
          <Button
            variant="light"
            onClick={() => void getSyncRuntime().syncNow()}
            loading={state === 'syncing'}
            data-testid="sync-page-now"
          >
            {t('indicator.syncNow')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('connected.disconnectTitle')}>
        <Stack gap="sm">
          <Text size="sm">{t('connected.disconnectBody')}</Text>
          {pending > 0 && (
            <Alert color="orange" data-testid="disconnect-pending-warning">
              {t('connected.disconnectPending', { count: pending })}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirm(false)}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                setConfirm(false)
                void getSyncRuntime().disconnect()
              }}
              data-testid="sync-disconnect-confirm"
            >
              {t('connected.disconnect')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  )
}
