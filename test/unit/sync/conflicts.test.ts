import 'fake-indexeddb/auto'
import i18next from 'i18next'
import { afterEach, describe, expect, it } from 'vitest'
import { discardConflict, reapplyConflict } from '../../../src/renderer/src/data/sync/conflicts'
import { normaliseServerUrl } from '../../../src/renderer/src/data/sync/http-transport'
import { validateConnect } from '../../../src/renderer/src/features/sync/connect-form'
import { syncMessages } from '../../../src/renderer/src/features/sync/locales'
import { closeAll, ref, seededServer, ticketArgs, workstation } from './harness'

afterEach(closeAll)

async function refusedTransition(): Promise<{ a: Awaited<ReturnType<typeof workstation>>; id: string }> {
  const server = await seededServer()
  const a = await workstation(server, ref.alice)
  const b = await workstation(server, ref.bob)
  await a.sync()
  const args = ticketArgs()
  await a.run('ticket.create', args)
  await a.sync()
  await b.sync()
  const id = args.id as string
  await b.run('ticket.transition', { ticketId: id, from: 'new', to: 'in_progress' })
  await b.sync()
  await a.run('ticket.transition', {
    ticketId: id,
    from: 'new',
    to: 'resolved',
    resolutionCode: 'fixed',
    resolutionNotes: '重启后恢复'
  })
  await a.sync()
  expect(await a.db.conflicts.count()).toBe(1)
  return { a, id }
}

describe('conflicts inbox actions', () => {
  it('re-apply runs the agent’s intent on the current data and queues it again', async () => {
    const { a, id } = await refusedTransition()
    const [conflict] = await a.db.conflicts.toArray()
    await reapplyConflict(a.db, conflict.id, ref.alice)
    expect(await a.db.conflicts.count()).toBe(0)
    expect((await a.db.tickets.get(id))?.status).toBe('resolved')
    const [queued] = await a.db.outbox.toArray()
    expect(queued).toMatchObject({ name: 'ticket.transition', args: { from: 'in_progress', to: 'resolved' } })
    expect(queued.id).not.toBe(conflict.id)
    await a.sync()
    expect(await a.db.outbox.count()).toBe(0)
    expect(await a.db.conflicts.count()).toBe(0)
  })

  it('a re-apply refused here too leaves the conflict in the inbox; discard removes it', async () => {
    const { a, id } = await refusedTransition()
    await a.run('ticket.transition', { ticketId: id, from: 'in_progress', to: 'cancelled', reason: '重复报障' })
    await a.sync()
    const [conflict] = await a.db.conflicts.toArray()
    await expect(reapplyConflict(a.db, conflict.id, ref.alice)).rejects.toMatchObject({ code: 'invalid_transition' })
    expect(await a.db.conflicts.count()).toBe(1)
    expect(await a.db.outbox.count()).toBe(0)
    await discardConflict(a.db, conflict.id)
    expect(await a.db.conflicts.count()).toBe(0)
  })
})

describe('connect form', () => {
  it('names each bad field and accepts a bare host:port', async () => {
    await i18next.init({ lng: 'en', resources: { en: { sync: syncMessages.en } }, ns: ['sync'] })
    expect(validateConnect({ serverUrl: '', email: 'x', password: '' }, i18next.t)).toEqual({
      serverUrl: 'Required',
      email: 'Enter an email address',
      password: 'Required'
    })
    expect(validateConnect({ serverUrl: 'ftp://desk', email: 'a@desk.test', password: 'p' }, i18next.t)).toEqual({
      serverUrl: 'Enter an http:// or https:// address'
    })
    expect(
      validateConnect({ serverUrl: 'desk.example.com:8787', email: 'a@desk.test', password: 'p' }, i18next.t)
    ).toEqual({})
    expect(normaliseServerUrl(' desk.example.com:8787/ ')).toBe('http://desk.example.com:8787')
    expect(normaliseServerUrl('https://desk.example.com/desk/')).toBe('https://desk.example.com/desk')
  })

  it('every sync string exists in both languages', () => {
    const keys = (o: object, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' && v ? keys(v as object, `${p}${k}.`) : [`${p}${k}`]
      )
    expect(keys(syncMessages['zh-CN']).sort()).toEqual(keys(syncMessages.en).sort())
  })
})
