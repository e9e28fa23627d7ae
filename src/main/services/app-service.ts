/**
 * Small app-level channels: facts about the app, opening links in the browser, the badge.
 */
import type { Res } from '../../shared/ipc'
import type { IpcRegistry } from './ipc-registry'
import { isHttpUrl } from './window-service'

export interface AppServiceDeps {
  info: () => Res<'app.info'>
  openInBrowser: (url: string) => Promise<void>
  /** Tray tooltip + dock/taskbar badge. */
  setBadge: (count: number) => void
}

export class AppService {
  constructor(private readonly deps: AppServiceDeps) {}

  register(ipc: IpcRegistry): void {
    ipc.handle('app.info', () => this.deps.info())
    ipc.handle('shell.openExternal', async ({ url }) => {
      // The contract already refused anything but http(s); checked again because this is the
      // one call that hands a string to the OS.
      if (!isHttpUrl(url)) throw new Error('shell.openExternal: only http:// and https:// links open')
      await this.deps.openInBrowser(url)
    })
    ipc.handle('window.setBadge', ({ count }) => this.deps.setBadge(count))
  }
}

export function platformName(platform: NodeJS.Platform): Res<'app.info'>['platform'] {
  return platform === 'darwin' || platform === 'win32' || platform === 'linux' ? platform : 'other'
}
