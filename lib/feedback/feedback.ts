// W3 offline messages, W5 ratings and complaints: what visitors leave for the
// contact center, and the admin's view of it.
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../db";
import { categories, complaints, dialogs, offlineMessages, ratings } from "../db/schema";
import { Conflict, NotFound } from "../errors";
import { mailConfigured, sendMail } from "../mail/mailer";
import { parseOrThrow } from "../validation";
import { complaintSchema, offlineMessageSchema, ratingSchema } from "./schemas";

async function assertOwnDialog(db: Db, dialogId: string, visitorId: string) {
  const [d] = await db.select().from(dialogs).where(eq(dialogs.id, dialogId));
  // Another visitor's dialog is answered exactly like a missing one.
  if (!d || d.visitorId !== visitorId) throw new NotFound("Dialog not found");
  return d;
}

export async function submitOfflineMessage(db: Db, visitorId: string | null, input: unknown) {
  const data = parseOrThrow(offlineMessageSchema, input);
  if (data.dialogId) {
    if (!visitorId) throw new NotFound("Dialog not found");
    await assertOwnDialog(db, data.dialogId, visitorId);
  }
  if (data.categoryId) {
    const [c] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, data.categoryId));
    if (!c) throw new NotFound("Category not found");
  }
  const [row] = await db
    .insert(offlineMessages)
    .values({ ...data, categoryId: data.categoryId ?? null, dialogId: data.dialogId ?? null, visitorId })
    .returning();
  return row!;
}

/**
 * Mails an offline message to its category's mailbox (or OFFLINE_MAIL_TO) when
 * SMTP is configured; records success or the error. Runs after the insert has
 * committed, so a mail failure never loses the message: it stays in the inbox.
 */
export async function deliverOfflineMessage(db: Db, id: string): Promise<"sent" | "skipped" | "failed"> {
  const [m] = await db
    .select({ message: offlineMessages, category: categories })
    .from(offlineMessages)
    .leftJoin(categories, eq(categories.id, offlineMessages.categoryId))
    .where(eq(offlineMessages.id, id));
  if (!m) throw new NotFound("Message not found");
  const to = m.category?.offlineEmail || process.env.OFFLINE_MAIL_TO;
  if (!mailConfigured() || !to || m.message.mailedAt) return "skipped";
  try {
    await sendMail({
      to,
      replyTo: m.message.email,
      subject: `Webchat: message from ${m.message.name}${m.category ? ` (${m.category.name})` : ""}`,
      text: `${m.message.body}\n\n— ${m.message.name} <${m.message.email}>`,
    });
    await db.update(offlineMessages).set({ mailedAt: new Date(), mailError: null }).where(eq(offlineMessages.id, id));
    return "sent";
  } catch (err) {
    await db
      .update(offlineMessages)
      .set({ mailError: String((err as Error).message || err).slice(0, 500) })
      .where(eq(offlineMessages.id, id));
    return "failed";
  }
}

export async function rateDialog(db: Db, visitorId: string, input: unknown) {
  const data = parseOrThrow(ratingSchema, input);
  const d = await assertOwnDialog(db, data.dialogId, visitorId);
  if (d.state !== "closed") throw new Conflict("A chat can be rated once it has ended");
  const [row] = await db
    .insert(ratings)
    .values({ dialogId: d.id, visitorId, score: data.score, comment: data.comment })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new Conflict("This chat has already been rated");
  return row;
}

export async function fileComplaint(db: Db, visitorId: string | null, input: unknown) {
  const data = parseOrThrow(complaintSchema, input);
  if (data.dialogId) {
    if (!visitorId) throw new NotFound("Dialog not found");
    await assertOwnDialog(db, data.dialogId, visitorId);
  }
  const [row] = await db
    .insert(complaints)
    .values({ visitorId, dialogId: data.dialogId ?? null, name: data.name, email: data.email, body: data.body })
    .returning();
  return row!;
}

export function listOfflineMessages(db: Db, limit = 200) {
  return db
    .select({ message: offlineMessages, categoryName: categories.name })
    .from(offlineMessages)
    .leftJoin(categories, eq(categories.id, offlineMessages.categoryId))
    .orderBy(desc(offlineMessages.createdAt))
    .limit(limit);
}

export async function markOfflineMessageRead(db: Db, id: string) {
  const res = await db
    .update(offlineMessages)
    .set({ readAt: new Date() })
    .where(and(eq(offlineMessages.id, id), isNull(offlineMessages.readAt)))
    .returning({ id: offlineMessages.id });
  return res.length > 0;
}

export function listRatings(db: Db, limit = 200) {
  return db.select().from(ratings).orderBy(desc(ratings.createdAt)).limit(limit);
}

export function listComplaints(db: Db, limit = 200) {
  return db.select().from(complaints).orderBy(desc(complaints.createdAt)).limit(limit);
}

export async function resolveComplaint(db: Db, id: string, userId: string) {
  const res = await db
    .update(complaints)
    .set({ status: "resolved", resolvedAt: new Date(), resolvedById: userId })
    .where(and(eq(complaints.id, id), eq(complaints.status, "open")))
    .returning({ id: complaints.id });
  if (!res.length) throw new NotFound("Open complaint not found");
}
