import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ ipcMain: { handle: vi.fn(), removeHandler: vi.fn() } }))

import { channelNames, ipcContract, ipcEvents } from '../../../src/shared/ipc'
import {
  createSenderCheck,
  IpcRegistry,
  registerHandlers,
  sendEvent,
  type Handlers
} from '../../../src/main/services/ipc-registry'
import { FakeIpcMain } from './helpers'

const isAppUrl = createSenderCheck({ appScheme: 'app', appHost: 'desk', devServerUrl: 'http://localhost:5173' })

function allHandlers(): Handlers {
  return {
    'app.info': vi.fn(() => ({
      name: 'Desk Console',
      version: '0.1.0',
      platform: 'linux' as const,
      arch: 'x64',
      locale: 'zh-CN',
      preferredLanguages: ['zh-CN'],
      electron: '45.0.0',
      chrome: '140',
      isDev: false
    })),
    'shell.openExternal': vi.fn(() => undefined),
    'window.setBadge': vi.fn(() => undefined),
    'backup.save': vi.fn(() => ({ saved: true, path: '/home/agent/backup.json' })),
    'outbox.backup': vi.fn(() => undefined),
    'outbox.restore': vi.fn(() => ({ entries: [], savedAt: null })),
    'settings.get': vi.fn(() => ({ theme: 'system' as const, language: 'system' as const })),
    'settings.set': vi.fn(() => ({ theme: 'dark' as const, language: 'en' as const })),
    'auth.getToken': vi.fn(() => ({ token: null })),
    'auth.setToken': vi.fn(() => undefined),
    'auth.clearToken': vi.fn(() => undefined)
  }
}

function setup(overrides: Partial<Handlers> = {}): {
  ipc: FakeIpcMain
  handlers: Handlers
  log: ReturnType<typeof vi.fn>
} {
  const ipc = new FakeIpcMain()
  const handlers = { ...allHandlers(), ...overrides }
  const log = vi.fn()
  registerHandlers(ipc, ipcContract, handlers, { isTrustedSender: isAppUrl, log })
  return { ipc, handlers, log }
}

describe('registerHandlers: invalid payloads', () => {
  it('refuses an invalid setting, naming the channel and the field, without calling the handler', async () => {
    const { ipc, handlers } = setup()
    await expect(ipc.invoke('settings.set', { theme: 'purple' })).rejects.toThrow(
      /^settings\.set: invalid request — theme: /
    )
    expect(handlers['settings.set']).not.toHaveBeenCalled()
  })

  it('names every invalid field of a backup request', async () => {
    const { ipc, handlers } = setup()
    const error = await ipc
      .invoke('backup.save', { suggestedName: '../../etc/passwd', content: 42 })
      .catch((e: Error) => e)
    expect(String(error)).toContain('backup.save: invalid request')
    expect(String(error)).toContain('suggestedName:')
    expect(String(error)).toContain('content:')
    expect(handlers['backup.save']).not.toHaveBeenCalled()
  })

  it.each([['file:///etc/passwd'], ['javascript:alert(1)'], ['smb://fileserver/share'], ['not a url']])(
    'never hands %s to shell.openExternal',
    async (url) => {
      const { ipc, handlers } = setup()
      await expect(ipc.invoke('shell.openExternal', { url })).rejects.toThrow(
        /shell\.openExternal: invalid request — url: must be an http/
      )
      expect(handlers['shell.openExternal']).not.toHaveBeenCalled()
    }
  )

  it('accepts an https link', async () => {
    const { ipc, handlers } = setup()
    await ipc.invoke('shell.openExternal', { url: 'https://kb.example.com/article/42' })
    expect(handlers['shell.openExternal']).toHaveBeenCalledWith(
      { url: 'https://kb.example.com/article/42' },
      { senderUrl: 'app://desk/index.html' }
    )
  })

  it.each([[-1], [1.5], ['3'], [Number.NaN]])('refuses badge count %s', async (count) => {
    const { ipc, handlers } = setup()
    await expect(ipc.invoke('window.setBadge', { count })).rejects.toThrow(/window\.setBadge: invalid request — count:/)
    expect(handlers['window.setBadge']).not.toHaveBeenCalled()
  })

  it('refuses outbox entries that are not objects and unknown extra fields', async () => {
    const { ipc, handlers } = setup()
    await expect(ipc.invoke('outbox.backup', { entries: [1, 'x'] })).rejects.toThrow(
      /outbox\.backup: invalid request — entries\.0:/
    )
    await expect(ipc.invoke('settings.get', { sneaky: true })).rejects.toThrow(/settings\.get: invalid request/)
    await expect(ipc.invoke('settings.set', {})).rejects.toThrow(
      /settings\.set: invalid request — \(request\): nothing to change/
    )
    expect(handlers['outbox.backup']).not.toHaveBeenCalled()
    expect(handlers['settings.set']).not.toHaveBeenCalled()
  })

  it('refuses a backup over 50 MB', async () => {
    const { ipc, handlers } = setup()
    const content = 'x'.repeat(50 * 1024 * 1024 + 1)
    await expect(ipc.invoke('backup.save', { suggestedName: 'desk-backup.json', content })).rejects.toThrow(
      /content: at most 50 MB/
    )
    expect(handlers['backup.save']).not.toHaveBeenCalled()
  })

  it('counts UTF-8 bytes, not characters, against the 50 MB limit', async () => {
    const { ipc } = setup()
    const chinese = '工'.repeat(Math.floor((50 * 1024 * 1024) / 3) + 1) // 3 bytes each
    await expect(ipc.invoke('backup.save', { suggestedName: 'tickets.csv', content: chinese })).rejects.toThrow(
      /at most 50 MB/
    )
  })

  it('passes a valid request to its handler and returns its answer', async () => {
    const { ipc, handlers } = setup()
    await expect(ipc.invoke('settings.set', { theme: 'dark' })).resolves.toEqual({ theme: 'dark', language: 'en' })
    expect(handlers['settings.set']).toHaveBeenCalledWith({ theme: 'dark' }, expect.anything())
    await expect(ipc.invoke('app.info', {})).resolves.toMatchObject({ version: '0.1.0', locale: 'zh-CN' })
  })

  it('refuses to send an answer the contract does not promise', async () => {
    const { ipc, log } = setup({ 'settings.get': vi.fn(() => ({ theme: 'neon', language: 'en' }) as never) })
    await expect(ipc.invoke('settings.get', {})).rejects.toThrow('settings.get: internal error')
    expect(log).toHaveBeenCalledWith(expect.stringContaining('settings.get handler returned an invalid response'))
  })
})

