import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ipcContract } from '../../../src/shared/ipc'
import {
  CREDENTIALS_FILE,
  CredentialService,
  type SafeStoragePort
} from '../../../src/main/services/credential-service'
import { JsonFileStore } from '../../../src/main/services/file-store'
import { IpcRegistry } from '../../../src/main/services/ipc-registry'
import { FakeIpcMain } from './helpers'

/** A reversible stand-in for the OS keychain (XOR with a key the test can swap). */
function fakeSafe(available = true, key = 0x5a): SafeStoragePort & { key: number } {
  const safe = {
    key,
    isEncryptionAvailable: () => available,
    encryptString: (plain: string) => Buffer.from([...Buffer.from(plain, 'utf8')].map((b) => b ^ safe.key)),
    decryptString: (enc: Buffer) => {
      const out = Buffer.from([...enc].map((b) => b ^ safe.key)).toString('utf8')
      if (!out.startsWith('tok_')) throw new Error('wrong key')
      return out
    }
  }
  return safe
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-credentials-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('CredentialService', () => {
  it('keeps the token encrypted on disk and reads it back after a restart', async () => {
    const safe = fakeSafe()
    await new CredentialService(new JsonFileStore(dir), safe).setToken('tok_secret-session')
    const onDisk = await readFile(join(dir, CREDENTIALS_FILE), 'utf8')
    expect(onDisk).not.toContain('tok_secret-session')
    await expect(new CredentialService(new JsonFileStore(dir), safe).getToken()).resolves.toBe('tok_secret-session')
  })

  it('clears the token', async () => {
    const service = new CredentialService(new JsonFileStore(dir), fakeSafe())
    await service.setToken('tok_abc')
    await service.clearToken()
    await expect(service.getToken()).resolves.toBeNull()
    await expect(new CredentialService(new JsonFileStore(dir), fakeSafe()).getToken()).resolves.toBeNull()
  })

  it('never writes the token in clear when the OS cannot encrypt: memory only, for this run', async () => {
    const service = new CredentialService(new JsonFileStore(dir), fakeSafe(false))
    await service.setToken('tok_plain')
    await expect(service.getToken()).resolves.toBe('tok_plain')
    expect(await readFile(join(dir, CREDENTIALS_FILE), 'utf8')).not.toContain('tok_plain')
    await expect(new CredentialService(new JsonFileStore(dir), fakeSafe(false)).getToken()).resolves.toBeNull()
  })

  it('a token that no longer decrypts (another keychain) means logging in again, not a crash', async () => {
    const safe = fakeSafe()
    await new CredentialService(new JsonFileStore(dir), safe).setToken('tok_abc')
    safe.key = 0x11
    const logs: string[] = []
    const service = new CredentialService(new JsonFileStore(dir), safe, (m) => logs.push(m))
    await expect(service.getToken()).resolves.toBeNull()
    expect(logs).toHaveLength(1)
  })

  it('answers the auth channels and validates their payloads', async () => {
    const ipcMain = new FakeIpcMain()
    const ipc = new IpcRegistry(ipcMain, ipcContract, { isTrustedSender: () => true })
    new CredentialService(new JsonFileStore(dir), fakeSafe()).register(ipc)
    for (const channel of Object.keys(ipcContract))
      if (!channel.startsWith('auth.')) ipc.handle(channel as never, (() => undefined) as never)
    ipc.start()
    await expect(ipcMain.invoke('auth.getToken', {})).resolves.toEqual({ token: null })
    await ipcMain.invoke('auth.setToken', { token: 'tok_1' })
    await expect(ipcMain.invoke('auth.getToken', {})).resolves.toEqual({ token: 'tok_1' })
    await expect(ipcMain.invoke('auth.setToken', { token: '' })).rejects.toThrow()
    await expect(ipcMain.invoke('auth.setToken', { token: 'x'.repeat(5000) })).rejects.toThrow()
    await ipcMain.invoke('auth.clearToken', {})
    await expect(ipcMain.invoke('auth.getToken', {})).resolves.toEqual({ token: null })
  })
})
