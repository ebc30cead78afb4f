import type { RawData, WebSocket } from "ws";
import { isValidChannelName } from "../channels";
import type { Hub, Peer } from "./hub";
import {
  ErrorCode,
  PING_FRAME,
  PONG_FRAME,
  channelType,
  connectionEstablishedFrame,
  errorFrame,
  isClientEventName,
  subscriptionErrorFrame,
} from "./protocol";
import { verifyChannelAuth } from "./signature";
import type { ResolvedOptions } from "./options";

const OPEN = 1;
const SEND_TEXT = { binary: false, compress: false } as const;
const MAX_USER_ID_LENGTH = 128;

function asObject(v: unknown): Record<string, unknown> | null {
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      return null;
    }
  }
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

export class Connection implements Peer {
  readonly subscriptions = new Map<string, string | null>();
  /** ms timestamps; the server's sweeper reads them instead of arming a timer per socket. */
  lastSeen = Date.now();
  pingSentAt = 0;
  private rateWindowStart = 0;
  private rateCount = 0;
  private closed = false;
  private closing = false;

  constructor(
    readonly socketId: string,
    private readonly ws: WebSocket,
    private readonly hub: Hub,
    private readonly opts: ResolvedOptions,
  ) {
    ws.on("message", (data, isBinary) => this.onMessage(data, isBinary));
    ws.on("pong", () => this.touch());
    ws.on("close", () => this.onClose());
    ws.on("error", () => this.ws.terminate());
    hub.addPeer(this);
    this.sendText(connectionEstablishedFrame(socketId, opts.activityTimeoutSec));
  }

  sendBuffer(frame: Buffer): void {
    if (this.ws.readyState !== OPEN) return;
    // A reader that stopped reading would otherwise grow our memory without bound.
    if (this.ws.bufferedAmount > this.opts.maxBufferedBytes) {
      this.ws.terminate();
      return;
    }
    this.ws.send(frame, SEND_TEXT);
  }

