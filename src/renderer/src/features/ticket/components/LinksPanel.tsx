import {
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { issuesOf } from '@shared/command/define'
import { ticketLinkArgs } from '@shared/ticket/commands'
import type { LinkType, Ticket } from '@shared/ticket/model'
import { useFieldError } from '../../../components/field-errors'
import { PriorityBadge } from '../../../components/PriorityBadge'
import { StatusBadge } from '../../../components/StatusBadge'
import { useCommand } from '../../../components/use-command'
import { useTicketsById } from '../hooks/use-ticket'
import { useTicketSearch } from '../hooks/use-ticket-search'

const choosable: Exclude<LinkType, 'duplicated_by'>[] = ['duplicate_of', 'parent_of', 'child_of', 'related']

function LinkDialog({ ticket, onClose }: { ticket: Ticket; onClose(): void }): React.JSX.Element {
  const { t } = useTranslation('ticket')
  const cmd = useCommand()
  const err = useFieldError(cmd.issues)
  const [query, setQuery] = useState('')
  const [target, setTarget] = useState<Ticket | null>(null)
  const [type, setType] = useState<Exclude<LinkType, 'duplicated_by'>>('related')
  const results = useTicketSearch(query, ticket.id)

  const confirm = async (): Promise<void> => {
    if (cmd.busy) return
    const args = { ticketId: ticket.id, targetId: target?.id ?? '', type }
    if (!target) {
      cmd.setIssues({ targetId: t('links.targetMissing') })
      return
    }
    const parsed = ticketLinkArgs.safeParse(args)
    if (!parsed.success) {
      cmd.setIssues(issuesOf(parsed.error))
      return
    }
    if (await cmd.run('ticket.link', args)) {
      notifications.show({ color: 'teal', message: t('links.done', { number: target.number }), autoClose: 3000 })
      onClose()
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('links.dialogTitle', { number: ticket.number })}
      size="lg"
      data-testid="link-dialog"
    >
      <Stack gap="sm">
        <TextInput
          data-autofocus
          label={t('links.search')}
          placeholder={t('links.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && results?.[0]) {
              e.preventDefault()
              setTarget(results[0])
            }
          }}
          data-testid="link-search"
        />
        {query.trim() && results?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('links.nothing')}
          </Text>
        )}
        <Stack gap={4}>
          {results?.map((r) => (
            <UnstyledButton
              key={r.id}
              onClick={() => setTarget(r)}
              data-testid="link-result"
              data-selected={target?.id === r.id || undefined}
              p={6}
              style={{
                borderRadius: 4,
                border: `1px solid ${target?.id === r.id ? 'var(--mantine-color-indigo-5)' : 'var(--mantine-color-default-border)'}`
              }}
            >
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" fw={600}>
                  {r.number}
                </Text>
                <StatusBadge status={r.status} size="xs" />
                <Text size="sm" truncate>
                  {r.title}
                </Text>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
        {err('targetId') && (
          <Text size="sm" c="red" role="alert">
            {err('targetId')}
          </Text>
        )}
        <Select
          label={t('links.type')}
          data={choosable.map((c) => ({ value: c, label: t(`common:linkType.${c}`) }))}
          value={type}
          onChange={(v) => v && setType(v)}
          allowDeselect={false}
          error={err('type')}
          data-testid="link-type"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button onClick={() => void confirm()} loading={cmd.busy} data-testid="link-confirm">
            {target ? `${t('links.confirm')} ${target.number}` : t('links.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

export function LinksPanel({ ticket }: { ticket: Ticket }): React.JSX.Element {
  const { t } = useTranslation('ticket')
  const [open, setOpen] = useState(false)
  const linked = useTicketsById(ticket.links.map((l) => l.ticketId))
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={6}>{t('links.title')}</Title>
          <Button size="compact-xs" variant="light" onClick={() => setOpen(true)} data-testid="link-open">
            {t('links.add')}
          </Button>
        </Group>
        {ticket.links.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('links.none')}
          </Text>
        )}
        {ticket.links.map((l) => {
          const other = linked.get(l.ticketId)
          return (
            <Stack key={l.ticketId} gap={0} data-testid="ticket-link" data-link-type={l.type}>
              <Group gap={6} wrap="nowrap">
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {t(`common:linkType.${l.type}`)}
                </Text>
                <Anchor
                  component={Link}
                  href={`/tickets/${l.ticketId}`}
                  size="sm"
                  fw={600}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {other?.number ?? '…'}
                </Anchor>
                {other && <PriorityBadge priority={other.priority} size="xs" style={{ flexShrink: 0 }} />}
                {other && <StatusBadge status={other.status} size="xs" style={{ flexShrink: 0 }} />}
              </Group>
              <Text size="xs" truncate>
                {other?.title}
              </Text>
            </Stack>
          )
        })}
      </Stack>
      {open && <LinkDialog ticket={ticket} onClose={() => setOpen(false)} />}
    </Paper>
  )
}
