import type { TFunction } from 'i18next'
import type { ConflictRow } from '../../data/db'

/** Names the inbox shows instead of ids. */
export interface Lookups {
  team(id: string): string | undefined
  agent(id: string): string | undefined
  contact(id: string): string | undefined
  ticketNumber(id: string): string | undefined
}

export interface FieldRow {
  field: string
  label: string
  /** The agent's intended value (undefined when the command did not set this field). */
  mine?: string
  /** The server's value (undefined when the server has no row). */
  theirs?: string
}

/** Fields always worth seeing for a ticket, after the ones the command touched. */
const ticketSummary = ['number', 'title', 'status', 'priority', 'teamId', 'assigneeId', 'updatedAt'] as const

const enumFields: Record<string, string> = {
  category: 'common:category',
  channel: 'common:channel',
  status: 'common:status',
  priority: 'common:priority',
  impact: 'common:impact',
  urgency: 'common:urgency',
  tier: 'common:tier',
  kind: 'common:kind',
  pendingReason: 'common:pendingReason',
  resolutionCode: 'common:resolutionCode',
  visibility: 'common:visibility'
}

/** One field value, readable: translated enums, names for ids, dates in the agent's locale. */
export function formatValue(
  field: string,
  value: unknown,
  t: TFunction,
  refs: Lookups,
  formatDate: (iso: string) => string
): string {
  const empty = t('sync:empty')
  if (value === null || value === undefined || value === '') {
    if (field === 'teamId' || field === 'assigneeId') return t('common:unassigned')
    return empty
  }
  if (typeof value === 'object' && field !== 'priorityOverride') return JSON.stringify(value)
  const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : ''
  if (field in enumFields) return t(`${enumFields[field]}.${text}`)
  if (field === 'subcategory') return t(`common:subcategory.${text}`, { defaultValue: text })
  if (field === 'teamId') return refs.team(text) ?? text
  if (field === 'assigneeId') return refs.agent(text) ?? text
  if (field === 'requesterId') return refs.contact(text) ?? text
  if (field === 'ticketId' || field === 'targetId') return refs.ticketNumber(text) ?? text
  if (field === 'priorityOverride') {
    const o = value as { priority: string; reason: string }
    return `${t(`common:priority.${o.priority}`)} (${o.reason})`
  }
  if (field === 'minutes') return t('sync:change.minutes', { count: Number(value) })
  if (typeof value === 'boolean') return value ? t('sync:yes') : t('sync:no')
  if (field.endsWith('At') && typeof value === 'string') return formatDate(value)
  return text
}

/** What the agent asked for, as field rows (for tickets side by side with the server's value). */
export function conflictRows(
  conflict: ConflictRow,
  t: TFunction,
  refs: Lookups,
  formatDate: (iso: string) => string
): FieldRow[] {
  const args = (conflict.args ?? {}) as Record<string, unknown>
  const current = conflict.current?.row as Record<string, unknown> | null | undefined
  const fmt = (field: string, v: unknown): string => formatValue(field, v, t, refs, formatDate)
  const label = (field: string): string => t(`sync:field.${field}`, { defaultValue: field })
  const mine = new Map<string, unknown>()

  switch (conflict.name) {
    case 'ticket.setFields':
      for (const [k, v] of Object.entries((args.fields ?? {}) as Record<string, unknown>)) mine.set(k, v)
      break
    case 'ticket.transition':
      mine.set('status', args.to)
      if (args.pendingReason) mine.set('pendingReason', args.pendingReason)
      if (args.resolutionCode) mine.set('resolutionCode', args.resolutionCode)
      if (args.resolutionNotes) mine.set('resolutionNotes', args.resolutionNotes)
      break
    case 'ticket.assign':
      mine.set('teamId', args.teamId)
      mine.set('assigneeId', args.assigneeId)
      break
    case 'ticket.escalate':
      if (args.toTier) mine.set('tier', args.toTier)
      if (args.toTeamId !== undefined) mine.set('teamId', args.toTeamId)
      mine.set('assigneeId', args.assigneeId)
      break
    case 'comment.add':
      mine.set('visibility', args.visibility)
      mine.set('body', args.body)
      break
    case 'worklog.add':
      mine.set('minutes', args.minutes)
      mine.set('note', args.note)
      break
    case 'contact.update':
      for (const [k, v] of Object.entries((args.fields ?? {}) as Record<string, unknown>)) mine.set(k, v)
      break
    default:
      for (const [k, v] of Object.entries(args)) if (k !== 'id' && k !== 'ticketId') mine.set(k, v)
  }

  const rows: FieldRow[] = []
  for (const [field, value] of mine)
    rows.push({
      field,
      label: label(field),
      mine: fmt(field, value),
      theirs: current && field in current ? fmt(field, current[field]) : undefined
    })
  if (current && conflict.current?.table === 'tickets')
    for (const field of ticketSummary)
      if (!mine.has(field)) rows.push({ field, label: label(field), theirs: fmt(field, current[field]) })
  return rows
}

/** The ticket a conflict is about, when there is one. */
export function conflictTicketId(conflict: ConflictRow): string | null {
  if (conflict.current?.table === 'tickets') return conflict.current.id
  const args = (conflict.args ?? {}) as Record<string, unknown>
  if (typeof args.ticketId === 'string') return args.ticketId
  return conflict.name === 'ticket.create' && typeof args.id === 'string' ? args.id : null
}
