// Realtime delivery benchmark: N pusher-js clients against the embedded
// server, events published with the pusher SDK, latency measured per delivery.
//
// The server runs in a child process by default so that decoding N copies of
// every event in the clients (all simulated in this one process) does not
// steal the server's event loop; pass --inproc to share one process.
//
//   npm run bench -- realtime [--clients=100,1000,5000] [--inproc] [--no-private]
//   BENCH_REALTIME_CLIENTS=100,1000 npm run bench -- realtime
import { execSync, fork, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import PusherServer from "pusher";
import Pusher from "pusher-js";
import type { Channel } from "pusher-js";
import { Hub } from "../lib/realtime/embedded/hub";
import { listenEmbeddedRealtime } from "../lib/realtime/embedded/server";

const APP = { appId: "777", key: "bench-key", secret: "bench-secret" };
const CHILD_FLAG = "REALTIME_BENCH_CHILD";
const CONNECT_BATCH = 250;
const WAIT_LIMIT_MS = 60_000;

interface Row {
  scenario: string;
  clients: number;
  events: number;
  deliveries: number;
  lost: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Median latency of the first client to get each event (one-at-a-time runs only). */
  first?: number;
  eventsPerSec: number;
  deliveriesPerSec: number;
  fanout: FanoutStats;
}

interface FanoutStats {
  calls: number;
  p50: number;
  p99: number;
  max: number;
}

interface Server {
  port: number;
  /** Time the server spent in one broadcast (encoding once + writing to every socket). */
  resetFanout(): Promise<void>;
  fanout(): Promise<FanoutStats>;
  stop(): Promise<void>;
}

/**
 * Bench-only instrumentation: times Hub.broadcast, i.e. the server's own work
 * per event and channel, separately from the network and the clients.
 */
function instrumentHub(): { reset(): void; stats(): FanoutStats } {
  let samples: number[] = [];
  const original = Hub.prototype.broadcast;
  Hub.prototype.broadcast = function (this: Hub, ...args: Parameters<Hub["broadcast"]>) {
    const t = performance.now();
    const n = original.apply(this, args);
    samples.push(performance.now() - t);
    return n;
  };
  return {
    reset: () => {
      samples = [];
    },
    stats: () => {
      const s = Float64Array.from(samples).sort();
      return { calls: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s.length ? s[s.length - 1] : NaN };
    },
  };
}

// ---- server ----

async function startServer(inproc: boolean): Promise<Server> {
  if (inproc) {
    const probe = instrumentHub();
    const srv = await listenEmbeddedRealtime({ ...APP, port: 0 });
    return {
      port: srv.port,
      resetFanout: async () => probe.reset(),
      fanout: async () => probe.stats(),
      stop: () => srv.close(),
    };
  }
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, [CHILD_FLAG]: "1" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m) => resolve((m as { port: number }).port));
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const ask = <T>(cmd: string) =>
    new Promise<T>((resolve) => {
      child.once("message", (m) => resolve(m as T));
      child.send(cmd);
    });
  return {
    port,
    resetFanout: () => ask<void>("reset"),
    fanout: () => ask<FanoutStats>("fanout"),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.send("stop");
      }),
  };
}

async function runChild(): Promise<void> {
  const probe = instrumentHub();
  const srv = await listenEmbeddedRealtime({ ...APP, port: 0 });
  process.send!({ port: srv.port });
  const stop = async () => {
    await srv.close();
    process.exit(0);
  };
  process.on("message", (m) => {
    if (m === "stop") void stop();
    else if (m === "reset") {
      probe.reset();
      process.send!("ok");
    } else if (m === "fanout") process.send!(probe.stats());
  });
  process.on("disconnect", () => void stop());
}

// ---- clients ----

function fdLimit(): number {
  try {
    const out = execSync("ulimit -n", { shell: "/bin/sh", encoding: "utf8" }).trim();
    return out === "unlimited" ? Infinity : Number(out) || 1024;
  } catch {
    return 1024;
  }
}

function makeClient(port: number, signer: PusherServer): Pusher {
  return new Pusher(APP.key, {
    cluster: "",
    wsHost: "127.0.0.1",
    wsPort: port,
    forceTLS: false,
    enabledTransports: ["ws"],
    enableStats: false,
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, cb) => cb(null, signer.authorizeChannel(socketId, channelName)),
    },
  });
}

function whenSubscribed(ch: Channel): Promise<void> {
  return new Promise((resolve, reject) => {
    ch.bind("pusher:subscription_succeeded", () => resolve());
    ch.bind("pusher:subscription_error", (e: unknown) => reject(new Error(`subscription failed: ${JSON.stringify(e)}`)));
  });
}

