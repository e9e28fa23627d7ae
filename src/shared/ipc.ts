/**
 * The one IPC contract between the renderer (through `window.desk`) and the main process.
 *
 * - Invoke channels (`'domain.verb'`, renderer → main → renderer): `ipcContract`. Main registers
 *   every channel through `registerHandlers` (src/main/services/ipc-registry.ts), which validates
 *   the request and the response with these schemas and refuses senders that are not the app.
 * - Events (main → renderer, fire and forget): `ipcEvents`. Main validates the payload before
 *   sending (`sendEvent`).
 * - `DeskApi` is the typed shape of `window.desk`: one namespace per domain, one async method per
 *   channel, so `'settings.set'` is called as `window.desk.settings.set({ theme: 'dark' })`.
 *   Channels without a request take no argument (`window.desk.app.info()`).
 *
 * Pure TypeScript + zod: imported by main, preload (types only) and renderer.
 */
import { z } from 'zod'

/** Largest backup/export the renderer may hand to main, in UTF-8 bytes. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024
/** Largest unsent outbox main keeps a copy of (entries). */
export const MAX_OUTBOX_ENTRIES = 200_000
/** Largest badge number shown; beyond it the tray shows the same figure. */
export const MAX_BADGE_COUNT = 99_999

/** UTF-8 length without allocating a 50 MB buffer (works in Node and the browser). */
export function utf8ByteLength(s: string): number {
  let bytes = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

const noRequest = z.strictObject({})

export const themeSchema = z.enum(['light', 'dark', 'system'])
export const languageSchema = z.enum(['en', 'zh-CN', 'system'])

export const settingsSchema = z.strictObject({
  theme: themeSchema,
  language: languageSchema
})
export type Settings = z.infer<typeof settingsSchema>
export const defaultSettings: Settings = { theme: 'system', language: 'system' }

/** A file name only: no folder, no characters Windows refuses, not hidden, not `..`. */
export const fileNameSchema = z
  .string()
  .min(1, 'required')
  .max(200, 'at most 200 characters')
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\\/:*?"<>|\u0000-\u001f]+$/, 'must be a file name without a folder or \\ / : * ? " < > |')
  .refine(
    (n) => !n.startsWith('.') && !n.endsWith('.') && !n.endsWith(' '),
    'must not start or end with a dot or a space'
  )

export const httpUrlSchema = z
  .string()
  .max(4096, 'at most 4096 characters')
  .refine((value) => {
    try {
      const u = new URL(value)
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== ''
    } catch {
      return false
    }
  }, 'must be an http:// or https:// address')

/** An outbox entry is owned by the sync layer; main keeps it opaque but insists on an object. */
export const outboxEntrySchema = z.record(z.string(), z.unknown())

export const ipcContract = {
  /** Facts about the running app the UI shows or needs (About box, default language). No paths. */
  'app.info': {
    request: noRequest,
    response: z.strictObject({
      name: z.string(),
      version: z.string(),
      platform: z.enum(['darwin', 'win32', 'linux', 'other']),
      arch: z.string(),
      /** OS UI locale, e.g. `zh-CN`; the renderer resolves `language: 'system'` with it. */
      locale: z.string(),
      /** OS preferred languages, most preferred first. */
      preferredLanguages: z.array(z.string()),
      electron: z.string(),
      chrome: z.string(),
      isDev: z.boolean()
    })
  },
  /** Opens an http(s) link in the user's browser. Anything else is refused. */
  'shell.openExternal': {
    request: z.strictObject({ url: httpUrlSchema }),
    response: z.void()
  },
  /** Sets the attention count on the tray tooltip and the dock/taskbar badge (0 clears it). */
  'window.setBadge': {
    request: z.strictObject({ count: z.int().min(0).max(MAX_BADGE_COUNT) }),
    response: z.void()
  },
  /** Asks the user where to save `content` (save dialog), then writes it atomically. */
  'backup.save': {
    request: z.strictObject({
      suggestedName: fileNameSchema,
      content: z
        .string()
        .max(MAX_BACKUP_BYTES, 'at most 50 MB')
        .refine((s) => utf8ByteLength(s) <= MAX_BACKUP_BYTES, 'at most 50 MB')
    }),
    /** `saved: false` when the user cancelled the dialog. */
    response: z.strictObject({ saved: z.boolean(), path: z.string().optional() })
  },
  /** Replaces main's on-disk copy of the unsent outbox (userData/outbox-backup.json). */
  'outbox.backup': {
    request: z.strictObject({
      entries: z.array(outboxEntrySchema).max(MAX_OUTBOX_ENTRIES, `at most ${MAX_OUTBOX_ENTRIES} entries`)
    }),
    response: z.void()
  },
  /** Reads main's copy of the unsent outbox; `savedAt` is null when there is none. */
  'outbox.restore': {
    request: noRequest,
    response: z.strictObject({
      entries: z.array(outboxEntrySchema),
      savedAt: z.iso.datetime().nullable()
    })
  },
  /** The desk server session token, kept by main encrypted with the OS keychain (safeStorage). */
  'auth.getToken': {
    request: noRequest,
    response: z.strictObject({ token: z.string().nullable() })
  },
  'auth.setToken': {
    request: z.strictObject({ token: z.string().min(1, 'required').max(4096, 'at most 4096 characters') }),
    response: z.void()
  },
  'auth.clearToken': {
    request: noRequest,
    response: z.void()
  },
  'settings.get': {
    request: noRequest,
    response: settingsSchema
  },
  /** Changes some settings; answers the whole settings object as saved. */
  'settings.set': {
    request: settingsSchema.partial().refine((s) => Object.keys(s).length > 0, 'nothing to change'),
    response: settingsSchema
  }
} as const satisfies Record<`${string}.${string}`, { request: z.ZodType; response: z.ZodType }>

/** Main → renderer events. */
export const ipcEvents = {
  /** A notification or deep link asks the console to show one ticket. */
  'nav.openTicket': z.strictObject({ ticketId: z.uuid() }),
  /** File ▸ New incident (Ctrl+N) from the app menu. */
  'nav.newIncident': noRequest,
  /** The machine woke from sleep: reconnect, pull, re-check timers. */
  'system.resumed': noRequest
} as const satisfies Record<`${string}.${string}`, z.ZodType>

export type IpcContract = typeof ipcContract
export type ChannelName = keyof IpcContract
export type Req<C extends ChannelName> = z.input<IpcContract[C]['request']>
export type Res<C extends ChannelName> = z.output<IpcContract[C]['response']>
export type IpcEvents = typeof ipcEvents
export type EventName = keyof IpcEvents
export type EventPayload<E extends EventName> = z.output<IpcEvents[E]>

export const channelNames = Object.keys(ipcContract) as ChannelName[]
export const eventNames = Object.keys(ipcEvents) as EventName[]

type DomainOf<C extends string> = C extends `${infer D}.${string}` ? D : never
/** A channel whose request is `{}` (an index signature of never) takes no argument. */
type Method<C extends ChannelName> = string extends keyof Req<C>
  ? () => Promise<Res<C>>
  : (request: Req<C>) => Promise<Res<C>>

/** `{ app: { info() }, settings: { get(), set(req) }, … }` derived from `ipcContract`. */
export type DeskInvokeApi = {
  readonly [D in DomainOf<ChannelName>]: {
    readonly [C in ChannelName as C extends `${D}.${infer V}` ? V : never]: Method<C>
  }
}

/** Subscribes to a main → renderer event; returns the unsubscribe function. */
export type Subscribe<E extends EventName> = (listener: (payload: EventPayload<E>) => void) => () => void

/** The typed shape of `window.desk` (absent in the web console). */
export type DeskApi = DeskInvokeApi & {
  readonly onOpenTicket: Subscribe<'nav.openTicket'>
  readonly onNewIncident: Subscribe<'nav.newIncident'>
  readonly onSystemResumed: Subscribe<'system.resumed'>
}
