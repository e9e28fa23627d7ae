import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import { PriorityBadge } from '../../../components/PriorityBadge'
import { RelativeTime } from '../../../components/RelativeTime'
import { StatusBadge } from '../../../components/StatusBadge'
import type { DuplicateCandidate } from '../hooks/use-duplicate-candidates'

export interface DuplicatePanelProps {
  candidates: DuplicateCandidate[]
  /** Whether a requester or service has been chosen (otherwise there is nothing to look for yet). */
  searching: boolean
  duplicateOfId: string
  onMarkDuplicate(ticketId: string): void
}

/** Open tickets that may be the same call again: open one, or log the new one as its duplicate. */
export function DuplicatePanel({
  candidates,
  searching,
  duplicateOfId,
  onMarkDuplicate
}: DuplicatePanelProps): React.JSX.Element {
  const { t } = useTranslation('intake')
  const [, navigate] = useLocation()
  return (
    <Stack gap="xs" data-testid="duplicate-panel">
      <Title order={5}>{t('duplicates.title')}</Title>
      {!searching && (
        <Text size="sm" c="dimmed">
          {t('duplicates.hint')}
        </Text>
      )}
      {searching && candidates.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('duplicates.none')}
        </Text>
      )}
      {candidates.map(({ ticket, shared, sameRequester, sameService }) => {
        const open = (): void => navigate(`/tickets/${ticket.id}`)
        const marked = duplicateOfId === ticket.id
        return (
          <Paper
            key={ticket.id}
            withBorder
            p="xs"
            data-testid="duplicate-candidate"
            data-ticket-id={ticket.id}
            style={{ cursor: 'pointer', borderColor: marked ? 'var(--mantine-color-indigo-5)' : undefined }}
            onClick={open}
          >
            <Group gap={6} wrap="nowrap" justify="space-between">
              <Anchor
                size="sm"
                fw={600}
                href={`#/tickets/${ticket.id}`}
                onClick={(e) => {
                  e.preventDefault()
                  e.stopPropagation()
                  open()
                }}
              >
                {ticket.number}
              </Anchor>
              <Group gap={4} wrap="nowrap">
                <PriorityBadge priority={ticket.priority} size="xs" />
                <StatusBadge status={ticket.status} size="xs" />
              </Group>
            </Group>
            <Text size="sm" lineClamp={2}>
              {ticket.title}
            </Text>
            <Group gap={4} mt={4}>
              {sameRequester && (
                <Badge size="xs" variant="outline" color="indigo">
                  {t('duplicates.sameRequester')}
                </Badge>
              )}
              {sameService && (
                <Badge size="xs" variant="outline" color="cyan">
                  {t('duplicates.sameService')}
                </Badge>
              )}
              {shared > 0 && (
                <Badge size="xs" variant="light" color="gray">
                  {t('duplicates.shared', { count: shared })}
                </Badge>
              )}
              <RelativeTime iso={ticket.updatedAt} ml="auto" />
            </Group>
            {!marked && (
              <Button
                mt={6}
                size="compact-xs"
                variant="subtle"
                data-testid="duplicate-mark"
                onClick={(e) => {
                  e.stopPropagation()
                  onMarkDuplicate(ticket.id)
                }}
              >
                {t('duplicates.markDuplicate')}
              </Button>
            )}
          </Paper>
        )
      })}
    </Stack>
  )
}
