// The timers of sweep(): offer expiry, missed offers, queue wait limit, lost
// heartbeats, hold expiry. Time is driven by passing `now`, never by sleeping.
// Each test runs on its own day so that earlier tests' leftovers are long due
// and every assertion looks at the test's own rows.
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialogEvents } from "@/lib/db/schema";
import { Conflict } from "@/lib/errors";
import { acceptOffer } from "@/lib/dialogs/accept";
import { holdDialog } from "@/lib/dialogs/hold";
import { operatorHeartbeat } from "@/lib/dialogs/operator-status";
import { startDialog } from "@/lib/dialogs/start-dialog";
import { sweep } from "@/lib/dialogs/sweep";
import { createTestDb, type TestDb } from "../helpers/db";
import { at, eventsFor, expectAuditChains, getDialog, getUser, makeCategory, makeVisitor, readyOperator } from "./dialogs-fixtures";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.drop());

let day = 0;
/** A clock for one test: sec → Date on a day no other test uses. */
function newClock() {
  const base = at(++day * 86400);
  return (sec: number) => at(sec, base);
}

async function start(categoryId: string, now: Date) {
  const v = await makeVisitor(t.db, { now });
  const r = await startDialog(t.db, { visitorId: v.visitorId, categoryId, now });
  if (r.outcome === "offline") throw new Error("expected a dialog");
  return r.dialog;
}

async function eventTypes(dialogId: string) {
  const rows = await t.db.select().from(dialogEvents).where(eq(dialogEvents.dialogId, dialogId)).orderBy(dialogEvents.id);
  return rows.map((e) => e.type);
}

