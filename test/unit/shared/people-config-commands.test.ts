import { defaultDeskConfig, type RoutingRule } from '@shared/config/model'
import { describe, expect, it } from 'vitest'
import { Desk, ids, seededDesk, uuid } from './fixtures'

const missing = uuid(999, 'b')

describe('contact.create / contact.update', () => {
  it('stores a contact with lower-cased search keys', async () => {
    const desk = await seededDesk()
    const smith = desk.store.tables.contacts.get(ids.contactSmith)
    expect(smith).toMatchObject({
      name: 'John Smith',
      vip: false,
      department: 'Sales'
    })
    expect(smith?.keys.sort()).toEqual(['john', 'john smith', 'john.smith@example.com', 'smith'].sort())
    expect(desk.store.tables.contacts.get(ids.contactZhang)?.keys).toEqual(['张伟', '8613800000000'])
  })

  it('updates fields and re-derives the keys', async () => {
    const desk = await seededDesk()
    await desk.run('contact.update', {
      id: ids.contactSmith,
      fields: { phone: '+44 20 7946 0000', vip: true }
    })
    const c = desk.store.tables.contacts.get(ids.contactSmith)
    expect(c).toMatchObject({
      phone: '+44 20 7946 0000',
      vip: true,
      email: 'John.Smith@example.com'
    })
    expect(c?.keys).toContain('442079460000')
  })

  it('refuses a contact nobody can reach, bad fields, a duplicate id and an unknown contact', async () => {
    const desk = await seededDesk()
    const base = {
      id: uuid(9, 'c'),
      name: 'Li Na',
      phone: '',
      email: '',
      department: '',
      vip: false
    }
    expect((await desk.refuse('contact.create', base)).issues).toEqual({
      phone: 'phone or email required'
    })
    const bad = await desk.refuse('contact.create', {
      ...base,
      name: '',
      phone: 'call me',
      email: 'nope'
    })
    expect(bad.code).toBe('validation')
    expect(Object.keys(bad.issues).sort()).toEqual(['email', 'name', 'phone'])
    expect(
      (
        await desk.refuse('contact.create', {
          ...base,
          id: ids.contactZhang,
          phone: '123'
        })
      ).code
    ).toBe('conflict')
    expect(
      (
        await desk.refuse('contact.update', {
          id: uuid(9, 'c'),
          fields: { vip: true }
        })
      ).code
    ).toBe('not_found')
    expect(
      (
        await desk.refuse('contact.update', {
          id: ids.contactZhang,
          fields: { phone: '' }
        })
      ).issues
    ).toEqual({ phone: 'phone or email required' })
    expect(
      (
        await desk.refuse('contact.update', {
          id: ids.contactZhang,
          fields: { keys: [] }
        })
      ).code
    ).toBe('validation')
  })
})

