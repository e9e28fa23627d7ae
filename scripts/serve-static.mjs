#!/usr/bin/env node
/**
 * A tiny static server for the BUILT renderer (out/renderer), used by Playwright's webServer.
 * It behaves like the app:// protocol handler in src/main/services/protocol.ts: GET/HEAD only,
 * nothing outside the root (`..`, encoded separators, NUL, symlinks out), extension-less paths fall
 * back to index.html, and HTML carries the app's Content-Security-Policy, so end-to-end tests run
 * under the same CSP as the desktop app.
 *
 *   node scripts/serve-static.mjs [--root out/renderer] [--port 4178] [--host 127.0.0.1]
 */
import { createServer } from 'node:http'
import { existsSync, readFileSync } from 'node:fs'
import { readFile, realpath, stat } from 'node:fs/promises'
import { dirname, extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  if (i !== -1 && process.argv[i + 1]) return process.argv[i + 1]
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`))
  return eq ? eq.slice(name.length + 3) : fallback
}

const root = resolve(repo, arg('root', 'out/renderer'))
const port = Number(arg('port', process.env.PORT ?? '4178'))
const host = arg('host', '127.0.0.1')

const mimeTypes = {
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

/**
 * The app's CSP, read from its single definition (CONTENT_SECURITY_POLICY in protocol.ts) so the
 * two cannot drift; the built index.html's meta tag is the fallback.
 */
export function appContentSecurityPolicy() {
  const protocolTs = join(repo, 'src/main/services/protocol.ts')
  if (existsSync(protocolTs)) {
    const source = readFileSync(protocolTs, 'utf8')
    const m = /CONTENT_SECURITY_POLICY\s*=\s*\[([\s\S]*?)\]\s*\.join\(\s*'; '\s*\)/.exec(source)
    if (m) {
      const parts = [...m[1].matchAll(/"([^"]*)"|'([^']*)'/g)].map((p) => p[1] ?? p[2])
      if (parts.length) return parts.join('; ')
    }
  }
  const index = join(root, 'index.html')
  if (existsSync(index)) {
    const m = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(readFileSync(index, 'utf8'))
    if (m) return m[1]
  }
  throw new Error('could not find the app Content-Security-Policy (src/main/services/protocol.ts or index.html)')
}

/** The file a request path names inside `base`, or undefined when it would leave it. */
export function resolveInside(base, pathname) {
  let decoded
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return undefined
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined
  const target = resolve(base, '.' + (decoded.startsWith('/') ? decoded : '/' + decoded))
  if (target !== base && !target.startsWith(base + sep)) return undefined
  return target
}

async function isFile(path) {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

function send(res, status, headers, body, head) {
  res.writeHead(status, headers)
  res.end(head ? undefined : body)
}

function text(res, status, message) {
  send(res, status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, message)
}

export function createStaticServer(base = root) {
  const csp = appContentSecurityPolicy()
  let realBase
  return createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return text(res, 405, 'Method not allowed')
      const url = new URL(req.url ?? '/', 'http://localhost')
      let target = resolveInside(base, url.pathname)
      if (!target) return text(res, 404, 'Not found')
      if (target === base) target = join(base, 'index.html')
      if (!(await isFile(target))) {
        if (extname(target) !== '') return text(res, 404, 'Not found')
        target = join(base, 'index.html')
      }
      realBase ??= await realpath(base)
      const real = await realpath(target)
      if (real !== realBase && !real.startsWith(realBase + sep)) return text(res, 404, 'Not found')

      const body = await readFile(real)
      const type = mimeTypes[extname(real).toLowerCase()] ?? 'application/octet-stream'
      const headers = {
        'Content-Type': type,
        'Content-Length': String(body.byteLength),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache'
      }
      if (type.startsWith('text/html')) {
        headers['Content-Security-Policy'] = csp
        headers['Cross-Origin-Opener-Policy'] = 'same-origin'
        headers['Referrer-Policy'] = 'no-referrer'
      }
      send(res, 200, headers, body, req.method === 'HEAD')
    } catch {
      if (!res.headersSent) text(res, 404, 'Not found')
      else res.destroy()
    }
  })
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  if (!existsSync(join(root, 'index.html'))) {
    console.error(`serve-static: ${root}/index.html not found — run \`npm run build\` first.`)
    process.exit(1)
  }
  const server = createStaticServer()
  server.listen(port, host, () => console.log(`serve-static: http://${host}:${port}/ → ${root}`))
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)))
}
