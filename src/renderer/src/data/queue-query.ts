import Dexie from 'dexie'
import { matchesQuery, parseQuery, parseTicketNumber, type SearchQuery } from '@shared/search/tokenize'
import {
  categories,
  priorities,
  ticketKinds,
  ticketStatuses,
  type Category,
  type Priority,
  type Ticket,
  type TicketKind,
  type TicketStatus
} from '@shared/ticket/model'
import type { DeskDb } from './db'

/**
 * The queue's reader. The grid never runs one live query over the whole table: for the current
 * view, filters, sort and search this module picks an index, reads one page at a time and counts
 * later. See `planQueue` for how the index is chosen.
 */

export const queueViews = ['mine', 'unassigned', 'team', 'open', 'resolved'] as const
export type QueueViewId = (typeof queueViews)[number]

export const sortColumns = ['number', 'kind', 'priority', 'status', 'title', 'requester', 'category', 'team', 'assignee', 'updated'] as const
export type SortColumn = (typeof sortColumns)[number]

export interface QueueSort {
  column: SortColumn
  desc: boolean
}

export interface QueueFilters {
  kind: TicketKind[]
  priority: Priority[]
  status: TicketStatus[]
  category: Category[]
  teamId: string[]
  assigneeId: string[]
  /** Case-insensitive "contains". */
  title: string
  requester: string
  /** ISO instants, both inclusive; null for open-ended. */
  updatedFrom: string | null
  updatedTo: string | null
}

export const emptyFilters: QueueFilters = {
  kind: [],
  priority: [],
  status: [],
  category: [],
  teamId: [],
  assigneeId: [],
  title: '',
  requester: '',
  updatedFrom: null,
  updatedTo: null
}

export interface QueueQuery {
  view: QueueViewId
  filters: QueueFilters
  sort: QueueSort
  search: string
  /** The agent at this workstation and their team ('' when none). */
  me: { agentId: string; teamId: string }
}

/** Display order of teams and agents (by name, in the UI language) for sorting by those columns. */
export interface QueueRanks {
  team: ReadonlyMap<string, number>
  agent: ReadonlyMap<string, number>
}

export const statusOpen: Record<TicketStatus, 0 | 1> = {
  new: 1,
  assigned: 1,
  in_progress: 1,
  pending: 1,
  resolved: 0,
  closed: 0,
  cancelled: 0
}

/** Each view's fixed part: every view is either open or closed work, so `isOpen` always leads. */
export function viewDefaults(view: QueueViewId): QueueSort {
  return view === 'resolved' ? { column: 'updated', desc: true } : { column: 'updated', desc: true }
}

// ---------- constraints ----------

type SetField = 'assigneeId' | 'teamId' | 'status' | 'priority' | 'kind' | 'category'
const setFields: readonly SetField[] = ['assigneeId', 'teamId', 'status', 'priority', 'kind', 'category']

export interface Constraints {
  isOpen: 0 | 1
  sets: Partial<Record<SetField, ReadonlySet<string>>>
  from: string | null
  to: string | null
  title: string
  requester: string
  search: SearchQuery | null
  numbers: string[]
  /** Some constraint can match nothing (e.g. "My team" with no team). */
  empty: boolean
}

function intersect(a: ReadonlySet<string> | undefined, values: readonly string[]): Set<string> {
  const next = new Set(values)
  if (!a) return next
  return new Set([...a].filter((v) => next.has(v)))
}

