import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/ids'
import { routeTicket } from '@shared/config/model'
import { DexieCommandStore } from '../../../src/renderer/src/data/command-store'
import { runCommand } from '../../../src/renderer/src/data/commands'
import { DeskDb } from '../../../src/renderer/src/data/db'
import { defaultServices, defaultTeams, seedDefaults } from '../../../src/renderer/src/data/seed'

let db: DeskDb

beforeEach(async () => {
  db = new DeskDb(`seed-test-${newId()}`)
  await db.open()
})

describe('seedDefaults', () => {
  it('creates the desk teams, services and routing rules as queued commands', async () => {
    const actorId = newId()
    const result = await seedDefaults(db, actorId)
    expect(result.created).toEqual({ teams: defaultTeams.length, services: defaultServices.length, routingRules: 6 })
    expect(await db.teams.count()).toBe(defaultTeams.length)
    expect(await db.services.count()).toBe(defaultServices.length)
    expect(await db.outbox.count()).toBe(defaultTeams.length + defaultServices.length + 1)

    const config = await new DexieCommandStore(db).getConfig()
    expect(routeTicket(config.routingRules, 'network', 'vpn')?.teamId).toBe(result.teamIds.network)
    expect(routeTicket(config.routingRules, 'software', 'erp')?.teamId).toBe(result.teamIds.application)
    expect(routeTicket(config.routingRules, 'account', 'locked')?.teamId).toBe(result.teamIds.serviceDeskL1)
    expect(routeTicket(config.routingRules, 'hardware', 'laptop')?.teamId).toBe(result.teamIds.technical)
    expect(routeTicket(config.routingRules, 'security', 'phishing')?.teamId).toBe(result.teamIds.security)
  })

  it('is idempotent: a second run creates nothing and queues nothing', async () => {
    await seedDefaults(db, newId())
    const before = await db.outbox.count()
    const again = await seedDefaults(db, newId())
    expect(again.created).toEqual({ teams: 0, services: 0, routingRules: 0 })
    expect(await db.teams.count()).toBe(defaultTeams.length)
    expect(await db.services.count()).toBe(defaultServices.length)
    expect(await db.outbox.count()).toBe(before)
  })

  it('reuses a team that already exists under the same name and keeps existing routing rules', async () => {
    const actorId = newId()
    const netId = newId()
    await runCommand(
      db,
      'team.upsert',
      1,
      { id: netId, name: 'network SUPPORT · 网络支持', kind: 'network' },
      { actorId }
    )
    const rules = [{ id: 'mine', category: 'network', subcategory: '', teamId: netId, assigneeId: '' }]
    await runCommand(db, 'config.set', 1, { key: 'routingRules', value: rules }, { actorId })

    const result = await seedDefaults(db, actorId)
    expect(result.teamIds.network).toBe(netId)
    expect(result.created.teams).toBe(defaultTeams.length - 1)
    expect(result.created.routingRules).toBe(0)
    expect((await db.teams.toArray()).filter((t) => t.kind === 'network')).toHaveLength(1)
    expect((await new DexieCommandStore(db).getConfig()).routingRules).toEqual(rules)
    // Services owned by network support point at the team that was already there.
    expect(
      (await db.services.toArray()).filter((s) => s.category === 'network').every((s) => s.ownerTeamId === netId)
    ).toBe(true)
  })
})
