import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({
  Tray: vi.fn(),
  Menu: { buildFromTemplate: vi.fn() },
  nativeImage: { createFromPath: vi.fn() }
}))

import type { MenuItemConstructorOptions, Tray } from 'electron'
import { labelsFor, type UiLanguage } from '../../../src/main/services/labels'
import { TrayService, type TrayWindowPort } from '../../../src/main/services/tray-service'

class FakeTray extends EventEmitter {
  tooltip = ''
  title = ''
  menu: MenuItemConstructorOptions[] = []
  setToolTip = (t: string): void => void (this.tooltip = t)
  setTitle = (t: string): void => void (this.title = t)
  setContextMenu = (m: { template: MenuItemConstructorOptions[] }): void => void (this.menu = m.template)
  isDestroyed = (): boolean => false
  destroy = (): void => undefined
}

function setup(platform: NodeJS.Platform = 'win32'): {
  tray: FakeTray
  service: TrayService
  win: TrayWindowPort & { visible: boolean }
  quit: ReturnType<typeof vi.fn>
  lang: { value: UiLanguage }
} {
  const tray = new FakeTray()
  const win = {
    visible: true,
    isVisible() {
      return this.visible
    },
    show() {
      this.visible = true
    },
    hide() {
      this.visible = false
    },
    toggle() {
      this.visible = !this.visible
    }
  }
  const quit = vi.fn()
  const lang = { value: 'en' as UiLanguage }
  const service = new TrayService({
    createTray: () => tray as unknown as Tray,
    buildMenu: (template) => ({ template }) as never,
    image: '/app/resources/tray-16.png',
    window: win,
    quit,
    labels: () => labelsFor(lang.value),
    platform
  })
  service.create()
  return { tray, service, win, quit, lang }
}

const item = (tray: FakeTray, id: string): MenuItemConstructorOptions => tray.menu.find((i) => i.id === id)!

describe('tray', () => {
  it('click shows and hides the console', () => {
    const { tray, win } = setup()
    tray.emit('click')
    expect(win.visible).toBe(false)
    tray.emit('click')
    expect(win.visible).toBe(true)
  })

  it('menu offers Hide while shown, Show while hidden, and Quit', () => {
    const { tray, service, win, quit } = setup()
    expect(item(tray, 'toggle').label).toBe('Hide Desk Console')
    ;(item(tray, 'toggle').click as () => void)()
    expect(win.visible).toBe(false)
    service.refresh()
    expect(item(tray, 'toggle').label).toBe('Show Desk Console')
    ;(item(tray, 'quit').click as () => void)()
    expect(quit).toHaveBeenCalledOnce()
  })

  it('tooltip shows how many things need attention, in the console language', () => {
    const { tray, service, lang } = setup()
    expect(tray.tooltip).toBe('Desk Console')
    service.setBadge(3)
    expect(tray.tooltip).toBe('Desk Console — 3 need attention')
    lang.value = 'zh-CN'
    service.refresh()
    expect(tray.tooltip).toBe('Desk Console — 3 项需要处理')
    service.setBadge(0)
    expect(tray.tooltip).toBe('Desk Console')
  })

  it('on macOS shows the count as text beside the icon', () => {
    const { tray, service } = setup('darwin')
    service.setBadge(12)
    expect(tray.title).toBe('12')
    service.setBadge(0)
    expect(tray.title).toBe('')
  })
})
