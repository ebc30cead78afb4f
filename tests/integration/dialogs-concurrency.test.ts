// The ACD's hard guarantees under concurrency. On PGlite (one connection) the
// calls interleave between transactions; on PostgreSQL (a pool of 10) they
// really run at once.
import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialogEvents, dialogs, messages, users } from "@/lib/db/schema";
import { Conflict } from "@/lib/errors";
import { acceptOffer } from "@/lib/dialogs/accept";
import { closeDialog } from "@/lib/dialogs/close";
import { declineOffer } from "@/lib/dialogs/decline";
import { setOperatorStatus } from "@/lib/dialogs/operator-status";
import { startDialog } from "@/lib/dialogs/start-dialog";
import { sweep } from "@/lib/dialogs/sweep";
import { createTestDb, type TestDb } from "../helpers/db";
import {
  at,
  expectAuditChains,
  getDialog,
  loadOf,
  makeCategory,
  makeVisitor,
  peakLoads,
  readyOperator,
} from "./dialogs-fixtures";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.drop());

async function start(categoryId: string, now?: Date) {
  const v = await makeVisitor(t.db);
  const r = await startDialog(t.db, { visitorId: v.visitorId, categoryId, now });
  if (r.outcome === "offline") throw new Error("expected a dialog");
  return { ...r, visitorId: v.visitorId };
}

const db = process.env.DATABASE_URL ? "postgres" : "pglite";

