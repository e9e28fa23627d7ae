import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ protocol: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() } }))

import { protocol } from 'electron'
import {
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  ProtocolService
} from '../../../src/main/services/protocol'

let base: string
let root: string
let serve: ReturnType<typeof createAppProtocolHandler>

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'desk-protocol-'))
  root = join(base, 'renderer')
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Desk Console</title>')
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log("desk")')
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}')
  await writeFile(join(root, 'assets', 'font.woff2'), 'wOF2')
  await writeFile(join(base, 'secret.txt'), 'agent token')
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'))
  serve = createAppProtocolHandler(root)
})
afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

const get = (url: string, method = 'GET'): Promise<Response> => serve({ url, method })

describe('app:// protocol', () => {
  it('serves the console with a strict Content-Security-Policy', async () => {
    const res = await get('app://desk/index.html')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const csp = res.headers.get('content-security-policy')
    expect(csp).toBe(CONTENT_SECURITY_POLICY)
    expect(csp).toContain("script-src 'self';")
    expect(csp).not.toMatch(/script-src[^;]*unsafe/)
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(await res.text()).toContain('<title>Desk Console</title>')
  })

  it('serves "/" and client-side routes as the console page', async () => {
    for (const url of ['app://desk/', 'app://desk', 'app://desk/tickets/INC-000123']) {
      const res = await get(url)
      expect(res.status, url).toBe(200)
      expect(res.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY)
    }
  })

  it('serves scripts, styles and fonts with their MIME types (and no CSP header)', async () => {
    const js = await get('app://desk/assets/index-abc.js')
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(js.headers.get('x-content-type-options')).toBe('nosniff')
    expect(js.headers.get('content-security-policy')).toBeNull()
    expect(await js.text()).toBe('console.log("desk")')
    expect((await get('app://desk/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect((await get('app://desk/assets/font.woff2')).headers.get('content-type')).toBe('font/woff2')
  })

  it.each([
    'app://desk/../secret.txt',
    'app://desk/%2e%2e/secret.txt',
    'app://desk/assets/..%2f..%2fsecret.txt',
    'app://desk/..%5csecret.txt',
    'app://desk/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://desk/assets/link.txt',
    'app://desk/index.html%00.png',
    'app://desk/%E0%A4%A'
  ])('refuses to serve anything outside the build folder: %s', async (url) => {
    const res = await get(url)
    expect(res.status).toBe(404)
    expect(await res.text()).not.toContain('agent token')
  })

  it('answers 404 for a missing asset instead of the page, and for another host', async () => {
    expect((await get('app://desk/assets/missing.js')).status).toBe(404)
    expect((await get('app://evil/index.html')).status).toBe(404)
  })

  it('only allows reading', async () => {
    expect((await get('app://desk/index.html', 'POST')).status).toBe(405)
    const head = await get('app://desk/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it('registers the handler on the app scheme with the privileges IndexedDB and fetch need', async () => {
    new ProtocolService(protocol, root).register()
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true }
    })
    const handler = vi.mocked(protocol.handle).mock.calls[0][1]
    const res = await handler(new Request('app://desk/index.html'))
    expect(res.status).toBe(200)
  })
})
