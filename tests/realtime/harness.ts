// Shared setup for the realtime conformance tests: the embedded server, the
// real pusher-js client and pusher SDK, a raw WebSocket client and event-driven waits.
import Pusher from "pusher-js";
import type { Channel, PresenceChannel } from "pusher-js";
import PusherServer from "pusher";
import WebSocket from "ws";
import {
  listenEmbeddedRealtime,
  type EmbeddedRealtimeOptions,
  type ListeningEmbeddedRealtime,
} from "@/lib/realtime/embedded/server";

export const APP = { appId: "4242", key: "test-key-0123", secret: "test-secret-4567" };
export const WAIT_MS = 5000;

export interface Harness {
  port: number;
  srv: ListeningEmbeddedRealtime;
  sdk: PusherServer;
  clients: Pusher[];
  raws: WebSocket[];
  close(): Promise<void>;
}

export async function startHarness(opts: Partial<EmbeddedRealtimeOptions> = {}): Promise<Harness> {
  const srv = await listenEmbeddedRealtime({ ...APP, ...opts });
  const sdk = new PusherServer({ ...APP, host: "127.0.0.1", port: String(srv.port), useTLS: false });
  const h: Harness = {
    port: srv.port,
    srv,
    sdk,
    clients: [],
    raws: [],
    async close() {
      for (const c of h.clients) c.disconnect();
      for (const w of h.raws) w.terminate();
      await srv.close();
    },
  };
  return h;
}

