import { z } from 'zod'
import { idSchema, text } from '../common'
import { defineCommand, validationError } from '../command/define'
import { CommandError, type CommandContext, type CommandStore } from '../command/types'
import { computePriority, type DeskConfig } from '../config/model'
import { deriveId } from '../ids'
import { ticketTerms } from '../search/tokenize'
import { checkTransition } from './state-machine'
import {
  categorySchema,
  channelSchema,
  isOpenStatus,
  levelSchema,
  linkTypeSchema,
  numberPrefix,
  pendingReasonSchema,
  priorityOverrideSchema,
  resolutionCodeSchema,
  ticketKindSchema,
  ticketNumberSchema,
  ticketStatusSchema,
  tierSchema,
  tiers,
  type FieldChange,
  type LinkType,
  type Ticket,
  type TicketEvent,
  type TicketStatus
} from './model'

// ---------- helpers shared by the ticket commands ----------

async function loadTicket(store: CommandStore, id: string): Promise<Ticket> {
  const ticket = await store.get('tickets', id)
  if (!ticket) throw new CommandError('not_found', `ticket ${id} does not exist`, { ticketId: 'not found' })
  return ticket
}

function assertEditable(ticket: Ticket): void {
  if (ticket.status === 'closed' || ticket.status === 'cancelled')
    throw new CommandError('invalid_transition', `${ticket.number} is ${ticket.status} and can no longer change`, {
      ticketId: `ticket is ${ticket.status}`
    })
}

async function checkRefs(
  store: CommandStore,
  refs: { requesterId?: string; teamId?: string; assigneeId?: string; serviceId?: string }
): Promise<void> {
  const issues: Record<string, string> = {}
  if (refs.requesterId !== undefined && !(await store.get('contacts', refs.requesterId)))
    issues.requesterId = 'unknown requester'
  if (refs.teamId && !(await store.get('teams', refs.teamId))) issues.teamId = 'unknown team'
  if (refs.assigneeId && !(await store.get('agents', refs.assigneeId))) issues.assigneeId = 'unknown agent'
  if (refs.serviceId && !(await store.get('services', refs.serviceId))) issues.serviceId = 'unknown service'
  if (Object.keys(issues).length) throw validationError('invalid references', issues)
}

function checkSubcategory(config: DeskConfig, category: string, subcategory: string): void {
  if (subcategory === '') return
  const allowed = config.categoryTree[category as keyof DeskConfig['categoryTree']] ?? []
  if (!allowed.includes(subcategory))
    throw validationError('invalid subcategory', { subcategory: `not a subcategory of ${category}` })
}

/** Numbers the side-effect rows of one command so their ids are the same wherever it runs. */
function eventIds(ctx: CommandContext): () => string {
  let n = 0
  return () => deriveId(ctx.commandId, ++n)
}

function eventBase(ticket: Ticket, ctx: CommandContext, id: string) {
  return {
    id,
    ticketId: ticket.id,
    actorId: ctx.actorId,
    occurredAt: ctx.occurredAt,
    commandId: ctx.commandId,
    createdAt: ctx.occurredAt,
    updatedAt: ctx.occurredAt
  }
}

function withStatus(ticket: Ticket, to: TicketStatus, at: string): Ticket {
  return {
    ...ticket,
    status: to,
    isOpen: isOpenStatus(to) ? 1 : 0,
    pendingReason: to === 'pending' ? ticket.pendingReason : null,
    resolvedAt: to === 'resolved' ? at : to === 'in_progress' ? null : ticket.resolvedAt,
    closedAt: to === 'closed' || to === 'cancelled' ? at : null,
    // Starting work counts as the first response (ITIL: the clock stops when someone acts).
    firstResponseAt: ticket.firstResponseAt ?? (to === 'in_progress' || to === 'resolved' ? at : null)
  }
}

/**
 * Assignment drives new ⇄ assigned (ticket.assign, ticket.escalate); later statuses belong to the
 * agent working the ticket.
 */
