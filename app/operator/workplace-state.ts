// The workplace's client state: the ringing offers and the dialogs in hand,
// each with its transcript. Messages are kept ordered by seq and unique by id,
// whatever order and however often they arrive (realtime, catch-up, own sends).
import type { RealtimeMessage } from "@/lib/realtime/channels";
import type { DialogView, MessageView, OfferView, Workplace } from "@/lib/workplace/workplace";

export type DialogState = DialogView["dialog"]["state"];
export type Outcome = DialogView["dialog"]["outcome"];

export interface PendingMessage {
  clientId: string;
  body: string;
  status: "sending" | "failed";
  /** Why the last attempt failed, as the server said it (shown translated). */
  error?: { status: number; code: string; message: string };
  createdAt: string;
}

export interface Conversation {
  id: string;
  state: DialogState;
  outcome: Outcome;
  categoryName: string;
  visitorName: string | null;
  lastSeq: number;
  unread: number;
  waitingSince: string | null;
  lastMessage: { body: string; senderType: RealtimeMessage["senderType"]; createdAt: string } | null;
  answeredAt: string | null;
  /** null until the transcript has been loaded. */
  messages: MessageView[] | null;
  view: DialogView | null;
  pending: PendingMessage[];
  visitorTyping: boolean;
  /** The visitor has read staff messages up to this seq. */
  visitorReadUpTo: number;
}

export interface WorkplaceState {
  me: Workplace["me"];
  offers: OfferView[];
  conversations: Conversation[];
}

export type Action =
  | { type: "workplace"; data: Workplace }
  | { type: "status"; status: Workplace["me"]["status"]; statusSince?: string }
  | { type: "offer"; offer: OfferView }
  | { type: "offerGone"; dialogId: string }
  | { type: "opened"; dialogId: string; offer?: OfferView }
  | { type: "view"; view: DialogView }
  | { type: "messages"; dialogId: string; messages: MessageView[] }
  | { type: "pending"; dialogId: string; pending: PendingMessage }
  | { type: "state"; dialogId: string; state: DialogState; outcome?: Outcome }
  | { type: "typing"; dialogId: string; typing: boolean }
  | { type: "visitorRead"; dialogId: string; upToSeq: number }
  | { type: "readLocal"; dialogId: string }
  | { type: "dismiss"; dialogId: string };

const isStaff = (m: { senderType: string; internal?: boolean }) =>
  (m.senderType === "operator" || m.senderType === "supervisor") && !m.internal;

export function fromRealtime(m: RealtimeMessage): MessageView {
  return { ...m, internal: false, readAt: null };
}

function emptyConversation(id: string): Conversation {
  return {
    id,
    state: "active",
    outcome: null,
    categoryName: "",
    visitorName: null,
    lastSeq: 0,
    unread: 0,
    waitingSince: null,
    lastMessage: null,
    answeredAt: null,
    messages: null,
    view: null,
    pending: [],
    visitorTyping: false,
    visitorReadUpTo: 0,
  };
}

/** Waiting time, last message and read marks, recomputed from a full transcript. */
function derive(c: Conversation, messages: MessageView[]): Conversation {
  let waitingSince: string | null = null;
  let lastMessage = c.lastMessage;
  let visitorReadUpTo = c.visitorReadUpTo;
  for (const m of messages) {
    if (m.senderType === "visitor") waitingSince ??= m.createdAt;
    else if (isStaff(m)) {
      waitingSince = null;
      if (m.readAt) visitorReadUpTo = Math.max(visitorReadUpTo, m.seq);
    }
    if (!m.internal && m.kind !== "system") lastMessage = { body: m.body, senderType: m.senderType, createdAt: m.createdAt };
  }
  const lastSeq = Math.max(c.lastSeq, messages.at(-1)?.seq ?? 0);
  return { ...c, messages, waitingSince, lastMessage, visitorReadUpTo, lastSeq };
}

function mergeMessages(c: Conversation, incoming: MessageView[]): Conversation {
  const known = new Map((c.messages ?? []).map((m) => [m.id, m]));
  const fresh = incoming
    .filter((m) => !known.has(m.id) && (c.messages !== null || m.seq > c.lastSeq))
    .sort((a, b) => a.seq - b.seq);
  const clientIds = new Set(incoming.map((m) => m.clientId).filter(Boolean));
  const pending = clientIds.size ? c.pending.filter((p) => !clientIds.has(p.clientId)) : c.pending;
  if (!fresh.length) return pending === c.pending ? c : { ...c, pending };

  let next: Conversation = { ...c, pending };
  for (const m of fresh) {
    if (m.senderType === "visitor") {
      next.unread += 1;
      next.visitorTyping = false;
      next.waitingSince ??= m.createdAt;
    } else if (isStaff(m)) next.waitingSince = null;
    if (!m.internal && m.kind !== "system") next.lastMessage = { body: m.body, senderType: m.senderType, createdAt: m.createdAt };
    next.lastSeq = Math.max(next.lastSeq, m.seq);
  }
  if (c.messages) {
    const all = [...c.messages, ...fresh];
    all.sort((a, b) => a.seq - b.seq);
    next = { ...next, messages: all };
  }
  return next;
}

