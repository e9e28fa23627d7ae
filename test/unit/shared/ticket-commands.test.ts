import { describe, expect, it } from 'vitest'
import { createArgs, ids, seededDesk, uuid, type Desk } from './fixtures'

const T1 = uuid(1, '7')
const T2 = uuid(2, '7')
const missing = uuid(999, '7')

async function deskWithTicket(over: Parameters<typeof createArgs>[1] = {}): Promise<Desk> {
  const desk = await seededDesk()
  await desk.run('ticket.create', createArgs(T1, over))
  return desk
}

describe('ticket.create', () => {
  it('creates a numbered, prioritised, searchable ticket and a created event', async () => {
    const desk = await seededDesk()
    const env = await desk.run('ticket.create', createArgs(T1, { title: '  打印机卡纸  ' }))
    const t = desk.ticket(T1)
    expect(t).toMatchObject({
      number: 'INC-000001',
      title: '打印机卡纸',
      requesterName: '张伟',
      status: 'new',
      isOpen: 1,
      priority: 'P3',
      tier: 'L1',
      teamId: '',
      assigneeId: '',
      createdBy: ids.actor,
      createdAt: env.occurredAt,
      updatedAt: env.occurredAt
    })
    expect(t.terms).toEqual(expect.arrayContaining(['打印', '印机', '机卡', '卡纸', 'printer', 'jams']))
    const events = desk.eventsOf(T1)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      type: 'created',
      number: 'INC-000001',
      commandId: env.id
    })
  })

  it('numbers incidents and requests separately', async () => {
    const desk = await seededDesk()
    await desk.run('ticket.create', createArgs(T1))
    await desk.run(
      'ticket.create',
      createArgs(T2, {
        kind: 'request',
        category: 'account',
        subcategory: 'new_account'
      })
    )
    await desk.run('ticket.create', createArgs(uuid(3, '7')))
    expect(desk.ticket(T1).number).toBe('INC-000001')
    expect(desk.ticket(T2).number).toBe('REQ-000001')
    expect(desk.ticket(uuid(3, '7')).number).toBe('INC-000002')
  })

  it('starts as assigned when created with an assignee', async () => {
    const desk = await deskWithTicket({
      teamId: ids.teamDesk,
      assigneeId: ids.agentAlice
    })
    expect(desk.ticket(T1)).toMatchObject({
      status: 'assigned',
      teamId: ids.teamDesk,
      assigneeId: ids.agentAlice
    })
  })

  it('keeps a manual priority override and its reason', async () => {
    const desk = await deskWithTicket({
      impact: 3,
      urgency: 3,
      priorityOverride: { priority: 'P1', reason: 'CEO laptop' }
    })
    expect(desk.ticket(T1).priority).toBe('P1')
    expect(desk.ticket(T1).priorityOverride).toEqual({
      priority: 'P1',
      reason: 'CEO laptop'
    })
  })

  it('refuses invalid arguments with issues keyed by field', async () => {
    const desk = await seededDesk()
    const err = await desk.refuse('ticket.create', {
      ...createArgs(T1),
      title: ' x ',
      impact: 4,
      channel: 'fax',
      id: 'not-a-uuid'
    })
    expect(err.code).toBe('validation')
    expect(Object.keys(err.issues).sort()).toEqual(['channel', 'id', 'impact', 'title'])
    expect(err.issues.title).toBe('at least 3 characters')
  })

  it('refuses a blank title as missing, and a missing required field', async () => {
    const desk = await seededDesk()
    const { title: _title, ...noTitle } = createArgs(T1)
    void _title
    expect((await desk.refuse('ticket.create', noTitle)).issues).toHaveProperty('title')
    expect(
      (
        await desk.refuse('ticket.create', {
          ...createArgs(T1),
          title: '     '
        })
      ).issues.title
    ).toMatch(/characters|required/)
  })

  it('refuses unknown references and a subcategory of another category', async () => {
    const desk = await seededDesk()
    const refs = await desk.refuse(
      'ticket.create',
      createArgs(T1, {
        requesterId: missing,
        teamId: missing,
        assigneeId: missing
      })
    )
    expect(refs.code).toBe('validation')
    expect(refs.issues).toEqual({
      requesterId: 'unknown requester',
      teamId: 'unknown team',
      assigneeId: 'unknown agent'
    })
    const sub = await desk.refuse('ticket.create', createArgs(T1, { category: 'network', subcategory: 'printer' }))
    expect(sub.issues).toEqual({ subcategory: 'not a subcategory of network' })
  })

  it('refuses a second ticket with the same id and does not burn a number', async () => {
    const desk = await deskWithTicket()
    const err = await desk.refuse('ticket.create', createArgs(T1))
    expect(err.code).toBe('conflict')
    await desk.run('ticket.create', createArgs(T2))
    expect(desk.ticket(T2).number).toBe('INC-000002')
  })
})

