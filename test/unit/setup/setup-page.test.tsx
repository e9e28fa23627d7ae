// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { metaKeys } from '../../../src/renderer/src/data/command-store'
import type { DeskDb } from '../../../src/renderer/src/data/db'
import { defaultTeams } from '../../../src/renderer/src/data/seed'
import { SetupPage } from '../../../src/renderer/src/features/setup/SetupPage'
import { renderScreen, resetDb } from '../settings/render'

let db: DeskDb

beforeEach(async () => {
  db = await resetDb()
})
afterEach(cleanup)

describe('first-run set-up', () => {
  it('refuses an empty name with a field error and writes nothing', async () => {
    renderScreen(<SetupPage />)
    fireEvent.click(screen.getByTestId('setup-submit'))
    expect(await screen.findByText('Required')).toBeTruthy()
    expect(screen.getByTestId('setup-name').getAttribute('aria-invalid')).toBe('true')
    // Give a stray async write the chance to land before checking nothing did.
    await new Promise((r) => setTimeout(r, 50))
    expect(await db.teams.count()).toBe(0)
    expect(await db.agents.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
    expect(await db.meta.get(metaKeys.profile)).toBeUndefined()
  })

  it('refuses a malformed email before writing anything', async () => {
    renderScreen(<SetupPage />)
    fireEvent.change(screen.getByTestId('setup-name'), { target: { value: 'Li Wei' } })
    fireEvent.change(screen.getByTestId('setup-email'), { target: { value: 'li.wei@' } })
    fireEvent.click(screen.getByTestId('setup-submit'))
    expect(await screen.findByText('Not a valid email address')).toBeTruthy()
    expect(await db.outbox.count()).toBe(0)
  })

  it('creates the default teams, the agent and the profile, all queued in the outbox', async () => {
    renderScreen(<SetupPage />)
    fireEvent.change(screen.getByTestId('setup-name'), { target: { value: '  王芳  ' } })
    fireEvent.change(screen.getByTestId('setup-email'), { target: { value: 'wang.fang@example.com' } })
    fireEvent.click(screen.getByTestId('setup-submit'))

    await waitFor(async () => expect(await db.meta.get(metaKeys.profile)).toBeDefined())
    const profile = (await db.meta.get(metaKeys.profile))!.value as { agentId: string }
    const agent = await db.agents.get(profile.agentId)
    expect(agent).toMatchObject({
      name: '王芳',
      email: 'wang.fang@example.com',
      role: 'agent',
      tier: 'L1',
      active: true
    })
    // The default selection is the L1 service desk, which now exists as a real team.
    expect(agent!.teamId).toBe(defaultTeams[0].id)
    expect((await db.teams.toArray()).map((t) => t.name).sort()).toEqual(defaultTeams.map((t) => t.name).sort())

    const outbox = await db.outbox.orderBy('seq').toArray()
    const names = outbox.map((e) => e.name)
    expect(names.filter((n) => n === 'team.upsert')).toHaveLength(defaultTeams.length)
    expect(names).toContain('service.upsert')
    expect(names).toContain('config.set')
    // The agent comes after the teams it refers to, and every command is made by the new agent.
    expect(names.at(-1)).toBe('agent.upsert')
    expect(new Set(outbox.map((e) => e.actorId))).toEqual(new Set([profile.agentId]))
  })
})
