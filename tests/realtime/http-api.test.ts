import { createHash, createHmac } from "node:crypto";
import PusherServer from "pusher";
import type { Channel } from "pusher-js";
import type Pusher from "pusher-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP,
  collect,
  connectClient,
  connected,
  nextEvent,
  startHarness,
  statusOf,
  subscribe,
  subscribePresence,
  type Harness,
} from "./harness";

let h: Harness;
let listener: Pusher;
beforeAll(async () => {
  h = await startHarness();
  listener = connectClient(h);
  await connected(listener);
});
afterAll(async () => {
  await h.close();
});

/**
 * An independent signer written from the HTTP API reference (not the SDK), so
 * the server is checked against the documented algorithm and can be fed
 * stale timestamps and broken signatures.
 */
function signedUrl(
  method: string,
  path: string,
  opts: { body?: string; params?: Record<string, string>; timestamp?: number; key?: string; secret?: string; md5?: string } = {},
): string {
  const params: Record<string, string> = {
    auth_key: opts.key ?? APP.key,
    auth_timestamp: String(opts.timestamp ?? Math.floor(Date.now() / 1000)),
    auth_version: "1.0",
    ...opts.params,
  };
  if (opts.body !== undefined) params.body_md5 = opts.md5 ?? createHash("md5").update(opts.body).digest("hex");
  const query = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join("&");
  const signature = createHmac("sha256", opts.secret ?? APP.secret)
    .update(`${method}\n${path}\n${query}`)
    .digest("hex");
  return `http://127.0.0.1:${h.port}${path}?${query}&auth_signature=${signature}`;
}

async function rawPost(path: string, body: string, opts: Parameters<typeof signedUrl>[2] = {}) {
  const res = await fetch(signedUrl("POST", path, { ...opts, body }), {
    method: "POST",
    body,
    headers: { "content-type": "application/json" },
  });
  return { status: res.status, body: await res.text() };
}

const eventsPath = () => `/apps/${APP.appId}/events`;

/** The SDK's post() JSON-encodes the body itself; its type says string. */
function post(path: string, body: object) {
  return h.sdk.post({ path, body: body as unknown as string });
}

async function flush(ch: Channel): Promise<void> {
  const m = nextEvent(ch, "marker");
  await h.sdk.trigger(ch.name, "marker", {});
  await m;
}

