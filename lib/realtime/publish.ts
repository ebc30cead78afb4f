// Server-side publishing. Runs after a transaction has committed, so it never
// throws: a lost event is recovered by the clients' catch-up by sequence number.
import Pusher from "pusher";
import { isValidChannelName, isValidSocketId } from "./channels";
import { realtimeConfig, type RealtimeConfig } from "./config";
import { localRealtime, type LocalRealtime } from "./local";

export const MAX_EVENT_BYTES = 10 * 1024;
const MAX_CHANNELS_PER_TRIGGER = 100;
const MAX_BATCH = 10;
const REQUEST_TIMEOUT_MS = 5000;

let client: { signature: string; pusher: Pusher } | null = null;

function signatureOf(cfg: RealtimeConfig): string {
  return [cfg.mode, cfg.appId, cfg.key, cfg.secret, cfg.host, cfg.port, cfg.useTLS, cfg.cluster].join("|");
}

/** The SDK instance, rebuilt only if the configuration changed (tests switch DATA_DIR/env). */
export function pusherServer(): Pusher {
  const cfg = realtimeConfig();
  const signature = signatureOf(cfg);
  if (client?.signature === signature) return client.pusher;
  const pusher =
    cfg.mode === "hosted"
      ? new Pusher({ appId: cfg.appId, key: cfg.key, secret: cfg.secret, cluster: cfg.cluster!, useTLS: true, timeout: REQUEST_TIMEOUT_MS })
      : new Pusher({
          appId: cfg.appId,
          key: cfg.key,
          secret: cfg.secret,
          host: cfg.host ?? "127.0.0.1",
          port: String(cfg.port),
          useTLS: cfg.useTLS,
          timeout: REQUEST_TIMEOUT_MS,
        });
  client = { signature, pusher };
  return pusher;
}

/** The embedded server in this process, when it is the one configured. */
function inProcess(): LocalRealtime | null {
  const cfg = realtimeConfig();
  return cfg.mode === "embedded" ? localRealtime(cfg.appId, cfg.key) : null;
}

export interface PublishOptions {
  /** Excludes the sender's own connection (Pusher's socket_id). */
  socketId?: string;
}

export interface BatchItem {
  channel: string;
  name: string;
  data: unknown;
  socketId?: string;
}

function serialize(data: unknown): string {
  return typeof data === "string" ? data : JSON.stringify(data ?? null);
}

function tooLarge(json: string): boolean {
  return Buffer.byteLength(json) > MAX_EVENT_BYTES;
}

function logError(what: string, err: unknown): void {
  const e = err as { status?: number; body?: string; message?: string };
  console.error(`[realtime] ${what} failed:`, e?.status ?? "", e?.body ?? e?.message ?? err);
}

function cleanSocketId(socketId: string | undefined): string | undefined {
  // An invalid socket id would make the SDK throw; dropping it only means the
  // sender also receives its own event, which clients dedupe by id anyway.
  return socketId && isValidSocketId(socketId) ? socketId : undefined;
}

/** Returns whether every request was accepted; never throws. */
export async function publish(
  channels: string | string[],
  event: string,
  data: unknown,
  opts: PublishOptions = {},
): Promise<boolean> {
  try {
    const list = [...new Set(Array.isArray(channels) ? channels : [channels])];
    const bad = list.filter((c) => !isValidChannelName(c));
    if (bad.length > 0) {
      console.error(`[realtime] publish ${event}: invalid channel names`, bad.slice(0, 5));
      return false;
    }
    if (list.length === 0) return true;
    const json = serialize(data);
    if (tooLarge(json)) {
      console.error(`[realtime] publish ${event}: ${Buffer.byteLength(json)} bytes is over the ${MAX_EVENT_BYTES} byte limit; not sent`);
      return false;
    }
    const socketId = cleanSocketId(opts.socketId);
    const local = inProcess();
    if (local) {
      let ok = true;
      for (const c of list) ok = local.publish(c, event, json, socketId) && ok;
      return ok;
    }
    const pusher = pusherServer();
    const params = socketId ? { socket_id: socketId } : undefined;
    const requests: Promise<unknown>[] = [];
    for (let i = 0; i < list.length; i += MAX_CHANNELS_PER_TRIGGER) {
      requests.push(pusher.trigger(list.slice(i, i + MAX_CHANNELS_PER_TRIGGER), event, json, params));
    }
    const results = await Promise.allSettled(requests);
    let ok = true;
    for (const r of results) {
      if (r.status === "rejected") {
        ok = false;
        logError(`publish ${event}`, r.reason);
      }
    }
    return ok;
  } catch (err) {
    logError(`publish ${event}`, err);
    return false;
  }
}

/** Sends `{ ref }` instead of `data` when `data` is over the size limit, so the client fetches it. */
export function publishWithRef<R>(
  channels: string | string[],
  event: string,
  data: unknown,
  ref: R,
  opts: PublishOptions = {},
): Promise<boolean> {
  const json = serialize(data);
  return publish(channels, event, tooLarge(json) ? { ref } : json, opts);
}

/** Several events in as few requests as Pusher allows (10 per batch); never throws. */
export async function publishBatch(items: BatchItem[]): Promise<boolean> {
  try {
    const events: { channel: string; name: string; data: string; socket_id?: string }[] = [];
    let ok = true;
    for (const item of items) {
      const json = serialize(item.data);
      if (!isValidChannelName(item.channel) || tooLarge(json)) {
        console.error(`[realtime] batch ${item.name} on ${item.channel}: invalid channel or over ${MAX_EVENT_BYTES} bytes; not sent`);
        ok = false;
        continue;
      }
      const socketId = cleanSocketId(item.socketId);
      events.push({ channel: item.channel, name: item.name, data: json, ...(socketId ? { socket_id: socketId } : {}) });
    }
    if (events.length === 0) return ok;
    const local = inProcess();
    if (local) {
      for (const e of events) ok = local.publish(e.channel, e.name, e.data, e.socket_id) && ok;
      return ok;
    }
    const pusher = pusherServer();
    const requests: Promise<unknown>[] = [];
    for (let i = 0; i < events.length; i += MAX_BATCH) {
      requests.push(pusher.triggerBatch(events.slice(i, i + MAX_BATCH)));
    }
    for (const r of await Promise.allSettled(requests)) {
      if (r.status === "rejected") {
        ok = false;
        logError("publishBatch", r.reason);
      }
    }
    return ok;
  } catch (err) {
    logError("publishBatch", err);
    return false;
  }
}