describe('team.upsert / agent.upsert / service.upsert', () => {
  it('creates and then updates, keeping createdAt', async () => {
    const desk = await seededDesk()
    const created = desk.store.tables.teams.get(ids.teamDesk)!
    expect(created).toMatchObject({
      name: 'Service Desk',
      kind: 'service_desk',
      leadId: '',
      active: true
    })
    const env = await desk.run('team.upsert', {
      id: ids.teamDesk,
      name: '服务台',
      kind: 'service_desk',
      leadId: ids.agentAlice
    })
    expect(desk.store.tables.teams.get(ids.teamDesk)).toMatchObject({
      name: '服务台',
      leadId: ids.agentAlice,
      createdAt: created.createdAt,
      updatedAt: env.occurredAt
    })
    expect(desk.store.tables.agents.get(ids.agentBob)).toMatchObject({
      role: 'specialist',
      tier: 'L2',
      active: true
    })
    expect(desk.store.tables.services.get(ids.serviceMail)).toMatchObject({
      type: 'service',
      ownerTeamId: ids.teamDesk
    })
  })

  it('refuses unknown references and invalid fields', async () => {
    const desk = new Desk()
    expect(
      (
        await desk.refuse('team.upsert', {
          id: missing,
          name: 'X',
          kind: 'network',
          leadId: uuid(5, 'a')
        })
      ).issues
    ).toEqual({
      leadId: 'unknown agent'
    })
    expect(
      (
        await desk.refuse('team.upsert', {
          id: missing,
          name: '',
          kind: 'catering'
        })
      ).issues
    ).toHaveProperty('kind')
    const agent = {
      id: uuid(5, 'a'),
      name: 'Eve',
      email: '',
      role: 'agent',
      teamId: missing,
      tier: 'L1'
    }
    expect((await desk.refuse('agent.upsert', agent)).issues).toEqual({
      teamId: 'unknown team'
    })
    expect(
      (
        await desk.refuse('agent.upsert', {
          ...agent,
          teamId: '',
          email: 'eve@',
          tier: 'L4'
        })
      ).issues
    ).toEqual({
      email: 'not a valid email address',
      tier: expect.any(String)
    })
    const service = {
      id: uuid(5, 'd'),
      name: 'VPN',
      type: 'service',
      category: 'network',
      ownerTeamId: missing
    }
    expect((await desk.refuse('service.upsert', service)).issues).toEqual({
      ownerTeamId: 'unknown team'
    })
    expect(
      (
        await desk.refuse('service.upsert', {
          ...service,
          ownerTeamId: '',
          type: 'app'
        })
      ).issues
    ).toHaveProperty('type')
  })
})

describe('config.set', () => {
  it('replaces the priority matrix used by new tickets', async () => {
    const desk = await seededDesk()
    const matrix = [
      ['P1', 'P1', 'P2'],
      ['P2', 'P2', 'P3'],
      ['P3', 'P3', 'P4']
    ]
    await desk.run('config.set', { key: 'priorityMatrix', value: matrix })
    expect(desk.store.config.priorityMatrix).toEqual(matrix)
    expect(desk.store.config.categoryTree).toEqual(defaultDeskConfig.categoryTree)
  })

  it('stores routing rules that point at real teams and subcategories', async () => {
    const desk = await seededDesk()
    const rules: RoutingRule[] = [
      {
        id: 'r1',
        category: 'network',
        subcategory: 'vpn',
        teamId: ids.teamNetwork,
        assigneeId: ids.agentBob
      }
    ]
    await desk.run('config.set', { key: 'routingRules', value: rules })
    expect(desk.store.config.routingRules).toEqual(rules)
  })

  it('refuses bad routing rules with issues per rule field', async () => {
    const desk = await seededDesk()
    const err = await desk.refuse('config.set', {
      key: 'routingRules',
      value: [
        {
          id: 'ok',
          category: 'network',
          subcategory: '',
          teamId: ids.teamNetwork,
          assigneeId: ''
        },
        {
          id: 'bad',
          category: 'network',
          subcategory: 'printer',
          teamId: missing,
          assigneeId: uuid(7, 'a')
        }
      ]
    })
    expect(err.code).toBe('validation')
    expect(err.issues).toEqual({
      'value.1.teamId': 'unknown team',
      'value.1.assigneeId': 'unknown agent',
      'value.1.subcategory': 'not a subcategory of network'
    })
  })

  it('refuses a malformed matrix, an incomplete category tree and unknown keys', async () => {
    const desk = await seededDesk()
    const matrix = await desk.refuse('config.set', {
      key: 'priorityMatrix',
      value: [['P1', 'P2', 'P3']]
    })
    expect(matrix.issues).toHaveProperty('value')
    const cell = await desk.refuse('config.set', {
      key: 'priorityMatrix',
      value: [
        ['P1', 'P2', 'P3'],
        ['P2', 'P9', 'P4'],
        ['P3', 'P4', 'P4']
      ]
    })
    expect(Object.keys(cell.issues)).toEqual(['value.1.1'])
    const tree = await desk.refuse('config.set', {
      key: 'categoryTree',
      value: { hardware: ['printer'] }
    })
    expect(tree.code).toBe('validation')
    expect((await desk.refuse('config.set', { key: 'theme', value: 'dark' })).code).toBe('validation')
  })
})
