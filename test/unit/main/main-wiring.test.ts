/**
 * Starts src/main/index.ts against a mocked Electron and checks what a launch must do: the
 * order-sensitive setup before `ready`, the window it opens, and every IPC channel answered.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const h = vi.hoisted(() => ({
  calls: [] as string[],
  userData: '',
  gotLock: true,
  ready: undefined as undefined | (() => void),
  windows: [] as Array<{ options: Record<string, unknown>; loaded?: string }>,
  ipc: new Map<string, (...args: unknown[]) => unknown>()
}))

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events')
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getPath: vi.fn((name: string) => (name === 'userData' ? h.userData : join(h.userData, name))),
    setPath: vi.fn((name: string, value: string) => {
      h.calls.push(`setPath:${name}`)
      if (name === 'userData') h.userData = value
    }),
    setAppUserModelId: vi.fn(() => h.calls.push('setAppUserModelId')),
    enableSandbox: vi.fn(() => h.calls.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => (h.calls.push('requestSingleInstanceLock'), h.gotLock)),
    quit: vi.fn(() => h.calls.push('quit')),
    whenReady: vi.fn(() => new Promise<void>((resolve) => (h.ready = resolve))),
    getAppPath: vi.fn(() => '/opt/desk-console'),
    getLocale: vi.fn(() => 'zh-CN'),
    getPreferredSystemLanguages: vi.fn(() => ['zh-Hans-CN', 'en-US']),
    getName: vi.fn(() => 'Desk Console'),
    getVersion: vi.fn(() => '0.1.0'),
    setBadgeCount: vi.fn()
  })
  class BrowserWindow extends EventEmitter {
    webContents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler: vi.fn(),
      isDestroyed: () => false,
      send: vi.fn()
    })
    record: { options: Record<string, unknown>; loaded?: string }
    constructor(options: Record<string, unknown>) {
      super()
      this.record = { options }
      h.windows.push(this.record)
    }
    isDestroyed = (): boolean => false
    isVisible = (): boolean => true
    isMinimized = (): boolean => false
    isMaximized = (): boolean => false
    show = vi.fn()
    hide = vi.fn()
    focus = vi.fn()
    getNormalBounds = (): object => ({ x: 0, y: 0, width: 1280, height: 800 })
    loadURL = vi.fn((url: string) => {
      this.record.loaded = url
      return Promise.resolve()
    })
  }
  class Tray extends EventEmitter {
    setContextMenu = vi.fn()
    setToolTip = vi.fn()
    setTitle = vi.fn()
    isDestroyed = (): boolean => false
  }
  const area = { x: 0, y: 0, width: 1920, height: 1040 }
  return {
    app,
    BrowserWindow,
    Tray,
    Menu: { buildFromTemplate: vi.fn((t: unknown) => ({ t })), setApplicationMenu: vi.fn() },
    nativeImage: { createFromPath: vi.fn(() => ({})) },
    nativeTheme: { themeSource: 'system', shouldUseDarkColors: false },
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: (s: string) => Buffer.from(s),
      decryptString: (b: Buffer) => b.toString()
    },
    powerMonitor: new EventEmitter(),
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => h.calls.push('registerSchemesAsPrivileged')),
      handle: vi.fn(() => h.calls.push('protocol.handle'))
    },
    screen: { getAllDisplays: vi.fn(() => [{ workArea: area }]), getPrimaryDisplay: vi.fn(() => ({ workArea: area })) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn()
      }
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    dialog: { showSaveDialog: vi.fn(), showMessageBox: vi.fn() },
    ipcMain: {
      handle: vi.fn((c: string, fn: (...args: unknown[]) => unknown) => h.ipc.set(c, fn)),
      removeHandler: vi.fn()
    }
  }
})

import { app, protocol, shell } from 'electron'
import { channelNames } from '../../../src/shared/ipc'

let base: string
beforeEach(async () => {
  vi.resetModules()
  base = await mkdtemp(join(tmpdir(), 'desk-main-'))
  h.userData = join(base, 'Desk Console')
  h.calls.length = 0
  h.windows.length = 0
  h.ipc.clear()
  h.gotLock = true
  h.ready = undefined
})
afterEach(async () => {
  vi.unstubAllEnvs()
  await rm(base, { recursive: true, force: true })
})

// What Electron's Node adds to process.versions.
for (const [name, value] of [
  ['electron', '45.4.1'],
  ['chrome', '142.0.0.0']
]) {
  if (!(name in process.versions))
    Object.defineProperty(process.versions, name, { value, configurable: true, enumerable: true })
}

async function launch(): Promise<void> {
  await import('../../../src/main/index')
  expect(h.ready, 'waits for app ready').toBeTypeOf('function')
  h.ready!()
  await vi.waitFor(() => expect(h.windows[0]?.loaded).toBeDefined())
}

describe('main process start', () => {
  it('registers the app:// scheme, sandbox and app id before ready, then opens app://desk', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', '')
    await launch()
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app' })])
    expect(app.setAppUserModelId).toHaveBeenCalledWith('com.deskconsole.app')
    expect(h.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(h.calls.indexOf('protocol.handle'))
    expect(h.calls).toContain('enableSandbox')
    expect(h.calls).not.toContain('setPath:userData')
    expect(h.windows[0].loaded).toBe('app://desk/index.html')
    expect(h.windows[0].options).toMatchObject({
      webPreferences: {
        preload: join('/opt/desk-console', 'out', 'preload', 'index.cjs'),
        sandbox: true,
        contextIsolation: true
      }
    })
  })

  it('answers every channel of the contract, and refuses other senders', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', '')
    await launch()
    expect([...h.ipc.keys()].sort()).toEqual([...channelNames].sort())
    const from = (url: string) => ({ senderFrame: { url } })
    await expect(h.ipc.get('settings.set')!(from('app://desk/index.html'), { language: 'en' })).resolves.toEqual({
      theme: 'system',
      language: 'en'
    })
    await expect(h.ipc.get('app.info')!(from('app://desk/index.html'), {})).resolves.toMatchObject({
      name: 'Desk Console',
      locale: 'zh-CN',
      isDev: false
    })
    await expect(
      h.ipc.get('shell.openExternal')!(from('https://evil.example/'), { url: 'https://x.example' })
    ).rejects.toThrow(/refused/)
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it('in dev loads the Vite server and keeps its data in a separate -dev folder', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173')
    const realFolder = h.userData
    await launch()
    expect(h.userData).toBe(`${realFolder}-dev`)
    expect(h.calls.indexOf('setPath:userData')).toBeLessThan(h.calls.indexOf('requestSingleInstanceLock'))
    expect(h.windows[0].loaded).toBe('http://localhost:5173')
  })

  it('a second copy hands over to the first and quits without opening a window', async () => {
    h.gotLock = false
    await import('../../../src/main/index')
    expect(h.calls).toContain('quit')
    expect(h.ready).toBeUndefined()
    expect(h.windows).toHaveLength(0)
  })
})
