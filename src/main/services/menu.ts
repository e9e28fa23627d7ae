/**
 * The application menu, built as plain data (tested without Electron) and handed to
 * `Menu.buildFromTemplate` by main. Roles give native behaviour (clipboard, zoom, full screen);
 * labels come from labels.ts so the menu speaks the console's language.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { Labels } from './labels'

export interface MenuActions {
  /** File ▸ New Incident: show the window and tell the console to open a new incident form. */
  newIncident(): void
  /** Help ▸ About. */
  about(): void
  /** File ▸ Quit: really quits (closing the window only hides it to the tray). */
  quit(): void
}

export interface MenuInput {
  labels: Labels
  actions: MenuActions
  isDev: boolean
  platform: NodeJS.Platform
}

export function buildMenuTemplate({ labels, actions, isDev, platform }: MenuInput): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const template: MenuItemConstructorOptions[] = []

  if (isMac) {
    template.push({
      label: 'Desk Console',
      submenu: [
        { id: 'about', label: labels.about, click: () => actions.about() },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { id: 'quit', label: labels.quit, accelerator: 'Cmd+Q', click: () => actions.quit() }
      ]
    })
  }

  template.push({
    id: 'file',
    label: labels.file,
    submenu: [
      { id: 'new-incident', label: labels.newIncident, accelerator: 'CmdOrCtrl+N', click: () => actions.newIncident() },
      ...(isMac
        ? []
        : ([
            { type: 'separator' },
            { id: 'quit', label: labels.quit, accelerator: 'Ctrl+Q', click: () => actions.quit() }
          ] satisfies MenuItemConstructorOptions[]))
    ]
  })

  template.push({
    id: 'edit',
    label: labels.edit,
    submenu: [
      { role: 'undo', label: labels.undo },
      { role: 'redo', label: labels.redo },
      { type: 'separator' },
      { role: 'cut', label: labels.cut },
      { role: 'copy', label: labels.copy },
      { role: 'paste', label: labels.paste },
      { role: 'selectAll', label: labels.selectAll }
    ]
  })

  template.push({
    id: 'view',
    label: labels.view,
    submenu: [
      ...(isDev
        ? ([
            { role: 'reload', label: labels.reload },
            { role: 'forceReload', label: labels.forceReload },
            { role: 'toggleDevTools', label: labels.toggleDevTools },
            { type: 'separator' }
          ] satisfies MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom', label: labels.actualSize },
      { role: 'zoomIn', label: labels.zoomIn },
      { role: 'zoomOut', label: labels.zoomOut },
      { type: 'separator' },
      { role: 'togglefullscreen', label: labels.toggleFullScreen }
    ]
  })

  if (isMac) {
    template.push({
      id: 'window',
      label: labels.window,
      submenu: [
        { role: 'minimize', label: labels.minimize },
        { role: 'zoom' },
        { type: 'separator' },
        { role: 'front' }
      ]
    })
  }

  template.push({
    id: 'help',
    label: labels.help,
    role: 'help',
    submenu: isMac ? [] : [{ id: 'about', label: labels.about, click: () => actions.about() }]
  })

  return template
}
