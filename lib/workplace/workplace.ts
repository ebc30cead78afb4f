// The operator workplace's read side (M3): what rings, the dialogs in hand,
// and one dialog with its transcript and the visitor behind it (M1 details).
// The transitions themselves live in lib/dialogs; this only reads and checks
// who may look.
import { and, asc, desc, eq, gt, inArray, isNull, max, sql } from "drizzle-orm";
import type { Db } from "../db";
import { categories, dialogParticipants, dialogs, messages, pageViews, users, visitors, type Dialog, type Message } from "../db/schema";
import { Forbidden, NotFound } from "../errors";
import { can, type Role } from "../auth/permissions";
import type { Actor } from "../dialogs/schemas";
import { messagesAfter } from "../dialogs/messages";
import { toRealtimeMessage } from "../dialogs/events";
import type { RealtimeMessage } from "../realtime/channels";
import { skillsOf } from "../monitor/overview";

const PREVIEW_CHARS = 200;
const URL_CHARS = 500;
const PAGE_VIEWS_SHOWN = 30;
/** A gap this long between page views starts a new visit, for "time on site". */
const VISIT_GAP_MS = 30 * 60_000;

export interface StaffRef {
  id: string;
  role: Role;
}

export type OperatorStatus = "ready" | "away" | "offline";

/** A ringing offer, in the shape of offer.created so that both feed one list. */
export interface OfferView {
  dialogId: string;
  attempt: number;
  expiresAt: string;
  categoryId: string;
  categoryName: string;
  visitorName?: string;
  visitorPage: string | null;
  visitorBrowser: string | null;
  preview?: string;
}

export interface DialogSummary {
  id: string;
  state: Dialog["state"];
  categoryName: string;
  visitorName: string | null;
  lastSeq: number;
  unread: number;
  /** The visitor's oldest message that no one has answered yet (ISO), or null. */
  waitingSince: string | null;
  lastMessage: { body: string; senderType: RealtimeMessage["senderType"]; createdAt: string } | null;
  answeredAt: string | null;
}

export interface Workplace {
  now: string;
  me: {
    id: string;
    name: string;
    status: OperatorStatus;
    statusSince: string;
    maxDialogs: number;
    skills: { id: string; name: string; kind: string }[];
  };
  offers: OfferView[];
  dialogs: DialogSummary[];
}

export interface MessageView extends RealtimeMessage {
  internal: boolean;
  readAt: string | null;
}

export interface VisitorDetails {
  id: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  ip: string | null;
  browser: string | null;
  os: string | null;
  device: string | null;
  language: string | null;
  currentUrl: string | null;
  currentTitle: string | null;
  currentPageSince: string | null;
  lastSeenAt: string;
  leftAt: string | null;
  /** Start of the current visit (page views without a long gap), for "time on site". */
  visitStartedAt: string | null;
  pageCount: number;
  pages: { url: string; title: string | null; at: string; leftAt: string | null }[];
}

