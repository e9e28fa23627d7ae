import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({
  Menu: { buildFromTemplate: vi.fn((t: unknown) => ({ template: t })), setApplicationMenu: vi.fn() }
}))

import type { MenuItemConstructorOptions } from 'electron'
import { labelsFor } from '../../../src/main/services/labels'
import { buildMenuTemplate, type MenuActions } from '../../../src/main/services/menu'

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])])
}

function actions(): MenuActions & {
  newIncident: ReturnType<typeof vi.fn>
  about: ReturnType<typeof vi.fn>
  quit: ReturnType<typeof vi.fn>
} {
  return { newIncident: vi.fn<() => void>(), about: vi.fn<() => void>(), quit: vi.fn<() => void>() }
}

const click = (item: MenuItemConstructorOptions | undefined): void => (item!.click as () => void)()

describe('application menu', () => {
  it('File ▸ New Incident (Ctrl+N) opens a new incident; File ▸ Quit quits', () => {
    const a = actions()
    const template = buildMenuTemplate({ labels: labelsFor('en'), actions: a, isDev: false, platform: 'win32' })
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help'])
    const items = flatten(template)
    const newIncident = items.find((i) => i.id === 'new-incident')
    expect(newIncident).toMatchObject({ label: 'New Incident', accelerator: 'CmdOrCtrl+N' })
    click(newIncident)
    expect(a.newIncident).toHaveBeenCalledOnce()
    click(items.find((i) => i.id === 'quit'))
    expect(a.quit).toHaveBeenCalledOnce()
    click(items.find((i) => i.id === 'about'))
    expect(a.about).toHaveBeenCalledOnce()
  })

  it('has the clipboard, zoom and full-screen commands', () => {
    const roles = flatten(
      buildMenuTemplate({ labels: labelsFor('en'), actions: actions(), isDev: false, platform: 'linux' })
    ).map((i) => i.role)
    expect(roles).toEqual(
      expect.arrayContaining([
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'resetZoom',
        'zoomIn',
        'zoomOut',
        'togglefullscreen'
      ])
    )
  })

  it('offers Reload and developer tools only in development', () => {
    const prod = flatten(
      buildMenuTemplate({ labels: labelsFor('en'), actions: actions(), isDev: false, platform: 'linux' })
    ).map((i) => i.role)
    const dev = flatten(
      buildMenuTemplate({ labels: labelsFor('en'), actions: actions(), isDev: true, platform: 'linux' })
    ).map((i) => i.role)
    expect(prod).not.toContain('reload')
    expect(prod).not.toContain('toggleDevTools')
    expect(dev).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']))
  })

  it('speaks Chinese when the console does', () => {
    const template = buildMenuTemplate({
      labels: labelsFor('zh-CN'),
      actions: actions(),
      isDev: false,
      platform: 'win32'
    })
    expect(template.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)'])
    expect(flatten(template).find((i) => i.id === 'new-incident')?.label).toBe('新建事件')
  })

  it('follows macOS conventions: app menu first with About and Quit (Cmd+Q)', () => {
    const template = buildMenuTemplate({
      labels: labelsFor('en'),
      actions: actions(),
      isDev: false,
      platform: 'darwin'
    })
    expect(template[0].label).toBe('Desk Console')
    const appMenu = template[0].submenu as MenuItemConstructorOptions[]
    expect(appMenu.find((i) => i.id === 'quit')).toMatchObject({ accelerator: 'Cmd+Q' })
    expect(appMenu.find((i) => i.id === 'about')).toBeTruthy()
    const file = template.find((m) => m.id === 'file')!.submenu as MenuItemConstructorOptions[]
    expect(file.map((i) => i.id)).toEqual(['new-incident'])
  })
})
