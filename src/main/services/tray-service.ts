/**
 * The tray icon: the console lives here while its window is hidden, so SLA alerts keep coming.
 * Click toggles the window; the menu has Show/Hide and Quit; the tooltip (and on macOS the title
 * beside the icon) shows how many things need attention.
 */
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron'
import { MAX_BADGE_COUNT } from '../../shared/ipc'
import type { Labels } from './labels'

export interface TrayWindowPort {
  isVisible(): boolean
  show(): void
  hide(): void
  toggle(): void
}

export interface TrayDeps {
  createTray: (image: NativeImage | string) => Tray
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu
  image: NativeImage | string
  window: TrayWindowPort
  quit: () => void
  labels: () => Labels
  platform: NodeJS.Platform
}

export function clampBadge(count: number): number {
  if (!Number.isFinite(count) || count <= 0) return 0
  return Math.min(Math.floor(count), MAX_BADGE_COUNT)
}

export function buildTrayMenuTemplate(input: {
  labels: Labels
  windowVisible: boolean
  window: TrayWindowPort
  quit: () => void
}): MenuItemConstructorOptions[] {
  const { labels, windowVisible, window, quit } = input
  return [
    windowVisible
      ? { id: 'toggle', label: labels.hide, click: () => window.hide() }
      : { id: 'toggle', label: labels.show, click: () => window.show() },
    { type: 'separator' },
    { id: 'quit', label: labels.quit, click: () => quit() }
  ]
}

export class TrayService {
  private tray: Tray | undefined
  private count = 0

  constructor(private readonly deps: TrayDeps) {}

  create(): void {
    if (this.tray) return
    const tray = this.deps.createTray(this.deps.image)
    this.tray = tray
    tray.on('click', () => this.deps.window.toggle())
    this.refresh()
  }

  /** Rebuilds menu and tooltip (after a language change or the window shown/hidden). */
  refresh(): void {
    const tray = this.tray
    if (!tray || tray.isDestroyed()) return
    const labels = this.deps.labels()
    tray.setContextMenu(
      this.deps.buildMenu(
        buildTrayMenuTemplate({
          labels,
          windowVisible: this.deps.window.isVisible(),
          window: this.deps.window,
          quit: this.deps.quit
        })
      )
    )
    tray.setToolTip(labels.tooltip(this.count))
    if (this.deps.platform === 'darwin') tray.setTitle(this.count > 0 ? String(this.count) : '')
  }

  setBadge(count: number): void {
    this.count = clampBadge(count)
    this.refresh()
  }

  badge(): number {
    return this.count
  }

  destroy(): void {
    if (this.tray && !this.tray.isDestroyed()) this.tray.destroy()
    this.tray = undefined
  }
}