export interface DialogView {
  now: string;
  dialog: {
    id: string;
    state: Dialog["state"];
    outcome: Dialog["outcome"];
    categoryName: string;
    operatorId: string | null;
    operatorName: string | null;
    queuedAt: string;
    answeredAt: string | null;
    closedAt: string | null;
    lastSeq: number;
  };
  messages: MessageView[];
  visitor: VisitorDetails;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export async function loadWorkplace(db: Db, userId: string, now = new Date()): Promise<Workplace> {
  const [me] = await db
    .select({ id: users.id, name: users.name, status: users.status, statusSince: users.statusSince, maxDialogs: users.maxDialogs })
    .from(users)
    .where(eq(users.id, userId));
  if (!me) throw new NotFound("Operator not found");

  const offered = await db
    .select({
      dialogId: dialogs.id,
      attempt: dialogs.offerCount,
      expiresAt: dialogs.offerExpiresAt,
      categoryId: categories.id,
      categoryName: categories.name,
      visitorName: visitors.name,
      visitorPage: visitors.currentUrl,
      visitorBrowser: visitors.browser,
    })
    .from(dialogs)
    .innerJoin(categories, eq(categories.id, dialogs.categoryId))
    .innerJoin(visitors, eq(visitors.id, dialogs.visitorId))
    .where(and(eq(dialogs.state, "offered"), eq(dialogs.offeredToId, userId), gt(dialogs.offerExpiresAt, now)))
    .orderBy(asc(dialogs.offerExpiresAt));

  const held = await db
    .select({
      id: dialogs.id,
      state: dialogs.state,
      categoryName: categories.name,
      visitorName: visitors.name,
      lastSeq: dialogs.lastSeq,
      answeredAt: dialogs.answeredAt,
    })
    .from(dialogs)
    .innerJoin(categories, eq(categories.id, dialogs.categoryId))
    .innerJoin(visitors, eq(visitors.id, dialogs.visitorId))
    .where(and(eq(dialogs.operatorId, userId), inArray(dialogs.state, ["active", "on_hold"])))
    .orderBy(asc(dialogs.answeredAt));

  const previews = await lastVisitorMessages(db, offered.map((o) => o.dialogId));
  const unread = await unreadCounts(db, held.map((d) => d.id));
  const waiting = await waitingSince(db, held.map((d) => d.id));
  const last = await lastMessages(db, held.map((d) => d.id));

  return {
    now: now.toISOString(),
    me: {
      id: me.id,
      name: me.name,
      status: me.status,
      statusSince: me.statusSince.toISOString(),
      maxDialogs: me.maxDialogs,
      skills: await skillsOf(db, userId),
    },
    offers: offered.map((o) => ({
      dialogId: o.dialogId,
      attempt: o.attempt,
      expiresAt: o.expiresAt!.toISOString(),
      categoryId: o.categoryId,
      categoryName: o.categoryName,
      ...(o.visitorName ? { visitorName: o.visitorName } : {}),
      visitorPage: o.visitorPage ? o.visitorPage.slice(0, URL_CHARS) : null,
      visitorBrowser: o.visitorBrowser,
      ...(previews.has(o.dialogId) ? { preview: previews.get(o.dialogId)! } : {}),
    })),
    dialogs: held.map((d) => ({
      id: d.id,
      state: d.state,
      categoryName: d.categoryName,
      visitorName: d.visitorName,
      lastSeq: d.lastSeq,
      unread: unread.get(d.id) ?? 0,
      waitingSince: waiting.get(d.id) ?? null,
      lastMessage: last.get(d.id) ?? null,
      answeredAt: iso(d.answeredAt),
    })),
  };
}

async function lastVisitorMessages(db: Db, dialogIds: string[]): Promise<Map<string, string>> {
  if (!dialogIds.length) return new Map();
  const rows = await db
    .selectDistinctOn([messages.dialogId], { dialogId: messages.dialogId, body: messages.body })
    .from(messages)
    .where(and(inArray(messages.dialogId, dialogIds), eq(messages.senderType, "visitor")))
    .orderBy(messages.dialogId, desc(messages.seq));
  return new Map(rows.map((r) => [r.dialogId, r.body.slice(0, PREVIEW_CHARS)]));
}

async function unreadCounts(db: Db, dialogIds: string[]): Promise<Map<string, number>> {
  if (!dialogIds.length) return new Map();
  const rows = await db
    .select({ dialogId: messages.dialogId, n: sql<number>`count(*)::int` })
    .from(messages)
    .where(and(inArray(messages.dialogId, dialogIds), eq(messages.senderType, "visitor"), isNull(messages.readAt)))
    .groupBy(messages.dialogId);
  return new Map(rows.map((r) => [r.dialogId, Number(r.n)]));
}

/** The first visitor message after the staff's last public reply, per dialog. */
async function waitingSince(db: Db, dialogIds: string[]): Promise<Map<string, string>> {
  if (!dialogIds.length) return new Map();
  const replied = sql`coalesce((select max(o.seq) from ${messages} o
    where o.dialog_id = ${messages.dialogId} and o.sender_type in ('operator', 'supervisor', 'admin') and o.internal = false), 0)`;
  const rows = await db
    .select({ dialogId: messages.dialogId, since: sql<Date | string>`min(${messages.createdAt})` })
    .from(messages)
    .where(and(inArray(messages.dialogId, dialogIds), eq(messages.senderType, "visitor"), sql`${messages.seq} > ${replied}`))
    .groupBy(messages.dialogId);
  return new Map(rows.map((r) => [r.dialogId, new Date(r.since).toISOString()]));
}

async function lastMessages(db: Db, dialogIds: string[]): Promise<Map<string, NonNullable<DialogSummary["lastMessage"]>>> {
  if (!dialogIds.length) return new Map();
  const rows = await db
    .selectDistinctOn([messages.dialogId], {
      dialogId: messages.dialogId,
      body: messages.body,
      senderType: messages.senderType,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(and(inArray(messages.dialogId, dialogIds), eq(messages.internal, false)))
    .orderBy(messages.dialogId, desc(messages.seq));
  return new Map(
    rows.map((r) => [
      r.dialogId,
      {
        body: r.body.slice(0, PREVIEW_CHARS),
        senderType: r.senderType === "admin" ? "supervisor" : r.senderType,
        createdAt: r.createdAt.toISOString(),
      },
    ]),
  );
}

/**
 * The dialog, if the staff member may read it: its operator, the operator it
 * rings for, a supervisor or admin (dialog.join), or someone who joined it.
 * An unknown dialog is a 404, someone else's a 403.
 */
export async function dialogForReader(db: Db, user: StaffRef, dialogId: string): Promise<Dialog> {
  const [d] = await db.select().from(dialogs).where(eq(dialogs.id, dialogId));
  if (!d) throw new NotFound("Chat not found");
  if (d.operatorId === user.id) return d;
  if (d.state === "offered" && d.offeredToId === user.id) return d;
  if (can(user, "dialog.join")) return d;
  const [joined] = await db
    .select({ id: dialogParticipants.id })
    .from(dialogParticipants)
    .where(and(eq(dialogParticipants.dialogId, d.id), eq(dialogParticipants.userId, user.id), isNull(dialogParticipants.leftAt)))
    .limit(1);
  if (joined) return d;
  throw new Forbidden("This chat is not yours");
}

/**
 * How the staff member acts in the dialog: as its operator when it is theirs,
 * otherwise as a supervisor (the dialog functions then require that they
 * joined it). An operator is never promoted: lib/dialogs refuses them.
 */
export function actorFor(user: StaffRef, dialog: Pick<Dialog, "operatorId">): Actor {
  if (dialog.operatorId === user.id || user.role === "operator") return { type: "operator", id: user.id };
  return { type: "supervisor", id: user.id };
}

/** Names of the people who wrote the messages, for the transcript. */
async function senderNames(db: Db, dialog: Dialog, rows: Message[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const staffIds = [...new Set(rows.filter((m) => m.senderType !== "visitor" && m.senderId).map((m) => m.senderId!))];
  if (staffIds.length) {
    for (const u of await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, staffIds))) {
      names.set(u.id, u.name);
    }
  }
  if (rows.some((m) => m.senderType === "visitor")) {
    const [v] = await db.select({ name: visitors.name }).from(visitors).where(eq(visitors.id, dialog.visitorId));
    if (v?.name) names.set(dialog.visitorId, v.name);
  }
  return names;
}

export function toMessageView(m: Message, name: string | null | undefined): MessageView {
  return { ...toRealtimeMessage(m, name), internal: m.internal, readAt: iso(m.readAt) };
}

/** Messages after `afterSeq` with their senders' names, internal notes included (staff only read this). */
export async function transcriptAfter(db: Db, dialog: Dialog, afterSeq: number, limit = 1000): Promise<MessageView[]> {
  const rows = await messagesAfter(db, { dialogId: dialog.id, afterSeq, includeInternal: true, limit });
  const names = await senderNames(db, dialog, rows);
  return rows.map((m) => toMessageView(m, m.senderId ? names.get(m.senderId) : null));
}

export async function visitorDetails(db: Db, visitorId: string, now = new Date()): Promise<VisitorDetails> {
  const [v] = await db.select().from(visitors).where(eq(visitors.id, visitorId));
  if (!v) throw new NotFound("Visitor not found");
  const views = await db
    .select({ url: pageViews.url, title: pageViews.title, at: pageViews.at, leftAt: pageViews.leftAt })
    .from(pageViews)
    .where(eq(pageViews.visitorId, visitorId))
    .orderBy(desc(pageViews.at))
    .limit(200);
  // Walk back from the newest view while the views follow one another closely.
  let visitStart: Date | null = null;
  let previousStart = v.leftAt ?? now;
  for (const pv of views) {
    const end = pv.leftAt ?? pv.at;
    if (previousStart.getTime() - end.getTime() > VISIT_GAP_MS && visitStart) break;
    visitStart = pv.at;
    previousStart = pv.at;
  }
  return {
    id: v.id,
    name: v.name,
    phone: v.phone,
    email: v.email,
    ip: v.ip,
    browser: v.browser,
    os: v.os,
    device: v.device,
    language: v.language,
    currentUrl: v.currentUrl,
    currentTitle: v.currentTitle,
    currentPageSince: iso(v.currentPageSince),
    lastSeenAt: v.lastSeenAt.toISOString(),
    leftAt: iso(v.leftAt),
    visitStartedAt: iso(visitStart ?? v.firstSeenAt),
    pageCount: v.pageCount,
    pages: views.slice(0, PAGE_VIEWS_SHOWN).map((p) => ({
      url: p.url.slice(0, URL_CHARS),
      title: p.title,
      at: p.at.toISOString(),
      leftAt: iso(p.leftAt),
    })),
  };
}

export async function loadDialogView(db: Db, user: StaffRef, dialogId: string, now = new Date()): Promise<DialogView> {
  const d = await dialogForReader(db, user, dialogId);
  const [category] = await db.select({ name: categories.name }).from(categories).where(eq(categories.id, d.categoryId));
  const [operator] = d.operatorId
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, d.operatorId))
    : [];
  // A long dialog shows its latest messages; older ones are rarely needed mid-chat.
  const [top] = await db.select({ seq: max(messages.seq) }).from(messages).where(eq(messages.dialogId, d.id));
  const from = Math.max(0, Number(top?.seq ?? 0) - 1000);
  return {
    now: now.toISOString(),
    dialog: {
      id: d.id,
      state: d.state,
      outcome: d.outcome,
      categoryName: category?.name ?? "",
      operatorId: d.operatorId,
      operatorName: operator?.name ?? null,
      queuedAt: d.queuedAt.toISOString(),
      answeredAt: iso(d.answeredAt),
      closedAt: iso(d.closedAt),
      lastSeq: d.lastSeq,
    },
    messages: await transcriptAfter(db, d, from),
    visitor: await visitorDetails(db, d.visitorId, now),
  };
}
