import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({
  BrowserWindow: vi.fn(),
  screen: { getAllDisplays: vi.fn(), getPrimaryDisplay: vi.fn() },
  shell: { openExternal: vi.fn() }
}))

import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import type { FileStore } from '../../../src/main/services/file-store'
import { createSenderCheck } from '../../../src/main/services/ipc-registry'
import {
  buildWindowOptions,
  clampBounds,
  lockNavigation,
  openInBrowser,
  restrictPermissions,
  WINDOW_STATE_FILE,
  WindowService,
  type DisplaysPort,
  type PermissionSession,
  type Rect
} from '../../../src/main/services/window-service'

const isAppUrl = createSenderCheck({ appScheme: 'app', appHost: 'desk' })
const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 }
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 }
const oneScreen: DisplaysPort = { workAreas: () => [laptop], primaryWorkArea: () => laptop }
const twoScreens: DisplaysPort = { workAreas: () => [laptop, rightMonitor], primaryWorkArea: () => laptop }

function inside(rect: Rect, area: Rect): boolean {
  return (
    rect.x >= area.x &&
    rect.y >= area.y &&
    rect.x + rect.width <= area.x + area.width &&
    rect.y + rect.height <= area.y + area.height
  )
}

describe('window options', () => {
  it('turn on every renderer security flag and load the CommonJS preload', () => {
    const options = buildWindowOptions({
      preloadPath: '/app/out/preload/index.cjs',
      bounds: { x: 0, y: 0, width: 1280, height: 800 },
      isDev: false
    })
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false
    })
    expect(options.show).toBe(false)
  })
})

describe('window state restore', () => {
  it('keeps a window that is fully on a screen where it was', () => {
    expect(clampBounds({ x: 2100, y: 100, width: 1400, height: 900 }, twoScreens)).toEqual({
      x: 2100,
      y: 100,
      width: 1400,
      height: 900
    })
  })

  it('brings back a window whose monitor was unplugged, centred on the primary screen', () => {
    const restored = clampBounds({ x: 2100, y: 100, width: 1400, height: 900 }, oneScreen)
    expect(inside(restored, laptop)).toBe(true)
    expect(restored).toEqual({ x: 260, y: 70, width: 1400, height: 900 })
  })

  it('pulls a window hanging off the edge back on screen', () => {
    const restored = clampBounds({ x: 1500, y: -200, width: 1200, height: 800 }, oneScreen)
    expect(restored).toEqual({ x: 720, y: 0, width: 1200, height: 800 })
  })

  it('shrinks a window bigger than the screen and enforces the minimum size', () => {
    expect(clampBounds({ x: 0, y: 0, width: 4000, height: 3000 }, oneScreen)).toEqual(laptop)
    expect(clampBounds({ x: 10, y: 10, width: 200, height: 100 }, oneScreen)).toMatchObject({ width: 960, height: 600 })
  })

  it('opens at the default size, centred, on first start', () => {
    expect(clampBounds(undefined, oneScreen)).toEqual({ x: 320, y: 120, width: 1280, height: 800 })
  })
})

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler
  }
}

function navigate(contents: FakeContents, event: string, url: string): boolean {
  let prevented = false
  contents.emit(event, { preventDefault: () => (prevented = true) }, url)
  return prevented
}

describe('navigation lock', () => {
  it('keeps the window on the app and sends web links to the browser', () => {
    const contents = new FakeContents()
    const openExternal = vi.fn()
    lockNavigation(contents, { isAppUrl, openInBrowser: openExternal })
    expect(navigate(contents, 'will-navigate', 'app://desk/index.html#/queue')).toBe(false)
    expect(navigate(contents, 'will-navigate', 'https://phish.example/login')).toBe(true)
    expect(openExternal).toHaveBeenCalledWith('https://phish.example/login')
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(navigate(contents, 'will-redirect', 'javascript:alert(1)')).toBe(true)
    expect(openExternal).toHaveBeenCalledTimes(1)
  })

  it('never opens a new window; http(s) links from window.open go to the browser', () => {
    const contents = new FakeContents()
    const openExternal = vi.fn()
    lockNavigation(contents, { isAppUrl, openInBrowser: openExternal })
    expect(contents.openHandler!({ url: 'https://kb.example.com/a/1' })).toEqual({ action: 'deny' })
    expect(contents.openHandler!({ url: 'app://desk/index.html' })).toEqual({ action: 'deny' })
    expect(contents.openHandler!({ url: 'ms-settings:privacy' })).toEqual({ action: 'deny' })
    expect(openExternal.mock.calls).toEqual([['https://kb.example.com/a/1']])
  })

  it('hands only http(s) links to the OS browser', async () => {
    const shell = { openExternal: vi.fn((_url: string) => Promise.resolve()) }
    await expect(openInBrowser(shell, 'https://kb.example.com/a/1')).resolves.toBe(true)
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'ms-settings:',
      'javascript:alert(1)',
      'https://'
    ]) {
      await expect(openInBrowser(shell, url), url).resolves.toBe(false)
    }
    expect(shell.openExternal.mock.calls).toEqual([['https://kb.example.com/a/1']])
  })

  it('refuses to attach a <webview>', () => {
    const contents = new FakeContents()
    lockNavigation(contents, { isAppUrl, openInBrowser: vi.fn() })
    expect(navigate(contents, 'will-attach-webview', '')).toBe(true)
  })
})

