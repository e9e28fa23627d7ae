import type { Role } from '../people/model'
import type { Category } from '../ticket/model'

/**
 * One permission table for the console (hides what an agent may not do) and the desk server
 * (enforces it on every command). Change it here and both follow.
 */
export const permissions = [
  'ticket.work', // create, edit, transition, assign, escalate, link, comment, log work
  'contact.manage',
  'config.manage', // priority matrix, categories, routing rules
  'team.manage',
  'agent.manage', // accounts, roles, passwords (server admin screens)
  'service.manage'
] as const
export type Permission = (typeof permissions)[number]

const work: Permission[] = ['ticket.work', 'contact.manage']

export const rolePermissions: Record<Role, readonly Permission[]> = {
  agent: work,
  specialist: work,
  change_manager: work,
  cab_member: work,
  team_lead: [...work, 'team.manage', 'service.manage', 'config.manage'],
  admin: permissions
}

/** The permission each command needs. A command missing here is refused by the server. */
export const commandPermission: Record<string, Permission> = {
  'ticket.create': 'ticket.work',
  'ticket.setFields': 'ticket.work',
  'ticket.transition': 'ticket.work',
  'ticket.assign': 'ticket.work',
  'ticket.escalate': 'ticket.work',
  'ticket.link': 'ticket.work',
  'comment.add': 'ticket.work',
  'worklog.add': 'ticket.work',
  'contact.create': 'contact.manage',
  'contact.update': 'contact.manage',
  'config.set': 'config.manage',
  'team.upsert': 'team.manage',
  'agent.upsert': 'agent.manage',
  'service.upsert': 'service.manage'
}

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission)
}

export function canRunCommand(role: Role, commandName: string): boolean {
  const needed = commandPermission[commandName]
  return needed !== undefined && can(role, needed)
}

/** Who is looking: enough to decide visibility without a database. */
export interface Viewer {
  role: Role
  /** Kind of the viewer's team ('' when none). */
  teamKind: string
}

/** Categories only some agents may see. */
export const restrictedCategories: readonly Category[] = ['security']

/** Security tickets: the security team and admins only. Everything else: every agent. */
export function canSeeTicket(viewer: Viewer, ticket: { category: Category }): boolean {
  if (!restrictedCategories.includes(ticket.category)) return true
  return viewer.role === 'admin' || viewer.teamKind === 'security'
}