export function constraintsOf(q: QueueQuery): Constraints {
  const f = q.filters
  const isOpen: 0 | 1 = q.view === 'resolved' ? 0 : 1
  const sets: Constraints['sets'] = {}
  let empty = false
  const add = (field: SetField, values: readonly string[]): void => {
    sets[field] = intersect(sets[field], values)
  }
  if (q.view === 'mine') add('assigneeId', [q.me.agentId])
  if (q.view === 'unassigned') add('assigneeId', [''])
  if (q.view === 'team') {
    if (!q.me.teamId) empty = true
    add('teamId', [q.me.teamId])
  }
  // A status filter can only keep statuses of the view's side (open or closed work).
  add('status', (q.view === 'resolved' ? (['resolved', 'closed'] as const) : ticketStatuses).filter((s) => statusOpen[s] === isOpen))
  if (f.status.length) add('status', f.status)
  if (f.assigneeId.length) add('assigneeId', f.assigneeId)
  if (f.teamId.length) add('teamId', f.teamId)
  if (f.priority.length) add('priority', f.priority)
  if (f.kind.length) add('kind', f.kind)
  if (f.category.length) add('category', f.category)
  // The status set is implied by isOpen unless it narrows it; drop it then so it costs nothing.
  const statusAll = ticketStatuses.filter((s) => statusOpen[s] === isOpen)
  if (sets.status && sets.status.size === statusAll.length) delete sets.status
  for (const field of setFields) if (sets[field] && sets[field].size === 0) empty = true
  const parsed = parseQuery(q.search)
  const search = parsed.all.length || parsed.prefix ? parsed : null
  return {
    isOpen,
    sets,
    from: f.updatedFrom,
    to: f.updatedTo,
    title: f.title.trim().toLowerCase(),
    requester: f.requester.trim().toLowerCase(),
    search,
    numbers: q.search.trim() ? parseTicketNumber(q.search) : [],
    empty: empty || (f.updatedFrom !== null && f.updatedTo !== null && f.updatedFrom > f.updatedTo)
  }
}

/** Whether a ticket belongs in the result (number matches aside). The planner's filters all come down to this. */
export function matchesConstraints(t: Ticket, c: Constraints): boolean {
  if (c.empty || t.isOpen !== c.isOpen) return false
  for (const field of setFields) {
    const set = c.sets[field]
    if (set && !set.has(t[field])) return false
  }
  if (c.from !== null && t.updatedAt < c.from) return false
  if (c.to !== null && t.updatedAt > c.to) return false
  if (c.title && !t.title.toLowerCase().includes(c.title)) return false
  if (c.requester && !t.requesterName.toLowerCase().includes(c.requester)) return false
  if (c.search && !matchesQuery(t.terms, c.search)) return false
  return true
}

// ---------- order ----------

const rankOf = <T extends string>(values: readonly T[]): Map<string, number> => new Map(values.map((v, i) => [v, i]))
const enumRanks: Record<'priority' | 'kind' | 'category' | 'status', Map<string, number>> = {
  priority: rankOf(priorities),
  kind: rankOf(ticketKinds),
  category: rankOf(categories),
  status: rankOf(ticketStatuses)
}

/**
 * Team and agent ranks place named records first, then ids the desk does not know (yet), then
 * "none" (''): an unassigned ticket sorts last when sorting by assignee ascending.
 */
function groupRank(ranks: ReadonlyMap<string, number>, value: string): number {
  if (value === '') return ranks.size + 1
  return ranks.get(value) ?? ranks.size
}

type SortTuple = (string | number)[]

/** The total order of the queue: sort column, then last update, then id (the index's own order). */
export function sortTuple(t: Ticket, column: SortColumn, ranks: QueueRanks): SortTuple {
  switch (column) {
    case 'updated':
      return [t.updatedAt, t.id]
    case 'number':
      return [t.number, t.id]
    case 'title':
      return [t.title, t.updatedAt, t.id]
    case 'requester':
      return [t.requesterName, t.updatedAt, t.id]
    case 'team':
      return [groupRank(ranks.team, t.teamId), t.updatedAt, t.id]
    case 'assignee':
      return [groupRank(ranks.agent, t.assigneeId), t.updatedAt, t.id]
    default:
      return [enumRanks[column].get(t[column]) ?? 99, t.updatedAt, t.id]
  }
}

function compareTuples(a: SortTuple, b: SortTuple): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]
    const y = b[i]
    if (x < y) return -1
    if (x > y) return 1
  }
  return 0
}

export function compareTickets(sort: QueueSort, ranks: QueueRanks): (a: Ticket, b: Ticket) => number {
  const sign = sort.desc ? -1 : 1
  return (a, b) => sign * compareTuples(sortTuple(a, sort.column, ranks), sortTuple(b, sort.column, ranks))
}

// ---------- index ranges ----------

type Key = unknown[]

