/**
 * The console window: hardened options, saved/restored position, navigation lock, permissions.
 *
 * Logic lives in plain functions (options, bounds clamping, URL checks) tested without Electron;
 * `WindowService` only wires them to a BrowserWindow created through an injected factory.
 */
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Event as ElectronEvent,
  HandlerDetails,
  Session,
  WebContents
} from 'electron'
import { z } from 'zod'
import type { FileStore } from './file-store'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const
export const MIN_SIZE = { width: 960, height: 600 } as const
/** How much of a restored window must be on a screen for it to stay where it was. */
export const MIN_VISIBLE = { width: 160, height: 48 } as const

export const WINDOW_STATE_FILE = 'window-state.json'

export const windowStateSchema = z.object({
  bounds: z.object({
    x: z.number().finite(),
    y: z.number().finite(),
    width: z.number().finite().positive(),
    height: z.number().finite().positive()
  }),
  maximized: z.boolean()
})
export type WindowState = z.infer<typeof windowStateSchema>

/** Screens, as work areas (screen minus taskbar/dock/menu bar). */
export interface DisplaysPort {
  workAreas(): Rect[]
  primaryWorkArea(): Rect
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return { width: Math.max(0, width), height: Math.max(0, height) }
}

function centeredIn(area: Rect, width: number, height: number): Rect {
  const w = Math.min(width, area.width)
  const h = Math.min(height, area.height)
  return {
    x: Math.round(area.x + (area.width - w) / 2),
    y: Math.round(area.y + (area.height - h) / 2),
    width: w,
    height: h
  }
}

/**
 * Where to open the window, given what was saved and the screens now attached. A window whose
 * screen was unplugged (or that is mostly off-screen) comes back centred on the primary screen;
 * one partly off its screen is moved and shrunk to fit it, so its title bar is always reachable.
 */
export function clampBounds(saved: Rect | undefined, displays: DisplaysPort): Rect {
  const primary = displays.primaryWorkArea()
  if (!saved) return centeredIn(primary, DEFAULT_SIZE.width, DEFAULT_SIZE.height)

  let best: Rect | undefined
  let bestArea = 0
  for (const area of displays.workAreas()) {
    const o = overlap(saved, area)
    if (o.width * o.height > bestArea && o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height) {
      best = area
      bestArea = o.width * o.height
    }
  }
  const wantedWidth = Math.max(Math.round(saved.width), MIN_SIZE.width)
  const wantedHeight = Math.max(Math.round(saved.height), MIN_SIZE.height)
  if (!best) return centeredIn(primary, wantedWidth, wantedHeight)

  const width = Math.min(wantedWidth, best.width)
  const height = Math.min(wantedHeight, best.height)
  const x = Math.min(Math.max(Math.round(saved.x), best.x), best.x + best.width - width)
  const y = Math.min(Math.max(Math.round(saved.y), best.y), best.y + best.height - height)
  return { x, y, width, height }
}

export function isHttpUrl(url: string): boolean {
  try {
    const u = new URL(url)
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== ''
  } catch {
    return false
  }
}

/**
 * The app's only call to shell.openExternal: http(s) links go to the default browser; anything
 * else (file:, smb:, ms-settings:, javascript:, custom protocol handlers that run programs) is
 * dropped. Every other module receives this as its `openInBrowser` port.
 */
export async function openInBrowser(
  shell: { openExternal(url: string): Promise<void> },
  url: string
): Promise<boolean> {
  if (!isHttpUrl(url)) return false
  await shell.openExternal(url)
  return true
}

export interface WindowOptionsInput {
  preloadPath: string
  bounds: Rect
  iconPath?: string
  backgroundColor?: string
  isDev: boolean
}

/** The hardened BrowserWindow options (see docs/security.md). */
export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    ...input.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Desk Console',
    icon: input.iconPath,
    backgroundColor: input.backgroundColor,
    show: false, // shown on ready-to-show, so the agent never sees a blank white frame
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools: input.isDev
    }
  }
}

/** The WebContents events the lock listens to (a structural subset, so tests can fake it). */
export interface LockableContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void
  ): unknown
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown
  setWindowOpenHandler(
    handler: (details: Pick<HandlerDetails, 'url'>) => { action: 'deny' } | { action: 'allow' }
  ): void
}

export interface LockDeps {
  isAppUrl: (url: string) => boolean
  openInBrowser: (url: string) => void
}

/**
 * Keeps the window on the app: navigation elsewhere is cancelled (http(s) links open in the
 * browser instead), `window.open` never creates a window, `<webview>` never attaches.
 */
