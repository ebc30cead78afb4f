// Accepting an offer: only the operator it rings for, only while it rings.
// Two accepts race on the dialog row lock; the loser sees the new state and
// gets a Conflict, and nothing it did is kept.
import { eq } from "drizzle-orm";
import type { Db } from "../db";
import { users, type Dialog, type Message } from "../db/schema";
import { Conflict, Forbidden } from "../errors";
import { parseOrThrow } from "../validation";
import { dialogUpdated, messageCreated, monitorUpdated, offerWithdrawn, type RealtimeEvent } from "./events";
import { appendMessage } from "./messages";
import { MAX_MESSAGE_CHARS, offerActionSchema, type OfferActionInput } from "./schemas";
import { lockDialog, lockOperator, recordTransition, updateDialog } from "./transition";

export const ALREADY_TAKEN = "This chat was already taken";

/** M5: the operator's personal greeting with their name filled in. */
export function renderGreeting(template: string | null | undefined, operatorName: string): string | null {
  const text = (template ?? "").replaceAll("{name}", operatorName).trim();
  return text ? text.slice(0, MAX_MESSAGE_CHARS) : null;
}

export async function acceptOffer(
  db: Db,
  input: OfferActionInput,
): Promise<{ dialog: Dialog; greeting: Message | null; events: RealtimeEvent[] }> {
  const p = parseOrThrow(offerActionSchema, input);
  const now = p.now ?? new Date();
  return db.transaction(async (tx) => {
    const d = await lockDialog(tx, p.dialogId);
    if (d.state !== "offered" || d.offeredToId !== p.operatorId || (p.attempt !== undefined && p.attempt !== d.offerCount)) {
      throw new Conflict(d.state === "active" && d.operatorId === p.operatorId ? "You have already accepted this chat" : ALREADY_TAKEN);
    }
    // Until the sweeper runs, an expired offer still names this operator; it is over all the same.
    if (d.offerExpiresAt && d.offerExpiresAt <= now) throw new Conflict("This offer has expired");
    const op = await lockOperator(tx, p.operatorId);
    if (!op.active) throw new Forbidden("Your account is disabled");
    await tx.update(users).set({ missedOffers: 0, updatedAt: now }).where(eq(users.id, op.id));

    let dialog = await updateDialog(tx, d.id, now, {
      state: "active",
      operatorId: op.id,
      offeredToId: null,
      offerExpiresAt: null,
      queueDeadlineAt: null,
      answeredAt: d.answeredAt ?? now,
    });
    await recordTransition(tx, {
      dialogId: d.id,
      type: "accepted",
      from: "offered",
      to: "active",
      actorType: "operator",
      actorId: op.id,
      operatorId: op.id,
      data: { attempt: d.offerCount },
      at: now,
    });
    const events: RealtimeEvent[] = [
      dialogUpdated(dialog, { operatorName: op.name }),
      offerWithdrawn(op.id, d.id, "accepted"),
      monitorUpdated({ dialogId: d.id }),
    ];
    let greeting: Message | null = null;
    const text = renderGreeting(op.greeting, op.name);
    if (text) {
      // No clientId: a dialog accepted again later (after a return to the queue) greets again.
      const r = (await appendMessage(tx, dialog, { senderType: "operator", senderId: op.id, clientId: null, body: text, now }))!;
      greeting = r.message;
      dialog = r.dialog;
      events.push(messageCreated(r.message, op.name));
    }
    return { dialog, greeting, events };
  });
}
