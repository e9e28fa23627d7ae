import { MemoryStore } from '@shared/command/memory-store'
import { executeCommand } from '@shared/command/registry'
import type { CommandEnvelope } from '@shared/command/types'
import { describe, expect, it } from 'vitest'
import { createArgs, Desk, ids, seededDesk, uuid } from './fixtures'

const T1 = uuid(1, '7')
const T2 = uuid(2, '7')

/** A busy ticket's worth of commands, as an outbox would carry them. */
async function recordSession(): Promise<{
  envelopes: CommandEnvelope[]
  desk: Desk
}> {
  const desk = await seededDesk()
  const script: Array<[string, unknown]> = [
    ['ticket.create', createArgs(T1)],
    [
      'ticket.create',
      createArgs(T2, {
        kind: 'request',
        category: 'account',
        subcategory: 'new_account'
      })
    ],
    ['ticket.assign', { ticketId: T1, teamId: ids.teamDesk, assigneeId: ids.agentAlice }],
    [
      'ticket.escalate',
      {
        ticketId: T1,
        toTier: 'L2',
        toTeamId: ids.teamNetwork,
        reason: 'Needs network'
      }
    ],
    ['ticket.assign', { ticketId: T1, teamId: ids.teamNetwork, assigneeId: ids.agentBob }],
    ['ticket.transition', { ticketId: T1, from: 'assigned', to: 'in_progress' }],
    [
      'comment.add',
      {
        id: uuid(1, 'f'),
        ticketId: T1,
        visibility: 'public',
        body: '正在处理'
      }
    ],
    ['ticket.link', { ticketId: T2, targetId: T1, type: 'related' }],
    ['ticket.setFields', { ticketId: T1, fields: { urgency: 1 } }],
    [
      'ticket.transition',
      {
        ticketId: T1,
        from: 'in_progress',
        to: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'Done'
      }
    ]
  ]
  const envelopes: CommandEnvelope[] = []
  for (const [name, args] of script) envelopes.push(await desk.run(name, args))
  return { envelopes, desk }
}

describe('timeline ids', () => {
  it('the same commands on two stores produce identical rows, so sync can match them', async () => {
    const { envelopes, desk } = await recordSession()
    // A second replica (the desk server) starts from the same reference data and replays the outbox.
    const replica = await seededDesk()
    for (const env of envelopes) await executeCommand(replica.store, env)
    expect([...replica.store.tables.ticketEvents.entries()].sort()).toEqual(
      [...desk.store.tables.ticketEvents.entries()].sort()
    )
    expect([...replica.store.tables.tickets.entries()].sort()).toEqual([...desk.store.tables.tickets.entries()].sort())
  })

  it('side-effect events get distinct ids derived from their command', async () => {
    const { envelopes, desk } = await recordSession()
    const events = [...desk.store.tables.ticketEvents.values()]
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length)
    for (const e of events) {
      const env = envelopes.find((x) => x.id === e.commandId)
      expect(env, `event ${e.id} names its command`).toBeDefined()
      if (e.type !== 'comment' && e.type !== 'worklog') expect(e.id.slice(0, 32)).toBe(env!.id.slice(0, 32))
    }
    // An escalation that also changes the status writes two rows from one command.
    const escalate = envelopes[3]
    expect(events.filter((e) => e.commandId === escalate.id).map((e) => e.type)).toEqual(['escalation', 'status'])
  })

  it('a comment keeps the id the client gave it', async () => {
    const { desk } = await recordSession()
    expect(desk.store.tables.ticketEvents.get(uuid(1, 'f'))).toMatchObject({
      type: 'comment',
      body: '正在处理'
    })
  })

  it('replaying from an empty store refuses the commands whose references are missing', async () => {
    const { envelopes } = await recordSession()
    await expect(executeCommand(new MemoryStore(), envelopes[0])).rejects.toMatchObject({
      code: 'validation',
      issues: { requesterId: 'unknown requester' }
    })
  })
})
