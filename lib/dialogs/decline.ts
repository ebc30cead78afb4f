// An offer that ends without an accept puts the dialog back in the queue, in
// its old place (queuedAt is kept), and the refusal is recorded with the
// operator so the next offer prefers someone else.
import type { Db } from "../db";
import type { Dialog } from "../db/schema";
import { Conflict } from "../errors";
import { parseOrThrow } from "../validation";
import { assignWaitingDialogs } from "./assign";
import { dialogUpdated, monitorUpdated, offerWithdrawn, type RealtimeEvent } from "./events";
import { offerActionSchema, type OfferActionInput } from "./schemas";
import { lockDialog, recordTransition, updateDialog, type ActorType } from "./transition";

export type OfferEndReason = "declined" | "expired" | "cancelled";

const EVENT_TYPE = { declined: "declined", expired: "offer_expired", cancelled: "offer_cancelled" } as const;

/** Inside a transaction holding the dialog lock; the dialog must be `offered`. */
export async function returnOfferToQueue(
  tx: Db,
  dialog: Dialog,
  opts: { reason: OfferEndReason; actorType: ActorType; actorId?: string | null; now: Date },
): Promise<{ dialog: Dialog; events: RealtimeEvent[] }> {
  const operatorId = dialog.offeredToId!;
  const updated = await updateDialog(tx, dialog.id, opts.now, {
    state: "queued",
    offeredToId: null,
    offerExpiresAt: null,
  });
  await recordTransition(tx, {
    dialogId: dialog.id,
    type: EVENT_TYPE[opts.reason],
    from: "offered",
    to: "queued",
    actorType: opts.actorType,
    actorId: opts.actorId,
    operatorId,
    data: { attempt: dialog.offerCount },
    at: opts.now,
  });
  return {
    dialog: updated,
    events: [
      offerWithdrawn(operatorId, dialog.id, opts.reason),
      dialogUpdated(updated),
      monitorUpdated({ dialogId: dialog.id }),
    ],
  };
}

export async function declineOffer(
  db: Db,
  input: OfferActionInput,
): Promise<{ dialog: Dialog; events: RealtimeEvent[] }> {
  const p = parseOrThrow(offerActionSchema, input);
  const now = p.now ?? new Date();
  const r = await db.transaction(async (tx) => {
    const d = await lockDialog(tx, p.dialogId);
    if (d.state !== "offered" || d.offeredToId !== p.operatorId || (p.attempt !== undefined && p.attempt !== d.offerCount)) {
      throw new Conflict("This offer is no longer yours");
    }
    return returnOfferToQueue(tx, d, { reason: "declined", actorType: "operator", actorId: p.operatorId, now });
  });
  const next = await assignWaitingDialogs(db, { categoryIds: [r.dialog.categoryId], now });
  return { dialog: next.offered.find((d) => d.id === r.dialog.id) ?? r.dialog, events: [...r.events, ...next.events] };
}
