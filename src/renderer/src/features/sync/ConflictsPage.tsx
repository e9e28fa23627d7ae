import { useMemo, useState } from 'react'
import { Alert, Anchor, Badge, Button, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { canRunCommand } from '@shared/auth/permissions'
import { CommandError } from '@shared/command/types'
import { formatAbsolute, formatRelative, useDateLocale } from '../../components/RelativeTime'
import { getDb } from '../../data/database'
import type { ConflictRow } from '../../data/db'
import { useAgents, useMe, useTeams } from '../../data/reference'
import { discardConflict, reapplyConflict } from '../../data/sync/conflicts'
import { rejectionCodes } from '@shared/sync/protocol'
import { conflictRows, conflictTicketId, type Lookups } from './conflict-view'
import { useConflicts } from './hooks/use-sync'

function useLookups(conflicts: readonly ConflictRow[]): Lookups {
  const teams = useTeams()
  const agents = useAgents()
  const ids = useMemo(() => {
    const contacts = new Set<string>()
    const tickets = new Set<string>()
    for (const c of conflicts) {
      const a = (c.args ?? {}) as Record<string, unknown>
      const fields = (a.fields ?? {}) as Record<string, unknown>
      for (const v of [a.requesterId, fields.requesterId]) if (typeof v === 'string') contacts.add(v)
      for (const v of [a.ticketId, a.targetId]) if (typeof v === 'string') tickets.add(v)
    }
    return { contacts: [...contacts], tickets: [...tickets] }
  }, [conflicts])
  const names = useLiveQuery(async () => {
    const db = getDb()
    const [contacts, tickets] = await Promise.all([db.contacts.bulkGet(ids.contacts), db.tickets.bulkGet(ids.tickets)])
    return {
      contacts: new Map(contacts.flatMap((c) => (c ? [[c.id, c.name] as const] : []))),
      tickets: new Map(tickets.flatMap((t) => (t ? [[t.id, t.number] as const] : [])))
    }
  }, [ids])
  return useMemo(
    () => ({
      team: (id) => teams.find((x) => x.id === id)?.name,
      agent: (id) => agents.find((x) => x.id === id)?.name,
      contact: (id) => names?.contacts.get(id),
      ticketNumber: (id) => names?.tickets.get(id)
    }),
    [teams, agents, names]
  )
}

function ConflictCard({ conflict, refs }: { conflict: ConflictRow; refs: Lookups }): React.JSX.Element {
  const { t } = useTranslation('sync')
  const locale = useDateLocale()
  const me = useMe()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const rows = conflictRows(conflict, t, refs, (iso) => formatAbsolute(iso, locale))
  const ticketId = conflictTicketId(conflict)
  const ticketNumber =
    (conflict.current?.row as { number?: string } | null | undefined)?.number ??
    (ticketId ? refs.ticketNumber(ticketId) : undefined)
  const allowed = !me || canRunCommand(me.role, conflict.name)
  const knownCode = (rejectionCodes as readonly string[]).includes(conflict.code)
  const hasTheirs = rows.some((r) => r.theirs !== undefined)

  const reapply = async (): Promise<void> => {
    if (!me) return
    setBusy(true)
    setError(null)
    try {
      await reapplyConflict(getDb(), conflict.id, me.id)
      notifications.show({ color: 'teal', message: t('conflicts.reapplied') })
    } catch (e) {
      const message = e instanceof CommandError ? [e.message, ...Object.values(e.issues)].filter(Boolean)[0] : String(e)
      setError(t('conflicts.reapplyFailed', { message }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Paper withBorder p="md" data-testid="conflict-item" data-conflict-id={conflict.id} data-command={conflict.name}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={600}>
                {t(`command.${conflict.name}`, {
                  defaultValue: t('conflicts.unknownCommand', { name: conflict.name })
                })}
              </Text>
              {ticketNumber && ticketId && (
                <Anchor component={Link} href={`/tickets/${ticketId}`} size="sm" ff="monospace">
                  {ticketNumber}
                </Anchor>
              )}
              <Badge color="red" variant="light" data-testid="conflict-reason">
                {knownCode ? t(`reason.${conflict.code}`) : conflict.code}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {conflict.reason}
            </Text>
            {Object.entries(conflict.issues).length > 0 && (
              <Text size="xs" c="dimmed">
                {Object.entries(conflict.issues)
                  .map(([field, message]) => `${t(`field.${field}`, { defaultValue: field })}: ${message}`)
                  .join(' · ')}
              </Text>
            )}
          </Stack>
          <Text
            size="xs"
            c="dimmed"
            style={{ whiteSpace: 'nowrap' }}
            title={formatAbsolute(conflict.refusedAt, locale)}
          >
            {t('conflicts.refusedAt', { when: formatRelative(conflict.refusedAt, locale) })}
          </Text>
        </Group>
        <Table withTableBorder withColumnBorders fz="sm" layout="fixed" data-testid="conflict-fields">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%" />
              <Table.Th>{t('conflicts.yourChange')}</Table.Th>
              <Table.Th>{t('conflicts.current')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.field} data-field={r.field}>
                <Table.Td c="dimmed">{r.label}</Table.Td>
                <Table.Td
                  fw={r.mine !== undefined ? 600 : undefined}
                  style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
                >
                  {r.mine ?? ''}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{r.theirs ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {!hasTheirs && (
          <Text size="xs" c="dimmed">
            {t('conflicts.currentNone')}
          </Text>
        )}
        {error && (
          <Alert color="red" data-testid="conflict-error">
            {error}
          </Alert>
        )}
        {!allowed && (
          <Text size="xs" c="dimmed">
            {t('conflicts.noPermission')}
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          <Button
            variant="default"
            onClick={() => void discardConflict(getDb(), conflict.id)}
            data-testid="conflict-discard"
          >
            {t('conflicts.discard')}
          </Button>
          {allowed && conflict.name && (
            <Button onClick={() => void reapply()} loading={busy} disabled={!me} data-testid="conflict-reapply">
              {t('conflicts.reapply')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  )
}

/** `/conflicts`: every command the desk server refused, until the agent re-applies or discards it. */
export function ConflictsPage(): React.JSX.Element {
  const { t } = useTranslation('sync')
  const conflicts = useConflicts()
  const refs = useLookups(conflicts ?? [])
  const discardAll = async (): Promise<void> => {
    if (!conflicts?.length) return
    if (!window.confirm(t('conflicts.discardAllConfirm', { count: conflicts.length }))) return
    await getDb().conflicts.bulkDelete(conflicts.map((c) => c.id))
  }
  return (
    <ScrollArea h="100%">
      <Stack gap="md" pb="xl" maw={960}>
        <Group justify="space-between" align="flex-end">
          <Stack gap={4}>
            <Title order={3}>{t('conflicts.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('conflicts.description')}
            </Text>
          </Stack>
          {conflicts && conflicts.length > 1 && (
            <Button
              variant="subtle"
              color="red"
              size="xs"
              onClick={() => void discardAll()}
              data-testid="conflicts-discard-all"
            >
              {t('conflicts.discardAll')}
            </Button>
          )}
        </Group>
        {conflicts?.length === 0 && (
          <Paper withBorder p="lg" data-testid="conflicts-empty">
            <Text c="dimmed">{t('conflicts.empty')}</Text>
          </Paper>
        )}
        <Stack gap="sm" data-testid="conflicts-list">
          {conflicts?.map((c) => (
            <ConflictCard key={c.id} conflict={c} refs={refs} />
          ))}
        </Stack>
      </Stack>
    </ScrollArea>
  )
}
