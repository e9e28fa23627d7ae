// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultPriorityMatrix } from '@shared/config/model'
import { newId } from '@shared/ids'
import { DexieCommandStore, metaKeys } from '../../../src/renderer/src/data/command-store'
import { runCommand } from '../../../src/renderer/src/data/commands'
import type { DeskDb } from '../../../src/renderer/src/data/db'
import { PriorityTab } from '../../../src/renderer/src/features/settings/components/PriorityTab'
import { RoutingTab } from '../../../src/renderer/src/features/settings/components/RoutingTab'
import { renderScreen, resetDb } from './render'

let db: DeskDb
const me = newId()

beforeEach(async () => {
  db = await resetDb()
  await db.meta.put({ key: metaKeys.profile, value: { agentId: me } })
})
afterEach(cleanup)

/** Opens a Mantine Select and picks an option by its visible label. */
async function choose(input: HTMLElement, label: string): Promise<void> {
  fireEvent.click(input)
  // Mantine animates the dropdown in; happy-dom never finishes the transition, so the options are
  // present but count as hidden for accessibility queries.
  await waitFor(() => expect(input.getAttribute('aria-controls')).toBeTruthy())
  const listbox = document.getElementById(input.getAttribute('aria-controls')!)!
  fireEvent.click(within(listbox).getByRole('option', { name: label, hidden: true }))
}

describe('priority matrix tab', () => {
  it('persists an edited cell through config.set and queues it', async () => {
    renderScreen(<PriorityTab />)
    const cell = await screen.findByTestId('priority-cell-1-3')
    expect((cell as HTMLInputElement).value).toBe('P3 · Medium')
    await choose(cell, 'P2 · High')
    const save = screen.getByTestId('priority-save')
    await waitFor(() => expect(save.hasAttribute('disabled')).toBe(false))
    fireEvent.click(save)

    await waitFor(async () => expect((await new DexieCommandStore(db).getConfig()).priorityMatrix[0][2]).toBe('P2'))
    const matrix = (await new DexieCommandStore(db).getConfig()).priorityMatrix
    // Only the edited cell changed.
    expect(matrix.flat().filter((p, i) => p !== defaultPriorityMatrix.flat()[i])).toEqual(['P2'])
    const queued = await db.outbox.toArray()
    expect(queued).toHaveLength(1)
    expect(queued[0]).toMatchObject({ name: 'config.set', actorId: me, args: { key: 'priorityMatrix', value: matrix } })
  })

  it('resets to the ITIL default matrix', async () => {
    const custom = defaultPriorityMatrix.map((row) => row.map(() => 'P4' as const))
    await runCommand(db, 'config.set', 1, { key: 'priorityMatrix', value: custom }, { actorId: me })
    renderScreen(<PriorityTab />)
    await waitFor(() => expect(screen.getByTestId<HTMLInputElement>('priority-cell-1-1').value).toBe('P4 · Low'))
    fireEvent.click(screen.getByTestId('priority-reset'))
    fireEvent.click(screen.getByTestId('priority-save'))
    await waitFor(async () =>
      expect((await new DexieCommandStore(db).getConfig()).priorityMatrix).toEqual(defaultPriorityMatrix)
    )
  })
})

describe('routing rules tab', () => {
  it('shows the refusal of an unknown team on its row and changes nothing', async () => {
    const teamId = newId()
    await runCommand(db, 'team.upsert', 1, { id: teamId, name: 'Network support', kind: 'network' }, { actorId: me })
    const valid = { id: 'r1', category: 'network', subcategory: '', teamId, assigneeId: '' }
    await runCommand(db, 'config.set', 1, { key: 'routingRules', value: [valid] }, { actorId: me })
    const ghost = newId()
    renderScreen(<RoutingTab />)

    await screen.findAllByTestId('routing-row')
    fireEvent.click(screen.getByTestId('routing-add'))
    await waitFor(() => expect(screen.getAllByTestId('routing-row')).toHaveLength(2))
    // A new rule without a team: the command's own schema refuses `value.1.teamId`.
    fireEvent.click(screen.getByTestId('routing-save'))
    const row = screen.getAllByTestId('routing-row')[1]
    expect(await within(row).findByText('Required')).toBeTruthy()

    await choose(within(row).getByTestId('routing-team-1'), 'Network support')
    expect(within(row).queryByText('Required')).toBeNull()
    const before = await db.outbox.count()

    // A stored rule naming a team this workstation does not know (e.g. synced before its team):
    // the select lists it as unknown, and saving shows config.set's refusal on that row only.
    await db.meta.put({
      key: metaKeys.config,
      value: { ...(await new DexieCommandStore(db).getConfig()), routingRules: [{ ...valid, teamId: ghost }] }
    })
    cleanup()
    renderScreen(<RoutingTab />)
    await waitFor(() => expect(screen.getByTestId<HTMLInputElement>('routing-team-0').value).toMatch(/^Unknown team/))
    fireEvent.click(screen.getByTestId('routing-add'))
    await choose(await screen.findByTestId('routing-team-1'), 'Network support')
    fireEvent.click(screen.getByTestId('routing-save'))

    const first = screen.getAllByTestId('routing-row')[0]
    expect(await within(first).findByText('Unknown team')).toBeTruthy()
    expect(within(screen.getAllByTestId('routing-row')[1]).queryByText('Unknown team')).toBeNull()
    expect(await db.outbox.count()).toBe(before)
    expect((await new DexieCommandStore(db).getConfig()).routingRules).toEqual([{ ...valid, teamId: ghost }])
  })
})
