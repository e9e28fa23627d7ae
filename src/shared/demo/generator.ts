import { defaultTeams } from '../people/default-teams'
import type { RoutingRule } from '../config/model'
import { computePriority, defaultPriorityMatrix } from '../config/model'
import { contactKeys, type Agent, type Contact, type Role, type Service, type Team } from '../people/model'
import { ticketTerms } from '../search/tokenize'
import {
  formatNumber,
  isOpenStatus,
  type Channel,
  type Level,
  type PendingReason,
  type Priority,
  type ResolutionCode,
  type Ticket,
  type TicketEvent,
  type TicketKind,
  type TicketStatus,
  type Tier
} from '../ticket/model'
import {
  agentNames,
  callTemplates,
  departmentsEn,
  departmentsZh,
  enFirst,
  enLast,
  fillSlots,
  serviceForSubcategory,
  serviceSeeds,
  teamSeeds,
  zhGiven,
  zhSurnames,
  type CallTemplate,
  type DemoLang
} from './catalog'
import { demoUuid, Random } from './random'

const minute = 60_000
const hour = 60 * minute
const day = 24 * hour

// ---------- reference data ----------

export interface DemoTeam {
  id: string
  key: string
  name: string
  kind: Team['kind']
  tier: Tier
}
export interface DemoAgent {
  id: string
  name: string
  email: string
  role: Role
  teamId: string
  tier: Tier
}
export interface DemoService {
  id: string
  key: string
  name: string
  type: Service['type']
  category: Service['category']
  ownerTeamId: string
}
export interface DemoReference {
  teams: DemoTeam[]
  agents: DemoAgent[]
  services: DemoService[]
  routingRules: RoutingRule[]
}

/** Stable ids for the demo's teams, agents and services, so seeding twice updates, never duplicates. */
function referenceId(key: string): string {
  // FNV-1a over the key, spread into a UUIDv7-shaped id dated 2024-01-01 (before any demo ticket).
  let h1 = 0x811c9dc5
  let h2 = 0x01000193
  for (let i = 0; i < key.length; i++) {
    h1 = Math.imul(h1 ^ key.charCodeAt(i), 16777619) >>> 0
    h2 = Math.imul(h2 ^ key.charCodeAt(i), 2246822519) >>> 0
  }
  const rng = new Random(h1 ^ h2)
  return demoUuid(rng, Date.UTC(2024, 0, 1) + (h1 % 100_000))
}

const emailLocal: Record<string, string> = {
  王芳: 'wang.fang',
  李娜: 'li.na',
  张伟: 'zhang.wei',
  刘洋: 'liu.yang',
  陈静: 'chen.jing',
  杨帆: 'yang.fan',
  赵磊: 'zhao.lei',
  黄婷: 'huang.ting',
  周杰: 'zhou.jie',
  吴敏: 'wu.min',
  徐强: 'xu.qiang',
  孙丽: 'sun.li',
  马超: 'ma.chao',
  朱琳: 'zhu.lin',
  胡斌: 'hu.bin',
  郭晨: 'guo.chen',
  何静: 'he.jing',
  高峰: 'gao.feng',
  林涛: 'lin.tao',
  罗勇: 'luo.yong',
  梁晓东: 'liang.xiaodong',
  宋雪: 'song.xue',
  郑凯: 'zheng.kai',
  谢明: 'xie.ming'
}

function agentEmail(name: string): string {
  const local = emailLocal[name] ?? name.toLowerCase().replace(/[^a-z]+/g, '.')
  return `${local}@desk.example.com`
}

