// Visitor identity and M1 tracking on the real database.
import crypto from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blacklist, pageViews, visitors } from "@/lib/db/schema";
import { Invalid, NotFound } from "@/lib/errors";
import { isBlocked } from "@/lib/visitors/blacklist";
import { updateVisitorContact } from "@/lib/visitors/contact";
import { authenticateVisitor, createVisitorSession } from "@/lib/visitors/session";
import { markLeft, recordPageView, visitorHeartbeat } from "@/lib/visitors/tracking";
import { parseUserAgent } from "@/lib/visitors/user-agent";
import { createTestDb, type TestDb } from "../helpers/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.drop());

const CHROME_WIN =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1";
const T0 = new Date("2030-01-01T10:00:00Z");
const at = (sec: number) => new Date(T0.getTime() + sec * 1000);

async function row(id: string) {
  const [v] = await t.db.select().from(visitors).where(eq(visitors.id, id));
  return v!;
}

describe(`visitor sessions (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("issues an id and a 256-bit secret, storing only the secret's SHA-256, with browser, OS and device", async () => {
    const s = await createVisitorSession(t.db, {
      ip: "203.0.113.9",
      userAgent: CHROME_WIN,
      language: "en-US",
      origin: "https://shop.example.com/some/page?x=1",
      now: T0,
    });
    const [id, secret] = s.token.split(".");
    expect(id).toBe(s.visitorId);
    expect(Buffer.from(secret!, "base64url")).toHaveLength(32);
    const v = await row(s.visitorId);
    expect(v.tokenHash).toBe(crypto.createHash("sha256").update(secret!).digest("hex"));
    expect(JSON.stringify(v)).not.toContain(secret);
    expect(v).toMatchObject({
      ip: "203.0.113.9",
      browser: "Chrome 120",
      os: "Windows 10",
      device: "desktop",
      language: "en-US",
      origin: "https://shop.example.com",
      firstSeenAt: T0,
    });
    expect(parseUserAgent(SAFARI_IPHONE)).toMatchObject({ browser: "Mobile Safari 17", os: "iOS 17.2", device: "mobile" });
    expect(parseUserAgent(null)).toEqual({ browser: null, os: null, device: "unknown" });
  });

  it("drops bad optional metadata instead of failing, but refuses a malformed IP", async () => {
    const s = await createVisitorSession(t.db, { userAgent: "x".repeat(2000), language: "<script>", origin: "javascript:alert(1)" });
    const v = await row(s.visitorId);
    expect(v.userAgent).toHaveLength(512);
    expect(v).toMatchObject({ language: null, origin: null, ip: null });
    await expect(createVisitorSession(t.db, { ip: "999.1.1.1" })).rejects.toThrow(Invalid);
  });

  it("authenticates the token, and nothing else", async () => {
    const a = await createVisitorSession(t.db, {});
    const b = await createVisitorSession(t.db, {});
    expect((await authenticateVisitor(t.db, a.token))?.id).toBe(a.visitorId);
    const [aId, aSecret] = a.token.split(".");
    const [bId, bSecret] = b.token.split(".");
    const forged = [
      `${aId}.${bSecret}`, // another visitor's secret
      `${bId}.${aSecret}`,
      `${aId}.${aSecret!.slice(0, -1)}${aSecret!.endsWith("A") ? "B" : "A"}`, // one character off
      `${crypto.randomUUID()}.${aSecret}`,
      `${aId}`,
      `${aId}.`,
      `not-a-uuid.${aSecret}`,
      "",
      `${a.token}x`,
      "x".repeat(5000),
    ];
    for (const token of forged) expect(await authenticateVisitor(t.db, token)).toBeNull();
    expect(await authenticateVisitor(t.db, undefined)).toBeNull();
    expect(await authenticateVisitor(t.db, 42)).toBeNull();
  });
});

describe("tracking (M1)", () => {
  it("records page views, the current page and since when, and closes the previous view", async () => {
    const s = await createVisitorSession(t.db, { now: T0 });
    const first = await recordPageView(t.db, {
      visitorId: s.visitorId,
      url: "https://shop.example.com/",
      title: "Home <b>",
      referrer: "https://search.example/",
      now: at(1),
    });
    expect(first.events).toEqual([{ channel: "private-monitor", name: "monitor.updated", data: { visitorId: s.visitorId } }]);
    await recordPageView(t.db, { visitorId: s.visitorId, url: "https://shop.example.com/prices", title: "Prices\n\tpage", now: at(30) });
    const v = await row(s.visitorId);
    expect(v).toMatchObject({ currentUrl: "https://shop.example.com/prices", currentTitle: "Prices  page", currentPageSince: at(30), pageCount: 2, lastSeenAt: at(30) });
    const views = await t.db.select().from(pageViews).where(eq(pageViews.visitorId, s.visitorId)).orderBy(asc(pageViews.id));
    expect(views.map((p) => [p.url, p.title, p.at, p.leftAt])).toEqual([
      ["https://shop.example.com/", "Home <b>", at(1), at(30)],
      ["https://shop.example.com/prices", "Prices  page", at(30), null],
    ]);
  });

  it("refuses non-web addresses and unknown visitors without writing", async () => {
    const s = await createVisitorSession(t.db, {});
    for (const url of ["javascript:alert(1)", "not a url", `https://x.example/${"a".repeat(2100)}`]) {
      await expect(recordPageView(t.db, { visitorId: s.visitorId, url })).rejects.toThrow(Invalid);
    }
    await expect(recordPageView(t.db, { visitorId: crypto.randomUUID(), url: "https://x.example/" })).rejects.toThrow(NotFound);
    expect(await t.db.select().from(pageViews).where(eq(pageViews.visitorId, s.visitorId))).toHaveLength(0);
    expect((await row(s.visitorId)).pageCount).toBe(0);
  });

  it("heartbeat keeps the visitor present; leaving marks the time and ends the page view", async () => {
    const s = await createVisitorSession(t.db, { now: T0 });
    await recordPageView(t.db, { visitorId: s.visitorId, url: "https://x.example/a", now: at(1) });
    await visitorHeartbeat(t.db, { visitorId: s.visitorId, now: at(20) });
    expect((await row(s.visitorId)).lastSeenAt).toEqual(at(20));
    await markLeft(t.db, { visitorId: s.visitorId, now: at(25) });
    expect(await row(s.visitorId)).toMatchObject({ leftAt: at(25), lastSeenAt: at(25) });
    const [view] = await t.db.select().from(pageViews).where(eq(pageViews.visitorId, s.visitorId));
    expect(view!.leftAt).toEqual(at(25));
    // Coming back (the next page of the site) clears "left".
    await recordPageView(t.db, { visitorId: s.visitorId, url: "https://x.example/b", now: at(26) });
    expect((await row(s.visitorId)).leftAt).toBeNull();
    await expect(visitorHeartbeat(t.db, { visitorId: crypto.randomUUID() })).rejects.toThrow(NotFound);
  });
});

