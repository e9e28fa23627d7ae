import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ dialog: { showSaveDialog: vi.fn() } }))

import { BackupService } from '../../../src/main/services/backup-service'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-backup-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('BackupService', () => {
  it('writes the backup where the agent chose and says where', async () => {
    const target = join(dir, 'chosen', 'desk-2026-11-24.json')
    const showSaveDialog = vi.fn(() => Promise.resolve({ canceled: false, filePath: target }))
    const service = new BackupService({
      dialog: { showSaveDialog },
      defaultDir: () => '/home/agent/Documents',
      title: () => '保存备份'
    })
    await expect(service.save({ suggestedName: 'desk-2026-11-24.json', content: '{"tickets":[]}' })).resolves.toEqual({
      saved: true,
      path: target
    })
    expect(await readFile(target, 'utf8')).toBe('{"tickets":[]}')
    expect(showSaveDialog).toHaveBeenCalledWith({
      title: '保存备份',
      defaultPath: join('/home/agent/Documents', 'desk-2026-11-24.json'),
      filters: [
        { name: 'JSON', extensions: ['json'] },
        { name: '*', extensions: ['*'] }
      ]
    })
  })

  it('writes nothing when the agent cancels the dialog', async () => {
    const writeFile = vi.fn()
    const service = new BackupService({
      dialog: { showSaveDialog: () => Promise.resolve({ canceled: true }) },
      defaultDir: () => dir,
      title: () => 'Save backup',
      writeFile
    })
    await expect(service.save({ suggestedName: 'x.csv', content: 'a' })).resolves.toEqual({ saved: false })
    expect(writeFile).not.toHaveBeenCalled()
  })
})