describe('ticket.setFields', () => {
  it('changes fields, recomputes priority and records each change', async () => {
    const desk = await deskWithTicket()
    await desk.run('ticket.setFields', {
      ticketId: T1,
      fields: { impact: 1, title: 'VPN连不上', category: 'network' }
    })
    const t = desk.ticket(T1)
    expect(t).toMatchObject({
      impact: 1,
      urgency: 2,
      priority: 'P2',
      title: 'VPN连不上',
      category: 'network',
      subcategory: ''
    })
    expect(t.terms).toEqual(expect.arrayContaining(['vpn', '连不', '不上']))
    expect(t.terms).not.toContain('卡纸')
    const fields = desk.eventsOf(T1).find((e) => e.type === 'fields')
    expect(fields?.type === 'fields' && fields.changes.map((c) => c.field).sort()).toEqual(
      ['category', 'impact', 'priority', 'subcategory', 'title'].sort()
    )
  })

  it('renames the requester on the ticket when it changes', async () => {
    const desk = await deskWithTicket()
    await desk.run('ticket.setFields', {
      ticketId: T1,
      fields: { requesterId: ids.contactSmith }
    })
    expect(desk.ticket(T1).requesterName).toBe('John Smith')
  })

  it('writes nothing when no value actually changes', async () => {
    const desk = await deskWithTicket()
    const before = structuredClone(desk.ticket(T1))
    await desk.run('ticket.setFields', { ticketId: T1, fields: { impact: 2 } })
    expect(desk.ticket(T1)).toEqual(before)
    expect(desk.eventsOf(T1)).toHaveLength(1)
  })

  it('clears a manual override back to the matrix', async () => {
    const desk = await deskWithTicket({
      priorityOverride: { priority: 'P1', reason: 'VIP outage' }
    })
    await desk.run('ticket.setFields', {
      ticketId: T1,
      fields: { priorityOverride: null }
    })
    expect(desk.ticket(T1)).toMatchObject({
      priority: 'P3',
      priorityOverride: null
    })
  })

  it('refuses empty, unknown and invalid fields', async () => {
    const desk = await deskWithTicket()
    expect((await desk.refuse('ticket.setFields', { ticketId: T1, fields: {} })).issues).toEqual({
      fields: 'no fields to change'
    })
    expect(
      (
        await desk.refuse('ticket.setFields', {
          ticketId: T1,
          fields: { status: 'closed' }
        })
      ).code
    ).toBe('validation')
    const bad = await desk.refuse('ticket.setFields', {
      ticketId: T1,
      fields: { urgency: 0, priorityOverride: { priority: 'P1', reason: '' } }
    })
    expect(Object.keys(bad.issues).sort()).toEqual(['fields.priorityOverride.reason', 'fields.urgency'])
  })

  it('refuses an unknown ticket and a closed one', async () => {
    const desk = await deskWithTicket()
    const nf = await desk.refuse('ticket.setFields', {
      ticketId: missing,
      fields: { impact: 1 }
    })
    expect(nf.code).toBe('not_found')
    expect(nf.issues).toEqual({ ticketId: 'not found' })
    await desk.run('ticket.transition', {
      ticketId: T1,
      from: 'new',
      to: 'cancelled',
      reason: 'duplicate call'
    })
    expect(
      (
        await desk.refuse('ticket.setFields', {
          ticketId: T1,
          fields: { impact: 1 }
        })
      ).code
    ).toBe('invalid_transition')
  })
})

