import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { publicClientConfig, realtimeConfig } from "@/lib/realtime/config";
import { registerLocalRealtime } from "@/lib/realtime/local";
import { publish, publishBatch, publishWithRef, type BatchItem } from "@/lib/realtime/publish";
import { APP, collect, connectClient, nextEvent, startHarness, subscribe, type Harness } from "./harness";

const ENV_KEYS = [
  "DATA_DIR",
  "PORT",
  "PUSHER_APP_ID",
  "PUSHER_KEY",
  "PUSHER_SECRET",
  "PUSHER_CLUSTER",
  "PUSHER_HOST",
  "PUSHER_PORT",
  "PUSHER_USE_TLS",
];
let savedEnv: Record<string, string | undefined>;
let tmp: string;

beforeEach(() => {
  savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  for (const k of ENV_KEYS) delete process.env[k];
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "realtime-cfg-"));
});
afterEach(() => {
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe("realtimeConfig", () => {
  it("generates embedded credentials once, in a 0600 file, and reuses them", () => {
    process.env.DATA_DIR = path.join(tmp, "a", "data");
    process.env.PORT = "4100";
    const first = realtimeConfig();
    expect(first).toMatchObject({ mode: "embedded", host: "127.0.0.1", port: 4100, useTLS: false });
    expect(first.appId).toMatch(/^\d+$/);
    expect(first.key).toMatch(/^[0-9a-f]{20}$/);
    expect(first.secret).toMatch(/^[0-9a-f]{40}$/);
    const file = path.join(tmp, "a", "data", "realtime.json");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ appId: first.appId, key: first.key, secret: first.secret });

    // another data dir gets its own credentials; coming back reads the file again
    process.env.DATA_DIR = path.join(tmp, "b");
    const other = realtimeConfig();
    expect(other.secret).not.toBe(first.secret);
    process.env.DATA_DIR = path.join(tmp, "a", "data");
    expect(realtimeConfig().secret).toBe(first.secret);
    expect(fs.readdirSync(path.join(tmp, "a", "data"))).toEqual(["realtime.json"]);
  });

  it("uses given credentials in embedded mode without writing a file", () => {
    process.env.DATA_DIR = tmp;
    Object.assign(process.env, { PUSHER_APP_ID: "1", PUSHER_KEY: "k", PUSHER_SECRET: "s" });
    expect(realtimeConfig()).toMatchObject({ mode: "embedded", appId: "1", key: "k", secret: "s", port: 3000 });
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it("selects hosted Pusher when PUSHER_CLUSTER is set", () => {
    Object.assign(process.env, { PUSHER_APP_ID: "1", PUSHER_KEY: "k", PUSHER_SECRET: "s", PUSHER_CLUSTER: "eu" });
    expect(realtimeConfig()).toMatchObject({ mode: "hosted", cluster: "eu", useTLS: true });
    expect(publicClientConfig()).toEqual({ key: "k", cluster: "eu", forceTLS: true });
  });

  it("selects an external server when PUSHER_HOST is set", () => {
    Object.assign(process.env, {
      PUSHER_APP_ID: "1",
      PUSHER_KEY: "k",
      PUSHER_SECRET: "s",
      PUSHER_HOST: "soketi.internal",
      PUSHER_PORT: "6001",
      PUSHER_USE_TLS: "false",
    });
    expect(realtimeConfig()).toMatchObject({ mode: "external", host: "soketi.internal", port: 6001, useTLS: false });
    expect(publicClientConfig()).toEqual({ key: "k", wsHost: "soketi.internal", wsPort: 6001, forceTLS: false });
    process.env.PUSHER_USE_TLS = "true";
    delete process.env.PUSHER_PORT;
    expect(realtimeConfig()).toMatchObject({ port: 443, useTLS: true });
  });

  it("requires credentials outside embedded mode", () => {
    process.env.PUSHER_CLUSTER = "eu";
    expect(() => realtimeConfig()).toThrow(/PUSHER_APP_ID/);
  });

  it("never exposes the secret to browsers", () => {
    process.env.DATA_DIR = tmp;
    const cfg = realtimeConfig();
    const pub = publicClientConfig();
    expect(JSON.stringify(pub)).not.toContain(cfg.secret);
    expect(pub).toEqual({ key: cfg.key });
  });
});

describe("publish", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(() => {
    // Embedded mode: the SDK talks to 127.0.0.1:PORT with the given credentials.
    Object.assign(process.env, {
      DATA_DIR: tmp,
      PORT: String(h.port),
      PUSHER_APP_ID: APP.appId,
      PUSHER_KEY: APP.key,
      PUSHER_SECRET: APP.secret,
    });
  });

  it("publishes through the pusher SDK and excludes socket_id", async () => {
    const a = connectClient(h);
    const b = connectClient(h);
    const aCh = await subscribe(a, "private-pub-1");
    const bCh = await subscribe(b, "private-pub-1");
    const atA = collect(aCh, "msg");
    const atB = nextEvent(bCh, "msg");
    expect(await publish("private-pub-1", "msg", { x: 1 }, { socketId: a.connection.socket_id })).toBe(true);
    expect((await atB).data).toEqual({ x: 1 });
    const marker = nextEvent(aCh, "marker");
    await publish("private-pub-1", "marker", {});
    await marker;
    expect(atA).toEqual([]);
  });

  it("splits more than 100 channels into several requests", async () => {
    const client = connectClient(h);
    const names = Array.from({ length: 150 }, (_, i) => `wide-${i}`);
    const chans = await Promise.all(names.map((n) => subscribe(client, n)));
    const got = [nextEvent(chans[0], "e"), nextEvent(chans[99], "e"), nextEvent(chans[100], "e"), nextEvent(chans[149], "e")];
    expect(await publish(names, "e", { ok: 1 })).toBe(true);
    await Promise.all(got);
  });

  it("publishWithRef sends the reference when the data is over 10 KB", async () => {
    const client = connectClient(h);
    const ch = await subscribe(client, "private-pub-2");
    const ref = { type: "message", dialogId: "d", seq: 9 };
    const small = nextEvent(ch, "message.created");
    expect(await publishWithRef("private-pub-2", "message.created", { body: "short" }, ref)).toBe(true);
    expect((await small).data).toEqual({ body: "short" });
    const big = nextEvent(ch, "message.created");
    expect(await publishWithRef("private-pub-2", "message.created", { body: "x".repeat(11 * 1024) }, ref)).toBe(true);
    expect((await big).data).toEqual({ ref });
  });

  it("never throws: too large, invalid channel, server unreachable", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await publish("private-pub-3", "e", { body: "x".repeat(11 * 1024) })).toBe(false);
    expect(await publish("bad name", "e", {})).toBe(false);
    expect(await publish("ok", "e", {}, { socketId: "garbage" })).toBe(true);
    const srv = await startHarness();
    const port = srv.port;
    await srv.close();
    process.env.PORT = String(port);
    expect(await publish("ok", "e", {})).toBe(false);
    expect(await publishBatch([{ channel: "ok", name: "e", data: {} }])).toBe(false);
    expect(logged).toHaveBeenCalled();
  });

  it("publishBatch sends in chunks of 10 and skips oversized items", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const client = connectClient(h);
    const ch = await subscribe(client, "private-pub-4");
    const seen = collect<{ i: number }>(ch, "item");
    const items: BatchItem[] = Array.from({ length: 23 }, (_, i) => ({ channel: "private-pub-4", name: "item", data: { i } }));
    items.push({ channel: "private-pub-4", name: "item", data: { i: -1, pad: "x".repeat(11 * 1024) } });
    expect(await publishBatch(items)).toBe(false);
    const marker = nextEvent(ch, "marker");
    await publish("private-pub-4", "marker", {});
    await marker;
    expect(seen.map((s) => s.i).sort((x, y) => x - y)).toEqual(Array.from({ length: 23 }, (_, i) => i));
  });
});

