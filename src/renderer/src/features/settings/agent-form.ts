import type { TFunction } from 'i18next'
import { issuesOf } from '@shared/command/define'
import { agentUpsertArgs } from '@shared/people/commands'
import type { Agent, Role } from '@shared/people/model'
import type { Tier } from '@shared/ticket/model'
import { translateIssue, type FieldErrors } from './issues'

export interface AgentFormValues {
  name: string
  email: string
  role: Role
  teamId: string
  tier: Tier
  active: boolean
}

export const emptyAgent: AgentFormValues = { name: '', email: '', role: 'agent', teamId: '', tier: 'L1', active: true }

export function agentToForm(agent: Agent): AgentFormValues {
  return {
    name: agent.name,
    email: agent.email,
    role: agent.role,
    teamId: agent.teamId,
    tier: agent.tier,
    active: agent.active
  }
}

/**
 * The same schema the command uses, checked before anything is written, so a bad form never
 * reaches the outbox. Set-up also insists on a team: a new agent without one sees no team queue.
 */
export function validateAgentForm(values: AgentFormValues, t: TFunction, opts: { requireTeam: boolean }): FieldErrors {
  const parsed = agentUpsertArgs.omit({ id: true }).safeParse(values)
  const errors: FieldErrors = {}
  if (!parsed.success) for (const [k, v] of Object.entries(issuesOf(parsed.error))) errors[k] = translateIssue(v, t)
  if (opts.requireTeam && !values.teamId) errors.teamId ??= t('settings:issues.required')
  return errors
}
