import { getDb } from '../../data/database'
import { SyncRuntime } from '../../data/sync/runtime'
import { getPlatform } from '../../platform'

let runtime: SyncRuntime | null = null

/** The window's sync runtime, bound to the real database and the platform's token store. */
export function getSyncRuntime(): SyncRuntime {
  runtime ??= new SyncRuntime(getDb(), getPlatform())
  return runtime
}
