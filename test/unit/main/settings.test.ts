import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ nativeTheme: { themeSource: 'system' } }))

import { ipcContract } from '../../../src/shared/ipc'
import { JsonFileStore } from '../../../src/main/services/file-store'
import { IpcRegistry } from '../../../src/main/services/ipc-registry'
import { labelsFor, resolveLanguage } from '../../../src/main/services/labels'
import { SETTINGS_FILE, SettingsService } from '../../../src/main/services/settings-service'
import { FakeIpcMain } from './helpers'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-settings-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('SettingsService', () => {
  it('starts on system theme and system language', async () => {
    const settings = new SettingsService(new JsonFileStore(dir))
    await expect(settings.load()).resolves.toEqual({ theme: 'system', language: 'system' })
  })

  it('saves a change so it is still there after a restart', async () => {
    const first = new SettingsService(new JsonFileStore(dir))
    await first.load()
    await expect(first.set({ language: 'zh-CN' })).resolves.toEqual({ theme: 'system', language: 'zh-CN' })
    const afterRestart = new SettingsService(new JsonFileStore(dir))
    await expect(afterRestart.load()).resolves.toEqual({ theme: 'system', language: 'zh-CN' })
  })

  it('refuses an invalid value and keeps the saved settings', async () => {
    const settings = new SettingsService(new JsonFileStore(dir))
    await settings.load()
    await settings.set({ theme: 'dark' })
    await expect(settings.set({ theme: 'sepia' as never })).rejects.toThrow()
    expect(settings.get()).toEqual({ theme: 'dark', language: 'system' })
    expect(JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8'))).toEqual({ theme: 'dark', language: 'system' })
  })

  it('keeps the valid fields of a file with one bad value (e.g. written by a newer version)', async () => {
    await writeFile(join(dir, SETTINGS_FILE), JSON.stringify({ theme: 'dark', language: 'fr', density: 'compact' }))
    const settings = new SettingsService(new JsonFileStore(dir))
    await expect(settings.load()).resolves.toEqual({ theme: 'dark', language: 'system' })
  })

  it('tells listeners (menu language, native theme) what changed', async () => {
    const settings = new SettingsService(new JsonFileStore(dir))
    await settings.load()
    const listener = vi.fn()
    settings.onChange(listener)
    await settings.set({ language: 'en' })
    expect(listener).toHaveBeenCalledWith({ theme: 'system', language: 'en' }, { theme: 'system', language: 'system' })
  })

  it('answers settings.get / settings.set over IPC and refuses bad values there', async () => {
    const ipc = new FakeIpcMain()
    const registry = new IpcRegistry(ipc, ipcContract, { isTrustedSender: (u) => !!u?.startsWith('app://desk/') })
    const settings = new SettingsService(new JsonFileStore(dir))
    await settings.load()
    settings.register(registry)
    for (const channel of Object.keys(ipcContract))
      if (!channel.startsWith('settings.')) registry.handle(channel as never, (() => undefined) as never)
    registry.start()
    await expect(ipc.invoke('settings.set', { theme: 'light' })).resolves.toEqual({
      theme: 'light',
      language: 'system'
    })
    await expect(ipc.invoke('settings.set', { language: 'de' })).rejects.toThrow(
      /settings\.set: invalid request — language:/
    )
    await expect(ipc.invoke('settings.get', {})).resolves.toEqual({ theme: 'light', language: 'system' })
  })
})

describe('language for main’s own words', () => {
  it('follows a Chinese OS when set to system, and an explicit choice otherwise', () => {
    expect(resolveLanguage('system', 'zh-CN')).toBe('zh-CN')
    expect(resolveLanguage('system', 'zh-TW')).toBe('zh-CN')
    expect(resolveLanguage('system', 'en-GB')).toBe('en')
    expect(resolveLanguage('en', 'zh-CN')).toBe('en')
    expect(labelsFor('zh-CN').newIncident).toBe('新建事件')
  })
})
