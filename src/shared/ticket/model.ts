import { z } from 'zod'
import { idSchema, isoTimeSchema, recordBase, text } from '../common'

export const ticketKinds = ['incident', 'request'] as const
export const channels = ['phone', 'email', 'portal', 'walk_in', 'chat'] as const
export const categories = ['hardware', 'software', 'network', 'account', 'security', 'other'] as const
export const priorities = ['P1', 'P2', 'P3', 'P4'] as const
export const tiers = ['L1', 'L2', 'L3'] as const
export const ticketStatuses = [
  'new',
  'assigned',
  'in_progress',
  'pending',
  'resolved',
  'closed',
  'cancelled'
] as const
export const openStatuses = ['new', 'assigned', 'in_progress', 'pending'] as const
export const pendingReasons = ['customer', 'vendor', 'change'] as const
export const resolutionCodes = [
  'fixed',
  'workaround',
  'user_instructed',
  'config_change',
  'hardware_replaced',
  'duplicate',
  'no_fault_found',
  'request_fulfilled'
] as const
export const linkTypes = ['duplicate_of', 'duplicated_by', 'parent_of', 'child_of', 'related'] as const
/** 1 = high (severe) … 3 = low (none). */
export const levels = [1, 2, 3] as const

export const ticketKindSchema = z.enum(ticketKinds)
export const channelSchema = z.enum(channels)
export const categorySchema = z.enum(categories)
export const prioritySchema = z.enum(priorities)
export const tierSchema = z.enum(tiers)
export const ticketStatusSchema = z.enum(ticketStatuses)
export const pendingReasonSchema = z.enum(pendingReasons)
export const resolutionCodeSchema = z.enum(resolutionCodes)
export const linkTypeSchema = z.enum(linkTypes)
export const levelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)])

export type TicketKind = z.infer<typeof ticketKindSchema>
export type Channel = z.infer<typeof channelSchema>
export type Category = z.infer<typeof categorySchema>
export type Priority = z.infer<typeof prioritySchema>
export type Tier = z.infer<typeof tierSchema>
export type TicketStatus = z.infer<typeof ticketStatusSchema>
export type PendingReason = z.infer<typeof pendingReasonSchema>
export type ResolutionCode = z.infer<typeof resolutionCodeSchema>
export type LinkType = z.infer<typeof linkTypeSchema>
export type Level = z.infer<typeof levelSchema>

export const priorityOverrideSchema = z.object({
  priority: prioritySchema,
  reason: text(3, 500)
})
export type PriorityOverride = z.infer<typeof priorityOverrideSchema>

export const ticketLinkSchema = z.object({ type: linkTypeSchema, ticketId: idSchema })
export type TicketLink = z.infer<typeof ticketLinkSchema>

export const ticketSchema = z.object({
  ...recordBase,
  number: z.string().regex(/^(INC|REQ)-\d{6,}$/),
  kind: ticketKindSchema,
  channel: channelSchema,
  title: text(1, 200),
  description: z.string().max(20_000),
  requesterId: idSchema,
  /** Denormalised so the queue can sort and show it without a join. */
  requesterName: z.string().max(200),
  category: categorySchema,
  subcategory: z.string().max(80),
  serviceId: z.string(),
  impact: levelSchema,
  urgency: levelSchema,
  priority: prioritySchema,
  priorityOverride: priorityOverrideSchema.nullable(),
  tier: tierSchema,
  /** '' when unset: IndexedDB cannot index null. */
  teamId: z.string(),
  assigneeId: z.string(),
  status: ticketStatusSchema,
  /** 1 while the ticket is open (new … pending): lets views read one indexed range. */
  isOpen: z.union([z.literal(0), z.literal(1)]),
  pendingReason: pendingReasonSchema.nullable(),
  resolutionCode: resolutionCodeSchema.nullable(),
  resolutionNotes: z.string().max(20_000),
  links: z.array(ticketLinkSchema),
  createdBy: z.string(),
  firstResponseAt: isoTimeSchema.nullable(),
  resolvedAt: isoTimeSchema.nullable(),
  closedAt: isoTimeSchema.nullable(),
  /** Search terms derived from number, title and description (see search/tokenize). */
  terms: z.array(z.string()),
  /**
   * Numbers this ticket was shown under before the desk server re-issued its number (a
   * workstation that numbered it offline, colliding with another). Absent = none.
   */
  aliases: z.array(z.string()).optional()
})
export type Ticket = z.infer<typeof ticketSchema>

export const eventTypes = [
  'created',
  'comment',
  'worklog',
  'status',
  'assignment',
  'escalation',
  'fields',
  'link'
] as const
export type TicketEventType = (typeof eventTypes)[number]

export const fieldChangeSchema = z.object({
  field: z.string(),
  from: z.unknown(),
  to: z.unknown()
})
export type FieldChange = z.infer<typeof fieldChangeSchema>

const eventBase = {
  ...recordBase,
  ticketId: idSchema,
  actorId: z.string(),
  /** When the agent did it (may be long before sync). */
  occurredAt: isoTimeSchema,
  commandId: z.string()
}

export const ticketEventSchema = z.discriminatedUnion('type', [
  z.object({ ...eventBase, type: z.literal('created'), number: z.string() }),
  z.object({
    ...eventBase,
    type: z.literal('comment'),
    visibility: z.enum(['public', 'internal']),
    body: z.string()
  }),
  z.object({ ...eventBase, type: z.literal('worklog'), minutes: z.number().int(), note: z.string() }),
  z.object({
    ...eventBase,
    type: z.literal('status'),
    from: ticketStatusSchema,
    to: ticketStatusSchema,
    pendingReason: pendingReasonSchema.nullable(),
    resolutionCode: resolutionCodeSchema.nullable(),
    note: z.string()
  }),
  z.object({
    ...eventBase,
    type: z.literal('assignment'),
    fromTeamId: z.string(),
    toTeamId: z.string(),
    fromAssigneeId: z.string(),
    toAssigneeId: z.string()
  }),
  z.object({
    ...eventBase,
    type: z.literal('escalation'),
    fromTier: tierSchema,
    toTier: tierSchema,
    fromTeamId: z.string(),
    toTeamId: z.string(),
    reason: z.string()
  }),
  z.object({ ...eventBase, type: z.literal('fields'), changes: z.array(fieldChangeSchema) }),
  z.object({
    ...eventBase,
    type: z.literal('link'),
    linkType: linkTypeSchema,
    targetId: idSchema,
    targetNumber: z.string()
  })
])
export type TicketEvent = z.infer<typeof ticketEventSchema>
export type TicketEventOf<T extends TicketEventType> = Extract<TicketEvent, { type: T }>

export function isOpenStatus(status: TicketStatus): boolean {
  return (openStatuses as readonly string[]).includes(status)
}

export const ticketNumberSchema = z.string().regex(/^(INC|REQ)-\d{6,}$/, 'not a ticket number')

export const numberPrefix: Record<TicketKind, 'INC' | 'REQ'> = { incident: 'INC', request: 'REQ' }

export function formatNumber(kind: TicketKind, n: number): string {
  return `${numberPrefix[kind]}-${String(n).padStart(6, '0')}`
}

export { isoTimeSchema }
