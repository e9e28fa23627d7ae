/**
 * The desk server session token. Stored only encrypted with the OS keychain (Electron
 * `safeStorage`: DPAPI, Keychain, libsecret) in userData/credentials.json; where the OS offers no
 * encryption the token is kept in memory for this run only, never written in clear.
 */
import { z } from 'zod'
import type { FileStore } from './file-store'
import type { IpcRegistry } from './ipc-registry'

export const CREDENTIALS_FILE = 'credentials.json'

/** The part of Electron's safeStorage this service uses. */
export interface SafeStoragePort {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(encrypted: Buffer): string
}

const fileSchema = z.object({ version: z.literal(1), token: z.string().nullable() })
type CredentialsFile = z.infer<typeof fileSchema>

export class CredentialService {
  /** Only used when the OS cannot encrypt. */
  private memoryToken: string | null = null

  constructor(
    private readonly store: FileStore,
    private readonly safe: SafeStoragePort,
    private readonly log: (message: string, error?: unknown) => void = (m, e) =>
      console.warn(`[credentials] ${m}`, e ?? '')
  ) {}

  async getToken(): Promise<string | null> {
    if (this.memoryToken !== null) return this.memoryToken
    const file = await this.store.readJson<CredentialsFile>(CREDENTIALS_FILE, fileSchema, { version: 1, token: null })
    if (file.token === null || !this.safe.isEncryptionAvailable()) return null
    try {
      return this.safe.decryptString(Buffer.from(file.token, 'base64'))
    } catch (error) {
      // Another OS user, a changed keychain: the agent logs in again.
      this.log('stored token cannot be decrypted', error)
      return null
    }
  }

  async setToken(token: string): Promise<void> {
    if (!this.safe.isEncryptionAvailable()) {
      this.memoryToken = token
      await this.store.writeJson(CREDENTIALS_FILE, { version: 1, token: null })
      return
    }
    this.memoryToken = null
    await this.store.writeJson(CREDENTIALS_FILE, {
      version: 1,
      token: this.safe.encryptString(token).toString('base64')
    })
  }

  async clearToken(): Promise<void> {
    this.memoryToken = null
    await this.store.writeJson(CREDENTIALS_FILE, { version: 1, token: null })
  }

  register(ipc: IpcRegistry): void {
    ipc.handle('auth.getToken', async () => ({ token: await this.getToken() }))
    ipc.handle('auth.setToken', ({ token }) => this.setToken(token))
    ipc.handle('auth.clearToken', () => this.clearToken())
  }
}
