#!/usr/bin/env node
/**
 * Finds the Chromium the end-to-end tests drive (Debian's package, never a Playwright download).
 * Looks at CHROMIUM_PATH, then /usr/bin/chromium. Where it is missing and we run as root, installs
 * it with apt (non-interactive); otherwise prints exactly what to run and exits 1.
 *
 *   node scripts/ensure-chromium.mjs      prints the path it found (or installed)
 */
import { spawnSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const defaultChromiumPath = '/usr/bin/chromium'

function executable(path) {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

function run(cmd, args, env) {
  console.log(`$ ${[cmd, ...args].join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return r.status === 0
}

/** The version line Chromium prints, or null when it does not start. */
export function chromiumVersion(path) {
  const r = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 })
  if (r.status !== 0) return null
  return (
    r.stdout
      .split('\n')
      .map((l) => l.trim())
      .find((l) => /chrom/i.test(l)) ?? null
  )
}

/**
 * Returns the path of a working Chromium, installing Debian's package when allowed.
 * Throws with the instructions to print when it cannot.
 */
export function ensureChromium() {
  const wanted = process.env.CHROMIUM_PATH
  if (wanted) {
    if (executable(wanted) && chromiumVersion(wanted)) return wanted
    throw new Error(
      `CHROMIUM_PATH=${wanted} is not a working Chromium. Unset it to use ${defaultChromiumPath}, or point it at one.`
    )
  }
  if (executable(defaultChromiumPath) && chromiumVersion(defaultChromiumPath)) return defaultChromiumPath

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
  const instructions =
    'Chromium is needed for the end-to-end tests. Install it with:\n\n' +
    '  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-noto-cjk\n\n' +
    `or set CHROMIUM_PATH to a Chromium/Chrome binary (default ${defaultChromiumPath}).`
  if (!isRoot || !hasApt) throw new Error(instructions)

  console.log('Chromium not found: installing Debian package "chromium" (running as root).')
  const env = { DEBIAN_FRONTEND: 'noninteractive' }
  // Wait for another apt process (unattended upgrades, a parallel job) rather than failing.
  const lock = ['-o', 'DPkg::Lock::Timeout=300']
  if (!run('apt-get', [...lock, 'update', '-q'], env)) throw new Error(`apt-get update failed.\n\n${instructions}`)
  // CJK fonts too: the zh-CN console is tested (and screenshotted) in this browser.
  if (!run('apt-get', [...lock, 'install', '-y', '-q', 'chromium', 'fonts-noto-cjk'], env))
    throw new Error(`apt-get install chromium failed.\n\n${instructions}`)
  if (executable(defaultChromiumPath) && chromiumVersion(defaultChromiumPath)) return defaultChromiumPath
  throw new Error(`chromium was installed but ${defaultChromiumPath} does not start.\n\n${instructions}`)
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  try {
    const path = ensureChromium()
    console.log(`${path} (${chromiumVersion(path)})`)
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e))
    process.exit(1)
  }
}