/** The desk the demo runs: six teams (L1/L2 desk and four specialist teams), their agents, services and routing. */
export function demoReference(): DemoReference {
  // The demo desk is the standard desk: same team ids and names as first-run set-up, so loading
  // demo data fills the teams the agent already has instead of adding six look-alikes.
  const teams: DemoTeam[] = teamSeeds.map((t) => {
    const base = defaultTeams.find((d) => d.key === t.base)!
    return { id: base.id, key: t.key, name: base.name, kind: base.kind, tier: t.tier }
  })
  const teamByKey = new Map(teams.map((t) => [t.key, t]))
  const agents: DemoAgent[] = []
  for (const team of teams) {
    agentNames[team.key].forEach((name, i) => {
      agents.push({
        id: referenceId(`agent:${team.key}:${i}`),
        name,
        email: agentEmail(name),
        role: i === 0 ? 'team_lead' : team.kind === 'service_desk' ? 'agent' : 'specialist',
        teamId: team.id,
        tier: team.tier
      })
    })
  }
  const services: DemoService[] = serviceSeeds.map((s) => ({
    id: referenceId(`service:${s.key}`),
    key: s.key,
    name: s.name,
    type: s.type,
    category: s.category,
    ownerTeamId: teamByKey.get(s.team)!.id
  }))
  const l1 = teamByKey.get('sd-l1')!.id
  const routingRules: RoutingRule[] = [
    { id: 'demo-security', category: 'security', subcategory: '', teamId: teamByKey.get('sec')!.id, assigneeId: '' },
    {
      id: 'demo-firewall',
      category: 'network',
      subcategory: 'firewall',
      teamId: teamByKey.get('net')!.id,
      assigneeId: ''
    },
    { id: 'demo-dns', category: 'network', subcategory: 'dns', teamId: teamByKey.get('net')!.id, assigneeId: '' },
    { id: 'demo-erp', category: 'software', subcategory: 'erp', teamId: teamByKey.get('app')!.id, assigneeId: '' },
    {
      id: 'demo-access',
      category: 'account',
      subcategory: 'access_request',
      teamId: teamByKey.get('sd-l2')!.id,
      assigneeId: ''
    },
    { id: 'demo-hardware', category: 'hardware', subcategory: '', teamId: l1, assigneeId: '' },
    { id: 'demo-software', category: 'software', subcategory: '', teamId: l1, assigneeId: '' },
    { id: 'demo-network', category: 'network', subcategory: '', teamId: l1, assigneeId: '' },
    { id: 'demo-account', category: 'account', subcategory: '', teamId: l1, assigneeId: '' },
    { id: 'demo-other', category: 'other', subcategory: '', teamId: l1, assigneeId: '' }
  ]
  return { teams, agents, services, routingRules }
}

// ---------- tickets ----------

/** The teams, agents and services already in the database the tickets will reference. */
export interface DemoPeople {
  teams: readonly Pick<Team, 'id' | 'kind' | 'name'>[]
  agents: readonly Pick<Agent, 'id' | 'teamId' | 'tier' | 'active'>[]
  services: readonly Pick<Service, 'id' | 'category' | 'name'>[]
}

export interface DemoTicketOptions {
  seed: number
  count: number
  /** End of the 90-day window, ms since epoch. */
  now: number
  people: DemoPeople
  /** The last numbers already used; demo tickets continue after them. */
  startNumbers: Record<TicketKind, number>
  /** An agent (the one at this workstation) who gets a fair share of the work, so "My open" has rows. */
  favouredAgentId?: string
  days?: number
}

export interface DemoBatch {
  tickets: Ticket[]
  events: TicketEvent[]
  /** Requesters first referenced in this batch. */
  contacts: Contact[]
}

interface Step {
  status: TicketStatus
  at: number
  pendingReason?: PendingReason
}

/**
 * Makes demo tickets in creation order, a batch at a time, so half a million never sit in memory
 * at once. The same seed, count, `now` and people give the same rows.
 */
export class DemoTicketGenerator {
  readonly total: number
  private readonly rng: Random
  private readonly now: number
  private readonly start: number
  private readonly span: number
  private made = 0
  private readonly counters: Record<TicketKind, number>
  private readonly contacts: Contact[]
  private readonly contactLang: DemoLang[]
  private readonly emitted = new Set<number>()
  private readonly deskTeamId: string
  private readonly l2TeamId: string
  private readonly teamForCategory: Record<string, string>
  private readonly agentsByTeam = new Map<string, string[]>()
  private readonly tierByTeam = new Map<string, Tier>()
  private readonly servicesByCategory = new Map<string, string[]>()
  private readonly serviceByKey = new Map<string, string>()
  private readonly templatesByLang: Record<DemoLang, CallTemplate[]>
  private readonly deskAgents: string[]

