/**
 * A small seeded PRNG (mulberry32): the demo data must be the same on every machine for a given
 * seed, so benchmarks and screenshots compare like with like. Not for anything secret.
 */
export class Random {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0
    for (const [, w] of entries) total += w
    let r = this.next() * total
    for (const [v, w] of entries) {
      r -= w
      if (r < 0) return v
    }
    return entries[entries.length - 1][0]
  }

  /** 32 random bits as 8 hex digits. */
  hex8(): string {
    return Math.floor(this.next() * 4294967296)
      .toString(16)
      .padStart(8, '0')
  }
}

/**
 * A UUIDv7 with the given timestamp and seeded random bits, so demo ids sort by creation time like
 * the ids the console makes itself, and stay deterministic.
 */
export function demoUuid(rng: Random, atMs: number): string {
  const ts = Math.max(0, Math.floor(atMs)).toString(16).padStart(12, '0').slice(-12)
  const a = rng.hex8()
  const b = rng.hex8()
  const c = rng.hex8()
  const variant = ((parseInt(b[0], 16) & 0x3) | 0x8).toString(16)
  return `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${a.slice(0, 3)}-${variant}${b.slice(1, 4)}-${b.slice(4, 8)}${c}`
}
