// Shared set-up for the dialog tests: rows inserted directly, and checks of the
// invariants that every test of the ACD ends with.
import crypto from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/lib/db";
import { categories, dialogEvents, dialogs, userCategories, users, widgetSettings } from "@/lib/db/schema";
import { setOperatorStatus } from "@/lib/dialogs/operator-status";
import { createVisitorSession } from "@/lib/visitors/session";
import type { RealtimeEvent } from "@/lib/dialogs/events";

export const T0 = new Date("2030-01-01T10:00:00Z");
export const at = (sec: number, base = T0) => new Date(base.getTime() + sec * 1000);

const uid = () => crypto.randomBytes(4).toString("hex");

export async function makeCategory(
  db: Db,
  over: Partial<typeof categories.$inferInsert> = {},
): Promise<typeof categories.$inferSelect> {
  const [c] = await db
    .insert(categories)
    .values({ name: `Cat ${uid()}`, kind: "topic", queueWaitLimitSec: 300, ...over })
    .returning();
  return c!;
}

export async function makeOperator(
  db: Db,
  opts: {
    skills: string[];
    maxDialogs?: number;
    greeting?: string | null;
    name?: string;
    idleSince?: Date;
    role?: "operator" | "supervisor";
  },
): Promise<typeof users.$inferSelect> {
  const [u] = await db
    .insert(users)
    .values({
      email: `op-${uid()}@example.com`,
      name: opts.name ?? `Operator ${uid()}`,
      passwordHash: "not-a-hash",
      role: opts.role ?? "operator",
      maxDialogs: opts.maxDialogs ?? 3,
      greeting: opts.greeting ?? null,
      idleSince: opts.idleSince ?? T0,
    })
    .returning();
  if (opts.skills.length) await db.insert(userCategories).values(opts.skills.map((categoryId) => ({ userId: u!.id, categoryId })));
  return u!;
}

/** An operator set ready at `now`; idleSince can then be set to order them. */
export async function readyOperator(
  db: Db,
  opts: Parameters<typeof makeOperator>[1] & { now?: Date },
): Promise<typeof users.$inferSelect> {
  const u = await makeOperator(db, opts);
  await setOperatorStatus(db, { userId: u.id, status: "ready", now: opts.now ?? T0 });
  if (opts.idleSince) await db.update(users).set({ idleSince: opts.idleSince }).where(eq(users.id, u.id));
  const [row] = await db.select().from(users).where(eq(users.id, u.id));
  return row!;
}

export async function makeVisitor(db: Db, over: { ip?: string; now?: Date } = {}) {
  return createVisitorSession(db, { ip: over.ip ?? "203.0.113.7", userAgent: "Mozilla/5.0", now: over.now ?? T0 });
}

export async function getDialog(db: Db, id: string) {
  const [d] = await db.select().from(dialogs).where(eq(dialogs.id, id));
  return d!;
}

export async function getUser(db: Db, id: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u!;
}

export async function setRouting(
  db: Db,
  s: { offerTimeoutSec?: number; maxMissedOffers?: number; holdTimeoutSec?: number },
) {
  await db
    .insert(widgetSettings)
    .values({ id: 1, ...s })
    .onConflictDoUpdate({ target: widgetSettings.id, set: s });
}

/** Dialogs (not closed) that take a slot of the operator. */
export async function loadOf(db: Db, userId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(dialogs)
    .where(
      sql`(${dialogs.operatorId} = ${userId} and ${dialogs.state} in ('active','on_hold'))
        or (${dialogs.offeredToId} = ${userId} and ${dialogs.state} = 'offered')`,
    );
  return Number(r!.n);
}

export function eventsFor(events: RealtimeEvent[], dialogId: string) {
  return events.filter((e) => (e.data as { dialogId?: string }).dialogId === dialogId);
}

export function names(events: RealtimeEvent[]) {
  return events.map((e) => e.name);
}

/**
 * Every dialog's audit trail is an unbroken chain: it starts with "queued",
 * each event leaves from the state the previous one entered, and the last one
 * entered the state the row is in now. So no dialog was lost or changed
 * without a dialog_events row.
 */
export async function expectAuditChains(db: Db, dialogIds?: string[]) {
  const rows = await db
    .select()
    .from(dialogs)
    .where(dialogIds ? inArray(dialogs.id, dialogIds) : undefined);
  const evs = await db
    .select()
    .from(dialogEvents)
    .where(dialogIds ? inArray(dialogEvents.dialogId, dialogIds) : undefined)
    .orderBy(asc(dialogEvents.id));
  const byDialog = new Map<string, (typeof evs)[number][]>();
  for (const e of evs) (byDialog.get(e.dialogId) ?? byDialog.set(e.dialogId, []).get(e.dialogId)!).push(e);
  for (const d of rows) {
    const chain = byDialog.get(d.id) ?? [];
    expect(chain[0], `dialog ${d.id} has no "queued" event`).toMatchObject({ type: "queued", fromState: null, toState: "queued" });
    for (let i = 1; i < chain.length; i++) {
      expect(chain[i]!.fromState, `dialog ${d.id} event ${chain[i]!.type}`).toBe(chain[i - 1]!.toState);
    }
    expect(chain.at(-1)!.toState, `dialog ${d.id} last event`).toBe(d.state);
  }
  return rows.length;
}

const LOAD_DELTA: Record<string, (from: string | null, to: string | null) => number> = {
  offered: () => 1,
  declined: () => -1,
  offer_expired: () => -1,
  offer_cancelled: () => -1,
  returned_to_queue: () => -1,
  hold_expired: () => -1,
  closed: (from) => (from === "queued" ? 0 : -1),
  abandoned: (from) => (from === "offered" ? -1 : 0),
  queue_timeout: () => 0,
};

/**
 * Replays the audit trail per operator (offers and ends take the operator's
 * row lock before writing their event, so the id order is the real order) and
 * returns the highest load each operator ever had.
 */
export async function peakLoads(db: Db, operatorIds: string[]): Promise<Map<string, number>> {
  const evs = await db
    .select()
    .from(dialogEvents)
    .where(and(inArray(dialogEvents.operatorId, operatorIds)))
    .orderBy(asc(dialogEvents.id));
  const load = new Map<string, number>();
  const peak = new Map<string, number>(operatorIds.map((id) => [id, 0]));
  for (const e of evs) {
    const delta = LOAD_DELTA[e.type]?.(e.fromState, e.toState) ?? 0;
    const now = (load.get(e.operatorId!) ?? 0) + delta;
    expect(now, `load of ${e.operatorId} after event ${e.id}`).toBeGreaterThanOrEqual(0);
    load.set(e.operatorId!, now);
    peak.set(e.operatorId!, Math.max(peak.get(e.operatorId!) ?? 0, now));
  }
  return peak;
}
