import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { dummyHash, generatePassword, hashPassword, verifyPassword } from '../../../src/server/auth/passwords'
import { hashToken } from '../../../src/server/auth/sessions'
import { CONTENT_SECURITY_POLICY, redactUrl } from '../../../src/server/http/security'

describe('passwords', () => {
  it('hashes with scrypt and a random salt, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery staple')
    const b = await hashPassword('correct horse battery staple')
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/)
    expect(a).not.toBe(b)
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true)
    expect(await verifyPassword('correct horse battery stapl', a)).toBe(false)
    expect(await verifyPassword('anything', await dummyHash())).toBe(false)
    expect(await verifyPassword('x', 'md5$abc')).toBe(false)
  })

  it('normalises Unicode so the same password typed differently still matches', async () => {
    const composed = await hashPassword('密码Café')
    expect(await verifyPassword('密码Cafe\u0301', composed)).toBe(true)
  })

  it('generates one-time passwords without look-alike characters', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 200; i++) {
      const p = generatePassword()
      expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/)
      seen.add(p)
    }
    expect(seen.size).toBe(200)
  })

  it('stores only a hash of session tokens', () => {
    expect(hashToken('abc')).toMatch(/^[0-9a-f]{64}$/)
    expect(hashToken('abc')).not.toContain('abc')
  })
})

describe('http security', () => {
  it('serves the console under the same CSP as the desktop app', () => {
    const source = readFileSync(new URL('../../../src/main/services/protocol.ts', import.meta.url), 'utf8')
    const m = /CONTENT_SECURITY_POLICY\s*=\s*\[([\s\S]*?)\]\s*\.join\(\s*'; '\s*\)/.exec(source)
    expect(m).not.toBeNull()
    const parts = [...m![1].matchAll(/"([^"]*)"|'([^']*)'/g)].map((p) => p[1] ?? p[2])
    expect(CONTENT_SECURITY_POLICY).toBe(parts.join('; '))
  })

  it('keeps tokens out of logged URLs', () => {
    expect(redactUrl('/sync/live?token=secret123&x=1')).toBe('/sync/live?token=[redacted]&x=1')
    expect(redactUrl('/sync/live?a=1&token=secret')).toBe('/sync/live?a=1&token=[redacted]')
  })
})
