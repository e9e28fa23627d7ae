import { afterAll, beforeAll, describe } from 'vitest'
import { pgliteDatabase, type TestDatabase } from './harness'
import { liveSuite, protocolSuite } from './protocol-suite'

let db: TestDatabase
beforeAll(async () => {
  db = await pgliteDatabase()
}, 30_000)
afterAll(async () => {
  await db?.drop()
})

describe('sync protocol on PGlite', () => {
  protocolSuite(() => db)
})

describe('live pokes on PGlite (in-process)', () => {
  liveSuite(() => db)
})
