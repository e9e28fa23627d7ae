import { defaultDeskConfig, type DeskConfig, type RoutingRule } from '@shared/config/model'
import { defaultTeams, type DefaultTeam, type DefaultTeamKey } from '@shared/people/default-teams'
import type { Category } from '@shared/ticket/model'
import { metaKeys } from './command-store'
import { runCommand } from './commands'
import type { DeskDb } from './db'

export { defaultTeams, type DefaultTeam, type DefaultTeamKey } from '@shared/people/default-teams'

interface DefaultService {
  id: string
  name: string
  type: 'service' | 'ci'
  category: Category
  owner: DefaultTeamKey
}

export const defaultServices: readonly DefaultService[] = [
  {
    id: 'de5c0000-0000-7000-8000-0000000000b1',
    name: 'Email · 电子邮件',
    type: 'service',
    category: 'software',
    owner: 'application'
  },
  {
    id: 'de5c0000-0000-7000-8000-0000000000b2',
    name: 'VPN · 远程接入',
    type: 'service',
    category: 'network',
    owner: 'network'
  },
  {
    id: 'de5c0000-0000-7000-8000-0000000000b3',
    name: 'ERP · 企业资源计划',
    type: 'service',
    category: 'software',
    owner: 'application'
  },
  {
    id: 'de5c0000-0000-7000-8000-0000000000b4',
    name: 'Wi-Fi · 无线网络',
    type: 'service',
    category: 'network',
    owner: 'network'
  },
  {
    id: 'de5c0000-0000-7000-8000-0000000000b5',
    name: 'Directory accounts · 域账户',
    type: 'service',
    category: 'account',
    owner: 'serviceDeskL1'
  },
  {
    id: 'de5c0000-0000-7000-8000-0000000000b6',
    name: 'Endpoint protection · 终端防护',
    type: 'service',
    category: 'security',
    owner: 'security'
  },
  {
    id: 'de5c0000-0000-7000-8000-0000000000c1',
    name: 'Printers · 打印机',
    type: 'ci',
    category: 'hardware',
    owner: 'technical'
  },
  {
    id: 'de5c0000-0000-7000-8000-0000000000c2',
    name: 'Laptops · 笔记本电脑',
    type: 'ci',
    category: 'hardware',
    owner: 'technical'
  },
  {
    id: 'de5c0000-0000-7000-8000-0000000000c3',
    name: 'Desktops · 台式机',
    type: 'ci',
    category: 'hardware',
    owner: 'technical'
  }
]

/** More specific rules first: routeTicket takes the first match. */
const defaultRules: readonly { id: string; category: Category; subcategory: string; team: DefaultTeamKey }[] = [
  { id: 'default-software-erp', category: 'software', subcategory: 'erp', team: 'application' },
  { id: 'default-network', category: 'network', subcategory: '', team: 'network' },
  { id: 'default-security', category: 'security', subcategory: '', team: 'security' },
  { id: 'default-software', category: 'software', subcategory: '', team: 'application' },
  { id: 'default-hardware', category: 'hardware', subcategory: '', team: 'technical' },
  { id: 'default-account', category: 'account', subcategory: '', team: 'serviceDeskL1' }
]

export interface SeedResult {
  /** The id each default team has in this database (an existing team of the same name wins). */
  teamIds: Record<DefaultTeamKey, string>
  created: { teams: number; services: number; routingRules: number }
}

const sameName = (a: string, b: string): boolean => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()

/**
 * Creates the desk's default reference data through commands (so it is queued for the server like
 * any other change). Idempotent: a team or service that already exists — by its well-known id or
 * by name — is reused, and routing rules are only written into an empty rule list.
 */
export async function seedDefaults(db: DeskDb, actorId: string): Promise<SeedResult> {
  const created = { teams: 0, services: 0, routingRules: 0 }
  const existingTeams = await db.teams.toArray()
  const teamIds = {} as Record<DefaultTeamKey, string>
  for (const team of defaultTeams) {
    const match = existingTeams.find((t) => t.id === team.id) ?? existingTeams.find((t) => sameName(t.name, team.name))
    if (match) {
      teamIds[team.key] = match.id
      continue
    }
    await runCommand(
      db,
      'team.upsert',
      1,
      { id: team.id, name: team.name, kind: team.kind, leadId: '', active: true },
      { actorId }
    )
    teamIds[team.key] = team.id
    created.teams++
  }

  const existingServices = await db.services.toArray()
  for (const service of defaultServices) {
    if (existingServices.some((s) => s.id === service.id || sameName(s.name, service.name))) continue
    await runCommand(
      db,
      'service.upsert',
      1,
      {
        id: service.id,
        name: service.name,
        type: service.type,
        category: service.category,
        ownerTeamId: teamIds[service.owner],
        active: true
      },
      { actorId }
    )
    created.services++
  }

  const stored = (await db.meta.get(metaKeys.config))?.value as Partial<DeskConfig> | undefined
  const config: DeskConfig = { ...defaultDeskConfig, ...(stored ?? {}) }
  if (!config.routingRules.length) {
    // A desk that removed a default subcategory simply does not get the rule that names it.
    const usable = defaultRules.filter(
      (r) => !r.subcategory || config.categoryTree[r.category]?.includes(r.subcategory)
    )
    const value: RoutingRule[] = usable.map((r) => ({
      id: r.id,
      category: r.category,
      subcategory: r.subcategory,
      teamId: teamIds[r.team],
      assigneeId: ''
    }))
    await runCommand(db, 'config.set', 1, { key: 'routingRules', value }, { actorId })
    created.routingRules = value.length
  }
  return { teamIds, created }
}

/** The well-known default team behind an id, if it is one. */
export function defaultTeamById(id: string): DefaultTeam | undefined {
  return defaultTeams.find((t) => t.id === id)
}
