import { Select, SimpleGrid, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import type { AgentFormValues } from '../agent-form'
import { roleOptions, tierOptions, type Option } from '../labels'

interface Props {
  form: UseFormReturnType<AgentFormValues>
  teams: Option[]
  /** Prefix for data-testids, e.g. `setup` gives `setup-name`. */
  testIdPrefix: string
  autoFocus?: boolean
  /** Set-up and my profile insist on a team; an admin may leave an agent without one. */
  requireTeam?: boolean
}

/** Name, email, role, team and tier: the agent fields set-up, my profile and the agents list share. */
export function AgentFields({ form, teams, testIdPrefix, autoFocus, requireTeam = true }: Props): React.JSX.Element {
  const { t } = useTranslation('settings')
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        <TextInput
          label={t('fields.name')}
          withAsterisk
          autoFocus={autoFocus}
          autoComplete="name"
          data-testid={`${testIdPrefix}-name`}
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('fields.email')}
          type="email"
          autoComplete="email"
          placeholder={t('fields.emailPlaceholder')}
          data-testid={`${testIdPrefix}-email`}
          {...form.getInputProps('email')}
        />
      </SimpleGrid>
      {/* Full width: team names are bilingual and long ("Application support · 应用支持"). */}
      <Select
        label={t('fields.team')}
        withAsterisk={requireTeam}
        data={teams}
        searchable
        clearable={!requireTeam}
        allowDeselect={!requireTeam}
        nothingFoundMessage={t('common:none')}
        data-testid={`${testIdPrefix}-team`}
        {...form.getInputProps('teamId')}
        value={form.values.teamId || null}
        onChange={(v: string | null) => form.setFieldValue('teamId', v ?? '')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        <Select
          label={t('fields.role')}
          data={roleOptions(t)}
          allowDeselect={false}
          data-testid={`${testIdPrefix}-role`}
          {...form.getInputProps('role')}
        />
        <Select
          label={t('fields.tier')}
          data={tierOptions(t)}
          allowDeselect={false}
          data-testid={`${testIdPrefix}-tier`}
          {...form.getInputProps('tier')}
        />
      </SimpleGrid>
    </>
  )
}