/** One contiguous index range, read in the sort direction. */
export interface Segment {
  index: string
  lower: Key
  upper: Key
  /** Builds the index key of a row, to continue after it. */
  keyOf: (t: Ticket) => Key
  /** Rows of this range that still have to pass the filter (only the fallback segment has one). */
  only?: (t: Ticket) => boolean
}

const lo = (v: string | null): string | number => v ?? Dexie.minKey
const hi = (v: string | null): unknown => v ?? Dexie.maxKey

/** `[field+isOpen+updatedAt]` for one value, bounded by the date filter. */
function groupSegment(field: SetField, value: string, c: Constraints): Segment {
  if (field === 'status')
    return {
      index: '[status+updatedAt]',
      lower: [value, lo(c.from)],
      upper: [value, hi(c.to)],
      keyOf: (t) => [t.status, t.updatedAt]
    }
  return {
    index: `[${field}+isOpen+updatedAt]`,
    lower: [value, c.isOpen, lo(c.from)],
    upper: [value, c.isOpen, hi(c.to)],
    keyOf: (t) => [t[field], t.isOpen, t.updatedAt]
  }
}

function baseSegment(c: Constraints): Segment {
  return {
    index: '[isOpen+updatedAt]',
    lower: [c.isOpen, lo(c.from)],
    upper: [c.isOpen, hi(c.to)],
    keyOf: (t) => [t.isOpen, t.updatedAt]
  }
}

const columnField: Partial<Record<SortColumn, SetField>> = {
  priority: 'priority',
  kind: 'kind',
  category: 'category',
  status: 'status',
  team: 'teamId',
  assignee: 'assigneeId'
}

/** The values of a grouping column in display order, limited to the filter. */
function groupValues(field: SetField, c: Constraints, ranks: QueueRanks): string[] {
  const filter = c.sets[field]
  let values: string[]
  if (field === 'teamId' || field === 'assigneeId') {
    const r = field === 'teamId' ? ranks.team : ranks.agent
    values = [...r.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id)
    values.push('')
    if (filter) {
      // Ids in the filter the desk has no record of still get their group (after the named ones).
      const unknown = [...filter].filter((v) => v !== '' && !r.has(v)).sort()
      values.splice(values.length - 1, 0, ...unknown)
    }
  } else values = field === 'status' ? ticketStatuses.filter((s) => statusOpen[s] === c.isOpen) : [...enumRanks[field].keys()]
  return filter ? values.filter((v) => filter.has(v)) : values
}

/**
 * The index walk that yields rows already in sort order. Group columns (priority, team, …) walk
 * one `[field+isOpen+updatedAt]` range per value in display order; the rest walk one range.
 */
export function sortSegments(c: Constraints, sort: QueueSort, ranks: QueueRanks, narrow: SetField | null): Segment[] {
  const field = columnField[sort.column]
  let segments: Segment[]
  if (field) {
    segments = groupValues(field, c, ranks).map((v) => groupSegment(field, v, c))
    if ((field === 'teamId' || field === 'assigneeId') && !c.sets[field]) {
      // Tickets pointing at a team or agent not (yet) synced: one last filtered pass finds them.
      const known = field === 'teamId' ? ranks.team : ranks.agent
      segments.splice(segments.length - 1, 0, { ...baseSegment(c), only: (t) => t[field] !== '' && !known.has(t[field]) })
    }
  } else if (sort.column === 'updated') {
    segments = [narrow ? groupSegment(narrow, [...c.sets[narrow]!][0], c) : baseSegment(c)]
  } else if (sort.column === 'number') {
    segments = [{ index: '[isOpen+number]', lower: [c.isOpen, Dexie.minKey], upper: [c.isOpen, Dexie.maxKey], keyOf: (t) => [t.isOpen, t.number] }]
  } else {
    const prop = sort.column === 'title' ? 'title' : 'requesterName'
    segments = [
      {
        index: `[isOpen+${prop}+updatedAt]`,
        lower: [c.isOpen, Dexie.minKey],
        upper: [c.isOpen, Dexie.maxKey],
        keyOf: (t) => [t.isOpen, t[prop], t.updatedAt]
      }
    ]
  }
  return sort.desc ? segments.reverse() : segments
}

