// Messages: seq = lastSeq + 1 under the dialog row lock, so a dialog's
// messages have gapless, strictly increasing numbers; the sender's clientId
// makes a send idempotent. Bodies are stored as plain text: rendering (never
// as HTML) is the UI's job.
import { and, asc, eq, gt, isNull, lte, ne } from "drizzle-orm";
import type { Db } from "../db";
import { dialogParticipants, dialogs, messages, users, visitors, type Dialog, type Message } from "../db/schema";
import { Conflict, Forbidden, NotFound } from "../errors";
import { parseOrThrow } from "../validation";
import { dialogUpdated, messageCreated, messagesRead, monitorUpdated, type RealtimeEvent } from "./events";
import {
  markReadSchema,
  messagesAfterSchema,
  sendMessageSchema,
  type Actor,
  type MarkReadInput,
  type MessagesAfterInput,
  type SendMessageInput,
} from "./schemas";
import { lockDialog, recordTransition, updateDialog } from "./transition";

/**
 * Whether the actor takes part in the dialog: its visitor, its operator, or a
 * supervisor who joined it to talk. Routes still check the role's permission.
 */
export async function isDialogMember(db: Db, dialog: Dialog, actor: Actor): Promise<boolean> {
  if (actor.type === "visitor") return dialog.visitorId === actor.id;
  if (actor.type === "operator") return dialog.operatorId === actor.id;
  const [joined] = await db
    .select({ id: dialogParticipants.id })
    .from(dialogParticipants)
    .where(
      and(
        eq(dialogParticipants.dialogId, dialog.id),
        eq(dialogParticipants.userId, actor.id),
        eq(dialogParticipants.mode, "join"),
        isNull(dialogParticipants.leftAt),
      ),
    )
    .limit(1);
  return Boolean(joined);
}

export async function senderName(db: Db, senderType: Message["senderType"], senderId: string | null): Promise<string | null> {
  if (!senderId) return null;
  if (senderType === "visitor") {
    const [v] = await db.select({ name: visitors.name }).from(visitors).where(eq(visitors.id, senderId));
    return v?.name ?? null;
  }
  if (senderType === "system") return null;
  const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, senderId));
  return u?.name ?? null;
}

/**
 * Appends a message inside a transaction that holds the dialog lock, with any
 * other change to the dialog row folded into the same UPDATE.
 */
export async function appendMessage(
  tx: Db,
  dialog: Dialog,
  m: {
    senderType: Message["senderType"];
    senderId: string | null;
    clientId: string | null;
    body: string;
    kind?: Message["kind"];
    now: Date;
    dialogChanges?: Partial<typeof dialogs.$inferInsert>;
    /** Appends nothing (and returns null) when this sender already sent this client id. */
    skipIfClientIdExists?: boolean;
  },
): Promise<{ message: Message; dialog: Dialog } | null> {
  const seq = dialog.lastSeq + 1;
  const insert = tx.insert(messages).values({
    dialogId: dialog.id,
    seq,
    senderType: m.senderType,
    senderId: m.senderId,
    clientId: m.clientId,
    kind: m.kind ?? "text",
    body: m.body,
    createdAt: m.now,
  });
  const [message] = await (m.skipIfClientIdExists
    ? insert.onConflictDoNothing({ target: [messages.dialogId, messages.senderType, messages.clientId] })
    : insert
  ).returning();
  if (!message) return null;
  const updated = await updateDialog(tx, dialog.id, m.now, { ...m.dialogChanges, lastSeq: seq });
  return { message: message!, dialog: updated };
}

export interface SendMessageResult {
  message: Message;
  /** False when this was a retry of a send that had already been stored. */
  created: boolean;
  dialog: Dialog;
  events: RealtimeEvent[];
}