describe(`concurrency guarantees (${db})`, () => {
  it("two operators accepting the same offer at once: exactly one wins, the other hears 'already taken'", async () => {
    const cat = await makeCategory(t.db);
    const a = await readyOperator(t.db, { skills: [cat.id], maxDialogs: 50, greeting: "Hello, {name} here", now: new Date() });
    const b = await readyOperator(t.db, { skills: [cat.id], maxDialogs: 50, now: new Date() });
    for (let i = 0; i < 12; i++) {
      const s = await start(cat.id);
      const target = s.dialog.offeredToId!;
      const other = target === a.id ? b.id : a.id;
      // The operator it rings for (twice: a double click) and the other one, all at once.
      const results = await Promise.allSettled([
        acceptOffer(t.db, { dialogId: s.dialog.id, operatorId: other }),
        acceptOffer(t.db, { dialogId: s.dialog.id, operatorId: target }),
        acceptOffer(t.db, { dialogId: s.dialog.id, operatorId: target }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(2);
      for (const l of lost) expect(l.reason).toBeInstanceOf(Conflict);
      expect(lost.some((l) => l.reason.message === "This chat was already taken")).toBe(true);
      expect(await getDialog(t.db, s.dialog.id)).toMatchObject({ state: "active", operatorId: target });
      const accepted = await t.db
        .select()
        .from(dialogEvents)
        .where(and(eq(dialogEvents.dialogId, s.dialog.id), eq(dialogEvents.type, "accepted")));
      expect(accepted).toHaveLength(1);
      // The loser left nothing behind: one greeting at most.
      const greetings = await t.db.select().from(messages).where(eq(messages.dialogId, s.dialog.id));
      expect(greetings).toHaveLength(target === a.id ? 1 : 0);
    }
  });

  it("an accept racing the offer's expiry: either the accept wins or the offer moves on, never both", async () => {
    const cat = await makeCategory(t.db, { offerTimeoutSec: 20 });
    const base = at(400 * 86400);
    const a = await readyOperator(t.db, { skills: [cat.id], maxDialogs: 50, idleSince: at(-100, base), now: base });
    const b = await readyOperator(t.db, { skills: [cat.id], maxDialogs: 50, idleSince: at(-50, base), now: base });
    const outcomes = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const s = await start(cat.id, base);
      expect(s.dialog.offeredToId).toBe(a.id);
      const [acc] = await Promise.allSettled([
        acceptOffer(t.db, { dialogId: s.dialog.id, operatorId: a.id, now: at(19, base) }),
        sweep(t.db, { now: at(21, base) }),
      ]);
      const d = await getDialog(t.db, s.dialog.id);
      const types = (
        await t.db.select().from(dialogEvents).where(eq(dialogEvents.dialogId, s.dialog.id)).orderBy(asc(dialogEvents.id))
      ).map((e) => e.type);
      if (acc.status === "fulfilled") {
        outcomes.add("accepted");
        expect(d).toMatchObject({ state: "active", operatorId: a.id });
        expect(types).toEqual(["queued", "offered", "accepted"]);
      } else {
        outcomes.add("moved on");
        expect(acc.reason).toBeInstanceOf(Conflict);
        expect(d).toMatchObject({ state: "offered", offeredToId: b.id, operatorId: null });
        expect(types).toEqual(["queued", "offered", "offer_expired", "offered"]);
        await expect(acceptOffer(t.db, { dialogId: d.id, operatorId: a.id, now: at(22, base) })).rejects.toThrow(Conflict);
        await acceptOffer(t.db, { dialogId: d.id, operatorId: b.id, now: at(22, base) });
      }
      await closeDialog(t.db, { dialogId: d.id, actor: { type: "visitor", id: s.visitorId }, now: at(23, base) });
      // Back to the starting line: `a` idle longest and not away after its misses.
      await t.db.update(users).set({ status: "ready", missedOffers: 0, idleSince: at(-100, base) }).where(eq(users.id, a.id));
      await t.db.update(users).set({ idleSince: at(-50, base) }).where(eq(users.id, b.id));
    }
    // On PGlite the accept always gets the connection first; PostgreSQL shows both outcomes over many runs.
    expect(outcomes.size).toBeGreaterThanOrEqual(1);
  });

  it("no operator ever exceeds capacity while chats start, are accepted, declined and closed at once", async () => {
    const catA = await makeCategory(t.db);
    const catB = await makeCategory(t.db);
    const now = new Date();
    // Overlapping skills: dispatchers of both categories compete for the same people.
    const ops = [
      await readyOperator(t.db, { skills: [catA.id], maxDialogs: 1, now }),
      await readyOperator(t.db, { skills: [catA.id, catB.id], maxDialogs: 2, now }),
      await readyOperator(t.db, { skills: [catA.id, catB.id], maxDialogs: 1, now }),
      await readyOperator(t.db, { skills: [catB.id], maxDialogs: 2, now }),
      await readyOperator(t.db, { skills: [catA.id, catB.id], maxDialogs: 2, now }),
    ];
    const capacity = ops.reduce((n, o) => n + o.maxDialogs, 0);
    const opIds = ops.map((o) => o.id);

    const visitors = await Promise.all(Array.from({ length: 40 }, () => makeVisitor(t.db)));
    const startedAll = await Promise.all(
      visitors.map((v, i) => startDialog(t.db, { visitorId: v.visitorId, categoryId: i % 2 ? catA.id : catB.id })),
    );
    expect(startedAll.every((r) => r.outcome === "started")).toBe(true);
    const ids = startedAll.map((r) => (r.outcome === "offline" ? "" : r.dialog.id));
    for (const o of ops) expect(await loadOf(t.db, o.id)).toBeLessThanOrEqual(o.maxDialogs);
    const offered = await t.db.select().from(dialogs).where(and(inArray(dialogs.id, ids), eq(dialogs.state, "offered")));
    expect(offered).toHaveLength(capacity); // every slot filled, none overfilled

    // Several rounds of everything at once: accept or decline what rings, close
    // some active chats, more visitors arrive, sweepers run, operators re-ready.
    const moreVisitors: string[] = [];
    for (let round = 0; round < 6; round++) {
      const ringing = await t.db.select().from(dialogs).where(and(inArray(dialogs.offeredToId, opIds), eq(dialogs.state, "offered")));
      const active = await t.db.select().from(dialogs).where(and(inArray(dialogs.operatorId, opIds), eq(dialogs.state, "active")));
      const work: Promise<unknown>[] = [];
      ringing.forEach((d, i) =>
        work.push(
          i % 3 === 2
            ? declineOffer(t.db, { dialogId: d.id, operatorId: d.offeredToId! })
            : acceptOffer(t.db, { dialogId: d.id, operatorId: d.offeredToId! }),
        ),
      );
      active.forEach((d, i) => {
        if (i % 2 === 0) work.push(closeDialog(t.db, { dialogId: d.id, actor: { type: "operator", id: d.operatorId! } }));
      });
      for (let i = 0; i < 6; i++) {
        work.push(
          makeVisitor(t.db).then(async (v) => {
            const r = await startDialog(t.db, { visitorId: v.visitorId, categoryId: i % 2 ? catA.id : catB.id });
            if (r.outcome !== "offline") moreVisitors.push(r.dialog.id);
          }),
        );
      }
      work.push(sweep(t.db), sweep(t.db));
      for (const o of ops) work.push(setOperatorStatus(t.db, { userId: o.id, status: "ready" }));
      const settled = await Promise.allSettled(work);
      // The only refusals allowed are the clean ones (an offer that moved on meanwhile).
      for (const s of settled) if (s.status === "rejected") expect(s.reason).toBeInstanceOf(Conflict);
      for (const o of ops) expect(await loadOf(t.db, o.id)).toBeLessThanOrEqual(o.maxDialogs);
    }

    // The audit trail, replayed in lock order, never shows anyone over capacity.
    const peaks = await peakLoads(t.db, opIds);
    for (const o of ops) {
      expect(peaks.get(o.id)!).toBeGreaterThan(0);
      expect(peaks.get(o.id)!, `peak load of an operator with maxDialogs ${o.maxDialogs}`).toBeLessThanOrEqual(o.maxDialogs);
    }
    // And no dialog was lost between states.
    expect(await expectAuditChains(t.db, [...ids, ...moreVisitors])).toBe(ids.length + moreVisitors.length);
  });

  it("50 visitors starting at once are all queued and served in arrival order, per category", async () => {
    const cats = [await makeCategory(t.db), await makeCategory(t.db)];
    const ops = [];
    const blockers = [];
    for (const cat of cats) {
      const op = await readyOperator(t.db, { skills: [cat.id], maxDialogs: 1, now: new Date() });
      // Keep the operator busy so that every new chat has to wait.
      const b = await start(cat.id);
      await acceptOffer(t.db, { dialogId: b.dialog.id, operatorId: op.id });
      ops.push(op);
      blockers.push(b.dialog.id);
    }
    const visitors = await Promise.all(Array.from({ length: 50 }, () => makeVisitor(t.db)));
    const results = await Promise.all(
      visitors.map((v, i) => startDialog(t.db, { visitorId: v.visitorId, categoryId: cats[i % 2]!.id, text: `hi ${i}`, clientId: "first" })),
    );
    for (const r of results) expect(r).toMatchObject({ outcome: "started", dialog: { state: "queued" } });
    const ids = results.map((r) => (r.outcome === "offline" ? "" : r.dialog.id));
    expect(new Set(ids).size).toBe(50);

    for (let c = 0; c < 2; c++) {
      const cat = cats[c]!;
      const op = ops[c]!;
      const expected = (
        await t.db
          .select({ id: dialogs.id })
          .from(dialogs)
          .where(and(eq(dialogs.categoryId, cat.id), inArray(dialogs.id, ids)))
          .orderBy(asc(dialogs.queuedAt), asc(dialogs.id))
      ).map((d) => d.id);
      expect(expected).toHaveLength(25);
      const served: string[] = [];
      let current = blockers[c]!;
      for (;;) {
        await closeDialog(t.db, { dialogId: current, actor: { type: "operator", id: op.id } });
        const [next] = await t.db
          .select()
          .from(dialogs)
          .where(and(eq(dialogs.offeredToId, op.id), eq(dialogs.state, "offered")));
        if (!next) break;
        await acceptOffer(t.db, { dialogId: next.id, operatorId: op.id });
        served.push(next.id);
        current = next.id;
      }
      expect(served).toEqual(expected);
    }
    const all = await t.db.select().from(dialogs).where(inArray(dialogs.id, ids));
    expect(all.every((d) => d.state === "closed" && d.outcome === "closed_by_operator" && d.lastSeq === 1)).toBe(true);
    expect(await expectAuditChains(t.db, ids)).toBe(50);
  });
});
