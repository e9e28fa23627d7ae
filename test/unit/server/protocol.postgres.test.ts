import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { buildApp } from '../../../src/server/app'
import { openDatabase, type DeskDatabase } from '../../../src/server/db/database'
import { Harness, contactArgs, postgresDatabase, type TestDatabase } from './harness'
import { liveSuite, protocolSuite } from './protocol-suite'

/**
 * The same protocol suite on a real PostgreSQL: DESK_TEST_DATABASE_URL (a cluster `npm test`
 * starts), else a throwaway cluster of our own when PostgreSQL is installed. Under CI=true it
 * must run: a missing PostgreSQL fails the suite instead of skipping it.
 */
const ci = process.env.CI === 'true' || process.env.CI === '1'
const clusterScript = fileURLToPath(new URL('../../../scripts/pg-test-cluster.mjs', import.meta.url))
const cluster = (...args: string[]): string =>
  execFileSync(process.execPath, [clusterScript, ...args], { encoding: 'utf8' })
const installed = (): boolean => {
  try {
    cluster('bindir')
    return true
  } catch {
    return false
  }
}

let clusterUrl = process.env.DESK_TEST_DATABASE_URL ?? ''
let ownCluster: string | null = null
if (!clusterUrl && installed()) {
  const started = JSON.parse(cluster('start')) as { url: string; dir: string }
  clusterUrl = started.url
  ownCluster = started.dir
}
if (!clusterUrl && ci)
  throw new Error(
    'CI=true: the PostgreSQL suite must run, but PostgreSQL is not installed and DESK_TEST_DATABASE_URL is unset'
  )

const suite = clusterUrl ? describe : describe.skip

let db: TestDatabase
beforeAll(async () => {
  if (clusterUrl) db = await postgresDatabase(clusterUrl)
}, 30_000)
afterAll(async () => {
  await db?.drop()
  if (ownCluster) cluster('stop', ownCluster)
})

suite('sync protocol on PostgreSQL', () => {
  protocolSuite(() => db)
})

suite('live pokes on PostgreSQL (LISTEN/NOTIFY)', () => {
  liveSuite(() => db)
})

suite('two server instances on one PostgreSQL', () => {
  let second: DeskDatabase
  let one: Harness
  let two: Harness

  beforeAll(async () => {
    // Separate pools and LISTEN connections: as two processes behind a load balancer would have.
    second = await openDatabase({ databaseUrl: db.url, poolSize: 3 })
    one = await Harness.create(db.database)
    two = await Harness.create(second)
    await two.app.listen({ host: '127.0.0.1', port: 0 })
  }, 30_000)

  afterAll(async () => {
    await one?.close()
    await two?.close()
    await second?.close()
  })

  it('a push to one instance pokes a WebSocket client of the other', async () => {
    const agent = await one.createAgent('agent')
    const address = two.app.server.address()
    if (!address || typeof address === 'string') throw new Error('no address')
    const socket = new WebSocket(`ws://127.0.0.1:${address.port}/sync/live?token=${agent.token}`)
    const pokes: number[] = []
    socket.on('message', (data) => pokes.push((JSON.parse((data as Buffer).toString('utf8')) as { seq: number }).seq))
    await expect.poll(() => pokes.length, { timeout: 5_000 }).toBeGreaterThan(0)
    const res = await one.client(agent).push([contactArgs()])
    expect(res.statusCode).toBe(200)
    const { cursor } = res.json<{ cursor: number }>()
    await expect.poll(() => pokes.at(-1), { timeout: 5_000 }).toBe(cursor)
    // The other instance serves the change too: no state lives in a server process.
    const pulled = await two.client(agent).pullAll()
    expect(pulled.changes.at(-1)?.seq).toBe(cursor)
    socket.close()
  })

  it('migrations run once when instances start together', async () => {
    const [a, b] = await Promise.all([
      buildApp({ databaseUrl: db.url, staticRoot: false }),
      buildApp({ databaseUrl: db.url, staticRoot: false })
    ])
    expect((await a.inject({ url: '/health' })).json()).toMatchObject({ ok: true, database: 'postgres' })
    expect((await b.inject({ url: '/health' })).json()).toMatchObject({ ok: true, database: 'postgres' })
    await Promise.all([a.close(), b.close()])
  })
})
