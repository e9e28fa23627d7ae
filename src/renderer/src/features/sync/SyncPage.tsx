import { ScrollArea, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ConnectedPanel } from './components/ConnectedPanel'
import { ConnectForm } from './components/ConnectForm'
import { FirstSyncProgress } from './components/FirstSyncProgress'
import { useSync } from './hooks/use-sync'

/** `/sync`: connect this workstation to a desk server, or see how syncing goes. */
export function SyncPage(): React.JSX.Element {
  const { t } = useTranslation('sync')
  const { connection, status } = useSync()
  const sessionEnded = status?.lastError?.code === 'unauthorized'
  return (
    <ScrollArea h="100%">
      <Stack gap="md" pb="xl">
        <Stack gap={4}>
          <Title order={3}>{t('page.title')}</Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t('page.description')}
          </Text>
        </Stack>
        {status?.progress && <FirstSyncProgress progress={status.progress} />}
        {connection ? (
          <>
            <ConnectedPanel connection={connection} status={status} />
            {sessionEnded && (
              <ConnectForm
                key="relogin"
                title={t('connected.reloginTitle', { url: connection.serverUrl })}
                initial={{ serverUrl: connection.serverUrl, email: connection.email }}
              />
            )}
          </>
        ) : (
          <ConnectForm offerLocalOnly />
        )}
      </Stack>
    </ScrollArea>
  )
}