describe('ticket.transition', () => {
  it('walks the full life cycle with the details each step needs', async () => {
    const desk = await deskWithTicket({
      teamId: ids.teamDesk,
      assigneeId: ids.agentAlice
    })
    const start = await desk.run('ticket.transition', {
      ticketId: T1,
      from: 'assigned',
      to: 'in_progress'
    })
    expect(desk.ticket(T1)).toMatchObject({
      status: 'in_progress',
      firstResponseAt: start.occurredAt
    })
    await desk.run('ticket.transition', {
      ticketId: T1,
      from: 'in_progress',
      to: 'pending',
      pendingReason: 'vendor'
    })
    expect(desk.ticket(T1)).toMatchObject({
      status: 'pending',
      pendingReason: 'vendor',
      isOpen: 1
    })
    const resolved = await desk.run('ticket.transition', {
      ticketId: T1,
      from: 'pending',
      to: 'resolved',
      resolutionCode: 'hardware_replaced',
      resolutionNotes: 'Replaced the fuser'
    })
    expect(desk.ticket(T1)).toMatchObject({
      status: 'resolved',
      isOpen: 0,
      pendingReason: null,
      resolutionCode: 'hardware_replaced',
      resolutionNotes: 'Replaced the fuser',
      resolvedAt: resolved.occurredAt,
      firstResponseAt: start.occurredAt
    })
    const closed = await desk.run('ticket.transition', {
      ticketId: T1,
      from: 'resolved',
      to: 'closed'
    })
    expect(desk.ticket(T1)).toMatchObject({
      status: 'closed',
      isOpen: 0,
      closedAt: closed.occurredAt
    })
    const statusEvents = desk.eventsOf(T1).filter((e) => e.type === 'status')
    expect(statusEvents.map((e) => (e.type === 'status' ? `${e.from}>${e.to}` : ''))).toEqual([
      'assigned>in_progress',
      'in_progress>pending',
      'pending>resolved',
      'resolved>closed'
    ])
  })

  it('reopens a resolved ticket with a reason and clears the resolution', async () => {
    const desk = await deskWithTicket()
    await desk.run('ticket.transition', {
      ticketId: T1,
      from: 'new',
      to: 'resolved',
      resolutionCode: 'fixed',
      resolutionNotes: 'Cleared the jam on the call'
    })
    await desk.run('ticket.transition', {
      ticketId: T1,
      from: 'resolved',
      to: 'in_progress',
      reason: 'Jams again'
    })
    expect(desk.ticket(T1)).toMatchObject({
      status: 'in_progress',
      isOpen: 1,
      resolvedAt: null,
      resolutionCode: null
    })
    const last = desk.eventsOf(T1).at(-1)
    expect(last).toMatchObject({
      type: 'status',
      from: 'resolved',
      to: 'in_progress',
      note: 'Jams again'
    })
  })

  it('refuses a stale from, a forbidden move and a closed ticket as invalid_transition', async () => {
    const desk = await deskWithTicket()
    const stale = await desk.refuse('ticket.transition', {
      ticketId: T1,
      from: 'in_progress',
      to: 'pending',
      pendingReason: 'customer'
    })
    expect(stale.code).toBe('invalid_transition')
    expect(stale.issues).toEqual({ from: 'ticket is new, not in_progress' })
    const forbidden = await desk.refuse('ticket.transition', {
      ticketId: T1,
      from: 'new',
      to: 'closed'
    })
    expect(forbidden.code).toBe('invalid_transition')
    expect(forbidden.issues).toEqual({ to: 'cannot move from new to closed' })
    await desk.run('ticket.transition', {
      ticketId: T1,
      from: 'new',
      to: 'cancelled',
      reason: 'Called by mistake'
    })
    expect(
      (
        await desk.refuse('ticket.transition', {
          ticketId: T1,
          from: 'cancelled',
          to: 'in_progress'
        })
      ).code
    ).toBe('invalid_transition')
  })

  it('refuses missing details as validation errors on the missing fields', async () => {
    const desk = await deskWithTicket({
      teamId: ids.teamDesk,
      assigneeId: ids.agentAlice
    })
    const pending = await desk.refuse('ticket.transition', {
      ticketId: T1,
      from: 'assigned',
      to: 'pending'
    })
    expect(pending.code).toBe('validation')
    expect(pending.issues).toEqual({ pendingReason: 'required' })
    const resolve = await desk.refuse('ticket.transition', {
      ticketId: T1,
      from: 'assigned',
      to: 'resolved',
      resolutionNotes: 'ok'
    })
    expect(resolve.issues).toEqual({
      resolutionCode: 'required',
      resolutionNotes: 'at least 3 characters'
    })
    const cancel = await desk.refuse('ticket.transition', {
      ticketId: T1,
      from: 'assigned',
      to: 'cancelled',
      reason: '  '
    })
    expect(cancel.issues).toEqual({ reason: 'at least 3 characters' })
    const badEnum = await desk.refuse('ticket.transition', {
      ticketId: T1,
      from: 'assigned',
      to: 'done'
    })
    expect(badEnum.code).toBe('validation')
    expect(Object.keys(badEnum.issues)).toEqual(['to'])
  })

  it('refuses moving to assigned while nobody is assigned', async () => {
    const desk = await deskWithTicket()
    const err = await desk.refuse('ticket.transition', {
      ticketId: T1,
      from: 'new',
      to: 'assigned'
    })
    expect(err.code).toBe('invalid_transition')
    expect(Object.keys(err.issues)).toEqual(['to'])
  })

  it('refuses an unknown ticket as not_found', async () => {
    const desk = await seededDesk()
    const err = await desk.refuse('ticket.transition', {
      ticketId: missing,
      from: 'new',
      to: 'in_progress'
    })
    expect(err.code).toBe('not_found')
    expect(err.issues).toEqual({ ticketId: 'not found' })
  })
})

