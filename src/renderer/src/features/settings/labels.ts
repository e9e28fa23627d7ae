import type { TFunction } from 'i18next'
import type { Agent, Team } from '@shared/people/model'
import { roles, teamKinds } from '@shared/people/model'
import { tiers } from '@shared/ticket/model'

export interface Option {
  value: string
  label: string
}

/** Default subcategories are translation keys; ones an admin added are shown as typed. */
export function subcategoryLabel(t: TFunction, sub: string): string {
  return t(`common:subcategory.${sub}`, { defaultValue: sub })
}

export function roleOptions(t: TFunction): Option[] {
  return roles.map((r) => ({ value: r, label: t(`common:role.${r}`) }))
}

export function tierOptions(t: TFunction): Option[] {
  return tiers.map((r) => ({ value: r, label: t(`common:tier.${r}`) }))
}

/** Service desk tiers first, then the specialist teams, the order tickets escalate through. */
export function sortTeams(teams: readonly Team[]): Team[] {
  const rank = (t: Team): number => teamKinds.indexOf(t.kind)
  return [...teams].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
}

const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name)

/** Active teams, plus the currently selected one even if inactive, so a value never renders blank. */
export function teamOptions(teams: readonly Team[], keep = ''): Option[] {
  return sortTeams(teams)
    .filter((t) => t.active || t.id === keep)
    .map((t) => ({ value: t.id, label: t.name }))
}

export function agentOptions(agents: readonly Agent[], keep = ''): Option[] {
  return [...agents]
    .filter((a) => a.active || a.id === keep)
    .sort(byName)
    .map((a) => ({ value: a.id, label: a.name }))
}