  constructor(private readonly opts: DemoTicketOptions) {
    this.total = opts.count
    this.rng = new Random(opts.seed)
    this.now = opts.now
    this.span = (opts.days ?? 90) * day
    this.start = opts.now - this.span
    this.counters = { ...opts.startNumbers }
    this.templatesByLang = {
      zh: callTemplates.filter((t) => t.lang === 'zh'),
      en: callTemplates.filter((t) => t.lang === 'en')
    }
    const teams = opts.people.teams
    const desk = teams.filter((t) => t.kind === 'service_desk')
    this.deskTeamId = desk[0]?.id ?? teams[0]?.id ?? ''
    this.l2TeamId = desk[1]?.id ?? this.deskTeamId
    const byKind = (kind: Team['kind']): string => teams.find((t) => t.kind === kind)?.id ?? this.l2TeamId
    this.teamForCategory = {
      hardware: byKind('technical'),
      software: byKind('application'),
      network: byKind('network'),
      security: byKind('security'),
      account: this.l2TeamId,
      other: this.deskTeamId
    }
    for (const a of opts.people.agents) {
      if (!a.active || !a.teamId) continue
      const list = this.agentsByTeam.get(a.teamId) ?? []
      list.push(a.id)
      // The favoured agent counts three times so their own queue is busy enough to demo.
      if (a.id === opts.favouredAgentId) list.push(a.id, a.id)
      this.agentsByTeam.set(a.teamId, list)
      if (!this.tierByTeam.has(a.teamId)) this.tierByTeam.set(a.teamId, a.tier)
    }
    this.deskAgents = this.agentsByTeam.get(this.deskTeamId) ?? opts.people.agents.map((a) => a.id)
    for (const s of opts.people.services) {
      const list = this.servicesByCategory.get(s.category) ?? []
      list.push(s.id)
      this.servicesByCategory.set(s.category, list)
    }
    const reference = demoReference()
    for (const s of reference.services)
      if (opts.people.services.some((p) => p.id === s.id)) this.serviceByKey.set(s.key, s.id)
    // One requester for roughly every 25 calls, as in a mid-size company; some call often.
    const contactCount = Math.max(50, Math.min(20_000, Math.round(opts.count / 25)))
    this.contacts = []
    this.contactLang = []
    const used = new Set<string>()
    for (let i = 0; i < contactCount; i++) {
      const lang: DemoLang = this.rng.chance(0.55) ? 'zh' : 'en'
      this.contacts.push(this.makeContact(i, lang, used))
      this.contactLang.push(lang)
    }
  }

  get done(): number {
    return this.made
  }

  /** The next batch, or null when all tickets have been made. */
  nextBatch(size: number): DemoBatch | null {
    if (this.made >= this.total) return null
    const n = Math.min(size, this.total - this.made)
    const batch: DemoBatch = { tickets: [], events: [], contacts: [] }
    for (let i = 0; i < n; i++) this.makeTicket(batch)
    return batch
  }

  private makeContact(i: number, lang: DemoLang, used: Set<string>): Contact {
    const rng = this.rng
    let name: string
    let local: string
    do {
      if (lang === 'zh') {
        const s = rng.int(0, zhSurnames.length - 1)
        const g = rng.int(0, zhGiven.length - 1)
        name = zhSurnames[s] + zhGiven[g]
        local = `u${String(100000 + i)}`
      } else {
        const f = rng.pick(enFirst)
        const l = rng.pick(enLast)
        name = `${f} ${l}`
        local = `${f}.${l}`.toLowerCase()
      }
    } while (used.has(name) && used.size < 5000 && rng.chance(0.9))
    used.add(name)
    const email = lang === 'zh' ? `${local}@corp.example.cn` : `${local}${used.size > 900 ? i : ''}@corp.example.com`
    const phone =
      lang === 'zh'
        ? rng.chance(0.6)
          ? `1${rng.pick(['38', '39', '86', '58', '35'])} ${rng.int(1000, 9999)} ${rng.int(1000, 9999)}`
          : `+86 21 6${rng.int(100, 999)} ${rng.int(1000, 9999)}`
        : `+44 20 7946 ${String(rng.int(0, 9999)).padStart(4, '0')}`
    const department = lang === 'zh' ? rng.pick(departmentsZh) : rng.pick(departmentsEn)
    const at = new Date(this.start - rng.int(1, 400) * day).toISOString()
    const fields = { name, phone, email, department, vip: rng.chance(0.04) }
    return {
      id: demoUuid(rng, this.start - 400 * day + i),
      ...fields,
      keys: contactKeys(fields),
      createdAt: at,
      updatedAt: at
    }
  }