/** Rejects after `ms` with a message naming what was awaited, instead of hanging the test. */
export function within<T>(p: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`Timed out waiting for ${what}`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

export interface ClientOptions {
  /** presence identity for presence channels */
  user?: { user_id: string; user_info?: Record<string, unknown> };
  /** sign with this secret instead of the real one (to forge bad signatures) */
  secret?: string;
  key?: string;
}

export function connectClient(h: Harness, o: ClientOptions = {}): Pusher {
  const signer = o.secret ? new PusherServer({ ...APP, secret: o.secret, host: "127.0.0.1" }) : h.sdk;
  const client = new Pusher(o.key ?? APP.key, {
    cluster: "",
    wsHost: "127.0.0.1",
    wsPort: h.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    enableStats: false,
    channelAuthorization: {
      // What the app's /api/realtime/auth route does: sign with the server SDK.
      customHandler: ({ socketId, channelName }, callback) => {
        try {
          const presence = channelName.startsWith("presence-") ? (o.user ?? { user_id: "anon" }) : undefined;
          callback(null, signer.authorizeChannel(socketId, channelName, presence));
        } catch (err) {
          callback(err as Error, null);
        }
      },
    },
  });
  h.clients.push(client);
  return client;
}

export function connected(client: Pusher): Promise<string> {
  if (client.connection.state === "connected") return Promise.resolve(client.connection.socket_id);
  return within(
    new Promise<string>((resolve) => {
      client.connection.bind("connected", () => resolve(client.connection.socket_id));
    }),
    "connection",
  );
}

/** Resolves with the subscription_succeeded data, rejects on subscription_error. */
export function subscribed<T = unknown>(channel: Channel): Promise<T> {
  return within(
    new Promise<T>((resolve, reject) => {
      channel.bind("pusher:subscription_succeeded", (data: T) => resolve(data));
      channel.bind("pusher:subscription_error", (err: unknown) =>
        reject(Object.assign(new Error("subscription_error"), { data: err })),
      );
    }),
    `subscription to ${channel.name}`,
  );
}

export function subscriptionError(channel: Channel): Promise<{ type: string; error: string; status: number }> {
  return within(
    new Promise((resolve, reject) => {
      channel.bind("pusher:subscription_error", resolve);
      channel.bind("pusher:subscription_succeeded", () => reject(new Error("unexpectedly subscribed")));
    }),
    `subscription_error on ${channel.name}`,
  );
}

export async function subscribe(client: Pusher, name: string): Promise<Channel> {
  const ch = client.subscribe(name);
  await subscribed(ch);
  return ch;
}

export async function subscribePresence(client: Pusher, name: string): Promise<PresenceChannel> {
  const ch = client.subscribe(name) as PresenceChannel;
  await subscribed(ch);
  return ch;
}

export function nextEvent<T = unknown>(channel: Channel, event: string, what = event): Promise<{ data: T; meta: unknown }> {
  return within(
    new Promise((resolve) => {
      const cb = (data: T, meta: unknown) => {
        channel.unbind(event, cb);
        resolve({ data, meta });
      };
      channel.bind(event, cb);
    }),
    what,
  );
}

/** Errors the server sends as pusher:error, as pusher-js reports them on the connection. */
export function nextConnectionError(client: Pusher): Promise<{ code: number | null; message: string }> {
  return within(
    new Promise((resolve) => {
      const cb = (err: { type?: string; data?: { code: number | null; message: string } }) => {
        if (err?.type !== "PusherError" || !err.data) return;
        client.connection.unbind("error", cb);
        resolve(err.data);
      };
      client.connection.bind("error", cb);
    }),
    "pusher:error",
  );
}

/** Collects every event of a name on a channel. */
export function collect<T = unknown>(channel: Channel, event: string): T[] {
  const out: T[] = [];
  channel.bind(event, (data: T) => out.push(data));
  return out;
}

/** A round trip through the server on this client's connection: everything sent before it has been processed. */
export async function roundTrip(client: Pusher): Promise<void> {
  const name = `barrier-${Math.random().toString(36).slice(2)}`;
  await subscribe(client, name);
  client.unsubscribe(name);
}

// ---- raw WebSocket ----

export interface RawFrame {
  event: string;
  channel?: string;
  data?: unknown;
  user_id?: string;
}

export interface RawClient {
  ws: WebSocket;
  frames: RawFrame[];
  next(pred?: (f: RawFrame) => boolean, what?: string, ms?: number): Promise<RawFrame>;
  closed: Promise<{ code: number; reason: string }>;
  send(obj: unknown): void;
}

export function rawConnect(h: Harness, path = `/app/${APP.key}?protocol=7&client=test&version=1`): RawClient {
  const ws = new WebSocket(`ws://127.0.0.1:${h.port}${path}`);
  h.raws.push(ws);
  const frames: RawFrame[] = [];
  const waiters: { pred: (f: RawFrame) => boolean; resolve: (f: RawFrame) => void }[] = [];
  let consumed = 0;
  ws.on("message", (buf) => {
    const f = JSON.parse(buf.toString()) as RawFrame;
    frames.push(f);
    for (const w of [...waiters]) {
      if (w.pred(f)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(f);
        return;
      }
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on("error", () => {});
  return {
    ws,
    frames,
    closed,
    send: (obj) => ws.send(typeof obj === "string" ? obj : JSON.stringify(obj)),
    next(pred = () => true, what = "frame", ms = WAIT_MS) {
      // Frames that already arrived and match are taken first, in order.
      for (let i = consumed; i < frames.length; i++) {
        if (pred(frames[i])) {
          consumed = i + 1;
          return Promise.resolve(frames[i]);
        }
      }
      return within(
        new Promise<RawFrame>((resolve) => {
          waiters.push({
            pred,
            resolve: (f) => {
              consumed = frames.length;
              resolve(f);
            },
          });
        }),
        what,
        ms,
      );
    },
  };
}

export function parseData<T>(f: RawFrame): T {
  return (typeof f.data === "string" ? JSON.parse(f.data) : f.data) as T;
}

/** Status of a rejected pusher SDK request (it throws RequestError with .status). */
export async function statusOf(p: Promise<{ status: number }>): Promise<number> {
  try {
    return (await p).status;
  } catch (err) {
    const status = (err as { status?: number }).status;
    if (typeof status !== "number") throw err;
    return status;
  }
}
