// Connection-level behaviour, driven with a raw WebSocket so every frame is visible.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Duplex } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddedRealtime } from "@/lib/realtime/embedded/server";
import { APP, connectClient, connected, parseData, rawConnect, startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe("connection", () => {
  it("sends pusher:connection_established with a JSON-string data field", async () => {
    const c = rawConnect(h);
    const f = await c.next();
    expect(f.event).toBe("pusher:connection_established");
    expect(typeof f.data).toBe("string");
    const data = parseData<{ socket_id: string; activity_timeout: number }>(f);
    expect(data.socket_id).toMatch(/^\d+\.\d+$/);
    expect(data.activity_timeout).toBe(120);
  });

  it("gives every connection a different socket id", async () => {
    const ids = await Promise.all(
      Array.from({ length: 20 }, async () => parseData<{ socket_id: string }>(await rawConnect(h).next()).socket_id),
    );
    expect(new Set(ids).size).toBe(20);
  });

  it("answers pusher:ping with pusher:pong", async () => {
    const c = rawConnect(h);
    await c.next((f) => f.event === "pusher:connection_established");
    c.send({ event: "pusher:ping", data: {} });
    const pong = await c.next((f) => f.event.startsWith("pusher:"), "pong");
    expect(pong.event).toBe("pusher:pong");
  });

  it("refuses an unknown app key with 4001 and closes with 4001", async () => {
    const c = rawConnect(h, "/app/not-our-key?protocol=7&client=js&version=8.6.0");
    const f = await c.next();
    expect(f.event).toBe("pusher:error");
    expect((f.data as { code: number }).code).toBe(4001);
    expect((await c.closed).code).toBe(4001);
    expect(c.frames.some((x) => x.event === "pusher:connection_established")).toBe(false);
  });

  it.each([
    ["missing", `/app/${APP.key}?client=js&version=8.6.0`],
    ["older", `/app/${APP.key}?protocol=6&client=js`],
    ["not a number", `/app/${APP.key}?protocol=seven`],
  ])("refuses a %s protocol version with 4007", async (_label, path) => {
    const c = rawConnect(h, path);
    const f = await c.next();
    expect(f.event).toBe("pusher:error");
    expect((f.data as { code: number }).code).toBe(4007);
    expect((await c.closed).code).toBe(4007);
  });

  it("pusher-js stops reconnecting after a 4001 refusal", async () => {
    const client = connectClient(h, { key: "wrong-key" });
    const state = await new Promise<string>((resolve) => {
      client.connection.bind("state_change", ({ current }: { current: string }) => {
        if (current === "disconnected" || current === "failed") resolve(current);
      });
    });
    expect(state).toBe("disconnected");
  });

  it("reports malformed frames without dropping the connection", async () => {
    const c = rawConnect(h);
    await c.next((f) => f.event === "pusher:connection_established");
    const errors = () => c.next((f) => f.event === "pusher:error", "error");
    c.send("{not json");
    expect((await errors()).event).toBe("pusher:error");
    c.send("[1,2,3]");
    expect((await errors()).event).toBe("pusher:error");
    c.send({ data: {} });
    expect((await errors()).event).toBe("pusher:error");
    c.send({ event: "my-event", channel: "x", data: "{}" });
    expect((await errors()).event).toBe("pusher:error");
    c.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect((await errors()).event).toBe("pusher:error");
    c.send({ event: "pusher:subscribe", data: "not an object" });
    expect((await errors()).event).toBe("pusher:error");
    // still usable
    c.send({ event: "pusher:ping", data: {} });
    expect((await c.next((f) => f.event === "pusher:pong", "pong")).event).toBe("pusher:pong");
    expect(c.ws.readyState).toBe(c.ws.OPEN);
  });

  it("closes a connection that sends a frame over the size limit", async () => {
    const c = rawConnect(h);
    await c.next((f) => f.event === "pusher:connection_established");
    c.send({ event: "client-x", channel: "private-a", data: "x".repeat(100 * 1024) });
    expect((await c.closed).code).toBe(1009);
  });

  it("tracks connections in stats()", async () => {
    const before = h.srv.server.stats().connections;
    const client = connectClient(h);
    await connected(client);
    expect(h.srv.server.stats().connections).toBe(before + 1);
  });
});

describe("activity timeout", () => {
  let fast: Harness;
  beforeAll(async () => {
    fast = await startHarness({ activityTimeoutSec: 1, pongTimeoutSec: 1 });
  });
  afterAll(async () => {
    await fast.close();
  });

  it("announces the configured activity_timeout", async () => {
    const c = rawConnect(fast);
    expect(parseData<{ activity_timeout: number }>(await c.next()).activity_timeout).toBe(1);
  });

  it("pings a silent connection and closes it with 4201 when no pong comes", async () => {
    const c = rawConnect(fast);
    await c.next((f) => f.event === "pusher:connection_established");
    const ping = await c.next((f) => f.event === "pusher:ping", "server ping", 10_000);
    expect(ping.event).toBe("pusher:ping");
    const closed = await Promise.race([
      c.closed,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("not closed")), 10_000)),
    ]);
    expect(closed.code).toBe(4201);
  });

  it("keeps a connection that answers the ping", async () => {
    const c = rawConnect(fast);
    await c.next((f) => f.event === "pusher:connection_established");
    for (let i = 0; i < 2; i++) {
      await c.next((f) => f.event === "pusher:ping", `server ping ${i + 1}`, 10_000);
      c.send({ event: "pusher:pong", data: {} });
    }
    // Two ping/pong cycles span more than activity + pong timeout, so it would have been closed by now.
    expect(c.ws.readyState).toBe(c.ws.OPEN);
  });

  it("keeps pusher-js connected (it pings on the announced timeout)", async () => {
    const client = connectClient(fast);
    const socketId = await connected(client);
    let changes = 0;
    client.connection.bind("state_change", () => changes++);
    // Wait for at least two client pongs from the server, event-driven.
    let pongs = 0;
    await new Promise<void>((resolve) => {
      client.connection.bind("message", (m: { event: string }) => {
        if (m.event === "pusher:pong" && ++pongs === 2) resolve();
      });
    });
    expect(client.connection.state).toBe("connected");
    expect(client.connection.socket_id).toBe(socketId);
    expect(changes).toBe(0);
  }, 15_000);
});

describe("mounting", () => {
  function fakeReq(url: string): IncomingMessage {
    return { url, method: "GET", headers: {} } as IncomingMessage;
  }

  it("leaves requests and upgrades for other paths alone", async () => {
    const rt = createEmbeddedRealtime(APP);
    const res = {
      writeHead() {
        throw new Error("must not answer");
      },
    } as unknown as ServerResponse;
    const socket = new Duplex({ read() {}, write(_c, _e, cb) { cb(new Error("must not write")); } });
    for (const url of ["/", "/api/realtime/auth", "/apps", "/application/x", "/_next/webpack-hmr", "/app", "/app/", "/app/k/extra"]) {
      expect(rt.handleRequest(fakeReq(url), res)).toBe(false);
      expect(rt.handleUpgrade(fakeReq(url), socket, Buffer.alloc(0))).toBe(false);
    }
    expect(socket.destroyed).toBe(false);
    await rt.close();
  });
});
