import classes from './internal-note.module.css'
import { Anchor, Badge, Box, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import type { Agent, Service, Team } from '@shared/people/model'
import type { FieldChange, TicketEvent } from '@shared/ticket/model'
import { RelativeTime } from '../../../components/RelativeTime'
import { StatusBadge } from '../../../components/StatusBadge'
import { getDb } from '../../../data/database'
import { useAgents, useServices, useTeams } from '../../../data/reference'
import { formatDuration } from './WorklogPanel'

interface Names {
  agents: Map<string, Agent>
  teams: Map<string, Team>
  services: Map<string, Service>
  contacts: Map<string, string>
}

const markerColor: Record<TicketEvent['type'], string> = {
  created: 'blue',
  comment: 'indigo',
  worklog: 'cyan',
  status: 'violet',
  assignment: 'teal',
  escalation: 'orange',
  fields: 'gray',
  link: 'grape'
}

/** A field value as an agent reads it: translated words and names rather than ids and codes. */
export function formatFieldValue(t: TFunction, field: string, value: unknown, names: Names): string {
  const none = t('ticket:timeline.empty_value')
  if (value === null || value === undefined || value === '') return none
  if (field === 'priorityOverride' && typeof value === 'object') {
    const o = value as { priority: string; reason: string }
    return `${o.priority} (${o.reason})`
  }
  const v = typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value)
  switch (field) {
    case 'channel':
      return t(`common:channel.${v}`)
    case 'category':
      return t(`common:category.${v}`)
    case 'subcategory':
      return t(`common:subcategory.${v}`, { defaultValue: v })
    case 'impact':
      return t(`common:impact.${v}`)
    case 'urgency':
      return t(`common:urgency.${v}`)
    case 'serviceId':
      return names.services.get(v)?.name ?? v
    case 'requesterId':
      return names.contacts.get(v) ?? v
    case 'priority':
      return v
    default:
      return typeof value === 'string' ? `“${value.length > 80 ? `${value.slice(0, 80)}…` : value}”` : v
  }
}

export function describeChange(t: TFunction, change: FieldChange, names: Names): string {
  if (change.field === 'description') return t('ticket:timeline.descriptionChanged')
  return t('ticket:timeline.change', {
    field: t(`ticket:field.${change.field}`, { defaultValue: change.field }),
    from: formatFieldValue(t, change.field, change.from, names),
    to: formatFieldValue(t, change.field, change.to, names)
  })
}

function EventBody({ event, names }: { event: TicketEvent; names: Names }): React.JSX.Element | null {
  const { t } = useTranslation('ticket')
  const team = (id: string): string => (id ? (names.teams.get(id)?.name ?? id) : t('timeline.noTeam'))
  const agent = (id: string): string =>
    id ? (names.agents.get(id)?.name ?? t('timeline.unknownAgent')) : t('timeline.nobody')
  switch (event.type) {
    case 'created':
      return null
    case 'comment':
      return (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {event.body}
        </Text>
      )
    case 'worklog':
      return event.note ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {event.note}
        </Text>
      ) : null
    case 'status':
      return (
        <Stack gap={2}>
          <Group gap={6}>
            <StatusBadge status={event.from} size="sm" />
            <Text size="sm">→</Text>
            <StatusBadge status={event.to} size="sm" />
            {event.pendingReason && event.to === 'pending' && (
              <Text size="sm" c="dimmed">
                {t('timeline.pendingReason', { reason: t(`common:pendingReason.${event.pendingReason}`) })}
              </Text>
            )}
            {event.resolutionCode && (
              <Text size="sm" c="dimmed">
                {t('timeline.resolutionCode', { code: t(`common:resolutionCode.${event.resolutionCode}`) })}
              </Text>
            )}
          </Group>
          {event.note && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {event.note}
            </Text>
          )}
        </Stack>
      )
    case 'assignment':
      return (
        <Stack gap={0}>
          {event.fromTeamId !== event.toTeamId && (
            <Text size="sm">
              {t('timeline.teamChange', { from: team(event.fromTeamId), to: team(event.toTeamId) })}
            </Text>
          )}
          {event.fromAssigneeId !== event.toAssigneeId && (
            <Text size="sm">
              {t('timeline.assigneeChange', { from: agent(event.fromAssigneeId), to: agent(event.toAssigneeId) })}
            </Text>
          )}
        </Stack>
      )
    case 'escalation':
      return (
        <Stack gap={0}>
          {event.fromTier !== event.toTier && (
            <Text size="sm">{t('timeline.tierChange', { from: event.fromTier, to: event.toTier })}</Text>
          )}
          {event.fromTeamId !== event.toTeamId && (
            <Text size="sm">
              {t('timeline.teamChange', { from: team(event.fromTeamId), to: team(event.toTeamId) })}
            </Text>
          )}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {event.reason}
          </Text>
        </Stack>
      )
    case 'fields':
      return (
        <Stack gap={0}>
          {event.changes.map((c) => (
            <Text size="sm" key={c.field} data-field={c.field}>
              {describeChange(t, c, names)}
            </Text>
          ))}
        </Stack>
      )
    case 'link':
      return (
        <Text size="sm">
          {t(`common:linkType.${event.linkType}`)}{' '}
          <Anchor component={Link} href={`/tickets/${event.targetId}`} fw={600}>
            {event.targetNumber}
          </Anchor>
        </Text>
      )
  }
}

