import { Alert, Badge, Box, Button, Center, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import type { EditableFields } from '@shared/ticket/commands'
import type { Ticket } from '@shared/ticket/model'
import { useFieldError } from '../../components/field-errors'
import { PriorityBadge } from '../../components/PriorityBadge'
import { RelativeTime } from '../../components/RelativeTime'
import { StatusBadge } from '../../components/StatusBadge'
import { useCommand } from '../../components/use-command'
import { AssignmentPanel } from './components/AssignmentPanel'
import { CommentComposer } from './components/CommentComposer'
import { EditableText } from './components/EditableText'
import { FieldsPanel } from './components/FieldsPanel'
import { LinksPanel } from './components/LinksPanel'
import { StatusActions } from './components/StatusActions'
import { Timeline } from './components/Timeline'
import { WorklogPanel } from './components/WorklogPanel'
import { useTicket, useTicketEvents } from './hooks/use-ticket'

function NotFound(): React.JSX.Element {
  const { t } = useTranslation('ticket')
  return (
    <Center style={{ flex: 1 }} data-testid="ticket-not-found">
      <Stack align="center" gap="xs" maw={420}>
        <Title order={3}>{t('notFound.title')}</Title>
        <Text c="dimmed" ta="center">
          {t('notFound.body')}
        </Text>
        <Button component={Link} href="/" variant="light">
          {t('notFound.back')}
        </Button>
      </Stack>
    </Center>
  )
}

function Header({ ticket, editable }: { ticket: Ticket; editable: boolean }): React.JSX.Element {
  const { t } = useTranslation('ticket')
  const cmd = useCommand()
  const err = useFieldError(cmd.issues)
  const save = (fields: EditableFields): Promise<boolean> =>
    cmd.run('ticket.setFields', { ticketId: ticket.id, fields })
  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="wrap">
        <Text fw={700} size="lg" ff="monospace" data-testid="ticket-number">
          {ticket.number}
        </Text>
        <Badge
          variant="outline"
          color={ticket.kind === 'incident' ? 'red' : 'blue'}
          data-testid="ticket-kind"
          data-kind={ticket.kind}
        >
          {t(`common:kind.${ticket.kind}`)}
        </Badge>
        <PriorityBadge
          priority={ticket.priority}
          overridden={Boolean(ticket.priorityOverride)}
          size="lg"
          data-testid="ticket-priority"
        />
        <StatusBadge
          status={ticket.status}
          pendingReason={ticket.pendingReason}
          size="lg"
          data-testid="ticket-status"
        />
        <Group gap={6} ml="auto" wrap="nowrap">
          <Text size="xs" c="dimmed">
            {t('header.created')}
          </Text>
          <RelativeTime iso={ticket.createdAt} />
          <Text size="xs" c="dimmed">
            · {t('header.updated')}
          </Text>
          <RelativeTime iso={ticket.updatedAt} />
        </Group>
      </Group>
      <EditableText
        label={t('field.title')}
        value={ticket.title}
        editable={editable}
        onSave={(title) => save({ title })}
        error={err('title')}
        testId="ticket-title"
        display={
          <Title order={3} style={{ overflowWrap: 'anywhere' }}>
            {ticket.title}
          </Title>
        }
      />
    </Stack>
  )
}

function Description({ ticket, editable }: { ticket: Ticket; editable: boolean }): React.JSX.Element {
  const { t } = useTranslation('ticket')
  const cmd = useCommand()
  const err = useFieldError(cmd.issues)
  return (
    <Paper withBorder p="sm">
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
        {t('description.title')}
      </Text>
      <EditableText
        multiline
        label={t('field.description')}
        value={ticket.description}
        editable={editable}
        onSave={(description) => cmd.run('ticket.setFields', { ticketId: ticket.id, fields: { description } })}
        error={err('description')}
        testId="ticket-description"
        display={
          ticket.description ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {ticket.description}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('description.empty')}
            </Text>
          )
        }
      />
      {ticket.resolutionNotes && (
        <Alert
          mt="sm"
          color="teal"
          variant="light"
          title={ticket.resolutionCode ? t(`common:resolutionCode.${ticket.resolutionCode}`) : undefined}
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {ticket.resolutionNotes}
          </Text>
        </Alert>
      )}
    </Paper>
  )
}

export function TicketPage({ ticketId }: { ticketId: string }): React.JSX.Element {
  const { t } = useTranslation('ticket')
  const ticket = useTicket(ticketId)
  const events = useTicketEvents(ticketId)
  if (ticket === undefined)
    return (
      <Center style={{ flex: 1 }}>
        <Loader />
      </Center>
    )
  if (ticket === null) return <NotFound />
  const editable = ticket.status !== 'closed' && ticket.status !== 'cancelled'
  return (
    <Box style={{ flex: 1, minHeight: 0, overflow: 'auto' }} data-testid="ticket-page" data-ticket-id={ticket.id}>
      <Stack gap="md" maw={1400}>
        <Header ticket={ticket} editable={editable} />
        {!editable && (
          <Alert color="gray" variant="light" data-testid="ticket-readonly">
            {t('readOnly', { status: t(`common:status.${ticket.status}`) })}
          </Alert>
        )}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="md">
              <Description ticket={ticket} editable={editable} />
              <Timeline events={events ?? []} />
              <CommentComposer ticketId={ticket.id} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="sm">
              <StatusActions ticket={ticket} />
              <AssignmentPanel ticket={ticket} editable={editable} />
              <WorklogPanel ticketId={ticket.id} events={events ?? []} />
              <FieldsPanel ticket={ticket} editable={editable} />
              <LinksPanel ticket={ticket} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Box>
  )
}
