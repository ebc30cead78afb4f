// Conversation benchmark (DESIGN §7): V visitors and O operators as real HTTP +
// pusher-js clients against the production server on PostgreSQL with the
// embedded realtime server. Measures visitor → operator message delivery, the
// offer latency (visitor asks → operator's offer event), messages/s, lost and
// duplicated messages, and the server's RSS, while T more visitors are tracked.
import fs from "node:fs";
import { Worker } from "node:worker_threads";
import Pusher from "pusher-js";
import { openDatabase } from "../lib/db";
import { categories, userCategories, users } from "../lib/db/schema";
import { hashPassword } from "../lib/auth/password";
import { startServer, type TestServer } from "../tests/helpers/server";
import { StaffClient } from "../tests/helpers/http-client";
import buildIfStale from "../tests/helpers/global-setup";

interface Options {
  visitors: number;
  operators: number;
  tracked: number;
  messages: number;
  intervalMs: number;
  /** Visitors asking for a chat per second while the dialogs fill up. */
  arrivalsPerSec: number;
  /** Where the server writes a V8 CPU profile (open it in Chrome DevTools), if anywhere. */
  profileDir: string | null;
}

function parseArgs(args: string[]): Options {
  const get = (name: string, def: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : Number(process.env[`BENCH_${name.toUpperCase()}`] || def);
  };
  const profile = args.indexOf("--profile");
  return {
    profileDir: profile >= 0 ? (args[profile + 1] ?? null) : process.env.BENCH_PROFILE || null,
    visitors: get("visitors", 500), operators: get("operators", 50), tracked: get("tracked", 2000), messages: get("messages", 10), intervalMs: get("interval", 10_000), arrivalsPerSec: get("arrivals", 5) };
}

