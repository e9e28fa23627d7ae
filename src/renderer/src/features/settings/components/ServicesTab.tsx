import { useState } from 'react'
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
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
import { issuesOf } from '@shared/command/define'
import { newId } from '@shared/ids'
import { serviceUpsertArgs } from '@shared/people/commands'
import type { Service } from '@shared/people/model'
import { categories, type Category } from '@shared/ticket/model'
import { useServices, useTeams } from '../../../data/reference'
import { translateIssue, type FieldErrors } from '../issues'
import { teamOptions } from '../labels'
import { useCommandRunner } from '../use-command-runner'
import { SectionHeader } from './SectionHeader'

interface ServiceFormValues {
  name: string
  type: 'service' | 'ci'
  category: Category
  ownerTeamId: string
  active: boolean
}

function ServiceForm({ service, onClose }: { service: Service | null; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation('settings')
  const teams = useTeams()
  const run = useCommandRunner()
  const form = useForm<ServiceFormValues>({
    mode: 'controlled',
    initialValues: service
      ? {
          name: service.name,
          type: service.type,
          category: service.category,
          ownerTeamId: service.ownerTeamId,
          active: service.active
        }
      : { name: '', type: 'service', category: 'software', ownerTeamId: '', active: true },
    validate: (values) => {
      const parsed = serviceUpsertArgs.omit({ id: true }).safeParse(values)
      const errors: FieldErrors = {}
      if (!parsed.success) for (const [k, v] of Object.entries(issuesOf(parsed.error))) errors[k] = translateIssue(v, t)
      return errors
    }
  })
  const submit = async (values: ServiceFormValues): Promise<void> => {
    const result = await run('service.upsert', 1, { id: service?.id ?? newId(), ...values })
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
          data-testid="service-name"
          {...form.getInputProps('name')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('fields.type')}
          </Text>
          <SegmentedControl
            data={(['service', 'ci'] as const).map((v) => ({ value: v, label: t(`services.type.${v}`) }))}
            data-testid="service-type"
            {...form.getInputProps('type')}
          />
        </Stack>
        <Select
          label={t('fields.category')}
          data={categories.map((c) => ({ value: c, label: t(`common:category.${c}`) }))}
          allowDeselect={false}
          data-testid="service-category"
          {...form.getInputProps('category')}
        />
        <Select
          label={t('fields.owner')}
          placeholder={t('services.noOwner')}
          data={teamOptions(teams, form.values.ownerTeamId)}
          searchable
          clearable
          data-testid="service-owner"
          {...form.getInputProps('ownerTeamId')}
          value={form.values.ownerTeamId || null}
          onChange={(v: string | null) => form.setFieldValue('ownerTeamId', v ?? '')}
        />
        <Switch label={t('fields.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
        <Group justify="flex-end" gap="xs" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" data-testid="service-save">
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function ServicesTab(): React.JSX.Element {
  const { t } = useTranslation('settings')
  const services = useServices()
  const teams = useTeams()
  const [editing, setEditing] = useState<{ record: Service | null } | null>(null)
  const teamName = new Map(teams.map((x) => [x.id, x.name]))
  return (
    <Stack gap="md">
      <SectionHeader
        title={t('services.title')}
        description={t('services.description')}
        actions={
          <Button size="xs" onClick={() => setEditing({ record: null })} data-testid="service-add">
            {t('services.add')}
          </Button>
        }
      />
      <Paper withBorder>
        <Table striped highlightOnHover verticalSpacing={6} data-testid="services-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th>{t('fields.type')}</Table.Th>
              <Table.Th>{t('fields.category')}</Table.Th>
              <Table.Th>{t('fields.owner')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
              <Table.Th w={48} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {services.map((s) => (
              <Table.Tr key={s.id} data-testid="service-row">
                <Table.Td fw={500}>{s.name}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={s.type === 'ci' ? 'grape' : 'blue'}>
                    {t(`services.type.${s.type}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{t(`common:category.${s.category}`)}</Table.Td>
                <Table.Td c={s.ownerTeamId ? undefined : 'dimmed'}>{teamName.get(s.ownerTeamId) ?? t('none')}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={s.active ? 'teal' : 'gray'}>
                    {s.active ? t('state.active') : t('state.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Tooltip label={t('services.editTitle')}>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`${t('services.editTitle')}: ${s.name}`}
                      onClick={() => setEditing({ record: s })}
                    >
                      <svg
                        width="14"
                        height="14"
                        viewBox="0 0 24 24"
                        fill="none"
                        stroke="currentColor"
                        strokeWidth="2"
                        aria-hidden
                      >
                        <path d="M12 20h9" />
                        <path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z" />
                      </svg>
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
            {!services.length && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text size="sm" c="dimmed">
                    {t('services.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.record ? t('services.editTitle') : t('services.newTitle')}
      >
        {editing && <ServiceForm service={editing.record} onClose={() => setEditing(null)} />}
      </Modal>
    </Stack>
  )
}
