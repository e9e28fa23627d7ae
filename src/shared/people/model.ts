import { z } from 'zod'
import { recordBase, text } from '../common'
import { categorySchema, tierSchema } from '../ticket/model'

export const roles = ['agent', 'specialist', 'team_lead', 'change_manager', 'cab_member', 'admin'] as const
export const roleSchema = z.enum(roles)
export type Role = z.infer<typeof roleSchema>

export const teamKinds = ['service_desk', 'technical', 'application', 'network', 'security'] as const

export const teamSchema = z.object({
  ...recordBase,
  name: text(1, 80),
  /** Service desk (L1/L2) or a specialist team. */
  kind: z.enum(teamKinds),
  leadId: z.string(),
  active: z.boolean()
})
export type Team = z.infer<typeof teamSchema>

export const agentSchema = z.object({
  ...recordBase,
  name: text(1, 120),
  email: z.union([z.literal(''), z.email('not a valid email address')]),
  role: roleSchema,
  teamId: z.string(),
  tier: tierSchema,
  active: z.boolean()
})
export type Agent = z.infer<typeof agentSchema>

const phonePattern = /^[+\d][\d\s\-()]{2,30}$/

export const contactFieldsSchema = z.object({
  name: text(1, 120),
  phone: z.union([z.literal(''), z.string().trim().regex(phonePattern, 'not a valid phone number')]),
  email: z.union([z.literal(''), z.email('not a valid email address')]),
  department: z.string().trim().max(120),
  vip: z.boolean()
})

export const contactSchema = z.object({
  ...recordBase,
  ...contactFieldsSchema.shape,
  /** Lower-cased name, phone digits and email, for the requester picker's prefix search. */
  keys: z.array(z.string())
})
export type Contact = z.infer<typeof contactSchema>

export const serviceSchema = z.object({
  ...recordBase,
  name: text(1, 120),
  /** Business service or configuration item. */
  type: z.enum(['service', 'ci']),
  category: categorySchema,
  ownerTeamId: z.string(),
  active: z.boolean()
})
export type Service = z.infer<typeof serviceSchema>

export function contactKeys(c: { name: string; phone: string; email: string }): string[] {
  const keys = new Set<string>()
  const name = c.name.trim().toLowerCase()
  if (name) {
    keys.add(name)
    for (const part of name.split(/\s+/)) if (part) keys.add(part)
  }
  const digits = c.phone.replace(/\D/g, '')
  if (digits) keys.add(digits)
  if (c.email) keys.add(c.email.toLowerCase())
  return [...keys]
}
