// Ready / away / offline, like a phone agent. Only "ready" with a live
// heartbeat receives offers; leaving "ready" hands back whatever is ringing.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db";
import { dialogs, users } from "../db/schema";
import { Forbidden, NotFound } from "../errors";
import { toPublicUser, type PublicUser } from "../users/users";
import { parseOrThrow } from "../validation";
import { assignWaitingDialogs, skillIds } from "./assign";
import { returnOfferToQueue, type OfferEndReason } from "./decline";
import { operatorStatusChanged, type OperatorStatus, type RealtimeEvent } from "./events";
import { operatorHeartbeatSchema, operatorStatusSchema, type OperatorStatusInput } from "./schemas";
import { lockDialog, lockOperator } from "./transition";

/**
 * Returns the dialogs ringing for these operators to the queue, one
 * transaction each (dialog lock first, as everywhere). Offers that another
 * transaction holds right now are left alone: they expire on their own.
 */
export async function withdrawPendingOffers(
  db: Db,
  operatorIds: string[],
  opts: { reason: OfferEndReason; now: Date },
): Promise<{ categoryIds: string[]; events: RealtimeEvent[] }> {
  const out = { categoryIds: [] as string[], events: [] as RealtimeEvent[] };
  if (!operatorIds.length) return out;
  const ringing = await db
    .select({ id: dialogs.id })
    .from(dialogs)
    .where(and(eq(dialogs.state, "offered"), inArray(dialogs.offeredToId, operatorIds)));
  for (const { id } of ringing) {
    const r = await db.transaction(async (tx) => {
      const d = await lockDialog(tx, id);
      if (d.state !== "offered" || !d.offeredToId || !operatorIds.includes(d.offeredToId)) return null;
      return returnOfferToQueue(tx, d, { reason: opts.reason, actorType: "system", now: opts.now });
    });
    if (r) {
      out.categoryIds.push(r.dialog.categoryId);
      out.events.push(...r.events);
    }
  }
  return out;
}

export async function setOperatorStatus(
  db: Db,
  input: OperatorStatusInput,
): Promise<{ user: PublicUser; events: RealtimeEvent[] }> {
  const p = parseOrThrow(operatorStatusSchema, input);
  const now = p.now ?? new Date();
  const user = await db.transaction(async (tx) => {
    const current = await lockOperator(tx, p.userId);
    if (!current.active) throw new Forbidden("Your account is disabled");
    const becomingReady = p.status === "ready" && current.status !== "ready";
    const [row] = await tx
      .update(users)
      .set({
        status: p.status,
        // Setting a status proves the workplace is alive.
        lastHeartbeatAt: now,
        updatedAt: now,
        ...(current.status !== p.status ? { statusSince: now } : {}),
        // Idle time counts from the moment the operator became available, and
        // a fresh "ready" forgives earlier missed offers.
        ...(becomingReady ? { idleSince: now, missedOffers: 0 } : {}),
      })
      .where(eq(users.id, p.userId))
      .returning();
    return row!;
  });
  const events: RealtimeEvent[] = [...operatorStatusChanged(user.id, p.status as OperatorStatus, "manual")];
  if (p.status === "ready") {
    const next = await assignWaitingDialogs(db, { categoryIds: await skillIds(db, user.id), now });
    events.push(...next.events);
  } else {
    const back = await withdrawPendingOffers(db, [user.id], { reason: "cancelled", now });
    events.push(...back.events);
    const next = await assignWaitingDialogs(db, { categoryIds: [...new Set(back.categoryIds)], now });
    events.push(...next.events);
  }
  return { user: toPublicUser(user), events };
}

/** The workplace's heartbeat. It never changes the status: an operator marked offline sets "ready" again. */
export async function operatorHeartbeat(
  db: Db,
  input: { userId: string; now?: Date },
): Promise<{ status: OperatorStatus }> {
  const p = parseOrThrow(operatorHeartbeatSchema, input);
  const now = p.now ?? new Date();
  const [row] = await db
    .update(users)
    .set({ lastHeartbeatAt: now })
    .where(eq(users.id, p.userId))
    .returning({ status: users.status });
  if (!row) throw new NotFound("Operator not found");
  return { status: row.status };
}
