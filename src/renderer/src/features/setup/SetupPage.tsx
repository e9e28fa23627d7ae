import { useMemo, useState } from 'react'
import { Alert, Box, Button, Center, Divider, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { newId } from '@shared/ids'
import { languages } from '../../app/i18n-core'
import { usePrefs } from '../../app/prefs-store'
import { runCommand } from '../../data/commands'
import { getDb } from '../../data/database'
import { setProfile, useTeams } from '../../data/reference'
import { defaultTeamById, defaultTeams, seedDefaults } from '../../data/seed'
import { emptyAgent, validateAgentForm, type AgentFormValues } from '../settings/agent-form'
import { AgentFields } from '../settings/components/AgentFields'
import { commandIssues } from '../settings/issues'
import { sortTeams, type Option } from '../settings/labels'

const sameName = (a: string, b: string): boolean => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()

/**
 * First start on this workstation: display preferences and the agent's own record. Nothing is
 * written until the form is valid; then the default teams are seeded, the agent created and the
 * profile set, which lets App switch to the console.
 */
export function SetupPage(): React.JSX.Element {
  const { t, i18n } = useTranslation('setup')
  const theme = usePrefs((s) => s.theme)
  const setTheme = usePrefs((s) => s.setTheme)
  const setLanguage = usePrefs((s) => s.setLanguage)
  const existingTeams = useTeams()
  const [busy, setBusy] = useState(false)

  // The default teams are offered before they exist (they are created on submit), together with
  // any other team already on this workstation.
  const teamOptions = useMemo<Option[]>(() => {
    const others = sortTeams(existingTeams).filter(
      (e) => e.active && !defaultTeams.some((d) => d.id === e.id || sameName(d.name, e.name))
    )
    return [
      ...defaultTeams.map((d) => ({ value: d.id, label: d.name })),
      ...others.map((e) => ({ value: e.id, label: e.name }))
    ]
  }, [existingTeams])

  const form = useForm<AgentFormValues>({
    mode: 'controlled',
    initialValues: { ...emptyAgent, teamId: defaultTeams[0].id },
    validate: (values) => validateAgentForm(values, t, { requireTeam: true }),
    validateInputOnBlur: true
  })

  const submit = async (values: AgentFormValues): Promise<void> => {
    setBusy(true)
    const db = getDb()
    try {
      const agentId = newId()
      const seeded = await seedDefaults(db, agentId)
      const chosenDefault = defaultTeamById(values.teamId)
      const teamId = chosenDefault ? seeded.teamIds[chosenDefault.key] : values.teamId
      await runCommand(db, 'agent.upsert', 1, { id: agentId, ...values, teamId, active: true }, { actorId: agentId })
      await setProfile({ agentId })
    } catch (error) {
      const issues = commandIssues(error, t)
      if (issues && Object.keys(issues).length) form.setErrors(issues)
      notifications.show({
        color: 'red',
        title: t('settings:feedback.notSaved'),
        message: issues ? t('fixFields') : t('failed', { message: (error as Error).message })
      })
      setBusy(false)
    }
  }

  const currentLanguage = languages.find((l) => l === i18n.language) ?? 'en'

  return (
    <Box h="100%" style={{ overflowY: 'auto' }} bg="var(--mantine-color-body)">
      <Center mih="100%" p="md">
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={640} component="main">
          <form onSubmit={form.onSubmit(submit, () => undefined)} noValidate>
            <Stack gap="lg">
              <Stack gap={4}>
                <Text size="xs" fw={600} tt="uppercase" c="indigo" style={{ letterSpacing: '0.06em' }}>
                  {t('common:appName')}
                </Text>
                <Title order={2}>{t('welcome')}</Title>
                <Text c="dimmed" size="sm">
                  {t('intro')}
                </Text>
              </Stack>

              <Stack gap="xs">
                <Divider label={t('display')} labelPosition="left" />
                <Group grow align="flex-start" gap="md">
                  <Stack gap={4}>
                    <Text size="sm" fw={500} id="setup-language-label">
                      {t('language')}
                    </Text>
                    <SegmentedControl
                      fullWidth
                      aria-labelledby="setup-language-label"
                      data-testid="setup-language"
                      value={currentLanguage}
                      onChange={(v) => setLanguage(v)}
                      data={languages.map((l) => ({ value: l, label: t(`common:language.${l}`) }))}
                    />
                  </Stack>
                  <Stack gap={4}>
                    <Text size="sm" fw={500} id="setup-theme-label">
                      {t('theme')}
                    </Text>
                    <SegmentedControl
                      fullWidth
                      aria-labelledby="setup-theme-label"
                      data-testid="setup-theme"
                      value={theme}
                      onChange={(v) => setTheme(v)}
                      data={(['light', 'dark', 'system'] as const).map((v) => ({
                        value: v,
                        label: t(`common:theme.${v}`)
                      }))}
                    />
                  </Stack>
                </Group>
              </Stack>

              <Stack gap="sm">
                <Divider label={t('profile')} labelPosition="left" />
                <Text size="xs" c="dimmed" mt={-6}>
                  {t('profileHint')}
                </Text>
                <AgentFields form={form} teams={teamOptions} testIdPrefix="setup" autoFocus />
              </Stack>

              <Alert variant="light" color="indigo" p="sm">
                <Text size="xs">{t('defaults')}</Text>
              </Alert>

              <Group justify="flex-end">
                <Button type="submit" size="md" loading={busy} data-testid="setup-submit">
                  {t('submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  )
}
