import { useMemo, useState } from 'react'
import { Button, Group, List, Menu, Modal, Paper, Progress, Select, Stack, Text, Textarea, Alert } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { CommandError } from '@shared/command/types'
import type { Agent, Team } from '@shared/people/model'
import { allowedTransitions, transitionNeeds } from '@shared/ticket/state-machine'
import { pendingReasons, resolutionCodes, type Ticket, type TicketStatus } from '@shared/ticket/model'
import { runCommand } from '../../../data/commands'
import { getDb } from '../../../data/database'
import { useQueueStore } from '../store'

interface Outcome {
  done: number
  refused: { number: string; reason: string }[]
}

type Dialog = { kind: 'assign' } | { kind: 'transition'; to: TicketStatus } | null

/** Statuses every selected ticket may move to next. */
export function commonTransitions(tickets: readonly Ticket[]): TicketStatus[] {
  if (!tickets.length) return []
  let common = [...allowedTransitions(tickets[0].status)]
  for (const t of tickets.slice(1)) {
    const allowed = allowedTransitions(t.status)
    common = common.filter((s) => allowed.includes(s))
  }
  // "assigned" follows from giving a ticket an assignee: that is the Assign action.
  return common.filter((s) => s !== 'assigned')
}

function reasonOf(e: unknown): string {
  if (e instanceof CommandError) return Object.values(e.issues)[0] ? `${e.message}` : e.message
  return e instanceof Error ? e.message : String(e)
}

