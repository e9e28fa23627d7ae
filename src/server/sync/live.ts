import type { WebSocket } from 'ws'
import type { Poke } from '@shared/sync/protocol'
import type { DeskDatabase } from '../db/database'

interface Peer {
  socket: WebSocket
  agentId: string
  tokenHash: string
}

/**
 * The WebSocket peers of this server instance. Pokes come from the database (LISTEN/NOTIFY on
 * PostgreSQL, so a push to any instance reaches every instance's peers) and carry only the newest
 * seq: clients debounce and pull. Bursts coalesce into one poke per tick.
 */
export class LiveHub {
  private readonly peers = new Set<Peer>()
  private latest = 0
  private scheduled = false
  private readonly unsubscribe: () => void

  constructor(database: DeskDatabase) {
    this.unsubscribe = database.onPoke((seq) => this.poke(seq))
  }

  get size(): number {
    return this.peers.size
  }

  add(socket: WebSocket, agentId: string, tokenHash: string, seq: number): void {
    const peer = { socket, agentId, tokenHash }
    this.peers.add(peer)
    socket.on('close', () => this.peers.delete(peer))
    socket.on('error', () => this.peers.delete(peer))
    send(socket, { type: 'poke', seq: Math.max(seq, this.latest) })
  }

  poke(seq: number): void {
    this.latest = Math.max(this.latest, seq)
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      const message: Poke = { type: 'poke', seq: this.latest }
      for (const peer of this.peers) send(peer.socket, message)
    })
  }

  /** Closes the sockets of revoked sessions (all of an agent's, or one token's). */
  disconnect(match: { agentId?: string; tokenHash?: string }, code = 4401, reason = 'session ended'): void {
    for (const peer of this.peers)
      if (
        (match.agentId && peer.agentId === match.agentId) ||
        (match.tokenHash && peer.tokenHash === match.tokenHash)
      ) {
        peer.socket.close(code, reason)
        this.peers.delete(peer)
      }
  }

  /** Every peer whose session no longer checks out is closed (revoked on another instance, expired). */
  async sweep(stillValid: (tokenHash: string) => Promise<boolean>): Promise<void> {
    for (const peer of [...this.peers])
      if (!(await stillValid(peer.tokenHash))) {
        peer.socket.close(4401, 'session ended')
        this.peers.delete(peer)
      }
  }

  close(): void {
    this.unsubscribe()
    for (const peer of this.peers) peer.socket.close(1001, 'server shutting down')
    this.peers.clear()
  }
}

function send(socket: WebSocket, message: Poke): void {
  // A slow consumer with a backlog gets the next poke instead; pokes are idempotent.
  if (socket.readyState === socket.OPEN && socket.bufferedAmount < 64 * 1024) socket.send(JSON.stringify(message))
}
