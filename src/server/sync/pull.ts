import { sql } from 'drizzle-orm'
import type { PullQuery } from '@shared/sync/protocol'
import { viewerScope, type ServerViewer } from '../auth/viewer'
import { rows, type DeskDatabase } from '../db/database'
import { claimClient } from './clients'

export type PullOutcome = { kind: 'ok'; json: string } | { kind: 'forbidden' }

interface ChangeRow {
  table_name: string
  id: string
  data: string
  scope: string
  ever_public: boolean
  deleted: boolean
  change_seq: string | number
}

/**
 * GET /sync/pull. Changes after the cursor up to the committed watermark, in seq order, filtered by
 * what the viewer may see: a restricted row they may not see arrives as `evict` (or not at all if
 * it never was public). The page is built as JSON text around the stored row text, so a large
 * first sync does not parse and re-serialise every row.
 */
export async function pull(database: DeskDatabase, viewer: ServerViewer, q: PullQuery): Promise<PullOutcome> {
  const { db } = database
  const client = await claimClient(db, q.clientId, viewer.agentId)
  if (!client) return { kind: 'forbidden' }

  // What this workstation may hold. A bootstrap (cursor 0) records it; a later pull under another
  // scope must start over, or it would keep rows it may no longer see (or lack ones it now may).
  const scope = viewerScope(viewer)
  let bootstrapHorizon = client.bootstrapHorizon
  if (q.cursor === 0) {
    const [row] = await rows<{ bootstrap_horizon: string | number }>(
      db,
      sql`UPDATE clients SET viewer_scope = ${scope}, bootstrap_horizon = (SELECT horizon FROM sync_state WHERE id = 1)
          WHERE client_id = ${q.clientId} RETURNING bootstrap_horizon`
    )
    bootstrapHorizon = Number(row.bootstrap_horizon)
  } else if (client.viewerScope === '') {
    await db.execute(sql`UPDATE clients SET viewer_scope = ${scope} WHERE client_id = ${q.clientId}`)
  } else if (client.viewerScope !== scope) {
    return reset('scope', client.lastProcessedSeq)
  }

  // One snapshot for watermark, rows, refusals and lastProcessedSeq, so they agree.
  return db.transaction(
    async (tx) => {
      const [state] = await rows<{ last_seq: string | number; horizon: string | number; last_processed_seq: number }>(
        tx,
        sql`SELECT s.last_seq, s.horizon, c.last_processed_seq
            FROM sync_state s, clients c WHERE s.id = 1 AND c.client_id = ${q.clientId}`
      )
      const watermark = Number(state.last_seq)
      const horizon = Number(state.horizon)
      const lastProcessedSeq = Number(state.last_processed_seq)
      // Behind tombstones purged since this client's bootstrap began (it may hold rows whose
      // deletion it can no longer learn), or ahead of this server (restored from a backup).
      const missedPurge = q.cursor > 0 && q.cursor < horizon && bootstrapHorizon < horizon
      if (missedPurge || q.cursor > watermark) return reset('horizon', lastProcessedSeq)

      const changes = await rows<ChangeRow>(
        tx,
        sql`SELECT table_name, id, data::text AS data, scope, ever_public, deleted, change_seq FROM records
            WHERE change_seq > ${q.cursor} AND change_seq <= ${watermark}
            ORDER BY change_seq LIMIT ${q.limit}`
      )
      const hasMore = changes.length === q.limit && Number(changes[changes.length - 1].change_seq) < watermark
      const cursor = hasMore ? Number(changes[changes.length - 1].change_seq) : watermark
      const rejected = await rows<{ result: string }>(
        tx,
        sql`SELECT result::text AS result FROM command_log
            WHERE client_id = ${q.clientId} AND status = 'rejected' AND change_seq > ${q.cursor} AND change_seq <= ${cursor}
            ORDER BY seq`
      )

      const parts: string[] = []
      for (const c of changes) {
        const seq = Number(c.change_seq)
        const head = `{"seq":${seq},"table":${JSON.stringify(c.table_name)},`
        const hidden = c.scope !== '' && !viewer.seesRestricted
        if (c.deleted || hidden) {
          if (hidden && !c.ever_public && !c.deleted) continue
          parts.push(`${head}"op":"evict","id":${JSON.stringify(c.id)}}`)
        } else parts.push(`${head}"op":"put","id":${JSON.stringify(c.id)},"row":${c.data}}`)
      }
      const json =
        `{"resetRequired":false,"changes":[${parts.join(',')}],"cursor":${cursor},"hasMore":${hasMore},` +
        `"lastProcessedSeq":${lastProcessedSeq},"rejected":[${rejected.map((r) => r.result).join(',')}]}`
      return { kind: 'ok', json }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' }
  )
}

function reset(reason: 'scope' | 'horizon', lastProcessedSeq: number): PullOutcome {
  return { kind: 'ok', json: JSON.stringify({ resetRequired: true, reason, lastProcessedSeq }) }
}

/**
 * Purges tombstones changed before `before` and raises the horizon to the newest purged seq:
 * a client whose cursor is older can no longer learn of those deletions and must re-bootstrap.
 */
export async function compactTombstones(
  database: DeskDatabase,
  before: Date
): Promise<{ purged: number; horizon: number }> {
  return database.db.transaction(async (tx) => {
    const purged = await rows<{ change_seq: string | number }>(
      tx,
      sql`DELETE FROM records WHERE deleted AND changed_at < ${before.toISOString()}::timestamptz RETURNING change_seq`
    )
    const newest = purged.reduce((m, r) => Math.max(m, Number(r.change_seq)), 0)
    const [state] = await rows<{ horizon: string | number }>(
      tx,
      sql`UPDATE sync_state SET horizon = GREATEST(horizon, ${newest}) WHERE id = 1 RETURNING horizon`
    )
    return { purged: purged.length, horizon: Number(state.horizon) }
  })
}
