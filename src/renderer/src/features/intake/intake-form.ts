import { issuesOf } from '@shared/command/define'
import { computePriority, routeTicket, type DeskConfig, type RouteSuggestion } from '@shared/config/model'
import { ticketCreateArgs, type TicketCreateArgs } from '@shared/ticket/commands'
import type { Priority } from '@shared/ticket/model'
import type { Issues } from '../../components/field-errors'
import type { IntakeDraft } from './store'

/** The team and assignee the ticket will get: the agent's choice, or what the routing rules suggest. */
export interface EffectiveRoute {
  teamId: string
  assigneeId: string
  suggestion: RouteSuggestion | null
  /** True when team and assignee come from a rule, untouched. */
  fromRule: boolean
}

export function effectiveRoute(draft: IntakeDraft, config: DeskConfig): EffectiveRoute {
  const suggestion = draft.category ? routeTicket(config.routingRules, draft.category, draft.subcategory) : null
  if (draft.routeTouched || !suggestion)
    return { teamId: draft.teamId, assigneeId: draft.assigneeId, suggestion, fromRule: false }
  return { teamId: suggestion.teamId, assigneeId: suggestion.assigneeId, suggestion, fromRule: true }
}

export interface PriorityView {
  computed: Priority
  effective: Priority
  overridden: boolean
}

export function draftPriority(draft: IntakeDraft, config: DeskConfig): PriorityView {
  const computed = computePriority(config.priorityMatrix, draft.impact, draft.urgency)
  const overridden = draft.override && draft.overridePriority !== ''
  return { computed, effective: overridden ? (draft.overridePriority as Priority) : computed, overridden }
}

/** The draft as `ticket.create` arguments (not yet validated). */
export function buildCreateArgs(draft: IntakeDraft, route: EffectiveRoute): TicketCreateArgs {
  return {
    id: draft.id,
    kind: draft.kind,
    channel: draft.channel,
    requesterId: draft.requesterId,
    title: draft.title,
    description: draft.description,
    // An empty category is left for the schema to refuse, with its own message on `category`.
    category: draft.category as TicketCreateArgs['category'],
    subcategory: draft.subcategory,
    serviceId: draft.serviceId,
    impact: draft.impact,
    urgency: draft.urgency,
    priorityOverride: draft.override
      ? { priority: (draft.overridePriority || undefined) as Priority, reason: draft.overrideReason }
      : null,
    teamId: route.teamId,
    assigneeId: route.assigneeId
  }
}

/** Client-side check with the very schema the command uses: field → message, empty when valid. */
export function validateDraft(draft: IntakeDraft, route: EffectiveRoute): Issues {
  const parsed = ticketCreateArgs.safeParse(buildCreateArgs(draft, route))
  return parsed.success ? {} : issuesOf(parsed.error)
}
