export interface EmbeddedRealtimeOptions {
  appId: string;
  key: string;
  secret: string;
  /** Seconds of client silence before the server pings; also announced to clients. Default 120. */
  activityTimeoutSec?: number;
  /** Seconds to wait for a pong after a server ping before closing with 4201. Default 30. */
  pongTimeoutSec?: number;
  /** Distinct users per presence channel. Default 100. */
  maxPresenceMembers?: number;
  /** Event data limit for the HTTP API and client events. Default 10240. */
  maxEventBytes?: number;
  /** Client events per connection per second. Default 10. */
  clientEventsPerSecond?: number;
  /** HTTP API request body limit. Default 256 KiB. */
  maxBodyBytes?: number;
}

export interface ResolvedOptions extends Required<EmbeddedRealtimeOptions> {
  maxChannelsPerEvent: number;
  maxBatchSize: number;
  /** Outgoing bytes queued for one socket before it is dropped as too slow. */
  maxBufferedBytes: number;
}

function positive(v: number | undefined, fallback: number): number {
  return typeof v === "number" && Number.isFinite(v) && v > 0 ? v : fallback;
}

export function resolveOptions(o: EmbeddedRealtimeOptions): ResolvedOptions {
  if (!o.appId || !o.key || !o.secret) throw new Error("Embedded realtime needs appId, key and secret");
  return {
    appId: String(o.appId),
    key: o.key,
    secret: o.secret,
    activityTimeoutSec: positive(o.activityTimeoutSec, 120),
    pongTimeoutSec: positive(o.pongTimeoutSec, 30),
    maxPresenceMembers: Math.floor(positive(o.maxPresenceMembers, 100)),
    maxEventBytes: Math.floor(positive(o.maxEventBytes, 10240)),
    clientEventsPerSecond: Math.floor(positive(o.clientEventsPerSecond, 10)),
    maxBodyBytes: Math.floor(positive(o.maxBodyBytes, 256 * 1024)),
    maxChannelsPerEvent: 100,
    maxBatchSize: 10,
    maxBufferedBytes: 8 * 1024 * 1024,
  };
}
