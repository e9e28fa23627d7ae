import { describe, expect, it } from 'vitest'
import { demoReference } from '../../../src/shared/demo/generator'
import { defaultTeams } from '../../../src/shared/people/default-teams'

describe('demo desk', () => {
  it('uses the standard teams of first-run set-up, so loading demo data adds no look-alike teams', () => {
    const teams = demoReference().teams
    expect(teams.map((t) => t.id).sort()).toEqual(defaultTeams.map((t) => t.id).sort())
    for (const t of teams) expect(t.name).toBe(defaultTeams.find((d) => d.id === t.id)!.name)
  })
})
