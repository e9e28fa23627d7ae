import { useState } from 'react'
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Tooltip
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { newId } from '@shared/ids'
import { teamKinds, type Agent, type Team } from '@shared/people/model'
import { teamUpsertArgs } from '@shared/people/commands'
import { issuesOf } from '@shared/command/define'
import { useAgents, useProfile, useTeams } from '../../../data/reference'
import { agentToForm, emptyAgent, validateAgentForm, type AgentFormValues } from '../agent-form'
import { translateIssue, type FieldErrors } from '../issues'
import { agentOptions, sortTeams, teamOptions } from '../labels'
import { useCommandRunner } from '../use-command-runner'
import { AgentFields } from './AgentFields'
import { SectionHeader } from './SectionHeader'

type TeamKind = (typeof teamKinds)[number]

interface TeamFormValues {
  name: string
  kind: TeamKind
  leadId: string
  active: boolean
}

function EditIcon(): React.JSX.Element {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <path d="M12 20h9" />
      <path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z" />
    </svg>
  )
}

function ActiveBadge({ active }: { active: boolean }): React.JSX.Element {
  const { t } = useTranslation('settings')
  return (
    <Badge size="sm" variant="light" color={active ? 'teal' : 'gray'}>
      {active ? t('state.active') : t('state.inactive')}
    </Badge>
  )
}

