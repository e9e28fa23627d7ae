import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import type { InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { newId } from '@shared/ids'
import type { PushResponse } from '@shared/sync/protocol'
import type { Ticket } from '@shared/ticket/model'
import { buildApp } from '../../../src/server/app'
import { rows } from '../../../src/server/db/database'
import { CONTENT_SECURITY_POLICY } from '../../../src/server/http/security'
import { serverProperty } from './server-property'
import {
  Harness,
  contactArgs,
  now,
  replay,
  ticketArgs,
  uniqueEmail,
  type Agent,
  type Client,
  type TestDatabase
} from './harness'

/**
 * The sync protocol, end to end through `app.inject`. The same suite runs on PGlite and on a
 * real PostgreSQL (see protocol.*.test.ts). The database is shared by the file (opening one is
 * slow): tests make their own agents, clients and rows and assert on those.
 */
export function protocolSuite(open: () => TestDatabase): void {
  let db: TestDatabase
  let h: Harness
  let agent: Agent
  let other: Agent
  let securityAgent: Agent
  let lead: Agent
  let securityTeam: string
  let deskTeam: string
  let requester: string

  beforeAll(async () => {
    db = open()
    h = await Harness.create(db.database)
    deskTeam = await h.createTeam('service_desk')
    securityTeam = await h.createTeam('security')
    ;[agent, other, securityAgent, lead] = await Promise.all([
      h.createAgent('agent', deskTeam, 'Li Na'),
      h.createAgent('agent', deskTeam, 'Zhang Wei'),
      h.createAgent('specialist', securityTeam, 'Wang Fang'),
      h.createAgent('team_lead', deskTeam, 'Chen Jie')
    ])
    requester = newId()
    await h.client(agent).pushOk([contactArgs(requester)])
  }, 60_000)

  afterAll(async () => {
    await h?.close()
  })

  async function newTicket(c: Client, over: Record<string, unknown> = {}): Promise<string> {
    const id = newId()
    const [r] = await c.pushOk([ticketArgs(id, requester, over)])
    expect(r).toMatchObject({ status: 'applied' })
    return id
  }

  async function seq(): Promise<number> {
    const [s] = await rows<{ last_seq: string | number }>(
      db.database.db,
      sql`SELECT last_seq FROM sync_state WHERE id = 1`
    )
    return Number(s.last_seq)
  }

  describe('auth', () => {
    it('logs in with email and password, knows who is asking, and logs out', async () => {
      const session = await h.login(agent.email.toUpperCase(), agent.password)
      const me = await h.app.inject({ url: '/auth/me', headers: { authorization: `Bearer ${session.token}` } })
      expect(me.statusCode).toBe(200)
      expect(me.json()).toMatchObject({
        agent: { id: agent.id, name: 'Li Na', role: 'agent', teamId: deskTeam },
        permissions: ['ticket.work', 'contact.manage'],
        seesRestricted: false,
        mustChangePassword: false
      })
      const out = await h.app.inject({
        method: 'POST',
        url: '/auth/logout',
        headers: { authorization: `Bearer ${session.token}` }
      })
      expect(out.statusCode).toBe(204)
      const after = await h.app.inject({ url: '/auth/me', headers: { authorization: `Bearer ${session.token}` } })
      expect(after.statusCode).toBe(401)
      expect(after.json()).toMatchObject({ error: 'unauthorized' })
    })

    it('refuses a wrong password, an unknown email and a malformed body alike, without a token', async () => {
      for (const payload of [
        { email: agent.email, password: 'wrong password' },
        { email: uniqueEmail('nobody'), password: agent.password }
      ]) {
        const res = await h.app.inject({ method: 'POST', url: '/auth/login', payload })
        expect(res.statusCode).toBe(401)
        expect(res.json()).toEqual({ error: 'invalid_credentials', message: expect.any(String) })
      }
      const bad = await h.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: 'not-an-email', password: '' }
      })
      expect(bad.statusCode).toBe(400)
      expect(Object.keys(bad.json<{ issues: object }>().issues)).toEqual(['email', 'password'])
    })

    it('rate-limits login attempts', async () => {
      const limited = await Harness.create(db.database, { loginRateLimit: { max: 3, timeWindowMs: 60_000 } })
      try {
        const codes: number[] = []
        for (let i = 0; i < 4; i++) {
          const res = await limited.app.inject({
            method: 'POST',
            url: '/auth/login',
            payload: { email: agent.email, password: `guess ${i}` }
          })
          codes.push(res.statusCode)
        }
        // The harness's own admin login used one attempt of this instance's budget.
        expect(codes).toEqual([401, 401, 429, 429])
        const res = await limited.app.inject({
          method: 'POST',
          url: '/auth/login',
          payload: { email: agent.email, password: agent.password }
        })
        expect(res.statusCode).toBe(429)
        expect(res.json()).toMatchObject({ error: 'rate_limited' })
      } finally {
        await limited.close()
      }
    })

    it('needs a valid bearer token on every sync and admin route', async () => {
      for (const [method, url] of [
        ['POST', '/sync/push'],
        ['GET', '/sync/pull'],
        ['POST', '/sync/numbers'],
        ['GET', '/admin/agents'],
        ['POST', '/admin/agents'],
        ['GET', '/auth/me']
      ] as const) {
        for (const authorization of [undefined, 'Bearer not-a-real-token-0123456789', `Basic ${agent.token}`]) {
          const res = await h.app.inject({
            method,
            url,
            headers: authorization ? { authorization } : {},
            payload: method === 'POST' ? {} : undefined
          })
          expect(res.statusCode, `${method} ${url} ${authorization}`).toBe(401)
        }
      }
    })
  })

  describe('push and pull', () => {
    it('round-trips: commands apply on the server and come back, stamped in order', async () => {
      const a = h.client(agent)
      const before = await seq()
      const id = newId()
      const contact = newId()
      const res = await a.push([contactArgs(contact, '李娜'), ticketArgs(id, contact)])
      expect(res.statusCode).toBe(200)
      const body = res.json()
      expect(body).toMatchObject({
        results: [
          { seq: 1, status: 'applied' },
          { seq: 2, status: 'applied' }
        ],
        lastProcessedSeq: 2
      })
      expect(body.cursor).toBe(before + 3) // contact, ticket, created event

      const b = h.client(other)
      const { changes, lastProcessedSeq } = await b.pullAll()
      expect(lastProcessedSeq).toBe(0)
      const state = replay(changes)
      const ticket = state.get(`tickets:${id}`) as Ticket
      expect(ticket).toMatchObject({ id, status: 'new', requesterName: '李娜', createdBy: agent.id, priority: 'P3' })
      expect(ticket.number).toMatch(/^INC-\d{6}$/)
      expect([...state.keys()].filter((k) => k.startsWith('ticketEvents:')).map((k) => state.get(k))).toContainEqual(
        expect.objectContaining({ ticketId: id, type: 'created', actorId: agent.id })
      )
      const seqs = changes.map((c) => c.seq)
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y))
      expect(b.cursor).toBe(body.cursor)

      // The pusher learns its commands were processed.
      const mine = await a.pull()
      expect(mine).toMatchObject({ resetRequired: false, lastProcessedSeq: 2 })
    })

    it('pages a pull and never repeats or skips a change', async () => {
      const a = h.client(agent)
      await a.pushOk(Array.from({ length: 5 }, () => contactArgs()))
      const full = await h.client(other).pullAll(5_000)
      const paged = h.client(other)
      const pages: number[] = []
      const all = []
      for (;;) {
        const page = await paged.pull(3)
        if (page.resetRequired) throw new Error('reset')
        pages.push(page.changes.length)
        all.push(...page.changes)
        if (!page.hasMore) break
      }
      expect(pages.length).toBeGreaterThan(2)
      expect(all.map((c) => c.seq)).toEqual(full.changes.map((c) => c.seq))
    })

    it('answers a retried push with the original results and applies nothing twice', async () => {
      const a = h.client(agent)
      const id = newId()
      const commands = a.envelope([
        ticketArgs(id, requester),
        { name: 'comment.add', args: { id: newId(), ticketId: id, visibility: 'internal', body: 'called back' } }
      ])
      const first = await a.pushRaw(a.body(commands))
      expect(first.statusCode).toBe(200)
      const cursor = await seq()
      const again = await a.pushRaw(a.body(commands))
      expect(again.statusCode).toBe(200)
      expect(again.json().results).toEqual(first.json().results)
      expect(again.json().lastProcessedSeq).toBe(2)
      expect(await seq()).toBe(cursor)
      // Old and new in one request: the old answer their stored result, the new one runs.
      const [, ...rest] = commands
      const next = a.envelope([{ name: 'worklog.add', args: { id: newId(), ticketId: id, minutes: 5 } }])
      const mixed = await a.pushRaw(a.body([...rest, ...next]))
      expect(mixed.json<PushResponse>().results.map((r) => [r.seq, r.status])).toEqual([
        [2, 'applied'],
        [3, 'applied']
      ])
      const [events] = await rows<{ n: string | number }>(
        db.database.db,
        sql`SELECT count(*) AS n FROM records WHERE table_name = 'ticketEvents' AND parent_id = ${id}`
      )
      expect(Number(events.n)).toBe(3) // created, comment, worklog — once each
    })

    it('refuses a gap with 409 and the last processed seq, storing nothing', async () => {
      const a = h.client(agent)
      await a.pushOk([contactArgs()])
      a.seq = 5
      const before = await seq()
      const res = await a.push([contactArgs()])
      expect(res.statusCode).toBe(409)
      expect(res.json()).toEqual({ error: 'seq_gap', message: expect.any(String), lastProcessedSeq: 1 })
      expect(await seq()).toBe(before)
      // Non-consecutive seqs inside one request are a malformed body.
      a.seq = 1
      const [x, y] = a.envelope([contactArgs(), contactArgs()])
      const holes = await a.pushRaw(a.body([x, { ...y, seq: 4 }]))
      expect(holes.statusCode).toBe(400)
    })

    it('refuses a replayed seq that carries a different command', async () => {
      const a = h.client(agent)
      await a.pushOk([contactArgs()])
      a.seq = 0
      const res = await a.push([contactArgs()])
      expect(res.statusCode).toBe(409)
      expect(res.json()).toMatchObject({ error: 'seq_conflict' })
    })

    it('records unknown commands and versions as refused, and the queue moves on', async () => {
      const a = h.client(agent)
      const results = await a.pushOk([
        { name: 'ticket.explode', args: {} },
        { name: 'ticket.create', version: 99, args: {} },
        contactArgs()
      ])
      expect(results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
        'unknown_command',
        'unknown_command',
        'applied'
      ])
      const pulled = await a.pullAll()
      expect(pulled.lastProcessedSeq).toBe(3)
      expect(pulled.rejected.map((r) => r.seq)).toEqual([1, 2])
    })

    it("refuses another agent's client id with 403 on push, pull and numbers", async () => {
      const a = h.client(agent)
      await a.pushOk([contactArgs()])
      const thief = h.client(other, a.clientId)
      const before = await seq()
      expect((await thief.push([contactArgs()])).statusCode).toBe(403)
      expect((await thief.pullRaw({ clientId: a.clientId, cursor: 0, schemaVersion: 1 })).statusCode).toBe(403)
      const lease = await h.app.inject({
        method: 'POST',
        url: '/sync/numbers',
        headers: { authorization: `Bearer ${other.token}` },
        payload: { clientId: a.clientId, kind: 'incident', count: 10 }
      })
      expect(lease.statusCode).toBe(403)
      expect(await seq()).toBe(before)
    })

    it('refuses times in the future and before the record existed, keeping both times for audit', async () => {
      const a = h.client(agent)
      const id = await newTicket(a)
      const results = await a.pushOk([
        {
          name: 'comment.add',
          args: { id: newId(), ticketId: id, visibility: 'public', body: 'from the future' },
          occurredAt: now(60 * 60_000)
        },
        {
          name: 'comment.add',
          args: { id: newId(), ticketId: id, visibility: 'public', body: 'before it existed' },
          occurredAt: now(-60 * 60_000)
        },
        // Within the allowed clock skew.
        {
          name: 'comment.add',
          args: { id: newId(), ticketId: id, visibility: 'public', body: 'slightly fast clock' },
          occurredAt: now(30_000)
        }
      ])
      expect(results.map((r) => (r.status === 'rejected' ? [r.code, r.issues] : r.status))).toEqual([
        ['invalid_time', { occurredAt: 'in the future' }],
        ['invalid_time', { occurredAt: 'before the record existed' }],
        'applied'
      ])
      const logged = await rows<{ occurred_at: string | Date; received_at: string | Date; status: string }>(
        db.database.db,
        sql`SELECT occurred_at, received_at, status FROM command_log WHERE client_id = ${a.clientId} ORDER BY seq`
      )
      expect(logged.map((l) => l.status)).toEqual(['applied', 'rejected', 'rejected', 'applied'])
      expect(new Date(logged[1].occurred_at).getTime()).toBeGreaterThan(new Date(logged[1].received_at).getTime())
    })

    it('enforces the permission table: an agent may not change desk configuration, a team lead may', async () => {
      const matrix = [
        ['P1', 'P1', 'P2'],
        ['P2', 'P3', 'P4'],
        ['P3', 'P4', 'P4']
      ]
      const [refused] = await h
        .client(agent)
        .pushOk([{ name: 'config.set', args: { key: 'priorityMatrix', value: matrix } }])
      expect(refused).toMatchObject({ status: 'rejected', code: 'forbidden' })
      const [refusedAgent] = await h
        .client(agent)
        .pushOk([
          { name: 'agent.upsert', args: { id: agent.id, name: 'Li Na', role: 'admin', teamId: '', tier: 'L3' } }
        ])
      expect(refusedAgent).toMatchObject({ status: 'rejected', code: 'forbidden' })
      const [allowed] = await h
        .client(lead)
        .pushOk([{ name: 'config.set', args: { key: 'priorityMatrix', value: matrix } }])
      expect(allowed).toMatchObject({ status: 'applied' })
      // The new matrix prioritises the next ticket.
      const id = newId()
      await h.client(agent).pushOk([ticketArgs(id, requester, { impact: 1, urgency: 2 })])
      const state = replay((await h.client(other).pullAll()).changes)
      expect((state.get(`tickets:${id}`) as Ticket).priority).toBe('P1')
    })

    it('merges concurrent edits per field and refuses a stale transition with the value that won', async () => {
      const a = h.client(agent)
      const b = h.client(other)
      const id = await newTicket(a)
      // B (online) changes the title and closes the ticket; A (offline) changed priority and commented.
      expect(
        await b.pushOk([
          { name: 'ticket.setFields', args: { ticketId: id, fields: { title: 'Printer jams — toner' } } },
          { name: 'ticket.transition', args: { ticketId: id, from: 'new', to: 'in_progress' } }
        ])
      ).toMatchObject([{ status: 'applied' }, { status: 'applied' }])
      const results = await a.pushOk([
        { name: 'ticket.setFields', args: { ticketId: id, fields: { impact: 1 } } },
        { name: 'comment.add', args: { id: newId(), ticketId: id, visibility: 'internal', body: 'user called again' } },
        { name: 'ticket.transition', args: { ticketId: id, from: 'new', to: 'cancelled', reason: 'duplicate call' } }
      ])
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected'])
      const refused = results[2]
      if (refused.status !== 'rejected') throw new Error('expected a refusal')
      expect(refused.code).toBe('invalid_transition')
      expect(refused.issues).toHaveProperty('from')
      expect(refused.current).toMatchObject({
        table: 'tickets',
        id,
        row: { status: 'in_progress', title: 'Printer jams — toner', impact: 1 }
      })
      const pulled = await a.pullAll()
      expect(pulled.rejected).toEqual([refused])
      const ticket = replay(pulled.changes).get(`tickets:${id}`) as Ticket
      expect(ticket).toMatchObject({ title: 'Printer jams — toner', impact: 1, priority: 'P1', status: 'in_progress' })
    })

    it('stores SQL and script payloads verbatim, harmlessly', async () => {
      const a = h.client(agent)
      const id = newId()
      const title = "'); DROP TABLE records; -- <script>alert(1)</script>"
      const body = "<img src=x onerror=alert(1)> ' OR 1=1; -- \u0000?".replace('\u0000', '')
      const results = await a.pushOk([
        ticketArgs(id, requester, { title, description: 'Robert"); DELETE FROM sessions;--' }),
        { name: 'comment.add', args: { id: newId(), ticketId: id, visibility: 'public', body } }
      ])
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied'])
      const state = replay((await h.client(other).pullAll()).changes)
      expect(state.get(`tickets:${id}`)).toMatchObject({ title, description: 'Robert"); DELETE FROM sessions;--' })
      expect([...state.values()]).toContainEqual(expect.objectContaining({ ticketId: id, type: 'comment', body }))
      expect(
        (await h.app.inject({ url: '/auth/me', headers: { authorization: `Bearer ${agent.token}` } })).statusCode
      ).toBe(200)
    })
  })

  describe('bad input', () => {
    it('answers malformed, oversized or mistyped bodies with a clear 4xx, stores nothing, keeps serving', async () => {
      const a = h.client(agent)
      const before = await seq()
      const auth = { authorization: `Bearer ${agent.token}` }
      const cases: [string, InjectOptions, number, string][] = [
        [
          'malformed JSON',
          {
            method: 'POST',
            url: '/sync/push',
            headers: { ...auth, 'content-type': 'application/json' },
            payload: '{"clientId": '
          },
          400,
          'invalid_json'
        ],
        [
          'empty body',
          { method: 'POST', url: '/sync/push', headers: { ...auth, 'content-type': 'application/json' }, payload: '' },
          400,
          'invalid_json'
        ],
        [
          'not JSON',
          { method: 'POST', url: '/sync/push', headers: { ...auth, 'content-type': 'text/plain' }, payload: 'hello' },
          415,
          'unsupported_media_type'
        ],
        [
          'prototype pollution',
          {
            method: 'POST',
            url: '/sync/push',
            headers: { ...auth, 'content-type': 'application/json' },
            payload: '{"__proto__": {"admin": true}}'
          },
          400,
          'invalid_json'
        ],
        [
          'oversized push',
          {
            method: 'POST',
            url: '/sync/push',
            headers: { ...auth, 'content-type': 'application/json' },
            payload: JSON.stringify({ pad: 'x'.repeat(17 * 1024 * 1024) })
          },
          413,
          'payload_too_large'
        ],
        [
          'oversized login',
          {
            method: 'POST',
            url: '/auth/login',
            headers: { 'content-type': 'application/json' },
            payload: JSON.stringify({ email: 'a@b.cn', password: 'x'.repeat(300 * 1024) })
          },
          413,
          'payload_too_large'
        ],
        [
          'unknown field',
          {
            method: 'POST',
            url: '/sync/push',
            headers: auth,
            payload: { clientId: a.clientId, schemaVersion: 1, commands: [], extra: 1 }
          },
          400,
          'bad_request'
        ],
        [
          'no commands',
          {
            method: 'POST',
            url: '/sync/push',
            headers: auth,
            payload: { clientId: a.clientId, schemaVersion: 1, commands: [] }
          },
          400,
          'bad_request'
        ],
        [
          'bad client id',
          {
            method: 'POST',
            url: '/sync/push',
            headers: auth,
            payload: { clientId: "1'; DROP TABLE clients; --", schemaVersion: 1, commands: a.envelope([contactArgs()]) }
          },
          400,
          'bad_request'
        ],
        [
          'bad occurredAt',
          {
            method: 'POST',
            url: '/sync/push',
            headers: auth,
            payload: {
              clientId: a.clientId,
              schemaVersion: 1,
              commands: [{ ...a.envelope([contactArgs()])[0], occurredAt: 'yesterday' }]
            }
          },
          400,
          'bad_request'
        ],
        [
          'pull without cursor',
          { method: 'GET', url: `/sync/pull?clientId=${a.clientId}&schemaVersion=1`, headers: auth },
          400,
          'bad_request'
        ],
        [
          'pull negative cursor',
          { method: 'GET', url: `/sync/pull?clientId=${a.clientId}&cursor=-1&schemaVersion=1`, headers: auth },
          400,
          'bad_request'
        ],
        [
          'pull huge limit',
          {
            method: 'GET',
            url: `/sync/pull?clientId=${a.clientId}&cursor=0&limit=999999&schemaVersion=1`,
            headers: auth
          },
          400,
          'bad_request'
        ],
        [
          'pull SQL in cursor',
          {
            method: 'GET',
            url: `/sync/pull?clientId=${a.clientId}&cursor=0%20OR%201%3D1&schemaVersion=1`,
            headers: auth
          },
          400,
          'bad_request'
        ],
        [
          'numbers bad kind',
          {
            method: 'POST',
            url: '/sync/numbers',
            headers: auth,
            payload: { clientId: a.clientId, kind: 'problem', count: 10 }
          },
          400,
          'bad_request'
        ],
        [
          'numbers too many',
          {
            method: 'POST',
            url: '/sync/numbers',
            headers: auth,
            payload: { clientId: a.clientId, kind: 'incident', count: 1_000_000 }
          },
          400,
          'bad_request'
        ],
        [
          'admin bad id',
          {
            method: 'PATCH',
            url: '/admin/agents/..%2F..%2Fetc',
            headers: { authorization: `Bearer ${h.admin.token}` },
            payload: { active: false }
          },
          400,
          'bad_request'
        ],
        ['unknown route', { method: 'GET', url: '/sync/../../etc/passwd', headers: auth }, 404, 'not_found']
      ]
      for (const [what, req, status, error] of cases) {
        const res = await h.app.inject(req)
        expect(res.statusCode, what).toBe(status)
        expect(res.json(), what).toMatchObject({ error, message: expect.any(String) })
      }
      expect(await seq()).toBe(before)
      const [count] = await rows<{ n: string | number }>(
        db.database.db,
        sql`SELECT count(*) AS n FROM command_log WHERE client_id = ${a.clientId}`
      )
      expect(Number(count.n)).toBe(0)
      expect((await h.app.inject({ url: '/health' })).json()).toMatchObject({ ok: true })
      a.seq = 0 // building the bad bodies above advanced the local outbox counter
      expect(await a.pushOk([contactArgs()])).toMatchObject([{ status: 'applied' }])
    })

    it('invalid command arguments are refused per command with field issues', async () => {
      const [r] = await h.client(agent).pushOk([ticketArgs(newId(), requester, { title: 'x', impact: 7 })])
      expect(r).toMatchObject({
        status: 'rejected',
        code: 'validation',
        issues: { title: expect.any(String), impact: expect.any(String) }
      })
    })

    it('answers 426 to a client older than the server speaks to', async () => {
      const a = h.client(agent)
      const push = await a.pushRaw({ clientId: a.clientId, schemaVersion: 0, commands: a.envelope([contactArgs()]) })
      expect(push.statusCode).toBe(426)
      expect(push.json()).toMatchObject({ error: 'upgrade_required' })
      const pull = await a.pullRaw({ clientId: a.clientId, cursor: 0, schemaVersion: 0 })
      expect(pull.statusCode).toBe(426)
    })
  })

  describe('visibility', () => {
    it('never sends a security ticket to a non-security agent; evicts and brings back on recategorisation', async () => {
      const sec = h.client(securityAgent)
      const plain = h.client(other)
      await plain.pullAll()

      // Born secret: the non-security agent never hears of it, not even as an evict.
      const secret = await newTicket(sec, {
        category: 'security',
        subcategory: 'phishing',
        title: 'Phishing mail to finance'
      })
      const first = await plain.pullAll()
      expect(JSON.stringify(first.changes)).not.toContain(secret)
      const adminView = replay((await h.client(h.admin).pullAll()).changes)
      expect(adminView.get(`tickets:${secret}`)).toMatchObject({ category: 'security' })

      // A general ticket moves into security: ticket and events leave the non-security view.
      const moving = await newTicket(h.client(agent), { title: 'Strange pop-ups' })
      await h.client(agent).pushOk([
        {
          name: 'comment.add',
          args: { id: newId(), ticketId: moving, visibility: 'internal', body: 'looks like malware' }
        }
      ])
      let state = replay((await plain.pullAll()).changes)
      expect(state.get(`tickets:${moving}`)).toBeDefined()
      const eventKeys = [...state.entries()]
        .filter(([, v]) => (v as { ticketId?: string }).ticketId === moving)
        .map(([k]) => k)
      expect(eventKeys).toHaveLength(2)

      await h.client(agent).pushOk([
        {
          name: 'ticket.setFields',
          args: { ticketId: moving, fields: { category: 'security', subcategory: 'malware' } }
        }
      ])
      const evicted = await plain.pullAll()
      expect(
        evicted.changes
          .filter((c) => c.op === 'evict')
          .map((c) => `${c.table}:${c.id}`)
          .sort()
      ).toEqual([`tickets:${moving}`, ...eventKeys].sort())
      expect(evicted.changes.filter((c) => c.op === 'put' && JSON.stringify(c.row).includes(moving))).toEqual([])
      state = replay(evicted.changes, state)
      expect(state.get(`tickets:${moving}`)).toBeUndefined()

      // The security agent sees it (with its history) and can work it; the agent who moved it no longer can.
      const secState = replay((await h.client(securityAgent).pullAll()).changes)
      expect(secState.get(`tickets:${moving}`)).toMatchObject({ category: 'security' })
      const [hidden] = await h
        .client(agent)
        .pushOk([
          { name: 'comment.add', args: { id: newId(), ticketId: moving, visibility: 'public', body: 'still there?' } }
        ])
      expect(hidden).toMatchObject({
        status: 'rejected',
        code: 'not_found',
        current: { table: 'tickets', id: moving, row: null }
      })

      // Back out of security: it returns with its events, including those added meanwhile.
      await sec.pushOk([
        { name: 'comment.add', args: { id: newId(), ticketId: moving, visibility: 'internal', body: 'false alarm' } },
        {
          name: 'ticket.setFields',
          args: { ticketId: moving, fields: { category: 'software', subcategory: 'browser' } }
        }
      ])
      state = replay((await plain.pullAll()).changes, state)
      expect(state.get(`tickets:${moving}`)).toMatchObject({ category: 'software' })
      const back = [...state.values()].filter((v) => (v as { ticketId?: string }).ticketId === moving)
      expect(back.map((e) => (e as { type: string }).type).sort()).toEqual([
        'comment',
        'comment',
        'created',
        'fields',
        'fields'
      ])
    })

    it('asks a client to re-bootstrap when its agent’s visibility changes (scope reset)', async () => {
      const mover = await h.createAgent('agent', deskTeam, 'Zhao Lei')
      const c = h.client(mover)
      await c.pullAll()
      await newTicket(h.client(agent))
      const res = await h.app.inject({
        method: 'PATCH',
        url: `/admin/agents/${mover.id}`,
        headers: { authorization: `Bearer ${h.admin.token}` },
        payload: { teamId: securityTeam }
      })
      expect(res.statusCode).toBe(200)
      expect(await c.pull()).toEqual({ resetRequired: true, reason: 'scope', lastProcessedSeq: 0 })
      // Asking again with the old cursor still says reset (a lost answer must not hide it).
      expect(await c.pull()).toMatchObject({ resetRequired: true, reason: 'scope' })
      c.cursor = 0
      const fresh = await c.pullAll()
      expect(
        fresh.changes.some((ch) => ch.op === 'put' && (ch.row as { category?: string }).category === 'security')
      ).toBe(true)
      expect(await c.pull()).toMatchObject({ resetRequired: false })
    })

    it('asks for a re-bootstrap when the cursor is older than the tombstone horizon', async () => {
      const c = h.client(other)
      await c.pullAll()
      const stale = c.cursor
      // A tombstone from long ago (deletion is not a command yet; compaction is what is tested).
      const id = newId()
      await db.database.db.execute(
        sql`INSERT INTO records (table_name, id, data, change_seq, deleted, changed_at)
            VALUES ('contacts', ${id}, '{}'::jsonb, (SELECT last_seq FROM sync_state) + 1, true, now() - interval '400 days')`
      )
      await db.database.db.execute(sql`UPDATE sync_state SET last_seq = last_seq + 1`)
      const evict = await c.pull()
      expect(evict).toMatchObject({ resetRequired: false, changes: [{ op: 'evict', table: 'contacts', id }] })
      const compact = await h.app.inject({
        method: 'POST',
        url: '/admin/compact',
        headers: { authorization: `Bearer ${h.admin.token}` },
        payload: { olderThanDays: 365 }
      })
      expect(compact.json()).toMatchObject({ purged: 1 })
      c.cursor = stale
      expect(await c.pull()).toMatchObject({ resetRequired: true, reason: 'horizon' })
      // A bootstrap begun after the compaction pages through old cursors without a reset.
      c.cursor = 0
      const pages = []
      for (;;) {
        const page = await c.pull(50)
        expect(page).toMatchObject({ resetRequired: false })
        pages.push(page)
        if (page.resetRequired || !page.hasMore) break
      }
      expect(pages.length).toBeGreaterThan(1)
    })
  })

  describe('ticket numbers', () => {
    it('keeps numbers from the client’s lease, re-issues a colliding one and keeps it as an alias', async () => {
      const a = h.client(agent)
      const lease = await h.app.inject({
        method: 'POST',
        url: '/sync/numbers',
        headers: { authorization: `Bearer ${agent.token}` },
        payload: { clientId: a.clientId, kind: 'incident', count: 5 }
      })
      expect(lease.statusCode).toBe(200)
      const { from, to } = lease.json<{ from: number; to: number }>()
      expect(to - from).toBe(4)
      const leased = `INC-${String(from).padStart(6, '0')}`

      // A second lease never overlaps the first.
      const second = await h.app.inject({
        method: 'POST',
        url: '/sync/numbers',
        headers: { authorization: `Bearer ${other.token}` },
        payload: { clientId: newId(), kind: 'incident', count: 5 }
      })
      expect(second.json<{ from: number }>().from).toBe(to + 1)

      const kept = newId()
      const collides = newId()
      const localOnly = newId()
      const results = await a.pushOk([
        ticketArgs(kept, requester, { number: leased }),
        // The same number again (e.g. a workstation restored from an old copy).
        ticketArgs(collides, requester, { number: leased }),
        // A number from the time the workstation worked local-only: not leased, taken by someone.
        ticketArgs(localOnly, requester, { number: 'INC-000001' }),
        ticketArgs(newId(), requester, { kind: 'request', number: 'INC-000002' })
      ])
      expect(results.map((r) => (r.status === 'rejected' ? r.issues : r.status))).toEqual([
        'applied',
        'applied',
        'applied',
        { number: 'must start with REQ-' }
      ])
      const state = replay((await h.client(other).pullAll()).changes)
      const t = (id: string): Ticket => state.get(`tickets:${id}`) as Ticket
      expect(t(kept)).toMatchObject({ number: leased, aliases: [] })
      expect(t(collides).number).not.toBe(leased)
      expect(t(collides).aliases).toEqual([leased])
      expect(t(localOnly).number).not.toBe('INC-000001')
      expect(t(localOnly).aliases).toEqual(['INC-000001'])
      const numbers = [...state.values()]
        .filter((v) => (v as Ticket).number && (v as Ticket).kind)
        .map((v) => (v as Ticket).number)
      expect(new Set(numbers).size).toBe(numbers.length)
    })
  })

  describe('watermark', () => {
    it('never lets a pull skip past a slow writer still in flight', async () => {
      let release!: () => void
      const gate = new Promise<void>((r) => (release = r))
      let stamped!: (range: [number, number]) => void
      const stampedP = new Promise<[number, number]>((r) => (stamped = r))
      let slowOnce = true
      const slow = await Harness.create(db.database, {
        writerHooks: {
          async beforeCommit(first, last) {
            if (!slowOnce) return
            slowOnce = false
            stamped([first, last])
            await gate
          }
        }
      })
      try {
        const reader = h.client(other)
        await reader.pullAll()
        const start = reader.cursor
        const slowId = newId()
        const fastId = newId()
        const slowPush = slow.client(agent).pushOk([contactArgs(slowId, 'Slow writer')])
        const [firstSeq] = await stampedP
        // Another writer and a reader arrive while the slow one holds its seqs uncommitted.
        const fastPush = h.client(agent).pushOk([contactArgs(fastId, 'Fast writer')])
        const midPull = reader.pull()
        const answeredWhileInFlight = await Promise.race([
          midPull.then(() => true),
          new Promise<boolean>((r) => setTimeout(() => r(false), 200))
        ])
        // On PostgreSQL readers never wait for writers (PGlite has one connection: it must wait).
        if (db.database.kind === 'postgres') expect(answeredWhileInFlight).toBe(true)
        release()
        await Promise.all([slowPush, fastPush])
        const mid = await midPull
        if (mid.resetRequired) throw new Error('reset')
        // Whatever the mid-flight pull saw, its cursor did not pass the slow writer's seq unseen.
        if (answeredWhileInFlight) {
          expect(mid.changes.map((c) => c.id)).not.toContain(slowId)
          expect(mid.changes.map((c) => c.id)).not.toContain(fastId)
          expect(mid.cursor).toBeLessThan(firstSeq)
        }
        expect(mid.cursor).toBeGreaterThanOrEqual(start)
        const rest = await reader.pullAll()
        const ids = [...mid.changes, ...rest.changes].map((c) => c.id)
        expect(ids).toContain(slowId)
        expect(ids).toContain(fastId)
        expect(new Set(ids).size).toBe(ids.length)
      } finally {
        release()
        await slow.close()
      }
    })
  })

  describe('property', () => {
    serverProperty(() => ({ h, agents: [agent, other, securityAgent], requester }), 25)
  })

  describe('http', () => {
    it('serves the built console at / under the app CSP, and the API beside it', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'desk-static-'))
      writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Desk</title>')
      const web = await buildApp({ database: db.database, staticRoot: dir })
      try {
        const page = await web.inject({ url: '/' })
        expect(page.statusCode).toBe(200)
        expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
        expect(page.body).toContain('<title>Desk</title>')
        expect((await web.inject({ url: '/../../etc/passwd' })).statusCode).toBe(404)
        expect((await web.inject({ url: '/health' })).json()).toMatchObject({ ok: true })
      } finally {
        await web.close()
        rmSync(dir, { recursive: true, force: true })
      }
    })

    it('answers CORS preflights for the desktop console and local dev origins only', async () => {
      const preflight = (origin: string) =>
        h.app.inject({
          method: 'OPTIONS',
          url: '/sync/push',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization, content-type'
          }
        })
      const ok = await preflight('app://desk')
      expect(ok.statusCode).toBe(204)
      expect(ok.headers['access-control-allow-origin']).toBe('app://desk')
      expect(ok.headers['access-control-allow-headers']).toContain('authorization')
      const evil = await preflight('https://evil.example')
      expect(evil.headers['access-control-allow-origin']).toBeUndefined()
    })
  })

  describe('shutdown', () => {
    it('lets a push in flight commit and answer before the server closes', async () => {
      let release!: () => void
      const gate = new Promise<void>((r) => (release = r))
      let entered!: () => void
      const inside = new Promise<void>((r) => (entered = r))
      const closing = await Harness.create(db.database, {
        writerHooks: {
          async beforeCommit() {
            entered()
            await gate
          }
        }
      })
      const id = newId()
      const push = closing.client(agent).push([contactArgs(id, 'Last call')])
      await inside
      let closed = false
      const close = closing.close().then(() => (closed = true))
      await new Promise((r) => setTimeout(r, 100))
      expect(closed).toBe(false)
      release()
      const res = await push
      await close
      expect(res.statusCode).toBe(200)
      expect(res.json<PushResponse>().results).toMatchObject([{ status: 'applied' }])
      const [row] = await rows<{ id: string }>(
        db.database.db,
        sql`SELECT id FROM records WHERE table_name = 'contacts' AND id = ${id}`
      )
      expect(row?.id).toBe(id)
    })
  })

  describe('admin', () => {
    it('lets only agent.manage holders list and manage agents', async () => {
      const res = await h.app.inject({ url: '/admin/agents', headers: { authorization: `Bearer ${lead.token}` } })
      expect(res.statusCode).toBe(403)
      const list = await h.app.inject({ url: '/admin/agents', headers: { authorization: `Bearer ${h.admin.token}` } })
      expect(list.statusCode).toBe(200)
      expect(list.json<{ agents: { id: string }[] }>().agents.map((a) => a.id)).toEqual(
        expect.arrayContaining([agent.id, lead.id])
      )
    })

    it('creates an agent with a one-time password, refuses a duplicate email, resets passwords and revokes sessions', async () => {
      const auth = { authorization: `Bearer ${h.admin.token}` }
      const email = uniqueEmail('new')
      const created = await h.app.inject({
        method: 'POST',
        url: '/admin/agents',
        headers: auth,
        payload: { name: '刘洋', email, role: 'agent', teamId: deskTeam }
      })
      expect(created.statusCode).toBe(201)
      const { agent: row, oneTimePassword } = created.json<{ agent: { id: string }; oneTimePassword: string }>()
      expect(row).toMatchObject({
        name: '刘洋',
        role: 'agent',
        teamId: deskTeam,
        hasLogin: true,
        mustChangePassword: true,
        active: true
      })
      expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/)
      const dup = await h.app.inject({
        method: 'POST',
        url: '/admin/agents',
        headers: auth,
        payload: { name: 'Dup', email: email.toUpperCase(), role: 'agent' }
      })
      expect(dup.statusCode).toBe(409)
      const badTeam = await h.app.inject({
        method: 'POST',
        url: '/admin/agents',
        headers: auth,
        payload: { name: 'X', email: uniqueEmail('x'), role: 'agent', teamId: newId() }
      })
      expect(badTeam.statusCode).toBe(400)
      expect(badTeam.json()).toMatchObject({ issues: { teamId: 'unknown team' } })

      const session = await h.login(email, oneTimePassword)
      const me = await h.app.inject({ url: '/auth/me', headers: { authorization: `Bearer ${session.token}` } })
      expect(me.json()).toMatchObject({ mustChangePassword: true })
      const changed = await h.app.inject({
        method: 'POST',
        url: '/auth/password',
        headers: { authorization: `Bearer ${session.token}` },
        payload: { currentPassword: oneTimePassword, newPassword: 'a much better passphrase' }
      })
      expect(changed.statusCode).toBe(204)
      await h.login(email, 'a much better passphrase')

      const reset = await h.app.inject({
        method: 'POST',
        url: `/admin/agents/${row.id}/password`,
        headers: auth,
        payload: {}
      })
      expect(reset.statusCode).toBe(200)
      const again = reset.json<{ oneTimePassword: string }>().oneTimePassword
      expect(
        (await h.app.inject({ url: '/auth/me', headers: { authorization: `Bearer ${session.token}` } })).statusCode
      ).toBe(401)
      await expect(h.login(email, 'a much better passphrase')).rejects.toThrow(/401/)
      const fresh = await h.login(email, again)

      const revoke = await h.app.inject({
        method: 'POST',
        url: `/admin/agents/${row.id}/revoke-sessions`,
        headers: auth,
        payload: {}
      })
      expect(revoke.json()).toEqual({ revoked: 1 })
      expect(
        (await h.app.inject({ url: '/auth/me', headers: { authorization: `Bearer ${fresh.token}` } })).statusCode
      ).toBe(401)

      const disabled = await h.app.inject({
        method: 'PATCH',
        url: `/admin/agents/${row.id}`,
        headers: auth,
        payload: { active: false }
      })
      expect(disabled.statusCode).toBe(200)
      await expect(h.login(email, again)).rejects.toThrow(/401/)
    })

    it('moves an agent’s login with a synced email change, and refuses another agent’s address', async () => {
      const auth = { authorization: `Bearer ${h.admin.token}` }
      const email = uniqueEmail('mover')
      const created = await h.app.inject({
        method: 'POST',
        url: '/admin/agents',
        headers: auth,
        payload: { name: '孙丽', email, role: 'agent', teamId: deskTeam, password: 'a long enough password' }
      })
      const { id } = created.json<{ agent: { id: string } }>().agent
      const upsert = (address: string) => ({
        name: 'agent.upsert',
        args: { id, name: '孙丽', email: address, role: 'agent', teamId: deskTeam, tier: 'L1' }
      })
      const moved = uniqueEmail('moved')
      const [ok, taken] = await h.client(h.admin).pushOk([upsert(moved), upsert(agent.email)])
      expect(ok).toMatchObject({ status: 'applied' })
      expect(taken).toMatchObject({ status: 'rejected', code: 'conflict', issues: { email: 'already in use' } })
      await h.login(moved, 'a long enough password')
      await expect(h.login(email, 'a long enough password')).rejects.toThrow(/401/)
    })

    it('keeps at least one active admin', async () => {
      const list = await h.app.inject({ url: '/admin/agents', headers: { authorization: `Bearer ${h.admin.token}` } })
      const admins = list
        .json<{ agents: { id: string; role: string; active: boolean }[] }>()
        .agents.filter((a) => a.role === 'admin' && a.active)
      // Demote every other admin first (other suites' admins share the database).
      for (const a of admins.filter((x) => x.id !== h.admin.id))
        await h.app.inject({
          method: 'PATCH',
          url: `/admin/agents/${a.id}`,
          headers: { authorization: `Bearer ${h.admin.token}` },
          payload: { role: 'team_lead' }
        })
      const res = await h.app.inject({
        method: 'PATCH',
        url: `/admin/agents/${h.admin.id}`,
        headers: { authorization: `Bearer ${h.admin.token}` },
        payload: { role: 'agent' }
      })
      expect(res.statusCode).toBe(409)
      expect(res.json()).toMatchObject({ error: 'last_admin' })
      // Nor through a synced agent.upsert from an admin's workstation.
      const [refused] = await h.client(h.admin).pushOk([
        {
          name: 'agent.upsert',
          args: {
            id: h.admin.id,
            name: 'Administrator',
            email: h.admin.email,
            role: 'admin',
            teamId: '',
            tier: 'L3',
            active: false
          }
        }
      ])
      expect(refused).toMatchObject({ status: 'rejected', code: 'conflict', issues: { role: 'last active admin' } })
      expect(
        (await h.app.inject({ url: '/auth/me', headers: { authorization: `Bearer ${h.admin.token}` } })).statusCode
      ).toBe(200)
    })
  })
}

