import { z } from 'zod'
import { idSchema, isoTimeSchema } from '../common'

/**
 * The sync protocol between the console and the desk server (DESIGN.md, Sync): a
 * server-authoritative command outbox pushed in order, and a server-ordered change log pulled in
 * pages. Both sides import these schemas; the server validates every body with them.
 */

/** Bumped when the local schema or the protocol changes incompatibly. */
export const SYNC_SCHEMA_VERSION = 1
/** The oldest client the server still talks to; older ones get 426. */
export const MIN_CLIENT_SCHEMA_VERSION = 1

export const MAX_PUSH_COMMANDS = 500
export const MAX_PULL_LIMIT = 5_000
export const DEFAULT_PULL_LIMIT = 1_000

/** Tables that travel. `config` rows are `{ id: key, value }`. */
export const syncTables = ['tickets', 'ticketEvents', 'contacts', 'teams', 'agents', 'services', 'config'] as const
export const syncTableSchema = z.enum(syncTables)
export type SyncTable = z.infer<typeof syncTableSchema>

// ---------- push ----------

export const pushCommandSchema = z.strictObject({
  /** Position in this client's outbox: 1, 2, 3 … with no gaps. */
  seq: z.int().min(1),
  id: idSchema,
  name: z.string().min(1).max(64),
  version: z.int().min(1),
  args: z.unknown(),
  /** When the agent did it; the server refuses times in the future. */
  occurredAt: isoTimeSchema
})
export type PushCommand = z.infer<typeof pushCommandSchema>

export const pushRequestSchema = z.strictObject({
  clientId: idSchema,
  schemaVersion: z.int().min(1),
  commands: z.array(pushCommandSchema).min(1).max(MAX_PUSH_COMMANDS)
})
export type PushRequest = z.infer<typeof pushRequestSchema>

export const rejectionCodes = [
  'validation',
  'not_found',
  'invalid_transition',
  'conflict',
  'unknown_command',
  'forbidden',
  'invalid_time'
] as const
export const rejectionCodeSchema = z.enum(rejectionCodes)
export type RejectionCode = z.infer<typeof rejectionCodeSchema>

/** The value that won, so the agent sees what the server has instead of their change. */
export const currentValueSchema = z.strictObject({
  table: syncTableSchema,
  id: z.string(),
  row: z.unknown().nullable()
})

export const commandResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ seq: z.int(), id: idSchema, status: z.literal('applied') }),
  z.strictObject({
    seq: z.int(),
    id: idSchema,
    status: z.literal('rejected'),
    code: rejectionCodeSchema,
    reason: z.string(),
    issues: z.record(z.string(), z.string()),
    current: currentValueSchema.nullable()
  })
])
export type CommandResult = z.infer<typeof commandResultSchema>

export const pushResponseSchema = z.strictObject({
  /** One per command sent, in order; a retried command answers its original result. */
  results: z.array(commandResultSchema),
  /** The highest seq of this client the server has processed. */
  lastProcessedSeq: z.int().min(0),
  /** The newest committed change sequence after this push. */
  cursor: z.int().min(0)
})
export type PushResponse = z.infer<typeof pushResponseSchema>

/** 409 body when the first new command's seq is not `lastProcessedSeq + 1`. */
export const seqGapSchema = z.strictObject({
  error: z.literal('seq_gap'),
  message: z.string(),
  lastProcessedSeq: z.int().min(0)
})

// ---------- pull ----------

export const pullQuerySchema = z.strictObject({
  clientId: idSchema,
  cursor: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
  schemaVersion: z.coerce.number().int().min(1)
})
export type PullQuery = z.infer<typeof pullQuerySchema>

export const changeSchema = z.discriminatedUnion('op', [
  /** Insert or replace the row. */
  z.strictObject({ seq: z.int(), table: syncTableSchema, op: z.literal('put'), id: z.string(), row: z.unknown() }),
  /** The row left this agent's view (permissions) or was deleted: remove the local copy. */
  z.strictObject({ seq: z.int(), table: syncTableSchema, op: z.literal('evict'), id: z.string() })
])
export type Change = z.infer<typeof changeSchema>

export const pullResponseSchema = z.discriminatedUnion('resetRequired', [
  z.strictObject({
    resetRequired: z.literal(false),
    changes: z.array(changeSchema),
    /** Pass back as `cursor` next time. Never past the committed watermark. */
    cursor: z.int().min(0),
    hasMore: z.boolean(),
    /** The highest seq of this client the server has processed: drop those from the outbox. */
    lastProcessedSeq: z.int().min(0),
    /** Results of this client's commands refused since `cursor` (also sent in push results). */
    rejected: z.array(commandResultSchema)
  }),
  z.strictObject({
    resetRequired: z.literal(true),
    /** scope: what the agent may see changed wholesale; horizon: cursor older than the log keeps. */
    reason: z.enum(['scope', 'horizon']),
    lastProcessedSeq: z.int().min(0)
  })
])
export type PullResponse = z.infer<typeof pullResponseSchema>

// ---------- live pokes ----------

/** The only message the WebSocket carries: "something changed up to seq; pull". */
export const pokeSchema = z.strictObject({ type: z.literal('poke'), seq: z.int().min(0) })
export type Poke = z.infer<typeof pokeSchema>

// ---------- ticket number leases ----------

export const numberLeaseRequestSchema = z.strictObject({
  clientId: idSchema,
  kind: z.enum(['incident', 'request']),
  count: z.int().min(1).max(1_000).default(100)
})

/** Numbers `from`..`to` (inclusive) are this client's to use, even offline. */
export const numberLeaseSchema = z.strictObject({
  kind: z.enum(['incident', 'request']),
  from: z.int().min(1),
  to: z.int().min(1)
})
export type NumberLease = z.infer<typeof numberLeaseSchema>

// ---------- auth ----------

export const loginRequestSchema = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(1_024)
})

export const sessionSchema = z.strictObject({
  token: z.string(),
  expiresAt: isoTimeSchema,
  agentId: idSchema
})
export type Session = z.infer<typeof sessionSchema>

/** Every 4xx/5xx body. `issues` maps fields to messages for bad input. */
export const errorBodySchema = z.strictObject({
  error: z.string(),
  message: z.string(),
  issues: z.record(z.string(), z.string()).optional()
})
export type ErrorBody = z.infer<typeof errorBodySchema>
