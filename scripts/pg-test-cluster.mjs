#!/usr/bin/env node
/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temp folder, start it on a free loopback
 * port (no durability: fsync off), hand out its URL, stop and delete it afterwards. Uses Debian's
 * `postgresql` package (/usr/lib/postgresql/<version>/bin); as root it runs the server as the
 * `postgres` user, since PostgreSQL refuses to run as root.
 *
 *   node scripts/pg-test-cluster.mjs start        prints {"url":…,"dir":…} and leaves it running
 *   node scripts/pg-test-cluster.mjs stop DIR
 *   node scripts/pg-test-cluster.mjs bindir       prints the binaries' folder (exit 1 if none)
 *   node scripts/pg-test-cluster.mjs ensure       installs Debian's postgresql when missing (root)
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The newest installed PostgreSQL's bin folder, or null. */
export function postgresBinDir() {
  const base = '/usr/lib/postgresql'
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a))
    if (versions.length) return join(base, versions[0], 'bin')
  }
  try {
    const dir = execFileSync('pg_config', ['--bindir'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore']
    }).trim()
    if (existsSync(join(dir, 'initdb'))) return dir
  } catch {
    // no pg_config either
  }
  return null
}

/**
 * Installs Debian's `postgresql` when no PostgreSQL is found and we are root with apt; returns the
 * bin folder, or throws with what to run. The package's default cluster is not created (tests
 * start their own, on a free port).
 */
export function ensurePostgres() {
  const found = postgresBinDir()
  if (found) return found
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
  if (!isRoot || !hasApt)
    throw new Error(
      'PostgreSQL is needed for the server tests. Install it with:\n\n  sudo apt-get install -y postgresql\n'
    )
  const conf = '/etc/postgresql-common/createcluster.conf'
  if (!existsSync(conf)) {
    mkdirSync('/etc/postgresql-common', { recursive: true })
    writeFileSync(conf, 'create_main_cluster = false\n')
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const apt = (args) => {
    console.log(`$ apt-get ${args.join(' ')}`)
    return spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], { stdio: 'inherit', env }).status === 0
  }
  if (!apt(['install', '-y', '-q', 'postgresql'])) {
    apt(['update', '-q'])
    if (!apt(['install', '-y', '-q', 'postgresql'])) throw new Error('apt-get install postgresql failed')
  }
  const bin = postgresBinDir()
  if (!bin) throw new Error('postgresql was installed but initdb was not found under /usr/lib/postgresql')
  return bin
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolvePort(port))
    })
  })
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0

function postgresUid() {
  const line = execFileSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).trim()
  const [, , uid, gid] = line.split(':')
  return { uid: Number(uid), gid: Number(gid) }
}

function runAs(bin, args) {
  const cmd = isRoot ? 'runuser' : bin
  const argv = isRoot ? ['-u', 'postgres', '--', bin, ...args] : args
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Starts a cluster; resolves to `{ url, dir, port }`. Throws when PostgreSQL is not installed. */
export async function startCluster() {
  const bin = postgresBinDir()
  if (!bin) throw new Error('PostgreSQL is not installed (Debian: apt-get install -y postgresql)')
  const dir = mkdtempSync(join(tmpdir(), 'desk-pg-'))
  if (isRoot) {
    const { uid, gid } = postgresUid()
    chownSync(dir, uid, gid)
  }
  const data = join(dir, 'data')
  runAs(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync'
  ])
  let lastError
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort()
    const opts = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200'
    ].join(' ')
    try {
      runAs(join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '60', 'start'])
      return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, port }
    } catch (e) {
      lastError = e // the port was taken between probing and binding: try another
    }
  }
  rmSync(dir, { recursive: true, force: true })
  throw lastError
}

export function stopCluster(dir) {
  const bin = postgresBinDir()
  try {
    if (bin && existsSync(join(dir, 'data', 'postmaster.pid')))
      runAs(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop'])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  const [command, arg] = process.argv.slice(2)
  if (command === 'start') console.log(JSON.stringify(await startCluster()))
  else if (command === 'stop' && arg) stopCluster(arg)
  else if (command === 'ensure') console.log(ensurePostgres())
  else if (command === 'bindir') {
    const bin = postgresBinDir()
    if (!bin) process.exit(1)
    console.log(bin)
  } else {
    console.error('usage: pg-test-cluster.mjs start | stop DIR | bindir | ensure')
    process.exit(2)
  }
}
