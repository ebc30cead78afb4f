// What the visitor's chat app (/chat) sees of a dialog: their own dialogs
// only, never internal notes, and nothing about the staff beyond a name.
import { desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db";
import { categories, dialogs, offlineMessages, ratings, users, type Dialog, type Visitor } from "../db/schema";
import { NotFound } from "../errors";
import { toRealtimeMessage } from "../dialogs/events";
import { messagesAfter } from "../dialogs/messages";
import { queuePosition } from "../dialogs/queue";
import type { RealtimeMessage } from "../realtime/channels";
import { isUuid } from "../realtime/channels";
import { isBlocked } from "../visitors/blacklist";

/** A closed dialog is still shown (to rate it, or to write the W3 e-mail) for this long. */
export const CLOSED_DIALOG_SHOWN_MS = 60 * 60_000;
export const MESSAGE_PAGE = 200;

export interface VisitorDialogView {
  id: string;
  state: Dialog["state"];
  outcome: Dialog["outcome"];
  categoryId: string;
  categoryName: string | null;
  operatorName: string | null;
  lastSeq: number;
  /** An operator answered it, so there is service to rate (W5). */
  answered: boolean;
  rated: boolean;
  /** The visitor already left the W3 e-mail for it. */
  offlineSent: boolean;
}

export interface QueueView {
  position: number | null;
  estimatedWaitSec: number | null;
}

export interface VisitorChatState {
  visitor: { id: string; name: string | null; phone: string | null; email: string | null };
  blocked: boolean;
  dialog: VisitorDialogView | null;
  messages: RealtimeMessage[];
  /** True when more messages follow the ones returned (fetch them with ?after=). */
  moreMessages: boolean;
  queue: QueueView | null;
}

/** The visitor's own dialog; another visitor's is answered exactly like a missing one. */
export async function ownDialog(db: Db, visitorId: string, dialogId: string): Promise<Dialog> {
  if (!isUuid(dialogId)) throw new NotFound("Chat not found");
  const [d] = await db.select().from(dialogs).where(eq(dialogs.id, dialogId.toLowerCase()));
  if (!d || d.visitorId !== visitorId) throw new NotFound("Chat not found");
  return d;
}

/** Messages after `afterSeq` as the visitor may see them (no internal notes), with staff names. */
export async function visitorMessages(
  db: Db,
  dialogId: string,
  afterSeq: number,
  limit = MESSAGE_PAGE,
): Promise<RealtimeMessage[]> {
  const rows = await messagesAfter(db, { dialogId, afterSeq, limit, includeInternal: false });
  const staffIds = [...new Set(rows.filter((m) => m.senderType !== "visitor" && m.senderId).map((m) => m.senderId!))];
  const names = new Map<string, string>();
  if (staffIds.length) {
    for (const u of await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, staffIds))) {
      names.set(u.id, u.name);
    }
  }
  return rows.map((m) => {
    const r = toRealtimeMessage(m, m.senderType === "visitor" ? null : names.get(m.senderId ?? ""));
    // The visitor's idempotency keys matter to the visitor only.
    if (m.senderType !== "visitor") delete r.clientId;
    return r;
  });
}

export async function dialogView(db: Db, d: Dialog): Promise<VisitorDialogView> {
  const [[category], [operator], [rating], [offline]] = await Promise.all([
    db.select({ name: categories.name }).from(categories).where(eq(categories.id, d.categoryId)),
    d.operatorId
      ? db.select({ name: users.name }).from(users).where(eq(users.id, d.operatorId))
      : Promise.resolve([] as { name: string }[]),
    db.select({ id: ratings.id }).from(ratings).where(eq(ratings.dialogId, d.id)).limit(1),
    db.select({ id: offlineMessages.id }).from(offlineMessages).where(eq(offlineMessages.dialogId, d.id)).limit(1),
  ]);
  return {
    id: d.id,
    state: d.state,
    outcome: d.outcome,
    categoryId: d.categoryId,
    categoryName: category?.name ?? null,
    operatorName: operator?.name ?? null,
    lastSeq: d.lastSeq,
    answered: Boolean(d.answeredAt),
    rated: Boolean(rating),
    offlineSent: Boolean(offline),
  };
}

export async function queueView(db: Db, d: Pick<Dialog, "id" | "visitorId" | "state">): Promise<QueueView | null> {
  if (d.state !== "queued" && d.state !== "offered") return null;
  const q = await queuePosition(db, { dialogId: d.id, visitorId: d.visitorId });
  return { position: q.position, estimatedWaitSec: q.estimatedWaitSec };
}

/** Whether a closed dialog still needs the visitor: a rating to give or the W3 e-mail to write. */
function stillRelevant(v: VisitorDialogView, closedAt: Date | null, now: Date): boolean {
  if (v.state !== "closed") return true;
  if (!closedAt || now.getTime() - closedAt.getTime() > CLOSED_DIALOG_SHOWN_MS) return false;
  if (v.outcome === "offline_redirect") return !v.offlineSent;
  return v.answered && !v.rated;
}

/**
 * Everything the chat app needs on load: the visitor's open dialog (or the
 * last closed one still waiting for a rating or the W3 e-mail), its messages
 * and queue place, and whether the visitor may chat at all (M11).
 */
export async function visitorChatState(
  db: Db,
  visitor: Visitor,
  opts: { ip?: string | null; now?: Date } = {},
): Promise<VisitorChatState> {
  const now = opts.now ?? new Date();
  const blocked =
    (await isBlocked(db, { visitorId: visitor.id, ip: visitor.ip, now })) ||
    (!!opts.ip && opts.ip !== visitor.ip && (await isBlocked(db, { ip: opts.ip, now })));
  const [latest] = await db
    .select()
    .from(dialogs)
    .where(eq(dialogs.visitorId, visitor.id))
    .orderBy(desc(dialogs.createdAt))
    .limit(1);
  let dialog: VisitorDialogView | null = null;
  let messages: RealtimeMessage[] = [];
  let queue: QueueView | null = null;
  if (latest) {
    const view = await dialogView(db, latest);
    if (stillRelevant(view, latest.closedAt, now)) {
      dialog = view;
      [messages, queue] = await Promise.all([visitorMessages(db, latest.id, 0), queueView(db, latest)]);
    }
  }
  return {
    visitor: { id: visitor.id, name: visitor.name, phone: visitor.phone, email: visitor.email },
    blocked,
    dialog,
    messages,
    moreMessages: messages.length === MESSAGE_PAGE,
    queue,
  };
}