describe('permissions', () => {
  it('grants notifications to the app and nothing else to anyone', () => {
    const session = {
      setPermissionRequestHandler: vi.fn<PermissionSession['setPermissionRequestHandler']>(),
      setPermissionCheckHandler: vi.fn<PermissionSession['setPermissionCheckHandler']>(),
      setDevicePermissionHandler: vi.fn<PermissionSession['setDevicePermissionHandler']>()
    }
    restrictPermissions(session, isAppUrl)
    const request = session.setPermissionRequestHandler.mock.calls[0][0]!
    const ask = (permission: string, url: string): boolean => {
      let granted: boolean | undefined
      request({ getURL: () => url } as never, permission as never, (g) => (granted = g), {
        requestingUrl: url
      } as never)
      return granted!
    }
    expect(ask('notifications', 'app://desk/index.html')).toBe(true)
    expect(ask('media', 'app://desk/index.html')).toBe(false)
    expect(ask('geolocation', 'app://desk/index.html')).toBe(false)
    expect(ask('notifications', 'https://evil.example/')).toBe(false)
    const check = session.setPermissionCheckHandler.mock.calls[0][0]!
    expect(check(null, 'notifications', 'app://desk', {} as never)).toBe(true)
    expect(check(null, 'clipboard-read', 'app://desk', {} as never)).toBe(false)
    expect(session.setDevicePermissionHandler.mock.calls[0][0]!({} as never)).toBe(false)
  })
})

class FakeWindow extends EventEmitter {
  webContents = new FakeContents()
  visible = false
  maximized = false
  destroyed = false
  loaded: string | undefined
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super()
  }
  isDestroyed = (): boolean => this.destroyed
  isVisible = (): boolean => this.visible
  isMinimized = (): boolean => false
  isMaximized = (): boolean => this.maximized
  show = (): void => {
    this.visible = true
  }
  hide = (): void => {
    this.visible = false
  }
  focus = (): void => undefined
  restore = (): void => undefined
  maximize = (): void => {
    this.maximized = true
  }
  getNormalBounds = (): Rect => ({
    x: this.options.x!,
    y: this.options.y!,
    width: this.options.width!,
    height: this.options.height!
  })
  loadURL = (url: string): Promise<void> => {
    this.loaded = url
    return Promise.resolve()
  }
}

function memoryStore(initial: Record<string, unknown> = {}): FileStore & { files: Record<string, unknown> } {
  const files = { ...initial }
  return {
    files,
    readJson: (name, schema, fallback) => {
      if (!(name in files)) return Promise.resolve(fallback)
      const r = schema.safeParse(files[name])
      return Promise.resolve(r.success ? r.data : fallback)
    },
    writeJson: (name, value) => {
      files[name] = JSON.parse(JSON.stringify(value)) as unknown
      return Promise.resolve()
    }
  }
}

function service(store: FileStore, displays: DisplaysPort = oneScreen): { svc: WindowService; windows: FakeWindow[] } {
  const windows: FakeWindow[] = []
  const svc = new WindowService({
    createWindow: (options) => {
      const w = new FakeWindow(options)
      windows.push(w)
      return w as unknown as BrowserWindow
    },
    store,
    displays,
    preloadPath: '/app/out/preload/index.cjs',
    entryUrl: 'app://desk/index.html',
    isDev: false,
    isAppUrl,
    openInBrowser: vi.fn()
  })
  return { svc, windows }
}

describe('WindowService', () => {
  it('reopens maximized where it was, shown only once ready', async () => {
    const store = memoryStore({
      [WINDOW_STATE_FILE]: { bounds: { x: 100, y: 50, width: 1300, height: 850 }, maximized: true }
    })
    const { svc, windows } = service(store)
    await svc.create()
    const win = windows[0]
    expect(win.options).toMatchObject({ x: 100, y: 50, width: 1300, height: 850, show: false })
    expect(win.loaded).toBe('app://desk/index.html')
    expect(win.visible).toBe(false)
    win.emit('ready-to-show')
    expect(win.visible).toBe(true)
    expect(win.maximized).toBe(true)
  })

  it('restores a window saved on a monitor that is gone onto the screen that is there', async () => {
    const store = memoryStore({
      [WINDOW_STATE_FILE]: { bounds: { x: 3000, y: 200, width: 1300, height: 850 }, maximized: false }
    })
    const { svc, windows } = service(store, oneScreen)
    await svc.create()
    expect(inside(windows[0].options as Rect, laptop)).toBe(true)
  })

  it('hides to the tray on close and saves where it was; really closes when quitting', async () => {
    const store = memoryStore()
    const { svc, windows } = service(store)
    await svc.create()
    const win = windows[0]
    win.emit('ready-to-show')
    let prevented = false
    win.emit('close', { preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
    expect(win.visible).toBe(false)
    await vi.waitFor(() =>
      expect(store.files[WINDOW_STATE_FILE]).toEqual({
        bounds: { x: 320, y: 120, width: 1280, height: 800 },
        maximized: false
      })
    )
    svc.setQuitting()
    prevented = false
    win.emit('close', { preventDefault: () => (prevented = true) })
    expect(prevented).toBe(false)
  })

  it('locks navigation on the window it creates', async () => {
    const { svc, windows } = service(memoryStore())
    await svc.create()
    expect(navigate(windows[0].webContents, 'will-navigate', 'https://evil.example/')).toBe(true)
    expect(windows[0].webContents.openHandler!({ url: 'https://x.example' })).toEqual({ action: 'deny' })
  })

  it('toggles between shown and hidden (tray click)', async () => {
    const { svc, windows } = service(memoryStore())
    await svc.create()
    svc.toggle()
    expect(windows[0].visible).toBe(true)
    svc.toggle()
    expect(windows[0].visible).toBe(false)
  })
})
