import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import fastifyWebsocket from '@fastify/websocket'
import { sql } from 'drizzle-orm'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { SYNC_SCHEMA_VERSION } from '@shared/sync/protocol'
import { DEFAULT_SESSION_TTL_MS, findSession } from './auth/sessions'
import { loadViewer } from './auth/viewer'
import { openDatabase, rows, type DeskDatabase } from './db/database'
import type { ServerDeps } from './deps'
import { errorHandler, sendError } from './http/errors'
import { CONTENT_SECURITY_POLICY, corsHook, redactUrl } from './http/security'
import { adminRoutes } from './routes/admin'
import { authRoutes } from './routes/auth'
import { syncRoutes } from './routes/sync'
import { LiveHub } from './sync/live'
import type { WriterHooks } from './sync/writer'

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')

export interface AppOptions {
  /** An open database (tests share one); closed by the caller. Otherwise opened from the below. */
  database?: DeskDatabase
  databaseUrl?: string
  /** PGlite data folder (default ./data). */
  dataDir?: string
  logger?: FastifyServerOptions['logger']
  /** Login attempts per IP per window (default 10 a minute). */
  loginRateLimit?: { max: number; timeWindowMs: number }
  sessionTtlMs?: number
  /** The built console to serve at `/`; false to serve none (default out/renderer when built). */
  staticRoot?: string | false
  /** Allowed browser origins for the API; default the desktop console and localhost. */
  corsOrigins?: string[]
  /** Behind a reverse proxy: trust X-Forwarded-For for the client address (rate limits). */
  trustProxy?: boolean
  /** How often live sockets re-check their session (revoked on another instance, expired). */
  sessionSweepMs?: number
  writerHooks?: WriterHooks
}

/** The desk server, built but not listening (tests use `inject`; the CLI calls `listen`). */
export async function buildApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 256 * 1024,
    trustProxy: options.trustProxy ?? false,
    return503OnClosing: true
  })
  const ownsDatabase = !options.database
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: options.databaseUrl,
      dataDir: options.dataDir ?? './data',
      onError: (e) => app.log.warn({ err: e }, 'database connection error')
    }))

  const inflight = new Set<Promise<unknown>>()
  const hub = new LiveHub(database)
  const deps: ServerDeps = {
    database,
    hub,
    sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    loginRateLimit: options.loginRateLimit ?? { max: 10, timeWindowMs: 60_000 },
    writerHooks: options.writerHooks ?? {},
    track(work) {
      inflight.add(work)
      void work.finally(() => inflight.delete(work)).catch(() => undefined)
      return work
    }
  }

  // JSON only: any other body type is a 415, not a string that fails validation further on.
  app.removeContentTypeParser('text/plain')
  app.decorateRequest('auth', null)
  app.setErrorHandler(errorHandler)
  app.setNotFoundHandler((req, reply) =>
    sendError(reply, 404, 'not_found', `no route ${req.method} ${redactUrl(req.url)}`)
  )
  app.addHook('onRequest', corsHook(options.corsOrigins))
  app.addHook('onSend', async (req, reply) => {
    void reply.header('X-Content-Type-Options', 'nosniff')
    if (!reply.getHeader('Content-Security-Policy') && req.url.startsWith('/'))
      void reply.header('Referrer-Policy', 'no-referrer')
  })

  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      error: 'rate_limited',
      message: `too many attempts; try again in ${context.after}`
    })
  })
  await app.register(fastifyWebsocket, { options: { maxPayload: 4 * 1024 } })

  app.get('/health', async () => {
    const [state] = await rows<{ last_seq: string | number }>(
      database.db,
      sql`SELECT last_seq FROM sync_state WHERE id = 1`
    )
    return { ok: true, database: database.kind, seq: Number(state.last_seq), schemaVersion: SYNC_SCHEMA_VERSION }
  })
  authRoutes(app, deps)
  syncRoutes(app, deps)
  adminRoutes(app, deps)

  const staticRoot = options.staticRoot === undefined ? join(repoRoot, 'out/renderer') : options.staticRoot
  if (staticRoot && existsSync(join(staticRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: resolve(staticRoot),
      index: 'index.html',
      // Hashed asset names change with every build; index.html must always be revalidated.
      cacheControl: false,
      setHeaders(reply, path) {
        if (path.endsWith('.html'))
          void reply.headers({
            'Content-Security-Policy': CONTENT_SECURITY_POLICY,
            'Cross-Origin-Opener-Policy': 'same-origin',
            'Cache-Control': 'no-cache'
          })
        else
          void reply.header(
            'Cache-Control',
            path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'
          )
      }
    })
  }

  const sweep = setInterval(() => {
    void hub
      .sweep(async (tokenHash) => {
        const session = await findSession(database.db, tokenHash)
        return session !== undefined && (await authenticateAgent(database, session.agentId))
      })
      .catch((err: unknown) => app.log.warn({ err }, 'live session sweep failed'))
  }, options.sessionSweepMs ?? 60_000)
  sweep.unref()

  // Graceful shutdown: stop taking requests (Fastify), let running pushes commit, then close.
  app.addHook('preClose', async () => {
    clearInterval(sweep)
    hub.close()
  })
  app.addHook('onClose', async () => {
    await Promise.allSettled([...inflight])
    if (ownsDatabase) await database.close()
  })
  return app
}

async function authenticateAgent(database: DeskDatabase, agentId: string): Promise<boolean> {
  return (await loadViewer(database.db, agentId))?.active === true
}
