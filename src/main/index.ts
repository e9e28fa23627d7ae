/**
 * Main process entry: wiring only. Every piece of logic lives in ./services (plain modules with
 * injected ports, unit-tested in Node); this file creates them with Electron's real objects.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray
} from 'electron'
import { join } from 'node:path'
import { ipcContract, ipcEvents, type EventName, type EventPayload } from '../shared/ipc'
import { AppService, platformName } from './services/app-service'
import { BackupService } from './services/backup-service'
import { CredentialService } from './services/credential-service'
import { JsonFileStore } from './services/file-store'
import { createSenderCheck, IpcRegistry, sendEvent } from './services/ipc-registry'
import { labelsFor, resolveLanguage, type Labels } from './services/labels'
import { buildMenuTemplate } from './services/menu'
import { OutboxBackupService } from './services/outbox-backup-service'
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME, APP_SCHEME_PRIVILEGES, ProtocolService } from './services/protocol'
import { SettingsService } from './services/settings-service'
import { TrayService } from './services/tray-service'
import { openInBrowser, restrictPermissions, WindowService } from './services/window-service'

const APP_USER_MODEL_ID = 'com.deskconsole.app'

// The Vite dev server (set by `electron-vite dev`). Never honoured in a packaged build: an
// environment variable must not be able to point the production console at another page.
const devServerUrl =
  !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : undefined
const isDev = devServerUrl !== undefined

// Before anything reads userData (including the single-instance lock, which lives there):
// dev runs get their own folder, so dev data never mixes with an agent's real offline database.
if (isDev) app.setPath('userData', `${app.getPath('userData')}-dev`)

// Must happen before `ready`.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
app.enableSandbox()
app.setAppUserModelId(APP_USER_MODEL_ID)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  void start()
}

async function start(): Promise<void> {
  const appRoot = app.getAppPath()
  const resources = join(appRoot, 'resources')
  const isAppUrl = createSenderCheck({ appScheme: APP_SCHEME, appHost: APP_HOST, devServerUrl })
  const openLink = async (url: string): Promise<void> => {
    await openInBrowser(shell, url)
  }

  // Every webContents ever created (not only ours) gets the navigation lock.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      void openLink(url)
      return { action: 'deny' }
    })
  })

  await app.whenReady()

  const store = new JsonFileStore(app.getPath('userData'))
  const settings = new SettingsService(store)
  await settings.load()
  const labels = (): Labels => labelsFor(resolveLanguage(settings.get().language, app.getLocale()))
  nativeTheme.themeSource = settings.get().theme

  new ProtocolService(protocol, join(appRoot, 'out', 'renderer')).register()
  restrictPermissions(session.defaultSession, isAppUrl)

  const windows = new WindowService({
    // The security flags are repeated literally at the one place a window is constructed, after
    // the spread so nothing in `options` can turn them off (and so the audit can see them).
    createWindow: (options) =>
      new BrowserWindow({
        ...options,
        webPreferences: {
          ...options.webPreferences,
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          webSecurity: true
        }
      }),
    store,
    displays: {
      workAreas: () => screen.getAllDisplays().map((d) => d.workArea),
      primaryWorkArea: () => screen.getPrimaryDisplay().workArea
    },
    preloadPath: join(appRoot, 'out', 'preload', 'index.cjs'),
    iconPath: join(resources, 'icon.png'),
    entryUrl: devServerUrl ?? APP_ENTRY_URL,
    isDev,
    isAppUrl,
    openInBrowser: (url) => void openLink(url),
    backgroundColor: () => (nativeTheme.shouldUseDarkColors ? '#1a1b1e' : '#ffffff')
  })
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    sendEvent(ipcEvents, windows.webContents(), event, payload)
  }

  const quit = (): void => {
    windows.setQuitting()
    app.quit()
  }
  const tray = new TrayService({
    createTray: (image) => new Tray(image),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    image: nativeImage.createFromPath(join(resources, process.platform === 'win32' ? 'tray-32.png' : 'tray-16.png')),
    window: windows,
    quit,
    labels,
    platform: process.platform
  })
  const about = (): void => {
    const l = labels()
    void dialog.showMessageBox({
      type: 'info',
      title: l.about,
      message: 'Desk Console',
      detail: l.aboutDetail({
        version: app.getVersion(),
        electron: process.versions.electron,
        chrome: process.versions.chrome
      }),
      icon: nativeImage.createFromPath(join(resources, 'icon.png'))
    })
  }
  const applyMenu = (): void => {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          labels: labels(),
          isDev,
          platform: process.platform,
          actions: {
            newIncident: () => {
              windows.show()
              emit('nav.newIncident', {})
            },
            about,
            quit
          }
        })
      )
    )
  }

  const ipc = new IpcRegistry(ipcMain, ipcContract, { isTrustedSender: isAppUrl })
  new AppService({
    info: () => ({
      name: app.getName(),
      version: app.getVersion(),
      platform: platformName(process.platform),
      arch: process.arch,
      locale: app.getLocale(),
      preferredLanguages: app.getPreferredSystemLanguages(),
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      isDev
    }),
    openInBrowser: openLink,
    setBadge: (count) => {
      tray.setBadge(count)
      app.setBadgeCount(count)
    }
  }).register(ipc)
  settings.register(ipc)
  new CredentialService(store, safeStorage).register(ipc)
  const outbox = new OutboxBackupService(store)
  outbox.register(ipc)
  new BackupService({
    dialog: {
      showSaveDialog: (options) => {
        const parent = windows.get()
        return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options)
      }
    },
    defaultDir: () => app.getPath('documents'),
    title: () => labels().saveBackupTitle
  }).register(ipc)
  ipc.start()

  settings.onChange((next, previous) => {
    nativeTheme.themeSource = next.theme
    if (next.language !== previous.language) {
      applyMenu()
      tray.refresh()
    }
  })

  applyMenu()
  const win = await windows.create()
  tray.create()
  win.on('show', () => tray.refresh())
  win.on('hide', () => tray.refresh())

  app.on('second-instance', () => windows.show())
  app.on('activate', () => windows.show())
  app.on('before-quit', () => {
    windows.setQuitting()
    void windows.saveState()
  })
  // Closing the window hides it to the tray; the app ends only through Quit, so Electron's
  // default (quit when the last window closes) is switched off by listening.
  app.on('window-all-closed', () => undefined)

  powerMonitor.on('suspend', () => void windows.saveState())
  powerMonitor.on('resume', () => emit('system.resumed', {}))
  powerMonitor.on('shutdown', () => {
    windows.setQuitting()
    void Promise.all([windows.saveState(), outbox.flush()]).finally(() => app.quit())
  })
}
