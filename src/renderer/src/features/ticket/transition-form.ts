import { issuesOf } from '@shared/command/define'
import { ticketTransitionArgs, type TicketTransitionArgs } from '@shared/ticket/commands'
import type { PendingReason, ResolutionCode, TicketStatus } from '@shared/ticket/model'
import { checkTransition, transitionNeeds } from '@shared/ticket/state-machine'
import type { Issues } from '../../components/field-errors'

export interface TransitionInputs {
  pendingReason: PendingReason | ''
  resolutionCode: ResolutionCode | ''
  resolutionNotes: string
  reason: string
}

export const emptyTransitionInputs: TransitionInputs = {
  pendingReason: '',
  resolutionCode: '',
  resolutionNotes: '',
  reason: ''
}

/** The button label key: "in_progress" reads "Start work", "Resume" or "Reopen" depending on where it comes from. */
export function transitionActionKey(from: TicketStatus, to: TicketStatus): string {
  if (to === 'in_progress' && from === 'resolved') return 'reopen'
  if (to === 'in_progress' && from === 'pending') return 'resume'
  return to
}

/** Only what the transition asks for goes into the command; the rest of the dialog's state is ignored. */
export function buildTransitionArgs(
  ticketId: string,
  from: TicketStatus,
  to: TicketStatus,
  input: TransitionInputs
): TicketTransitionArgs {
  const needs = transitionNeeds(from, to)
  const args: TicketTransitionArgs = { ticketId, from, to }
  if (needs.pendingReason) args.pendingReason = input.pendingReason || null
  if (needs.resolution) {
    args.resolutionCode = input.resolutionCode || null
    args.resolutionNotes = input.resolutionNotes
  }
  if (input.reason.trim()) args.reason = input.reason
  return args
}

/** The same checks the command makes (schema, then state machine), field by field, before submitting. */
export function validateTransition(current: TicketStatus, args: TicketTransitionArgs): Issues {
  const parsed = ticketTransitionArgs.safeParse(args)
  if (!parsed.success) return issuesOf(parsed.error)
  return checkTransition(current, parsed.data)
}
