import { sql } from 'drizzle-orm'
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * The desk server's tables. One `records` table holds every synced row (tickets, their events,
 * contacts, teams, agents, services, config) so that pull is a single indexed range scan over the
 * change sequence, whatever the table. The rest is server-only state that never travels.
 */

/** Every synced row, stamped with the change sequence value of its last change. */
export const records = pgTable(
  'records',
  {
    tableName: text('table_name').notNull(),
    id: text('id').notNull(),
    /** For ticket events: their ticket, so a ticket's scope change can re-stamp them. */
    parentId: text('parent_id').notNull().default(''),
    data: jsonb('data').notNull(),
    /** '' = every agent; 'security' = the security team and admins only. */
    scope: text('scope').notNull().default(''),
    /**
     * The row was once visible to every agent. A restricted row that never was needs no `evict`
     * for agents who cannot see it: they never had it, and should not learn that it exists.
     */
    everPublic: boolean('ever_public').notNull().default(true),
    /** A tombstone: pulled as `evict` until compaction purges it and raises the horizon. */
    deleted: boolean('deleted').notNull().default(false),
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow()
  },
  (t) => [
    primaryKey({ columns: [t.tableName, t.id] }),
    index('records_change_seq_idx').on(t.changeSeq),
    // Commands name rows by id alone (a push prefetches every id its arguments mention).
    index('records_id_idx').on(t.id),
    index('records_parent_idx').on(t.tableName, t.parentId),
    index('records_ticket_number_idx')
      .on(sql`(${t.data}->>'number')`)
      .where(sql`${t.tableName} = 'tickets'`)
  ]
)

/**
 * One row (id = 1). `lastSeq` is the global change sequence: writers are serialised, so the value
 * a reader sees is also the committed watermark. `horizon`: the newest change seq whose tombstone
 * was purged; a client cursor below it must re-bootstrap.
 */
export const syncState = pgTable('sync_state', {
  id: integer('id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
  horizon: bigint('horizon', { mode: 'number' }).notNull().default(0)
})

/** Login credentials. Role and team live in the synced `agents` row of the same id. */
export const credentials = pgTable('credentials', {
  agentId: text('agent_id').primaryKey(),
  /** Lower-cased. */
  email: text('email').notNull().unique(),
  /** `scrypt$N$r$p$salt$hash` (base64url). */
  passwordHash: text('password_hash').notNull(),
  /** Set for a generated one-time password; cleared when the agent picks their own. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow()
})

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the bearer token: a stolen database yields no usable token. */
    tokenHash: text('token_hash').primaryKey(),
    agentId: text('agent_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
    userAgent: text('user_agent').notNull().default(''),
    ip: text('ip').notNull().default('')
  },
  (t) => [index('sessions_agent_idx').on(t.agentId)]
)

/** A workstation (one local database) of an agent: its outbox position and what it may see. */
export const clients = pgTable(
  'clients',
  {
    clientId: text('client_id').primaryKey(),
    agentId: text('agent_id').notNull(),
    lastProcessedSeq: integer('last_processed_seq').notNull().default(0),
    /** Visibility at its last bootstrap ('all' | 'public'); '' before the first pull. */
    viewerScope: text('viewer_scope').notNull().default(''),
    /**
     * The tombstone horizon when this client last started from cursor 0. A bootstrap that began
     * after a compaction holds no row whose purged tombstone it missed, so its early cursors are
     * not "behind the horizon".
     */
    bootstrapHorizon: bigint('bootstrap_horizon', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow()
  },
  (t) => [index('clients_agent_idx').on(t.agentId)]
)

/** Every pushed command with its outcome: answers retries with the original result, and audits. */
export const commandLog = pgTable(
  'command_log',
  {
    clientId: text('client_id').notNull(),
    seq: integer('seq').notNull(),
    commandId: text('command_id').notNull(),
    agentId: text('agent_id').notNull(),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    args: jsonb('args'),
    status: text('status').notNull(),
    /** The CommandResult sent back (and re-sent on a retry). */
    result: jsonb('result').notNull(),
    /** For a refusal: its own change seq, so pull can report refusals since a cursor. */
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull().default(0),
    /** When the agent did it (their clock) and when the server got it. */
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow()
  },
  (t) => [
    primaryKey({ columns: [t.clientId, t.seq] }),
    index('command_log_rejected_idx')
      .on(t.clientId, t.changeSeq)
      .where(sql`${t.status} = 'rejected'`)
  ]
)

/** Next unissued ticket number per kind, shared by direct allocation and leases. */
export const numberCounters = pgTable('number_counters', {
  kind: text('kind').primaryKey(),
  nextValue: integer('next_value').notNull().default(1)
})

/** Blocks of ticket numbers a workstation may hand out offline. */
export const numberLeases = pgTable(
  'number_leases',
  {
    clientId: text('client_id').notNull(),
    kind: text('kind').notNull(),
    fromValue: integer('from_value').notNull(),
    toValue: integer('to_value').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow()
  },
  (t) => [primaryKey({ columns: [t.kind, t.fromValue] }), index('number_leases_client_idx').on(t.clientId, t.kind)]
)
