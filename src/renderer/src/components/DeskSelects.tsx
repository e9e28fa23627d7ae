import { Select, type SelectProps } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { CategoryTree } from '@shared/config/model'
import type { Agent, Service, Team } from '@shared/people/model'
import {
  categories,
  channels,
  priorities,
  type Category,
  type Channel,
  type Level,
  type Priority
} from '@shared/ticket/model'

/** Props every desk select shares; `value` '' means none. */
type Base = Omit<SelectProps, 'data' | 'value' | 'onChange'> & { 'data-testid'?: string }

const strict = { allowDeselect: false, checkIconPosition: 'right' as const }

export function ChannelSelect({
  value,
  onChange,
  ...rest
}: Base & { value: Channel; onChange(v: Channel): void }): React.JSX.Element {
  const { t } = useTranslation()
  const data = channels.map((c) => ({ value: c, label: t(`common:channel.${c}`) }))
  return <Select {...strict} data={data} value={value} onChange={(v) => v && onChange(v as Channel)} {...rest} />
}

export function CategorySelect({
  value,
  onChange,
  ...rest
}: Base & { value: Category | ''; onChange(v: Category): void }): React.JSX.Element {
  const { t } = useTranslation()
  const data = categories.map((c) => ({ value: c, label: t(`common:category.${c}`) }))
  return (
    <Select
      {...strict}
      searchable
      data={data}
      value={value || null}
      onChange={(v) => v && onChange(v as Category)}
      {...rest}
    />
  )
}

/** Subcategory label: the built-in words are translated, custom ones (from the desk's config) shown as they are. */
export function useSubcategoryLabel(): (value: string) => string {
  const { t } = useTranslation()
  return (value) => t(`common:subcategory.${value}`, { defaultValue: value })
}

export function SubcategorySelect({
  tree,
  category,
  value,
  onChange,
  ...rest
}: Base & {
  tree: CategoryTree
  category: Category | ''
  value: string
  onChange(v: string): void
}): React.JSX.Element {
  const label = useSubcategoryLabel()
  const options = category ? (tree[category] ?? []) : []
  const data = options.map((s) => ({ value: s, label: label(s) }))
  // A subcategory the config no longer lists is still shown, so an old ticket reads correctly.
  if (value && !options.includes(value)) data.push({ value, label: label(value) })
  return (
    <Select
      searchable
      clearable
      checkIconPosition="right"
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      disabled={!category || rest.disabled}
      {...rest}
    />
  )
}

export function ServiceSelect({
  services,
  value,
  onChange,
  ...rest
}: Base & { services: readonly Service[]; value: string; onChange(v: string): void }): React.JSX.Element {
  const { t } = useTranslation()
  const data = useMemo(() => {
    const visible = services.filter((s) => s.active || s.id === value)
    return (['service', 'ci'] as const)
      .map((type) => ({
        group: t(`components:select.serviceGroup.${type}`),
        items: visible.filter((s) => s.type === type).map((s) => ({ value: s.id, label: s.name }))
      }))
      .filter((g) => g.items.length)
  }, [services, value, t])
  return (
    <Select
      searchable
      clearable
      checkIconPosition="right"
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      {...rest}
    />
  )
}

export function LevelSelect({
  kind,
  value,
  onChange,
  ...rest
}: Base & { kind: 'impact' | 'urgency'; value: Level; onChange(v: Level): void }): React.JSX.Element {
  const { t } = useTranslation()
  const data = (['1', '2', '3'] as const).map((l) => ({ value: l, label: t(`common:${kind}.${l}`) }))
  return (
    <Select
      {...strict}
      data={data}
      value={String(value)}
      onChange={(v) => v && onChange(Number(v) as Level)}
      {...rest}
    />
  )
}

export function PrioritySelect({
  value,
  onChange,
  ...rest
}: Base & { value: Priority | ''; onChange(v: Priority): void }): React.JSX.Element {
  const { t } = useTranslation()
  const data = priorities.map((p) => ({ value: p, label: t(`common:priority.${p}`) }))
  return (
    <Select {...strict} data={data} value={value || null} onChange={(v) => v && onChange(v as Priority)} {...rest} />
  )
}

export function TeamSelect({
  teams,
  value,
  onChange,
  ...rest
}: Base & { teams: readonly Team[]; value: string; onChange(v: string): void }): React.JSX.Element {
  const data = teams
    .filter((team) => team.active || team.id === value)
    .map((team) => ({ value: team.id, label: team.name }))
  return (
    <Select
      searchable
      clearable
      checkIconPosition="right"
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      {...rest}
    />
  )
}

/** Agents of the chosen team first (the usual pick), then everyone else. */
export function AgentSelect({
  agents,
  teamId,
  teams,
  value,
  onChange,
  ...rest
}: Base & {
  agents: readonly Agent[]
  teams: readonly Team[]
  teamId: string
  value: string
  onChange(v: string): void
}): React.JSX.Element {
  const { t } = useTranslation()
  const data = useMemo(() => {
    const visible = agents.filter((a) => a.active || a.id === value)
    const label = (a: Agent): string => `${a.name} · ${a.tier}`
    const teamName = (id: string): string => teams.find((x) => x.id === id)?.name ?? t('components:select.otherTeam')
    const groups = new Map<string, Agent[]>()
    for (const a of visible) groups.set(a.teamId, [...(groups.get(a.teamId) ?? []), a])
    const ordered = [...groups.keys()].sort(
      (a, b) => Number(b === teamId) - Number(a === teamId) || teamName(a).localeCompare(teamName(b))
    )
    return ordered.map((id) => ({
      group: teamName(id),
      items: groups
        .get(id)!
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((a) => ({ value: a.id, label: label(a) }))
    }))
  }, [agents, teams, teamId, value, t])
  return (
    <Select
      searchable
      clearable
      checkIconPosition="right"
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      {...rest}
    />
  )
}
