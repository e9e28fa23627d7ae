import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Ticket } from '@shared/ticket/model'
import { AgentSelect, TeamSelect } from '../../../components/DeskSelects'
import { useFieldError } from '../../../components/field-errors'
import { useCommand } from '../../../components/use-command'
import { useAgents, useMe, useTeams } from '../../../data/reference'
import { EscalateDialog } from './EscalateDialog'

/** Team and assignee (→ ticket.assign), "assign to me", and escalation. */
export function AssignmentPanel({ ticket, editable }: { ticket: Ticket; editable: boolean }): React.JSX.Element {
  const { t } = useTranslation('ticket')
  const teams = useTeams()
  const agents = useAgents()
  const me = useMe()
  const cmd = useCommand()
  const err = useFieldError(cmd.issues)
  const [escalating, setEscalating] = useState(false)

  const assign = (teamId: string, assigneeId: string): void => {
    void cmd.run('ticket.assign', { ticketId: ticket.id, teamId, assigneeId })
  }
  const mine = me !== undefined && ticket.assigneeId === me.id

  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={6}>{t('assignment.title')}</Title>
          <Badge variant="outline" color="gray" data-testid="ticket-tier">
            {t(`common:tier.${ticket.tier}`)}
          </Badge>
        </Group>
        <TeamSelect
          size="xs"
          label={t('assignment.team')}
          placeholder={t('assignment.teamPlaceholder')}
          teams={teams}
          value={ticket.teamId}
          disabled={!editable || cmd.busy}
          onChange={(teamId) => {
            const assignee = agents.find((a) => a.id === ticket.assigneeId)
            assign(teamId, assignee && teamId && assignee.teamId !== teamId ? '' : ticket.assigneeId)
          }}
          error={err('teamId')}
          data-testid="assign-team"
        />
        <AgentSelect
          size="xs"
          label={t('assignment.assignee')}
          placeholder={t('assignment.assigneePlaceholder')}
          agents={agents}
          teams={teams}
          teamId={ticket.teamId}
          value={ticket.assigneeId}
          disabled={!editable || cmd.busy}
          onChange={(assigneeId) => {
            const agent = agents.find((a) => a.id === assigneeId)
            assign(ticket.teamId || agent?.teamId || '', assigneeId)
          }}
          error={err('assigneeId')}
          data-testid="assign-assignee"
        />
        <Group gap={6}>
          <Button
            size="xs"
            variant="light"
            disabled={!editable || mine || !me}
            onClick={() => me && assign(me.teamId || ticket.teamId, me.id)}
            data-testid="assign-me"
          >
            {t('assignment.me')}
          </Button>
          <Button
            size="xs"
            variant="light"
            color="orange"
            disabled={!editable}
            onClick={() => setEscalating(true)}
            data-testid="escalate-open"
          >
            {t('assignment.escalate')}
          </Button>
        </Group>
        {err('ticketId') && (
          <Text size="xs" c="red">
            {err('ticketId')}
          </Text>
        )}
      </Stack>
      {escalating && <EscalateDialog ticket={ticket} onClose={() => setEscalating(false)} />}
    </Paper>
  )
}