function headline(t: TFunction, event: TicketEvent): string {
  switch (event.type) {
    case 'created':
      return t('ticket:timeline.created', { number: event.number })
    case 'comment':
      return t(`ticket:timeline.comment.${event.visibility}`)
    case 'worklog':
      return t('ticket:timeline.worklog', { time: formatDuration(t, event.minutes) })
    default:
      return t(`ticket:timeline.${event.type}`)
  }
}

function TimelineItem({ event, names }: { event: TicketEvent; names: Names }): React.JSX.Element {
  const { t } = useTranslation('ticket')
  const actor = names.agents.get(event.actorId)?.name ?? t('timeline.unknownAgent')
  const isComment = event.type === 'comment'
  const internal = isComment && event.visibility === 'internal'
  const body = <EventBody event={event} names={names} />
  const meta = (
    <Group gap={6} wrap="wrap">
      <Text size="sm" fw={600}>
        {actor}
      </Text>
      <Text size="sm" c="dimmed">
        {headline(t, event)}
      </Text>
      {isComment && (
        <Badge size="xs" variant={internal ? 'filled' : 'light'} color={internal ? 'yellow' : 'indigo'}>
          {t(`common:visibility.${internal ? 'internal' : 'public'}`)}
        </Badge>
      )}
      <RelativeTime iso={event.occurredAt} withAbsolute ml="auto" />
    </Group>
  )
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      data-testid="timeline-event"
      data-type={event.type}
      data-visibility={isComment ? (internal ? 'internal' : 'public') : undefined}
    >
      <Box
        mt={6}
        w={10}
        h={10}
        style={{
          borderRadius: '50%',
          flexShrink: 0,
          background: `var(--mantine-color-${markerColor[event.type]}-filled)`
        }}
        aria-hidden
      />
      <Box style={{ flex: 1, minWidth: 0 }}>
        {isComment ? (
          <Paper
            withBorder
            p="xs"
            className={internal ? classes.internal : undefined}
            style={
              internal ? { borderStyle: 'dashed' } : { borderLeft: '3px solid var(--mantine-color-indigo-filled)' }
            }
          >
            {meta}
            {body}
          </Paper>
        ) : (
          <Stack gap={2}>
            {meta}
            {body}
          </Stack>
        )}
      </Box>
    </Group>
  )
}

/** Every event of the ticket, oldest first: the audit trail an agent reads top to bottom. */
export function Timeline({ events }: { events: readonly TicketEvent[] }): React.JSX.Element {
  const { t } = useTranslation('ticket')
  const agents = useAgents()
  const teams = useTeams()
  const services = useServices()
  const requesterIds = useMemo(() => {
    const ids = new Set<string>()
    for (const e of events)
      if (e.type === 'fields')
        for (const c of e.changes)
          if (c.field === 'requesterId') for (const v of [c.from, c.to]) if (typeof v === 'string' && v) ids.add(v)
    return [...ids]
  }, [events])
  const contacts = useLiveQuery(
    async () => new Map((await getDb().contacts.bulkGet(requesterIds)).filter(Boolean).map((c) => [c!.id, c!.name])),
    [requesterIds.join(',')]
  )
  const names: Names = useMemo(
    () => ({
      agents: new Map(agents.map((a) => [a.id, a])),
      teams: new Map(teams.map((x) => [x.id, x])),
      services: new Map(services.map((s) => [s.id, s])),
      contacts: contacts ?? new Map()
    }),
    [agents, teams, services, contacts]
  )
  return (
    <Stack gap="sm" data-testid="timeline">
      <Title order={5}>{t('timeline.title')}</Title>
      {events.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('timeline.empty')}
        </Text>
      )}
      {events.map((e) => (
        <TimelineItem key={e.id} event={e} names={names} />
      ))}
    </Stack>
  )
}
