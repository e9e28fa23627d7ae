import { EventEmitter } from 'node:events'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm'
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres'
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import { ticketKinds } from '@shared/ticket/model'
import * as schema from './schema'

export type Schema = typeof schema
export type Db = PgDatabase<PgQueryResultHKT, Schema>
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
/** Anything a query can run on: the database or an open transaction. */
export type Queryable = Db | Tx

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

/** The channel pokes travel on between server instances sharing one PostgreSQL. */
const POKE_CHANNEL = 'desk_poke'
/** Keys for pg_advisory locks (arbitrary, fixed). */
const MIGRATION_LOCK = 72_010_001
export const WRITE_LOCK = 72_010_002

export interface DeskDatabase {
  readonly kind: 'pglite' | 'postgres'
  readonly db: Db
  /**
   * Sends a poke with the newest committed change seq. On PostgreSQL it is a NOTIFY inside the
   * caller's transaction (delivered to every instance only if it commits); on PGlite an
   * in-process event after commit.
   */
  notifyInTx(tx: Tx, seq: number): Promise<void>
  afterCommit(seq: number): void
  /** Subscribes to pokes from every instance; returns the unsubscribe function. */
  onPoke(listener: (seq: number) => void): () => void
  close(): Promise<void>
}

export interface OpenOptions {
  /** postgres://… — a real PostgreSQL. Without it, an embedded PGlite in `dataDir`. */
  databaseUrl?: string
  /** PGlite data folder; `memory://` (or undefined with no url) keeps it in memory. */
  dataDir?: string
  /** Pool size for PostgreSQL. */
  poolSize?: number
  onError?: (error: Error) => void
}

/** The rows of a raw query, whatever the driver. */
export async function rows<T>(q: Queryable, query: SQL): Promise<T[]> {
  const result = await q.execute(query)
  return (result as { rows: T[] }).rows
}

async function seed(db: Db): Promise<void> {
  await db.insert(schema.syncState).values({ id: 1 }).onConflictDoNothing()
  await db
    .insert(schema.numberCounters)
    .values(ticketKinds.map((kind) => ({ kind })))
    .onConflictDoNothing()
}

export async function openDatabase(options: OpenOptions = {}): Promise<DeskDatabase> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options.dataDir)
}

async function openPglite(dataDir: string | undefined): Promise<DeskDatabase> {
  let client: PGlite
  if (dataDir && dataDir !== 'memory://') {
    mkdirSync(dataDir, { recursive: true })
    client = await PGlite.create(join(dataDir, 'pglite'))
  } else client = await PGlite.create()
  const db = drizzlePglite({ client, schema })
  await migratePglite(db, { migrationsFolder })
  await seed(db)
  const pokes = new EventEmitter()
  pokes.setMaxListeners(0)
  return {
    kind: 'pglite',
    db: db as unknown as Db,
    async notifyInTx() {},
    afterCommit(seq) {
      pokes.emit('poke', seq)
    },
    onPoke(listener) {
      pokes.on('poke', listener)
      return () => pokes.off('poke', listener)
    },
    async close() {
      pokes.removeAllListeners()
      await client.close()
    }
  }
}

async function openPostgres(url: string, options: OpenOptions): Promise<DeskDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 })
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', (e) => options.onError?.(e))
  const db = drizzleNodePg({ client: pool, schema })

  // Several instances may start at once on one database: migrate under a session lock.
  const lockClient = await pool.connect()
  try {
    await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    await migrateNodePg(drizzleNodePg({ client: lockClient, schema }), { migrationsFolder })
    await seed(db)
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
    lockClient.release()
  }

  const pokes = new EventEmitter()
  pokes.setMaxListeners(0)
  let closed = false
  let listener: pg.Client | null = null
  let retry: NodeJS.Timeout | null = null

  // One dedicated connection LISTENs for pokes from every instance (this one included).
  const connectListener = async (attempt: number): Promise<void> => {
    const client = new pg.Client({ connectionString: url })
    client.on('notification', (msg) => {
      const seq = Number(msg.payload)
      if (msg.channel === POKE_CHANNEL && Number.isSafeInteger(seq)) pokes.emit('poke', seq)
    })
    const reconnect = (e?: Error): void => {
      if (closed || listener !== client) return
      if (e) options.onError?.(e)
      listener = null
      client.end().catch(() => undefined)
      const delay = Math.min(30_000, 500 * 2 ** Math.min(attempt, 6))
      retry = setTimeout(() => void connectListener(attempt + 1), delay)
    }
    client.on('error', reconnect)
    client.on('end', () => reconnect())
    try {
      listener = client
      await client.connect()
      await client.query(`LISTEN ${POKE_CHANNEL}`)
      attempt = 0
      // Anything committed while we were not listening: let clients pull once.
      const [state] = await rows<{ last_seq: string }>(db, sql`SELECT last_seq FROM sync_state WHERE id = 1`)
      if (state) pokes.emit('poke', Number(state.last_seq))
    } catch (e) {
      reconnect(e as Error)
    }
  }
  await connectListener(0)

  return {
    kind: 'postgres',
    db: db as unknown as Db,
    async notifyInTx(tx, seq) {
      await tx.execute(sql`SELECT pg_notify(${POKE_CHANNEL}, ${String(seq)})`)
    },
    afterCommit() {},
    onPoke(fn) {
      pokes.on('poke', fn)
      return () => pokes.off('poke', fn)
    },
    async close() {
      closed = true
      if (retry) clearTimeout(retry)
      pokes.removeAllListeners()
      const l = listener
      listener = null
      await l?.end().catch(() => undefined)
      await pool.end()
    }
  }
}
