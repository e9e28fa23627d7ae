/**
 * The agent's few desktop preferences (theme, language), in userData/settings.json.
 * The console's own preferences (filters, watched queues) live in the renderer; these are the
 * ones main needs before the window exists (menu/tray language, native theme).
 */
import { z } from 'zod'
import { defaultSettings, languageSchema, settingsSchema, themeSchema, type Settings } from '../../shared/ipc'
import type { FileStore } from './file-store'
import type { IpcRegistry } from './ipc-registry'

export const SETTINGS_FILE = 'settings.json'

/**
 * What is accepted from disk: a valid JSON object whose unknown or invalid fields fall back to
 * their defaults one by one (a value a newer version wrote must not reset everything else).
 */
const settingsFileSchema = z
  .looseObject({
    theme: themeSchema.catch(defaultSettings.theme).default(defaultSettings.theme),
    language: languageSchema.catch(defaultSettings.language).default(defaultSettings.language)
  })
  .transform(({ theme, language }): Settings => ({ theme, language }))

export class SettingsService {
  private current: Settings = { ...defaultSettings }
  private readonly listeners = new Set<(settings: Settings, previous: Settings) => void>()

  constructor(private readonly store: FileStore) {}

  async load(): Promise<Settings> {
    this.current = await this.store.readJson<Settings>(SETTINGS_FILE, settingsFileSchema, { ...defaultSettings })
    return this.get()
  }

  get(): Settings {
    return { ...this.current }
  }

  /** Validates the merged result, saves it, then tells listeners. Refuses invalid values. */
  async set(patch: Partial<Settings>): Promise<Settings> {
    const next = settingsSchema.parse({ ...this.current, ...patch })
    const previous = this.current
    await this.store.writeJson(SETTINGS_FILE, next)
    this.current = next
    for (const listener of this.listeners) {
      try {
        listener({ ...next }, { ...previous })
      } catch (error) {
        console.warn('[settings] listener failed', error)
      }
    }
    return this.get()
  }

  onChange(listener: (settings: Settings, previous: Settings) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  register(ipc: IpcRegistry): void {
    ipc.handle('settings.get', () => this.get())
    ipc.handle('settings.set', (patch) => this.set(patch))
  }
}