  private pickContact(): number {
    // A skewed pick: a few requesters call a lot, most call now and then.
    const r = this.rng.next()
    return Math.floor(r * r * this.contacts.length)
  }

  private agentOf(teamId: string): string {
    const list = this.agentsByTeam.get(teamId)
    return list && list.length ? this.rng.pick(list) : ''
  }

  private resolutionTime(priority: Priority): number {
    const r = this.rng.next()
    switch (priority) {
      case 'P1':
        return hour + r * 7 * hour
      case 'P2':
        return 3 * hour + r * 45 * hour
      case 'P3':
        return 12 * hour + r * 4 * day
      default:
        return day + r * 9 * day
    }
  }

  private makeTicket(batch: DemoBatch): void {
    const rng = this.rng
    const index = this.made++
    // Creation times walk forward through the window with jitter: busier on weekdays.
    let created = this.start + ((index + rng.next()) / this.total) * this.span
    const weekday = new Date(created).getUTCDay()
    if ((weekday === 0 || weekday === 6) && rng.chance(0.6)) created -= 2 * day * rng.next()
    created = Math.min(Math.max(this.start, created), this.now - minute)
    const ci = this.pickContact()
    const contact = this.contacts[ci]
    if (!this.emitted.has(ci)) {
      this.emitted.add(ci)
      batch.contacts.push(contact)
    }
    const lang = rng.chance(0.85) ? this.contactLang[ci] : this.contactLang[ci] === 'zh' ? 'en' : 'zh'
    const tpl = rng.pick(this.templatesByLang[lang])
    const pick = (values: readonly string[]): string => {
      // Keep Chinese slots in Chinese text and Latin ones in English (apps are named either way).
      const fits = values.filter((v) => (lang === 'zh' ? true : !/[\u4e00-\u9fff]/.test(v)))
      return rng.pick(fits.length ? fits : values)
    }
    const ext = (): string => String(rng.int(2000, 8999))
    const title = fillSlots(tpl.title, pick, ext)
    const extra =
      lang === 'zh'
        ? rng.pick([
            `\n联系电话：${contact.phone || contact.email}`,
            `\n资产编号：PC-${rng.int(2019, 2025)}-${String(rng.int(1, 99999)).padStart(5, '0')}`,
            `\n影响人数：约 ${rng.int(1, 40)} 人`,
            '',
            `\n已尝试重启电脑，问题依旧。`
          ])
        : rng.pick([
            `\nBest number to reach me: ${contact.phone || contact.email}`,
            `\nAsset tag: PC-${rng.int(2019, 2025)}-${String(rng.int(1, 99999)).padStart(5, '0')}`,
            `\nAbout ${rng.int(1, 40)} people affected.`,
            '',
            '\nRestarting did not help.'
          ])
    const description = fillSlots(tpl.description, pick, ext) + extra
    const shift = (l: Level): Level =>
      rng.chance(0.2) ? (Math.min(3, Math.max(1, l + (rng.chance(0.5) ? 1 : -1))) as Level) : l
    const impact = shift(tpl.impact)
    let urgency = shift(tpl.urgency)
    if (contact.vip && urgency > 1) urgency = (urgency - 1) as Level
    let priority = computePriority(defaultPriorityMatrix, impact, urgency)
    let priorityOverride: Ticket['priorityOverride'] = null
    if (rng.chance(0.01) && priority !== 'P1') {
      priority = priority === 'P2' ? 'P1' : priority === 'P3' ? 'P2' : 'P3'
      priorityOverride = {
        priority,
        reason:
          lang === 'zh' ? '影响关键业务，经值班经理确认升级' : 'Business-critical deadline, confirmed by duty manager'
      }
    }
    const channel: Channel = rng.weighted([
      ['phone', 35],
      ['email', 25],
      ['portal', 25],
      ['chat', 10],
      ['walk_in', 5]
    ] as const)
    const kind = tpl.kind
    const id = demoUuid(rng, created)
    const number = formatNumber(kind, ++this.counters[kind])
    const logger = this.deskAgents.length ? rng.pick(this.deskAgents) : ''

    // Who ends up with it: the desk fixes most calls, the rest go to the specialist team.
    const specialist = rng.chance(
      tpl.category === 'security' ? 0.85 : tpl.subcategory === 'password_reset' ? 0.05 : 0.35
    )
    const teamId = specialist ? this.teamForCategory[tpl.category] || this.deskTeamId : this.deskTeamId
    const tier: Tier = this.tierByTeam.get(teamId) ?? 'L1'
    const assigneeId = this.agentOf(teamId)

    // The planned life of the ticket; what has happened by `now` is its state.
    const steps: Step[] = [{ status: 'new', at: created }]
    let t = created
    const firstCall = !specialist && channel === 'phone' && rng.chance(0.35)
    const cancelled = rng.chance(0.03)
    if (firstCall && assigneeId) {
      t += (3 + rng.next() * 20) * minute
      steps.push({ status: 'resolved', at: t })
    } else {
      t += (2 + rng.next() * 90) * minute * (priority === 'P1' ? 0.2 : 1)
      if (assigneeId) steps.push({ status: 'assigned', at: t })
      t += (5 + rng.next() * 240) * minute * (priority === 'P1' ? 0.2 : 1)
      if (cancelled) steps.push({ status: 'cancelled', at: t })
      else if (assigneeId) {
        steps.push({ status: 'in_progress', at: t })
        const total = this.resolutionTime(priority)
        if (rng.chance(0.3)) {
          const reason: PendingReason = rng.weighted([
            ['customer', 6],
            ['vendor', 2],
            ['change', 2]
          ] as const)
          t += total * 0.3
          steps.push({ status: 'pending', at: t, pendingReason: reason })
          // Some waits drag on for weeks (the customer never answers, the vendor is slow).
          t += rng.chance(0.08) ? (10 + rng.next() * 50) * day : total * 0.5
          steps.push({ status: 'in_progress', at: t })
          t += total * 0.2
        } else t += total
        steps.push({ status: 'resolved', at: t })
      }
    }
    const last = steps[steps.length - 1]
    if (last.status === 'resolved') steps.push({ status: 'closed', at: last.at + (3 + rng.next() * 2) * day })
    // Unassigned calls sit in the queue until someone picks them up.
    const live = steps.filter((s) => s.at <= this.now)
    const final = live[live.length - 1]

    const status = final.status
    const hasAssignee = live.some((s) => s.status !== 'new' && s.status !== 'cancelled')
    const resolvedStep = [...live].reverse().find((s) => s.status === 'resolved')
    const respondStep = live.find((s) => s.status === 'in_progress' || s.status === 'resolved')
    const closedStep = live.find((s) => s.status === 'closed' || s.status === 'cancelled')
    const resolutionCode: ResolutionCode | null = resolvedStep
      ? kind === 'request'
        ? 'request_fulfilled'
        : rng.pick([
            'fixed',
            'fixed',
            'workaround',
            'user_instructed',
            'config_change',
            'hardware_replaced',
            'no_fault_found'
          ] as const)
      : null
    const iso = (ms: number): string => new Date(ms).toISOString()
    const ticketAssignee = hasAssignee ? assigneeId : ''
    const ticketTeam = hasAssignee || rng.chance(0.6) ? teamId : ''
    const serviceKey = serviceForSubcategory[tpl.subcategory] ?? ''
    const serviceId =
      this.serviceByKey.get(serviceKey) ??
      (rng.chance(0.7) ? (this.pickFrom(this.servicesByCategory.get(tpl.category)) ?? '') : '')
    const ticket: Ticket = {
      id,
      number,
      kind,
      channel,
      title,
      description,
      requesterId: contact.id,
      requesterName: contact.name,
      category: tpl.category,
      subcategory: tpl.subcategory,
      serviceId,
      impact,
      urgency,
      priority,
      priorityOverride,
      tier,
      teamId: ticketTeam,
      assigneeId: ticketAssignee,
      status,
      isOpen: isOpenStatus(status) ? 1 : 0,
      pendingReason: status === 'pending' ? (final.pendingReason ?? 'customer') : null,
      resolutionCode: status === 'resolved' || status === 'closed' ? resolutionCode : null,
      resolutionNotes: status === 'resolved' || status === 'closed' ? tpl.resolution : '',
      links: [],
      createdBy: logger,
      firstResponseAt: respondStep ? iso(respondStep.at) : null,
      resolvedAt: resolvedStep && (status === 'resolved' || status === 'closed') ? iso(resolvedStep.at) : null,
      closedAt: closedStep ? iso(closedStep.at) : null,
      createdAt: iso(created),
      updatedAt: iso(final.at),
      terms: ticketTerms(title, description)
    }
    batch.tickets.push(ticket)
    this.pushEvents(batch, ticket, live, logger)
  }