// ---------- the plan ----------

export interface QueueTuning {
  /** Rows per page the grid asks for. */
  pageSize: number
  /** A candidate id set this small is loaded whole and sorted in memory. */
  materialiseCap: number
  /** Index key lists longer than this are not worth fetching to intersect. */
  keyCap: number
  /** Index entries read per step of a walk. */
  chunk: number
}

/**
 * Measured in Chromium (see test/bench): reading a row costs ~30 µs, a primary key ~4 µs, a single
 * get ~60 µs, a native count ~0.5 µs per entry. So: materialise only small sets, probe key lists
 * with a low cap, and let a walk grow its chunks.
 */
export const defaultTuning: QueueTuning = { pageSize: 100, materialiseCap: 600, keyCap: 6_000, chunk: 300 }

export interface PlanInfo {
  strategy: 'empty' | 'materialise' | 'walk'
  /** Indexes read, for the bench and for debugging slow views. */
  indexes: string[]
  candidates: number | null
  ms: number
}

interface Source {
  name: string
  field: SetField | 'terms' | 'base'
  run: (cap: number) => Promise<string[] | null>
}

/** Primary keys of `ranges`, or null once more than `cap` (then the set is too broad to help). */
async function keysUpTo(db: DeskDb, index: string, ranges: [unknown, unknown][], cap: number): Promise<string[] | null> {
  const out: string[] = []
  for (const [l, u] of ranges) {
    const keys: string[] = await db.tickets
      .where(index)
      .between(l, u, true, true)
      .limit(cap + 1 - out.length)
      .primaryKeys()
    for (const k of keys) out.push(k)
    if (out.length > cap) return null
  }
  return out
}

function sources(db: DeskDb, c: Constraints): Source[] {
  const list: Source[] = []
  for (const field of setFields) {
    const set = c.sets[field]
    if (!set) continue
    const segs = [...set].map((v) => groupSegment(field, v, c))
    list.push({
      name: segs[0].index,
      field,
      run: (cap) => keysUpTo(db, segs[0].index, segs.map((s) => [s.lower, s.upper]), cap)
    })
  }
  if (c.search) {
    for (const term of c.search.all)
      list.push({ name: '*terms', field: 'terms', run: (cap) => keysUpTo(db, 'terms', [[term, term]], cap) })
    const prefix = c.search.prefix
    if (prefix)
      list.push({
        name: '*terms',
        field: 'terms',
        run: async (cap) => {
          const keys = await keysUpTo(db, 'terms', [[prefix, prefix + '\uffff']], cap)
          // A multi-entry index lists a ticket once per matching term.
          return keys ? [...new Set(keys)] : null
        }
      })
  }
  // Open work is a small slice of the table and helps narrow a search; closed work is most of it.
  if (c.isOpen === 1 && c.search) {
    const base = baseSegment(c)
    list.push({ name: base.index, field: 'base', run: (cap) => keysUpTo(db, base.index, [[base.lower, base.upper]], cap) })
  }
  return list
}

export interface QueueReader {
  readonly info: PlanInfo
  /** Tickets whose number is the search text: shown first, whatever the view. */
  readonly pinned: Ticket[]
  /** The next page in order; [] when there is no more. */
  next(): Promise<Ticket[]>
  readonly done: boolean
  /** How many rows the whole result has (pinned included); may take longer than the first page. */
  count(): Promise<number>
  /** Stops a count still running (the grid moved on to another query). */
  cancel(): void
}

/** Whether a walk over `segments` needs no filter at all: then counting is native and cheap. */
function isPure(c: Constraints, segments: Segment[], sort: QueueSort, narrow: SetField | null): boolean {
  if (c.title || c.requester || c.search) return false
  const field = columnField[sort.column]
  const covered = new Set<string>()
  if (field) covered.add(field)
  if (narrow) covered.add(narrow)
  for (const f of setFields) if (c.sets[f] && !covered.has(f)) return false
  // Group walks on title/number/requester ignore the date filter in the range.
  if ((c.from || c.to) && (sort.column === 'number' || sort.column === 'title' || sort.column === 'requester')) return false
  return !segments.some((s) => s.only)
}

