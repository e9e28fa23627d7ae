import type { FastifyReply, FastifyRequest } from 'fastify'

/**
 * The console's Content-Security-Policy — the same string as CONTENT_SECURITY_POLICY in
 * src/main/services/protocol.ts (a unit test keeps them equal), so the web console served by the
 * desk server runs under the policy the desktop app enforces.
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

/** The packaged desktop console's origin (src/main/services/protocol.ts) and local dev servers. */
const defaultOrigin = (origin: string): boolean =>
  origin === 'app://desk' || /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin)

/**
 * CORS for the API. Auth is a bearer token, never a cookie, so a foreign page gains nothing the
 * token does not already give; the allow-list just keeps the surface small. `*` allows any origin.
 */
export function corsHook(allowed: readonly string[] | undefined) {
  const ok = (origin: string): boolean =>
    allowed === undefined ? defaultOrigin(origin) : allowed.includes('*') || allowed.includes(origin)
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const origin = req.headers.origin
    if (!origin || !ok(origin)) return
    void reply.header('Access-Control-Allow-Origin', origin).header('Vary', 'Origin')
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      await reply
        .header('Access-Control-Allow-Methods', 'GET, POST, PATCH, OPTIONS')
        .header('Access-Control-Allow-Headers', 'authorization, content-type')
        .header('Access-Control-Max-Age', '600')
        .status(204)
        .send()
    }
  }
}

/** Removes `token=` from a URL before it is logged (the WebSocket passes it in the query). */
export function redactUrl(url: string): string {
  return url.replace(/([?&]token=)[^&]*/g, '$1[redacted]')
}
