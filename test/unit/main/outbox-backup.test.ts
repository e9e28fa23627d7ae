import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ app: { getPath: vi.fn(() => '/nonexistent') } }))

import { JsonFileStore, type FileStore } from '../../../src/main/services/file-store'
import { OUTBOX_BACKUP_FILE, OutboxBackupService } from '../../../src/main/services/outbox-backup-service'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-outbox-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const entry = (seq: number): Record<string, unknown> => ({
  clientId: 'c1',
  seq,
  id: `0190b3c4-5d6e-7f80-9a1b-2c3d4e5f6a${String(seq).padStart(2, '0')}`,
  name: 'comment.add@1',
  args: { ticketId: 't1', body: `已联系用户 #${seq}` },
  occurredAt: '2026-11-24T10:02:00.000Z'
})

describe('OutboxBackupService', () => {
  it('gives back, after a restart, exactly the unsent commands it was handed', async () => {
    const now = () => new Date('2026-11-24T10:05:00.000Z')
    await new OutboxBackupService(new JsonFileStore(dir), now).backup([entry(1), entry(2)])
    const afterRestart = new OutboxBackupService(new JsonFileStore(dir))
    await expect(afterRestart.restore()).resolves.toEqual({
      entries: [entry(1), entry(2)],
      savedAt: '2026-11-24T10:05:00.000Z'
    })
  })

  it('answers an empty outbox when nothing was ever backed up', async () => {
    await expect(new OutboxBackupService(new JsonFileStore(dir)).restore()).resolves.toEqual({
      entries: [],
      savedAt: null
    })
  })

  it('answers an empty outbox (and keeps the file aside) when the backup is corrupt', async () => {
    await writeFile(join(dir, OUTBOX_BACKUP_FILE), '{"version":1,"entries":[{"seq":1}')
    const service = new OutboxBackupService(new JsonFileStore(dir, { now: () => 7, log: vi.fn() }))
    await expect(service.restore()).resolves.toEqual({ entries: [], savedAt: null })
    await expect(readFile(join(dir, `${OUTBOX_BACKUP_FILE}.corrupt-7`), 'utf8')).resolves.toContain('"seq":1')
  })

  it('coalesces a burst: every caller resolves, the file ends with the newest outbox, fewer writes', async () => {
    const real = new JsonFileStore(dir)
    const writes: unknown[] = []
    const store: FileStore = {
      readJson: (n, s, f) => real.readJson(n, s, f),
      writeJson: async (name, value) => {
        writes.push(value)
        await new Promise((r) => setTimeout(r, 5))
        await real.writeJson(name, value)
      }
    }
    const service = new OutboxBackupService(store)
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => service.backup(Array.from({ length: i + 1 }, (_, k) => entry(k + 1))))
    )
    expect(writes.length).toBeLessThanOrEqual(2)
    const onDisk = JSON.parse(await readFile(join(dir, OUTBOX_BACKUP_FILE), 'utf8'))
    expect(onDisk.entries).toHaveLength(10)
    await expect(new OutboxBackupService(new JsonFileStore(dir)).restore()).resolves.toMatchObject({
      entries: onDisk.entries
    })
  })

  it('reports a failed write to the caller instead of pretending it is safe', async () => {
    const store: FileStore = {
      readJson: (_n, _s, f) => Promise.resolve(f),
      writeJson: () => Promise.reject(new Error('ENOSPC: no space left on device'))
    }
    await expect(new OutboxBackupService(store).backup([entry(1)])).rejects.toThrow('ENOSPC')
  })
})
