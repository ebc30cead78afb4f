// Pieces every transition shares: row locks, the operator's load and the
// audit row. Lock order is always dialog → operator (never the reverse), and
// the queue dispatcher takes category → dialog → operator in a transaction of
// its own, so transitions cannot deadlock one another.
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../db";
import { dialogEvents, dialogs, users, type Dialog, type User } from "../db/schema";
import { NotFound } from "../errors";

export type ActorType = "visitor" | "operator" | "supervisor" | "admin" | "system";
export type DialogState = Dialog["state"];

/** dialog_events.type values; the statistics read them. */
export const DIALOG_EVENT_TYPES = [
  "queued",
  "offered",
  "accepted",
  "declined",
  "offer_expired",
  "offer_cancelled",
  "held",
  "resumed",
  "hold_expired",
  "returned_to_queue",
  "closed",
  "abandoned",
  "queue_timeout",
] as const;
export type DialogEventType = (typeof DIALOG_EVENT_TYPES)[number];

/** Event types after which the dialog prefers another operator than the one named in the row. */
export const REFUSAL_EVENT_TYPES: DialogEventType[] = ["declined", "offer_expired", "offer_cancelled", "returned_to_queue"];

export const OPEN_STATES = ["queued", "offered", "active", "on_hold"] as const;

// NO KEY UPDATE rather than UPDATE: it serializes transitions just the same,
// but does not block inserts of messages/events whose foreign keys only take
// KEY SHARE on the row.
export async function lockDialog(tx: Db, dialogId: string): Promise<Dialog> {
  const [row] = await tx.select().from(dialogs).where(eq(dialogs.id, dialogId)).for("no key update");
  if (!row) throw new NotFound("Chat not found");
  return row;
}

export async function lockOperator(tx: Db, userId: string): Promise<User> {
  const [row] = await tx.select().from(users).where(eq(users.id, userId)).for("no key update");
  if (!row) throw new NotFound("Operator not found");
  return row;
}

/** Dialogs that take one of the operator's slots: the ones they hold and the ones ringing for them. */
export function loadCondition(userId: string) {
  return or(
    and(eq(dialogs.operatorId, userId), inArray(dialogs.state, ["active", "on_hold"])),
    and(eq(dialogs.offeredToId, userId), eq(dialogs.state, "offered")),
  );
}

export async function operatorLoad(tx: Db, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(dialogs)
    .where(loadCondition(userId));
  return Number(row?.n ?? 0);
}

export async function updateDialog(
  tx: Db,
  id: string,
  now: Date,
  set: Partial<typeof dialogs.$inferInsert>,
): Promise<Dialog> {
  const [row] = await tx
    .update(dialogs)
    .set({ ...set, updatedAt: now })
    .where(eq(dialogs.id, id))
    .returning();
  return row!;
}

export async function recordTransition(
  tx: Db,
  e: {
    dialogId: string;
    type: DialogEventType;
    from: DialogState | null;
    to: DialogState | null;
    actorType: ActorType;
    actorId?: string | null;
    operatorId?: string | null;
    data?: Record<string, unknown>;
    at: Date;
  },
): Promise<void> {
  await tx.insert(dialogEvents).values({
    dialogId: e.dialogId,
    type: e.type,
    fromState: e.from,
    toState: e.to,
    actorType: e.actorType,
    actorId: e.actorId ?? null,
    operatorId: e.operatorId ?? null,
    data: e.data ?? null,
    at: e.at,
  });
}