describe('registerHandlers: senders', () => {
  it.each([
    ['https://evil.example/page.html'],
    ['file:///tmp/index.html'],
    ['app://other/index.html'],
    ['http://localhost:6000/'],
    ['about:blank']
  ])('refuses a call from %s and never runs the handler', async (from) => {
    const { ipc, handlers } = setup()
    await expect(ipc.invoke('settings.set', { theme: 'dark' }, from)).rejects.toThrow(
      /settings\.set: refused: the caller .* is not the Desk Console app/
    )
    expect(handlers['settings.set']).not.toHaveBeenCalled()
  })

  it('refuses a call from a frame that no longer exists', async () => {
    const { ipc, handlers } = setup()
    const listener = ipc.listeners.get('outbox.restore')!
    await expect(Promise.resolve(listener({ senderFrame: null }, {}))).rejects.toThrow(/refused/)
    expect(handlers['outbox.restore']).not.toHaveBeenCalled()
  })

  it('accepts the app origin and, in dev, the Vite dev server', async () => {
    const { ipc } = setup()
    await expect(ipc.invoke('settings.get', {}, 'app://desk/index.html#/tickets')).resolves.toBeTruthy()
    await expect(ipc.invoke('settings.get', {}, 'http://localhost:5173/')).resolves.toBeTruthy()
  })

  it('without a dev server, accepts no http origin at all', () => {
    const prodCheck = createSenderCheck({ appScheme: 'app', appHost: 'desk' })
    expect(prodCheck('http://localhost:5173/')).toBe(false)
    expect(prodCheck('app://desk/')).toBe(true)
  })
})

describe('IpcRegistry', () => {
  it('will not start while a contract channel has no handler, and says which', () => {
    const registry = new IpcRegistry(new FakeIpcMain(), ipcContract, { isTrustedSender: isAppUrl })
    registry.handle('settings.get', () => ({ theme: 'light', language: 'en' }))
    expect(() => registry.start()).toThrow(/no handler for app\.info, shell\.openExternal/)
  })

  it('registers every channel of the contract once', () => {
    const ipc = new FakeIpcMain()
    const registry = new IpcRegistry(ipc, ipcContract, { isTrustedSender: isAppUrl })
    for (const [channel, handler] of Object.entries(allHandlers())) registry.handle(channel as never, handler)
    expect(() => registry.handle('settings.get', () => ({ theme: 'light', language: 'en' }))).toThrow(
      /already has a handler/
    )
    const stop = registry.start()
    expect([...ipc.listeners.keys()].sort()).toEqual([...channelNames].sort())
    stop()
    expect(ipc.listeners.size).toBe(0)
  })
})

describe('sendEvent', () => {
  it('sends a valid event and refuses a malformed one', () => {
    const target = { isDestroyed: () => false, send: vi.fn() }
    const ticketId = '0190b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b'
    expect(sendEvent(ipcEvents, target, 'nav.openTicket', { ticketId })).toBe(true)
    expect(target.send).toHaveBeenCalledWith('nav.openTicket', { ticketId })
    expect(() => sendEvent(ipcEvents, target, 'nav.openTicket', { ticketId: '../x' })).toThrow(
      /nav\.openTicket: invalid payload — ticketId/
    )
    expect(sendEvent(ipcEvents, { isDestroyed: () => true, send: vi.fn() }, 'system.resumed', {})).toBe(false)
  })
})
