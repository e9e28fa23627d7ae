import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'

vi.mock('electron', () => ({ app: { getPath: vi.fn(() => '/nonexistent') } }))

import { atomicWriteFile, JsonFileStore } from '../../../src/main/services/file-store'

const schema = z.object({ theme: z.enum(['light', 'dark']) })
let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-file-store-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('JsonFileStore', () => {
  it('round-trips a document and leaves no temp files behind', async () => {
    const store = new JsonFileStore(dir)
    await store.writeJson('settings.json', { theme: 'dark' })
    await expect(store.readJson('settings.json', schema, { theme: 'light' })).resolves.toEqual({ theme: 'dark' })
    expect(await readdir(dir)).toEqual(['settings.json'])
  })

  it('gives the fallback when the file does not exist yet', async () => {
    const store = new JsonFileStore(dir, { log: vi.fn() })
    await expect(store.readJson('missing.json', schema, { theme: 'light' })).resolves.toEqual({ theme: 'light' })
  })

  it('survives a corrupt file: returns the fallback and keeps the bad file aside', async () => {
    await writeFile(join(dir, 'settings.json'), '{"theme": "da')
    const log = vi.fn()
    const store = new JsonFileStore(dir, { now: () => 1700000000000, log })
    await expect(store.readJson('settings.json', schema, { theme: 'light' })).resolves.toEqual({ theme: 'light' })
    expect((await readdir(dir)).sort()).toEqual(['settings.json.corrupt-1700000000000'])
    expect(await readFile(join(dir, 'settings.json.corrupt-1700000000000'), 'utf8')).toBe('{"theme": "da')
    expect(log).toHaveBeenCalledWith(expect.stringContaining('is not valid JSON'), expect.anything())
    // The next save works and the next read sees it.
    await store.writeJson('settings.json', { theme: 'dark' })
    await expect(store.readJson('settings.json', schema, { theme: 'light' })).resolves.toEqual({ theme: 'dark' })
  })

  it('treats valid JSON with the wrong shape as corrupt too', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ theme: 'neon' }))
    const store = new JsonFileStore(dir, { now: () => 42, log: vi.fn() })
    await expect(store.readJson('settings.json', schema, { theme: 'light' })).resolves.toEqual({ theme: 'light' })
    expect(await readdir(dir)).toEqual(['settings.json.corrupt-42'])
  })

  it('never throws on read, even when the path is a folder', async () => {
    const store = new JsonFileStore(dir, { log: vi.fn() })
    await store.writeJson('x.json', { theme: 'dark' })
    const nested = new JsonFileStore(join(dir, 'x.json'), { log: vi.fn() })
    await expect(nested.readJson('y.json', schema, { theme: 'light' })).resolves.toEqual({ theme: 'light' })
  })

  it('keeps concurrent writes in call order (last write wins on disk)', async () => {
    const store = new JsonFileStore(dir)
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.writeJson('n.json', { n: i })))
    expect(JSON.parse(await readFile(join(dir, 'n.json'), 'utf8'))).toEqual({ n: 19 })
    expect(await readdir(dir)).toEqual(['n.json'])
  })

  it('refuses names that would leave its folder', async () => {
    const store = new JsonFileStore(dir, { log: vi.fn() })
    expect(() => store.writeJson('../escape.json', {})).toThrow(/plain file name/)
    await expect(store.readJson('../../etc/passwd', schema, { theme: 'light' })).resolves.toEqual({ theme: 'light' })
  })
})

describe('atomicWriteFile', () => {
  it('replaces the whole file and creates missing folders', async () => {
    const path = join(dir, 'exports', 'tickets.csv')
    await atomicWriteFile(path, 'a,b\n1,2\n')
    await atomicWriteFile(path, 'number,title\nINC-000001,打印机卡纸\n')
    expect(await readFile(path, 'utf8')).toBe('number,title\nINC-000001,打印机卡纸\n')
    expect(await readdir(join(dir, 'exports'))).toEqual(['tickets.csv'])
  })
})
