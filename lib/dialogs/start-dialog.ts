// A visitor asks for a chat. One open dialog per visitor (asking again returns
// it); nobody online in the category means the e-mail form instead (W3), and
// no dialog is created for it.
import { and, desc, eq, ne } from "drizzle-orm";
import type { Db } from "../db";
import { categories, dialogs, visitors, type Dialog, type Message, type Visitor } from "../db/schema";
import { Forbidden, Invalid, NotFound } from "../errors";
import { parseOrThrow } from "../validation";
import { isBlocked } from "../visitors/blacklist";
import { assignWaitingDialogs, hasOnlineOperator } from "./assign";
import { dialogUpdated, monitorUpdated, type RealtimeEvent } from "./events";
import { sendMessage } from "./messages";
import { startDialogSchema, type StartDialogInput } from "./schemas";
import { addSeconds } from "./settings";
import { lockDialog, recordTransition } from "./transition";

export type StartDialogResult =
  | { outcome: "offline"; events: RealtimeEvent[] }
  | {
      /** started: a new dialog; resumed: the visitor's dialog that was already open. */
      outcome: "started" | "resumed";
      dialog: Dialog;
      message: Message | null;
      events: RealtimeEvent[];
    };

export async function startDialog(db: Db, input: StartDialogInput): Promise<StartDialogResult> {
  const p = parseOrThrow(startDialogSchema, input);
  const now = p.now ?? new Date();
  const r = await db.transaction(async (tx): Promise<StartDialogResult> => {
    // The visitor row lock makes two simultaneous starts by one visitor yield one dialog.
    const [visitor] = await tx.select().from(visitors).where(eq(visitors.id, p.visitorId)).for("no key update");
    if (!visitor) throw new NotFound("Visitor not found");
    const blocked =
      (await isBlocked(tx, { visitorId: visitor.id, ip: visitor.ip, now })) ||
      (!!p.ip && p.ip !== visitor.ip && (await isBlocked(tx, { ip: p.ip, now })));
    if (blocked) throw new Forbidden("You cannot start a chat with us");
    const contact: Partial<Pick<Visitor, "name" | "phone" | "email">> = {};
    if (p.name) contact.name = p.name;
    if (p.phone) contact.phone = p.phone;
    if (p.email) contact.email = p.email;
    if (Object.keys(contact).length) await tx.update(visitors).set(contact).where(eq(visitors.id, visitor.id));

    const [open] = await tx
      .select({ id: dialogs.id })
      .from(dialogs)
      .where(and(eq(dialogs.visitorId, visitor.id), ne(dialogs.state, "closed")))
      .orderBy(desc(dialogs.createdAt))
      .limit(1);
    if (open) {
      if (!p.text || !p.clientId) return { outcome: "resumed", dialog: await lockDialog(tx, open.id), message: null, events: [] };
      const sent = await sendMessage(tx, {
        dialogId: open.id,
        sender: { type: "visitor", id: visitor.id },
        clientId: p.clientId,
        body: p.text,
        now,
      });
      return { outcome: "resumed", dialog: sent.dialog, message: sent.message, events: sent.events };
    }

    const [category] = await tx.select().from(categories).where(eq(categories.id, p.categoryId));
    if (!category) throw new NotFound("This category does not exist");
    if (!category.enabled || category.archivedAt) {
      throw new Invalid("This category is not available", { categoryId: ["Choose another category"] });
    }
    if (!(await hasOnlineOperator(tx, category.id, now))) return { outcome: "offline", events: [] };

    const [created] = await tx
      .insert(dialogs)
      .values({
        visitorId: visitor.id,
        categoryId: category.id,
        state: "queued",
        queuedAt: now,
        queueDeadlineAt: addSeconds(now, category.queueWaitLimitSec),
        visitorLastActiveAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const dialog = created!;
    await recordTransition(tx, {
      dialogId: dialog.id,
      type: "queued",
      from: null,
      to: "queued",
      actorType: "visitor",
      actorId: visitor.id,
      at: now,
    });
    const events: RealtimeEvent[] = [dialogUpdated(dialog), monitorUpdated({ dialogId: dialog.id, visitorId: visitor.id })];
    if (!p.text || !p.clientId) return { outcome: "started", dialog, message: null, events };
    const sent = await sendMessage(tx, {
      dialogId: dialog.id,
      sender: { type: "visitor", id: visitor.id },
      clientId: p.clientId,
      body: p.text,
      now,
    });
    return { outcome: "started", dialog: sent.dialog, message: sent.message, events: [...events, ...sent.events] };
  });
  if (r.outcome !== "started") return r;

  const next = await assignWaitingDialogs(db, { categoryIds: [r.dialog.categoryId], now });
  const offered = next.offered.find((d) => d.id === r.dialog.id);
  return { ...r, dialog: offered ?? r.dialog, events: [...r.events, ...next.events] };
}
