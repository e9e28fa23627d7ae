import { Group, Paper, Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SyncProgress } from '../../../data/sync/sync-client'
import { progressPercent } from './SyncIndicator'

/** The first sync of a large desk takes a while: show how far it is. */
export function FirstSyncProgress({ progress }: { progress: SyncProgress }): React.JSX.Element {
  const { t } = useTranslation('sync')
  const percent = progressPercent(progress)
  return (
    <Paper withBorder p="md" data-testid="first-sync-progress">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('progress.title')}</Text>
          <Text size="sm" c="dimmed" data-testid="first-sync-rows">
            {t('progress.rows', { count: progress.rows })}
            {percent !== null && ` · ${t('progress.ofTarget', { percent })}`}
          </Text>
        </Group>
        <Progress
          value={percent ?? 100}
          animated
          striped={percent === null}
          size="lg"
          aria-label={t('progress.title')}
        />
      </Stack>
    </Paper>
  )
}
