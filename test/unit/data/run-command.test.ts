import 'fake-indexeddb/auto'
import { CommandError } from '@shared/command/types'
import { newId } from '@shared/ids'
import { afterEach, describe, expect, it } from 'vitest'
import { metaKeys } from '../../../src/renderer/src/data/command-store'
import { runCommand } from '../../../src/renderer/src/data/commands'
import { DeskDb } from '../../../src/renderer/src/data/db'

const actorId = newId()
const opened: DeskDb[] = []

function freshDb(): DeskDb {
  const db = new DeskDb(`test-${newId()}`)
  opened.push(db)
  return db
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})

async function seed(db: DeskDb): Promise<{ contactId: string; teamId: string }> {
  const contactId = newId()
  const teamId = newId()
  await runCommand(db, 'team.upsert', 1, { id: teamId, name: 'Service Desk', kind: 'service_desk' }, { actorId })
  await runCommand(
    db,
    'contact.create',
    1,
    { id: contactId, name: '王芳', phone: '010-6000 1234', email: '', department: 'HR', vip: false },
    { actorId }
  )
  return { contactId, teamId }
}

function ticketArgs(contactId: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: newId(),
    kind: 'incident',
    channel: 'phone',
    requesterId: contactId,
    title: '  打印机卡纸  ',
    description: '三楼打印机',
    category: 'hardware',
    subcategory: 'printer',
    impact: 1,
    urgency: 2,
    ...over
  }
}

/** Every row of every table, for before/after comparisons. */
async function dump(db: DeskDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const table of db.tables) out[table.name] = await table.toArray()
  return out
}

describe('runCommand', () => {
  it('applies the command and queues it in the outbox with its parsed args', async () => {
    const db = freshDb()
    const { contactId } = await seed(db)
    const args = ticketArgs(contactId)
    const env = await runCommand(db, 'ticket.create', 1, args, { actorId, occurredAt: '2026-03-02T09:30:00.000Z' })

    const ticket = await db.tickets.get(args.id as string)
    expect(ticket).toMatchObject({ number: 'INC-000001', title: '打印机卡纸', priority: 'P2', requesterName: '王芳' })
    expect(await db.ticketEvents.where('[ticketId+occurredAt]').between([ticket!.id, ''], [ticket!.id, '\uffff']).count()).toBe(1)
    // Reachable through the indexes the queue and search use.
    expect(await db.tickets.where('terms').equals('卡纸').primaryKeys()).toEqual([ticket!.id])
    expect(await db.tickets.where('[isOpen+updatedAt]').between([1, ''], [1, '\uffff']).count()).toBe(1)

    const outbox = await db.outbox.orderBy('seq').toArray()
    expect(outbox.map((e) => e.name)).toEqual(['team.upsert', 'contact.create', 'ticket.create'])
    const last = outbox[2]
    expect(last).toMatchObject({
      id: env.id,
      name: 'ticket.create',
      version: 1,
      actorId,
      occurredAt: '2026-03-02T09:30:00.000Z',
      clientId: (await db.meta.get(metaKeys.clientId))?.value
    })
    // The queued args are the parsed ones (trimmed, defaults filled), so replay is exact.
    expect(last.args).toMatchObject({ title: '打印机卡纸', tier: 'L1', teamId: '', priorityOverride: null })
    expect(outbox[0].seq).toBeLessThan(outbox[1].seq!)
    expect(outbox[1].seq).toBeLessThan(outbox[2].seq!)
  })

  it('numbers tickets from the local counter per kind', async () => {
    const db = freshDb()
    const { contactId } = await seed(db)
    const a = ticketArgs(contactId)
    const b = ticketArgs(contactId)
    const r = ticketArgs(contactId, { kind: 'request', category: 'account', subcategory: 'new_account' })
    for (const args of [a, b, r]) await runCommand(db, 'ticket.create', 1, args, { actorId })
    expect((await db.tickets.get(a.id as string))?.number).toBe('INC-000001')
    expect((await db.tickets.get(b.id as string))?.number).toBe('INC-000002')
    expect((await db.tickets.get(r.id as string))?.number).toBe('REQ-000001')
    expect((await db.meta.get(metaKeys.counter('incident')))?.value).toBe(2)
    expect(await db.tickets.where('number').equals('REQ-000001').count()).toBe(1)
  })

  it('a command refused by validation writes nothing', async () => {
    const db = freshDb()
    const { contactId } = await seed(db)
    const before = await dump(db)
    const err = await runCommand(db, 'ticket.create', 1, ticketArgs(contactId, { title: 'x', impact: 7 }), {
      actorId
    }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(CommandError)
    expect((err as CommandError).code).toBe('validation')
    expect(Object.keys((err as CommandError).issues).sort()).toEqual(['impact', 'title'])
    expect(await dump(db)).toEqual(before)
  })

  it('a command refused half-way through apply rolls back rows, counter and outbox', async () => {
    const db = freshDb()
    const { contactId } = await seed(db)
    const first = ticketArgs(contactId)
    await runCommand(db, 'ticket.create', 1, first, { actorId })
    const before = await dump(db)

    // Unknown references are only found inside the transaction.
    const refs = await runCommand(db, 'ticket.create', 1, ticketArgs(contactId, { teamId: newId() }), {
      actorId
    }).catch((e: unknown) => e)
    expect(refs).toMatchObject({ code: 'validation', issues: { teamId: 'unknown team' } })

    // ticket.link looks its target up inside the transaction.
    const link = await runCommand(db, 'ticket.link', 1, { ticketId: first.id, targetId: newId(), type: 'related' }, {
      actorId
    }).catch((e: unknown) => e)
    expect(link).toMatchObject({ code: 'not_found' })

    const transition = await runCommand(
      db,
      'ticket.transition',
      1,
      { ticketId: first.id, from: 'new', to: 'closed' },
      { actorId }
    ).catch((e: unknown) => e)
    expect(transition).toMatchObject({ code: 'invalid_transition', issues: { to: 'cannot move from new to closed' } })

    const missing = await runCommand(
      db,
      'comment.add',
      1,
      { id: newId(), ticketId: newId(), visibility: 'public', body: 'hello' },
      { actorId }
    ).catch((e: unknown) => e)
    expect(missing).toMatchObject({ code: 'not_found', issues: { ticketId: 'not found' } })

    expect(await dump(db)).toEqual(before)
  })

  it('unknown commands are refused before anything is written', async () => {
    const db = freshDb()
    await expect(runCommand(db, 'ticket.purge', 1, {}, { actorId })).rejects.toMatchObject({ code: 'unknown_command' })
    expect(await db.meta.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('keeps one client id for the outbox of this database', async () => {
    const db = freshDb()
    await seed(db)
    const ids = new Set((await db.outbox.toArray()).map((e) => e.clientId))
    expect(ids.size).toBe(1)
    const other = freshDb()
    await seed(other)
    const otherIds = new Set((await other.outbox.toArray()).map((e) => e.clientId))
    expect([...otherIds][0]).not.toBe([...ids][0])
  })
})