class MaterialisedReader implements QueueReader {
  private offset = 0
  constructor(
    readonly info: PlanInfo,
    readonly pinned: Ticket[],
    private readonly rows: Ticket[],
    private readonly pageSize: number
  ) {}
  get done(): boolean {
    return this.offset >= this.rows.length
  }
  async next(): Promise<Ticket[]> {
    const page = this.rows.slice(this.offset, this.offset + this.pageSize)
    this.offset += page.length
    return page
  }
  async count(): Promise<number> {
    return this.rows.length + this.pinned.length
  }
  cancel(): void {}
}

class WalkReader implements QueueReader {
  private seg = 0
  private lastKey: Key | null = null
  private seen = new Set<string>()
  private counted: Promise<number> | null = null
  constructor(
    readonly info: PlanInfo,
    readonly pinned: Ticket[],
    private readonly db: DeskDb,
    private readonly c: Constraints,
    private readonly segments: Segment[],
    private readonly desc: boolean,
    private readonly ids: Set<string> | null,
    private readonly pure: boolean,
    private readonly tuning: QueueTuning,
    private readonly skip: ReadonlySet<string>
  ) {
    this.chunk = pure ? tuning.pageSize + 1 : tuning.chunk
  }

  get done(): boolean {
    return this.seg >= this.segments.length && this.buffer.length === 0
  }

  private range(s: Segment): [Key, Key] {
    if (!this.lastKey) return [s.lower, s.upper]
    return this.desc ? [s.lower, this.lastKey] : [this.lastKey, s.upper]
  }

  private accept(t: Ticket, s: Segment): boolean {
    if (this.skip.has(t.id)) return false
    if (this.pure) return true
    if (this.ids && !this.ids.has(t.id)) return false
    if (s.only && !s.only(t)) return false
    return matchesConstraints(t, this.c)
  }

  async next(): Promise<Ticket[]> {
    const want = this.tuning.pageSize
    while (this.buffer.length < want && this.seg < this.segments.length) {
      const s = this.segments[this.seg]
      const [l, u] = this.range(s)
      let coll = this.db.tickets.where(s.index).between(l, u, true, true)
      if (this.desc) coll = coll.reverse()
      const limit = this.chunk
      if (this.ids) {
        // With a candidate id set, read keys first and fetch only the rows that can match.
        const pks: string[] = await coll.limit(limit).primaryKeys()
        const wanted = pks.filter((k) => !this.seen.has(k) && this.ids!.has(k) && !this.skip.has(k))
        const last = pks.length === limit ? pks[pks.length - 1] : null
        const fetch = last && !wanted.includes(last) ? [...wanted, last] : wanted
        const got = await this.db.tickets.bulkGet(fetch)
        const byId = new Map<string, Ticket>()
        for (const t of got) if (t) byId.set(t.id, t)
        for (const k of wanted) {
          const t = byId.get(k)
          if (t && this.accept(t, s)) this.buffer.push(t)
        }
        this.advance(s, pks, last ? byId.get(last) : undefined, limit)
      } else {
        const rows = await coll.limit(limit).toArray()
        for (const t of rows) if (!this.seen.has(t.id) && this.accept(t, s)) this.buffer.push(t)
        this.advance(s, rows.map((t) => t.id), rows[rows.length - 1], limit)
      }
      // Sparse matches: read bigger steps next time (bounded), so a page needs few round trips.
      if (!this.pure) this.chunk = Math.min(this.chunk * 2, 8_000)
    }
    return this.buffer.splice(0, want)
  }

  private buffer: Ticket[] = []
  private chunk: number

  private advance(s: Segment, pks: string[], lastRow: Ticket | undefined, limit: number): void {
    if (pks.length < limit || !lastRow) {
      // This range is exhausted: on to the next segment.
      this.seg++
      this.lastKey = null
      this.seen = new Set()
      return
    }
    this.lastKey = s.keyOf(lastRow)
    // The next read starts at the last key again (inclusive): rows sharing it are skipped by id.
    const fresh = pks.filter((k) => !this.seen.has(k))
    if (fresh.length === 0) throw new Error(`queue walk stalled on ${s.index}`)
    this.seen = new Set(pks)
  }

