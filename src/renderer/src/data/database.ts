import { DeskDb } from './db'

let instance: DeskDb | null = null

/** The one database of this window. Tests and benchmarks may pass another name. */
export function getDb(): DeskDb {
  instance ??= new DeskDb()
  return instance
}

/** Ask the browser not to evict offline data under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false
  } catch {
    return false
  }
}
