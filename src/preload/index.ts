/**
 * Exposes exactly one object to the renderer, `window.desk`, built from the IPC contract.
 * `ipcRenderer` itself never crosses the bridge; listeners receive the payload only, never the
 * IPC event (whose `sender` would hand the page the raw ipcRenderer).
 *
 * This file runs in a sandboxed preload (CommonJS, only `electron` may be required), so it
 * imports types from the contract and no zod at run time: main validates every request and
 * every event payload it sends.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { ChannelName, DeskApi, EventName, EventPayload, Req, Res } from '../shared/ipc'

function invoke<C extends ChannelName>(channel: C): (request?: Req<C>) => Promise<Res<C>> {
  return (request) => ipcRenderer.invoke(channel, request ?? {}) as Promise<Res<C>>
}

function subscribe<E extends EventName>(event: E): (listener: (payload: EventPayload<E>) => void) => () => void {
  return (listener) => {
    if (typeof listener !== 'function') throw new TypeError(`desk: ${event} listener must be a function`)
    const wrapped = (_event: IpcRendererEvent, payload: EventPayload<E>): void => listener(payload)
    ipcRenderer.on(event, wrapped)
    return () => {
      ipcRenderer.removeListener(event, wrapped)
    }
  }
}

const deskApi = {
  app: { info: invoke('app.info') },
  shell: { openExternal: invoke('shell.openExternal') },
  window: { setBadge: invoke('window.setBadge') },
  backup: { save: invoke('backup.save') },
  outbox: { backup: invoke('outbox.backup'), restore: invoke('outbox.restore') },
  settings: { get: invoke('settings.get'), set: invoke('settings.set') },
  auth: { getToken: invoke('auth.getToken'), setToken: invoke('auth.setToken'), clearToken: invoke('auth.clearToken') },
  onOpenTicket: subscribe('nav.openTicket'),
  onNewIncident: subscribe('nav.newIncident'),
  onSystemResumed: subscribe('system.resumed')
} satisfies DeskApi

contextBridge.exposeInMainWorld('desk', deskApi)
