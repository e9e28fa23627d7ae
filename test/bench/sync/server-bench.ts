/**
 * Sync benchmark, desk server half: push throughput on PGlite and PostgreSQL against raw inserts
 * of the same rows, and poke fan-out latency to 200 WebSocket clients. Prints a table and merges
 * its figures into test/bench/results/sync.json (the Dexie first-sync figures come from the
 * console half).
 *
 *   npm run bench:sync                      PostgreSQL: DESK_BENCH_DATABASE_URL, else a throwaway cluster
 *   BENCH_COMMANDS=5000 npm run bench:sync  a quick run
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { WebSocket } from 'ws'
import { newId } from '@shared/ids'
import { SYNC_SCHEMA_VERSION } from '@shared/sync/protocol'
import { buildApp } from '../../../src/server/app'
import { createAgentAccount, ensureAdmin } from '../../../src/server/auth/accounts'
import { loadViewer } from '../../../src/server/auth/viewer'
import { openDatabase, rows, type DeskDatabase } from '../../../src/server/db/database'

const root = resolve(import.meta.dirname, '../../..')
const commands = Number(process.env.BENCH_COMMANDS ?? 20_000)
const batch = 500
const pushers = 4
const sockets = Number(process.env.BENCH_SOCKETS ?? 200)
const pokeRounds = Number(process.env.BENCH_POKES ?? 40)

interface Figure {
  metric: string
  value: number
  unit: string
  target?: string
}
const figures: Figure[] = []
const t00 = Date.now()
const say = (msg: string): void => console.log(`[${((Date.now() - t00) / 1000).toFixed(0).padStart(4)}s] ${msg}`)
const round = (v: number, d = 1): number => Math.round(v * 10 ** d) / 10 ** d
const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

async function session(database: DeskDatabase, app: Awaited<ReturnType<typeof buildApp>>): Promise<string> {
  const admin = (await ensureAdmin(database, `bench-admin-${Date.now()}@desk.test`))!
  const viewer = (await loadViewer(
    database.db,
    (
      await rows<{ agent_id: string }>(database.db, sql`SELECT agent_id FROM credentials WHERE email = ${admin.email}`)
    )[0].agent_id
  ))!
  const email = `bench-${Date.now()}@desk.test`
  await createAgentAccount(database, viewer, {
    name: 'Bench agent',
    email,
    role: 'agent',
    teamId: '',
    tier: 'L1',
    password: 'bench bench bench'
  })
  const res = await app.inject({
    method: 'POST',
    url: '/auth/login',
    payload: { email, password: 'bench bench bench' }
  })
  return res.json<{ token: string }>().token
}

function ticketCommand(seq: number, requesterId: string, i: number): object {
  return {
    seq,
    id: newId(),
    name: 'ticket.create',
    version: 1,
    occurredAt: new Date().toISOString(),
    args: {
      id: newId(),
      kind: i % 3 ? 'incident' : 'request',
      channel: 'phone',
      requesterId,
      title: `打印机卡纸 printer jam #${i}`,
      description: 'Paper jams in tray 2 on the third floor; 三楼打印机二号纸盒卡纸。',
      category: 'hardware',
      subcategory: 'printer',
      impact: 2,
      urgency: 2
    }
  }
}

async function pushBench(label: string, database: DeskDatabase): Promise<void> {
  const app = await buildApp({ database, staticRoot: false, loginRateLimit: { max: 1000, timeWindowMs: 60_000 } })
  const token = await session(database, app)
  const requester = newId()
  const push = (clientId: string, body: object[]) =>
    app.inject({
      method: 'POST',
      url: '/sync/push',
      headers: { authorization: `Bearer ${token}` },
      payload: { clientId, schemaVersion: SYNC_SCHEMA_VERSION, commands: body }
    })
  const setup = newId()
  await push(setup, [
    {
      seq: 1,
      id: newId(),
      name: 'contact.create',
      version: 1,
      occurredAt: new Date().toISOString(),
      args: { id: requester, name: '王芳', phone: '+86 10 5555 0101', email: '', department: 'Finance', vip: false }
    }
  ])

  say(`${label}: pushing ${commands} ticket.create in batches of ${batch} from ${pushers} clients`)
  const [before] = await rows<{ last_seq: string | number }>(
    database.db,
    sql`SELECT last_seq FROM sync_state WHERE id = 1`
  )
  const perClient = Math.ceil(commands / pushers)
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: pushers }, async (_, c) => {
      const clientId = newId()
      for (let seq = 1; seq <= perClient; seq += batch) {
        const body = Array.from({ length: Math.min(batch, perClient - seq + 1) }, (_, k) =>
          ticketCommand(seq + k, requester, c * perClient + seq + k)
        )
        const res = await push(clientId, body)
        if (res.statusCode !== 200) throw new Error(`push ${res.statusCode}: ${res.body.slice(0, 200)}`)
      }
    })
  )
  const pushMs = performance.now() - t0
  const pushRate = (perClient * pushers) / (pushMs / 1000)

  // The same rows, inserted raw into a copy of the table: what the database alone costs.
  const produced = await rows<{
    table_name: string
    id: string
    parent_id: string
    data: unknown
    change_seq: string | number
  }>(
    database.db,
    sql`SELECT table_name, id, parent_id, data, change_seq FROM records WHERE change_seq > ${Number(before.last_seq)} ORDER BY change_seq`
  )
  await database.db.execute(sql`DROP TABLE IF EXISTS records_raw_bench`)
  await database.db.execute(sql`CREATE TABLE records_raw_bench (LIKE records INCLUDING ALL)`)
  const t1 = performance.now()
  for (let i = 0; i < produced.length; i += 1_000) {
    const chunk = produced.slice(i, i + 1_000)
    await database.db.execute(
      sql`INSERT INTO records_raw_bench (table_name, id, parent_id, data, change_seq)
          SELECT x.table_name, x.id, x.parent_id, x.data, x.change_seq
          FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS x(table_name text, id text, parent_id text, data jsonb, change_seq bigint)`
    )
  }
  const rawMs = performance.now() - t1
  await database.db.execute(sql`DROP TABLE records_raw_bench`)
  const rawRate = (perClient * pushers) / (rawMs / 1000)
  figures.push(
    {
      metric: `push throughput on ${label} (${batch}/push, ${pushers} clients)`,
      value: round(pushRate, 0),
      unit: 'commands/s',
      ...(label === 'PostgreSQL' ? { target: '>=3000' } : {})
    },
    { metric: `raw insert of the same rows on ${label}`, value: round(rawRate, 0), unit: 'commands/s' },
    { metric: `push / raw insert on ${label}`, value: round(pushRate / rawRate, 2), unit: 'ratio' }
  )
  say(
    `${label}: push ${round(pushRate, 0)} commands/s, raw insert ${round(rawRate, 0)} commands/s (${produced.length} rows)`
  )
  await app.close()
}

async function pokeBench(label: string, database: DeskDatabase): Promise<void> {
  const app = await buildApp({ database, staticRoot: false, loginRateLimit: { max: 1000, timeWindowMs: 60_000 } })
  const token = await session(database, app)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('no address')
  say(`${label}: connecting ${sockets} WebSocket clients`)
  const waiting = new Map<number, (at: number) => void>()
  const clients: WebSocket[] = []
  await Promise.all(
    Array.from(
      { length: sockets },
      (_, i) =>
        new Promise<void>((ready, fail) => {
          const ws = new WebSocket(`ws://127.0.0.1:${address.port}/sync/live?token=${token}`)
          let first = true
          ws.on('message', (data) => {
            if (first) {
              first = false
              ready()
              return
            }
            const { seq } = JSON.parse((data as Buffer).toString('utf8')) as { seq: number }
            waiting.get(i)?.(performance.now() + seq * 0)
          })
          ws.on('error', fail)
          clients.push(ws)
        })
    )
  )
  const latencies: number[] = []
  const clientId = newId()
  for (let r = 1; r <= pokeRounds; r++) {
    const arrivals = clients.map((_, i) => new Promise<number>((res) => waiting.set(i, res)))
    const t0 = performance.now()
    const res = await app.inject({
      method: 'POST',
      url: '/sync/push',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        clientId,
        schemaVersion: SYNC_SCHEMA_VERSION,
        commands: [
          {
            seq: r,
            id: newId(),
            name: 'contact.create',
            version: 1,
            occurredAt: new Date().toISOString(),
            args: { id: newId(), name: `Caller ${r}`, phone: '+86 10 5555 0101', email: '', department: '', vip: false }
          }
        ]
      }
    })
    if (res.statusCode !== 200) throw new Error(res.body)
    for (const at of await Promise.all(arrivals)) latencies.push(at - t0)
    await new Promise((r2) => setTimeout(r2, 20))
  }
  latencies.sort((a, b) => a - b)
  figures.push(
    {
      metric: `poke fan-out p50 to ${sockets} WebSockets on ${label} (push sent → poke received)`,
      value: round(pct(latencies, 50)),
      unit: 'ms'
    },
    {
      metric: `poke fan-out p99 to ${sockets} WebSockets on ${label} (push sent → poke received)`,
      value: round(pct(latencies, 99)),
      unit: 'ms',
      target: '<250'
    }
  )
  say(
    `${label}: poke p50 ${round(pct(latencies, 50))} ms, p99 ${round(pct(latencies, 99))} ms over ${latencies.length} deliveries`
  )
  for (const ws of clients) ws.close()
  await app.close()
}

// ---------- run ----------

let cluster: { url: string; dir: string } | null = null
let baseUrl = process.env.DESK_BENCH_DATABASE_URL ?? ''
const script = join(root, 'scripts/pg-test-cluster.mjs')
if (!baseUrl) {
  cluster = JSON.parse(execFileSync(process.execPath, [script, 'start'], { encoding: 'utf8' })) as {
    url: string
    dir: string
  }
  baseUrl = cluster.url
}
try {
  const pglite = await openDatabase({ dataDir: 'memory://' })
  await pushBench('PGlite', pglite)
  await pokeBench('PGlite', pglite)
  await pglite.close()

  const name = `desk_bench_${Date.now()}`
  const admin = new pg.Client({ connectionString: baseUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(baseUrl)
  url.pathname = `/${name}`
  const postgres = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 })
  await pushBench('PostgreSQL', postgres)
  await pokeBench('PostgreSQL', postgres)
  await postgres.close()
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`)
  await admin.end()
} finally {
  if (cluster) execFileSync(process.execPath, [script, 'stop', cluster.dir])
}

console.log(
  '\n' +
    figures
      .map((f) => `${f.metric.padEnd(82)} ${String(f.value).padStart(9)} ${f.unit.padEnd(11)} ${f.target ?? ''}`)
      .join('\n')
)
const out = join(root, 'test/bench/results/sync.json')
mkdirSync(join(root, 'test/bench/results'), { recursive: true })
// Keep the console half's figures (first sync into Dexie); replace this half's.
const mine = new Set(figures.map((f) => f.metric))
const kept = existsSync(out)
  ? (JSON.parse(readFileSync(out, 'utf8')) as Figure[]).filter(
      (f) => !mine.has(f.metric) && !/^(push|raw insert|poke fan-out)/.test(f.metric)
    )
  : []
writeFileSync(out, JSON.stringify([...figures, ...kept], null, 2) + '\n')
say(`wrote ${out}`)
process.exit(0)
