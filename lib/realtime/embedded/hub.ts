import { channelEventFrame, type ChannelType } from "./protocol";

/** What the hub needs from a connection; keeps hub.ts free of WebSocket details. */
export interface Peer {
  readonly socketId: string;
  /** channel name -> presence user id (null on other channel types) */
  readonly subscriptions: Map<string, string | null>;
  sendBuffer(frame: Buffer): void;
}

export interface PresenceMember {
  info: unknown;
  /** How many of this user's connections are subscribed; the user counts once. */
  conns: number;
}

export class ChannelState {
  readonly subs = new Set<Peer>();
  readonly members: Map<string, PresenceMember> | null;

  constructor(
    readonly name: string,
    readonly type: ChannelType,
  ) {
    this.members = type === "presence" ? new Map() : null;
  }

  presenceData(): string {
    const ids: string[] = [];
    const hash: Record<string, unknown> = {};
    for (const [id, m] of this.members ?? []) {
      ids.push(id);
      // null rather than undefined: JSON would drop the key, and pusher-js looks members up by key.
      hash[id] = m.info ?? null;
    }
    return JSON.stringify({ presence: { ids, hash, count: ids.length } });
  }
}

export class Hub {
  readonly channels = new Map<string, ChannelState>();
  readonly peers = new Map<string, Peer>();

  addPeer(peer: Peer): void {
    this.peers.set(peer.socketId, peer);
  }

  removePeer(peer: Peer): void {
    for (const name of [...peer.subscriptions.keys()]) this.unsubscribe(peer, name);
    this.peers.delete(peer.socketId);
  }

  channel(name: string): ChannelState | undefined {
    return this.channels.get(name);
  }

  /**
   * Adds the peer to the channel. For presence channels returns whether the
   * user is new to the channel (so member_added must be sent to the others).
   */
  subscribe(peer: Peer, name: string, type: ChannelType, presence?: { userId: string; info: unknown }): boolean {
    let ch = this.channels.get(name);
    if (!ch) {
      ch = new ChannelState(name, type);
      this.channels.set(name, ch);
    }
    ch.subs.add(peer);
    peer.subscriptions.set(name, presence ? presence.userId : null);
    if (!presence || !ch.members) return false;
    const existing = ch.members.get(presence.userId);
    if (existing) {
      existing.conns++;
      return false;
    }
    ch.members.set(presence.userId, { info: presence.info, conns: 1 });
    return true;
  }

  unsubscribe(peer: Peer, name: string): void {
    if (!peer.subscriptions.has(name)) return;
    const userId = peer.subscriptions.get(name) ?? null;
    peer.subscriptions.delete(name);
    const ch = this.channels.get(name);
    if (!ch) return;
    ch.subs.delete(peer);
    if (ch.members && userId !== null) {
      const m = ch.members.get(userId);
      if (m && --m.conns <= 0) {
        ch.members.delete(userId);
        if (ch.subs.size > 0) {
          this.broadcast(
            ch,
            Buffer.from(
              JSON.stringify({
                event: "pusher_internal:member_removed",
                channel: name,
                data: JSON.stringify({ user_id: userId }),
              }),
            ),
            null,
          );
        }
      }
    }
    if (ch.subs.size === 0) this.channels.delete(name);
  }

  /** The frame is encoded once by the caller; every recipient gets the same bytes. */
  broadcast(ch: ChannelState, frame: Buffer, except: Peer | null): number {
    let n = 0;
    for (const peer of ch.subs) {
      if (peer === except) continue;
      peer.sendBuffer(frame);
      n++;
    }
    return n;
  }

  publish(channel: string, event: string, data: string, exceptSocketId?: string): number {
    const ch = this.channels.get(channel);
    if (!ch) return 0;
    const except = exceptSocketId ? (this.peers.get(exceptSocketId) ?? null) : null;
    return this.broadcast(ch, Buffer.from(channelEventFrame(event, channel, data)), except);
  }
}