function update(s: WorkplaceState, id: string, fn: (c: Conversation) => Conversation): WorkplaceState {
  let changed = false;
  const conversations = s.conversations.map((c) => {
    if (c.id !== id) return c;
    const n = fn(c);
    if (n !== c) changed = true;
    return n;
  });
  return changed ? { ...s, conversations } : s;
}

export function initialState(w: Workplace): WorkplaceState {
  return reducer({ me: w.me, offers: [], conversations: [] }, { type: "workplace", data: w });
}

export function reducer(s: WorkplaceState, a: Action): WorkplaceState {
  switch (a.type) {
    case "workplace": {
      const byId = new Map(s.conversations.map((c) => [c.id, c]));
      const conversations = [...s.conversations];
      for (const d of a.data.dialogs) {
        const old = byId.get(d.id);
        const base = old ?? emptyConversation(d.id);
        const merged: Conversation = {
          ...base,
          state: d.state,
          categoryName: d.categoryName,
          visitorName: d.visitorName,
          lastSeq: Math.max(base.lastSeq, d.lastSeq),
          unread: d.unread,
          waitingSince: d.waitingSince,
          lastMessage: d.lastMessage ?? base.lastMessage,
          answeredAt: d.answeredAt,
        };
        if (old) conversations[conversations.indexOf(old)] = merged;
        else conversations.push(merged);
      }
      return { me: a.data.me, offers: a.data.offers, conversations };
    }
    case "status":
      return { ...s, me: { ...s.me, status: a.status, statusSince: a.statusSince ?? (a.status === s.me.status ? s.me.statusSince : new Date().toISOString()) } };
    case "offer":
      if (s.conversations.some((c) => c.id === a.offer.dialogId && c.state !== "closed")) return s;
      return { ...s, offers: [...s.offers.filter((o) => o.dialogId !== a.offer.dialogId), a.offer] };
    case "offerGone":
      return s.offers.some((o) => o.dialogId === a.dialogId) ? { ...s, offers: s.offers.filter((o) => o.dialogId !== a.dialogId) } : s;
    case "opened": {
      const offers = s.offers.filter((o) => o.dialogId !== a.dialogId);
      const existing = s.conversations.find((c) => c.id === a.dialogId);
      if (existing) return update({ ...s, offers }, a.dialogId, (c) => ({ ...c, state: "active", outcome: null }));
      const c = emptyConversation(a.dialogId);
      c.categoryName = a.offer?.categoryName ?? "";
      c.visitorName = a.offer?.visitorName ?? null;
      c.answeredAt = new Date().toISOString();
      return { ...s, offers, conversations: [...s.conversations, c] };
    }
    case "view": {
      const v = a.view;
      const exists = s.conversations.some((c) => c.id === v.dialog.id);
      const base = s.conversations.find((c) => c.id === v.dialog.id) ?? emptyConversation(v.dialog.id);
      // Keep messages that arrived over realtime after the snapshot was taken.
      const snapshotIds = new Set(v.messages.map((m) => m.id));
      const newer = (base.messages ?? []).filter((m) => !snapshotIds.has(m.id) && m.seq > v.dialog.lastSeq);
      const messages = [...v.messages, ...newer].sort((x, y) => x.seq - y.seq);
      const clientIds = new Set(messages.map((m) => m.clientId).filter(Boolean));
      const next = derive(
        {
          ...base,
          view: v,
          state: v.dialog.state,
          outcome: v.dialog.outcome,
          categoryName: v.dialog.categoryName,
          visitorName: v.visitor.name,
          answeredAt: v.dialog.answeredAt,
          pending: base.pending.filter((p) => !clientIds.has(p.clientId)),
          unread: messages.filter((m) => m.senderType === "visitor" && !m.readAt).length,
        },
        messages,
      );
      return exists ? update(s, v.dialog.id, () => next) : { ...s, conversations: [...s.conversations, next] };
    }
    case "messages":
      return update(s, a.dialogId, (c) => mergeMessages(c, a.messages));
    case "pending":
      return update(s, a.dialogId, (c) => {
        if (c.messages?.some((m) => m.clientId === a.pending.clientId)) return c;
        const rest = c.pending.filter((p) => p.clientId !== a.pending.clientId);
        return { ...c, pending: [...rest, a.pending] };
      });
    case "state":
      return update(s, a.dialogId, (c) =>
        c.state === a.state && (a.outcome === undefined || a.outcome === c.outcome)
          ? c
          : { ...c, state: a.state, outcome: a.outcome ?? c.outcome, visitorTyping: a.state === "closed" ? false : c.visitorTyping },
      );
    case "typing":
      return update(s, a.dialogId, (c) => (c.visitorTyping === a.typing ? c : { ...c, visitorTyping: a.typing }));
    case "visitorRead":
      return update(s, a.dialogId, (c) => (a.upToSeq > c.visitorReadUpTo ? { ...c, visitorReadUpTo: a.upToSeq } : c));
    case "readLocal":
      return update(s, a.dialogId, (c) => (c.unread ? { ...c, unread: 0 } : c));
    case "dismiss":
      return { ...s, conversations: s.conversations.filter((c) => c.id !== a.dialogId) };
  }
}

/** Dialogs that take a slot: the load shown as n / max. */
export function openCount(s: WorkplaceState): number {
  return s.conversations.filter((c) => c.state === "active" || c.state === "on_hold").length;
}