function TeamModal({ team, onClose }: { team: Team | null; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation('settings')
  const agents = useAgents()
  const run = useCommandRunner()
  const form = useForm<TeamFormValues>({
    mode: 'controlled',
    initialValues: team
      ? { name: team.name, kind: team.kind, leadId: team.leadId, active: team.active }
      : { name: '', kind: 'service_desk', leadId: '', active: true },
    validate: (values) => {
      const parsed = teamUpsertArgs.omit({ id: true }).safeParse(values)
      const errors: FieldErrors = {}
      if (!parsed.success) for (const [k, v] of Object.entries(issuesOf(parsed.error))) errors[k] = translateIssue(v, t)
      return errors
    }
  })
  const submit = async (values: TeamFormValues): Promise<void> => {
    const result = await run('team.upsert', 1, { id: team?.id ?? newId(), ...values })
    if (result.ok) onClose()
    else form.setErrors(result.issues)
  }
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('fields.name')}
          withAsterisk
          data-autofocus
          data-testid="team-name"
          {...form.getInputProps('name')}
        />
        <Select
          label={t('fields.kind')}
          data={teamKinds.map((k) => ({ value: k, label: t(`common:teamKind.${k}`) }))}
          allowDeselect={false}
          data-testid="team-kind"
          {...form.getInputProps('kind')}
        />
        <Select
          label={t('fields.lead')}
          placeholder={t('teams.noLead')}
          data={agentOptions(agents, form.values.leadId)}
          searchable
          clearable
          data-testid="team-lead"
          {...form.getInputProps('leadId')}
          value={form.values.leadId || null}
          onChange={(v: string | null) => form.setFieldValue('leadId', v ?? '')}
        />
        <Switch
          label={t('fields.active')}
          data-testid="team-active"
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        <Group justify="flex-end" gap="xs" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" data-testid="team-save">
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function AgentModal({ agent, onClose }: { agent: Agent | null; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation('settings')
  const teams = useTeams()
  const run = useCommandRunner()
  const form = useForm<AgentFormValues>({
    mode: 'controlled',
    initialValues: agent ? agentToForm(agent) : emptyAgent,
    validate: (values) => validateAgentForm(values, t, { requireTeam: false })
  })
  const submit = async (values: AgentFormValues): Promise<void> => {
    const result = await run('agent.upsert', 1, { id: agent?.id ?? newId(), ...values })
    if (result.ok) onClose()
    else form.setErrors(result.issues)
  }
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="sm">
        <AgentFields
          form={form}
          teams={teamOptions(teams, form.values.teamId)}
          testIdPrefix="agent"
          requireTeam={false}
          autoFocus
        />
        <Switch
          label={t('fields.active')}
          data-testid="agent-active"
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        <Group justify="flex-end" gap="xs" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" data-testid="agent-save">
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

type Editing<T> = { record: T | null } | null

export function TeamsTab(): React.JSX.Element {
  const { t } = useTranslation('settings')
  const teams = sortTeams(useTeams())
  const agents = [...useAgents()].sort((a, b) => a.name.localeCompare(b.name))
  const profile = useProfile()
  const [team, setTeam] = useState<Editing<Team>>(null)
  const [agent, setAgent] = useState<Editing<Agent>>(null)
  const agentName = new Map(agents.map((a) => [a.id, a.name]))
  const teamName = new Map(teams.map((x) => [x.id, x.name]))
  const members = (teamId: string): number => agents.filter((a) => a.teamId === teamId && a.active).length

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <SectionHeader
          title={t('teams.title')}
          description={t('teams.description')}
          actions={
            <Button size="xs" onClick={() => setTeam({ record: null })} data-testid="team-add">
              {t('teams.add')}
            </Button>
          }
        />
        <Paper withBorder>
          <Table striped highlightOnHover verticalSpacing={6} data-testid="teams-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.name')}</Table.Th>
                <Table.Th>{t('fields.kind')}</Table.Th>
                <Table.Th>{t('fields.lead')}</Table.Th>
                <Table.Th ta="right">{t('agents.title')}</Table.Th>
                <Table.Th>{t('fields.status')}</Table.Th>
                <Table.Th w={48} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {teams.map((x) => (
                <Table.Tr key={x.id} data-testid="team-row">
                  <Table.Td fw={500}>{x.name}</Table.Td>
                  <Table.Td>{t(`common:teamKind.${x.kind}`)}</Table.Td>
                  <Table.Td c={x.leadId ? undefined : 'dimmed'}>{agentName.get(x.leadId) ?? t('none')}</Table.Td>
                  <Table.Td ta="right">{members(x.id)}</Table.Td>
                  <Table.Td>
                    <ActiveBadge active={x.active} />
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={t('teams.editTitle')}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={`${t('teams.editTitle')}: ${x.name}`}
                        onClick={() => setTeam({ record: x })}
                      >
                        <EditIcon />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
              {!teams.length && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed" size="sm">
                      {t('teams.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Paper>
      </Stack>

      <Stack gap="sm">
        <SectionHeader
          title={t('agents.title')}
          description={t('agents.description')}
          actions={
            <Button size="xs" onClick={() => setAgent({ record: null })} data-testid="agent-add">
              {t('agents.add')}
            </Button>
          }
        />
        <Paper withBorder>
          <Table striped highlightOnHover verticalSpacing={6} data-testid="agents-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.name')}</Table.Th>
                <Table.Th>{t('fields.email')}</Table.Th>
                <Table.Th>{t('fields.role')}</Table.Th>
                <Table.Th>{t('fields.team')}</Table.Th>
                <Table.Th>{t('fields.tier')}</Table.Th>
                <Table.Th>{t('fields.status')}</Table.Th>
                <Table.Th w={48} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agents.map((a) => (
                <Table.Tr key={a.id} data-testid="agent-row">
                  <Table.Td fw={500}>
                    {a.name}
                    {a.id === profile?.agentId && (
                      <Badge size="xs" variant="outline" ml={6}>
                        {t('agents.you')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td c={a.email ? undefined : 'dimmed'}>{a.email || t('none')}</Table.Td>
                  <Table.Td>{t(`common:role.${a.role}`)}</Table.Td>
                  <Table.Td c={a.teamId ? undefined : 'dimmed'}>
                    {teamName.get(a.teamId) ?? t('agents.noTeam')}
                  </Table.Td>
                  <Table.Td>{a.tier}</Table.Td>
                  <Table.Td>
                    <ActiveBadge active={a.active} />
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={t('agents.editTitle')}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={`${t('agents.editTitle')}: ${a.name}`}
                        onClick={() => setAgent({ record: a })}
                      >
                        <EditIcon />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
              {!agents.length && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text c="dimmed" size="sm">
                      {t('agents.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Paper>
      </Stack>

      <Modal
        opened={team !== null}
        onClose={() => setTeam(null)}
        title={team?.record ? t('teams.editTitle') : t('teams.newTitle')}
      >
        {team && <TeamModal team={team.record} onClose={() => setTeam(null)} />}
      </Modal>
      <Modal
        opened={agent !== null}
        onClose={() => setAgent(null)}
        title={agent?.record ? t('agents.editTitle') : t('agents.newTitle')}
        size="lg"
      >
        {agent && <AgentModal agent={agent.record} onClose={() => setAgent(null)} />}
      </Modal>
    </Stack>
  )
}