describe("POST /apps/{id}/events", () => {
  it("delivers the data string unchanged and answers {}", async () => {
    const ch = await subscribe(listener, "orders");
    const frame = new Promise<{ event: string; channel: string; data: unknown }>((resolve) =>
      listener.connection.bind("message", (m: { event: string; channel: string; data: unknown }) => {
        if (m.event === "placed") resolve(m);
      }),
    );
    const got = nextEvent(ch, "placed");
    const res = await h.sdk.trigger("orders", "placed", { id: 7, note: "ünï" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    expect((await got).data).toEqual({ id: 7, note: "ünï" });
    expect((await frame).channel).toBe("orders");
  });

  it("accepts exactly 10 KB and refuses 11 KB with 413", async () => {
    const ch = await subscribe(listener, "sizes");
    const seen = collect<string>(ch, "blob");
    expect(await statusOf(h.sdk.trigger("sizes", "blob", "x".repeat(10 * 1024)))).toBe(200);
    expect(await statusOf(h.sdk.trigger("sizes", "blob", "y".repeat(11 * 1024)))).toBe(413);
    // multi-byte characters count as bytes, not characters
    expect(await statusOf(h.sdk.trigger("sizes", "blob", "é".repeat(5200)))).toBe(413);
    await flush(ch);
    expect(seen.map((s) => s.length)).toEqual([10 * 1024]);
  });

  it("sends to up to 100 channels and refuses 101 with 400", async () => {
    const names = Array.from({ length: 101 }, (_, i) => `fan-${i}`);
    const client = connectClient(h);
    const chans = await Promise.all(names.map((n) => subscribe(client, n)));
    const first = nextEvent(chans[0], "wide");
    const last = nextEvent(chans[99], "wide");
    expect(await statusOf(h.sdk.trigger(names.slice(0, 100), "wide", { ok: true }))).toBe(200);
    await Promise.all([first, last]);

    const seen = collect(chans[100], "too-wide");
    expect(await statusOf(post("/events", { name: "too-wide", data: "{}", channels: names }))).toBe(400);
    await flush(chans[100]);
    expect(seen).toEqual([]);
  });

  it("refuses malformed events with 400", async () => {
    const p = "/events";
    const bad: object[] = [
      { data: "{}", channels: ["a"] },
      { name: "e", channels: ["a"] },
      { name: "e", data: { not: "a string" }, channels: ["a"] },
      { name: "e", data: "{}" },
      { name: "e", data: "{}", channels: [] },
      { name: "e", data: "{}", channels: "a" },
      { name: "e", data: "{}", channels: ["bad name"] },
      { name: "e", data: "{}", channels: ["a"], channel: "b" },
      { name: "e", data: "{}", channels: ["a"], socket_id: "abc" },
      { name: "e", data: "{}", channels: ["a"], socket_id: "1.2.3" },
      { name: "x".repeat(201), data: "{}", channels: ["a"] },
      { name: "pusher_internal:member_added", data: "{}", channels: ["a"] },
      { name: "e", data: "{}", channels: ["a"], info: "user_count" },
    ];
    for (const body of bad) expect([JSON.stringify(body), await statusOf(post(p, body))]).toEqual([JSON.stringify(body), 400]);
  });

  it("refuses malformed JSON with 400", async () => {
    expect((await rawPost(eventsPath(), "{not json")).status).toBe(400);
    expect((await rawPost(eventsPath(), "[]")).status).toBe(400);
  });

  it("refuses bodies over 256 KB with 413", async () => {
    const body = JSON.stringify({ name: "e", data: "x".repeat(300 * 1024), channels: ["a"] });
    expect((await rawPost(eventsPath(), body)).status).toBe(413);
  });

  it("excludes the connection named by socket_id", async () => {
    const a = connectClient(h);
    const b = connectClient(h);
    const aCh = await subscribe(a, "excl");
    const bCh = await subscribe(b, "excl");
    const atA = collect(aCh, "said");
    const atB = nextEvent(bCh, "said");
    await h.sdk.trigger("excl", "said", { hi: 1 }, { socket_id: a.connection.socket_id });
    await atB;
    await flush(aCh);
    expect(atA).toEqual([]);
  });

  it("returns channel info when asked", async () => {
    const c = connectClient(h, { user: { user_id: "u1" } });
    await subscribePresence(c, "presence-info-1");
    const res = await h.sdk.trigger(["presence-info-1"], "e", {}, { info: "user_count,subscription_count" });
    expect(await res.json()).toEqual({ channels: { "presence-info-1": { user_count: 1, subscription_count: 1 } } });
  });
});

describe("POST /apps/{id}/batch_events", () => {
  it("delivers a batch of 10", async () => {
    const client = connectClient(h);
    const ch = await subscribe(client, "batched");
    const seen = collect<{ i: number }>(ch, "item");
    const batch = Array.from({ length: 10 }, (_, i) => ({ channel: "batched", name: "item", data: { i } }));
    const res = await h.sdk.triggerBatch(batch);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    await flush(ch);
    expect(seen.map((s) => s.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("refuses 11 events with 400 and delivers none", async () => {
    const client = connectClient(h);
    const ch = await subscribe(client, "batched-2");
    const seen = collect(ch, "item");
    const batch = Array.from({ length: 11 }, (_, i) => ({ channel: "batched-2", name: "item", data: { i } }));
    expect(await statusOf(h.sdk.triggerBatch(batch))).toBe(400);
    await flush(ch);
    expect(seen).toEqual([]);
  });

  it("refuses the whole batch when one event is invalid or too large", async () => {
    const client = connectClient(h);
    const ch = await subscribe(client, "batched-3");
    const seen = collect(ch, "item");
    const ok = { channel: "batched-3", name: "item", data: "{}" };
    expect(await statusOf(h.sdk.triggerBatch([ok, { channel: "bad name", name: "item", data: "{}" }]))).toBe(400);
    expect(await statusOf(h.sdk.triggerBatch([ok, { channel: "batched-3", name: "item", data: "z".repeat(11 * 1024) }]))).toBe(413);
    expect(await statusOf(post("/batch_events", { batch: [] }))).toBe(400);
    expect(await statusOf(post("/batch_events", { batch: "no" }))).toBe(400);
    expect(await statusOf(post("/batch_events", { batch: [{ ...ok, channels: ["batched-3"] }] }))).toBe(400);
    await flush(ch);
    expect(seen).toEqual([]);
  });

  it("honours socket_id per event", async () => {
    const a = connectClient(h);
    const aCh = await subscribe(a, "batched-4");
    const seen = collect<{ n: number }>(aCh, "item");
    await h.sdk.triggerBatch([
      { channel: "batched-4", name: "item", data: { n: 1 }, socket_id: a.connection.socket_id },
      { channel: "batched-4", name: "item", data: { n: 2 } },
    ]);
    await flush(aCh);
    expect(seen).toEqual([{ n: 2 }]);
  });
});

describe("request authentication", () => {
  it("accepts a request signed as the reference describes", async () => {
    const body = JSON.stringify({ name: "e", data: "{}", channels: ["signed"] });
    expect(await rawPost(eventsPath(), body)).toEqual({ status: 200, body: "{}" });
  });

  it("refuses a timestamp more than 600 s old or ahead with 401", async () => {
    const body = JSON.stringify({ name: "e", data: "{}", channels: ["signed"] });
    const now = Math.floor(Date.now() / 1000);
    expect((await rawPost(eventsPath(), body, { timestamp: now - 700 })).status).toBe(401);
    expect((await rawPost(eventsPath(), body, { timestamp: now + 700 })).status).toBe(401);
    expect((await rawPost(eventsPath(), body, { timestamp: now - 500 })).status).toBe(200);
  });

  it("refuses a bad signature, wrong key, wrong body_md5 or missing auth with 401", async () => {
    const body = JSON.stringify({ name: "e", data: "{}", channels: ["signed"] });
    expect((await rawPost(eventsPath(), body, { secret: "wrong" })).status).toBe(401);
    expect((await rawPost(eventsPath(), body, { key: "wrong" })).status).toBe(401);
    expect((await rawPost(eventsPath(), body, { md5: "0".repeat(32) })).status).toBe(401);

    const unsigned = await fetch(`http://127.0.0.1:${h.port}${eventsPath()}`, { method: "POST", body });
    expect(unsigned.status).toBe(401);

    // tampering with the body after signing
    const url = signedUrl("POST", eventsPath(), { body });
    const tampered = await fetch(url, { method: "POST", body: body.replace("signed", "other") });
    expect(tampered.status).toBe(401);

    // the SDK with the wrong secret
    const forger = new PusherServer({ ...APP, secret: "nope", host: "127.0.0.1", port: String(h.port) });
    expect(await statusOf(forger.trigger("signed", "e", {}))).toBe(401);
    expect(await statusOf(forger.get({ path: "/channels" }))).toBe(401);
  });

  it("answers 404 for another app id", async () => {
    const other = new PusherServer({ ...APP, appId: "999", host: "127.0.0.1", port: String(h.port) });
    expect(await statusOf(other.trigger("x", "e", {}))).toBe(404);
    expect(await statusOf(other.get({ path: "/channels" }))).toBe(404);
  });

  it("answers 404 for unknown paths and 405 for wrong methods", async () => {
    expect((await fetch(signedUrl("GET", `/apps/${APP.appId}/nope`))).status).toBe(404);
    expect((await fetch(signedUrl("GET", eventsPath()))).status).toBe(405);
  });
});

describe("GET channels, channel and users", () => {
  let c: Pusher;
  beforeAll(async () => {
    c = connectClient(h, { user: { user_id: "g1" } });
    const c2 = connectClient(h, { user: { user_id: "g2" } });
    const c3 = connectClient(h, { user: { user_id: "g2" } });
    await subscribe(c, "lobby");
    await subscribe(c, "private-g");
    await subscribePresence(c, "presence-g");
    await subscribePresence(c2, "presence-g");
    await subscribePresence(c3, "presence-g");
    await subscribe(c2, "lobby");
  });

  async function get(path: string, params?: Record<string, string>) {
    const res = await h.sdk.get({ path, params });
    return res.json();
  }

  it("lists occupied channels with a prefix filter", async () => {
    const all = (await get("/channels")) as { channels: Record<string, object> };
    expect(all.channels).toMatchObject({ lobby: {}, "private-g": {}, "presence-g": {} });
    expect(await get("/channels", { filter_by_prefix: "private-g" })).toEqual({ channels: { "private-g": {} } });
    expect(await get("/channels", { filter_by_prefix: "presence-g", info: "user_count" })).toEqual({
      channels: { "presence-g": { user_count: 2 } },
    });
  });

  it("refuses user_count outside presence channels with 400", async () => {
    expect(await statusOf(h.sdk.get({ path: "/channels", params: { info: "user_count" } }))).toBe(400);
    expect(await statusOf(h.sdk.get({ path: "/channels", params: { filter_by_prefix: "private-", info: "user_count" } }))).toBe(400);
    expect(await statusOf(h.sdk.get({ path: "/channels/lobby", params: { info: "user_count" } }))).toBe(400);
    expect(await statusOf(h.sdk.get({ path: "/channels/lobby", params: { info: "bogus" } }))).toBe(400);
  });

  it("describes one channel", async () => {
    expect(await get("/channels/lobby", { info: "subscription_count" })).toEqual({ occupied: true, subscription_count: 2 });
    expect(await get("/channels/lobby")).toEqual({ occupied: true });
    expect(await get("/channels/presence-g", { info: "user_count,subscription_count" })).toEqual({
      occupied: true,
      user_count: 2,
      subscription_count: 3,
    });
    expect(await get("/channels/empty-one", { info: "subscription_count" })).toEqual({ occupied: false, subscription_count: 0 });
  });

  it("lists presence users once each", async () => {
    const res = (await get("/channels/presence-g/users")) as { users: { id: string }[] };
    expect(res.users.map((u) => u.id).sort()).toEqual(["g1", "g2"]);
    expect(await get("/channels/presence-nobody/users")).toEqual({ users: [] });
    expect(await statusOf(h.sdk.get({ path: "/channels/lobby/users" }))).toBe(400);
  });

  it("refuses invalid channel names in the path with 400", async () => {
    expect((await fetch(signedUrl("GET", `/apps/${APP.appId}/channels/bad%20name`))).status).toBe(400);
  });
});
