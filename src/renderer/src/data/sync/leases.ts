import type { NumberLease } from '@shared/sync/protocol'
import { numberPrefix, type TicketKind } from '@shared/ticket/model'
import type { DeskDb } from '../db'
import { syncKeys } from './meta'

/** Ticket numbers leased from the server and not used yet, per kind. */
export interface LeaseState {
  blocks: { from: number; to: number }[]
}

/** Below this many unused numbers the client asks for another block. */
export const LEASE_LOW_WATER = 25
export const LEASE_BLOCK = 100

export async function readLease(db: DeskDb, kind: TicketKind): Promise<LeaseState> {
  return ((await db.meta.get(syncKeys.lease(kind)))?.value as LeaseState | undefined) ?? { blocks: [] }
}

export function remaining(lease: LeaseState): number {
  return lease.blocks.reduce((n, b) => n + Math.max(0, b.to - b.from + 1), 0)
}

export async function addLease(db: DeskDb, lease: NumberLease): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const state = await readLease(db, lease.kind)
    state.blocks.push({ from: lease.from, to: lease.to })
    await db.meta.put({ key: syncKeys.lease(lease.kind), value: state })
  })
}

/** Takes the next leased number (inside the caller's transaction); null when none is left. */
export async function takeLeasedNumber(db: DeskDb, kind: TicketKind): Promise<number | null> {
  const state = await readLease(db, kind)
  while (state.blocks.length && state.blocks[0].from > state.blocks[0].to) state.blocks.shift()
  const block = state.blocks[0]
  if (!block) return null
  const n = block.from++
  await db.meta.put({ key: syncKeys.lease(kind), value: state })
  return n
}

/** The highest number of this kind held locally (zero-padded numbers sort as text). */
export async function highestLocalNumber(db: DeskDb, kind: TicketKind): Promise<number> {
  const prefix = `${numberPrefix[kind]}-`
  const last = await db.tickets.where('number').between(prefix, `${prefix}\uffff`).last()
  return last ? Number(last.number.slice(prefix.length)) || 0 : 0
}

export async function numberTaken(db: DeskDb, number: string): Promise<boolean> {
  return (await db.tickets.where('number').equals(number).count()) > 0
}