  count(): Promise<number> {
    this.counted ??= this.countAll()
    return this.counted
  }

  private async countAll(): Promise<number> {
    let n = this.pinned.length
    if (this.pure) {
      for (const s of this.segments) n += await this.db.tickets.where(s.index).between(s.lower, s.upper, true, true).count()
      return n
    }
    if (this.ids) {
      const ids = [...this.ids].filter((id) => !this.skip.has(id))
      for (let i = 0; i < ids.length; i += 1_000) {
        this.checkCancelled()
        const rows = await this.db.tickets.bulkGet(ids.slice(i, i + 1_000))
        for (const t of rows) if (t && matchesConstraints(t, this.c)) n++
      }
      return n
    }
    // Stream the narrowest range (native counts are cheap: a fraction of a microsecond per entry)
    // and test each row. Runs after the first page, a chunk at a time, and stops when abandoned.
    const candidates: { segs: Segment[]; size: number }[] = []
    for (const field of setFields) {
      const set = this.c.sets[field]
      if (!set) continue
      const segs = [...set].map((v) => groupSegment(field, v, this.c))
      let size = 0
      for (const sg of segs) size += await this.db.tickets.where(sg.index).between(sg.lower, sg.upper, true, true).count()
      candidates.push({ segs, size })
    }
    if (this.c.search) {
      for (const term of this.c.search.all) {
        const size = await this.db.tickets.where('terms').equals(term).count()
        const best = Math.min(...candidates.map((cd) => cd.size))
        if (size < best) return n + (await this.countTerm(term))
      }
    }
    candidates.sort((x, y) => x.size - y.size)
    const segs = candidates.length ? candidates[0].segs : [baseSegment(this.c)]
    for (const sg of segs) {
      let lastKey: Key | null = null
      let seen = new Set<string>()
      for (;;) {
        this.checkCancelled()
        const rows: Ticket[] = await this.db.tickets
          .where(sg.index)
          .between(lastKey ?? sg.lower, sg.upper, true, true)
          .limit(2_000)
          .toArray()
        for (const t of rows) if (!seen.has(t.id) && !this.skip.has(t.id) && matchesConstraints(t, this.c)) n++
        if (rows.length < 2_000) break
        lastKey = sg.keyOf(rows[rows.length - 1])
        seen = new Set(rows.map((t) => t.id))
      }
    }
    return n
  }

  private async countTerm(term: string): Promise<number> {
    const ids: string[] = await this.db.tickets.where('terms').equals(term).primaryKeys()
    let n = 0
    for (let i = 0; i < ids.length; i += 1_000) {
      this.checkCancelled()
      const rows = await this.db.tickets.bulkGet(ids.slice(i, i + 1_000))
      for (const t of rows) if (t && !this.skip.has(t.id) && matchesConstraints(t, this.c)) n++
    }
    return n
  }

  private cancelled = false
  cancel(): void {
    this.cancelled = true
  }
  private checkCancelled(): void {
    if (this.cancelled) throw new QueueCancelled()
  }
}

/** Thrown by a count that was given up because the query changed. */
export class QueueCancelled extends Error {
  constructor() {
    super('queue read cancelled')
  }
}

const emptyReader = (info: PlanInfo, pinned: Ticket[]): QueueReader => new MaterialisedReader(info, pinned, [], 1)

/**
 * Plans and opens a read of the queue.
 *
 * 1. Ticket numbers in the search ("INC-42") are looked up on `&number` and pinned first.
 * 2. Each narrowing constraint names an index range: the view's assignee/team, filters on
 *    status/priority/kind/category/team/assignee (`[field+isOpen+updatedAt]`), each search term
 *    (`*terms`) and the view itself (`[isOpen+updatedAt]`). Their primary keys are fetched — keys
 *    only, capped at `keyCap` — and intersected; a range over the cap is too broad to help.
 * 3. If the intersection is small (≤ `materialiseCap`), those rows are fetched, filtered and
 *    sorted in memory: exact, and the count is known at once.
 * 4. Otherwise the sort column's index is walked in order (`[isOpen+updatedAt]` or a narrower
 *    `[assigneeId+isOpen+updatedAt]` / `[teamId+…]` for updated; one range per value for group
 *    columns; `[isOpen+number]`, `[isOpen+title+updatedAt]`, `[isOpen+requesterName+updatedAt]`),
 *    a chunk at a time with keyset continuation, testing rows (or, with an id set, only keys)
 *    until a page is full. Counting runs later, natively when the walk needs no filter.
 */
