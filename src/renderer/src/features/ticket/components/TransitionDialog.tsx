import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core'
import { getHotkeyHandler } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { pendingReasons, resolutionCodes, type Ticket, type TicketStatus } from '@shared/ticket/model'
import { transitionNeeds } from '@shared/ticket/state-machine'
import { useFieldError } from '../../../components/field-errors'
import { StatusBadge } from '../../../components/StatusBadge'
import { useCommand } from '../../../components/use-command'
import {
  buildTransitionArgs,
  emptyTransitionInputs,
  validateTransition,
  type TransitionInputs
} from '../transition-form'

export interface TransitionDialogProps {
  ticket: Ticket
  /** The status the ticket had when the agent chose the action: the command is checked against it. */
  from: TicketStatus
  to: TicketStatus
  onClose(): void
}

/** Asks for exactly what `transitionNeeds` says, then runs `ticket.transition`. */
export function TransitionDialog({ ticket, from, to, onClose }: TransitionDialogProps): React.JSX.Element {
  const { t } = useTranslation('ticket')
  const cmd = useCommand()
  const err = useFieldError(cmd.issues)
  const [input, setInput] = useState<TransitionInputs>(emptyTransitionInputs)
  const needs = transitionNeeds(from, to)
  const set = (patch: Partial<TransitionInputs>): void => {
    setInput((s) => ({ ...s, ...patch }))
    const next = { ...cmd.issues }
    for (const k of Object.keys(patch)) delete next[k]
    cmd.setIssues(next)
  }

  const confirm = async (): Promise<void> => {
    if (cmd.busy) return
    const args = buildTransitionArgs(ticket.id, from, to, input)
    const problems = validateTransition(ticket.status, args)
    if (Object.keys(problems).length) {
      cmd.setIssues(problems)
      return
    }
    if (await cmd.run('ticket.transition', args)) {
      notifications.show({
        color: 'teal',
        message: t('transition.done', { number: ticket.number, status: t(`common:status.${to}`) }),
        autoClose: 3000
      })
      onClose()
    }
  }

  const general = err('from', 'to', 'ticketId')
  const reasonLabel =
    to === 'cancelled'
      ? t('transition.reasonCancel')
      : from === 'resolved'
        ? t('transition.reasonReopen')
        : t('transition.reason')
  const firstField = needs.pendingReason ? 'pending' : needs.resolution ? 'code' : needs.reason ? 'reason' : 'confirm'

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        <Group gap="xs">
          <Text fw={600}>{ticket.number}</Text>
          <StatusBadge status={from} />
          <Text>→</Text>
          <StatusBadge status={to} />
        </Group>
      }
      data-testid="transition-dialog"
    >
      <Stack gap="sm" onKeyDown={getHotkeyHandler([['mod+Enter', () => void confirm()]])}>
        {needs.pendingReason && (
          <Select
            data-autofocus={firstField === 'pending' || undefined}
            required
            label={t('transition.pendingReason')}
            data={pendingReasons.map((r) => ({ value: r, label: t(`common:pendingReason.${r}`) }))}
            value={input.pendingReason || null}
            onChange={(v) => set({ pendingReason: v ?? '' })}
            error={err('pendingReason')}
            data-testid="pending-reason"
            allowDeselect={false}
          />
        )}
        {needs.resolution && (
          <>
            <Select
              data-autofocus={firstField === 'code' || undefined}
              required
              label={t('transition.resolutionCode')}
              data={resolutionCodes.map((c) => ({ value: c, label: t(`common:resolutionCode.${c}`) }))}
              value={input.resolutionCode || null}
              onChange={(v) => set({ resolutionCode: v ?? '' })}
              error={err('resolutionCode')}
              data-testid="resolution-code"
              allowDeselect={false}
            />
            <Textarea
              required
              autosize
              minRows={3}
              label={t('transition.resolutionNotes')}
              placeholder={t('transition.resolutionNotesPlaceholder')}
              value={input.resolutionNotes}
              onChange={(e) => set({ resolutionNotes: e.currentTarget.value })}
              error={err('resolutionNotes')}
              data-testid="resolution-notes"
            />
          </>
        )}
        {!needs.resolution && (
          <Textarea
            data-autofocus={firstField === 'reason' || undefined}
            required={needs.reason}
            autosize
            minRows={2}
            label={needs.reason ? reasonLabel : t('transition.note')}
            value={input.reason}
            onChange={(e) => set({ reason: e.currentTarget.value })}
            error={err('reason')}
            data-testid="reason"
          />
        )}
        {general && (
          <Text c="red" size="sm" role="alert" data-testid="transition-error">
            {general}
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            data-autofocus={firstField === 'confirm' || undefined}
            onClick={() => void confirm()}
            loading={cmd.busy}
            disabled={!cmd.ready}
            data-testid="transition-confirm"
          >
            {t('transition.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