describe("contact and blacklist", () => {
  it("updates name, phone and e-mail with validation, keeping fields that were left out", async () => {
    const s = await createVisitorSession(t.db, {});
    const r = await updateVisitorContact(t.db, { visitorId: s.visitorId, name: "  Anna  ", phone: "+7 (999) 123-45-67", email: "Anna@Example.COM" });
    expect(r.visitor).toMatchObject({ name: "Anna", phone: "+7 (999) 123-45-67", email: "anna@example.com" });
    await updateVisitorContact(t.db, { visitorId: s.visitorId, phone: "" });
    expect(await row(s.visitorId)).toMatchObject({ name: "Anna", phone: null, email: "anna@example.com" });
    for (const bad of [{ name: "<script>x</script>" }, { phone: "call me maybe" }, { email: "nope" }, { name: "a".repeat(101) }]) {
      const err = await updateVisitorContact(t.db, { visitorId: s.visitorId, ...bad }).catch((e) => e);
      expect(err).toBeInstanceOf(Invalid);
      expect(Object.keys(err.fieldErrors)).toEqual(Object.keys(bad));
    }
    expect(await row(s.visitorId)).toMatchObject({ name: "Anna", phone: null, email: "anna@example.com" });
  });

  it("isBlocked matches active entries by visitor or by IP only", async () => {
    const v = await createVisitorSession(t.db, { ip: "192.0.2.10" });
    const other = await createVisitorSession(t.db, { ip: "192.0.2.11" });
    expect(await isBlocked(t.db, { visitorId: v.visitorId, ip: "192.0.2.10", now: T0 })).toBe(false);
    const [entry] = await t.db.insert(blacklist).values({ visitorId: v.visitorId, reason: "rude", until: at(60) }).returning();
    expect(await isBlocked(t.db, { visitorId: v.visitorId, now: T0 })).toBe(true);
    expect(await isBlocked(t.db, { visitorId: v.visitorId, now: at(60) })).toBe(false); // expired
    expect(await isBlocked(t.db, { visitorId: other.visitorId, ip: "192.0.2.11", now: T0 })).toBe(false);
    await t.db.insert(blacklist).values({ ip: "192.0.2.11", reason: "spam" });
    expect(await isBlocked(t.db, { visitorId: crypto.randomUUID(), ip: "192.0.2.11", now: T0 })).toBe(true);
    await t.db.update(blacklist).set({ liftedAt: T0 }).where(eq(blacklist.id, entry!.id));
    expect(await isBlocked(t.db, { visitorId: v.visitorId, now: T0 })).toBe(false);
    expect(await isBlocked(t.db, {})).toBe(false);
  });
});
