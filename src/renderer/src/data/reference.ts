import { useLiveQuery } from 'dexie-react-hooks'
import { defaultDeskConfig, type DeskConfig } from '@shared/config/model'
import type { Agent, Service, Team } from '@shared/people/model'
import { metaKeys } from './command-store'
import { getDb } from './database'

/** The local agent's profile: which agent record is "me" on this workstation. */
export interface Profile {
  agentId: string
}

export function useProfile(): Profile | null | undefined {
  return useLiveQuery(async () => ((await getDb().meta.get(metaKeys.profile))?.value as Profile | undefined) ?? null, [])
}

export async function setProfile(profile: Profile): Promise<void> {
  await getDb().meta.put({ key: metaKeys.profile, value: profile })
}

export function useTeams(): Team[] {
  return useLiveQuery(() => getDb().teams.toArray(), []) ?? []
}

export function useAgents(): Agent[] {
  return useLiveQuery(() => getDb().agents.toArray(), []) ?? []
}

export function useServices(): Service[] {
  return useLiveQuery(() => getDb().services.orderBy('name').toArray(), []) ?? []
}

export function useDeskConfig(): DeskConfig {
  return (
    useLiveQuery(async () => {
      const row = await getDb().meta.get(metaKeys.config)
      return { ...defaultDeskConfig, ...((row?.value as Partial<DeskConfig> | undefined) ?? {}) }
    }, []) ?? defaultDeskConfig
  )
}

/** The current agent record, or undefined while loading / before set-up. */
export function useMe(): Agent | undefined {
  const profile = useProfile()
  return useLiveQuery(async () => (profile ? getDb().agents.get(profile.agentId) : undefined), [profile?.agentId])
}

export function useOutboxCount(): number {
  return useLiveQuery(() => getDb().outbox.count(), []) ?? 0
}
