// The browser helper, run in Node against the embedded server (pusher-js picks
// its Node build here; the options are the same).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type Pusher from "pusher-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRealtimeClient, onReconnected } from "@/lib/realtime/client";
import { APP, connected, startHarness, subscribed, within, type Harness } from "./harness";

let h: Harness;
let auth: Server;
let authUrl: string;
const authRequests: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
const clients: Pusher[] = [];

beforeAll(async () => {
  h = await startHarness();
  // Stands in for /api/realtime/auth: checks the header the page supplies, signs with the SDK.
  auth = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      authRequests.push({ headers: req.headers, body });
      const form = new URLSearchParams(body);
      if (req.headers["x-visitor-token"] !== "token-1") {
        res.writeHead(403).end("forbidden");
        return;
      }
      const signed = h.sdk.authorizeChannel(form.get("socket_id")!, form.get("channel_name")!);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(signed));
    });
  });
  await new Promise<void>((r) => auth.listen(0, "127.0.0.1", r));
  authUrl = `http://127.0.0.1:${(auth.address() as AddressInfo).port}/api/realtime/auth`;
});

afterAll(async () => {
  for (const c of clients) c.disconnect();
  await new Promise<void>((r) => auth.close(() => r()));
  await h.close();
});

function client(token = "token-1"): Pusher {
  const c = createRealtimeClient({
    key: APP.key,
    wsHost: "127.0.0.1",
    wsPort: h.port,
    forceTLS: false,
    authEndpoint: authUrl,
    authHeaders: () => ({ "x-visitor-token": token }),
    authParams: () => ({ dialog: "d-1" }),
  });
  clients.push(c);
  return c;
}

describe("createRealtimeClient", () => {
  it("connects to the embedded server over ws", async () => {
    const c = client();
    expect(await connected(c)).toMatch(/^\d+\.\d+$/);
  });

  it("authorizes private channels through the auth endpoint with the page's headers and params", async () => {
    const c = client();
    const ch = c.subscribe("private-client-1");
    await subscribed(ch);
    const last = authRequests[authRequests.length - 1];
    const form = new URLSearchParams(last.body);
    expect(form.get("channel_name")).toBe("private-client-1");
    expect(form.get("socket_id")).toBe(c.connection.socket_id);
    expect(form.get("dialog")).toBe("d-1");
  });

  it("surfaces a refused authorization as subscription_error", async () => {
    const c = client("wrong");
    const err = await within(
      new Promise<{ status?: number }>((resolve) => c.subscribe("private-client-2").bind("pusher:subscription_error", resolve)),
      "subscription_error",
    );
    expect(err.status).toBe(403);
  });
});

describe("onReconnected", () => {
  it("fires after a reconnect, once the channels are subscribed again, and not on the first connect", async () => {
    const c = client();
    let calls = 0;
    let subscribedWhenCalled: boolean | undefined;
    const ch = c.subscribe("private-client-3");
    const fired = new Promise<void>((resolve) => {
      onReconnected(c, () => {
        calls++;
        subscribedWhenCalled = ch.subscribed;
        resolve();
      });
    });
    await subscribed(ch);
    expect(calls).toBe(0);

    c.disconnect();
    c.connect();
    await within(fired, "onReconnected");
    expect(calls).toBe(1);
    expect(subscribedWhenCalled).toBe(true);
  });

  it("stops after the returned function is called", async () => {
    const c = client();
    await connected(c);
    let calls = 0;
    const off = onReconnected(c, () => calls++);
    off();
    const back = new Promise<void>((resolve) => c.connection.bind("connected", () => resolve()));
    c.disconnect();
    c.connect();
    await within(back, "reconnect");
    // give a registered handler's settle step a chance to run
    await new Promise((r) => setImmediate(r));
    expect(calls).toBe(0);
  });
});
