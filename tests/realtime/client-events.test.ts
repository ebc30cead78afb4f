import type { Channel } from "pusher-js";
import type Pusher from "pusher-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  collect,
  connectClient,
  nextConnectionError,
  nextEvent,
  parseData,
  rawConnect,
  startHarness,
  subscribe,
  subscribePresence,
  within,
  type Harness,
} from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/**
 * Everything the server sent to `receiver` on this channel before the marker
 * has arrived once the marker has: one socket delivers in order.
 */
async function flush(channel: Channel): Promise<void> {
  const marker = nextEvent(channel, "server-marker", `marker on ${channel.name}`);
  await h.sdk.trigger(channel.name, "server-marker", {});
  await marker;
}

async function pair(channelName: string): Promise<{ a: Pusher; b: Pusher; aCh: Channel; bCh: Channel }> {
  const presence = channelName.startsWith("presence-");
  const a = connectClient(h, { user: { user_id: "alice" } });
  const b = connectClient(h, { user: { user_id: "bob" } });
  const aCh = presence ? await subscribePresence(a, channelName) : await subscribe(a, channelName);
  const bCh = presence ? await subscribePresence(b, channelName) : await subscribe(b, channelName);
  return { a, b, aCh, bCh };
}

describe("client events", () => {
  it("reach the other subscribers and are not echoed to the sender", async () => {
    const { aCh, bCh } = await pair("private-typing-1");
    const c = connectClient(h);
    const cCh = await subscribe(c, "private-typing-1");
    const echoed = collect(aCh, "client-typing");
    const atB = nextEvent<{ typing: boolean }>(bCh, "client-typing");
    const atC = nextEvent<{ typing: boolean }>(cCh, "client-typing");
    expect(aCh.trigger("client-typing", { typing: true })).toBe(true);
    expect((await atB).data).toEqual({ typing: true });
    expect((await atC).data).toEqual({ typing: true });
    await flush(aCh);
    expect(echoed).toEqual([]);
  });

  it("carry the sender's user_id on presence channels", async () => {
    const { aCh, bCh } = await pair("presence-typing-2");
    const got = nextEvent<{ n: number }>(bCh, "client-note");
    aCh.trigger("client-note", { n: 5 });
    const { data, meta } = await got;
    expect(data).toEqual({ n: 5 });
    expect(meta).toEqual({ user_id: "alice" });
  });

  it("carry user_id on the wire too", async () => {
    const { aCh } = await pair("presence-typing-3");
    // pusher-js's connection-level message stream shows the decoded frame.
    const b = connectClient(h, { user: { user_id: "bob2" } });
    await subscribePresence(b, "presence-typing-3");
    const frame = new Promise<{ event: string; user_id?: string }>((resolve) =>
      b.connection.bind("message", (m: { event: string; user_id?: string }) => {
        if (m.event === "client-wire") resolve(m);
      }),
    );
    aCh.trigger("client-wire", {});
    expect((await frame).user_id).toBe("alice");
  });

  it("are refused on public channels", async () => {
    const { a, aCh, bCh } = await pair("public-room");
    const seen = collect(bCh, "client-x");
    const err = nextConnectionError(a);
    aCh.trigger("client-x", { no: 1 });
    expect((await err).message).toMatch(/private and presence/);
    await flush(bCh);
    expect(seen).toEqual([]);
  });

  it("are refused on a channel the sender is not subscribed to", async () => {
    const { bCh } = await pair("private-members-only");
    const outsider = connectClient(h);
    await subscribe(outsider, "private-elsewhere");
    const seen = collect(bCh, "client-x");
    const err = nextConnectionError(outsider);
    outsider.send_event("client-x", { sneaky: true }, "private-members-only");
    expect((await err).message).toMatch(/not subscribed/);
    await flush(bCh);
    expect(seen).toEqual([]);
  });

  it("must be named client-*", async () => {
    const { a, bCh } = await pair("private-names");
    const seen = collect(bCh, "server-like");
    const err = nextConnectionError(a);
    a.send_event("server-like", {}, "private-names");
    await err;
    await flush(bCh);
    expect(seen).toEqual([]);
  });

  it("over 10 KB are refused with an error", async () => {
    const { a, aCh, bCh } = await pair("private-big");
    const seen = collect(bCh, "client-big");
    const err = nextConnectionError(a);
    aCh.trigger("client-big", "x".repeat(11 * 1024));
    expect((await err).message).toMatch(/10240 bytes/);
    const ok = nextEvent<string>(bCh, "client-big");
    aCh.trigger("client-big", "y".repeat(10 * 1024));
    expect((await ok).data).toHaveLength(10 * 1024);
    expect(seen).toHaveLength(1);
  });

  it("are limited to 10 per second per connection (4301, the rest dropped)", async () => {
    const { a, aCh, bCh } = await pair("private-burst");
    const received = collect<{ i: number }>(bCh, "client-burst");
    const errors: { code: number | null }[] = [];
    const fiveErrors = within(
      new Promise<void>((resolve) => {
        a.connection.bind("error", (e: { type?: string; data?: { code: number | null } }) => {
          if (e.type === "PusherError" && e.data) errors.push(e.data);
          if (errors.length === 5) resolve();
        });
      }),
      "five rate-limit errors",
    );
    for (let i = 0; i < 15; i++) aCh.trigger("client-burst", { i });
    await fiveErrors;
    await flush(bCh);
    expect(errors.every((e) => e.code === 4301)).toBe(true);
    expect(received.map((r) => r.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(a.connection.state).toBe("connected");
  });

  it("keep the data as the client sent it", async () => {
    const { aCh, bCh } = await pair("private-shapes");
    for (const value of ["a string", 42, [1, { x: null }], { nested: { deep: ["ü", "😀"] } }]) {
      const got = nextEvent(bCh, "client-shape");
      aCh.trigger("client-shape", value);
      expect((await got).data).toEqual(value);
    }
  });
});

describe("client events on the wire", () => {
  it("errors are pusher:error frames with data objects", async () => {
    const c = rawConnect(h);
    await c.next((f) => f.event === "pusher:connection_established");
    c.send({ event: "client-x", channel: "private-none", data: {} });
    const f = await c.next();
    expect(f.event).toBe("pusher:error");
    expect(typeof f.data).toBe("object");
    expect(parseData<{ message: string }>(f).message).toMatch(/not subscribed/);
  });
});
