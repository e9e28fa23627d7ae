/**
 * The only way main answers IPC: every channel of the contract goes through `registerHandlers`,
 * which for each call
 *   1. refuses senders that are not the app's own page (app://desk, or the dev server in dev),
 *   2. validates the request with the channel's zod schema and refuses it, naming the channel and
 *      the invalid fields, without calling the handler,
 *   3. validates the handler's answer, so the renderer never receives what the contract does not
 *      promise.
 * It also sends main → renderer events, validating their payload first (`sendEvent`).
 */
import type { z } from 'zod'
import type { ChannelName, EventName, EventPayload, IpcContract, IpcEvents, Res } from '../../shared/ipc'

/** The part of Electron's IpcMainInvokeEvent we read. */
export interface InvokeEventLike {
  senderFrame?: { url: string } | null
}

/** The part of Electron's ipcMain we use. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void
  removeHandler(channel: string): void
}

export interface HandlerContext {
  /** URL of the frame that called, already checked to be the app. */
  senderUrl: string
}

export type Handler<C extends ChannelName> = (
  request: z.output<IpcContract[C]['request']>,
  ctx: HandlerContext
) => Res<C> | Promise<Res<C>>
export type Handlers = { [C in ChannelName]: Handler<C> }

/** Raised to the renderer as the rejection of `window.desk.*` calls. */
export class IpcRefusedError extends Error {
  constructor(
    readonly channel: string,
    message: string
  ) {
    super(`${channel}: ${message}`)
    this.name = 'IpcRefusedError'
  }
}

/** `theme: Invalid option…; count: Too small…` — the fields and why, readable in a console. */
export function describeIssues(error: z.ZodError, limit = 5): string {
  const parts = error.issues.slice(0, limit).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(request)'
    return `${where}: ${issue.message}`
  })
  if (error.issues.length > limit) parts.push(`… and ${error.issues.length - limit} more`)
  return parts.join('; ')
}

/**
 * Decides whether a frame URL is the app: `app://desk/...` always; the Vite dev server's origin
 * only when main was started with one (dev). Everything else — file:, other hosts, about:blank,
 * a destroyed frame — is foreign.
 */
export function createSenderCheck(options: {
  appScheme: string
  appHost: string
  devServerUrl?: string
}): (url: string | undefined) => boolean {
  const devOrigin = options.devServerUrl ? safeUrl(options.devServerUrl)?.origin : undefined
  return (url) => {
    if (!url) return false
    const u = safeUrl(url)
    if (!u) return false
    // Node's URL gives custom schemes an opaque origin ("null"), so compare scheme + host.
    if (u.protocol === `${options.appScheme}:` && u.host === options.appHost) return true
    return devOrigin !== undefined && devOrigin !== 'null' && u.origin === devOrigin
  }
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

export interface RegisterOptions {
  isTrustedSender: (url: string | undefined) => boolean
  log?: (message: string, error?: unknown) => void
}

/** Registers one handler per contract channel; returns a function removing them all. */
export function registerHandlers(
  ipcMain: IpcMainLike,
  contract: IpcContract,
  handlers: Handlers,
  options: RegisterOptions
): () => void {
  const log = options.log ?? ((message, error) => console.warn(`[ipc] ${message}`, error ?? ''))
  const channels = Object.keys(contract) as ChannelName[]
  const missing = channels.filter((c) => typeof handlers[c] !== 'function')
  if (missing.length > 0) throw new Error(`ipc: no handler for ${missing.join(', ')}`)

  for (const channel of channels) {
    const { request: requestSchema, response: responseSchema } = contract[channel]
    const handler = handlers[channel] as (request: unknown, ctx: HandlerContext) => unknown
    ipcMain.handle(channel, async (event, ...args) => {
      const senderUrl = event.senderFrame?.url
      if (!options.isTrustedSender(senderUrl)) {
        log(`refused ${channel} from ${senderUrl ?? 'a destroyed frame'}`)
        throw new IpcRefusedError(
          channel,
          `refused: the caller (${senderUrl ?? 'unknown frame'}) is not the Desk Console app`
        )
      }
      if (args.length > 1)
        throw new IpcRefusedError(channel, `invalid request — expected one argument, got ${args.length}`)
      const parsed = (requestSchema as z.ZodType).safeParse(args[0])
      if (!parsed.success) {
        throw new IpcRefusedError(channel, `invalid request — ${describeIssues(parsed.error)}`)
      }
      const result = await handler(parsed.data, { senderUrl: senderUrl as string })
      const checked = (responseSchema as z.ZodType).safeParse(result)
      if (!checked.success) {
        log(`${channel} handler returned an invalid response: ${describeIssues(checked.error)}`)
        throw new IpcRefusedError(channel, 'internal error — the main process produced an invalid response')
      }
      return checked.data
    })
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel)
  }
}

/** The part of WebContents `sendEvent` needs. */
export interface EventTarget {
  isDestroyed(): boolean
  send(channel: string, payload: unknown): void
}

/** Sends a main → renderer event after validating its payload; false if not sent. */
export function sendEvent<E extends EventName>(
  events: IpcEvents,
  target: EventTarget | undefined,
  event: E,
  payload: EventPayload<E>
): boolean {
  const parsed = (events[event] as z.ZodType).safeParse(payload)
  if (!parsed.success) throw new Error(`ipc event ${event}: invalid payload — ${describeIssues(parsed.error)}`)
  if (!target || target.isDestroyed()) return false
  target.send(event, parsed.data)
  return true
}

/**
 * Collects handlers from the services (each calls `ipc.handle(...)` in its `register(ipc)`),
 * then `start()` registers them all through `registerHandlers`, refusing to start while any
 * contract channel has no handler.
 */
export class IpcRegistry {
  private readonly handlers: Partial<Record<ChannelName, Handler<ChannelName>>> = {}

  constructor(
    private readonly ipcMain: IpcMainLike,
    private readonly contract: IpcContract,
    private readonly options: RegisterOptions
  ) {}

  handle<C extends ChannelName>(channel: C, handler: Handler<C>): void {
    if (!(channel in this.contract)) throw new Error(`ipc: ${channel} is not in the contract`)
    if (this.handlers[channel]) throw new Error(`ipc: ${channel} already has a handler`)
    this.handlers[channel] = handler
  }

  start(): () => void {
    return registerHandlers(this.ipcMain, this.contract, this.handlers as Handlers, this.options)
  }
}
