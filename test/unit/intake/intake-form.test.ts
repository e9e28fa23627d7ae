import { describe, expect, it } from 'vitest'
import { defaultDeskConfig, type DeskConfig } from '@shared/config/model'
import { newId } from '@shared/ids'
import { ticketTerms } from '@shared/search/tokenize'
import type { Ticket } from '@shared/ticket/model'
import {
  buildCreateArgs,
  draftPriority,
  effectiveRoute,
  validateDraft
} from '../../../src/renderer/src/features/intake/intake-form'
import { rankCandidates } from '../../../src/renderer/src/features/intake/hooks/use-duplicate-candidates'
import { emptyDraft, type IntakeDraft } from '../../../src/renderer/src/features/intake/store'

const config: DeskConfig = {
  ...defaultDeskConfig,
  routingRules: [
    { id: 'r-vpn', category: 'network', subcategory: 'vpn', teamId: 'team-net', assigneeId: 'agent-net' },
    { id: 'r-net', category: 'network', subcategory: '', teamId: 'team-net', assigneeId: '' }
  ]
}

function draft(patch: Partial<IntakeDraft> = {}): IntakeDraft {
  return { ...emptyDraft(), ...patch }
}

const complete = (): IntakeDraft =>
  draft({ requesterId: newId(), title: 'Printer jams on floor 3', category: 'hardware', subcategory: 'printer' })

describe('intake form logic', () => {
  it('an empty draft fails on requester, title and category', () => {
    const d = draft()
    const issues = validateDraft(d, effectiveRoute(d, config))
    expect(Object.keys(issues).sort()).toEqual(['category', 'requesterId', 'title'])
  })

  it('a complete draft passes the command schema', () => {
    const d = complete()
    expect(validateDraft(d, effectiveRoute(d, config))).toEqual({})
  })

  it('a too-short title is refused with the schema message', () => {
    const d = { ...complete(), title: 'ab' }
    expect(validateDraft(d, effectiveRoute(d, config))).toEqual({ title: 'at least 3 characters' })
  })

  it('a priority override needs a priority and a reason of 3+ characters', () => {
    const d = { ...complete(), override: true, overrideReason: 'no' }
    const issues = validateDraft(d, effectiveRoute(d, config))
    expect(issues['priorityOverride.priority']).toBeDefined()
    expect(issues['priorityOverride.reason']).toBe('at least 3 characters')
    const ok = { ...d, overridePriority: 'P1' as const, overrideReason: 'CEO laptop' }
    expect(validateDraft(ok, effectiveRoute(ok, config))).toEqual({})
    expect(buildCreateArgs(ok, effectiveRoute(ok, config)).priorityOverride).toEqual({
      priority: 'P1',
      reason: 'CEO laptop'
    })
  })

  it('shows the matrix priority live and the override when set', () => {
    expect(draftPriority(draft({ impact: 1, urgency: 1 }), config)).toMatchObject({
      effective: 'P1',
      overridden: false
    })
    expect(draftPriority(draft({ impact: 3, urgency: 2 }), config).effective).toBe('P4')
    const over = draftPriority(draft({ impact: 3, urgency: 3, override: true, overridePriority: 'P2' }), config)
    expect(over).toEqual({ computed: 'P4', effective: 'P2', overridden: true })
  })

  it('routing rules suggest team and assignee until the agent chooses', () => {
    const vpn = draft({ category: 'network', subcategory: 'vpn' })
    expect(effectiveRoute(vpn, config)).toMatchObject({ teamId: 'team-net', assigneeId: 'agent-net', fromRule: true })
    const wifi = draft({ category: 'network', subcategory: 'wifi' })
    expect(effectiveRoute(wifi, config)).toMatchObject({ teamId: 'team-net', assigneeId: '', fromRule: true })
    const chosen = { ...vpn, routeTouched: true, teamId: 'team-desk', assigneeId: '' }
    expect(effectiveRoute(chosen, config)).toMatchObject({ teamId: 'team-desk', fromRule: false })
    expect(effectiveRoute(chosen, config).suggestion?.ruleId).toBe('r-vpn')
    expect(buildCreateArgs(chosen, effectiveRoute(chosen, config)).teamId).toBe('team-desk')
  })
})

function ticket(patch: Partial<Ticket>): Ticket {
  const now = new Date().toISOString()
  return {
    id: newId(),
    number: 'INC-000001',
    kind: 'incident',
    channel: 'phone',
    title: '',
    description: '',
    requesterId: 'c1',
    requesterName: 'Bob',
    category: 'network',
    subcategory: '',
    serviceId: '',
    impact: 2,
    urgency: 2,
    priority: 'P3',
    priorityOverride: null,
    tier: 'L1',
    teamId: '',
    assigneeId: '',
    status: 'new',
    isOpen: 1,
    pendingReason: null,
    resolutionCode: null,
    resolutionNotes: '',
    links: [],
    createdBy: '',
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    createdAt: now,
    updatedAt: now,
    terms: [],
    ...patch
  }
}

describe('duplicate candidates', () => {
  it('ranks open tickets by words shared with the typed title, skipping closed ones and unrelated services', () => {
    const vpn = ticket({ title: 'VPN drops', terms: ticketTerms('VPN drops every hour', '') })
    const printer = ticket({ title: 'Printer', terms: ticketTerms('Printer out of toner', '') })
    const closed = ticket({ isOpen: 0, status: 'closed', terms: ticketTerms('VPN drops', '') })
    const otherRequester = ticket({ requesterId: 'c2', serviceId: 's1', terms: ticketTerms('VPN is slow', '') })
    const unrelated = ticket({ requesterId: 'c2', serviceId: 's1', terms: ticketTerms('Wi-Fi password', '') })
    const ranked = rankCandidates([printer, vpn, closed, otherRequester, unrelated], {
      requesterId: 'c1',
      serviceId: 's1',
      title: 'vpn drops again'
    })
    expect(ranked.map((c) => c.ticket.id)).toEqual([vpn.id, otherRequester.id, printer.id])
    expect(ranked[0]).toMatchObject({ shared: 2, sameRequester: true, sameService: false })
  })

  it('matches Chinese titles through bigrams', () => {
    const jam = ticket({ terms: ticketTerms('三楼打印机卡纸', '') })
    const ranked = rankCandidates([jam], { requesterId: 'c1', serviceId: '', title: '打印机又卡纸了' })
    expect(ranked[0].shared).toBeGreaterThanOrEqual(3)
  })
})