/** Connects and subscribes in batches so thousands of handshakes do not pile up at once. */
async function connectAll(
  n: number,
  port: number,
  signer: PusherServer,
  channelFor: (i: number) => string,
): Promise<{ clients: Pusher[]; channels: Channel[] }> {
  const clients: Pusher[] = [];
  const channels: Channel[] = [];
  for (let start = 0; start < n; start += CONNECT_BATCH) {
    const batch: Promise<void>[] = [];
    for (let i = start; i < Math.min(n, start + CONNECT_BATCH); i++) {
      const c = makeClient(port, signer);
      const ch = c.subscribe(channelFor(i));
      clients.push(c);
      channels.push(ch);
      batch.push(whenSubscribed(ch));
    }
    await Promise.all(batch);
  }
  return { clients, channels };
}

function release(clients: Pusher[]): void {
  for (const c of clients) c.disconnect();
  // pusher-js keeps every instance in a static list; drop them between runs.
  const gone = new Set(clients);
  Pusher.instances = Pusher.instances.filter((p) => !gone.has(p));
}

// ---- measurement ----

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

class Recorder {
  private lat: Float64Array;
  private n = 0;
  private waiters: { target: number; resolve: () => void }[] = [];

  constructor(capacity: number) {
    this.lat = new Float64Array(capacity);
  }

  get count(): number {
    return this.n;
  }

  record(sentAt: number): void {
    if (this.n < this.lat.length) this.lat[this.n] = performance.now() - sentAt;
    this.n++;
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.n >= this.waiters[i].target) {
        this.waiters[i].resolve();
        this.waiters.splice(i, 1);
      }
    }
  }

  /** Resolves when `target` deliveries are in, or after the limit (missing ones count as lost). */
  until(target: number, limitMs = WAIT_LIMIT_MS): Promise<void> {
    if (this.n >= target) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(resolve, limitMs);
      this.waiters.push({
        target,
        resolve: () => {
          clearTimeout(t);
          resolve();
        },
      });
    });
  }

  sorted(): Float64Array {
    return this.lat.slice(0, Math.min(this.n, this.lat.length)).sort();
  }
}

function row(
  scenario: string,
  clients: number,
  events: number,
  expected: number,
  rec: Recorder,
  elapsedMs: number,
  fanout: FanoutStats,
  first?: number,
): Row {
  const s = rec.sorted();
  return {
    scenario,
    clients,
    events,
    deliveries: rec.count,
    lost: Math.max(0, expected - rec.count),
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s.length ? s[s.length - 1] : NaN,
    first,
    eventsPerSec: (events / elapsedMs) * 1000,
    deliveriesPerSec: (rec.count / elapsedMs) * 1000,
    fanout,
  };
}