function followAssignment(
  before: Ticket,
  updated: Ticket,
  ctx: CommandContext,
  nextId: () => string,
  note: string
): { ticket: Ticket; event: TicketEvent | null } {
  const to: TicketStatus | null =
    before.status === 'new' && updated.assigneeId
      ? 'assigned'
      : before.status === 'assigned' && !updated.assigneeId
        ? 'new'
        : null
  if (!to) return { ticket: updated, event: null }
  return {
    ticket: withStatus(updated, to, ctx.occurredAt),
    event: {
      ...eventBase(before, ctx, nextId()),
      type: 'status',
      from: before.status,
      to,
      pendingReason: null,
      resolutionCode: null,
      note
    }
  }
}

async function save(store: CommandStore, ticket: Ticket, events: TicketEvent[]): Promise<void> {
  await store.put('tickets', ticket)
  for (const e of events) await store.put('ticketEvents', e)
}

// ---------- ticket.create ----------

export const ticketCreateArgs = z.object({
  id: idSchema,
  kind: ticketKindSchema,
  channel: channelSchema,
  requesterId: idSchema,
  title: text(3, 200),
  description: z.string().trim().max(20_000),
  category: categorySchema,
  subcategory: z.string().trim().max(80).default(''),
  serviceId: z.string().default(''),
  impact: levelSchema,
  urgency: levelSchema,
  priorityOverride: priorityOverrideSchema.nullable().default(null),
  tier: tierSchema.default('L1'),
  teamId: z.string().default(''),
  assigneeId: z.string().default(''),
  /**
   * The number the client gave the ticket (from its leased block, or its local counter while
   * local-only). The desk server keeps it when it is free and leased to that client; otherwise it
   * issues another and keeps this one as an alias.
   */
  number: ticketNumberSchema.optional()
})
export type TicketCreateArgs = z.input<typeof ticketCreateArgs>

export const ticketCreate = defineCommand({
  name: 'ticket.create',
  version: 1,
  args: ticketCreateArgs,
  async apply(store, a, ctx) {
    if (await store.get('tickets', a.id))
      throw new CommandError('conflict', `ticket ${a.id} already exists`, { id: 'exists' })
    await checkRefs(store, a)
    const config = await store.getConfig()
    checkSubcategory(config, a.category, a.subcategory)
    const requester = (await store.get('contacts', a.requesterId))!
    if (a.number !== undefined && !a.number.startsWith(`${numberPrefix[a.kind]}-`))
      throw validationError('invalid number', { number: `must start with ${numberPrefix[a.kind]}-` })
    const number = await store.nextTicketNumber(a.kind, a.number)
    const status: TicketStatus = a.assigneeId ? 'assigned' : 'new'
    const ticket: Ticket = {
      id: a.id,
      number,
      kind: a.kind,
      channel: a.channel,
      title: a.title,
      description: a.description,
      requesterId: a.requesterId,
      requesterName: requester.name,
      category: a.category,
      subcategory: a.subcategory,
      serviceId: a.serviceId,
      impact: a.impact,
      urgency: a.urgency,
      priority: a.priorityOverride?.priority ?? computePriority(config.priorityMatrix, a.impact, a.urgency),
      priorityOverride: a.priorityOverride,
      tier: a.tier,
      teamId: a.teamId,
      assigneeId: a.assigneeId,
      status,
      isOpen: 1,
      pendingReason: null,
      resolutionCode: null,
      resolutionNotes: '',
      links: [],
      createdBy: ctx.actorId,
      firstResponseAt: null,
      resolvedAt: null,
      closedAt: null,
      createdAt: ctx.occurredAt,
      updatedAt: ctx.occurredAt,
      terms: ticketTerms(a.title, a.description),
      aliases: a.number !== undefined && a.number !== number ? [a.number] : []
    }
    const next = eventIds(ctx)
    await save(store, ticket, [{ ...eventBase(ticket, ctx, next()), type: 'created', number }])
  }
})

// ---------- ticket.setFields ----------

