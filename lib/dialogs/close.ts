// Ending a dialog. The operator who held it becomes idle "now", so the
// longest-idle rule stays fair, and whatever waits in their categories is
// offered at once.
import { eq } from "drizzle-orm";
import type { Db } from "../db";
import { users, type Dialog } from "../db/schema";
import { Conflict, Forbidden } from "../errors";
import { parseOrThrow } from "../validation";
import { assignWaitingDialogs, skillIds } from "./assign";
import { dialogUpdated, monitorUpdated, offerWithdrawn, type DialogOutcome, type RealtimeEvent } from "./events";
import { closeDialogSchema, type CloseDialogInput } from "./schemas";
import { lockDialog, lockOperator, recordTransition, updateDialog, type ActorType, type DialogEventType } from "./transition";

export interface FinishResult {
  dialog: Dialog;
  /** The operator whose slot this freed (held or ringing), for dispatch after commit. */
  freedOperatorId: string | null;
  events: RealtimeEvent[];
}

/** Inside a transaction holding the dialog lock; the dialog must be open. */
export async function finishDialog(
  tx: Db,
  d: Dialog,
  opts: { outcome: DialogOutcome; type: DialogEventType; actorType: ActorType; actorId?: string | null; now: Date },
): Promise<FinishResult> {
  const held = d.state === "active" || d.state === "on_hold" ? d.operatorId : null;
  const ringing = d.state === "offered" ? d.offeredToId : null;
  if (held) {
    await lockOperator(tx, held);
    await tx.update(users).set({ idleSince: opts.now, updatedAt: opts.now }).where(eq(users.id, held));
  }
  const dialog = await updateDialog(tx, d.id, opts.now, {
    state: "closed",
    outcome: opts.outcome,
    closedAt: opts.now,
    closedByType: opts.actorType,
    closedById: opts.actorId ?? null,
    offeredToId: null,
    offerExpiresAt: null,
    holdExpiresAt: null,
    queueDeadlineAt: null,
  });
  await recordTransition(tx, {
    dialogId: d.id,
    type: opts.type,
    from: d.state,
    to: "closed",
    actorType: opts.actorType,
    actorId: opts.actorId,
    operatorId: held ?? ringing,
    data: { outcome: opts.outcome },
    at: opts.now,
  });
  const events: RealtimeEvent[] = [dialogUpdated(dialog), monitorUpdated({ dialogId: d.id })];
  if (ringing) events.unshift(offerWithdrawn(ringing, d.id, "cancelled"));
  return { dialog, freedOperatorId: held ?? ringing, events };
}

/** Offers the freed operator's next dialog; called after the closing transaction commits. */
export async function refill(db: Db, r: FinishResult, now: Date): Promise<{ dialog: Dialog; events: RealtimeEvent[] }> {
  if (!r.freedOperatorId) return { dialog: r.dialog, events: r.events };
  const next = await assignWaitingDialogs(db, { categoryIds: await skillIds(db, r.freedOperatorId), now });
  return { dialog: r.dialog, events: [...r.events, ...next.events] };
}

/**
 * Closes a dialog. A visitor who closes while still waiting abandons it; an
 * operator closes only their own dialog; a supervisor (permission checked by
 * the route) closes any.
 */
export async function closeDialog(db: Db, input: CloseDialogInput): Promise<{ dialog: Dialog; events: RealtimeEvent[] }> {
  const p = parseOrThrow(closeDialogSchema, input);
  const now = p.now ?? new Date();
  const r = await db.transaction(async (tx) => {
    const d = await lockDialog(tx, p.dialogId);
    if (d.state === "closed") throw new Conflict("This chat is already closed");
    const { type, id } = p.actor;
    if (type === "visitor" && d.visitorId !== id) throw new Forbidden("You are not in this chat");
    if (type === "operator" && d.operatorId !== id) throw new Forbidden("This chat is not yours");
    const waiting = d.state === "queued" || d.state === "offered";
    if (type === "visitor" && waiting) {
      return finishDialog(tx, d, { outcome: "abandoned", type: "abandoned", actorType: "visitor", actorId: id, now });
    }
    return finishDialog(tx, d, { outcome: `closed_by_${type}`, type: "closed", actorType: type, actorId: id, now });
  });
  return refill(db, r, now);
}
