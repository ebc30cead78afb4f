// The visitor-facing API on the real server: /api/widget/session and /track
// (the loader) and /api/chat/* (the chat app), with the bad inputs of issue 4 —
// forged and foreign tokens, extra fields, oversized and malformed bodies,
// unknown categories, closed dialogs, retries — and the rate limiter switched on.
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StaffClient } from "../helpers/http-client";
import { startServer, type TestServer } from "../helpers/server";

let server: TestServer;
let operator: StaffClient;

interface Identity {
  visitorId: string;
  token: string;
}
interface Category {
  id: string;
  name: string;
  kind: string;
}
interface Msg {
  id: string;
  seq: number;
  senderType: string;
  body: string;
  clientId?: string;
}

const SITE = "https://shop.example.com";

function session(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/widget/session`, {
    method: "POST",
    headers: { "content-type": "text/plain;charset=UTF-8", origin: SITE, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function newVisitor(): Promise<Identity> {
  const res = await session({ url: `${SITE}/pricing`, title: "Pricing", referrer: "", language: "en-US" });
  expect(res.status).toBe(201);
  return (await res.json()) as Identity;
}

function chat(token: string | null, path: string, body?: unknown, raw?: string) {
  const headers: Record<string, string> = {};
  if (token) headers["x-visitor-token"] = token;
  if (body !== undefined || raw !== undefined) headers["content-type"] = "application/json";
  return fetch(`${server.url}/api/chat${path}`, {
    method: body === undefined && raw === undefined ? "GET" : "POST",
    headers,
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
}

async function state(v: Identity) {
  const res = await chat(v.token, "/state");
  expect(res.status).toBe(200);
  return (await res.json()) as {
    blocked: boolean;
    dialog: { id: string; state: string; outcome: string | null; operatorName: string | null; rated: boolean } | null;
    messages: Msg[];
    queue: { position: number | null; estimatedWaitSec: number | null } | null;
    categories: Category[];
    look: { primaryColor: string };
  };
}

async function messagesOf(v: Identity, dialogId: string): Promise<Msg[]> {
  const res = await chat(v.token, `/dialogs/${dialogId}/messages?after=0`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: Msg[] }).messages;
}

function staffPost(client: StaffClient, path: string, body: unknown = {}) {
  return client.fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

let categories: Category[];
const category = (name: string) => categories.find((c) => c.name === name)!;

beforeAll(async () => {
  server = await startServer({ SEED_DEMO: "1", RATE_LIMIT: "off" });
  operator = new StaffClient(server.url);
  await operator.login("operator1@demo.local", "demo");
  categories = (await state(await newVisitor())).categories;
});
afterAll(() => server?.stop());

describe("POST /api/widget/session and /track", () => {
  it("creates a visitor, resumes it with its token, and replaces a forged token with a new identity", async () => {
    const res = await session({ url: `${SITE}/`, title: "Home", referrer: "", language: "ru-RU" });
    expect(res.status).toBe(201);
    expect(res.headers.get("access-control-allow-origin")).toBe(SITE);
    const a = (await res.json()) as Identity;
    expect(a.token.startsWith(`${a.visitorId}.`)).toBe(true);

    const again = await session({ visitorId: a.visitorId, token: a.token, url: `${SITE}/next`, title: "Next" });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(a);

    const forged = `${a.visitorId}.${"A".repeat(43)}`;
    const other = await session({ visitorId: a.visitorId, token: forged, url: `${SITE}/` });
    expect(other.status).toBe(201);
    const b = (await other.json()) as Identity;
    expect(b.visitorId).not.toBe(a.visitorId);
    // The forged token still opens nothing.
    expect((await chat(forged, "/state")).status).toBe(401);
  });

  it("answers the preflight, refuses oversized and malformed bodies, and tolerates junk fields", async () => {
    const pre = await fetch(`${server.url}/api/widget/session`, { method: "OPTIONS", headers: { origin: SITE } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe(SITE);
    expect((await session("x".repeat(9000))).status).toBe(413);
    expect((await session("{not json")).status).toBe(422);
    const junk = await session({ url: 42, title: { x: 1 }, token: ["no"], extra: true });
    expect(junk.status).toBe(201);
  });

  it("tracks page views, heartbeats and leaving with a valid token only", async () => {
    const v = await newVisitor();
    const track = (body: unknown) =>
      fetch(`${server.url}/api/widget/track`, { method: "POST", headers: { "content-type": "text/plain", origin: SITE }, body: JSON.stringify(body) });
    expect((await track({ token: v.token, type: "pageview", url: `${SITE}/a`, title: "A" })).status).toBe(204);
    expect((await track({ token: v.token, type: "heartbeat" })).status).toBe(204);
    expect((await track({ token: v.token, type: "leave" })).status).toBe(204);
    expect((await track({ token: `${v.visitorId}.${"B".repeat(43)}`, type: "heartbeat" })).status).toBe(401);
    expect((await track({ token: "garbage", type: "heartbeat" })).status).toBe(401);
    expect((await track({ token: v.token, type: "explode" })).status).toBe(422);
  });
});

describe("/api/chat without an operator online", () => {
  it("refuses a missing, malformed or forged token with 401", async () => {
    const v = await newVisitor();
    expect((await chat(null, "/state")).status).toBe(401);
    expect((await chat("nonsense", "/state")).status).toBe(401);
    expect((await chat(`${v.visitorId}.${"C".repeat(43)}`, "/state")).status).toBe(401);
    expect((await chat(`${v.visitorId}.${"C".repeat(43)}`, "/dialogs", { categoryId: category("Support").id })).status).toBe(401);
  });

  it("shows a new visitor the categories and the look, and no dialog", async () => {
    const s = await state(await newVisitor());
    expect(s.dialog).toBeNull();
    expect(s.blocked).toBe(false);
    expect(s.categories.map((c) => c.name)).toContain("Support");
    expect(s.look.primaryColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it("offers the e-mail form (W3) when nobody serving the category is online, and creates no dialog", async () => {
    const v = await newVisitor();
    const res = await chat(v.token, "/dialogs", { categoryId: category("Billing").id, text: "Hello?", clientId: "w3-1" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ outcome: "offline" });
    expect((await state(v)).dialog).toBeNull();

    const mail = await chat(v.token, "/offline", { categoryId: category("Billing").id, name: "Anna", email: "anna@example.com", body: "Call me back", status: "read" });
    expect(mail.status).toBe(201);
    const bad = await chat(v.token, "/offline", { name: "Anna", email: "not-an-email", body: "" });
    expect(bad.status).toBe(422);
    expect(Object.keys(((await bad.json()) as { fieldErrors: object }).fieldErrors)).toEqual(expect.arrayContaining(["email", "body"]));
  });

  it("answers an unknown or malformed category with 422", async () => {
    const v = await newVisitor();
    const unknown = await chat(v.token, "/dialogs", { categoryId: "00000000-0000-4000-8000-000000000000", text: "hi", clientId: "u1" });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { fieldErrors: object }).fieldErrors).toHaveProperty("categoryId");
    expect((await chat(v.token, "/dialogs", { categoryId: "sales", text: "hi", clientId: "u2" })).status).toBe(422);
    expect((await chat(v.token, "/dialogs", {})).status).toBe(422);
  });

  it("answers malformed JSON with 422 and an oversized body with 413", async () => {
    const v = await newVisitor();
    expect((await chat(v.token, "/dialogs", undefined, "{oops")).status).toBe(422);
    expect((await chat(v.token, "/dialogs", undefined, "[1,2,3]")).status).toBe(422);
    expect((await chat(v.token, "/complaints", undefined, JSON.stringify({ body: "x".repeat(40_000) }))).status).toBe(413);
    expect((await chat(v.token, "/contact", undefined, JSON.stringify({ name: "x".repeat(20_000) }))).status).toBe(413);
  });

  it("stores contact details and complaints, with field errors for bad values", async () => {
    const v = await newVisitor();
    const ok = await chat(v.token, "/contact", { name: "Anna Petrova", phone: "+7 900 123-45-67", email: "Anna@Example.com", visitorId: "someone-else" });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { visitor: object }).visitor).toMatchObject({ id: v.visitorId, name: "Anna Petrova", email: "anna@example.com" });
    const bad = await chat(v.token, "/contact", { phone: "call me maybe" });
    expect(bad.status).toBe(422);

    expect((await chat(v.token, "/complaints", { body: "The operator was rude", email: "anna@example.com" })).status).toBe(201);
    expect((await chat(v.token, "/complaints", { body: "   " })).status).toBe(422);
  });
});

describe("/api/chat with an operator online", () => {
  let a: Identity;
  let b: Identity;
  let dialogId: string;

  beforeAll(async () => {
    expect((await staffPost(operator, "/api/operator/status", { status: "ready" })).status).toBe(200);
    a = await newVisitor();
    b = await newVisitor();
  });

  it("starts a dialog, ignoring a client's status, operator, seq and visitor", async () => {
    const res = await chat(a.token, "/dialogs", {
      categoryId: category("Support").id,
      name: "Anna",
      text: "My internet is down",
      clientId: "first-1",
      status: "active",
      state: "active",
      operatorId: "00000000-0000-4000-8000-000000000000",
      seq: 99,
      visitorId: b.visitorId,
    });
    expect(res.status).toBe(201);
    const r = (await res.json()) as { outcome: string; dialog: { id: string; state: string; operatorName: string | null }; message: Msg };
    expect(r.outcome).toBe("started");
    expect(["queued", "offered"]).toContain(r.dialog.state);
    expect(r.dialog.operatorName).toBeNull();
    expect(r.message).toMatchObject({ seq: 1, senderType: "visitor", body: "My internet is down", clientId: "first-1" });
    dialogId = r.dialog.id;
    const s = await state(a);
    expect(s.dialog?.id).toBe(dialogId);
    expect(s.queue?.position).toBe(1);
    // The dialog is a's, not b's.
    expect((await state(b)).dialog).toBeNull();
  });

  it("keeps HTML as literal text and stores a retried send once", async () => {
    const body = `<b>bold?</b> <script>alert(1)</script> & "quotes"\nsecond line`;
    const first = await chat(a.token, `/dialogs/${dialogId}/messages`, { clientId: "html-1", body });
    expect(first.status).toBe(201);
    const m1 = ((await first.json()) as { message: Msg }).message;
    expect(m1.body).toBe(body);
    const retry = await chat(a.token, `/dialogs/${dialogId}/messages`, { clientId: "html-1", body });
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as { message: Msg }).message.id).toBe(m1.id);
    const all = await messagesOf(a, dialogId);
    expect(all.filter((m) => m.clientId === "html-1")).toHaveLength(1);
    expect(all.find((m) => m.id === m1.id)?.body).toBe(body);
  });

  it("ignores seq, sender and dialog in a message body", async () => {
    const before = await messagesOf(a, dialogId);
    const res = await chat(a.token, `/dialogs/${dialogId}/messages`, {
      clientId: "extra-1",
      body: "plain",
      seq: 1000,
      senderType: "operator",
      sender: { type: "operator", id: "00000000-0000-4000-8000-000000000000" },
      dialogId: "00000000-0000-4000-8000-000000000000",
      internal: true,
    });
    expect(res.status).toBe(201);
    const m = ((await res.json()) as { message: Msg }).message;
    expect(m.seq).toBe(before.at(-1)!.seq + 1);
    expect(m.senderType).toBe("visitor");
    expect((await messagesOf(a, dialogId)).at(-1)?.id).toBe(m.id);
  });

  it("refuses a message over 5,000 characters with 422 and stores nothing; 5,000 of any script fit", async () => {
    const before = await messagesOf(a, dialogId);
    const tooLong = await chat(a.token, `/dialogs/${dialogId}/messages`, { clientId: "long-1", body: "x".repeat(5001) });
    expect(tooLong.status).toBe(422);
    expect(await messagesOf(a, dialogId)).toEqual(before);
    const cyrillic = await chat(a.token, `/dialogs/${dialogId}/messages`, { clientId: "long-2", body: "ж".repeat(5000) });
    expect(cyrillic.status).toBe(201);
    expect((await chat(a.token, `/dialogs/${dialogId}/messages`, { clientId: "empty-1", body: "  " })).status).toBe(422);
    expect((await chat(a.token, `/dialogs/${dialogId}/messages`, { clientId: "bad id!", body: "x" })).status).toBe(422);
  });

  it("answers another visitor's token on this dialog with 404 and changes nothing", async () => {
    const before = await messagesOf(a, dialogId);
    const stateBefore = (await state(a)).dialog;
    expect((await chat(b.token, `/dialogs/${dialogId}/messages`, { clientId: "intruder", body: "hi" })).status).toBe(404);
    expect((await chat(b.token, `/dialogs/${dialogId}/messages?after=0`)).status).toBe(404);
    expect((await chat(b.token, `/dialogs/${dialogId}/leave`, {})).status).toBe(404);
    expect((await chat(b.token, `/dialogs/${dialogId}/rating`, { score: 1 })).status).toBe(404);
    expect((await chat(b.token, `/dialogs/${dialogId}/read`, { upToSeq: 10 })).status).toBe(404);
    expect((await chat(b.token, "/complaints", { dialogId, body: "about someone else's chat" })).status).toBe(404);
    expect((await chat(b.token, "/offline", { dialogId, name: "B", email: "b@example.com", body: "x" })).status).toBe(404);
    expect((await chat(b.token, "/dialogs/not-a-uuid/messages?after=0")).status).toBe(404);
    expect((await chat(`${a.visitorId}.${"D".repeat(43)}`, `/dialogs/${dialogId}/messages`, { clientId: "forged", body: "hi" })).status).toBe(401);
    expect(await messagesOf(a, dialogId)).toEqual(before);
    expect((await state(a)).dialog).toEqual(stateBefore);
  });

  it("shows the operator's name and greeting once accepted, and refuses a rating while open", async () => {
    const accept = await staffPost(operator, `/api/operator/offers/${dialogId}/accept`);
    expect(accept.status).toBe(200);
    const s = await state(a);
    expect(s.dialog).toMatchObject({ state: "active", operatorName: "Olivia Operator" });
    expect(s.queue).toBeNull();
    expect(s.messages.some((m) => m.senderType === "operator" && m.body.includes("Olivia"))).toBe(true);
    expect((await chat(a.token, `/dialogs/${dialogId}/rating`, { score: 5 })).status).toBe(409);
    expect((await chat(a.token, `/dialogs/${dialogId}/read`, { upToSeq: s.messages.at(-1)!.seq })).status).toBe(200);
  });

  it("ends the chat; a message to the closed dialog is 409 and stores nothing; rated once", async () => {
    const left = await chat(a.token, `/dialogs/${dialogId}/leave`, {});
    expect(left.status).toBe(200);
    expect(((await left.json()) as { dialog: { state: string; outcome: string } }).dialog).toMatchObject({ state: "closed", outcome: "closed_by_visitor" });
    expect((await chat(a.token, `/dialogs/${dialogId}/leave`, {})).status).toBe(409);

    const before = await messagesOf(a, dialogId);
    expect((await chat(a.token, `/dialogs/${dialogId}/messages`, { clientId: "late-1", body: "still there?" })).status).toBe(409);
    expect(await messagesOf(a, dialogId)).toEqual(before);

    // The closed, unrated dialog is still what the chat shows, for the rating.
    expect((await state(a)).dialog).toMatchObject({ id: dialogId, state: "closed", rated: false });
    expect((await chat(a.token, `/dialogs/${dialogId}/rating`, { score: 7 })).status).toBe(422);
    expect((await chat(a.token, `/dialogs/${dialogId}/rating`, { score: 4, comment: "Quick <b>help</b>", dialogId: "x" })).status).toBe(201);
    expect((await chat(a.token, `/dialogs/${dialogId}/rating`, { score: 1 })).status).toBe(409);
    expect((await state(a)).dialog).toBeNull();
  });

  it("lets a waiting visitor leave the queue: the dialog ends as abandoned", async () => {
    const c = await newVisitor();
    const res = await chat(c.token, "/dialogs", { categoryId: category("Sales").id, text: "Prices?", clientId: "c-1" });
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { dialog: { id: string } }).dialog.id;
    const left = await chat(c.token, `/dialogs/${id}/leave`, {});
    expect(left.status).toBe(200);
    expect(((await left.json()) as { dialog: { outcome: string } }).dialog.outcome).toBe("abandoned");
    // Nothing to rate after an abandoned wait: the chat starts afresh.
    expect((await state(c)).dialog).toBeNull();
  });

  it("refuses a blacklisted visitor with 403 (M11), while still giving them an identity", async (ctx) => {
    // The blacklist has no HTTP API yet; on PostgreSQL the test writes the row itself.
    if (!server.db?.url) ctx.skip();
    const v = await newVisitor();
    const sql = postgres(server.db!.url!, { max: 1, onnotice: () => {} });
    await sql`insert into blacklist (visitor_id, reason) values (${v.visitorId}, 'test')`;
    await sql.end();
    expect((await state(v)).blocked).toBe(true);
    const res = await chat(v.token, "/dialogs", { categoryId: category("Support").id, text: "let me in", clientId: "bl-1" });
    expect(res.status).toBe(403);
    expect((await state(v)).dialog).toBeNull();
  });
});

describe("rate limits (switched on, allowances scaled down)", () => {
  let limited: TestServer;
  beforeAll(async () => {
    // Allowances × 0.1: 3 new sessions per IP and 1 dialog start per visitor a minute.
    limited = await startServer({ SEED_DEMO: "1", RATE_LIMIT: "on", RATE_LIMIT_SCALE: "0.1" });
  });
  afterAll(() => limited?.stop());

  it("answers 429 past the session allowance per IP and the dialog allowance per visitor", async () => {
    const post = (path: string, body: unknown, token?: string) =>
      fetch(`${limited.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { "x-visitor-token": token } : {}) },
        body: JSON.stringify(body),
      });
    const statuses: number[] = [];
    let identity: Identity | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await post("/api/widget/session", { url: "https://shop.example.com/" });
      statuses.push(res.status);
      if (res.status === 201) identity ??= (await res.json()) as Identity;
    }
    expect(statuses.slice(0, 3)).toEqual([201, 201, 201]);
    expect(statuses.slice(3)).toEqual([429, 429]);

    const cats = (await (await fetch(`${limited.url}/api/chat/state`, { headers: { "x-visitor-token": identity!.token } })).json()) as { categories: Category[] };
    const start = () => post("/api/chat/dialogs", { categoryId: cats.categories[0]!.id, text: "hi", clientId: "rl-1" }, identity!.token);
    expect((await start()).status).toBe(200);
    const limitedRes = await start();
    expect(limitedRes.status).toBe(429);
    expect(((await limitedRes.json()) as { error: string }).error).toBe("rate_limited");
  });
});
