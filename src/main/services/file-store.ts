/**
 * Small JSON documents in the user-data folder (settings, window state, outbox backup).
 *
 * Writes are atomic: the new content goes to a temp file beside the target, is fsynced, then
 * renamed over the target (rename is atomic on one volume), and the folder is fsynced so the
 * rename itself survives a power cut. A crash mid-write leaves the old file intact.
 *
 * Reads never throw: a missing file gives the fallback; an unreadable or invalid one is renamed
 * aside to `<name>.corrupt-<timestamp>` (kept for support) and gives the fallback too.
 */
import { promises as fsp } from 'node:fs'
import { dirname, isAbsolute, join } from 'node:path'
import { randomBytes } from 'node:crypto'

/** Anything with zod's `safeParse` (kept structural so tests and callers need no zod import). */
export interface Validator<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: unknown }
}

export interface FileStore {
  readJson<T>(name: string, schema: Validator<T>, fallback: T): Promise<T>
  writeJson(name: string, value: unknown): Promise<void>
}

export interface FileStoreOptions {
  now?: () => number
  log?: (message: string, error?: unknown) => void
}

/** Writes `data` to `path` atomically (temp + fsync + rename + folder fsync). */
export async function atomicWriteFile(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path)
  await fsp.mkdir(dir, { recursive: true })
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  const handle = await fsp.open(temp, 'w', 0o600)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (error) {
    await handle.close().catch(() => undefined)
    await fsp.rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
  await handle.close()
  try {
    await fsp.rename(temp, path)
  } catch (error) {
    await fsp.rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
  await fsyncDir(dir)
}

async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return
  try {
    const handle = await fsp.open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Some filesystems refuse fsync on a directory; the rename has still happened.
  }
}

export class JsonFileStore implements FileStore {
  private readonly now: () => number
  private readonly log: (message: string, error?: unknown) => void
  /** Per-file write chain: writes land in call order, never interleaved. */
  private readonly chains = new Map<string, Promise<void>>()

  constructor(
    private readonly dir: string,
    options: FileStoreOptions = {}
  ) {
    this.now = options.now ?? Date.now
    this.log = options.log ?? ((message, error) => console.warn(`[file-store] ${message}`, error ?? ''))
  }

  pathOf(name: string): string {
    if (isAbsolute(name) || name.includes('/') || name.includes('\\') || name.startsWith('.')) {
      throw new Error(`file-store: "${name}" must be a plain file name inside the store folder`)
    }
    return join(this.dir, name)
  }

  async readJson<T>(name: string, schema: Validator<T>, fallback: T): Promise<T> {
    let path: string
    try {
      path = this.pathOf(name)
    } catch (error) {
      this.log(`refused to read ${name}`, error)
      return fallback
    }
    let text: string
    try {
      text = await fsp.readFile(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`cannot read ${path}`, error)
      return fallback
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (error) {
      await this.setAside(path, 'is not valid JSON', error)
      return fallback
    }
    const result = schema.safeParse(parsed)
    if (!result.success) {
      await this.setAside(path, 'does not match its schema', result.error)
      return fallback
    }
    return result.data
  }

  writeJson(name: string, value: unknown): Promise<void> {
    const path = this.pathOf(name)
    const text = JSON.stringify(value, null, 2) + '\n'
    const previous = this.chains.get(path) ?? Promise.resolve()
    const next = previous.catch(() => undefined).then(() => atomicWriteFile(path, text))
    this.chains.set(path, next)
    void next
      .finally(() => {
        if (this.chains.get(path) === next) this.chains.delete(path)
      })
      .catch(() => undefined)
    return next
  }

  private async setAside(path: string, why: string, error: unknown): Promise<void> {
    const aside = `${path}.corrupt-${this.now()}`
    this.log(`${path} ${why}; moved to ${aside} and using defaults`, error)
    try {
      await fsp.rename(path, aside)
    } catch (renameError) {
      this.log(`cannot move ${path} aside`, renameError)
    }
  }
}