describe('ticket.assign', () => {
  it('assigning a new ticket moves it to assigned; unassigning moves it back', async () => {
    const desk = await deskWithTicket()
    await desk.run('ticket.assign', {
      ticketId: T1,
      teamId: ids.teamDesk,
      assigneeId: ids.agentAlice
    })
    expect(desk.ticket(T1)).toMatchObject({
      status: 'assigned',
      teamId: ids.teamDesk,
      assigneeId: ids.agentAlice
    })
    await desk.run('ticket.assign', {
      ticketId: T1,
      teamId: ids.teamDesk,
      assigneeId: ''
    })
    expect(desk.ticket(T1)).toMatchObject({ status: 'new', assigneeId: '' })
    expect(desk.eventsOf(T1).map((e) => e.type)).toEqual(['created', 'assignment', 'status', 'assignment', 'status'])
  })

  it('keeps the status of a ticket already being worked', async () => {
    const desk = await deskWithTicket({
      teamId: ids.teamDesk,
      assigneeId: ids.agentAlice
    })
    await desk.run('ticket.transition', {
      ticketId: T1,
      from: 'assigned',
      to: 'in_progress'
    })
    await desk.run('ticket.assign', {
      ticketId: T1,
      teamId: ids.teamNetwork,
      assigneeId: ids.agentBob
    })
    expect(desk.ticket(T1)).toMatchObject({
      status: 'in_progress',
      teamId: ids.teamNetwork,
      assigneeId: ids.agentBob
    })
  })

  it('is a no-op when nothing changes', async () => {
    const desk = await deskWithTicket({
      teamId: ids.teamDesk,
      assigneeId: ids.agentAlice
    })
    await desk.run('ticket.assign', {
      ticketId: T1,
      teamId: ids.teamDesk,
      assigneeId: ids.agentAlice
    })
    expect(desk.eventsOf(T1)).toHaveLength(1)
  })

  it('refuses unknown people, unknown tickets and bad args', async () => {
    const desk = await deskWithTicket()
    const refs = await desk.refuse('ticket.assign', {
      ticketId: T1,
      teamId: missing,
      assigneeId: missing
    })
    expect(refs.issues).toEqual({
      teamId: 'unknown team',
      assigneeId: 'unknown agent'
    })
    expect(
      (
        await desk.refuse('ticket.assign', {
          ticketId: missing,
          teamId: '',
          assigneeId: ''
        })
      ).code
    ).toBe('not_found')
    expect((await desk.refuse('ticket.assign', { ticketId: T1, teamId: 5 })).issues).toHaveProperty('teamId')
  })
})

