// M8: the operator puts a dialog on hold (it comes back to them when someone
// writes, see messages.ts) or back into the queue for the first free operator.
// A hold that outlives holdTimeoutSec goes back to the queue (sweep.ts).
import { eq } from "drizzle-orm";
import type { Db } from "../db";
import { categories, users, type Dialog } from "../db/schema";
import { Conflict, Forbidden } from "../errors";
import { parseOrThrow } from "../validation";
import { assignWaitingDialogs, skillIds } from "./assign";
import { dialogUpdated, monitorUpdated, type RealtimeEvent } from "./events";
import { operatorDialogSchema, type OperatorDialogInput } from "./schemas";
import { addSeconds, getRoutingSettings } from "./settings";
import { lockDialog, lockOperator, recordTransition, updateDialog, type ActorType } from "./transition";

export async function holdDialog(db: Db, input: OperatorDialogInput): Promise<{ dialog: Dialog; events: RealtimeEvent[] }> {
  const p = parseOrThrow(operatorDialogSchema, input);
  const now = p.now ?? new Date();
  const settings = await getRoutingSettings(db);
  return db.transaction(async (tx) => {
    const d = await lockDialog(tx, p.dialogId);
    if (d.operatorId !== p.operatorId) throw new Forbidden("This chat is not yours");
    if (d.state !== "active") throw new Conflict(d.state === "on_hold" ? "This chat is already on hold" : "This chat is not active");
    const dialog = await updateDialog(tx, d.id, now, { state: "on_hold", holdExpiresAt: addSeconds(now, settings.holdTimeoutSec) });
    await recordTransition(tx, {
      dialogId: d.id,
      type: "held",
      from: "active",
      to: "on_hold",
      actorType: "operator",
      actorId: p.operatorId,
      operatorId: p.operatorId,
      at: now,
    });
    return { dialog, events: [dialogUpdated(dialog), monitorUpdated({ dialogId: d.id })] };
  });
}

/**
 * Inside a transaction holding the dialog lock; the dialog must be active or
 * on hold. It keeps its original queuedAt, so it goes ahead of newer arrivals:
 * this visitor has waited already.
 */
export async function requeueHeldDialog(
  tx: Db,
  d: Dialog,
  opts: { type: "returned_to_queue" | "hold_expired"; actorType: ActorType; actorId?: string | null; now: Date },
): Promise<{ dialog: Dialog; events: RealtimeEvent[] }> {
  const operatorId = d.operatorId!;
  const [category] = await tx
    .select({ limit: categories.queueWaitLimitSec })
    .from(categories)
    .where(eq(categories.id, d.categoryId));
  await lockOperator(tx, operatorId);
  await tx.update(users).set({ idleSince: opts.now, updatedAt: opts.now }).where(eq(users.id, operatorId));
  const dialog = await updateDialog(tx, d.id, opts.now, {
    state: "queued",
    operatorId: null,
    holdExpiresAt: null,
    queueDeadlineAt: addSeconds(opts.now, category?.limit ?? 300),
  });
  await recordTransition(tx, {
    dialogId: d.id,
    type: opts.type,
    from: d.state,
    to: "queued",
    actorType: opts.actorType,
    actorId: opts.actorId,
    operatorId,
    at: opts.now,
  });
  return { dialog, events: [dialogUpdated(dialog), monitorUpdated({ dialogId: d.id })] };
}

export async function returnToQueue(db: Db, input: OperatorDialogInput): Promise<{ dialog: Dialog; events: RealtimeEvent[] }> {
  const p = parseOrThrow(operatorDialogSchema, input);
  const now = p.now ?? new Date();
  const r = await db.transaction(async (tx) => {
    const d = await lockDialog(tx, p.dialogId);
    if (d.operatorId !== p.operatorId || (d.state !== "active" && d.state !== "on_hold")) {
      throw new Conflict("This chat is not yours to return");
    }
    return requeueHeldDialog(tx, d, { type: "returned_to_queue", actorType: "operator", actorId: p.operatorId, now });
  });
  const categoryIds = [...new Set([r.dialog.categoryId, ...(await skillIds(db, p.operatorId))])];
  const next = await assignWaitingDialogs(db, { categoryIds, now });
  return { dialog: next.offered.find((d) => d.id === r.dialog.id) ?? r.dialog, events: [...r.events, ...next.events] };
}