describe(`sweep timers (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("an unanswered offer goes to the next operator, and the stale accept fails", async () => {
    const c = newClock();
    const cat = await makeCategory(t.db);
    const a = await readyOperator(t.db, { skills: [cat.id], idleSince: c(-20), now: c(0) });
    const b = await readyOperator(t.db, { skills: [cat.id], idleSince: c(-10), now: c(0) });
    const d = await start(cat.id, c(0));
    expect(d).toMatchObject({ offeredToId: a.id, offerExpiresAt: c(20) });

    const early = await sweep(t.db, { now: c(19) });
    expect(eventsFor(early.events, d.id)).toHaveLength(0);
    expect((await getDialog(t.db, d.id)).offeredToId).toBe(a.id);

    const r = await sweep(t.db, { now: c(21) });
    expect(r.offersExpired).toBeGreaterThanOrEqual(1);
    const mine = eventsFor(r.events, d.id);
    expect(mine[0]).toMatchObject({ channel: `private-operator-${a.id}`, name: "offer.withdrawn", data: { reason: "expired" } });
    expect(mine.find((e) => e.name === "offer.created")).toMatchObject({ channel: `private-operator-${b.id}`, data: { attempt: 2 } });
    expect(await getDialog(t.db, d.id)).toMatchObject({ state: "offered", offeredToId: b.id, offerCount: 2, offerExpiresAt: c(41), queuedAt: c(0) });
    expect((await getUser(t.db, a.id)).missedOffers).toBe(1);

    await expect(acceptOffer(t.db, { dialogId: d.id, operatorId: a.id, now: c(22) })).rejects.toThrow("This chat was already taken");
    await expect(acceptOffer(t.db, { dialogId: d.id, operatorId: b.id, attempt: 1, now: c(22) })).rejects.toThrow(Conflict);
    const ok = await acceptOffer(t.db, { dialogId: d.id, operatorId: b.id, attempt: 2, now: c(23) });
    expect(ok.dialog).toMatchObject({ state: "active", operatorId: b.id, answeredAt: c(23), offeredAt: c(0) });
    expect(await eventTypes(d.id)).toEqual(["queued", "offered", "offer_expired", "offered", "accepted"]);
    const [expired] = await t.db.select().from(dialogEvents).where(and(eq(dialogEvents.dialogId, d.id), eq(dialogEvents.type, "offer_expired")));
    expect(expired).toMatchObject({ actorType: "system", operatorId: a.id, at: c(21) });
  });

  it("after maxMissedOffers misses in a row the operator is set away, and the dialog waits", async () => {
    const c = newClock();
    const cat = await makeCategory(t.db, { offerTimeoutSec: 10 });
    const a = await readyOperator(t.db, { skills: [cat.id], now: c(0) });
    const d = await start(cat.id, c(0));
    for (const [sec, missed] of [[11, 1], [22, 2]] as const) {
      await operatorHeartbeat(t.db, { userId: a.id, now: c(sec) });
      await sweep(t.db, { now: c(sec) });
      // Nobody else serves the category, so it rings for the same operator again.
      expect(await getDialog(t.db, d.id)).toMatchObject({ state: "offered", offeredToId: a.id });
      expect(await getUser(t.db, a.id)).toMatchObject({ missedOffers: missed, status: "ready" });
    }
    await operatorHeartbeat(t.db, { userId: a.id, now: c(33) });
    const r = await sweep(t.db, { now: c(33) });
    expect(r.operatorsAway).toBe(1);
    expect(r.events).toContainEqual({
      channel: `private-operator-${a.id}`,
      name: "operator.status",
      data: { userId: a.id, status: "away", reason: "missed_offers" },
    });
    expect(await getUser(t.db, a.id)).toMatchObject({ status: "away", missedOffers: 3, statusSince: c(33) });
    expect(await getDialog(t.db, d.id)).toMatchObject({ state: "queued", offeredToId: null });
  });

  it("a dialog waiting past the category's limit ends as offline_redirect and tells the visitor (W3)", async () => {
    const c = newClock();
    const cat = await makeCategory(t.db, { queueWaitLimitSec: 30 });
    const op = await readyOperator(t.db, { skills: [cat.id], maxDialogs: 1, now: c(0) });
    const busy = await start(cat.id, c(0));
    await acceptOffer(t.db, { dialogId: busy.id, operatorId: op.id, now: c(1) });
    const d = await start(cat.id, c(2));
    expect(d).toMatchObject({ state: "queued", queueDeadlineAt: c(32) });

    await sweep(t.db, { now: c(31) });
    expect((await getDialog(t.db, d.id)).state).toBe("queued");
    const r = await sweep(t.db, { now: c(32) });
    expect(r.queueTimeouts).toBeGreaterThanOrEqual(1);
    expect(eventsFor(r.events, d.id)).toContainEqual({
      channel: `private-dialog-${d.id}`,
      name: "dialog.updated",
      data: { dialogId: d.id, state: "closed", operatorId: null, outcome: "offline_redirect" },
    });
    expect(await getDialog(t.db, d.id)).toMatchObject({ state: "closed", outcome: "offline_redirect", closedAt: c(32), closedByType: "system" });
    expect(await eventTypes(d.id)).toEqual(["queued", "queue_timeout"]);
    // The busy operator's dialog is untouched.
    expect((await getDialog(t.db, busy.id)).state).toBe("active");
  });

  it("an operator silent for over 60 s goes offline and their ringing offer moves on", async () => {
    const c = newClock();
    const cat = await makeCategory(t.db, { offerTimeoutSec: 300 });
    const silent = await readyOperator(t.db, { skills: [cat.id], idleSince: c(-100), now: c(0) });
    const alive = await readyOperator(t.db, { skills: [cat.id], maxDialogs: 1, idleSince: c(-50), now: c(0) });
    const other = await start(cat.id, c(0));
    const d = await start(cat.id, c(1));
    expect([other.offeredToId, d.offeredToId]).toEqual([silent.id, alive.id]);
    await acceptOffer(t.db, { dialogId: d.id, operatorId: alive.id, now: c(2) });
    const { closeDialog } = await import("@/lib/dialogs/close");
    await closeDialog(t.db, { dialogId: d.id, actor: { type: "operator", id: alive.id }, now: c(3) });

    await operatorHeartbeat(t.db, { userId: alive.id, now: c(30) });
    await operatorHeartbeat(t.db, { userId: silent.id, now: c(5) });
    const none = await sweep(t.db, { now: c(65) });
    expect(none.events.filter((e) => e.name === "operator.status" && e.data.userId === silent.id)).toHaveLength(0);

    const r = await sweep(t.db, { now: c(66) });
    expect(r.events).toContainEqual({
      channel: `private-operator-${silent.id}`,
      name: "operator.status",
      data: { userId: silent.id, status: "offline", reason: "heartbeat" },
    });
    expect(await getUser(t.db, silent.id)).toMatchObject({ status: "offline", statusSince: c(66) });
    expect((await getUser(t.db, alive.id)).status).toBe("ready");
    expect(await getDialog(t.db, other.id)).toMatchObject({ state: "offered", offeredToId: alive.id });
    expect(await eventTypes(other.id)).toEqual(["queued", "offered", "offer_cancelled", "offered"]);
  });

  it("a hold past holdTimeoutSec goes back to the queue and to a free operator", async () => {
    const c = newClock();
    const cat = await makeCategory(t.db);
    const a = await readyOperator(t.db, { skills: [cat.id], idleSince: c(-20), now: c(0) });
    const d = await start(cat.id, c(0));
    await acceptOffer(t.db, { dialogId: d.id, operatorId: a.id, now: c(1) });
    await holdDialog(t.db, { dialogId: d.id, operatorId: a.id, now: c(2) });
    const b = await readyOperator(t.db, { skills: [cat.id], idleSince: c(-10), now: c(550) });
    await operatorHeartbeat(t.db, { userId: a.id, now: c(550) });
    await sweep(t.db, { now: c(601) });
    expect((await getDialog(t.db, d.id)).state).toBe("on_hold");
    const r = await sweep(t.db, { now: c(602) });
    expect(r.holdsExpired).toBeGreaterThanOrEqual(1);
    expect(await getDialog(t.db, d.id)).toMatchObject({ state: "offered", offeredToId: b.id, operatorId: null, holdExpiresAt: null });
    expect((await getUser(t.db, a.id)).idleSince).toEqual(c(602));
    expect(await eventTypes(d.id)).toEqual(["queued", "offered", "accepted", "held", "hold_expired", "offered"]);
  });

  it("is idempotent and safe when several sweepers run at once: every due dialog is handled exactly once", async () => {
    const c = newClock();
    const cat = await makeCategory(t.db, { queueWaitLimitSec: 30, offerTimeoutSec: 10 });
    const ops: Awaited<ReturnType<typeof readyOperator>>[] = [];
    for (let i = 0; i < 6; i++) ops.push(await readyOperator(t.db, { skills: [cat.id], maxDialogs: 2, now: c(0) }));
    const ringing = [];
    for (let i = 0; i < 6; i++) ringing.push(await start(cat.id, c(0)));
    const held = [];
    for (let i = 0; i < 6; i++) {
      const d = await start(cat.id, c(0));
      await acceptOffer(t.db, { dialogId: d.id, operatorId: d.offeredToId!, now: c(1) });
      await holdDialog(t.db, { dialogId: d.id, operatorId: d.offeredToId!, now: c(1) });
      held.push(d);
    }
    const waiting = [];
    for (let i = 0; i < 8; i++) waiting.push(await start(cat.id, c(2)));
    expect(ringing.every((d) => d.state === "offered")).toBe(true);
    expect(waiting.every((d) => d.state === "queued")).toBe(true);
    const ids = [...ringing, ...held, ...waiting].map((d) => d.id);

    // At c(700): the offers, the holds (600 s) and the queue limits (30 s) are all due, and every operator is silent.
    const results = await Promise.all([1, 2, 3, 4].map(() => sweep(t.db, { now: c(700) })));
    const evs = await t.db.select().from(dialogEvents).where(inArray(dialogEvents.dialogId, ids));
    const count = (type: string, set: { id: string }[]) =>
      evs.filter((e) => e.type === type && set.some((d) => d.id === e.dialogId)).length;
    // Ringing offers were withdrawn once each: expired, or cancelled with the silent operator.
    expect(count("offer_expired", ringing) + count("offer_cancelled", ringing)).toBe(6);
    expect(count("hold_expired", held)).toBe(6);
    for (const d of [...ringing, ...waiting]) expect((await getDialog(t.db, d.id)).outcome).toBe("offline_redirect");
    expect(count("queue_timeout", [...ringing, ...waiting])).toBe(14);
    for (const op of ops) expect((await getUser(t.db, op.id)).status).toBe("offline");
    const offlineEvents = results.flatMap((r) => r.events).filter((e) => e.name === "operator.status" && ops.some((o) => o.id === e.data.userId));
    expect(offlineEvents).toHaveLength(6);
    // Held dialogs are back in the queue with a fresh deadline; nobody is online to take them.
    for (const d of held) expect(await getDialog(t.db, d.id)).toMatchObject({ state: "queued", operatorId: null, queueDeadlineAt: c(730) });

    const again = await sweep(t.db, { now: c(700) });
    expect(again.events.filter((e) => ids.includes((e.data as { dialogId?: string }).dialogId ?? ""))).toHaveLength(0);
    expect(await expectAuditChains(t.db, ids)).toBe(20);
  });
});
