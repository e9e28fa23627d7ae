import { useState } from 'react'
import { Alert, Button, Group, NumberInput, Paper, Progress, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { getDb } from '../../../data/database'
import { ingestDemoTickets, seedReferenceData } from '../../../data/demo'
import { useProfile } from '../../../data/reference'
import { SectionHeader } from './SectionHeader'

const maxTickets = 100_000

type Phase = { kind: 'idle' } | { kind: 'reference' } | { kind: 'tickets'; done: number; total: number }

export function DemoTab(): React.JSX.Element {
  const { t, i18n } = useTranslation('settings')
  const profile = useProfile()
  const [count, setCount] = useState<number | string>(2_000)
  const [error, setError] = useState<string | null>(null)
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' })
  const busy = phase.kind !== 'idle'
  const fmt = new Intl.NumberFormat(i18n.language)

  const load = async (): Promise<void> => {
    const n = typeof count === 'number' ? count : Number.NaN
    if (!Number.isInteger(n) || n < 1 || n > maxTickets) {
      setError(t('demo.countHint'))
      return
    }
    if (!profile) return
    setError(null)
    setPhase({ kind: 'reference' })
    try {
      const db = getDb()
      await seedReferenceData(db, profile.agentId)
      setPhase({ kind: 'tickets', done: 0, total: n })
      // A fresh seed each time: loading twice adds more tickets instead of regenerating the same ones.
      const { ms } = await ingestDemoTickets(db, {
        count: n,
        seed: Date.now() % 2_147_483_647,
        onProgress: (done, total) => setPhase({ kind: 'tickets', done, total })
      })
      notifications.show({
        color: 'teal',
        title: t('demo.title'),
        message: t('demo.done', { tickets: fmt.format(n), seconds: (ms / 1000).toFixed(1) })
      })
    } catch (e) {
      notifications.show({
        color: 'red',
        title: t('demo.title'),
        message: t('demo.failed', { message: (e as Error).message })
      })
    } finally {
      setPhase({ kind: 'idle' })
    }
  }

  const percent = phase.kind === 'tickets' && phase.total ? (phase.done / phase.total) * 100 : 0

  return (
    <Stack gap="md">
      <SectionHeader title={t('demo.title')} />
      <Paper withBorder p="md" maw={760}>
        <Stack gap="md">
          <Alert color="yellow" variant="light" p="sm">
            <Text size="sm">{t('demo.description')}</Text>
          </Alert>
          <Group align="flex-start" gap="sm">
            <NumberInput
              label={t('demo.count')}
              description={t('demo.countHint')}
              value={count}
              onChange={(v) => {
                setCount(v)
                setError(null)
              }}
              min={1}
              max={maxTickets}
              step={1000}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              clampBehavior="strict"
              error={error}
              disabled={busy}
              w={280}
              data-testid="demo-count"
            />
          </Group>
          <Group>
            <Button onClick={() => void load()} loading={busy} disabled={!profile} data-testid="demo-load">
              {t('demo.load')}
            </Button>
          </Group>
          {busy && (
            <Stack gap={4} data-testid="demo-progress-block">
              <Progress
                value={phase.kind === 'reference' ? 100 : percent}
                striped
                animated
                size="lg"
                aria-label={t('demo.load')}
                data-testid="demo-progress"
                color={phase.kind === 'reference' ? 'gray' : undefined}
              />
              <Text size="xs" c="dimmed" data-testid="demo-progress-label">
                {phase.kind === 'reference'
                  ? t('demo.reference')
                  : t('demo.progress', { done: fmt.format(phase.done), total: fmt.format(phase.total) })}
              </Text>
            </Stack>
          )}
        </Stack>
      </Paper>
    </Stack>
  )
}
