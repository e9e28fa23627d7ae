import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { newId } from '@shared/ids'
import type { TicketEvent } from '@shared/ticket/model'
import { useFieldError } from '../../../components/field-errors'
import { useCommand } from '../../../components/use-command'
import { useComposerDraft, useTicketUi } from '../store'

/** 95 → "1 h 35 min". */
export function formatDuration(t: TFunction, minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h === 0) return t('ticket:duration.minutes', { m })
  if (m === 0) return t('ticket:duration.hours', { h })
  return t('ticket:duration.hoursMinutes', { h, m })
}

export function totalMinutes(events: readonly TicketEvent[]): number {
  return events.reduce((sum, e) => sum + (e.type === 'worklog' ? e.minutes : 0), 0)
}

/** Time spent (minutes + note) → `worklog.add`, with the running total. */
export function WorklogPanel({
  ticketId,
  events
}: {
  ticketId: string
  events: readonly TicketEvent[]
}): React.JSX.Element {
  const { t } = useTranslation('ticket')
  const draft = useComposerDraft(ticketId)
  const updateDraft = useTicketUi((s) => s.updateDraft)
  const clearDraft = useTicketUi((s) => s.clearDraft)
  const cmd = useCommand()
  const err = useFieldError(cmd.issues)
  const total = totalMinutes(events)

  const add = async (): Promise<void> => {
    if (cmd.busy) return
    const text = draft.minutes.trim()
    // Anything that is not a number goes to the schema as NaN, which it refuses with a field error.
    const minutes = text === '' ? Number.NaN : Number(text)
    if (await cmd.run('worklog.add', { id: newId(), ticketId, minutes, note: draft.note }))
      clearDraft(ticketId, ['minutes', 'note'])
  }
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key === 'Enter') {
      e.preventDefault()
      void add()
    }
  }

  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={6}>{t('worklog.title')}</Title>
          <Text size="sm" fw={500} data-testid="worklog-total" data-minutes={total}>
            {total ? t('worklog.total', { time: formatDuration(t, total) }) : t('worklog.none')}
          </Text>
        </Group>
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            size="xs"
            w={90}
            inputMode="numeric"
            label={t('worklog.minutes')}
            value={draft.minutes}
            onChange={(e) => updateDraft(ticketId, { minutes: e.currentTarget.value })}
            onKeyDown={onKeyDown}
            error={err('minutes')}
            data-testid="worklog-minutes"
          />
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            label={t('worklog.note')}
            value={draft.note}
            onChange={(e) => updateDraft(ticketId, { note: e.currentTarget.value })}
            onKeyDown={onKeyDown}
            error={err('note')}
            data-testid="worklog-note"
          />
        </Group>
        <Group justify="flex-end">
          <Button
            size="xs"
            variant="light"
            onClick={() => void add()}
            loading={cmd.busy}
            disabled={!cmd.ready}
            data-testid="worklog-submit"
          >
            {t('worklog.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