describe('ticket.escalate', () => {
  it('moves the ticket up a tier to a specialist team', async () => {
    const desk = await deskWithTicket({
      teamId: ids.teamDesk,
      assigneeId: ids.agentAlice
    })
    await desk.run('ticket.escalate', {
      ticketId: T1,
      toTier: 'L2',
      toTeamId: ids.teamNetwork,
      reason: 'Needs a network engineer'
    })
    expect(desk.ticket(T1)).toMatchObject({
      tier: 'L2',
      teamId: ids.teamNetwork,
      assigneeId: '',
      status: 'new'
    })
    const types = desk.eventsOf(T1).map((e) => e.type)
    expect(types).toEqual(['created', 'escalation', 'status'])
  })

  it('can go straight to a specialist', async () => {
    const desk = await deskWithTicket()
    await desk.run('ticket.escalate', {
      ticketId: T1,
      toTier: 'L2',
      toTeamId: ids.teamNetwork,
      assigneeId: ids.agentBob,
      reason: 'Bob knows this printer'
    })
    expect(desk.ticket(T1)).toMatchObject({
      status: 'assigned',
      assigneeId: ids.agentBob
    })
  })

  it('refuses escalating down, escalating to where it already is, and a missing target', async () => {
    const desk = await deskWithTicket()
    await desk.run('ticket.escalate', {
      ticketId: T1,
      toTier: 'L3',
      reason: 'Vendor firmware bug'
    })
    const down = await desk.refuse('ticket.escalate', {
      ticketId: T1,
      toTier: 'L2',
      reason: 'Back to L2'
    })
    expect(down.issues).toEqual({ toTier: 'already at L3' })
    const same = await desk.refuse('ticket.escalate', {
      ticketId: T1,
      toTier: 'L3',
      reason: 'Again'
    })
    expect(same.issues).toEqual({ toTier: 'same tier and team' })
    const none = await desk.refuse('ticket.escalate', {
      ticketId: T1,
      reason: 'Somewhere'
    })
    expect(none.code).toBe('validation')
    expect(none.issues).toEqual({ toTier: 'choose a tier or a team' })
    const noReason = await desk.refuse('ticket.escalate', {
      ticketId: T1,
      toTeamId: ids.teamNetwork,
      reason: ''
    })
    expect(Object.keys(noReason.issues)).toEqual(['reason'])
    expect(
      (
        await desk.refuse('ticket.escalate', {
          ticketId: missing,
          toTier: 'L3',
          reason: 'Nope'
        })
      ).code
    ).toBe('not_found')
  })
})

describe('comment.add and worklog.add', () => {
  const C1 = uuid(1, 'f')

  it('a public comment is the first response; an internal note is not', async () => {
    const desk = await deskWithTicket()
    await desk.run('comment.add', {
      id: uuid(2, 'f'),
      ticketId: T1,
      visibility: 'internal',
      body: 'Checked the queue'
    })
    expect(desk.ticket(T1).firstResponseAt).toBeNull()
    const pub = await desk.run('comment.add', {
      id: C1,
      ticketId: T1,
      visibility: 'public',
      body: '  On my way  '
    })
    expect(desk.ticket(T1).firstResponseAt).toBe(pub.occurredAt)
    expect(desk.store.tables.ticketEvents.get(C1)).toMatchObject({
      type: 'comment',
      visibility: 'public',
      body: 'On my way'
    })
  })

  it('logs whole minutes of work', async () => {
    const desk = await deskWithTicket()
    await desk.run('worklog.add', { id: C1, ticketId: T1, minutes: 25 })
    expect(desk.store.tables.ticketEvents.get(C1)).toMatchObject({
      type: 'worklog',
      minutes: 25,
      note: ''
    })
  })

  it('refuses empty comments, bad minutes, reused ids and unknown tickets', async () => {
    const desk = await deskWithTicket()
    expect(
      (
        await desk.refuse('comment.add', {
          id: C1,
          ticketId: T1,
          visibility: 'public',
          body: '   '
        })
      ).issues
    ).toEqual({
      body: 'required'
    })
    expect(
      (
        await desk.refuse('comment.add', {
          id: C1,
          ticketId: T1,
          visibility: 'secret',
          body: 'x'
        })
      ).issues
    ).toHaveProperty('visibility')
    expect((await desk.refuse('worklog.add', { id: C1, ticketId: T1, minutes: 1.5 })).issues).toEqual({
      minutes: 'whole minutes'
    })
    expect((await desk.refuse('worklog.add', { id: C1, ticketId: T1, minutes: 0 })).issues).toEqual({
      minutes: 'at least 1 minute'
    })
    expect(
      (
        await desk.refuse('worklog.add', {
          id: C1,
          ticketId: T1,
          minutes: 24 * 60 + 1
        })
      ).issues
    ).toEqual({
      minutes: 'at most 24 hours'
    })
    await desk.run('comment.add', {
      id: C1,
      ticketId: T1,
      visibility: 'public',
      body: 'Hello'
    })
    expect(
      (
        await desk.refuse('comment.add', {
          id: C1,
          ticketId: T1,
          visibility: 'public',
          body: 'Again'
        })
      ).code
    ).toBe('conflict')
    expect((await desk.refuse('worklog.add', { id: C1, ticketId: T1, minutes: 5 })).code).toBe('conflict')
    expect(
      (
        await desk.refuse('comment.add', {
          id: uuid(9, 'f'),
          ticketId: missing,
          visibility: 'public',
          body: 'x'
        })
      ).code
    ).toBe('not_found')
  })
})