export const editableFieldsSchema = z
  .object({
    title: text(3, 200),
    description: z.string().trim().max(20_000),
    channel: channelSchema,
    requesterId: idSchema,
    category: categorySchema,
    subcategory: z.string().trim().max(80),
    serviceId: z.string(),
    impact: levelSchema,
    urgency: levelSchema,
    priorityOverride: priorityOverrideSchema.nullable()
  })
  .partial()
  .strict()
export type EditableFields = z.infer<typeof editableFieldsSchema>

export const ticketSetFieldsArgs = z.object({
  ticketId: idSchema,
  fields: editableFieldsSchema.refine((f) => Object.keys(f).length > 0, 'no fields to change')
})

export const ticketSetFields = defineCommand({
  name: 'ticket.setFields',
  version: 1,
  args: ticketSetFieldsArgs,
  async apply(store, a, ctx) {
    const ticket = await loadTicket(store, a.ticketId)
    assertEditable(ticket)
    const f = a.fields
    await checkRefs(store, { requesterId: f.requesterId, serviceId: f.serviceId })
    const config = await store.getConfig()
    const next: Ticket = { ...ticket, ...f }
    // A new category without a subcategory clears the old one, which belonged to the old category.
    if (f.category !== undefined && f.subcategory === undefined && f.category !== ticket.category) next.subcategory = ''
    checkSubcategory(config, next.category, next.subcategory)
    if (f.requesterId !== undefined) next.requesterName = (await store.get('contacts', f.requesterId))!.name
    next.priority = next.priorityOverride?.priority ?? computePriority(config.priorityMatrix, next.impact, next.urgency)
    const fields = [
      'title',
      'description',
      'channel',
      'requesterId',
      'category',
      'subcategory',
      'serviceId',
      'impact',
      'urgency',
      'priorityOverride',
      'priority'
    ] as const
    const changes: FieldChange[] = []
    for (const k of fields)
      if (JSON.stringify(ticket[k]) !== JSON.stringify(next[k]))
        changes.push({ field: k, from: ticket[k], to: next[k] })
    if (!changes.length) return
    if (f.title !== undefined || f.description !== undefined) next.terms = ticketTerms(next.title, next.description)
    next.updatedAt = ctx.occurredAt
    await save(store, next, [{ ...eventBase(ticket, ctx, eventIds(ctx)()), type: 'fields', changes }])
  }
})

// ---------- ticket.transition ----------

export const ticketTransitionArgs = z.object({
  ticketId: idSchema,
  from: ticketStatusSchema,
  to: ticketStatusSchema,
  pendingReason: pendingReasonSchema.nullable().optional(),
  resolutionCode: resolutionCodeSchema.nullable().optional(),
  resolutionNotes: z.string().trim().max(20_000).optional(),
  reason: z.string().trim().max(2_000).optional()
})
export type TicketTransitionArgs = z.input<typeof ticketTransitionArgs>

export const ticketTransition = defineCommand({
  name: 'ticket.transition',
  version: 1,
  args: ticketTransitionArgs,
  async apply(store, a, ctx) {
    const ticket = await loadTicket(store, a.ticketId)
    const problems = checkTransition(ticket.status, a)
    if (Object.keys(problems).length) {
      const code = problems.from || problems.to ? 'invalid_transition' : 'validation'
      throw new CommandError(code, `${ticket.number}: ${Object.values(problems).join('; ')}`, problems)
    }
    // "assigned" means someone has it; ticket.assign is how a ticket gets an assignee.
    if (a.to === 'assigned' && !ticket.assigneeId)
      throw new CommandError('invalid_transition', `${ticket.number} has no assignee`, { to: 'assign an agent first' })
    let next = withStatus(ticket, a.to, ctx.occurredAt)
    if (a.to === 'pending') next.pendingReason = a.pendingReason ?? null
    if (a.to === 'resolved') {
      next.resolutionCode = a.resolutionCode ?? null
      next.resolutionNotes = a.resolutionNotes ?? ''
    }
    if (a.from === 'resolved' && a.to === 'in_progress') next = { ...next, resolutionCode: null }
    next.updatedAt = ctx.occurredAt
    const note = a.to === 'resolved' ? (a.resolutionNotes ?? '') : (a.reason ?? '')
    await save(store, next, [
      {
        ...eventBase(ticket, ctx, eventIds(ctx)()),
        type: 'status',
        from: a.from,
        to: a.to,
        pendingReason: next.pendingReason,
        resolutionCode: a.to === 'resolved' ? next.resolutionCode : null,
        note
      }
    ])
  }
})

