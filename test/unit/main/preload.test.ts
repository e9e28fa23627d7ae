import { beforeEach, describe, expect, it, vi } from 'vitest'

const exposed: Record<string, unknown> = {}
const listeners = new Map<string, Set<(...args: unknown[]) => void>>()

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => {
      exposed[key] = api
    })
  },
  ipcRenderer: {
    invoke: vi.fn((channel: string, request: unknown) => Promise.resolve({ channel, request })),
    on: vi.fn((channel: string, fn: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel)!.add(fn)
    }),
    removeListener: vi.fn((channel: string, fn: (...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(fn)
    })
  }
}))

import { contextBridge, ipcRenderer } from 'electron'
import { channelNames, eventNames, type DeskApi } from '../../../src/shared/ipc'

beforeEach(async () => {
  await import('../../../src/preload/index')
})

const desk = (): DeskApi => exposed.desk as DeskApi

describe('preload bridge', () => {
  it('exposes one object, window.desk, and no ipcRenderer', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
    expect(Object.keys(exposed)).toEqual(['desk'])
    const json = JSON.stringify(Object.keys(desk()))
    expect(json).not.toMatch(/ipc|invoke|send/i)
  })

  it('has one method per contract channel, named domain.verb', () => {
    const api = desk() as unknown as Record<string, Record<string, unknown>>
    const methods = Object.entries(api)
      .filter(([, v]) => typeof v === 'object')
      .flatMap(([domain, verbs]) => Object.keys(verbs).map((verb) => `${domain}.${verb}`))
    expect(methods.sort()).toEqual([...channelNames].sort())
    expect(eventNames.sort()).toEqual(['nav.newIncident', 'nav.openTicket', 'system.resumed'])
  })

  it('calls the matching channel with the request (or {} when there is none)', async () => {
    await expect(desk().settings.set({ theme: 'dark' })).resolves.toEqual({
      channel: 'settings.set',
      request: { theme: 'dark' }
    })
    await expect(desk().app.info()).resolves.toEqual({ channel: 'app.info', request: {} })
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('app.info', {})
  })

  it('hands a listener the payload only, and unsubscribes', () => {
    const seen: unknown[] = []
    const off = desk().onOpenTicket((p) => seen.push(p))
    const [wrapped] = listeners.get('nav.openTicket')!
    wrapped({ sender: 'the ipcRenderer object' }, { ticketId: 'abc' })
    expect(seen).toEqual([{ ticketId: 'abc' }])
    off()
    expect(listeners.get('nav.openTicket')!.size).toBe(0)
  })
})
