// Who may subscribe to which private channel (DESIGN §3, realtime channels).
// Staff are checked by role and against the database; a visitor only ever gets
// the channels of their own dialogs.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db";
import { cobrowseSessions, dialogParticipants, dialogs } from "../db/schema";
import { Forbidden, Invalid } from "../errors";
import { can, type Role } from "../auth/permissions";
import { isValidSocketId, parseChannel } from "./channels";

export interface Subscriber {
  staff?: { id: string; role: Role } | null;
  visitorId?: string | null;
}

/** The dialog behind a dialog or co-browse channel id, or null. */
async function dialogOf(db: Db, kind: "dialog" | "cobrowse", id: string) {
  if (kind === "dialog") {
    const [d] = await db
      .select({ id: dialogs.id, visitorId: dialogs.visitorId, operatorId: dialogs.operatorId, offeredToId: dialogs.offeredToId })
      .from(dialogs)
      .where(eq(dialogs.id, id));
    return d ?? null;
  }
  const [d] = await db
    .select({ id: dialogs.id, visitorId: dialogs.visitorId, operatorId: dialogs.operatorId, offeredToId: dialogs.offeredToId })
    .from(cobrowseSessions)
    .innerJoin(dialogs, eq(dialogs.id, cobrowseSessions.dialogId))
    .where(eq(cobrowseSessions.id, id));
  return d ?? null;
}

/**
 * Throws unless the subscriber may join `channel`. The socket id and channel
 * name are validated strictly first, so no signature can ever be produced for a
 * string other than the one that was checked.
 */
export async function assertMaySubscribe(db: Db, socketId: unknown, channel: unknown, who: Subscriber): Promise<{ socketId: string; channel: string }> {
  if (!isValidSocketId(socketId)) throw new Invalid("Malformed socket_id");
  const parsed = parseChannel(channel);
  if (!parsed || typeof channel !== "string") throw new Invalid("Unknown channel");
  const ok = { socketId, channel };
  const staff = who.staff;

  if (parsed.kind === "monitor") {
    if (staff && can(staff, "monitor.view")) return ok;
    throw new Forbidden("Not allowed to watch the monitor");
  }
  if (parsed.kind === "operator") {
    if (staff && staff.id === parsed.id && can(staff, "dialog.serve")) return ok;
    throw new Forbidden("Only the operator may join their own channel");
  }

  const dialog = await dialogOf(db, parsed.kind, parsed.id);
  if (!dialog) throw new Forbidden("No such dialog");
  if (who.visitorId && dialog.visitorId === who.visitorId) return ok;
  if (staff) {
    if (dialog.operatorId === staff.id || dialog.offeredToId === staff.id) return ok;
    if (can(staff, "dialog.join")) return ok;
    // An operator invited into someone else's dialog (a transfer or a join) is a participant.
    const [joined] = await db
      .select({ id: dialogParticipants.id })
      .from(dialogParticipants)
      .where(and(eq(dialogParticipants.dialogId, dialog.id), eq(dialogParticipants.userId, staff.id), isNull(dialogParticipants.leftAt)));
    if (joined) return ok;
  }
  throw new Forbidden("Not a participant of this dialog");
}
