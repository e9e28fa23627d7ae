import { z } from 'zod'
import { idSchema, text } from '../common'
import { defineCommand, validationError } from '../command/define'
import { CommandError } from '../command/types'
import { categorySchema, tierSchema } from '../ticket/model'
import { contactFieldsSchema, contactKeys, roleSchema, teamKinds, type Contact } from './model'

export const contactCreateArgs = contactFieldsSchema.extend({ id: idSchema })

export const contactCreate = defineCommand({
  name: 'contact.create',
  version: 1,
  args: contactCreateArgs,
  async apply(store, a, ctx) {
    if (await store.get('contacts', a.id)) throw new CommandError('conflict', `contact ${a.id} already exists`, { id: 'exists' })
    if (!a.phone && !a.email) throw validationError('a contact needs a way to reach them', { phone: 'phone or email required' })
    const contact: Contact = {
      ...a,
      keys: contactKeys(a),
      createdAt: ctx.occurredAt,
      updatedAt: ctx.occurredAt
    }
    await store.put('contacts', contact)
  }
})

export const contactUpdateArgs = z.object({ id: idSchema, fields: contactFieldsSchema.partial().strict() })

export const contactUpdate = defineCommand({
  name: 'contact.update',
  version: 1,
  args: contactUpdateArgs,
  async apply(store, a, ctx) {
    const contact = await store.get('contacts', a.id)
    if (!contact) throw new CommandError('not_found', `contact ${a.id} does not exist`, { id: 'not found' })
    const next = { ...contact, ...a.fields, updatedAt: ctx.occurredAt }
    if (!next.phone && !next.email) throw validationError('a contact needs a way to reach them', { phone: 'phone or email required' })
    await store.put('contacts', { ...next, keys: contactKeys(next) })
  }
})

export const teamUpsertArgs = z.object({
  id: idSchema,
  name: text(1, 80),
  kind: z.enum(teamKinds),
  leadId: z.string().default(''),
  active: z.boolean().default(true)
})

export const teamUpsert = defineCommand({
  name: 'team.upsert',
  version: 1,
  args: teamUpsertArgs,
  async apply(store, a, ctx) {
    if (a.leadId && !(await store.get('agents', a.leadId))) throw validationError('invalid team', { leadId: 'unknown agent' })
    const existing = await store.get('teams', a.id)
    await store.put('teams', { ...a, createdAt: existing?.createdAt ?? ctx.occurredAt, updatedAt: ctx.occurredAt })
  }
})

export const agentUpsertArgs = z.object({
  id: idSchema,
  name: text(1, 120),
  email: z.union([z.literal(''), z.email('not a valid email address')]).default(''),
  role: roleSchema,
  teamId: z.string(),
  tier: tierSchema,
  active: z.boolean().default(true)
})

export const agentUpsert = defineCommand({
  name: 'agent.upsert',
  version: 1,
  args: agentUpsertArgs,
  async apply(store, a, ctx) {
    if (a.teamId && !(await store.get('teams', a.teamId))) throw validationError('invalid agent', { teamId: 'unknown team' })
    const existing = await store.get('agents', a.id)
    await store.put('agents', { ...a, createdAt: existing?.createdAt ?? ctx.occurredAt, updatedAt: ctx.occurredAt })
  }
})

export const serviceUpsertArgs = z.object({
  id: idSchema,
  name: text(1, 120),
  type: z.enum(['service', 'ci']),
  category: categorySchema,
  ownerTeamId: z.string().default(''),
  active: z.boolean().default(true)
})

export const serviceUpsert = defineCommand({
  name: 'service.upsert',
  version: 1,
  args: serviceUpsertArgs,
  async apply(store, a, ctx) {
    if (a.ownerTeamId && !(await store.get('teams', a.ownerTeamId)))
      throw validationError('invalid service', { ownerTeamId: 'unknown team' })
    const existing = await store.get('services', a.id)
    await store.put('services', { ...a, createdAt: existing?.createdAt ?? ctx.occurredAt, updatedAt: ctx.occurredAt })
  }
})

export const peopleCommands = [contactCreate, contactUpdate, teamUpsert, agentUpsert, serviceUpsert] as const