describe('ticket.link', () => {
  it('links both tickets with inverse link types', async () => {
    const desk = await deskWithTicket()
    await desk.run('ticket.create', createArgs(T2))
    await desk.run('ticket.link', {
      ticketId: T2,
      targetId: T1,
      type: 'duplicate_of'
    })
    expect(desk.ticket(T2).links).toEqual([{ type: 'duplicate_of', ticketId: T1 }])
    expect(desk.ticket(T1).links).toEqual([{ type: 'duplicated_by', ticketId: T2 }])
    expect(desk.eventsOf(T1).at(-1)).toMatchObject({
      type: 'link',
      linkType: 'duplicated_by',
      targetNumber: 'INC-000002'
    })
    expect(desk.eventsOf(T2).at(-1)).toMatchObject({
      type: 'link',
      linkType: 'duplicate_of',
      targetNumber: 'INC-000001'
    })
  })

  it('refuses self links, duplicate links, a second parent and unknown targets', async () => {
    const desk = await deskWithTicket()
    await desk.run('ticket.create', createArgs(T2))
    const T3 = uuid(3, '7')
    await desk.run('ticket.create', createArgs(T3))
    expect(
      (
        await desk.refuse('ticket.link', {
          ticketId: T1,
          targetId: T1,
          type: 'related'
        })
      ).issues
    ).toEqual({
      targetId: 'a ticket cannot link to itself'
    })
    expect(
      (
        await desk.refuse('ticket.link', {
          ticketId: T1,
          targetId: T2,
          type: 'duplicated_by'
        })
      ).issues
    ).toHaveProperty('type')
    await desk.run('ticket.link', {
      ticketId: T1,
      targetId: T2,
      type: 'child_of'
    })
    expect(
      (
        await desk.refuse('ticket.link', {
          ticketId: T1,
          targetId: T2,
          type: 'related'
        })
      ).issues
    ).toEqual({
      targetId: 'already linked to INC-000002'
    })
    expect(
      (
        await desk.refuse('ticket.link', {
          ticketId: T1,
          targetId: T3,
          type: 'child_of'
        })
      ).issues
    ).toEqual({
      type: 'this ticket already has a parent'
    })
    const nf = await desk.refuse('ticket.link', {
      ticketId: T1,
      targetId: missing,
      type: 'related'
    })
    expect(nf.code).toBe('not_found')
    expect(nf.issues).toEqual({ targetId: 'not found' })
  })
})

describe('registry', () => {
  it('refuses unknown commands and versions', async () => {
    const desk = await seededDesk()
    expect((await desk.refuse('ticket.delete', { ticketId: T1 })).code).toBe('unknown_command')
    expect((await desk.refuse('ticket.create', createArgs(T1), 2)).code).toBe('unknown_command')
  })

  it('refuses args that are not an object', async () => {
    const desk = await seededDesk()
    const err = await desk.refuse('ticket.create', null)
    expect(err.code).toBe('validation')
    expect(err.issues).toHaveProperty('_')
  })
})
