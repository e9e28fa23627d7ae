/**
 * The desk server CLI.
 *
 *   npm run serve                          127.0.0.1:8787, embedded PostgreSQL (PGlite) in ./data
 *   npm run serve -- --host 0.0.0.0 --port 9000
 *   DATABASE_URL=postgres://… npm run serve    a real PostgreSQL instead
 *   npm run serve -- --create-admin lead@example.com   (re)issue an admin's one-time password, then exit
 *
 * Env: HOST, PORT, DATABASE_URL, DESK_DATA_DIR (default ./data), LOG_LEVEL (default info),
 * DESK_CORS_ORIGINS (comma list, `*` for any), DESK_TRUST_PROXY=1 behind a reverse proxy.
 */
import { parseArgs } from 'node:util'
import { buildApp } from './app'
import { ensureAdmin } from './auth/accounts'
import { openDatabase } from './db/database'
import { redactUrl } from './http/security'

const { values } = parseArgs({
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    'create-admin': { type: 'string' },
    help: { type: 'boolean', short: 'h' }
  },
  strict: true
})

if (values.help) {
  console.log('usage: npm run serve -- [--host 127.0.0.1] [--port 8787] [--create-admin email]')
  process.exit(0)
}

const host = values.host ?? process.env.HOST ?? '127.0.0.1'
const port = Number(values.port ?? process.env.PORT ?? 8787)
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`invalid port: ${values.port ?? process.env.PORT}`)
  process.exit(2)
}
const databaseUrl = process.env.DATABASE_URL || undefined
const dataDir = process.env.DESK_DATA_DIR || './data'

function announce(admin: { email: string; oneTimePassword: string; created: boolean }): void {
  // Printed once, to the operator's terminal only (never logged): it is not stored anywhere.
  const lines = [
    admin.created ? 'Created the desk administrator account.' : 'Issued a new one-time password.',
    `  email:    ${admin.email}`,
    `  password: ${admin.oneTimePassword}`,
    'Sign in and choose a new password; this one is shown only now.'
  ]
  process.stdout.write(`\n${lines.join('\n')}\n\n`)
}

const database = await openDatabase({ databaseUrl, dataDir })

if (values['create-admin'] !== undefined) {
  const admin = await ensureAdmin(database, values['create-admin'])
  if (admin) announce(admin)
  await database.close()
  process.exit(0)
}

const app = await buildApp({
  database,
  trustProxy: process.env.DESK_TRUST_PROXY === '1',
  corsOrigins: process.env.DESK_CORS_ORIGINS
    ? process.env.DESK_CORS_ORIGINS.split(',').map((s) => s.trim())
    : undefined,
  logger: {
    level: process.env.LOG_LEVEL ?? 'info',
    redact: ['req.headers.authorization'],
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        url: redactUrl(req.url),
        ip: req.ip
      })
    }
  }
})

const first = await ensureAdmin(database)
if (first) announce(first)

let stopping = false
async function stop(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  app.log.info({ signal }, 'shutting down: finishing requests in flight')
  const force = setTimeout(() => {
    app.log.error('shutdown took over 20 s; exiting')
    process.exit(1)
  }, 20_000)
  force.unref()
  try {
    await app.close()
    await database.close()
    process.exit(0)
  } catch (err) {
    app.log.error({ err }, 'shutdown failed')
    process.exit(1)
  }
}
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))

try {
  await app.listen({ host, port })
  app.log.info({ database: database.kind, dataDir: databaseUrl ? undefined : dataDir }, 'desk server ready')
} catch (err) {
  app.log.error({ err }, 'could not start')
  await database.close()
  process.exit(1)
}