// ---------- ticket.assign ----------

export const ticketAssignArgs = z.object({
  ticketId: idSchema,
  teamId: z.string(),
  assigneeId: z.string()
})

export const ticketAssign = defineCommand({
  name: 'ticket.assign',
  version: 1,
  args: ticketAssignArgs,
  async apply(store, a, ctx) {
    const ticket = await loadTicket(store, a.ticketId)
    assertEditable(ticket)
    await checkRefs(store, { teamId: a.teamId, assigneeId: a.assigneeId })
    if (ticket.teamId === a.teamId && ticket.assigneeId === a.assigneeId) return
    const next = eventIds(ctx)
    const events: TicketEvent[] = [
      {
        ...eventBase(ticket, ctx, next()),
        type: 'assignment',
        fromTeamId: ticket.teamId,
        toTeamId: a.teamId,
        fromAssigneeId: ticket.assigneeId,
        toAssigneeId: a.assigneeId
      }
    ]
    const updated: Ticket = { ...ticket, teamId: a.teamId, assigneeId: a.assigneeId, updatedAt: ctx.occurredAt }
    // Assignment drives new ⇄ assigned; later statuses belong to the agent working the ticket.
    const follow = followAssignment(ticket, updated, ctx, next, '')
    await save(store, follow.ticket, follow.event ? [...events, follow.event] : events)
  }
})

// ---------- ticket.escalate ----------

export const ticketEscalateArgs = z
  .object({
    ticketId: idSchema,
    toTier: tierSchema.optional(),
    toTeamId: z.string().optional(),
    /** Straight to a specialist; '' leaves it in the team's queue. */
    assigneeId: z.string().default(''),
    reason: text(3, 2_000)
  })
  .refine((a) => a.toTier !== undefined || a.toTeamId !== undefined, {
    message: 'choose a tier or a team',
    path: ['toTier']
  })

export const ticketEscalate = defineCommand({
  name: 'ticket.escalate',
  version: 1,
  args: ticketEscalateArgs,
  async apply(store, a, ctx) {
    const ticket = await loadTicket(store, a.ticketId)
    assertEditable(ticket)
    await checkRefs(store, { teamId: a.toTeamId, assigneeId: a.assigneeId })
    const toTier = a.toTier ?? ticket.tier
    const toTeamId = a.toTeamId ?? ticket.teamId
    if (tiers.indexOf(toTier) < tiers.indexOf(ticket.tier))
      throw validationError('escalation goes up', { toTier: `already at ${ticket.tier}` })
    if (toTier === ticket.tier && toTeamId === ticket.teamId)
      throw validationError('nothing to escalate', { toTier: 'same tier and team' })
    const next = eventIds(ctx)
    const updated: Ticket = {
      ...ticket,
      tier: toTier,
      teamId: toTeamId,
      assigneeId: a.assigneeId,
      updatedAt: ctx.occurredAt
    }
    const events: TicketEvent[] = [
      {
        ...eventBase(ticket, ctx, next()),
        type: 'escalation',
        fromTier: ticket.tier,
        toTier,
        fromTeamId: ticket.teamId,
        toTeamId,
        reason: a.reason
      }
    ]
    const follow = followAssignment(ticket, updated, ctx, next, a.reason)
    await save(store, follow.ticket, follow.event ? [...events, follow.event] : events)
  }
})

// ---------- comment.add / worklog.add ----------