  private pickFrom(list: string[] | undefined): string | undefined {
    return list && list.length ? this.rng.pick(list) : undefined
  }

  private pushEvents(batch: DemoBatch, ticket: Ticket, steps: Step[], logger: string): void {
    const rng = this.rng
    const out = batch.events
    const tid = ticket.id
    // Written out field by field: object spread here dominated generation time at 500k tickets.
    const first = steps[0].at
    const createdId = demoUuid(rng, first)
    const createdAt = ticket.createdAt
    out.push({
      id: createdId,
      ticketId: tid,
      actorId: logger,
      occurredAt: createdAt,
      commandId: createdId,
      createdAt,
      updatedAt: createdAt,
      type: 'created',
      number: ticket.number
    })
    let prev: TicketStatus = 'new'
    const actor = ticket.assigneeId || logger
    // The timeline keeps the moves an agent looks for (assignment, resolution, closure, the state
    // it is in now) and skips intermediate hops: events are most of the rows a demo desk writes.
    const assigned = steps.find((s) => s.status !== 'new' && s.status !== 'cancelled')
    if (assigned && ticket.assigneeId) {
      const id = demoUuid(rng, assigned.at)
      const at = new Date(assigned.at).toISOString()
      out.push({
        id,
        ticketId: tid,
        actorId: logger,
        occurredAt: at,
        commandId: id,
        createdAt: at,
        updatedAt: at,
        type: 'assignment',
        fromTeamId: '',
        toTeamId: ticket.teamId,
        fromAssigneeId: '',
        toAssigneeId: ticket.assigneeId
      })
      if (assigned.status === 'assigned') prev = 'assigned'
    }
    const last = steps[steps.length - 1]
    const keep = steps.filter((s, i) => i > 0 && s.status !== 'assigned' && (s === last || s.status === 'resolved'))
    for (const step of keep) {
      const id = demoUuid(rng, step.at + 1)
      const at = new Date(step.at + 1).toISOString()
      const to = step.status
      out.push({
        id,
        ticketId: tid,
        actorId: actor,
        occurredAt: at,
        commandId: id,
        createdAt: at,
        updatedAt: at,
        type: 'status',
        from: prev,
        to,
        pendingReason: to === 'pending' ? (step.pendingReason ?? 'customer') : null,
        resolutionCode: to === 'resolved' ? ticket.resolutionCode : null,
        note: to === 'resolved' ? ticket.resolutionNotes : ''
      })
      prev = to
    }
  }
}
