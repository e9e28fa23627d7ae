import classes from './internal-note.module.css'
import { Button, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core'
import { getHotkeyHandler } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { newId } from '@shared/ids'
import { useFieldError } from '../../../components/field-errors'
import { useCommand } from '../../../components/use-command'
import { useComposerDraft, useTicketUi } from '../store'

/** Public reply or internal note → `comment.add`; the unsent text is kept per ticket. */
export function CommentComposer({ ticketId }: { ticketId: string }): React.JSX.Element {
  const { t } = useTranslation('ticket')
  const draft = useComposerDraft(ticketId)
  const updateDraft = useTicketUi((s) => s.updateDraft)
  const clearDraft = useTicketUi((s) => s.clearDraft)
  const cmd = useCommand()
  const err = useFieldError(cmd.issues)
  const internal = draft.visibility === 'internal'

  const send = async (): Promise<void> => {
    if (cmd.busy) return
    if (await cmd.run('comment.add', { id: newId(), ticketId, visibility: draft.visibility, body: draft.body }))
      clearDraft(ticketId, ['body'])
  }

  return (
    <Paper
      withBorder
      p="sm"
      data-testid="comment-composer"
      data-visibility={draft.visibility}
      className={internal ? classes.internal : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <SegmentedControl
            size="xs"
            aria-label={t('comment.visibility')}
            value={draft.visibility}
            onChange={(v) => updateDraft(ticketId, { visibility: v })}
            data={(['internal', 'public'] as const).map((v) => ({
              value: v,
              label: <span data-testid={`comment-visibility-${v}`}>{t(`common:visibility.${v}`)}</span>
            }))}
          />
          <Text size="xs" c="dimmed">
            {t('comment.hint')}
          </Text>
        </Group>
        <Textarea
          autosize
          minRows={3}
          maxRows={14}
          aria-label={t('comment.title')}
          placeholder={internal ? t('comment.placeholderInternal') : t('comment.placeholderPublic')}
          value={draft.body}
          onChange={(e) => {
            updateDraft(ticketId, { body: e.currentTarget.value })
            if (cmd.issues.body) cmd.setIssues({})
          }}
          onKeyDown={getHotkeyHandler([['mod+Enter', () => void send()]])}
          error={err('body')}
          data-testid="comment-body"
        />
        <Group justify="flex-end">
          <Button
            size="xs"
            color={internal ? 'yellow' : 'indigo'}
            onClick={() => void send()}
            loading={cmd.busy}
            disabled={!cmd.ready}
            data-testid="comment-submit"
          >
            {internal ? t('comment.sendInternal') : t('comment.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
