import 'fake-indexeddb/auto'
import { newId } from '@shared/ids'
import type { Ticket } from '@shared/ticket/model'
import { afterEach, describe, expect, it } from 'vitest'
import { runCommand } from '../../../src/renderer/src/data/commands'
import { readLease } from '../../../src/renderer/src/data/sync/leases'
import { applyPullPage } from '../../../src/renderer/src/data/sync/local-ops'
import { syncKeys, type PushClient } from '../../../src/renderer/src/data/sync/meta'
import { closeAll, localDump, ref, seededServer, ticketArgs, workstation } from './harness'

afterEach(closeAll)

async function ticket(db: { tickets: { get(id: string): Promise<Ticket | undefined> } }, id: string): Promise<Ticket> {
  const t = await db.tickets.get(id)
  if (!t) throw new Error(`no local ticket ${id}`)
  return t
}

describe('sync client', () => {
  it('pushes the outbox in order and pulls the desk: two agents converge', async () => {
    const server = await seededServer()
    const a = await workstation(server, ref.alice)
    const b = await workstation(server, ref.bob)
    await a.sync()
    await b.sync()
    expect((await a.db.contacts.get(ref.contact))?.name).toBe('王芳')

    const args = ticketArgs()
    await a.run('ticket.create', args)
    await a.run('comment.add', { id: newId(), ticketId: args.id, visibility: 'internal', body: '已远程协助' })
    expect(a.client.getStatus().pending).toBe(0) // status is refreshed by syncs, not by runCommand
    await a.sync()
    expect(a.client.getStatus()).toMatchObject({ state: 'online', pending: 0, lastError: null })
    expect(await a.db.outbox.count()).toBe(0)
    expect(server.appliedIds).toHaveLength(2)

    await b.sync()
    const seen = await ticket(b.db, args.id as string)
    expect(seen.title).toBe('VPN 无法连接')
    expect(seen.number).toBe((await ticket(a.db, args.id as string)).number)
    expect(await localDump(a.db)).toEqual(server.dump())
    expect(await localDump(b.db)).toEqual(server.dump())
  })

  it('retries after a lost push answer without applying anything twice', async () => {
    const server = await seededServer()
    const a = await workstation(server, ref.alice)
    a.client.start()
    await a.sync()
    const args = ticketArgs()
    await a.run('ticket.create', args)
    await a.run('worklog.add', { id: newId(), ticketId: args.id, minutes: 15, note: '' })
    a.transport.faults.losePushResponses = 1
    await a.sync()
    expect(a.client.getStatus()).toMatchObject({ state: 'offline', lastError: { code: 'network' }, pending: 2 })
    // Backoff: a retry is scheduled, not a tight loop.
    expect(a.clock.pending()).toEqual([750])
    a.transport.faults.offline = true
    await a.sync()
    expect(a.clock.pending()).toEqual([1_500])
    a.transport.faults.offline = false

    a.transport.faults.duplicatePushes = 1
    await a.sync()
    expect(a.client.getStatus()).toMatchObject({ state: 'online', pending: 0 })
    expect(server.appliedIds).toHaveLength(2)
    expect(new Set(server.appliedIds).size).toBe(2)
    expect(await localDump(a.db)).toEqual(server.dump())
    a.client.stop()
  })

  it('recovers from a sequence gap by sending again from the server’s last processed seq', async () => {
    const server = await seededServer()
    const a = await workstation(server, ref.alice)
    await a.sync()
    const first = ticketArgs()
    const second = ticketArgs({ title: '打印机卡纸', category: 'hardware', subcategory: 'printer' })
    await a.run('ticket.create', first)
    await a.run('ticket.create', second)
    // The client believes the first command was answered, but the server never got it (a server
    // restored from a backup): its next push starts one past what the server has.
    const [e1] = await a.db.outbox.orderBy(':id').toArray()
    await a.db.outbox.update(e1.seq, { ackedAt: new Date().toISOString() })
    await a.sync()
    expect(a.client.getStatus()).toMatchObject({ state: 'online', pending: 0 })
    expect(server.store.tables.tickets.has(first.id as string)).toBe(true)
    expect(server.store.tables.tickets.has(second.id as string)).toBe(true)
    expect(await localDump(a.db)).toEqual(server.dump())
  })

  it('moves a refused command to the conflicts inbox with the value that won', async () => {
    const server = await seededServer()
    const a = await workstation(server, ref.alice)
    const b = await workstation(server, ref.bob)
    await a.sync()
    const args = ticketArgs()
    await a.run('ticket.create', args)
    await a.sync()
    await b.sync()
    const id = args.id as string

    // B cancels the ticket; A, offline, starts work on it.
    await b.run('ticket.transition', { ticketId: id, from: 'new', to: 'cancelled', reason: 'duplicate call' })
    await b.sync()
    await a.run('ticket.transition', { ticketId: id, from: 'new', to: 'in_progress' })
    expect((await ticket(a.db, id)).status).toBe('in_progress')
    await a.sync()

    expect(await a.db.outbox.count()).toBe(0)
    const conflicts = await a.db.conflicts.toArray()
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0]).toMatchObject({
      name: 'ticket.transition',
      args: { ticketId: id, from: 'new', to: 'in_progress' },
      code: 'invalid_transition',
      current: { table: 'tickets', id, row: { status: 'cancelled' } }
    })
    expect(conflicts[0].issues).toHaveProperty('from')
    expect((await ticket(a.db, id)).status).toBe('cancelled')
    expect(await localDump(a.db)).toEqual(server.dump())
  })

  it('an evicted ticket leaves the local database with its timeline', async () => {
    const server = await seededServer()
    const a = await workstation(server, ref.alice)
    await a.sync()
    const args = ticketArgs()
    await a.run('ticket.create', args)
    await a.sync()
    const id = args.id as string
    expect(await a.db.ticketEvents.count()).toBe(1)
    server.evict('tickets', id)
    await a.sync()
    expect(await a.db.tickets.get(id)).toBeUndefined()
    expect(await a.db.ticketEvents.count()).toBe(0)
  })

  it('resetRequired re-bootstraps from zero and keeps the unsent outbox', async () => {
    const server = await seededServer()
    const a = await workstation(server, ref.alice)
    await a.sync()
    const synced = ticketArgs()
    await a.run('ticket.create', synced)
    await a.sync()
    const client = (await a.db.meta.get(syncKeys.pushClient))!.value as PushClient
    // Mid-sync the agent logs a new ticket; the server answers the pull with a reset.
    const typed = ticketArgs({ title: '邮箱满了', category: 'software', subcategory: 'email_client' })
    a.transport.faults.beforePull = async () => {
      a.transport.faults.beforePull = undefined
      await a.run('ticket.create', typed)
      server.requireReset(client.clientId)
    }
    await server.run('ticket.setFields', { ticketId: synced.id, fields: { title: 'VPN 断线（全楼）' } })
    await a.sync()
    expect(await a.db.outbox.count()).toBe(1)
    expect((await ticket(a.db, typed.id as string)).title).toBe('邮箱满了')
    expect((await ticket(a.db, synced.id as string)).title).toBe('VPN 断线（全楼）')

    await a.sync()
    expect(await a.db.outbox.count()).toBe(0)
    expect(await localDump(a.db)).toEqual(server.dump())
  })

  it('rebase: a pull that touches the same ticket keeps unsent local work visible', async () => {
    const server = await seededServer()
    const a = await workstation(server, ref.alice)
    await a.sync()
    const args = ticketArgs({ impact: 3, urgency: 3 })
    await a.run('ticket.create', args)
    await a.sync()
    const id = args.id as string

    // A, offline: raises the impact and adds a comment. B renames the ticket on the server.
    await a.run('ticket.setFields', { ticketId: id, fields: { impact: 1, urgency: 1 } })
    const commentId = newId()
    await a.run('comment.add', { id: commentId, ticketId: id, visibility: 'public', body: '用户已重启路由器' })
    await server.run('ticket.setFields', { ticketId: id, fields: { title: 'VPN 全员断线' } }, ref.bob)

    // Only the pull happens (the push is still to come): the page rewrites the ticket.
    const client = (await a.db.meta.get(syncKeys.pushClient))!.value as PushClient
    const cursor = (await a.db.meta.get(syncKeys.cursor))!.value as number
    const page = server.pull({ clientId: client.clientId, cursor })
    if (page.resetRequired) throw new Error('unexpected reset')
    await applyPullPage(a.db, page, { final: true, seqBase: client.seqBase, now: new Date().toISOString() })

    const local = await ticket(a.db, id)
    expect(local).toMatchObject({ title: 'VPN 全员断线', impact: 1, urgency: 1, priority: 'P1' })
    expect(await a.db.ticketEvents.get(commentId)).toMatchObject({ body: '用户已重启路由器' })
    expect(await a.db.outbox.count()).toBe(2)
    // The server's version is kept aside for the next rebase.
    expect((await a.db.syncBase.get(`tickets:${id}`))?.row).toMatchObject({ title: 'VPN 全员断线', impact: 3 })

    await a.sync()
    expect(server.store.tables.tickets.get(id)).toMatchObject({ title: 'VPN 全员断线', priority: 'P1' })
    expect(await a.db.syncBase.count()).toBe(0)
    expect(await localDump(a.db)).toEqual(server.dump())
  })

  it('numbers new tickets from a block leased from the server', async () => {
    const server = await seededServer()
    const a = await workstation(server, ref.alice)
    const b = await workstation(server, ref.bob)
    await a.sync()
    await b.sync()
    const leaseA = await readLease(a.db, 'incident')
    const leaseB = await readLease(b.db, 'incident')
    expect(leaseA.blocks[0]).toEqual({ from: 1, to: 100 })
    expect(leaseB.blocks[0]).toEqual({ from: 101, to: 200 })

    // Both offline: numbers still never collide.
    const ta = ticketArgs()
    const tb = ticketArgs()
    await a.run('ticket.create', ta)
    await b.run('ticket.create', tb)
    expect((await ticket(a.db, ta.id as string)).number).toBe('INC-000001')
    expect((await ticket(b.db, tb.id as string)).number).toBe('INC-000101')
    await a.sync()
    await b.sync()
    await a.sync()
    expect(server.store.tables.tickets.get(ta.id as string)?.number).toBe('INC-000001')
    expect(server.store.tables.tickets.get(tb.id as string)?.number).toBe('INC-000101')
    expect((await readLease(a.db, 'incident')).blocks[0].from).toBe(2)
    expect(await localDump(a.db)).toEqual(server.dump())
  })

  it('a workstation that worked local-only connects later: tickets go up, colliding numbers are re-issued', async () => {
    const server = await seededServer()
    const b = await workstation(server, ref.bob)
    await b.sync()
    const theirs = ticketArgs({ title: '服务器宕机' })
    await b.run('ticket.create', theirs)
    await b.sync()

    // A works alone: reference data and a ticket of its own, numbered from the local counter.
    const a = await workstation(server, ref.alice, { connected: false })
    await a.run('contact.create', {
      id: ref.contact,
      name: '王芳',
      phone: '010-6000 1234',
      email: '',
      department: 'HR',
      vip: false
    })
    const mine = ticketArgs({ title: '键盘失灵', category: 'hardware', subcategory: 'peripheral' })
    await a.run('ticket.create', mine)
    const theirNumber = (await ticket(b.db, theirs.id as string)).number
    expect(theirNumber).toBe('INC-000001')
    expect((await ticket(a.db, mine.id as string)).number).toBe('INC-000001')

    await runCommand(
      a.db,
      'worklog.add',
      1,
      { id: newId(), ticketId: mine.id, minutes: 5, note: '' },
      { actorId: ref.alice }
    )
    const { connect } = await import('./harness')
    await connect(a.db, ref.alice)
    await a.sync()

    const mineNow = await ticket(a.db, mine.id as string)
    expect(mineNow.title).toBe('键盘失灵')
    expect(mineNow.number).not.toBe(theirNumber)
    expect(server.store.tables.tickets.get(mine.id as string)?.number).toBe(mineNow.number)
    expect((await ticket(a.db, theirs.id as string)).number).toBe(theirNumber)
    // The contact both created is one record; A's duplicate create is reported, not lost.
    const conflicts = await a.db.conflicts.toArray()
    expect(conflicts.map((c) => c.name)).toEqual(['contact.create'])
    expect(await a.db.outbox.count()).toBe(0)
    expect(await localDump(a.db)).toEqual(server.dump())
  })
})
