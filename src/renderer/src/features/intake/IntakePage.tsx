import {
  Alert,
  Badge,
  Box,
  Button,
  Grid,
  Group,
  Kbd,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title
} from '@mantine/core'
import { getHotkeyHandler } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import { ContactPicker } from '../../components/ContactPicker'
import {
  AgentSelect,
  CategorySelect,
  ChannelSelect,
  ServiceSelect,
  SubcategorySelect,
  TeamSelect
} from '../../components/DeskSelects'
import { useFieldError, type Issues } from '../../components/field-errors'
import { useCommand } from '../../components/use-command'
import { getDb } from '../../data/database'
import { useAgents, useDeskConfig, useServices, useTeams } from '../../data/reference'
import { DuplicatePanel } from './components/DuplicatePanel'
import { PriorityFields } from './components/PriorityFields'
import { useDuplicateCandidates } from './hooks/use-duplicate-candidates'
import { buildCreateArgs, draftPriority, effectiveRoute, validateDraft } from './intake-form'
import { isDraftDirty, useIntakeStore, type IntakeDraft } from './store'

/** Which issue keys a draft field clears when the agent edits it. */
const issueKeysOf: Partial<Record<keyof IntakeDraft, string[]>> = {
  requesterQuery: ['requesterId'],
  overridePriority: ['priorityOverride.priority', 'priorityOverride'],
  overrideReason: ['priorityOverride.reason', 'priorityOverride'],
  override: ['priorityOverride', 'priorityOverride.priority', 'priorityOverride.reason']
}

/** Form order: the first field with a problem gets the focus. */
const fieldOrder: Array<[string, string]> = [
  ['requesterId', 'requester-search'],
  ['title', 'intake-title'],
  ['description', 'intake-description'],
  ['category', 'intake-category'],
  ['subcategory', 'intake-subcategory'],
  ['serviceId', 'intake-service'],
  ['impact', 'intake-impact'],
  ['urgency', 'intake-urgency'],
  ['priorityOverride.priority', 'intake-override-priority'],
  ['priorityOverride.reason', 'intake-override-reason'],
  ['teamId', 'intake-team'],
  ['assigneeId', 'intake-assignee']
]

function focusFirstProblem(issues: Issues): void {
  const hit = fieldOrder.find(([key]) => issues[key])
  const el = hit && document.querySelector<HTMLElement>(`[data-testid="${hit[1]}"]`)
  el?.focus()
}