describe("publish to the embedded server in this process", () => {
  let h: Harness;
  let closedPort: number;
  beforeAll(async () => {
    h = await startHarness();
    const gone = await startHarness();
    closedPort = gone.port;
    await gone.close();
  });
  afterAll(async () => {
    registerLocalRealtime(null);
    await h.close();
  });
  beforeEach(() => {
    // The HTTP API is unreachable on PORT: only a direct hand-over can deliver.
    Object.assign(process.env, { DATA_DIR: tmp, PORT: String(closedPort), PUSHER_APP_ID: APP.appId, PUSHER_KEY: APP.key, PUSHER_SECRET: APP.secret });
    registerLocalRealtime({ appId: APP.appId, key: APP.key, publish: h.srv.server.publishLocal });
  });

  it("hands events to the server directly, with socket_id exclusion, one by one and in batches", async () => {
    const a = connectClient(h);
    const b = connectClient(h);
    const aCh = await subscribe(a, "private-local-1");
    const bCh = await subscribe(b, "private-local-1");
    const atA = collect(aCh, "msg");
    const atB = nextEvent(bCh, "msg");
    expect(await publish("private-local-1", "msg", { x: 1 }, { socketId: a.connection.socket_id })).toBe(true);
    expect((await atB).data).toEqual({ x: 1 });
    const seen = collect<{ i: number }>(bCh, "item");
    const marker = nextEvent(aCh, "marker");
    expect(await publishBatch(Array.from({ length: 12 }, (_, i) => ({ channel: "private-local-1", name: "item", data: { i } })))).toBe(true);
    await publish("private-local-1", "marker", {});
    await marker;
    expect(atA).toEqual([]);
    expect(seen.map((x) => x.i)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it("keeps the HTTP API's rules: oversized data and bad names are refused, nothing is delivered", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const c = connectClient(h);
    const ch = await subscribe(c, "private-local-2");
    const got = collect(ch, "e");
    expect(await publish("private-local-2", "e", { body: "x".repeat(11 * 1024) })).toBe(false);
    expect(await publishBatch([{ channel: "private-local-2", name: "pusher_internal:member_added", data: {} }])).toBe(false);
    expect(h.srv.server.publishLocal("private-local-2", "e", "{}", "not-a-socket")).toBe(false);
    expect(h.srv.server.publishLocal("bad name", "e", "{}")).toBe(false);
    const marker = nextEvent(ch, "marker");
    await publish("private-local-2", "marker", {});
    await marker;
    expect(got).toEqual([]);
  });

  it("is used only for the app it serves: another key goes through the SDK", async () => {
    process.env.PUSHER_KEY = "another-key";
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await publish("private-local-3", "e", {})).toBe(false);
  });
});
