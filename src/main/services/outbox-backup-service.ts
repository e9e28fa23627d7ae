/**
 * A copy of the renderer's unsent outbox, kept by main in userData/outbox-backup.json, so a
 * corrupted or cleared IndexedDB loses nothing the agent typed offline. The renderer sends the
 * whole pending outbox after it changes and reads it back (`outbox.restore`) when its own
 * database had to be rebuilt.
 *
 * Bursts are coalesced: while one write is on disk, only the newest pending copy is kept and
 * written next, and every caller resolves once a copy at least as new as theirs is saved.
 */
import { z } from 'zod'
import { outboxEntrySchema, type Res } from '../../shared/ipc'
import type { FileStore } from './file-store'
import type { IpcRegistry } from './ipc-registry'

export const OUTBOX_BACKUP_FILE = 'outbox-backup.json'

type Entry = z.infer<typeof outboxEntrySchema>

const backupFileSchema = z.object({
  version: z.literal(1),
  savedAt: z.iso.datetime(),
  entries: z.array(outboxEntrySchema)
})
type BackupFile = z.infer<typeof backupFileSchema>

interface Waiter {
  resolve: () => void
  reject: (error: unknown) => void
}

export class OutboxBackupService {
  private latest: BackupFile | undefined
  private pending: { file: BackupFile; waiters: Waiter[] } | undefined
  private writing = false

  constructor(
    private readonly store: FileStore,
    private readonly now: () => Date = () => new Date()
  ) {}

  backup(entries: Entry[]): Promise<void> {
    const file: BackupFile = { version: 1, savedAt: this.now().toISOString(), entries }
    this.latest = file
    return new Promise<void>((resolve, reject) => {
      if (this.pending) {
        this.pending.file = file
        this.pending.waiters.push({ resolve, reject })
      } else {
        this.pending = { file, waiters: [{ resolve, reject }] }
      }
      this.pump()
    })
  }

  async restore(): Promise<Res<'outbox.restore'>> {
    const file =
      this.latest ?? (await this.store.readJson<BackupFile | null>(OUTBOX_BACKUP_FILE, backupFileSchema, null))
    return file ? { entries: file.entries, savedAt: file.savedAt } : { entries: [], savedAt: null }
  }

  /** Resolves when nothing is waiting to be written (for quit). */
  async flush(): Promise<void> {
    while (this.writing || this.pending) await new Promise((r) => setTimeout(r, 10))
  }

  register(ipc: IpcRegistry): void {
    ipc.handle('outbox.backup', ({ entries }) => this.backup(entries))
    ipc.handle('outbox.restore', () => this.restore())
  }

  private pump(): void {
    if (this.writing || !this.pending) return
    const job = this.pending
    this.pending = undefined
    this.writing = true
    this.store
      .writeJson(OUTBOX_BACKUP_FILE, job.file)
      .then(
        () => job.waiters.forEach((w) => w.resolve()),
        (error: unknown) => job.waiters.forEach((w) => w.reject(error))
      )
      .finally(() => {
        this.writing = false
        this.pump()
      })
  }
}
