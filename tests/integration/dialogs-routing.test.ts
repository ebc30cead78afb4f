// The dialog state machine and the ACD, transition by transition (DESIGN §3).
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blacklist, dialogEvents, dialogs, messages, users, visitors } from "@/lib/db/schema";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/errors";
import { acceptOffer } from "@/lib/dialogs/accept";
import { closeDialog } from "@/lib/dialogs/close";
import { declineOffer } from "@/lib/dialogs/decline";
import { holdDialog, returnToQueue } from "@/lib/dialogs/hold";
import { sendMessage } from "@/lib/dialogs/messages";
import { setOperatorStatus } from "@/lib/dialogs/operator-status";
import { leaveQueue, queuePosition } from "@/lib/dialogs/queue";
import { startDialog } from "@/lib/dialogs/start-dialog";
import { createTestDb, type TestDb } from "../helpers/db";
import {
  at,
  eventsFor,
  expectAuditChains,
  getDialog,
  getUser,
  makeCategory,
  makeOperator,
  makeVisitor,
  names,
  readyOperator,
  T0,
} from "./dialogs-fixtures";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.drop());

async function started(categoryId: string, now = T0, extra: Record<string, unknown> = {}) {
  const v = await makeVisitor(t.db, { now });
  const r = await startDialog(t.db, { visitorId: v.visitorId, categoryId, now, ...extra });
  if (r.outcome === "offline") throw new Error("expected a dialog");
  return { visitor: v, ...r };
}