async function inFlight<T>(items: T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** One channel all clients share: each event fans out to N sockets. */
async function broadcastScenario(n: number, server: Server, sdk: PusherServer): Promise<Row[]> {
  const channel = "private-bench-all";
  const { clients, channels } = await connectAll(n, server.port, sdk, () => channel);
  const seqEvents = n >= 5000 ? 20 : n >= 1000 ? 40 : 100;
  const burstEvents = n >= 5000 ? 40 : n >= 1000 ? 100 : 400;
  const rows: Row[] = [];
  try {
    // Warm-up so JIT compilation and socket buffers do not land in the first measured events.
    const warm = new Recorder(n * 10);
    for (const ch of channels) ch.bind("warm", (d: { t: number }) => warm.record(d.t));
    for (let i = 0; i < 10; i++) {
      await sdk.trigger(channel, "warm", { t: performance.now() });
      await warm.until((i + 1) * n);
    }

    // Sequential: the next event only after every client got the previous one (idle-path latency).
    let rec = new Recorder(n * seqEvents);
    const firsts: number[] = [];
    let lastEvent = -1;
    for (const ch of channels) {
      ch.bind("tick", (d: { t: number; i: number }) => {
        if (d.i !== lastEvent) {
          lastEvent = d.i;
          firsts.push(performance.now() - d.t);
        }
        rec.record(d.t);
      });
    }
    await server.resetFanout();
    let t0 = performance.now();
    for (let i = 0; i < seqEvents; i++) {
      await sdk.trigger(channel, "tick", { t: performance.now(), i });
      await rec.until((i + 1) * n);
    }
    const firstP50 = percentile(Float64Array.from(firsts).sort(), 50);
    rows.push(
      row("broadcast, one at a time", n, seqEvents, n * seqEvents, rec, performance.now() - t0, await server.fanout(), firstP50),
    );

    // Burst: publish as fast as the HTTP API accepts (8 requests in flight).
    rec = new Recorder(n * burstEvents);
    lastEvent = -2; // ids restart at 0; first-delivery tracking is only meaningful one at a time
    await server.resetFanout();
    t0 = performance.now();
    await inFlight([...Array(burstEvents).keys()], 8, (i) => sdk.trigger(channel, "tick", { t: performance.now(), i: -1 - i }));
    await rec.until(n * burstEvents);
    rows.push(row("broadcast, burst", n, burstEvents, n * burstEvents, rec, performance.now() - t0, await server.fanout()));
  } finally {
    release(clients);
  }
  return rows;
}

/** A private channel per client (like private-operator-{id}): each event reaches one socket. */
async function perClientScenario(n: number, server: Server, sdk: PusherServer): Promise<Row[]> {
  const name = (i: number) => `private-bench-client-${i}`;
  const { clients, channels } = await connectAll(n, server.port, sdk, name);
  const rounds = n >= 5000 ? 2 : n >= 1000 ? 5 : 20;
  const rec = new Recorder(n * rounds);
  for (const ch of channels) ch.bind("tick", (d: { t: number }) => rec.record(d.t));
  try {
    await server.resetFanout();
    const t0 = performance.now();
    for (let r = 0; r < rounds; r++) {
      const batches: number[][] = [];
      for (let i = 0; i < n; i += 10) batches.push([...Array(Math.min(10, n - i)).keys()].map((k) => i + k));
      // Batches of 10 (the API's maximum), 8 requests in flight.
      await inFlight(batches, 8, (ids) =>
        sdk.triggerBatch(ids.map((i) => ({ channel: name(i), name: "tick", data: { t: performance.now(), r } }))),
      );
    }
    await rec.until(n * rounds);
    return [row("per-client channels, batch API", n, n * rounds, n * rounds, rec, performance.now() - t0, await server.fanout())];
  } finally {
    release(clients);
  }
}

function fmt(v: number, digits = 1): string {
  return Number.isFinite(v) ? v.toFixed(digits) : "-";
}

function printTable(rows: Row[], note: string): void {
  console.log("");
  console.log(note);
  console.log("");
  console.log(
    "| scenario | clients | events | deliveries | lost | p50 ms | p95 ms | p99 ms | max ms | first p50 ms | server fan-out p50 / max ms | events/s | deliveries/s |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(
      `| ${r.scenario} | ${r.clients} | ${r.events} | ${r.deliveries} | ${r.lost} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.max)} | ` +
        `${r.first === undefined ? "-" : fmt(r.first)} | ${fmt(r.fanout.p50, 2)} / ${fmt(r.fanout.max, 2)} | ${fmt(r.eventsPerSec, 0)} | ${fmt(r.deliveriesPerSec, 0)} |`,
    );
  }
}

function parseArgs(args: string[]): { sizes: number[]; inproc: boolean; perClient: boolean } {
  const get = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const list = get("clients") ?? process.env.BENCH_REALTIME_CLIENTS ?? "100,1000,5000";
  const sizes = list
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  return {
    sizes,
    inproc: args.includes("--inproc") || process.env.BENCH_REALTIME_INPROC === "1",
    perClient: !args.includes("--no-private"),
  };
}

export async function runRealtimeBench(args: string[] = []): Promise<void> {
  const { sizes, inproc, perClient } = parseArgs(args);
  const limit = fdLimit();
  // Each client holds one descriptor here (and one in the server when in-process).
  const maxClients = Math.floor((limit - 256) / (inproc ? 2 : 1));
  const rows: Row[] = [];
  const server = await startServer(inproc);
  const sdk = new PusherServer({ ...APP, host: "127.0.0.1", port: String(server.port), useTLS: false });
  try {
    for (const requested of sizes) {
      const n = Math.min(requested, maxClients);
      if (n < requested) console.warn(`[bench] ulimit -n is ${limit}: running ${n} clients instead of ${requested}`);
      const started = performance.now();
      rows.push(...(await broadcastScenario(n, server, sdk)));
      if (perClient) rows.push(...(await perClientScenario(n, server, sdk)));
      console.error(`[bench] realtime ${n} clients done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await server.stop();
  }
  printTable(
    rows,
    `Realtime delivery (pusher SDK -> embedded server -> pusher-js), server ${inproc ? "in the same process as the clients" : "in its own process"}. ` +
      "Latency = publish call to the client's event callback; all N pusher-js clients decode in one process, so with " +
      "thousands of clients the later ones wait for that process, not for the server. " +
      "Server fan-out = time inside the server to encode an event once and write it to every subscribed socket.",
  );
}

if (process.env[CHILD_FLAG] === "1") void runChild();