/** The tracked visitors' heartbeats: plain JS for a worker thread (fetch only). */
const TRACKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const tokens = workerData.tokens.slice();
const perTick = Math.ceil(tokens.length / 300);
setInterval(() => {
  for (const token of tokens.splice(0, perTick)) {
    fetch(workerData.url + "/api/widget/track", { method: "POST", headers: { "content-type": "text/plain" },
      body: JSON.stringify({ token, type: "heartbeat", url: "https://shop.example/bench", title: "Bench" }) }).catch(() => {});
    tokens.push(token);
  }
}, 100);
`;

function pct(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function rssMb(pid: number): number {
  const m = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

async function pool<T>(items: T[], width: number, fn: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

function pusherFor(server: TestServer, key: string, auth: (socketId: string, channel: string) => Promise<unknown>) {
  return new Pusher(key, {
    cluster: "",
    wsHost: "127.0.0.1",
    wsPort: server.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    enableStats: false,
    channelAuthorization: {
      transport: "ajax",
      endpoint: "/unused",
      customHandler: ({ socketId, channelName }, cb) => {
        auth(socketId, channelName).then(
          (r) => cb(null, r as { auth: string }),
          (e) => cb(e as Error, null),
        );
      },
    },
  });
}

function subscribed(p: Pusher, channel: string) {
  return new Promise<ReturnType<Pusher["subscribe"]>>((resolve, reject) => {
    const ch = p.subscribe(channel);
    ch.bind("pusher:subscription_succeeded", () => resolve(ch));
    ch.bind("pusher:subscription_error", (e: unknown) => reject(new Error(`subscription to ${channel} failed: ${JSON.stringify(e)}`)));
  });
}

export async function runConversationBench(args: string[]): Promise<void> {
  const opt = parseArgs(args);
  process.env.DATABASE_URL ||= "postgres://postgres@127.0.0.1:5432/postgres";
  console.log(`\nConversation scenario: ${opt.visitors} visitors in chats, ${opt.operators} operators, ${opt.tracked} more tracked visitors, ${opt.messages} messages per visitor every ~${opt.intervalMs} ms, ${opt.arrivalsPerSec} new chats/s`);
  buildIfStale();
  const server = await startServer(
    { RATE_LIMIT: "off", DATABASE_POOL_SIZE: "20" },
    { nodeArgs: opt.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${opt.profileDir}`] : [] },
  );
  const clients: Pusher[] = [];
  let trackers: Worker | null = null;
  try {
    // Operators and one category, straight into the server's database.
    const handle = await openDatabase({ url: server.db!.url! });
    const passwordHash = await hashPassword("bench-password");
    const [cat] = await handle.db.insert(categories).values({ name: "Bench", kind: "topic", queueWaitLimitSec: 3600, offerTimeoutSec: 60 }).returning();
    const perOperator = Math.ceil(opt.visitors / opt.operators);
    const ops = await handle.db
      .insert(users)
      .values(Array.from({ length: opt.operators }, (_, i) => ({ email: `op${i}@bench.local`, name: `Operator ${i}`, role: "operator" as const, maxDialogs: perOperator, passwordHash })))
      .returning();
    await handle.db.insert(userCategories).values(ops.map((o) => ({ userId: o.id, categoryId: cat!.id })));
    await handle.close();
    const { key } = JSON.parse(fs.readFileSync(`${server.dataDir}/realtime.json`, "utf8")) as { key: string };

    const offerAt = new Map<string, number>(); // dialogId → when the operator's offer event arrived
    const askedAt = new Map<string, number>(); // visitorId → when the visitor asked
    const dialogOfVisitor = new Map<string, string>();
    const sentAt = new Map<string, number>(); // clientId → send time
    const delivered = new Map<string, number>(); // clientId → delivery count
    const latencies: number[] = [];
    let accepted = 0;

    // Operators: sign in, go ready, listen for offers and accept them.
    await pool(ops, 10, async (op) => {
      const staff = new StaffClient(server.url);
      await staff.login(op.email, "bench-password");
      const post = (path: string, body: unknown = {}) =>
        staff.fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const p = pusherFor(server, key, async (socketId, channel) => {
        const r = await staff.fetch("/api/realtime/auth", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ socket_id: socketId, channel_name: channel }) });
        if (!r.ok) throw new Error(`auth ${r.status}`);
        return r.json();
      });
      clients.push(p);
      const own = await subscribed(p, `private-operator-${op.id}`);
      own.bind("offer.created", async (d: { dialogId: string; attempt?: number }) => {
        offerAt.set(d.dialogId, performance.now());
        const dialogCh = await subscribed(p, `private-dialog-${d.dialogId}`);
        dialogCh.bind("message.created", (m: { message?: { clientId?: string; senderType: string } }) => {
          const id = m.message?.clientId;
          if (!id || m.message!.senderType !== "visitor") return;
          const t0 = sentAt.get(id);
          delivered.set(id, (delivered.get(id) ?? 0) + 1);
          if (t0 !== undefined && delivered.get(id) === 1) latencies.push(performance.now() - t0);
        });
        const r = await post(`/api/operator/offers/${d.dialogId}/accept`, { attempt: d.attempt });
        if (r.ok) accepted++;
      });
      const r = await post("/api/operator/status", { status: "ready" });
      if (!r.ok) throw new Error(`status ${r.status}: ${await r.text()}`);
      setInterval(() => void post("/api/operator/heartbeat").catch(() => {}), 15_000).unref();
    });

    const session = async () => {
      const r = await fetch(`${server.url}/api/widget/session`, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ url: "https://shop.example/bench", title: "Bench", referrer: "", language: "en" }) });
      if (!r.ok) throw new Error(`session ${r.status}`);
      return (await r.json()) as { visitorId: string; token: string };
    };

    // Tracked visitors: a session (page view) each, then heartbeats while the chats run.
    const tracked: { token: string }[] = [];
    await pool(Array.from({ length: opt.tracked }), 20, async () => {
      tracked.push(await session());
    });
    // A visitor's page beats every 30 s; spread over the 30 s like real ones, a
    // slice every 100 ms, from a worker thread so that this load never delays
    // the event loop that timestamps deliveries.
    trackers = new Worker(TRACKER_SOURCE, { eval: true, workerData: { url: server.url, tokens: tracked.map((t) => t.token) } });

    // Visitors: session, ask for a chat, wait for the operator.
    const visitors: { visitorId: string; token: string; dialogId?: string }[] = [];
    // They arrive at a steady rate (a busy site's peak), not all at once.
    await Promise.all(
      Array.from({ length: opt.visitors }, async (_, i) => {
        await new Promise((r) => setTimeout(r, (i * 1000) / opt.arrivalsPerSec));
        const v = await session();
        askedAt.set(v.visitorId, performance.now());
        const r = await fetch(`${server.url}/api/chat/dialogs`, { method: "POST", headers: { "content-type": "application/json", "x-visitor-token": v.token }, body: JSON.stringify({ categoryId: cat!.id }) });
        if (!r.ok) throw new Error(`start ${r.status}: ${await r.text()}`);
        const body = (await r.json()) as { outcome: string; dialog?: { id: string } };
        if (!body.dialog) throw new Error(`start answered ${JSON.stringify(body)}`);
        dialogOfVisitor.set(v.visitorId, body.dialog.id);
        visitors.push({ ...v, dialogId: body.dialog.id });
      }),
    );
    const deadline = Date.now() + 120_000;
    while (accepted < opt.visitors && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const offerLatencies = visitors
      .map((v) => (offerAt.get(v.dialogId!) ?? NaN) - askedAt.get(v.visitorId)!)
      .filter((x) => !Number.isNaN(x))
      .sort((a, b) => a - b);

    // Messages: each visitor sends its messages spread over the run.
    const started = performance.now();
    let sent = 0;
    await Promise.all(
      visitors.map(async (v, vi) => {
        await new Promise((r) => setTimeout(r, (vi / visitors.length) * opt.intervalMs));
        for (let i = 0; i < opt.messages; i++) {
          const clientId = `b${vi}-${i}`;
          sentAt.set(clientId, performance.now());
          const r = await fetch(`${server.url}/api/chat/dialogs/${v.dialogId}/messages`, { method: "POST", headers: { "content-type": "application/json", "x-visitor-token": v.token }, body: JSON.stringify({ clientId, body: `message ${i} from visitor ${vi}` }) });
          if (r.ok) sent++;
          await new Promise((res) => setTimeout(res, opt.intervalMs));
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 3000)); // let the last deliveries arrive
    await trackers.terminate();
    trackers = null;
    const rss = rssMb(server.pid);

    const sorted = latencies.sort((a, b) => a - b);
    const lost = [...sentAt.keys()].filter((id) => !delivered.has(id)).length;
    const duplicated = [...delivered.values()].filter((n) => n > 1).length;
    const f = (n: number) => (Number.isNaN(n) ? "-" : n.toFixed(1));
    console.log("\n| metric | value |\n|---|---:|");
    console.log(`| dialogs accepted | ${accepted} / ${opt.visitors} |`);
    console.log(`| offer latency p50 / p95 / p99 ms | ${f(pct(offerLatencies, 50))} / ${f(pct(offerLatencies, 95))} / ${f(pct(offerLatencies, 99))} |`);
    console.log(`| messages sent (HTTP 2xx) | ${sent} |`);
    console.log(`| delivery visitor → operator p50 / p95 / p99 ms | ${f(pct(sorted, 50))} / ${f(pct(sorted, 95))} / ${f(pct(sorted, 99))} |`);
    console.log(`| messages/s | ${(sent / elapsed).toFixed(0)} |`);
    console.log(`| lost / duplicated | ${lost} / ${duplicated} |`);
    console.log(`| tracked visitors (+ visitors in chats) | ${opt.tracked} (+ ${opt.visitors}) |`);
    console.log(`| server RSS | ${rss} MB |`);
  } finally {
    await trackers?.terminate();
    for (const p of clients) p.disconnect();
    await server.stop();
  }
}
