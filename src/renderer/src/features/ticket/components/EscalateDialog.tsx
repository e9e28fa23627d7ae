import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core'
import { getHotkeyHandler } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { issuesOf } from '@shared/command/define'
import { ticketEscalateArgs } from '@shared/ticket/commands'
import { tiers, type Ticket, type Tier } from '@shared/ticket/model'
import { AgentSelect, TeamSelect } from '../../../components/DeskSelects'
import { useFieldError } from '../../../components/field-errors'
import { useCommand } from '../../../components/use-command'
import { useAgents, useTeams } from '../../../data/reference'

/** Tier up and/or hand over to another team, with the reason the next tier needs. */
export function EscalateDialog({ ticket, onClose }: { ticket: Ticket; onClose(): void }): React.JSX.Element {
  const { t } = useTranslation('ticket')
  const teams = useTeams()
  const agents = useAgents()
  const cmd = useCommand()
  const err = useFieldError(cmd.issues)
  const higher = tiers.slice(tiers.indexOf(ticket.tier) + 1)
  const [toTier, setToTier] = useState<Tier | ''>(higher[0] ?? '')
  const [toTeamId, setToTeamId] = useState('')
  const [assigneeId, setAssigneeId] = useState('')
  const [reason, setReason] = useState('')

  const confirm = async (): Promise<void> => {
    if (cmd.busy) return
    const args = {
      ticketId: ticket.id,
      ...(toTier ? { toTier } : {}),
      ...(toTeamId ? { toTeamId } : {}),
      assigneeId,
      reason
    }
    const parsed = ticketEscalateArgs.safeParse(args)
    if (!parsed.success) {
      cmd.setIssues(issuesOf(parsed.error))
      return
    }
    if (await cmd.run('ticket.escalate', args)) {
      notifications.show({ color: 'orange', message: t('escalate.done', { number: ticket.number }), autoClose: 3000 })
      onClose()
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('escalate.title', { number: ticket.number })}
      data-testid="escalate-dialog"
    >
      <Stack gap="sm" onKeyDown={getHotkeyHandler([['mod+Enter', () => void confirm()]])}>
        <Select
          label={t('escalate.tier')}
          data={[
            { value: 'keep', label: t('escalate.tierKeep', { tier: t(`common:tier.${ticket.tier}`) }) },
            ...higher.map((tier) => ({ value: tier, label: t(`common:tier.${tier}`) }))
          ]}
          value={toTier || 'keep'}
          onChange={(v) => setToTier(!v || v === 'keep' ? '' : v)}
          allowDeselect={false}
          error={err('toTier')}
          data-testid="escalate-tier"
        />
        <TeamSelect
          label={t('escalate.team')}
          placeholder={t('escalate.teamKeep')}
          teams={teams.filter((x) => x.id !== ticket.teamId)}
          value={toTeamId}
          onChange={(v) => {
            setToTeamId(v)
            if (assigneeId && agents.find((a) => a.id === assigneeId)?.teamId !== v) setAssigneeId('')
          }}
          error={err('toTeamId')}
          data-testid="escalate-team"
        />
        <AgentSelect
          label={t('escalate.assignee')}
          placeholder={t('escalate.assigneePlaceholder')}
          agents={agents}
          teams={teams}
          teamId={toTeamId || ticket.teamId}
          value={assigneeId}
          onChange={setAssigneeId}
          error={err('assigneeId')}
          data-testid="escalate-assignee"
        />
        <Textarea
          data-autofocus
          required
          autosize
          minRows={3}
          label={t('escalate.reason')}
          placeholder={t('escalate.reasonPlaceholder')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={err('reason')}
          data-testid="escalate-reason"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="orange" onClick={() => void confirm()} loading={cmd.busy} data-testid="escalate-confirm">
            {t('escalate.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