  sendText(frame: string): void {
    if (this.ws.readyState !== OPEN) return;
    this.ws.send(frame, SEND_TEXT);
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === OPEN) this.ws.close(code, reason);
  }

  terminate(): void {
    this.ws.terminate();
  }

  /** Called by the sweeper. */
  checkActivity(now: number): void {
    if (this.pingSentAt === 0) {
      if (now - this.lastSeen >= this.opts.activityTimeoutSec * 1000) {
        this.pingSentAt = now;
        this.sendText(PING_FRAME);
      }
    } else if (!this.closing && now - this.pingSentAt >= this.opts.pongTimeoutSec * 1000) {
      this.closing = true;
      this.close(ErrorCode.PONG_NOT_RECEIVED, "Pong reply not received");
      // The peer is silent, so it may never complete the closing handshake.
      setTimeout(() => this.ws.terminate(), 1000).unref();
    }
  }

  private touch(): void {
    this.lastSeen = Date.now();
    this.pingSentAt = 0;
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.hub.removePeer(this);
  }

  private error(code: number | null, message: string): void {
    this.sendText(errorFrame(code, message));
  }

  private onMessage(raw: RawData, isBinary: boolean): void {
    this.touch();
    if (isBinary) return this.error(null, "Binary frames are not supported");
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString());
    } catch {
      parsed = null;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      return this.error(null, "Malformed message");
    }
    const msg = parsed as Record<string, unknown>;
    if (typeof msg.event !== "string") return this.error(null, "Malformed message");
    const event = msg.event;
    switch (event) {
      case "pusher:ping":
        return this.sendText(PONG_FRAME);
      case "pusher:pong":
        return;
      case "pusher:subscribe":
        return this.subscribe(asObject(msg.data));
      case "pusher:unsubscribe": {
        const data = asObject(msg.data);
        if (data && typeof data.channel === "string") this.hub.unsubscribe(this, data.channel);
        return;
      }
    }
    if (event.startsWith("client-")) return this.clientEvent(event, msg.channel, msg.data);
    this.error(null, `Unsupported event: ${event.slice(0, 64)}`);
  }

  private subscribe(data: Record<string, unknown> | null): void {
    const channel = data?.channel;
    if (!data || !isValidChannelName(channel)) {
      // Answer on the named channel when it is printable enough for the client to route it.
      if (typeof channel === "string" && channel.length > 0 && channel.length <= 200) {
        return this.sendText(subscriptionErrorFrame(channel, "InvalidChannel", "Invalid channel name", 400));
      }
      return this.error(null, "Invalid subscription request");
    }
    const type = channelType(channel);
    const refuse = (type: string, error: string, status: number) =>
      this.sendText(subscriptionErrorFrame(channel, type, error, status));

    if (type === "encrypted") return refuse("UnsupportedChannel", "Encrypted channels are not supported", 400);

    if (type === "public") {
      this.hub.subscribe(this, channel, type);
      return this.sendText(
        JSON.stringify({ event: "pusher_internal:subscription_succeeded", channel, data: "{}" }),
      );
    }

    if (type === "private") {
      if (!verifyChannelAuth(this.opts.key, this.opts.secret, data.auth, this.socketId, channel)) {
        return refuse("AuthError", "Invalid signature", 401);
      }
      this.hub.subscribe(this, channel, type);
      return this.sendText(
        JSON.stringify({ event: "pusher_internal:subscription_succeeded", channel, data: "{}" }),
      );
    }

    const channelData = data.channel_data;
    if (typeof channelData !== "string" || Buffer.byteLength(channelData) > this.opts.maxEventBytes) {
      return refuse("AuthError", "Missing or oversized channel_data", 400);
    }
    if (!verifyChannelAuth(this.opts.key, this.opts.secret, data.auth, this.socketId, channel, channelData)) {
      return refuse("AuthError", "Invalid signature", 401);
    }
    const parsed = asObject(channelData);
    const rawUserId = parsed?.user_id;
    const userId =
      typeof rawUserId === "string" ? rawUserId : typeof rawUserId === "number" ? String(rawUserId) : "";
    if (!parsed || userId === "" || userId.length > MAX_USER_ID_LENGTH) {
      return refuse("AuthError", "channel_data must contain a user_id", 400);
    }

    const previous = this.subscriptions.get(channel);
    if (previous !== undefined) {
      if (previous !== userId) this.hub.unsubscribe(this, channel);
      else {
        const ch = this.hub.channel(channel);
        if (ch) {
          return this.sendText(
            JSON.stringify({ event: "pusher_internal:subscription_succeeded", channel, data: ch.presenceData() }),
          );
        }
      }
    }

    const existing = this.hub.channel(channel);
    if (
      existing?.members &&
      !existing.members.has(userId) &&
      existing.members.size >= this.opts.maxPresenceMembers
    ) {
      return refuse("LimitReached", `Presence channel is full (${this.opts.maxPresenceMembers} members)`, 403);
    }

    const info = parsed.user_info;
    const isNewUser = this.hub.subscribe(this, channel, type, { userId, info });
    const ch = this.hub.channel(channel)!;
    this.sendText(JSON.stringify({ event: "pusher_internal:subscription_succeeded", channel, data: ch.presenceData() }));
    if (isNewUser) {
      const frame = JSON.stringify({
        event: "pusher_internal:member_added",
        channel,
        data: JSON.stringify(info === undefined ? { user_id: userId } : { user_id: userId, user_info: info }),
      });
      this.hub.broadcast(ch, Buffer.from(frame), this);
    }
  }

  private clientEvent(event: string, channel: unknown, data: unknown): void {
    if (!isClientEventName(event)) return this.error(null, "Invalid client event name");
    if (typeof channel !== "string" || !this.subscriptions.has(channel)) {
      return this.error(null, "Client event rejected: not subscribed to the channel");
    }
    const type = channelType(channel);
    if (type !== "private" && type !== "presence") {
      return this.error(null, "Client events are only allowed on private and presence channels");
    }
    const dataJson = data === undefined ? "null" : JSON.stringify(data);
    const size = typeof data === "string" ? Buffer.byteLength(data) : Buffer.byteLength(dataJson);
    if (size > this.opts.maxEventBytes) {
      return this.error(null, `Client event rejected: data over ${this.opts.maxEventBytes} bytes`);
    }

    const now = Date.now();
    if (now - this.rateWindowStart >= 1000) {
      this.rateWindowStart = now;
      this.rateCount = 0;
    }
    if (++this.rateCount > this.opts.clientEventsPerSecond) {
      return this.error(ErrorCode.CLIENT_EVENT_RATE_LIMIT, "Client event rejected due to rate limit");
    }

    const ch = this.hub.channel(channel);
    if (!ch) return;
    const userId = this.subscriptions.get(channel);
    // Built by concatenation so the client's data is serialized exactly once.
    const frame =
      `{"event":${JSON.stringify(event)},"channel":${JSON.stringify(channel)},"data":${dataJson}` +
      (type === "presence" && userId ? `,"user_id":${JSON.stringify(userId)}}` : "}");
    this.hub.broadcast(ch, Buffer.from(frame), this);
  }
}