export const commentAddArgs = z.object({
  id: idSchema,
  ticketId: idSchema,
  visibility: z.enum(['public', 'internal']),
  body: text(1, 20_000)
})

export const commentAdd = defineCommand({
  name: 'comment.add',
  version: 1,
  args: commentAddArgs,
  async apply(store, a, ctx) {
    const ticket = await loadTicket(store, a.ticketId)
    if (await store.get('ticketEvents', a.id))
      throw new CommandError('conflict', `event ${a.id} already exists`, { id: 'exists' })
    const updated: Ticket = {
      ...ticket,
      updatedAt: ctx.occurredAt,
      firstResponseAt: ticket.firstResponseAt ?? (a.visibility === 'public' ? ctx.occurredAt : null)
    }
    await save(store, updated, [
      { ...eventBase(ticket, ctx, a.id), type: 'comment', visibility: a.visibility, body: a.body }
    ])
  }
})

export const worklogAddArgs = z.object({
  id: idSchema,
  ticketId: idSchema,
  minutes: z
    .number()
    .int('whole minutes')
    .min(1, 'at least 1 minute')
    .max(24 * 60, 'at most 24 hours'),
  note: z.string().trim().max(2_000).default('')
})

export const worklogAdd = defineCommand({
  name: 'worklog.add',
  version: 1,
  args: worklogAddArgs,
  async apply(store, a, ctx) {
    const ticket = await loadTicket(store, a.ticketId)
    if (await store.get('ticketEvents', a.id))
      throw new CommandError('conflict', `event ${a.id} already exists`, { id: 'exists' })
    await save(store, { ...ticket, updatedAt: ctx.occurredAt }, [
      { ...eventBase(ticket, ctx, a.id), type: 'worklog', minutes: a.minutes, note: a.note }
    ])
  }
})

// ---------- ticket.link ----------

const inverse: Record<LinkType, LinkType> = {
  duplicate_of: 'duplicated_by',
  duplicated_by: 'duplicate_of',
  parent_of: 'child_of',
  child_of: 'parent_of',
  related: 'related'
}

export const ticketLinkArgs = z
  .object({
    ticketId: idSchema,
    targetId: idSchema,
    type: linkTypeSchema.exclude(['duplicated_by'])
  })
  .refine((a) => a.ticketId !== a.targetId, { message: 'a ticket cannot link to itself', path: ['targetId'] })

export const ticketLink = defineCommand({
  name: 'ticket.link',
  version: 1,
  args: ticketLinkArgs,
  async apply(store, a, ctx) {
    const ticket = await loadTicket(store, a.ticketId)
    const target = await store.get('tickets', a.targetId)
    if (!target) throw new CommandError('not_found', `ticket ${a.targetId} does not exist`, { targetId: 'not found' })
    if (ticket.links.some((l) => l.ticketId === a.targetId))
      throw validationError('already linked', { targetId: `already linked to ${target.number}` })
    if (a.type === 'child_of' && ticket.links.some((l) => l.type === 'child_of'))
      throw validationError('one parent only', { type: 'this ticket already has a parent' })
    const next = eventIds(ctx)
    const back = inverse[a.type]
    await save(
      store,
      { ...ticket, links: [...ticket.links, { type: a.type, ticketId: target.id }], updatedAt: ctx.occurredAt },
      [
        {
          ...eventBase(ticket, ctx, next()),
          type: 'link',
          linkType: a.type,
          targetId: target.id,
          targetNumber: target.number
        }
      ]
    )
    await save(
      store,
      { ...target, links: [...target.links, { type: back, ticketId: ticket.id }], updatedAt: ctx.occurredAt },
      [
        {
          ...eventBase(target, ctx, next()),
          type: 'link',
          linkType: back,
          targetId: ticket.id,
          targetNumber: ticket.number
        }
      ]
    )
  }
})

export const ticketCommands = [
  ticketCreate,
  ticketSetFields,
  ticketTransition,
  ticketAssign,
  ticketEscalate,
  commentAdd,
  worklogAdd,
  ticketLink
] as const