/** Live pokes over the WebSocket of a listening app. */
export function liveSuite(open: () => TestDatabase): void {
  let db: TestDatabase
  let h: Harness
  let agent: Agent
  let base: string

  beforeAll(async () => {
    db = open()
    h = await Harness.create(db.database)
    agent = await h.createAgent('agent')
    await h.app.listen({ host: '127.0.0.1', port: 0 })
    const address = h.app.server.address()
    if (!address || typeof address === 'string') throw new Error('no address')
    base = `ws://127.0.0.1:${address.port}`
  }, 60_000)

  afterAll(async () => {
    await h?.close()
  })

  it('pokes a connected client with the new seq after a push', async () => {
    const socket = new WebSocket(`${base}/sync/live?token=${agent.token}`)
    const pokes: number[] = []
    socket.on('message', (data) => pokes.push((JSON.parse((data as Buffer).toString('utf8')) as { seq: number }).seq))
    await new Promise((resolve, reject) => {
      socket.once('open', resolve)
      socket.once('error', reject)
    })
    await expect.poll(() => pokes.length).toBe(1) // the hello poke: pull now
    const res = await h.client(agent).push([contactArgs()])
    const { cursor } = res.json<{ cursor: number }>()
    await expect.poll(() => pokes.at(-1), { timeout: 5_000 }).toBe(cursor)
    socket.close()
  })

  it('closes a socket without a valid session', async () => {
    const socket = new WebSocket(`${base}/sync/live?token=nope-nope-nope-nope-nope`)
    const code = await new Promise<number>((resolve) => socket.once('close', (c) => resolve(c)))
    expect(code).toBe(4401)
  })

  it('closes the sockets of a session that is logged out', async () => {
    const session = await h.login(agent.email, agent.password)
    const socket = new WebSocket(`${base}/sync/live?token=${session.token}`)
    await new Promise((resolve) => socket.once('message', resolve))
    const closed = new Promise<number>((resolve) => socket.once('close', (c) => resolve(c)))
    await h.app.inject({ method: 'POST', url: '/auth/logout', headers: { authorization: `Bearer ${session.token}` } })
    expect(await closed).toBe(4401)
  })
}