describe(`startDialog (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("offers the e-mail form and creates no dialog when nobody serving the category is online (W3)", async () => {
    const cat = await makeCategory(t.db);
    const other = await makeCategory(t.db);
    await readyOperator(t.db, { skills: [other.id] }); // online, but without the skill
    const away = await makeOperator(t.db, { skills: [cat.id] });
    await setOperatorStatus(t.db, { userId: away.id, status: "away", now: T0 });
    const v = await makeVisitor(t.db);
    const r = await startDialog(t.db, { visitorId: v.visitorId, categoryId: cat.id, now: T0 });
    expect(r.outcome).toBe("offline");
    expect(await t.db.select().from(dialogs).where(eq(dialogs.visitorId, v.visitorId))).toHaveLength(0);
  });

  it("counts a ready operator with a stale heartbeat as offline", async () => {
    const cat = await makeCategory(t.db);
    await readyOperator(t.db, { skills: [cat.id], now: T0 });
    const v = await makeVisitor(t.db);
    expect((await startDialog(t.db, { visitorId: v.visitorId, categoryId: cat.id, now: at(61) })).outcome).toBe("offline");
    expect((await startDialog(t.db, { visitorId: v.visitorId, categoryId: cat.id, now: at(59) })).outcome).toBe("started");
  });

  it("refuses unknown, disabled and archived categories with a clear error", async () => {
    const v = await makeVisitor(t.db);
    const disabled = await makeCategory(t.db, { enabled: false });
    const archived = await makeCategory(t.db, { archivedAt: T0 });
    await readyOperator(t.db, { skills: [disabled.id, archived.id] });
    await expect(startDialog(t.db, { visitorId: v.visitorId, categoryId: crypto.randomUUID(), now: T0 })).rejects.toThrow(NotFound);
    await expect(startDialog(t.db, { visitorId: v.visitorId, categoryId: disabled.id, now: T0 })).rejects.toThrow(Invalid);
    await expect(startDialog(t.db, { visitorId: v.visitorId, categoryId: archived.id, now: T0 })).rejects.toThrow(
      "This category is not available",
    );
    await expect(startDialog(t.db, { visitorId: v.visitorId, categoryId: "not-a-uuid", now: T0 })).rejects.toThrow(Invalid);
    expect(await t.db.select().from(dialogs).where(eq(dialogs.visitorId, v.visitorId))).toHaveLength(0);
  });

  it("refuses a blacklisted visitor or IP, but not after the entry is lifted or expired (M11)", async () => {
    const cat = await makeCategory(t.db);
    await readyOperator(t.db, { skills: [cat.id] });
    const byId = await makeVisitor(t.db, { ip: "198.51.100.1" });
    const byIp = await makeVisitor(t.db, { ip: "198.51.100.2" });
    const lifted = await makeVisitor(t.db, { ip: "198.51.100.3" });
    const expired = await makeVisitor(t.db, { ip: "198.51.100.4" });
    await t.db.insert(blacklist).values([
      { visitorId: byId.visitorId, reason: "spam" },
      { ip: "198.51.100.2", reason: "abuse", until: at(3600) },
      { visitorId: lifted.visitorId, reason: "old", liftedAt: T0 },
      { visitorId: expired.visitorId, reason: "old", until: at(-1) },
    ]);
    for (const v of [byId, byIp]) {
      await expect(startDialog(t.db, { visitorId: v.visitorId, categoryId: cat.id, now: T0 })).rejects.toThrow(Forbidden);
      expect(await t.db.select().from(dialogs).where(eq(dialogs.visitorId, v.visitorId))).toHaveLength(0);
    }
    // The address the request comes from counts too, not only the one stored for the visitor.
    const moved = await makeVisitor(t.db, { ip: "198.51.100.9" });
    await expect(startDialog(t.db, { visitorId: moved.visitorId, categoryId: cat.id, ip: "198.51.100.2", now: T0 })).rejects.toThrow(Forbidden);
    for (const v of [lifted, expired]) {
      expect((await startDialog(t.db, { visitorId: v.visitorId, categoryId: cat.id, now: T0 })).outcome).toBe("started");
    }
  });

  it("queues the dialog with its deadline, stores the first message and contact, and offers it at once", async () => {
    const cat = await makeCategory(t.db, { queueWaitLimitSec: 120, offerTimeoutSec: 15, name: "Billing" });
    const op = await readyOperator(t.db, { skills: [cat.id] });
    const v = await makeVisitor(t.db);
    const r = await startDialog(t.db, {
      visitorId: v.visitorId,
      categoryId: cat.id,
      name: "Ann <b>",
      text: "hello",
      clientId: "c1",
      now: T0,
    }).catch((e: Invalid) => e);
    expect(r).toBeInstanceOf(Invalid); // markup in the name
    const ok = await startDialog(t.db, {
      visitorId: v.visitorId,
      categoryId: cat.id,
      name: "Ann",
      email: "ANN@example.com",
      text: "  hello  ",
      clientId: "c1",
      status: "active", // ignored
      operatorId: op.id, // ignored
      now: T0,
    } as never);
    if (ok.outcome === "offline") throw new Error("unexpected");
    expect(ok.outcome).toBe("started");
    expect(ok.message).toMatchObject({ seq: 1, body: "hello", senderType: "visitor", clientId: "c1" });
    const d = await getDialog(t.db, ok.dialog.id);
    expect(d).toMatchObject({
      state: "offered",
      offeredToId: op.id,
      operatorId: null,
      lastSeq: 1,
      offerCount: 1,
      queuedAt: T0,
      queueDeadlineAt: at(120),
      offerExpiresAt: at(15),
      offeredAt: T0,
    });
    expect(ok.dialog.state).toBe("offered");
    const offer = ok.events.find((e) => e.name === "offer.created");
    expect(offer).toMatchObject({
      channel: `private-operator-${op.id}`,
      data: { dialogId: d.id, attempt: 1, categoryName: "Billing", visitorName: "Ann", preview: "hello", expiresAt: at(15).toISOString() },
    });
    expect(names(eventsFor(ok.events, d.id))).toEqual(["dialog.updated", "monitor.updated", "message.created", "offer.created", "dialog.updated", "monitor.updated"]);
    const [vis] = await t.db.select().from(visitors).where(eq(visitors.id, v.visitorId));
    expect(vis).toMatchObject({ name: "Ann", email: "ann@example.com" });
    await expectAuditChains(t.db, [d.id]);
  });

  it("gives a visitor their open dialog back instead of a second one, even when asked twice at once", async () => {
    const cat = await makeCategory(t.db);
    await readyOperator(t.db, { skills: [cat.id] });
    const v = await makeVisitor(t.db);
    const [a, b] = await Promise.all([
      startDialog(t.db, { visitorId: v.visitorId, categoryId: cat.id, text: "hi", clientId: "m1", now: T0 }),
      startDialog(t.db, { visitorId: v.visitorId, categoryId: cat.id, text: "hi", clientId: "m1", now: T0 }),
    ]);
    expect([a.outcome, b.outcome].sort()).toEqual(["resumed", "started"]);
    const rows = await t.db.select().from(dialogs).where(eq(dialogs.visitorId, v.visitorId));
    expect(rows).toHaveLength(1);
    expect(await t.db.select().from(messages).where(eq(messages.dialogId, rows[0]!.id))).toHaveLength(1);
    // A new message through a repeated start lands in the same dialog.
    const c = await startDialog(t.db, { visitorId: v.visitorId, categoryId: cat.id, text: "still there?", clientId: "m2", now: at(5) });
    expect(c).toMatchObject({ outcome: "resumed", dialog: { id: rows[0]!.id }, message: { seq: 2 } });
  });
});

describe("assignment (ACD)", () => {
  it("offers to the operator idle longest, among those with the skill, ready, live and with a free slot", async () => {
    const cat = await makeCategory(t.db);
    const other = await makeCategory(t.db);
    const solo = await makeCategory(t.db);
    await readyOperator(t.db, { skills: [other.id], idleSince: at(-9000) }); // no skill
    const away = await makeOperator(t.db, { skills: [cat.id], idleSince: at(-8000) });
    await setOperatorStatus(t.db, { userId: away.id, status: "away", now: T0 });
    await t.db.update(users).set({ idleSince: at(-8000) }).where(eq(users.id, away.id));
    const stale = await readyOperator(t.db, { skills: [cat.id], idleSince: at(-7000), now: at(-120) }); // heartbeat too old
    const disabled = await readyOperator(t.db, { skills: [cat.id], idleSince: at(-6500) });
    await t.db.update(users).set({ active: false }).where(eq(users.id, disabled.id));
    const full = await readyOperator(t.db, { skills: [cat.id, solo.id], maxDialogs: 1, idleSince: at(-6000) });
    const occupying = await started(solo.id);
    expect(occupying.dialog.offeredToId).toBe(full.id);
    const newer = await readyOperator(t.db, { skills: [cat.id], idleSince: at(-100) });
    const older = await readyOperator(t.db, { skills: [cat.id], idleSince: at(-500) });

    const a = await started(cat.id);
    expect(a.dialog.offeredToId).toBe(older.id);
    const b = await started(cat.id);
    expect(b.dialog.offeredToId).toBe(newer.id);
    const c = await started(cat.id);
    expect(c.dialog.offeredToId).toBe(older.id); // both busy with one: the longer idle again
    const skipped = [away.id, stale.id, disabled.id, full.id];
    for (const d of [a, b, c]) expect(skipped).not.toContain(d.dialog.offeredToId);
  });

  it("spreads dialogs over operators before doubling up, and never past maxDialogs", async () => {
    const cat = await makeCategory(t.db);
    const x = await readyOperator(t.db, { skills: [cat.id], maxDialogs: 2, idleSince: at(-300) });
    const y = await readyOperator(t.db, { skills: [cat.id], maxDialogs: 1, idleSince: at(-200) });
    const got = [];
    for (let i = 0; i < 4; i++) got.push((await started(cat.id, at(i))).dialog);
    expect(got.map((d) => d.offeredToId)).toEqual([x.id, y.id, x.id, null]);
    expect(got[3]!.state).toBe("queued");
  });

  it("serves waiting dialogs in arrival order when an operator frees up", async () => {
    const cat = await makeCategory(t.db);
    const op = await readyOperator(t.db, { skills: [cat.id], maxDialogs: 1 });
    const first = await started(cat.id, at(0));
    const later = await started(cat.id, at(2));
    const earlier = await started(cat.id, at(1));
    expect([later.dialog.state, earlier.dialog.state]).toEqual(["queued", "queued"]);
    await acceptOffer(t.db, { dialogId: first.dialog.id, operatorId: op.id, now: at(3) });
    const closed = await closeDialog(t.db, { dialogId: first.dialog.id, actor: { type: "operator", id: op.id }, now: at(4) });
    expect(closed.events.find((e) => e.name === "offer.created")?.data).toMatchObject({ dialogId: earlier.dialog.id });
    expect(await getDialog(t.db, earlier.dialog.id)).toMatchObject({ state: "offered", offeredToId: op.id });
    expect((await getDialog(t.db, later.dialog.id)).state).toBe("queued");
  });
});

describe("accept", () => {
  it("makes the dialog active, sends the personal greeting with the name, resets missed offers", async () => {
    const cat = await makeCategory(t.db);
    const op = await readyOperator(t.db, { skills: [cat.id], name: "Olivia", greeting: "Hi, I'm {name}. How can I help?" });
    await t.db.update(users).set({ missedOffers: 2 }).where(eq(users.id, op.id));
    const s = await started(cat.id, T0, { text: "question", clientId: "q" });
    const idleBefore = (await getUser(t.db, op.id)).idleSince;
    const r = await acceptOffer(t.db, { dialogId: s.dialog.id, operatorId: op.id, attempt: 1, now: at(5) });
    expect(r.dialog).toMatchObject({ state: "active", operatorId: op.id, offeredToId: null, offerExpiresAt: null, answeredAt: at(5), lastSeq: 2 });
    expect(r.greeting).toMatchObject({ seq: 2, senderType: "operator", senderId: op.id, body: "Hi, I'm Olivia. How can I help?" });
    expect(names(r.events)).toEqual(["dialog.updated", "offer.withdrawn", "monitor.updated", "message.created"]);
    expect(r.events[0]).toMatchObject({ channel: `private-dialog-${s.dialog.id}`, data: { state: "active", operatorId: op.id, operatorName: "Olivia" } });
    const u = await getUser(t.db, op.id);
    expect(u.missedOffers).toBe(0);
    expect(u.idleSince).toEqual(idleBefore);
    const [ev] = await t.db.select().from(dialogEvents).where(and(eq(dialogEvents.dialogId, s.dialog.id), eq(dialogEvents.type, "accepted")));
    expect(ev).toMatchObject({ fromState: "offered", toState: "active", actorType: "operator", actorId: op.id, operatorId: op.id, at: at(5) });
  });

  it("without a greeting sends no message", async () => {
    const cat = await makeCategory(t.db);
    const op = await readyOperator(t.db, { skills: [cat.id] });
    const s = await started(cat.id);
    const r = await acceptOffer(t.db, { dialogId: s.dialog.id, operatorId: op.id, now: at(1) });
    expect(r.greeting).toBeNull();
    expect(r.dialog.lastSeq).toBe(0);
  });

  it("refuses an operator the offer is not for, an expired offer, and a second accept", async () => {
    const cat = await makeCategory(t.db);
    const a = await readyOperator(t.db, { skills: [cat.id], idleSince: at(-10) });
    const b = await readyOperator(t.db, { skills: [cat.id], maxDialogs: 1, idleSince: at(-5) });
    const s = await started(cat.id);
    expect(s.dialog.offeredToId).toBe(a.id);
    await expect(acceptOffer(t.db, { dialogId: s.dialog.id, operatorId: b.id, now: at(1) })).rejects.toThrow("This chat was already taken");
    await expect(acceptOffer(t.db, { dialogId: s.dialog.id, operatorId: a.id, attempt: 2, now: at(1) })).rejects.toThrow(Conflict);
    await expect(acceptOffer(t.db, { dialogId: s.dialog.id, operatorId: a.id, now: at(20) })).rejects.toThrow("This offer has expired");
    expect(await getDialog(t.db, s.dialog.id)).toMatchObject({ state: "offered", offeredToId: a.id, operatorId: null });
    await acceptOffer(t.db, { dialogId: s.dialog.id, operatorId: a.id, now: at(2) });
    await expect(acceptOffer(t.db, { dialogId: s.dialog.id, operatorId: a.id, now: at(3) })).rejects.toThrow(Conflict);
    await expect(acceptOffer(t.db, { dialogId: crypto.randomUUID(), operatorId: a.id })).rejects.toThrow(NotFound);
    await expectAuditChains(t.db, [s.dialog.id]);
  });
});

describe("decline", () => {
  it("returns the dialog to its place and offers it to another operator, not the one who declined", async () => {
    const cat = await makeCategory(t.db);
    const a = await readyOperator(t.db, { skills: [cat.id], idleSince: at(-30) });
    const b = await readyOperator(t.db, { skills: [cat.id], idleSince: at(-20) });
    const s = await started(cat.id);
    expect(s.dialog.offeredToId).toBe(a.id);
    await expect(declineOffer(t.db, { dialogId: s.dialog.id, operatorId: b.id, now: at(1) })).rejects.toThrow(Conflict);
    const r = await declineOffer(t.db, { dialogId: s.dialog.id, operatorId: a.id, now: at(2) });
    expect(r.events[0]).toMatchObject({ channel: `private-operator-${a.id}`, name: "offer.withdrawn", data: { reason: "declined" } });
    expect(r.events.find((e) => e.name === "offer.created")?.channel).toBe(`private-operator-${b.id}`);
    expect(await getDialog(t.db, s.dialog.id)).toMatchObject({ state: "offered", offeredToId: b.id, queuedAt: T0, offerCount: 2 });
    expect((await getUser(t.db, a.id)).missedOffers).toBe(0); // a decline is not a miss
    const [ev] = await t.db.select().from(dialogEvents).where(and(eq(dialogEvents.dialogId, s.dialog.id), eq(dialogEvents.type, "declined")));
    expect(ev).toMatchObject({ operatorId: a.id, actorId: a.id, fromState: "offered", toState: "queued" });
  });

  it("offers it back to the same operator when nobody else can take it", async () => {
    const cat = await makeCategory(t.db);
    const a = await readyOperator(t.db, { skills: [cat.id] });
    const s = await started(cat.id);
    const r = await declineOffer(t.db, { dialogId: s.dialog.id, operatorId: a.id, now: at(1) });
    expect(r.dialog).toMatchObject({ state: "offered", offeredToId: a.id, offerCount: 2 });
  });
});

describe("close, leave, hold, return", () => {
  it("closes by operator, frees the slot, restarts the idle clock and offers the next waiting dialog", async () => {
    const cat = await makeCategory(t.db);
    const op = await readyOperator(t.db, { skills: [cat.id], maxDialogs: 1 });
    const s1 = await started(cat.id, at(0));
    const s2 = await started(cat.id, at(1));
    await acceptOffer(t.db, { dialogId: s1.dialog.id, operatorId: op.id, now: at(2) });
    await expect(closeDialog(t.db, { dialogId: s1.dialog.id, actor: { type: "visitor", id: s2.visitor.visitorId }, now: at(3) })).rejects.toThrow(Forbidden);
    const other = await makeOperator(t.db, { skills: [cat.id] });
    await expect(closeDialog(t.db, { dialogId: s1.dialog.id, actor: { type: "operator", id: other.id }, now: at(3) })).rejects.toThrow(Forbidden);
    const r = await closeDialog(t.db, { dialogId: s1.dialog.id, actor: { type: "operator", id: op.id }, now: at(10) });
    expect(r.dialog).toMatchObject({ state: "closed", outcome: "closed_by_operator", closedAt: at(10), closedByType: "operator", closedById: op.id, operatorId: op.id });
    expect(r.events[0]).toMatchObject({ name: "dialog.updated", data: { state: "closed", outcome: "closed_by_operator" } });
    expect((await getUser(t.db, op.id)).idleSince).toEqual(at(10));
    expect(await getDialog(t.db, s2.dialog.id)).toMatchObject({ state: "offered", offeredToId: op.id });
    await expect(closeDialog(t.db, { dialogId: s1.dialog.id, actor: { type: "visitor", id: s1.visitor.visitorId } })).rejects.toThrow("already closed");
    await expect(
      sendMessage(t.db, { dialogId: s1.dialog.id, sender: { type: "visitor", id: s1.visitor.visitorId }, clientId: "late", body: "hello?" }),
    ).rejects.toThrow(Conflict);
  });

  it("closes by visitor (closed_by_visitor when talking, abandoned when still waiting) and by supervisor", async () => {
    const cat = await makeCategory(t.db);
    const op = await readyOperator(t.db, { skills: [cat.id], maxDialogs: 1 });
    const talking = await started(cat.id, at(0));
    const waiting = await started(cat.id, at(1));
    const third = await started(cat.id, at(2));
    await acceptOffer(t.db, { dialogId: talking.dialog.id, operatorId: op.id, now: at(3) });
    const w = await closeDialog(t.db, { dialogId: waiting.dialog.id, actor: { type: "visitor", id: waiting.visitor.visitorId }, now: at(4) });
    expect(w.dialog.outcome).toBe("abandoned");
    const c = await closeDialog(t.db, { dialogId: talking.dialog.id, actor: { type: "visitor", id: talking.visitor.visitorId }, now: at(5) });
    expect(c.dialog.outcome).toBe("closed_by_visitor");
    expect(await getDialog(t.db, third.dialog.id)).toMatchObject({ state: "offered", offeredToId: op.id });
    const sup = await makeOperator(t.db, { skills: [], role: "supervisor" });
    const s = await closeDialog(t.db, { dialogId: third.dialog.id, actor: { type: "supervisor", id: sup.id }, now: at(6) });
    expect(s.dialog.outcome).toBe("closed_by_supervisor");
    // The ringing offer is withdrawn from the operator's workplace.
    expect(s.events[0]).toMatchObject({ channel: `private-operator-${op.id}`, name: "offer.withdrawn", data: { reason: "cancelled" } });
    await expectAuditChains(t.db, [talking.dialog.id, waiting.dialog.id, third.dialog.id]);
  });

  it("leaveQueue ends a waiting dialog as abandoned, only for its own visitor, and never once answered", async () => {
    const cat = await makeCategory(t.db);
    const op = await readyOperator(t.db, { skills: [cat.id], maxDialogs: 1 });
    const ringing = await started(cat.id, at(0));
    const queued = await started(cat.id, at(1));
    await expect(leaveQueue(t.db, { dialogId: queued.dialog.id, visitorId: ringing.visitor.visitorId })).rejects.toThrow(Forbidden);
    const q = await leaveQueue(t.db, { dialogId: queued.dialog.id, visitorId: queued.visitor.visitorId, now: at(2) });
    expect(q.dialog).toMatchObject({ state: "closed", outcome: "abandoned", closedByType: "visitor" });
    const r = await leaveQueue(t.db, { dialogId: ringing.dialog.id, visitorId: ringing.visitor.visitorId, now: at(3) });
    expect(r.dialog.outcome).toBe("abandoned");
    expect(await getDialog(t.db, ringing.dialog.id)).toMatchObject({ offeredToId: null, offerExpiresAt: null });
    const [ev] = await t.db.select().from(dialogEvents).where(and(eq(dialogEvents.dialogId, ringing.dialog.id), eq(dialogEvents.type, "abandoned")));
    expect(ev).toMatchObject({ fromState: "offered", toState: "closed", operatorId: op.id });
    const answered = await started(cat.id, at(4));
    await acceptOffer(t.db, { dialogId: answered.dialog.id, operatorId: op.id, now: at(5) });
    await expect(leaveQueue(t.db, { dialogId: answered.dialog.id, visitorId: answered.visitor.visitorId })).rejects.toThrow(Conflict);
  });

  it("hold: a visitor message brings the dialog back to the same operator (M8)", async () => {
    const cat = await makeCategory(t.db);
    const op = await readyOperator(t.db, { skills: [cat.id] });
    const s = await started(cat.id);
    await acceptOffer(t.db, { dialogId: s.dialog.id, operatorId: op.id, now: at(1) });
    const h = await holdDialog(t.db, { dialogId: s.dialog.id, operatorId: op.id, now: at(2) });
    expect(h.dialog).toMatchObject({ state: "on_hold", operatorId: op.id, holdExpiresAt: at(602) });
    await expect(holdDialog(t.db, { dialogId: s.dialog.id, operatorId: op.id, now: at(3) })).rejects.toThrow(Conflict);
    const m = await sendMessage(t.db, { dialogId: s.dialog.id, sender: { type: "visitor", id: s.visitor.visitorId }, clientId: "back", body: "I'm back", now: at(30) });
    expect(m.dialog).toMatchObject({ state: "active", operatorId: op.id, holdExpiresAt: null });
    expect(names(m.events)).toEqual(["message.created", "dialog.updated", "monitor.updated"]);
    await expectAuditChains(t.db, [s.dialog.id]);
  });

  it("returnToQueue hands the dialog to the next free operator, keeping its place", async () => {
    const cat = await makeCategory(t.db);
    const a = await readyOperator(t.db, { skills: [cat.id], idleSince: at(-50) });
    const s = await started(cat.id);
    await acceptOffer(t.db, { dialogId: s.dialog.id, operatorId: a.id, now: at(1) });
    const b = await readyOperator(t.db, { skills: [cat.id], idleSince: at(-10), now: at(2) });
    const r = await returnToQueue(t.db, { dialogId: s.dialog.id, operatorId: a.id, now: at(5) });
    expect(r.dialog).toMatchObject({ state: "offered", offeredToId: b.id, operatorId: null, queuedAt: T0 });
    expect((await getUser(t.db, a.id)).idleSince).toEqual(at(5));
    await expect(returnToQueue(t.db, { dialogId: s.dialog.id, operatorId: a.id, now: at(6) })).rejects.toThrow(Conflict);
  });
});

describe("queuePosition", () => {
  it("counts the waiting dialogs ahead in the category and estimates the wait from recent answers", async () => {
    const cat = await makeCategory(t.db, { offerTimeoutSec: 60 });
    const op = await readyOperator(t.db, { skills: [cat.id], maxDialogs: 1 });
    const answered = await started(cat.id, at(0));
    await acceptOffer(t.db, { dialogId: answered.dialog.id, operatorId: op.id, now: at(40) });
    const d1 = await started(cat.id, at(50));
    const d2 = await started(cat.id, at(51));
    const d3 = await started(cat.id, at(52));
    expect(await queuePosition(t.db, { dialogId: d1.dialog.id, now: at(60) })).toMatchObject({ state: "queued", position: 1, estimatedWaitSec: 40 });
    expect(await queuePosition(t.db, { dialogId: d3.dialog.id, now: at(60) })).toMatchObject({ position: 3, estimatedWaitSec: 120, queueDeadlineAt: at(352) });
    await leaveQueue(t.db, { dialogId: d1.dialog.id, visitorId: d1.visitor.visitorId, now: at(61) });
    expect((await queuePosition(t.db, { dialogId: d2.dialog.id, now: at(62) })).position).toBe(1);
    expect(await queuePosition(t.db, { dialogId: answered.dialog.id })).toMatchObject({ state: "active", position: null });
    await expect(queuePosition(t.db, { dialogId: d2.dialog.id, visitorId: d3.visitor.visitorId })).rejects.toThrow(Forbidden);
    expect((await queuePosition(t.db, { dialogId: d2.dialog.id, visitorId: d2.visitor.visitorId, now: at(62) })).position).toBe(1);
  });
});