export function BulkBar({ tickets, teams, agents, actorId }: { tickets: Ticket[]; teams: Team[]; agents: Agent[]; actorId: string }): React.JSX.Element | null {
  const { t } = useTranslation('queue')
  const clearSelection = useQueueStore((s) => s.clearSelection)
  const [dialog, setDialog] = useState<Dialog>(null)
  const [teamId, setTeamId] = useState<string>('')
  const [assigneeId, setAssigneeId] = useState<string>('')
  const [pendingReason, setPendingReason] = useState<string | null>(null)
  const [resolutionCode, setResolutionCode] = useState<string | null>(null)
  const [notes, setNotes] = useState('')
  const [reason, setReason] = useState('')
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const next = useMemo(() => commonTransitions(tickets), [tickets])
  if (!tickets.length && !dialog) return null

  const needs = dialog?.kind === 'transition' ? tickets.map((tk) => transitionNeeds(tk.status, dialog.to)) : []
  const needPending = needs.some((n) => n.pendingReason)
  const needResolution = needs.some((n) => n.resolution)
  const needReason = needs.some((n) => n.reason)

  const close = (): void => {
    const finished = !!outcome
    setDialog(null)
    setOutcome(null)
    setProgress(null)
    setErrors({})
    if (finished) clearSelection()
  }

  const run = async (): Promise<void> => {
    if (!dialog) return
    const problems: Record<string, string> = {}
    if (needPending && !pendingReason) problems.pendingReason = t('common:errors.required')
    if (needResolution && !resolutionCode) problems.resolutionCode = t('common:errors.required')
    if (needResolution && notes.trim().length < 3) problems.resolutionNotes = t('common:errors.required')
    if (needReason && reason.trim().length < 3) problems.reason = t('common:errors.required')
    setErrors(problems)
    if (Object.keys(problems).length) return
    const db = getDb()
    const result: Outcome = { done: 0, refused: [] }
    setProgress({ done: 0, total: tickets.length })
    // One command per ticket: each is validated, applied and queued for sync on its own, so one
    // refusal (someone else moved that ticket) does not stop the rest.
    for (const [i, tk] of tickets.entries()) {
      try {
        if (dialog.kind === 'assign') await runCommand(db, 'ticket.assign', 1, { ticketId: tk.id, teamId, assigneeId }, { actorId })
        else
          await runCommand(
            db,
            'ticket.transition',
            1,
            {
              ticketId: tk.id,
              from: tk.status,
              to: dialog.to,
              ...(dialog.to === 'pending' ? { pendingReason } : {}),
              ...(dialog.to === 'resolved' ? { resolutionCode, resolutionNotes: notes } : {}),
              ...(transitionNeeds(tk.status, dialog.to).reason ? { reason } : {})
            },
            { actorId }
          )
        result.done++
      } catch (e) {
        result.refused.push({ number: tk.number, reason: reasonOf(e) })
      }
      setProgress({ done: i + 1, total: tickets.length })
    }
    setOutcome(result)
  }

  const teamAgents = agents.filter((a) => a.active && (!teamId || a.teamId === teamId))
  const count = tickets.length
  const title =
    dialog?.kind === 'assign'
      ? t('bulk.assignTitle', { count })
      : dialog?.kind === 'transition'
        ? t('bulk.transitionTitle', { count, status: t(`common:status.${dialog.to}`) })
        : ''

  return (
    <>
      {tickets.length > 0 && (
        <Paper withBorder shadow="sm" px="sm" py={6} data-testid="queue-bulk-bar">
          <Group gap="sm">
            <Text size="sm" fw={600} data-testid="queue-bulk-count">
              {t('count.selected', { count })}
            </Text>
            <Button size="compact-sm" variant="light" onClick={() => setDialog({ kind: 'assign' })} data-testid="queue-bulk-assign">
              {t('bulk.assign')}
            </Button>
            <Menu position="bottom-start" withinPortal>
              <Menu.Target>
                <Button size="compact-sm" variant="light" disabled={!next.length} title={next.length ? undefined : t('bulk.noCommonStatus')} data-testid="queue-bulk-transition">
                  {t('bulk.transition')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {next.map((s) => (
                  <Menu.Item key={s} onClick={() => setDialog({ kind: 'transition', to: s })} data-testid={`queue-bulk-to-${s}`}>
                    {t(`common:status.${s}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            <Button size="compact-sm" variant="subtle" color="gray" onClick={clearSelection} data-testid="queue-bulk-clear">
              {t('bulk.clear')}
            </Button>
          </Group>
        </Paper>
      )}
      <Modal opened={!!dialog} onClose={close} title={title} closeOnClickOutside={!progress || !!outcome} data-testid="queue-bulk-dialog">
        {outcome ? (
          <Stack gap="sm" data-testid="queue-bulk-summary">
            <Alert color={outcome.refused.length ? 'orange' : 'teal'}>{t('bulk.summary', { done: outcome.done, refused: outcome.refused.length })}</Alert>
            {outcome.refused.length > 0 && (
              <>
                <Text size="sm" fw={600}>
                  {t('bulk.refusedList')}
                </Text>
                <List size="sm" spacing={2}>
                  {outcome.refused.map((r) => (
                    <List.Item key={r.number}>
                      <Text span ff="monospace" size="xs">
                        {r.number}
                      </Text>{' '}
                      — {r.reason}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
            <Group justify="flex-end">
              <Button onClick={close}>{t('bulk.close')}</Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="sm">
            {dialog?.kind === 'assign' && (
              <>
                <Select
                  label={t('bulk.team')}
                  data={[{ value: '', label: t('bulk.noTeam') }, ...teams.filter((tm) => tm.active).map((tm) => ({ value: tm.id, label: tm.name }))]}
                  value={teamId}
                  onChange={(v) => {
                    setTeamId(v ?? '')
                    setAssigneeId('')
                  }}
                  searchable
                  data-testid="queue-bulk-team"
                />
                <Select
                  label={t('bulk.assignee')}
                  data={[{ value: '', label: t('bulk.anyone') }, ...teamAgents.map((a) => ({ value: a.id, label: a.name }))]}
                  value={assigneeId}
                  onChange={(v) => setAssigneeId(v ?? '')}
                  searchable
                  data-testid="queue-bulk-assignee"
                />
              </>
            )}
            {needPending && (
              <Select
                label={t('bulk.pendingReason')}
                data={pendingReasons.map((r) => ({ value: r, label: t(`common:pendingReason.${r}`) }))}
                value={pendingReason}
                onChange={setPendingReason}
                error={errors.pendingReason}
                withAsterisk
              />
            )}
            {needResolution && (
              <>
                <Select
                  label={t('bulk.resolutionCode')}
                  data={resolutionCodes.map((r) => ({ value: r, label: t(`common:resolutionCode.${r}`) }))}
                  value={resolutionCode}
                  onChange={setResolutionCode}
                  error={errors.resolutionCode}
                  withAsterisk
                />
                <Textarea label={t('bulk.resolutionNotes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.resolutionNotes} autosize minRows={3} withAsterisk />
              </>
            )}
            {needReason && (
              <Textarea label={t('bulk.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} autosize minRows={2} withAsterisk />
            )}
            {progress && <Progress value={(progress.done / Math.max(1, progress.total)) * 100} animated data-testid="queue-bulk-progress" />}
            {progress && (
              <Text size="xs" c="dimmed">
                {t('bulk.running', progress)}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={!!progress}>
                {t('common:actions.cancel')}
              </Button>
              <Button onClick={() => void run()} loading={!!progress} data-testid="queue-bulk-run">
                {t('bulk.run', { count })}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  )
}