export async function planQueue(db: DeskDb, q: QueueQuery, ranks: QueueRanks, tuning: QueueTuning = defaultTuning): Promise<QueueReader> {
  const started = performance.now()
  const c = constraintsOf(q)
  const pinned = c.numbers.length ? await db.tickets.where('number').anyOf(c.numbers).toArray() : []
  const skip = new Set(pinned.map((t) => t.id))
  const info = (strategy: PlanInfo['strategy'], indexes: string[], candidates: number | null): PlanInfo => ({
    strategy,
    indexes,
    candidates,
    ms: performance.now() - started
  })
  if (c.empty) return emptyReader(info('empty', [], 0), pinned)

  // The narrowest single value among assignee/team (then others) can serve "updated" directly.
  const narrowFor = (): SetField | null => {
    for (const f of ['assigneeId', 'teamId', 'status', 'priority', 'category', 'kind'] as const) if (c.sets[f]?.size === 1) return f
    return null
  }
  const narrow = q.sort.column === 'updated' ? narrowFor() : null
  const segments = sortSegments(c, q.sort, ranks, narrow)
  const pure = isPure(c, segments, q.sort, narrow)
  if (pure)
    return new WalkReader(info('walk', segments.map((s) => s.index), null), pinned, db, c, segments, q.sort.desc, null, true, tuning, skip)

  // Candidate ids: probe every narrowing range cheaply (keys up to materialiseCap); a search gets a
  // second, deeper look at its terms (up to keyCap), since a term list is usually the narrowest.
  const srcs = sources(db, c)
  const probes = await Promise.all(srcs.map((s) => s.run(tuning.materialiseCap)))
  let found = probes.map((keys, i) => ({ keys, src: srcs[i] }))
  if (!found.some((f) => f.keys) && c.search && tuning.keyCap > tuning.materialiseCap) {
    const deep = srcs.filter((s) => s.field === 'terms' || s.field === 'base')
    const keys = await Promise.all(deep.map((s) => s.run(tuning.keyCap)))
    found = keys.map((k, i) => ({ keys: k, src: deep[i] }))
  }
  const usable = found
    .filter((r): r is { keys: string[]; src: Source } => r.keys !== null)
    .sort((a, b) => a.keys.length - b.keys.length)
  let ids: Set<string> | null = null
  for (const { keys } of usable) {
    if (!ids) ids = new Set(keys)
    else {
      const next = new Set<string>()
      for (const k of keys) if (ids.has(k)) next.add(k)
      ids = next
    }
    if (ids.size === 0) break
  }
  const used = usable.map((u) => u.src.name)
  if (ids && ids.size <= tuning.materialiseCap) {
    const rows = (await db.tickets.bulkGet([...ids])).filter((t): t is Ticket => !!t && !skip.has(t.id) && matchesConstraints(t, c))
    rows.sort(compareTickets(q.sort, ranks))
    return new MaterialisedReader(info('materialise', used, ids.size), pinned, rows, tuning.pageSize)
  }
  return new WalkReader(
    info('walk', [...segments.map((s) => s.index), ...used], ids?.size ?? null),
    pinned,
    db,
    c,
    segments,
    q.sort.desc,
    ids,
    false,
    tuning,
    skip
  )
}

/** Ranks from the teams and agents tables: by name in the UI language. */
export function ranksFrom(teams: readonly { id: string; name: string }[], agents: readonly { id: string; name: string }[], locale: string): QueueRanks {
  const collator = new Intl.Collator(locale)
  const rank = (rows: readonly { id: string; name: string }[]): Map<string, number> =>
    new Map(
      [...rows]
        .sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1))
        .map((r, i) => [r.id, i])
    )
  return { team: rank(teams), agent: rank(agents) }
}
