import { z } from 'zod'
import { httpUrlSchema } from '@shared/ipc'
import {
  errorBodySchema,
  numberLeaseSchema,
  pokeSchema,
  pullResponseSchema,
  pushResponseSchema,
  seqGapSchema,
  sessionSchema,
  SYNC_SCHEMA_VERSION,
  type Session
} from '@shared/sync/protocol'
import { SyncError, type SyncTransport } from './transport'

/** Long enough for a 5,000-row page on a slow VPN, short enough to notice a dead link. */
const REQUEST_TIMEOUT_MS = 60_000

type FetchFn = typeof fetch

/** `desk.example.com:8787` → `http://desk.example.com:8787`; no trailing slash. Null when invalid. */
export function normaliseServerUrl(input: string): string | null {
  let value = input.trim()
  if (!value) return null
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) value = `http://${value}`
  if (!httpUrlSchema.safeParse(value).success) return null
  const url = new URL(value)
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

async function send(fetchFn: FetchFn, url: string, init: RequestInit): Promise<Response> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS)
  try {
    return await fetchFn(url, { ...init, signal: controller.signal })
  } catch (error) {
    throw new SyncError('network', error instanceof Error ? error.message : 'the desk server cannot be reached')
  } finally {
    clearTimeout(timer)
  }
}

async function fail(res: Response): Promise<never> {
  let body: unknown = null
  try {
    body = await res.json()
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  const parsed = errorBodySchema.safeParse(body)
  const message = parsed.success ? parsed.data.message : `HTTP ${res.status}`
  const issues = parsed.success ? (parsed.data.issues ?? {}) : {}
  if (res.status === 409) {
    const gap = seqGapSchema.safeParse(body)
    if (gap.success) throw new SyncError('seq_gap', gap.data.message, 409, gap.data.lastProcessedSeq)
  }
  if (res.status === 401) throw new SyncError('unauthorized', message, 401)
  if (res.status === 403) throw new SyncError('forbidden', message, 403)
  if (res.status === 426) throw new SyncError('upgrade_required', message, 426)
  if (res.status >= 500 || res.status === 429 || res.status === 408) throw new SyncError('server', message, res.status)
  throw new SyncError('bad_request', message, res.status, undefined, issues)
}

async function json<S extends z.ZodType>(res: Response, schema: S): Promise<z.output<S>> {
  if (!res.ok) return fail(res)
  const parsed = schema.safeParse(await res.json().catch(() => null))
  if (!parsed.success)
    throw new SyncError('server', 'the desk server sent an answer this console does not understand', res.status)
  return parsed.data
}

export interface HttpTransportOptions {
  serverUrl: string
  getToken(): Promise<string | null>
  fetch?: FetchFn
  WebSocket?: typeof WebSocket
}

/** The sync transport over HTTP (push, pull, leases) and a WebSocket for pokes. */
export function createHttpTransport(options: HttpTransportOptions): SyncTransport {
  const base = options.serverUrl
  const fetchFn: FetchFn = options.fetch ?? ((input, init) => fetch(input, init))
  const headers = async (): Promise<Record<string, string>> => {
    const token = await options.getToken()
    if (!token) throw new SyncError('unauthorized', 'not logged in to the desk server', 401)
    return { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
  }
  const post = async (path: string, body: unknown): Promise<Response> =>
    send(fetchFn, `${base}${path}`, { method: 'POST', headers: await headers(), body: JSON.stringify(body) })

  return {
    async push(request) {
      return json(await post('/sync/push', request), pushResponseSchema)
    },
    async pull(query) {
      const params = new URLSearchParams({
        clientId: query.clientId,
        cursor: String(query.cursor),
        schemaVersion: String(query.schemaVersion)
      })
      if (query.limit) params.set('limit', String(query.limit))
      return json(
        await send(fetchFn, `${base}/sync/pull?${params}`, { method: 'GET', headers: await headers() }),
        pullResponseSchema
      )
    },
    async leaseNumbers(request) {
      return json(await post('/sync/numbers', request), numberLeaseSchema)
    },
    live(handlers) {
      const Ctor = options.WebSocket ?? globalThis.WebSocket
      if (!Ctor) return () => undefined
      let socket: WebSocket | null = null
      let closed = false
      let attempt = 0
      let retry: ReturnType<typeof setTimeout> | undefined
      const open = async (): Promise<void> => {
        const token = await options.getToken().catch(() => null)
        if (closed || !token) return
        const url = `${base.replace(/^http/, 'ws')}/sync/live?token=${encodeURIComponent(token)}`
        socket = new Ctor(url)
        socket.onopen = () => {
          attempt = 0
          handlers.onOpen()
        }
        socket.onmessage = (event) => {
          try {
            const poke = pokeSchema.safeParse(JSON.parse(String(event.data)))
            if (poke.success) handlers.onPoke(poke.data.seq)
          } catch {
            // Not a poke: ignore.
          }
        }
        socket.onclose = () => {
          socket = null
          handlers.onClose()
          if (closed) return
          // Reconnect with backoff and jitter; polling covers the gap.
          const delay = Math.min(30_000, 1_000 * 2 ** attempt++) * (0.5 + Math.random() * 0.5)
          retry = setTimeout(() => void open(), delay)
        }
      }
      void open()
      return () => {
        closed = true
        clearTimeout(retry)
        socket?.close()
      }
    }
  }
}

export type LoginErrorCode =
  'invalid_credentials' | 'rate_limited' | 'unreachable' | 'upgrade_required' | 'invalid_input' | 'server'

export class LoginError extends Error {
  constructor(
    readonly code: LoginErrorCode,
    message: string,
    readonly issues: Record<string, string> = {}
  ) {
    super(message)
    this.name = 'LoginError'
  }
}

/** POST /auth/login. Throws LoginError with a code the connect screen translates. */
export async function login(
  serverUrl: string,
  email: string,
  password: string,
  fetchFn: FetchFn = (i, n) => fetch(i, n)
): Promise<Session> {
  let res: Response
  try {
    res = await send(fetchFn, `${serverUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-desk-schema-version': String(SYNC_SCHEMA_VERSION) },
      body: JSON.stringify({ email, password })
    })
  } catch (error) {
    throw new LoginError('unreachable', (error as Error).message)
  }
  if (res.ok) {
    const session = sessionSchema.safeParse(await res.json().catch(() => null))
    if (!session.success) throw new LoginError('server', 'this address answers, but not as a desk server')
    return session.data
  }
  const body = errorBodySchema.safeParse(await res.json().catch(() => null))
  const message = body.success ? body.data.message : `HTTP ${res.status}`
  if (res.status === 401 || res.status === 403) throw new LoginError('invalid_credentials', message)
  if (res.status === 429) throw new LoginError('rate_limited', message)
  if (res.status === 426) throw new LoginError('upgrade_required', message)
  if (res.status === 400) throw new LoginError('invalid_input', message, body.success ? (body.data.issues ?? {}) : {})
  if (res.status === 404) throw new LoginError('server', 'this address answers, but not as a desk server')
  throw new LoginError('server', message)
}

/** POST /auth/logout; best effort (the token is forgotten locally either way). */
export async function logout(
  serverUrl: string,
  token: string,
  fetchFn: FetchFn = (i, n) => fetch(i, n)
): Promise<void> {
  try {
    await send(fetchFn, `${serverUrl}/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
  } catch {
    // Offline: the session expires on the server by itself.
  }
}
