import { Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { computePriority } from '@shared/config/model'
import type { EditableFields } from '@shared/ticket/commands'
import type { Priority, Ticket } from '@shared/ticket/model'
import { ContactSummary } from '../../../components/ContactCard'
import { ContactPicker } from '../../../components/ContactPicker'
import {
  CategorySelect,
  ChannelSelect,
  LevelSelect,
  PrioritySelect,
  ServiceSelect,
  SubcategorySelect
} from '../../../components/DeskSelects'
import { useFieldError } from '../../../components/field-errors'
import { PriorityBadge } from '../../../components/PriorityBadge'
import { useContact } from '../../../components/use-contact-search'
import { useCommand, type CommandRunner } from '../../../components/use-command'
import { useDeskConfig, useServices } from '../../../data/reference'

function OverrideDialog({
  ticket,
  cmd,
  onClose
}: {
  ticket: Ticket
  cmd: CommandRunner
  onClose(): void
}): React.JSX.Element {
  const { t } = useTranslation('ticket')
  const err = useFieldError(cmd.issues)
  const [priority, setPriority] = useState<Priority | ''>(ticket.priorityOverride?.priority ?? '')
  const [reason, setReason] = useState(ticket.priorityOverride?.reason ?? '')
  const confirm = async (): Promise<void> => {
    const fields = { priorityOverride: { priority: priority || undefined, reason } }
    if (await cmd.run('ticket.setFields', { ticketId: ticket.id, fields })) onClose()
  }
  return (
    <Modal opened onClose={onClose} title={t('fields.overrideTitle')} data-testid="override-dialog">
      <Stack gap="sm">
        <PrioritySelect
          data-autofocus
          required
          label={t('fields.overridePriority')}
          value={priority}
          onChange={setPriority}
          error={err('priorityOverride.priority')}
          data-testid="override-priority"
        />
        <TextInput
          required
          label={t('fields.overrideReason')}
          placeholder={t('fields.overrideReasonPlaceholder')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && void confirm()}
          error={err('priorityOverride.reason', 'priorityOverride')}
          data-testid="override-reason"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button onClick={() => void confirm()} loading={cmd.busy} data-testid="override-confirm">
            {t('fields.overrideConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function RequesterDialog({
  ticket,
  cmd,
  onClose
}: {
  ticket: Ticket
  cmd: CommandRunner
  onClose(): void
}): React.JSX.Element {
  const { t } = useTranslation('ticket')
  const err = useFieldError(cmd.issues)
  return (
    <Modal opened onClose={onClose} title={t('fields.changeRequester')} size="lg">
      <ContactPicker
        autoFocus
        value=""
        onChange={(requesterId) => {
          if (!requesterId) return
          void cmd
            .run('ticket.setFields', { ticketId: ticket.id, fields: { requesterId } })
            .then((ok) => ok && onClose())
        }}
        error={err('requesterId')}
      />
    </Modal>
  )
}

/** The ticket's classification, edited in place: each change is one `ticket.setFields`. */
export function FieldsPanel({ ticket, editable }: { ticket: Ticket; editable: boolean }): React.JSX.Element {
  const { t } = useTranslation('ticket')
  const config = useDeskConfig()
  const services = useServices()
  const requester = useContact(ticket.requesterId)
  const cmd = useCommand()
  const err = useFieldError(cmd.issues)
  const [dialog, setDialog] = useState<'override' | 'requester' | null>(null)
  const set = (fields: EditableFields): void => void cmd.run('ticket.setFields', { ticketId: ticket.id, fields })
  const disabled = !editable || cmd.busy
  const matrix = computePriority(config.priorityMatrix, ticket.impact, ticket.urgency)

  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Title order={6}>{t('fields.title')}</Title>
        <Stack gap={2}>
          <Text size="xs" fw={500}>
            {t('fields.requester')}
          </Text>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            {requester ? <ContactSummary contact={requester} /> : <Text size="sm">{ticket.requesterName}</Text>}
            {editable && (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setDialog('requester')}
                data-testid="field-requester-change"
              >
                {t('common:actions.edit')}
              </Button>
            )}
          </Group>
        </Stack>
        <ChannelSelect
          size="xs"
          label={t('fields.channel')}
          value={ticket.channel}
          onChange={(channel) => set({ channel })}
          disabled={disabled}
          error={err('channel')}
          data-testid="field-channel"
        />
        <CategorySelect
          size="xs"
          label={t('fields.category')}
          value={ticket.category}
          onChange={(category) => category !== ticket.category && set({ category })}
          disabled={disabled}
          error={err('category')}
          data-testid="field-category"
        />
        <SubcategorySelect
          size="xs"
          label={t('fields.subcategory')}
          tree={config.categoryTree}
          category={ticket.category}
          value={ticket.subcategory}
          onChange={(subcategory) => set({ subcategory })}
          disabled={disabled}
          error={err('subcategory')}
          data-testid="field-subcategory"
        />
        <ServiceSelect
          size="xs"
          label={t('fields.service')}
          services={services}
          value={ticket.serviceId}
          onChange={(serviceId) => set({ serviceId })}
          disabled={disabled}
          error={err('serviceId')}
          data-testid="field-service"
        />
        <Group grow gap="xs" align="flex-start">
          <LevelSelect
            size="xs"
            kind="impact"
            label={t('fields.impact')}
            value={ticket.impact}
            onChange={(impact) => set({ impact })}
            disabled={disabled}
            error={err('impact')}
            data-testid="field-impact"
          />
          <LevelSelect
            size="xs"
            kind="urgency"
            label={t('fields.urgency')}
            value={ticket.urgency}
            onChange={(urgency) => set({ urgency })}
            disabled={disabled}
            error={err('urgency')}
            data-testid="field-urgency"
          />
        </Group>
        <Stack gap={2}>
          <Text size="xs" fw={500}>
            {t('fields.priority')}
          </Text>
          <Group gap="xs" justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <PriorityBadge priority={ticket.priority} overridden={Boolean(ticket.priorityOverride)} />
              {ticket.priorityOverride && (
                <Text size="xs" c="dimmed" truncate data-testid="field-override-reason">
                  {t('fields.overriddenBy', { reason: ticket.priorityOverride.reason })}
                </Text>
              )}
            </Group>
            {editable && (
              <Group gap={4} wrap="nowrap">
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => setDialog('override')}
                  data-testid="field-override"
                >
                  {ticket.priorityOverride ? t('fields.overrideEdit') : t('fields.override')}
                </Button>
                {ticket.priorityOverride && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="gray"
                    onClick={() => set({ priorityOverride: null })}
                    data-testid="field-override-remove"
                    title={matrix}
                  >
                    {t('fields.overrideRemove')}
                  </Button>
                )}
              </Group>
            )}
          </Group>
        </Stack>
      </Stack>
      {dialog === 'override' && <OverrideDialog ticket={ticket} cmd={cmd} onClose={() => setDialog(null)} />}
      {dialog === 'requester' && <RequesterDialog ticket={ticket} cmd={cmd} onClose={() => setDialog(null)} />}
    </Paper>
  )
}
