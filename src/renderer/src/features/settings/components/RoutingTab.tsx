import { useState } from 'react'
import { ActionIcon, Button, Group, Paper, Select, Stack, Table, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { RoutingRule } from '@shared/config/model'
import { newId } from '@shared/ids'
import { categories, type Category } from '@shared/ticket/model'
import { useAgents, useDeskConfig, useTeams } from '../../../data/reference'
import { issuesUnder, type FieldErrors } from '../issues'
import { subcategoryLabel, teamOptions, type Option } from '../labels'
import { useCommandRunner } from '../use-command-runner'
import { SectionHeader } from './SectionHeader'

// Select options cannot carry an empty value; these stand for "any subcategory" / "no assignee".
const anySub = '__any__'
const noAssignee = '__none__'

function Arrow({ up }: { up: boolean }): React.JSX.Element {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <path d={up ? 'M12 19V5M5 12l7-7 7 7' : 'M12 5v14M19 12l-7 7-7-7'} />
    </svg>
  )
}

function Cross(): React.JSX.Element {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <path d="M18 6 6 18M6 6l12 12" />
    </svg>
  )
}

const short = (id: string): string => (id.length > 8 ? `${id.slice(0, 8)}…` : id)

export function RoutingTab(): React.JSX.Element {
  const { t } = useTranslation('settings')
  const config = useDeskConfig()
  const teams = useTeams()
  const agents = useAgents()
  const run = useCommandRunner()
  // null: follow the stored rules; an array: the agent's unsaved edit.
  const [draft, setDraft] = useState<RoutingRule[] | null>(null)
  const [issues, setIssues] = useState<FieldErrors>({})
  const [saving, setSaving] = useState(false)
  const rules = draft ?? config.routingRules

  const edit = (next: RoutingRule[]): void => {
    setDraft(next)
    setIssues({})
  }
  const update = (i: number, patch: Partial<RoutingRule>): void =>
    edit(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const move = (i: number, by: -1 | 1): void => {
    const next = [...rules]
    const [row] = next.splice(i, 1)
    next.splice(i + by, 0, row)
    edit(next)
  }
  const add = (): void =>
    edit([...rules, { id: newId(), category: 'hardware', subcategory: '', teamId: '', assigneeId: '' }])

  const save = async (): Promise<void> => {
    setSaving(true)
    const result = await run('config.set', 1, { key: 'routingRules', value: rules })
    setSaving(false)
    if (result.ok) {
      setDraft(null)
      setIssues({})
    } else setIssues(result.issues)
  }

  const teamName = new Map(teams.map((x) => [x.id, x.name]))
  const teamData = (keep: string): Option[] => {
    const data = teamOptions(teams, keep)
    if (keep && !teamName.has(keep)) data.unshift({ value: keep, label: t('routing.unknownTeam', { id: short(keep) }) })
    return data
  }
  const assigneeData = (teamId: string, keep: string): Option[] => {
    const data: Option[] = [{ value: noAssignee, label: t('routing.teamQueue') }]
    for (const a of [...agents].sort((x, y) => x.name.localeCompare(y.name)))
      if ((a.active && a.teamId === teamId) || a.id === keep) data.push({ value: a.id, label: a.name })
    if (keep && !agents.some((a) => a.id === keep))
      data.push({ value: keep, label: t('routing.unknownAgent', { id: short(keep) }) })
    return data
  }
  const subData = (category: Category, keep: string): Option[] => {
    const subs = config.categoryTree[category] ?? []
    const data = [
      { value: anySub, label: t('routing.anySubcategory') },
      ...subs.map((s) => ({ value: s, label: subcategoryLabel(t, s) }))
    ]
    if (keep && !subs.includes(keep)) data.push({ value: keep, label: keep })
    return data
  }
  // routeTicket takes the first rule for an exact (category, subcategory) pair; later twins never fire.
  const shadowedBy = (i: number): number =>
    rules.findIndex((r, j) => j < i && r.category === rules[i].category && r.subcategory === rules[i].subcategory)

  return (
    <Stack gap="md">
      <SectionHeader
        title={t('routing.title')}
        description={t('routing.description')}
        actions={
          <>
            {draft && (
              <Text size="xs" c="orange" fw={500}>
                {t('unsaved')}
              </Text>
            )}
            <Button size="xs" variant="default" onClick={add} data-testid="routing-add">
              {t('routing.add')}
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={!draft}
              onClick={() => {
                setDraft(null)
                setIssues({})
              }}
            >
              {t('revert')}
            </Button>
            <Button size="xs" disabled={!draft} loading={saving} onClick={() => void save()} data-testid="routing-save">
              {t('common:actions.save')}
            </Button>
          </>
        }
      />
      <Paper withBorder>
        <Table verticalSpacing={6} layout="fixed" data-testid="routing-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={56}>{t('routing.order')}</Table.Th>
              <Table.Th w="16%">{t('fields.category')}</Table.Th>
              <Table.Th w="20%">{t('fields.subcategory')}</Table.Th>
              <Table.Th>{t('fields.team')}</Table.Th>
              <Table.Th w="22%">{t('fields.assignee')}</Table.Th>
              <Table.Th w={104} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.map((rule, i) => {
              const rowIssues = issuesUnder(issues, `value.${i}`)
              const shadow = shadowedBy(i)
              return (
                <Table.Tr key={rule.id} data-testid="routing-row" style={{ verticalAlign: 'top' }}>
                  <Table.Td>
                    <Text size="sm" c="dimmed" pt={6}>
                      {i + 1}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={`${t('fields.category')} ${i + 1}`}
                      data={categories.map((c) => ({ value: c, label: t(`common:category.${c}`) }))}
                      value={rule.category}
                      allowDeselect={false}
                      error={rowIssues.category}
                      onChange={(v) => {
                        const category = v as Category
                        const keepSub = config.categoryTree[category]?.includes(rule.subcategory)
                        update(i, { category, subcategory: keepSub ? rule.subcategory : '' })
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={`${t('fields.subcategory')} ${i + 1}`}
                      data={subData(rule.category, rule.subcategory)}
                      value={rule.subcategory || anySub}
                      allowDeselect={false}
                      searchable
                      error={rowIssues.subcategory}
                      onChange={(v) => update(i, { subcategory: !v || v === anySub ? '' : v })}
                    />
                    {shadow >= 0 && (
                      <Text size="xs" c="orange" mt={4}>
                        {t('routing.shadowed', { n: shadow + 1 })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={`${t('fields.team')} ${i + 1}`}
                      data={teamData(rule.teamId)}
                      value={rule.teamId || null}
                      placeholder={t('fields.team')}
                      allowDeselect={false}
                      searchable
                      error={rowIssues.teamId}
                      data-testid={`routing-team-${i}`}
                      onChange={(v) => update(i, { teamId: v ?? '', assigneeId: '' })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={`${t('fields.assignee')} ${i + 1}`}
                      data={assigneeData(rule.teamId, rule.assigneeId)}
                      value={rule.assigneeId || noAssignee}
                      allowDeselect={false}
                      searchable
                      error={rowIssues.assigneeId}
                      onChange={(v) => update(i, { assigneeId: !v || v === noAssignee ? '' : v })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <Tooltip label={t('routing.moveUp')}>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          disabled={i === 0}
                          aria-label={`${t('routing.moveUp')} ${i + 1}`}
                          onClick={() => move(i, -1)}
                        >
                          <Arrow up />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('routing.moveDown')}>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          disabled={i === rules.length - 1}
                          aria-label={`${t('routing.moveDown')} ${i + 1}`}
                          onClick={() => move(i, 1)}
                        >
                          <Arrow up={false} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('routing.remove')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`${t('routing.remove')} ${i + 1}`}
                          onClick={() => edit(rules.filter((_, j) => j !== i))}
                        >
                          <Cross />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              )
            })}
            {!rules.length && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text size="sm" c="dimmed">
                    {t('routing.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  )
}