export function lockNavigation(contents: LockableContents, deps: LockDeps): void {
  const guard = (event: { preventDefault(): void }, url: string): void => {
    if (deps.isAppUrl(url)) return
    event.preventDefault()
    if (isHttpUrl(url)) deps.openInBrowser(url)
  }
  contents.on('will-navigate', guard)
  contents.on('will-redirect', guard)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isHttpUrl(url)) deps.openInBrowser(url)
    return { action: 'deny' }
  })
}

/** Permissions the app's page may have; everything else (camera, geolocation, …) is denied. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications'])

export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>

export function restrictPermissions(session: PermissionSession, isAppUrl: (url: string) => boolean): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const url = details?.requestingUrl || contents?.getURL() || ''
    callback(ALLOWED_PERMISSIONS.has(permission) && isAppUrl(url))
  })
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) => ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingOrigin)
  )
  session.setDevicePermissionHandler(() => false)
}

export interface WindowServiceDeps {
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow
  store: FileStore
  displays: DisplaysPort
  preloadPath: string
  iconPath?: string
  /** app://desk/index.html, or the Vite dev server in dev. */
  entryUrl: string
  isDev: boolean
  isAppUrl: (url: string) => boolean
  openInBrowser: (url: string) => void
  backgroundColor?: () => string
  log?: (message: string, error?: unknown) => void
}

export class WindowService {
  private win: BrowserWindow | undefined
  private quitting = false
  private saveTimer: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly deps: WindowServiceDeps) {}

  async create(): Promise<BrowserWindow> {
    if (this.win && !this.win.isDestroyed()) return this.win
    const saved = await this.deps.store.readJson<WindowState | null>(WINDOW_STATE_FILE, windowStateSchema, null)
    const bounds = clampBounds(saved?.bounds, this.deps.displays)
    const win = this.deps.createWindow(
      buildWindowOptions({
        preloadPath: this.deps.preloadPath,
        bounds,
        iconPath: this.deps.iconPath,
        backgroundColor: this.deps.backgroundColor?.(),
        isDev: this.deps.isDev
      })
    )
    this.win = win
    lockNavigation(win.webContents, this.deps)

    win.once('ready-to-show', () => {
      if (saved?.maximized) win.maximize()
      win.show()
    })
    const scheduleSave = (): void => {
      if (this.saveTimer) clearTimeout(this.saveTimer)
      this.saveTimer = setTimeout(() => void this.saveState(), 500)
    }
    win.on('resize', scheduleSave)
    win.on('move', scheduleSave)
    win.on('maximize', scheduleSave)
    win.on('unmaximize', scheduleSave)
    // Closing hides to the tray: SLA alarms keep running and the console reopens instantly.
    // Quit (menu, tray, OS shutdown) really closes.
    win.on('close', (event: ElectronEvent) => {
      void this.saveState()
      if (!this.quitting) {
        event.preventDefault()
        win.hide()
      }
    })
    win.on('closed', () => {
      if (this.saveTimer) clearTimeout(this.saveTimer)
      this.win = undefined
    })

    await win
      .loadURL(this.deps.entryUrl)
      .catch((error: unknown) => this.log(`cannot load ${this.deps.entryUrl}`, error))
    return win
  }

  get(): BrowserWindow | undefined {
    return this.win && !this.win.isDestroyed() ? this.win : undefined
  }

  webContents(): WebContents | undefined {
    return this.get()?.webContents
  }

  isVisible(): boolean {
    const win = this.get()
    return !!win && win.isVisible() && !win.isMinimized()
  }

  show(): void {
    const win = this.get()
    if (!win) {
      void this.create()
      return
    }
    if (win.isMinimized()) win.restore()
    win.show()
    win.focus()
  }

  hide(): void {
    this.get()?.hide()
  }

  toggle(): void {
    if (this.isVisible()) this.hide()
    else this.show()
  }

  /** From now on a close really closes (app is quitting). */
  setQuitting(): void {
    this.quitting = true
  }

  async saveState(): Promise<void> {
    const win = this.get()
    if (!win) return
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() }
    try {
      await this.deps.store.writeJson(WINDOW_STATE_FILE, state)
    } catch (error) {
      this.log('cannot save window state', error)
    }
  }

  private log(message: string, error?: unknown): void {
    ;(this.deps.log ?? ((m, e) => console.warn(`[window] ${m}`, e ?? '')))(message, error)
  }
}