export function IntakePage(): React.JSX.Element {
  const { t } = useTranslation('intake')
  const [, navigate] = useLocation()
  const draft = useIntakeStore((s) => s.draft)
  const update = useIntakeStore((s) => s.update)
  const reset = useIntakeStore((s) => s.reset)
  const config = useDeskConfig()
  const teams = useTeams()
  const agents = useAgents()
  const services = useServices()
  const cmd = useCommand()
  const err = useFieldError(cmd.issues)
  const { issues, setIssues } = cmd

  const route = effectiveRoute(draft, config)
  const priority = draftPriority(draft, config)
  const candidates = useDuplicateCandidates(draft.requesterId, draft.serviceId, draft.title)
  const duplicateOf = useLiveQuery(
    async () => (draft.duplicateOfId ? ((await getDb().tickets.get(draft.duplicateOfId)) ?? null) : null),
    [draft.duplicateOfId]
  )
  const dirty = isDraftDirty(draft)
  const suggestionTeam = route.suggestion ? teams.find((x) => x.id === route.suggestion!.teamId) : undefined

  const change = useCallback(
    (patch: Partial<IntakeDraft>): void => {
      update(patch)
      const keys = Object.keys(patch).flatMap((k) => issueKeysOf[k as keyof IntakeDraft] ?? [k])
      if (keys.some((k) => k in issues)) {
        const next = { ...issues }
        for (const k of keys) delete next[k]
        setIssues(next)
      }
    },
    [update, issues, setIssues]
  )

  const submit = async (): Promise<void> => {
    if (cmd.busy) return
    const problems = validateDraft(draft, route)
    if (Object.keys(problems).length) {
      setIssues(problems)
      focusFirstProblem(problems)
      return
    }
    if (!(await cmd.run('ticket.create', buildCreateArgs(draft, route)))) return
    const created = await getDb().tickets.get(draft.id)
    const number = created?.number ?? ''
    notifications.show({ color: 'teal', title: t('created', { number }), message: created?.title, autoClose: 4000 })
    if (
      draft.duplicateOfId &&
      (await cmd.run('ticket.link', { ticketId: draft.id, targetId: draft.duplicateOfId, type: 'duplicate_of' }))
    )
      notifications.show({
        color: 'indigo',
        message: t('linkedAsDuplicate', { number: duplicateOf?.number ?? '' }),
        autoClose: 4000
      })
    const id = draft.id
    reset()
    navigate(`/tickets/${id}`)
  }

  const hotkeys = getHotkeyHandler([['mod+Enter', () => void submit()]])
  const clientProblems = Object.keys(issues).length > 0

  return (
    <Box style={{ flex: 1, minHeight: 0, overflow: 'auto' }} onKeyDown={hotkeys} data-testid="intake-page">
      <Grid gap="lg" maw={1280}>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="sm">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Title order={3}>{t('pageTitle')}</Title>
              <Group gap="sm" wrap="nowrap">
                <SegmentedControl
                  aria-label={t('kind')}
                  value={draft.kind}
                  onChange={(v) => change({ kind: v })}
                  data={(['incident', 'request'] as const).map((k) => ({
                    value: k,
                    label: <span data-testid={`intake-kind-${k}`}>{t(`common:kind.${k}`)}</span>
                  }))}
                />
                <ChannelSelect
                  aria-label={t('channel')}
                  w={140}
                  value={draft.channel}
                  onChange={(channel) => change({ channel })}
                  data-testid="intake-channel"
                />
              </Group>
            </Group>

            <ContactPicker
              autoFocus
              value={draft.requesterId}
              onChange={(requesterId) => change({ requesterId })}
              error={issues.requesterId ? t('requesterMissing') : undefined}
              query={draft.requesterQuery}
              onQueryChange={(requesterQuery) => change({ requesterQuery })}
              adding={draft.addingContact}
              onAddingChange={(addingContact) => update({ addingContact })}
              contactDraft={draft.contact}
              onContactDraftChange={(contact) => update({ contact })}
            />

            <TextInput
              required
              label={t('title')}
              placeholder={t('titlePlaceholder')}
              value={draft.title}
              onChange={(e) => change({ title: e.currentTarget.value })}
              error={err('title')}
              data-testid="intake-title"
            />
            <Textarea
              autosize
              minRows={3}
              maxRows={10}
              label={t('description')}
              placeholder={t('descriptionPlaceholder')}
              value={draft.description}
              onChange={(e) => change({ description: e.currentTarget.value })}
              error={err('description')}
              data-testid="intake-description"
            />

            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <CategorySelect
                required
                label={t('category')}
                value={draft.category}
                onChange={(category) =>
                  change({ category, subcategory: category === draft.category ? draft.subcategory : '' })
                }
                error={err('category')}
                data-testid="intake-category"
              />
              <SubcategorySelect
                label={t('subcategory')}
                tree={config.categoryTree}
                category={draft.category}
                value={draft.subcategory}
                onChange={(subcategory) => change({ subcategory })}
                error={err('subcategory')}
                data-testid="intake-subcategory"
              />
              <ServiceSelect
                label={t('service')}
                placeholder={t('serviceNone')}
                services={services}
                value={draft.serviceId}
                onChange={(serviceId) => change({ serviceId })}
                error={err('serviceId')}
                data-testid="intake-service"
              />
            </SimpleGrid>

            <PriorityFields
              impact={draft.impact}
              urgency={draft.urgency}
              override={draft.override}
              overridePriority={draft.overridePriority}
              overrideReason={draft.overrideReason}
              view={priority}
              err={err}
              onChange={change}
            />

            <Paper withBorder p="sm">
              <Group justify="space-between" mb={6} gap="xs">
                <Text fw={600} size="sm">
                  {t('routing')}
                </Text>
                {route.fromRule && (
                  <Badge variant="light" color="teal" data-testid="intake-route-suggested">
                    {t('suggestedByRule')}
                    {suggestionTeam ? ` · ${suggestionTeam.name}` : ''}
                  </Badge>
                )}
                {!route.fromRule && route.suggestion && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => change({ routeTouched: false })}
                    data-testid="intake-route-use"
                  >
                    {t('useSuggestion')}
                    {suggestionTeam ? ` · ${suggestionTeam.name}` : ''}
                  </Button>
                )}
                {draft.category && !route.suggestion && (
                  <Text size="xs" c="dimmed">
                    {t('noRule')}
                  </Text>
                )}
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TeamSelect
                  label={t('team')}
                  placeholder={t('teamPlaceholder')}
                  teams={teams}
                  value={route.teamId}
                  onChange={(teamId) => {
                    const assignee = agents.find((a) => a.id === route.assigneeId)
                    // An assignee from another team would contradict the chosen team.
                    const assigneeId = assignee && teamId && assignee.teamId !== teamId ? '' : route.assigneeId
                    change({ routeTouched: true, teamId, assigneeId })
                  }}
                  error={err('teamId')}
                  data-testid="intake-team"
                />
                <AgentSelect
                  label={t('assignee')}
                  placeholder={t('assigneePlaceholder')}
                  agents={agents}
                  teams={teams}
                  teamId={route.teamId}
                  value={route.assigneeId}
                  onChange={(assigneeId) => {
                    const agent = agents.find((a) => a.id === assigneeId)
                    const teamId = route.teamId || agent?.teamId || ''
                    change({ routeTouched: true, teamId, assigneeId })
                  }}
                  error={err('assigneeId')}
                  data-testid="intake-assignee"
                />
              </SimpleGrid>
            </Paper>

            {duplicateOf && (
              <Alert color="indigo" variant="light" data-testid="intake-duplicate-of">
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm">{t('duplicates.willLink', { number: duplicateOf.number })}</Text>
                  <Button size="compact-xs" variant="subtle" onClick={() => update({ duplicateOfId: '' })}>
                    {t('duplicates.dontLink')}
                  </Button>
                </Group>
              </Alert>
            )}

            <Group justify="space-between" wrap="wrap" gap="sm">
              <Group gap="sm">
                <Button
                  onClick={() => void submit()}
                  loading={cmd.busy}
                  disabled={!cmd.ready}
                  data-testid="intake-submit"
                >
                  {t('submit')}
                </Button>
                <Text size="xs" c="dimmed">
                  <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd>
                </Text>
                {clientProblems && (
                  <Text size="sm" c="red" role="alert" data-testid="intake-errors">
                    {t('fixFields')}
                  </Text>
                )}
              </Group>
              {dirty && (
                <Button
                  variant="subtle"
                  color="gray"
                  onClick={() => {
                    reset()
                    setIssues({})
                  }}
                  data-testid="intake-discard"
                >
                  {t('discard')}
                </Button>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {dirty ? `${t('draftKept')} · ` : ''}
              {t('keyboard')}
            </Text>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <DuplicatePanel
            candidates={candidates}
            searching={Boolean(draft.requesterId || draft.serviceId)}
            duplicateOfId={draft.duplicateOfId}
            onMarkDuplicate={(duplicateOfId) => update({ duplicateOfId })}
          />
        </Grid.Col>
      </Grid>
    </Box>
  )
}
