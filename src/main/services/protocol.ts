/**
 * Serves the built renderer from `app://desk/…`.
 *
 * Why a custom scheme and not file:// or a localhost server: IndexedDB (the agent's offline
 * database) is keyed by origin, so the origin must never change between releases; `app://desk`
 * is fixed, secure, and not shared with any web page or other local file.
 */
import { promises as fsp } from 'node:fs'
import { extname, resolve, sep } from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'desk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** Passed to protocol.registerSchemesAsPrivileged before `app` is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true, // real origin, relative URLs resolve, localStorage/IndexedDB work
    secure: true, // counts as a secure context (service workers, crypto.subtle, Notification)
    supportFetchAPI: true,
    corsEnabled: true,
    stream: true // media and large files can be streamed
  }
} as const

/**
 * The renderer's Content-Security-Policy, sent on every HTML response.
 * - style-src 'unsafe-inline': Mantine writes a `<style>` element with the theme's CSS variables
 *   and `style=""` attributes for component props (sizes, colours, Box style props) at run time;
 *   without it the UI renders unstyled. Inline styles cannot run code; scripts stay 'self' only,
 *   which is what blocks injected script.
 * - connect-src http(s)/ws(s): the desk server's address is configured by the agent, so it cannot
 *   be listed here; the renderer only fetches JSON from it, never code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' http: https: ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'"
].join('; ')

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav'
}

export function mimeTypeOf(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/** Reads a file; throws ENOENT/EISDIR-like errors for anything that is not a regular file. */
export interface AssetReader {
  realpath(path: string): Promise<string>
  readFile(path: string): Promise<Uint8Array>
  isFile(path: string): Promise<boolean>
}

export const nodeAssetReader: AssetReader = {
  realpath: (path) => fsp.realpath(path),
  readFile: (path) => fsp.readFile(path),
  isFile: async (path) => {
    try {
      return (await fsp.stat(path)).isFile()
    } catch {
      return false
    }
  }
}

export interface AppRequest {
  url: string
  method: string
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }
  })
}

/**
 * Resolves a request path inside `root`, or undefined when it would leave it (`..`, encoded
 * `%2e%2e%2f`, backslashes, absolute paths, NUL bytes).
 */
export function resolveInside(root: string, pathname: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return undefined
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined
  const rootResolved = resolve(root)
  const target = resolve(rootResolved, '.' + (decoded.startsWith('/') ? decoded : '/' + decoded))
  if (target !== rootResolved && !target.startsWith(rootResolved + sep)) return undefined
  return target
}

/**
 * The `protocol.handle('app', …)` handler: GET/HEAD of files under `root` only.
 * `/` and extension-less paths that are not files fall back to index.html, so a reload on a
 * client-side route (`app://desk/tickets/…`) still opens the console.
 */
export function createAppProtocolHandler(
  root: string,
  reader: AssetReader = nodeAssetReader
): (request: AppRequest) => Promise<Response> {
  const rootResolved = resolve(root)
  let realRoot: Promise<string> | undefined

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed')
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return textResponse(400, 'Bad request')
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return textResponse(404, 'Not found')

    let target = resolveInside(rootResolved, url.pathname)
    if (!target) return textResponse(404, 'Not found')
    if (target === rootResolved) target = resolve(rootResolved, 'index.html')
    if (!(await reader.isFile(target))) {
      if (extname(target) !== '') return textResponse(404, 'Not found')
      target = resolve(rootResolved, 'index.html')
    }

    // A symlink inside the build folder must not lead outside it either.
    try {
      realRoot ??= reader.realpath(rootResolved)
      const [real, base] = await Promise.all([reader.realpath(target), realRoot])
      if (real !== base && !real.startsWith(base + sep)) return textResponse(404, 'Not found')
    } catch {
      return textResponse(404, 'Not found')
    }

    let body: Uint8Array
    try {
      body = await reader.readFile(target)
    } catch {
      return textResponse(404, 'Not found')
    }
    const type = mimeTypeOf(target)
    const headers: Record<string, string> = {
      'Content-Type': type,
      'Content-Length': String(body.byteLength),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache'
    }
    if (type.startsWith('text/html')) {
      headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY
      headers['Cross-Origin-Opener-Policy'] = 'same-origin'
      headers['Referrer-Policy'] = 'no-referrer'
    }
    const bytes = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer
    return new Response(request.method === 'HEAD' ? null : bytes, { status: 200, headers })
  }
}

/** The part of Electron's `protocol` used here. */
export interface ProtocolLike {
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void
}

export class ProtocolService {
  constructor(
    private readonly protocol: ProtocolLike,
    private readonly rendererRoot: string
  ) {}

  /** Call once, after `app` is ready and before the window loads. */
  register(): void {
    const handler = createAppProtocolHandler(this.rendererRoot)
    this.protocol.handle(APP_SCHEME, (request) => handler({ url: request.url, method: request.method }))
  }
}
