import { computePriority, defaultPriorityMatrix, routeTicket, type RoutingRule } from '@shared/config/model'
import { levels, ticketStatuses, type Level, type TicketStatus } from '@shared/ticket/model'
import {
  allowedTransitions,
  canTransition,
  checkTransition,
  transitionNeeds,
  transitions
} from '@shared/ticket/state-machine'
import { describe, expect, it } from 'vitest'
import { createArgs, ids, seededDesk, uuid } from './fixtures'

describe('priority matrix', () => {
  // impact (row) × urgency (column); 1 = high.
  const expected: Record<`${Level}${Level}`, string> = {
    '11': 'P1',
    '12': 'P2',
    '13': 'P3',
    '21': 'P2',
    '22': 'P3',
    '23': 'P4',
    '31': 'P3',
    '32': 'P4',
    '33': 'P4'
  }

  it.each(levels.flatMap((i) => levels.map((u) => [i, u] as const)))('impact %i × urgency %i', (impact, urgency) => {
    expect(computePriority(defaultPriorityMatrix, impact, urgency)).toBe(expected[`${impact}${urgency}`])
  })

  it('high impact + medium urgency gives P2 on a new ticket, and an override with a reason wins', async () => {
    const desk = await seededDesk()
    await desk.run('ticket.create', createArgs(uuid(1, '7'), { impact: 1, urgency: 2 }))
    expect(desk.ticket(uuid(1, '7')).priority).toBe('P2')
    await desk.run('ticket.create', {
      ...createArgs(uuid(2, '7'), { impact: 1, urgency: 2 }),
      priorityOverride: { priority: 'P1', reason: 'Whole trading floor down' }
    })
    expect(desk.ticket(uuid(2, '7'))).toMatchObject({
      priority: 'P1',
      priorityOverride: { priority: 'P1', reason: 'Whole trading floor down' }
    })
  })

  it('an override without a reason is refused', async () => {
    const desk = await seededDesk()
    const err = await desk.refuse('ticket.create', {
      ...createArgs(uuid(1, '7'), { impact: 1, urgency: 2 }),
      priorityOverride: { priority: 'P1', reason: ' ' }
    })
    expect(Object.keys(err.issues)).toEqual(['priorityOverride.reason'])
  })
})

describe('state machine', () => {
  const allowed: ReadonlyArray<`${TicketStatus}>${TicketStatus}`> = [
    'new>assigned',
    'new>in_progress',
    'new>resolved',
    'new>cancelled',
    'assigned>in_progress',
    'assigned>pending',
    'assigned>resolved',
    'assigned>cancelled',
    'in_progress>pending',
    'in_progress>resolved',
    'in_progress>cancelled',
    'pending>in_progress',
    'pending>resolved',
    'pending>cancelled',
    'resolved>closed',
    'resolved>in_progress'
  ]
  const pairs = ticketStatuses.flatMap((from) => ticketStatuses.map((to) => [from, to] as const))

  it.each(pairs)('%s → %s', (from, to) => {
    const ok = allowed.includes(`${from}>${to}`)
    expect(canTransition(from, to)).toBe(ok)
    expect(allowedTransitions(from).includes(to)).toBe(ok)
    const problems = checkTransition(from, {
      from,
      to,
      pendingReason: 'customer',
      resolutionCode: 'fixed',
      resolutionNotes: 'Fixed it',
      reason: 'Because'
    })
    expect(problems).toEqual(ok ? {} : { to: `cannot move from ${from} to ${to}` })
  })

  it('closed and cancelled are final', () => {
    expect(transitions.closed).toEqual([])
    expect(transitions.cancelled).toEqual([])
  })

  it('every status is reachable from new', () => {
    const seen = new Set<TicketStatus>(['new'])
    const queue: TicketStatus[] = ['new']
    for (let from = queue.shift(); from; from = queue.shift())
      for (const to of transitions[from])
        if (!seen.has(to)) {
          seen.add(to)
          queue.push(to)
        }
    expect([...seen].sort()).toEqual([...ticketStatuses].sort())
  })

  it('transitionNeeds asks for exactly what each move requires', () => {
    for (const [from, to] of pairs) {
      expect(transitionNeeds(from, to)).toEqual({
        pendingReason: to === 'pending',
        resolution: to === 'resolved',
        reason: to === 'cancelled' || (from === 'resolved' && to === 'in_progress')
      })
    }
    expect(transitionNeeds('resolved', 'in_progress').reason).toBe(true)
    expect(transitionNeeds('pending', 'in_progress').reason).toBe(false)
  })

  it('checkTransition names the stale from before anything else', () => {
    expect(checkTransition('pending', { from: 'new', to: 'closed' })).toEqual({
      from: 'ticket is pending, not new'
    })
  })

  it('checkTransition lists every missing detail', () => {
    expect(
      checkTransition('in_progress', {
        from: 'in_progress',
        to: 'resolved',
        resolutionNotes: ' a '
      })
    ).toEqual({
      resolutionCode: 'required',
      resolutionNotes: 'at least 3 characters'
    })
    expect(
      checkTransition('in_progress', {
        from: 'in_progress',
        to: 'pending',
        pendingReason: null
      })
    ).toEqual({
      pendingReason: 'required'
    })
    expect(checkTransition('resolved', { from: 'resolved', to: 'in_progress' })).toEqual({
      reason: 'at least 3 characters'
    })
    expect(checkTransition('resolved', { from: 'resolved', to: 'closed' })).toEqual({})
  })
})

describe('routing', () => {
  const rules: RoutingRule[] = [
    {
      id: 'net',
      category: 'network',
      subcategory: '',
      teamId: ids.teamDesk,
      assigneeId: ''
    },
    {
      id: 'vpn',
      category: 'network',
      subcategory: 'vpn',
      teamId: ids.teamNetwork,
      assigneeId: ids.agentBob
    }
  ]

  it('a subcategory rule beats a category rule wherever it is in the list', () => {
    expect(routeTicket(rules, 'network', 'vpn')).toEqual({
      teamId: ids.teamNetwork,
      assigneeId: ids.agentBob,
      ruleId: 'vpn'
    })
    expect(routeTicket([...rules].reverse(), 'network', 'vpn')?.ruleId).toBe('vpn')
  })

  it('falls back to the category rule, and to nothing', () => {
    expect(routeTicket(rules, 'network', 'wifi')).toEqual({
      teamId: ids.teamDesk,
      assigneeId: '',
      ruleId: 'net'
    })
    expect(routeTicket(rules, 'network', '')?.ruleId).toBe('net')
    expect(routeTicket(rules, 'hardware', 'printer')).toBeNull()
    expect(routeTicket([], 'network', 'vpn')).toBeNull()
  })

  it('the first of two matching rules wins', () => {
    const two: RoutingRule[] = [
      {
        id: 'a',
        category: 'account',
        subcategory: '',
        teamId: ids.teamDesk,
        assigneeId: ''
      },
      {
        id: 'b',
        category: 'account',
        subcategory: '',
        teamId: ids.teamNetwork,
        assigneeId: ''
      }
    ]
    expect(routeTicket(two, 'account', 'locked')?.ruleId).toBe('a')
  })
})
