import { z } from 'zod'
import { idSchema, isoTimeSchema, text } from '../common'
import { roleSchema } from '../people/model'
import { tierSchema } from '../ticket/model'
import { permissions } from './permissions'

/**
 * The desk server's account endpoints (besides login in sync/protocol.ts): who am I, change my
 * password, and the admin screens' agent management. Client and server share these schemas.
 */

export const passwordSchema = z.string().min(10, 'at least 10 characters').max(1_024, 'at most 1024 characters')

/** GET /auth/me */
export const meResponseSchema = z.strictObject({
  agent: z.strictObject({
    id: idSchema,
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    teamId: z.string(),
    tier: tierSchema
  }),
  permissions: z.array(z.enum(permissions)),
  /** Sees security-category tickets (security team, admins). */
  seesRestricted: z.boolean(),
  /** Signed in with a generated one-time password: ask for a new one. */
  mustChangePassword: z.boolean(),
  expiresAt: isoTimeSchema
})
export type MeResponse = z.infer<typeof meResponseSchema>

/** POST /auth/password — other sessions of the agent are signed out. */
export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(1_024),
  newPassword: passwordSchema
})

/** One row of GET /admin/agents. */
export const adminAgentSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  teamId: z.string(),
  tier: tierSchema,
  active: z.boolean(),
  /** Has a password (can sign in). */
  hasLogin: z.boolean(),
  mustChangePassword: z.boolean(),
  activeSessions: z.int().min(0),
  lastSeenAt: isoTimeSchema.nullable()
})
export type AdminAgent = z.infer<typeof adminAgentSchema>

export const adminAgentListSchema = z.strictObject({ agents: z.array(adminAgentSchema) })

/** POST /admin/agents — without `password` the server generates a one-time one. */
export const adminCreateAgentRequestSchema = z.strictObject({
  name: text(1, 120),
  email: z.email('not a valid email address').max(254),
  role: roleSchema,
  teamId: z.string().max(64).default(''),
  tier: tierSchema.default('L1'),
  password: passwordSchema.optional()
})
export type AdminCreateAgentRequest = z.input<typeof adminCreateAgentRequestSchema>

/** PATCH /admin/agents/:id — deactivating an agent signs them out everywhere. */
export const adminUpdateAgentRequestSchema = z
  .strictObject({
    name: text(1, 120),
    email: z.email('not a valid email address').max(254),
    role: roleSchema,
    teamId: z.string().max(64),
    tier: tierSchema,
    active: z.boolean()
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change')

/** POST /admin/agents/:id/password — without `password` a one-time one is generated. */
export const adminResetPasswordRequestSchema = z.strictObject({ password: passwordSchema.optional() })

/** Answer of create and password reset: the generated one-time password, shown once. */
export const adminAgentResultSchema = z.strictObject({
  agent: adminAgentSchema,
  oneTimePassword: z.string().nullable()
})
export type AdminAgentResult = z.infer<typeof adminAgentResultSchema>

/** POST /admin/agents/:id/revoke-sessions */
export const revokeSessionsResultSchema = z.strictObject({ revoked: z.int().min(0) })
