import { randomUUID } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import pg from 'pg'
import { newId } from '@shared/ids'
import type { Role } from '@shared/people/model'
import {
  SYNC_SCHEMA_VERSION,
  pullResponseSchema,
  pushResponseSchema,
  type Change,
  type CommandResult,
  type PullResponse
} from '@shared/sync/protocol'
import { buildApp, type AppOptions } from '../../../src/server/app'
import { ensureAdmin } from '../../../src/server/auth/accounts'
import { openDatabase, type DeskDatabase } from '../../../src/server/db/database'

/** A database for one test file: an in-memory PGlite, or a fresh database in a PostgreSQL cluster. */
export interface TestDatabase {
  database: DeskDatabase
  url?: string
  drop(): Promise<void>
}

export async function pgliteDatabase(): Promise<TestDatabase> {
  const database = await openDatabase({ dataDir: 'memory://' })
  return { database, drop: () => database.close() }
}

/** A new, empty database in the cluster at `clusterUrl` (dropped afterwards). */
export async function postgresDatabase(clusterUrl: string): Promise<TestDatabase> {
  const name = `desk_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`
  const admin = new pg.Client({ connectionString: clusterUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(clusterUrl)
  url.pathname = `/${name}`
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 })
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.close()
      const c = new pg.Client({ connectionString: clusterUrl })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    }
  }
}

export interface Agent {
  id: string
  email: string
  password: string
  token: string
}

let serial = 0
export const uniqueEmail = (prefix: string): string => `${prefix}.${Date.now().toString(36)}.${++serial}@desk.test`
export const now = (offsetMs = 0): string => new Date(Date.now() + offsetMs).toISOString()

/** An app over a shared database, with an admin and helpers to make agents and clients. */
export class Harness {
  admin!: Agent
  private constructor(
    readonly app: FastifyInstance,
    readonly database: DeskDatabase
  ) {}

  static async create(database: DeskDatabase, options: AppOptions = {}): Promise<Harness> {
    const app = await buildApp({
      database,
      staticRoot: false,
      loginRateLimit: { max: 10_000, timeWindowMs: 60_000 },
      ...options
    })
    const h = new Harness(app, database)
    const email = uniqueEmail('admin')
    const { oneTimePassword } = (await ensureAdmin(database, email))!
    h.admin = { ...(await h.login(email, oneTimePassword)), email, password: oneTimePassword }
    return h
  }

  async login(email: string, password: string): Promise<{ id: string; token: string }> {
    const res = await this.app.inject({ method: 'POST', url: '/auth/login', payload: { email, password } })
    if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`)
    const body = res.json<{ token: string; agentId: string }>()
    return { id: body.agentId, token: body.token }
  }

  async createTeam(kind: 'service_desk' | 'security' | 'network', name = `${kind} team`): Promise<string> {
    const id = newId()
    const c = this.client(this.admin)
    const [r] = await c.pushOk([{ name: 'team.upsert', args: { id, name, kind } }])
    if (r.status !== 'applied') throw new Error(JSON.stringify(r))
    return id
  }

  async createAgent(role: Role, teamId = '', name = `${role} agent`): Promise<Agent> {
    const email = uniqueEmail(role)
    const password = 'correct horse battery staple'
    const res = await this.app.inject({
      method: 'POST',
      url: '/admin/agents',
      headers: { authorization: `Bearer ${this.admin.token}` },
      payload: { name, email, role, teamId, tier: 'L1', password }
    })
    if (res.statusCode !== 201) throw new Error(`create agent: ${res.statusCode} ${res.body}`)
    const { id, token } = await this.login(email, password)
    return { id, token, email, password }
  }

  client(agent: { token: string }, clientId = newId()): Client {
    return new Client(this.app, agent.token, clientId)
  }

  async close(): Promise<void> {
    await this.app.close()
  }
}

export interface Cmd {
  name: string
  version?: number
  args: unknown
  occurredAt?: string
  id?: string
}

/** One workstation: a client id, an outbox seq, a cursor. */
export class Client {
  seq = 0
  cursor = 0
  constructor(
    readonly app: FastifyInstance,
    public token: string,
    readonly clientId: string
  ) {}

  envelope(
    cmds: Cmd[]
  ): { seq: number; id: string; name: string; version: number; args: unknown; occurredAt: string }[] {
    return cmds.map((c) => ({
      seq: ++this.seq,
      id: c.id ?? newId(),
      name: c.name,
      version: c.version ?? 1,
      args: c.args,
      occurredAt: c.occurredAt ?? now()
    }))
  }

  async pushRaw(body: unknown): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method: 'POST',
      url: '/sync/push',
      headers: { authorization: `Bearer ${this.token}` },
      payload: body as object
    })
  }

  body(commands: ReturnType<Client['envelope']>): object {
    return { clientId: this.clientId, schemaVersion: SYNC_SCHEMA_VERSION, commands }
  }

  async push(cmds: Cmd[]): Promise<LightMyRequestResponse> {
    return this.pushRaw(this.body(this.envelope(cmds)))
  }

  async pushOk(cmds: Cmd[]): Promise<CommandResult[]> {
    const res = await this.push(cmds)
    if (res.statusCode !== 200) throw new Error(`push: ${res.statusCode} ${res.body}`)
    // Every answer must satisfy the shared contract the console parses it with.
    return pushResponseSchema.parse(res.json()).results
  }

  async pullRaw(query: Record<string, string | number>): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method: 'GET',
      url: '/sync/pull',
      headers: { authorization: `Bearer ${this.token}` },
      query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]))
    })
  }

  async pull(limit = 1_000): Promise<PullResponse> {
    const res = await this.pullRaw({
      clientId: this.clientId,
      cursor: this.cursor,
      limit,
      schemaVersion: SYNC_SCHEMA_VERSION
    })
    if (res.statusCode !== 200) throw new Error(`pull: ${res.statusCode} ${res.body}`)
    const body = pullResponseSchema.parse(res.json())
    if (!body.resetRequired) this.cursor = body.cursor
    return body
  }

  /** Pulls every page; returns all changes (and the rejections reported). */
  async pullAll(limit = 1_000): Promise<{ changes: Change[]; rejected: CommandResult[]; lastProcessedSeq: number }> {
    const changes: Change[] = []
    const rejected: CommandResult[] = []
    for (;;) {
      const page = await this.pull(limit)
      if (page.resetRequired) throw new Error(`reset required: ${page.reason}`)
      changes.push(...page.changes)
      rejected.push(...page.rejected)
      if (!page.hasMore) return { changes, rejected, lastProcessedSeq: page.lastProcessedSeq }
    }
  }
}

/** The final state of each (table, id) after applying changes in order. */
export function replay(changes: Change[], state = new Map<string, unknown>()): Map<string, unknown> {
  for (const c of changes) {
    const k = `${c.table}:${c.id}`
    if (c.op === 'put') state.set(k, c.row)
    else state.delete(k)
  }
  return state
}

// ---------- domain fixtures ----------

export function contactArgs(id = newId(), name = '王芳'): Cmd {
  return {
    name: 'contact.create',
    args: { id, name, phone: '+86 10 5555 0101', email: '', department: 'Finance', vip: false }
  }
}

export function ticketArgs(id: string, requesterId: string, over: Record<string, unknown> = {}): Cmd {
  return {
    name: 'ticket.create',
    args: {
      id,
      kind: 'incident',
      channel: 'phone',
      requesterId,
      title: 'Printer jams on the third floor',
      description: '打印机卡纸',
      category: 'hardware',
      subcategory: 'printer',
      impact: 2,
      urgency: 2,
      ...over
    }
  }
}