export async function sendMessage(db: Db, input: SendMessageInput): Promise<SendMessageResult> {
  const p = parseOrThrow(sendMessageSchema, input);
  const now = p.now ?? new Date();
  return db.transaction(async (tx) => {
    const dialog = await lockDialog(tx, p.dialogId);
    if (!(await isDialogMember(tx, dialog, p.sender))) throw new Forbidden("You are not in this chat");
    const name = p.senderName !== undefined ? p.senderName : await senderName(tx, p.sender.type, p.sender.id);
    const stored = async () => {
      const [row] = await tx
        .select()
        .from(messages)
        .where(and(eq(messages.dialogId, dialog.id), eq(messages.senderType, p.sender.type), eq(messages.clientId, p.clientId)));
      return row;
    };
    // A retry gets the stored row back, and its event again: the first publish
    // may have been lost with the response, and clients drop duplicates by id.
    const retry = (existing: Message) => ({ message: existing, created: false, dialog, events: [messageCreated(existing, name)] });
    if (dialog.state === "closed") {
      const existing = await stored();
      if (existing) return retry(existing);
      throw new Conflict("This chat is closed");
    }

    const changes: Partial<typeof dialogs.$inferInsert> = {};
    if (p.sender.type === "visitor") changes.visitorLastActiveAt = now;
    else if (!dialog.firstResponseAt) changes.firstResponseAt = now;
    // M8: a held dialog comes back to the same operator as soon as someone writes in it.
    const resuming = dialog.state === "on_hold";
    if (resuming) {
      changes.state = "active";
      changes.holdExpiresAt = null;
    }

    // The unique (dialog, sender type, client id) index tells a first send from
    // a retry in the same statement; a retry changes nothing.
    const r = await appendMessage(tx, dialog, {
      senderType: p.sender.type,
      senderId: p.sender.id,
      clientId: p.clientId,
      body: p.body,
      now,
      dialogChanges: changes,
      skipIfClientIdExists: true,
    });
    if (!r) return retry((await stored())!);
    const events: RealtimeEvent[] = [messageCreated(r.message, name)];
    if (resuming) {
      await recordTransition(tx, {
        dialogId: dialog.id,
        type: "resumed",
        from: "on_hold",
        to: "active",
        actorType: p.sender.type,
        actorId: p.sender.id,
        operatorId: dialog.operatorId,
        at: now,
      });
      events.push(dialogUpdated(r.dialog), monitorUpdated({ dialogId: dialog.id }));
    }
    return { message: r.message, created: true, dialog: r.dialog, events };
  });
}

/**
 * Catch-up after a reconnect: what came after the client's last seq. The
 * caller authorizes; supervisors' internal notes only with includeInternal.
 */
export async function messagesAfter(db: Db, input: MessagesAfterInput): Promise<Message[]> {
  const p = parseOrThrow(messagesAfterSchema, input);
  return db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.dialogId, p.dialogId),
        gt(messages.seq, p.afterSeq),
        p.includeInternal ? undefined : eq(messages.internal, false),
      ),
    )
    .orderBy(asc(messages.seq))
    .limit(p.limit);
}

/** Marks the other side's messages up to a seq as read by this reader. */
export async function markRead(db: Db, input: MarkReadInput): Promise<{ updated: number; events: RealtimeEvent[] }> {
  const p = parseOrThrow(markReadSchema, input);
  const now = p.now ?? new Date();
  const [dialog] = await db.select().from(dialogs).where(eq(dialogs.id, p.dialogId));
  if (!dialog) throw new NotFound("Chat not found");
  if (!(await isDialogMember(db, dialog, p.reader))) throw new Forbidden("You are not in this chat");
  const fromOthers =
    p.reader.type === "visitor"
      ? and(ne(messages.senderType, "visitor"), eq(messages.internal, false))
      : eq(messages.senderType, "visitor");
  const rows = await db
    .update(messages)
    .set({ readAt: now })
    .where(and(eq(messages.dialogId, dialog.id), lte(messages.seq, p.upToSeq), isNull(messages.readAt), fromOthers))
    .returning({ id: messages.id });
  return {
    updated: rows.length,
    events: rows.length ? [messagesRead({ dialogId: dialog.id, readerType: p.reader.type, upToSeq: p.upToSeq })] : [],
  };
}
