// The operator workplace API (/api/operator/*) and the cron sweep on the real
// server: status changes, offers accepted and declined, one dialog per
// operator (someone else's is refused and stays untouched), body fields the
// server owns are ignored, oversized messages are refused, and two operators
// racing for one offer get exactly one 200 and one 409.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_MESSAGE_CHARS } from "@/lib/dialogs/schemas";
import { MAX_MESSAGE_CHARS as WORKPLACE_MAX } from "@/app/operator/format";
import type { DialogView, MessageView, Workplace } from "@/lib/workplace/workplace";
import { StaffClient } from "../helpers/http-client";
import { startServer, type TestServer } from "../helpers/server";

const CRON_SECRET = "cron-secret-for-tests-0123456789";

let server: TestServer;
let olivia: StaffClient; // operator1: English, Sales, Support
let oleg: StaffClient; // operator2: Русский, Support, Billing
let omar: StaffClient; // operator3: English, Billing, Corporate clients
let supervisor: StaffClient;
let anonymous: StaffClient;
const category: Record<string, string> = {};
const ids: Record<string, string> = {};

function post(client: StaffClient, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return client.fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function getJson<T>(client: StaffClient, path: string): Promise<T> {
  const res = await client.fetch(path);
  expect(res.status, `GET ${path}`).toBe(200);
  return (await res.json()) as T;
}

const workplace = (client: StaffClient) => getJson<Workplace>(client, "/api/operator/workplace");
const dialogView = (client: StaffClient, id: string) => getJson<DialogView>(client, `/api/operator/dialogs/${id}`);

async function setStatus(client: StaffClient, status: "ready" | "away" | "offline") {
  const res = await post(client, "/api/operator/status", { status });
  expect(res.status).toBe(200);
}

/** A visitor on a page of the demo site, through the widget API. */
async function newVisitor(page = "https://shop.example/pricing?plan=pro"): Promise<string> {
  const res = await fetch(`${server.url}/api/widget/session`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
    },
    body: JSON.stringify({ url: page, title: "Pricing — Shop", language: "en" }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

/** The visitor asks for a chat; the ACD offers it at once to the best ready operator. */
async function startChat(categoryName: string, text = "Hello, I have a question", name = "Anna Smith") {
  const token = await newVisitor();
  const res = await fetch(`${server.url}/api/chat/dialogs`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-visitor-token": token },
    body: JSON.stringify({ categoryId: category[categoryName], name, text, clientId: randomUUID() }),
  });
  const body = (await res.json()) as { outcome: string; dialog?: { id: string } };
  expect(res.status, JSON.stringify(body)).toBe(201);
  return { token, dialogId: body.dialog!.id };
}

async function visitorSays(token: string, dialogId: string, text: string) {
  const res = await fetch(`${server.url}/api/chat/dialogs/${dialogId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-visitor-token": token },
    body: JSON.stringify({ clientId: randomUUID(), body: text }),
  });
  expect(res.status).toBe(201);
}

async function messages(client: StaffClient, id: string, after = 0) {
  return (await getJson<{ messages: MessageView[]; lastSeq: number; state: string }>(client, `/api/operator/dialogs/${id}/messages?after=${after}`));
}

beforeAll(async () => {
  server = await startServer({ SEED_DEMO: "1", CRON_SECRET, RATE_LIMIT_SCALE: "100" });
  olivia = new StaffClient(server.url);
  oleg = new StaffClient(server.url);
  omar = new StaffClient(server.url);
  supervisor = new StaffClient(server.url);
  anonymous = new StaffClient(server.url);
  await Promise.all([
    olivia.login("operator1@demo.local", "demo"),
    oleg.login("operator2@demo.local", "demo"),
    omar.login("operator3@demo.local", "demo"),
    supervisor.login("supervisor@demo.local", "demo"),
  ]);
  for (const [name, client] of [["olivia", olivia], ["oleg", oleg], ["omar", omar], ["supervisor", supervisor]] as const) {
    const w = await workplace(client);
    ids[name] = w.me.id;
    for (const s of w.me.skills) category[s.name] = s.id;
  }
});
afterAll(() => server?.stop());

describe("operator status", () => {
  it("switches between ready, away and offline, for the signed-in operator only", async () => {
    await setStatus(omar, "away");
    const before = await workplace(omar);

    const res = await post(olivia, "/api/operator/status", { status: "ready", userId: ids.omar, operatorId: ids.omar });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ready" });
    expect((await workplace(olivia)).me.status).toBe("ready");
    // The ids in the body were ignored: Omar's status did not move.
    expect((await workplace(omar)).me).toMatchObject({ status: "away", statusSince: before.me.statusSince });

    await setStatus(olivia, "away");
    expect((await workplace(olivia)).me.status).toBe("away");
    await setStatus(olivia, "offline");
    expect((await workplace(olivia)).me.status).toBe("offline");
  });

  it("refuses an unknown status, a malformed body and anonymous callers", async () => {
    expect((await post(olivia, "/api/operator/status", { status: "busy" })).status).toBe(422);
    expect((await post(olivia, "/api/operator/status", "{not json")).status).toBe(422);
    expect((await post(olivia, "/api/operator/status", { status: "x".repeat(5000) })).status).toBe(413);
    expect((await post(anonymous, "/api/operator/status", { status: "ready" })).status).toBe(401);
    expect((await anonymous.fetch("/api/operator/workplace")).status).toBe(401);
    expect((await post(anonymous, "/api/operator/heartbeat", {})).status).toBe(401);
    // A browser marks calls from another site; they never act for the signed-in user.
    expect((await post(olivia, "/api/operator/status", { status: "ready" }, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await workplace(olivia)).me.status).toBe("offline");
  });

  it("keeps the workplace alive with a heartbeat that never changes the status", async () => {
    const res = await post(olivia, "/api/operator/heartbeat", { status: "ready" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "offline" });
  });
});

describe("offers and dialogs", () => {
  let dialogId: string;
  let token: string;

  beforeAll(async () => {
    await Promise.all([setStatus(olivia, "ready"), setStatus(oleg, "offline"), setStatus(omar, "offline"), setStatus(supervisor, "offline")]);
  });

  it("rings a Sales chat in Olivia's workplace with what the card shows", async () => {
    ({ dialogId, token } = await startChat("Sales", "How much is the Pro plan?"));
    const w = await workplace(olivia);
    const offer = w.offers.find((o) => o.dialogId === dialogId);
    expect(offer).toMatchObject({
      categoryName: "Sales",
      visitorName: "Anna Smith",
      visitorPage: "https://shop.example/pricing?plan=pro",
      preview: "How much is the Pro plan?",
      attempt: 1,
    });
    expect(offer!.visitorBrowser).toMatch(/^Chrome/);
    expect(Date.parse(offer!.expiresAt)).toBeGreaterThan(Date.parse(w.now));
    // Nobody else hears it.
    expect((await workplace(omar)).offers).toEqual([]);
  });

  it("lets only the operator it rings for accept it", async () => {
    const stolen = await post(omar, `/api/operator/offers/${dialogId}/accept`, {});
    expect(stolen.status).toBe(409);
    expect((await stolen.json()).message).toMatch(/already taken/);

    const res = await post(olivia, `/api/operator/offers/${dialogId}/accept`, { attempt: 1, operatorId: ids.omar });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ dialog: { id: dialogId, state: "active" } });

    const w = await workplace(olivia);
    expect(w.offers).toEqual([]);
    const mine = w.dialogs.find((d) => d.id === dialogId);
    expect(mine).toMatchObject({ state: "active", categoryName: "Sales", visitorName: "Anna Smith", unread: 1 });
    // Olivia's greeting went out on accept, so the visitor's question counts as answered.
    expect(mine!.lastMessage).toMatchObject({ senderType: "operator" });
    expect(mine!.waitingSince).toBeNull();
    expect((await workplace(olivia)).dialogs).toHaveLength(1);
  });

  it("shows the transcript and the visitor's details to the operator", async () => {
    const v = await dialogView(olivia, dialogId);
    expect(v.dialog).toMatchObject({ id: dialogId, state: "active", categoryName: "Sales", operatorId: ids.olivia, operatorName: "Olivia Operator" });
    expect(v.messages.map((m) => [m.seq, m.senderType, m.body])).toEqual([
      [1, "visitor", "How much is the Pro plan?"],
      [2, "operator", "Hi, I'm Olivia. How can I help you today?"],
    ]);
    expect(v.messages[0]).toMatchObject({ senderName: "Anna Smith", internal: false });
    expect(v.messages[1]).toMatchObject({ senderName: "Olivia Operator" });
    expect(v.visitor).toMatchObject({
      name: "Anna Smith",
      ip: "127.0.0.1",
      os: expect.stringMatching(/^Windows/),
      device: "desktop",
      currentUrl: "https://shop.example/pricing?plan=pro",
      currentTitle: "Pricing — Shop",
      pageCount: 1,
    });
    expect(v.visitor.browser).toMatch(/^Chrome/);
    expect(v.visitor.pages).toHaveLength(1);
    expect(v.visitor.visitStartedAt).not.toBeNull();
  });

  it("tracks unread and waiting time, and clears unread on read", async () => {
    await visitorSays(token, dialogId, "Is there a discount?");
    let d = (await workplace(olivia)).dialogs.find((x) => x.id === dialogId)!;
    expect(d.unread).toBe(2);
    expect(d.waitingSince).not.toBeNull();
    expect(d.lastMessage).toMatchObject({ senderType: "visitor", body: "Is there a discount?" });

    const res = await post(olivia, `/api/operator/dialogs/${dialogId}/read`, { seq: 3 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ updated: 2 });
    d = (await workplace(olivia)).dialogs.find((x) => x.id === dialogId)!;
    expect(d.unread).toBe(0);
  });

  it("sends with the server deciding sender, seq and dialog; a retry returns the same message", async () => {
    const clientId = randomUUID();
    const body = { clientId, body: "Yes: 10% <b>off</b> annual plans", senderType: "visitor", senderId: ids.omar, operatorId: ids.omar, seq: 999, status: "closed", internal: true };
    const first = await post(olivia, `/api/operator/dialogs/${dialogId}/messages`, body);
    expect(first.status).toBe(201);
    const m = ((await first.json()) as { message: MessageView }).message;
    expect(m).toMatchObject({ seq: 4, senderType: "operator", senderName: "Olivia Operator", body: "Yes: 10% <b>off</b> annual plans", internal: false, clientId });

    const again = await post(olivia, `/api/operator/dialogs/${dialogId}/messages`, body);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ created: false, message: { id: m.id, seq: 4 } });

    const after = await messages(olivia, dialogId, 3);
    expect(after.messages.map((x) => x.id)).toEqual([m.id]);
    expect(after).toMatchObject({ lastSeq: 4, state: "active" });
    expect((await workplace(olivia)).dialogs.find((x) => x.id === dialogId)!.waitingSince).toBeNull();
  });

  it("refuses an oversized or empty message with 422 and stores nothing", async () => {
    expect(WORKPLACE_MAX).toBe(MAX_MESSAGE_CHARS);
    const long = await post(olivia, `/api/operator/dialogs/${dialogId}/messages`, { clientId: randomUUID(), body: "я".repeat(MAX_MESSAGE_CHARS + 1) });
    expect(long.status).toBe(422);
    expect((await long.json()).fieldErrors?.body?.[0]).toMatch(/at most 5000/);
    const exact = await post(olivia, `/api/operator/dialogs/${dialogId}/messages`, { clientId: randomUUID(), body: "я".repeat(MAX_MESSAGE_CHARS) });
    expect(exact.status).toBe(201);
    expect((await post(olivia, `/api/operator/dialogs/${dialogId}/messages`, { clientId: randomUUID(), body: "   " })).status).toBe(422);
    expect((await post(olivia, `/api/operator/dialogs/${dialogId}/messages`, { clientId: "not a valid id!", body: "hi" })).status).toBe(422);
    expect((await post(olivia, `/api/operator/dialogs/${dialogId}/messages`, { clientId: randomUUID(), body: "x".repeat(70_000) })).status).toBe(413);
    expect((await messages(olivia, dialogId)).lastSeq).toBe(5);
  });

  it("keeps another operator out of the dialog: reads 403, writes 403, nothing changes", async () => {
    const base = `/api/operator/dialogs/${dialogId}`;
    const before = await messages(olivia, dialogId);
    expect((await omar.fetch(base)).status).toBe(403);
    expect((await omar.fetch(`${base}/messages?after=0`)).status).toBe(403);
    expect((await post(omar, `${base}/messages`, { clientId: randomUUID(), body: "Let me take over" })).status).toBe(403);
    expect((await post(omar, `${base}/read`, { seq: 5 })).status).toBe(403);
    expect((await post(omar, `${base}/close`, {})).status).toBe(403);
    expect((await post(omar, `${base}/hold`, {})).status).toBe(403);
    expect((await post(omar, `${base}/return`, {})).status).toBe(403);
    expect((await post(omar, `/api/operator/offers/${dialogId}/decline`, {})).status).toBe(409);
    const after = await messages(olivia, dialogId);
    expect(after).toEqual(before);
    expect((await workplace(omar)).dialogs).toEqual([]);

    // Unknown and malformed ids are simply not found.
    expect((await olivia.fetch(`/api/operator/dialogs/${randomUUID()}`)).status).toBe(404);
    expect((await olivia.fetch("/api/operator/dialogs/not-a-uuid/messages")).status).toBe(404);
  });

  it("lets a supervisor read any dialog", async () => {
    const v = await dialogView(supervisor, dialogId);
    expect(v.dialog.id).toBe(dialogId);
    expect(v.messages).toHaveLength(5);
  });

  it("closes the dialog; afterwards messages and a second close are refused", async () => {
    const res = await post(olivia, `/api/operator/dialogs/${dialogId}/close`, { status: "active" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ dialog: { state: "closed", outcome: "closed_by_operator" } });
    expect((await post(olivia, `/api/operator/dialogs/${dialogId}/messages`, { clientId: randomUUID(), body: "one more thing" })).status).toBe(409);
    expect((await post(olivia, `/api/operator/dialogs/${dialogId}/close`, {})).status).toBe(409);
    expect((await workplace(olivia)).dialogs).toEqual([]);
    // The transcript stays readable for the operator who served it.
    expect((await dialogView(olivia, dialogId)).dialog.state).toBe("closed");
  });

  it("passes a declined offer on; with nobody else ready it waits in the queue", async () => {
    const { dialogId: id } = await startChat("Sales");
    expect((await workplace(olivia)).offers.map((o) => o.dialogId)).toEqual([id]);
    const res = await post(olivia, `/api/operator/offers/${id}/decline`, {});
    expect(res.status).toBe(200);
    // Olivia is the only one with Sales, so after her refusal it comes back to her.
    const w = await workplace(olivia);
    expect(w.offers.map((o) => [o.dialogId, o.attempt])).toEqual([[id, 2]]);
    expect((await post(olivia, `/api/operator/offers/${id}/accept`, { attempt: 1 })).status).toBe(409);
    expect((await post(olivia, `/api/operator/offers/${id}/accept`, { attempt: 2 })).status).toBe(200);
    expect((await post(olivia, `/api/operator/dialogs/${id}/close`, {})).status).toBe(200);
  });
});

describe("two operators and one offer", () => {
  beforeAll(async () => {
    await Promise.all([setStatus(olivia, "ready"), setStatus(omar, "ready"), setStatus(oleg, "offline"), setStatus(supervisor, "offline")]);
  });

  it("gives the chat to exactly one of two operators accepting at once", async () => {
    for (let round = 0; round < 3; round++) {
      const { dialogId } = await startChat("English", `Round ${round}`);
      const [a, b] = await Promise.all([
        post(olivia, `/api/operator/offers/${dialogId}/accept`, {}),
        post(omar, `/api/operator/offers/${dialogId}/accept`, {}),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect((await loser.json()).message).toMatch(/already taken/);
      const winner = a.status === 200 ? olivia : omar;
      const other = a.status === 200 ? omar : olivia;
      expect((await workplace(winner)).dialogs.map((d) => d.id)).toContain(dialogId);
      expect((await workplace(other)).dialogs.map((d) => d.id)).not.toContain(dialogId);
      expect((await post(winner, `/api/operator/dialogs/${dialogId}/close`, {})).status).toBe(200);
    }
  });

  it("accepts once when the same operator double-clicks", async () => {
    const { dialogId } = await startChat("Corporate clients");
    const [a, b] = await Promise.all([
      post(omar, `/api/operator/offers/${dialogId}/accept`, {}),
      post(omar, `/api/operator/offers/${dialogId}/accept`, {}),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const v = await dialogView(omar, dialogId);
    // One greeting, not two.
    expect(v.messages.filter((m) => m.senderType === "operator")).toHaveLength(1);
    expect((await post(omar, `/api/operator/dialogs/${dialogId}/close`, {})).status).toBe(200);
  });
});

describe("cron sweep", () => {
  it("refuses callers without the secret", async () => {
    const url = `${server.url}/api/cron/sweep`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { method: "POST" })).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: CRON_SECRET } })).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Bearer ${CRON_SECRET}x` } })).status).toBe(401);
  });

  it("runs the sweep with the secret", async () => {
    const res = await fetch(`${server.url}/api/cron/sweep`, { headers: { authorization: `Bearer ${CRON_SECRET}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, offersExpired: expect.any(Number), operatorsOffline: expect.any(Number) });
  });

  it("answers 503 when no secret is configured", async () => {
    const saved = process.env.CRON_SECRET;
    delete process.env.CRON_SECRET;
    try {
      const { GET } = await import("@/app/api/cron/sweep/route");
      const res = await GET(new Request("http://localhost/api/cron/sweep", { headers: { authorization: "Bearer " } }));
      expect(res.status).toBe(503);
    } finally {
      if (saved !== undefined) process.env.CRON_SECRET = saved;
    }
  });
});

describe("the sweeper in server.ts", () => {
  it("hands an unanswered offer on after its deadline", { timeout: 60_000 }, async () => {
    await Promise.all([setStatus(olivia, "ready"), setStatus(omar, "offline")]);
    const { dialogId } = await startChat("Sales", "Anyone there?");
    const w = await workplace(olivia);
    const offer = w.offers.find((o) => o.dialogId === dialogId)!;
    expect(offer.attempt).toBe(1);
    // Default deadline 20 s; the in-process sweeper runs every second.
    await expect
      .poll(async () => (await workplace(olivia)).offers.find((o) => o.dialogId === dialogId)?.attempt, { timeout: 40_000, interval: 1000 })
      .toBe(2);
    expect((await post(olivia, `/api/operator/offers/${dialogId}/decline`, {})).status).toBe(200);
    await setStatus(olivia, "offline");
  });
});
