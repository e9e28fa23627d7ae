import 'fake-indexeddb/auto'
import { newId } from '@shared/ids'
import { afterEach, describe, expect, it } from 'vitest'
import { dbName, DeskDb } from '../../../src/renderer/src/data/db'

const opened: DeskDb[] = []

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})

/**
 * Indexes other code relies on (queue views, search, timeline, requester picker, outbox). The
 * store may declare more; every declared one is checked against IndexedDB below.
 */
const expected: Record<string, { primary: string; indexes: string[] }> = {
  tickets: {
    primary: 'id',
    indexes: [
      'number',
      'updatedAt',
      'terms',
      '[isOpen+updatedAt]',
      '[teamId+isOpen+updatedAt]',
      '[assigneeId+isOpen+updatedAt]',
      '[status+updatedAt]'
    ]
  },
  ticketEvents: { primary: 'id', indexes: ['[ticketId+occurredAt]'] },
  contacts: { primary: 'id', indexes: ['name', 'keys'] },
  teams: { primary: 'id', indexes: [] },
  agents: { primary: 'id', indexes: [] },
  services: { primary: 'id', indexes: ['name'] },
  outbox: { primary: 'seq', indexes: ['id'] },
  meta: { primary: 'key', indexes: [] },
  syncBase: { primary: 'key', indexes: [] },
  conflicts: { primary: 'id', indexes: ['refusedAt'] }
}

describe('Dexie schema', () => {
  it('uses the production database name by default', () => {
    expect(new DeskDb().name).toBe(dbName)
  })

  it('opens, and every declared index exists in IndexedDB', async () => {
    const db = new DeskDb(`schema-${newId()}`)
    opened.push(db)
    await db.open()
    expect(db.verno).toBeGreaterThanOrEqual(1)
    const idb = db.backendDB()
    expect([...idb.objectStoreNames].sort()).toEqual(Object.keys(expected).sort())

    const tx = idb.transaction([...idb.objectStoreNames], 'readonly')
    for (const [name, want] of Object.entries(expected)) {
      const store = tx.objectStore(name)
      const declared = db.table(name).schema
      expect(declared.primKey.name, name).toBe(want.primary)
      expect(
        declared.indexes.map((i) => i.name),
        name
      ).toEqual(expect.arrayContaining(want.indexes))
      // What Dexie declares is what IndexedDB really built.
      expect([...store.indexNames].sort(), name).toEqual(declared.indexes.map((i) => i.name).sort())
    }
    const tickets = tx.objectStore('tickets')
    expect(tickets.index('number').unique).toBe(true)
    expect(tickets.index('terms').multiEntry).toBe(true)
    expect(tickets.index('[isOpen+updatedAt]').keyPath).toEqual(['isOpen', 'updatedAt'])
    expect(tx.objectStore('contacts').index('keys').multiEntry).toBe(true)
    expect(tx.objectStore('outbox').autoIncrement).toBe(true)
    expect(tx.objectStore('outbox').index('id').unique).toBe(true)
  })

  it('reopens an existing database without losing rows', async () => {
    const name = `reopen-${newId()}`
    const first = new DeskDb(name)
    await first.meta.put({ key: 'k', value: 1 })
    first.close()
    const second = new DeskDb(name)
    opened.push(second)
    expect(await second.meta.get('k')).toEqual({ key: 'k', value: 1 })
  })
})
