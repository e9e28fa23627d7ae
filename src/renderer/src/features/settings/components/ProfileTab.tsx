import { Alert, Button, Group, Paper, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import type { Agent } from '@shared/people/model'
import { useMe, useTeams } from '../../../data/reference'
import { agentToForm, validateAgentForm, type AgentFormValues } from '../agent-form'
import { teamOptions } from '../labels'
import { useCommandRunner } from '../use-command-runner'
import { AgentFields } from './AgentFields'
import { SectionHeader } from './SectionHeader'

function ProfileForm({ me }: { me: Agent }): React.JSX.Element {
  const { t } = useTranslation('settings')
  const teams = useTeams()
  const run = useCommandRunner()
  const form = useForm<AgentFormValues>({
    mode: 'controlled',
    initialValues: agentToForm(me),
    validate: (values) => validateAgentForm(values, t, { requireTeam: true })
  })
  const submit = async (values: AgentFormValues): Promise<void> => {
    const result = await run('agent.upsert', 1, { id: me.id, ...values })
    if (result.ok) form.resetDirty(values)
    else form.setErrors(result.issues)
  }
  return (
    <Paper withBorder p="md" maw={760}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <AgentFields form={form} teams={teamOptions(teams, form.values.teamId)} testIdPrefix="profile" />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
              {t('revert')}
            </Button>
            <Button type="submit" disabled={!form.isDirty()} data-testid="profile-save">
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}

export function ProfileTab(): React.JSX.Element {
  const { t } = useTranslation('settings')
  const me = useMe()
  return (
    <Stack gap="md">
      <SectionHeader title={t('profile.title')} description={t('profile.description')} />
      {me ? <ProfileForm key={me.id} me={me} /> : <Alert color="yellow">{t('profile.missing')}</Alert>}
    </Stack>
  )
}
