import type { PendingReason, ResolutionCode, TicketStatus } from './model'

/**
 * The ticket life cycle. `new → assigned → in_progress → pending → resolved → closed`, plus
 * `cancelled`, and reopen from resolved. First-call resolution (new → resolved) is allowed:
 * L1 agents fix many calls while still on the phone.
 */
export const transitions: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['assigned', 'in_progress', 'resolved', 'cancelled'],
  assigned: ['in_progress', 'pending', 'resolved', 'cancelled'],
  in_progress: ['pending', 'resolved', 'cancelled'],
  pending: ['in_progress', 'resolved', 'cancelled'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  cancelled: []
}

export function allowedTransitions(from: TicketStatus): readonly TicketStatus[] {
  return transitions[from]
}

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return transitions[from].includes(to)
}

/** What a transition asks the agent for. */
export interface TransitionNeeds {
  pendingReason: boolean
  resolution: boolean
  /** A free-text reason (cancel, reopen). */
  reason: boolean
}

export function transitionNeeds(from: TicketStatus, to: TicketStatus): TransitionNeeds {
  return {
    pendingReason: to === 'pending',
    resolution: to === 'resolved',
    reason: to === 'cancelled' || (from === 'resolved' && to === 'in_progress')
  }
}

export interface TransitionInput {
  from: TicketStatus
  to: TicketStatus
  pendingReason?: PendingReason | null
  resolutionCode?: ResolutionCode | null
  resolutionNotes?: string
  reason?: string
}

/** Field-level problems with a transition, keyed by input field; empty when it may go ahead. */
export function checkTransition(current: TicketStatus, input: TransitionInput): Record<string, string> {
  const errors: Record<string, string> = {}
  if (input.from !== current) {
    errors.from = `ticket is ${current}, not ${input.from}`
    return errors
  }
  if (!canTransition(input.from, input.to)) {
    errors.to = `cannot move from ${input.from} to ${input.to}`
    return errors
  }
  const needs = transitionNeeds(input.from, input.to)
  if (needs.pendingReason && !input.pendingReason) errors.pendingReason = 'required'
  if (needs.resolution) {
    if (!input.resolutionCode) errors.resolutionCode = 'required'
    if (!input.resolutionNotes || input.resolutionNotes.trim().length < 3)
      errors.resolutionNotes = 'at least 3 characters'
  }
  if (needs.reason && (!input.reason || input.reason.trim().length < 3)) errors.reason = 'at least 3 characters'
  return errors
}
