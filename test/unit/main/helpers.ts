import type { InvokeEventLike, IpcMainLike } from '../../../src/main/services/ipc-registry'

/** A stand-in for Electron's ipcMain that lets a test call channels the way the renderer does. */
export class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>()

  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`)
    this.listeners.set(channel, listener)
  }

  removeHandler(channel: string): void {
    this.listeners.delete(channel)
  }

  /** Like ipcRenderer.invoke from a frame at `from`. */
  invoke(channel: string, payload: unknown, from = 'app://desk/index.html'): Promise<unknown> {
    const listener = this.listeners.get(channel)
    if (!listener) return Promise.reject(new Error(`No handler registered for '${channel}'`))
    return Promise.resolve(listener({ senderFrame: { url: from } }, payload))
  }
}
