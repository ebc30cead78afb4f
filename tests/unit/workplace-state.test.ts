// The workplace's client state: messages stay ordered by seq and unique by id
// however they arrive (realtime, catch-up, the sender's own answer), and the
// unread count and waiting time follow what the visitor and operator wrote.
import { describe, expect, it } from "vitest";
import type { MessageView, Workplace } from "@/lib/workplace/workplace";
import { initialState, reducer, type WorkplaceState } from "@/app/operator/workplace-state";

const D = "11111111-1111-4111-8111-111111111111";

function msg(seq: number, senderType: MessageView["senderType"], extra: Partial<MessageView> = {}): MessageView {
  return {
    id: `m${seq}`,
    seq,
    senderType,
    body: `message ${seq}`,
    kind: "text",
    createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0, seq)).toISOString(),
    internal: false,
    readAt: null,
    ...extra,
  };
}

const workplace: Workplace = {
  now: "2026-01-01T12:00:00.000Z",
  me: { id: "u1", name: "Olivia", status: "ready", statusSince: "2026-01-01T11:00:00.000Z", maxDialogs: 3, skills: [] },
  offers: [
    { dialogId: "22222222-2222-4222-8222-222222222222", attempt: 1, expiresAt: "2026-01-01T12:00:20.000Z", categoryId: "c", categoryName: "Sales", visitorPage: null, visitorBrowser: null },
  ],
  dialogs: [
    { id: D, state: "active", categoryName: "Sales", visitorName: "Anna", lastSeq: 0, unread: 0, waitingSince: null, lastMessage: null, answeredAt: null },
  ],
};

function withTranscript(messages: MessageView[]): WorkplaceState {
  return reducer(initialState(workplace), {
    type: "view",
    view: {
      now: workplace.now,
      dialog: { id: D, state: "active", outcome: null, categoryName: "Sales", operatorId: "u1", operatorName: "Olivia", queuedAt: workplace.now, answeredAt: workplace.now, closedAt: null, lastSeq: messages.at(-1)?.seq ?? 0 },
      messages,
      visitor: {} as never,
    },
  });
}

const conv = (s: WorkplaceState) => s.conversations.find((c) => c.id === D)!;

describe("workplace state", () => {
  it("orders by seq and drops duplicates, whatever the arrival order", () => {
    let s = withTranscript([msg(1, "visitor")]);
    s = reducer(s, { type: "messages", dialogId: D, messages: [msg(3, "visitor"), msg(2, "operator")] });
    s = reducer(s, { type: "messages", dialogId: D, messages: [msg(2, "operator"), msg(3, "visitor")] });
    s = reducer(s, { type: "messages", dialogId: D, messages: [msg(1, "visitor")] });
    expect(conv(s).messages!.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(conv(s).lastSeq).toBe(3);
  });

  it("counts the visitor's new messages as unread and times the wait until an answer", () => {
    let s = withTranscript([msg(1, "visitor", { readAt: "2026-01-01T12:00:05.000Z" }), msg(2, "operator")]);
    expect(conv(s)).toMatchObject({ unread: 0, waitingSince: null });
    s = reducer(s, { type: "messages", dialogId: D, messages: [msg(3, "visitor"), msg(4, "visitor")] });
    expect(conv(s)).toMatchObject({ unread: 2, waitingSince: msg(3, "visitor").createdAt });
    s = reducer(s, { type: "readLocal", dialogId: D });
    expect(conv(s).unread).toBe(0);
    s = reducer(s, { type: "messages", dialogId: D, messages: [msg(5, "operator")] });
    expect(conv(s).waitingSince).toBeNull();
    expect(conv(s).lastMessage).toMatchObject({ senderType: "operator", body: "message 5" });
  });

  it("replaces the sender's pending copy with the stored message, matched by client id", () => {
    let s = withTranscript([msg(1, "visitor")]);
    s = reducer(s, { type: "pending", dialogId: D, pending: { clientId: "c1", body: "hi", status: "sending", createdAt: workplace.now } });
    expect(conv(s).pending).toHaveLength(1);
    s = reducer(s, { type: "messages", dialogId: D, messages: [msg(2, "operator", { clientId: "c1" })] });
    expect(conv(s).pending).toEqual([]);
    // A late retry of the same send does not bring the pending copy back.
    s = reducer(s, { type: "pending", dialogId: D, pending: { clientId: "c1", body: "hi", status: "sending", createdAt: workplace.now } });
    expect(conv(s).pending).toEqual([]);
  });

  it("moves an accepted offer into the dialogs and ignores offers for dialogs in hand", () => {
    let s = initialState(workplace);
    const offer = workplace.offers[0]!;
    s = reducer(s, { type: "opened", dialogId: offer.dialogId, offer });
    expect(s.offers).toEqual([]);
    expect(s.conversations.map((c) => c.id)).toEqual([D, offer.dialogId]);
    s = reducer(s, { type: "offer", offer });
    expect(s.offers).toEqual([]);
  });

  it("marks the visitor's reads and the dialog's end", () => {
    let s = withTranscript([msg(1, "visitor"), msg(2, "operator")]);
    s = reducer(s, { type: "visitorRead", dialogId: D, upToSeq: 2 });
    expect(conv(s).visitorReadUpTo).toBe(2);
    s = reducer(s, { type: "typing", dialogId: D, typing: true });
    s = reducer(s, { type: "state", dialogId: D, state: "closed", outcome: "closed_by_visitor" });
    expect(conv(s)).toMatchObject({ state: "closed", outcome: "closed_by_visitor", visitorTyping: false });
  });
});
