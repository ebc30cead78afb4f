// Messages: per-dialog seq, idempotent sends, refusals that store nothing.
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialogParticipants, messages, visitors } from "@/lib/db/schema";
import { Conflict, Forbidden, Invalid } from "@/lib/errors";
import { acceptOffer } from "@/lib/dialogs/accept";
import { closeDialog } from "@/lib/dialogs/close";
import { markRead, messagesAfter, sendMessage } from "@/lib/dialogs/messages";
import { MAX_MESSAGE_CHARS } from "@/lib/dialogs/schemas";
import { startDialog } from "@/lib/dialogs/start-dialog";
import { isTooLarge } from "@/lib/realtime/channels";
import { MAX_EVENT_BYTES } from "@/lib/realtime/publish";
import { createTestDb, type TestDb } from "../helpers/db";
import { at, getDialog, makeCategory, makeOperator, makeVisitor, readyOperator } from "./dialogs-fixtures";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.drop());

/** A dialog an operator has accepted. */
async function activeDialog() {
  const cat = await makeCategory(t.db);
  const op = await readyOperator(t.db, { skills: [cat.id], name: "Olga" });
  const v = await makeVisitor(t.db);
  const r = await startDialog(t.db, { visitorId: v.visitorId, categoryId: cat.id, now: at(0) });
  if (r.outcome === "offline") throw new Error("expected a dialog");
  await acceptOffer(t.db, { dialogId: r.dialog.id, operatorId: op.id, now: at(1) });
  return { dialogId: r.dialog.id, visitorId: v.visitorId, op };
}

async function rows(dialogId: string) {
  return t.db.select().from(messages).where(eq(messages.dialogId, dialogId)).orderBy(asc(messages.seq));
}

describe(`messages (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("numbers messages per dialog and returns the same row for a retried clientId", async () => {
    const { dialogId, visitorId, op } = await activeDialog();
    const visitor = { type: "visitor" as const, id: visitorId };
    const a = await sendMessage(t.db, { dialogId, sender: visitor, clientId: "m-1", body: "  Hello  ", now: at(2) });
    expect(a).toMatchObject({ created: true, message: { seq: 1, body: "Hello", senderType: "visitor", createdAt: at(2) } });
    expect(a.events).toHaveLength(1);
    expect(a.events[0]).toMatchObject({
      channel: `private-dialog-${dialogId}`,
      name: "message.created",
      data: { dialogId, message: { id: a.message.id, seq: 1, body: "Hello", senderType: "visitor", clientId: "m-1" } },
    });
    const again = await sendMessage(t.db, { dialogId, sender: visitor, clientId: "m-1", body: "Hello", now: at(3) });
    expect(again.created).toBe(false);
    expect(again.message.id).toBe(a.message.id);
    // The same clientId from the other side is another message.
    const b = await sendMessage(t.db, { dialogId, sender: { type: "operator", id: op.id }, clientId: "m-1", body: "Hi!", now: at(4) });
    expect(b.message.seq).toBe(2);
    expect(b.events[0]).toMatchObject({ data: { message: { senderName: "Olga", senderType: "operator" } } });
    expect((await rows(dialogId)).map((m) => m.seq)).toEqual([1, 2]);
    expect(await getDialog(t.db, dialogId)).toMatchObject({ lastSeq: 2, firstResponseAt: at(4), visitorLastActiveAt: at(2) });
    // A retry changes nothing on the dialog either: no seq taken, no activity time moved.
    await sendMessage(t.db, { dialogId, sender: visitor, clientId: "m-1", body: "Hello", now: at(9) });
    expect(await getDialog(t.db, dialogId)).toMatchObject({ lastSeq: 2, visitorLastActiveAt: at(2) });
  });

  it("uses the sender's name when the caller already has it, and looks it up otherwise", async () => {
    const { dialogId, visitorId } = await activeDialog();
    const visitor = { type: "visitor" as const, id: visitorId };
    const named = await sendMessage(t.db, { dialogId, sender: visitor, senderName: "Vera from the widget", clientId: "n-1", body: "Hi" });
    expect(named.events[0]).toMatchObject({ data: { message: { senderName: "Vera from the widget" } } });
    await t.db.update(visitors).set({ name: "Vera Stored" }).where(eq(visitors.id, visitorId));
    const looked = await sendMessage(t.db, { dialogId, sender: visitor, clientId: "n-2", body: "Hi again" });
    expect(looked.events[0]).toMatchObject({ data: { message: { senderName: "Vera Stored" } } });
  });

  it("keeps seq gapless and strictly increasing under concurrent sends, retries included", async () => {
    const { dialogId, visitorId, op } = await activeDialog();
    const sends = [];
    for (let i = 0; i < 40; i++) {
      const sender = i % 2 ? { type: "operator" as const, id: op.id } : { type: "visitor" as const, id: visitorId };
      sends.push(sendMessage(t.db, { dialogId, sender, clientId: `c${i}`, body: `message ${i}` }));
      // Every fourth message is sent twice at once, like a client retrying on a timeout.
      if (i % 4 === 0) sends.push(sendMessage(t.db, { dialogId, sender, clientId: `c${i}`, body: `message ${i}` }));
    }
    const results = await Promise.all(sends);
    const stored = await rows(dialogId);
    expect(stored).toHaveLength(40);
    expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.message.id)).size).toBe(40);
    expect(results.filter((r) => r.created)).toHaveLength(40);
    expect((await getDialog(t.db, dialogId)).lastSeq).toBe(40);
  });

  it("refuses empty and oversized bodies and malformed client ids, storing nothing", async () => {
    const { dialogId, visitorId } = await activeDialog();
    const sender = { type: "visitor" as const, id: visitorId };
    const bad = [
      { clientId: "ok", body: "x".repeat(MAX_MESSAGE_CHARS + 1) },
      { clientId: "ok", body: "   " },
      { clientId: "has space", body: "hi" },
      { clientId: "x".repeat(65), body: "hi" },
      { clientId: "", body: "hi" },
    ];
    for (const b of bad) {
      const err = await sendMessage(t.db, { dialogId, sender, ...b }).catch((e) => e);
      expect(err).toBeInstanceOf(Invalid);
      expect(err.status).toBe(422);
    }
    expect(await rows(dialogId)).toHaveLength(0);
    expect((await getDialog(t.db, dialogId)).lastSeq).toBe(0);
    const max = await sendMessage(t.db, { dialogId, sender, clientId: "max", body: "y".repeat(MAX_MESSAGE_CHARS) });
    expect(max.message.body).toHaveLength(MAX_MESSAGE_CHARS);
  });

  it("stores markup as plain text and sends a reference instead of an event over 10 KB", async () => {
    const { dialogId, visitorId } = await activeDialog();
    const sender = { type: "visitor" as const, id: visitorId };
    const html = await sendMessage(t.db, { dialogId, sender, clientId: "h", body: "<img src=x onerror=alert(1)>" });
    expect(html.message.body).toBe("<img src=x onerror=alert(1)>");
    // 5,000 euro signs are 15,000 bytes of UTF-8.
    const big = await sendMessage(t.db, { dialogId, sender, clientId: "big", body: "€".repeat(MAX_MESSAGE_CHARS) });
    const data = big.events[0]!.data;
    expect(isTooLarge(data)).toBe(true);
    expect(data).toEqual({ ref: { type: "message", dialogId, seq: big.message.seq } });
    for (const e of [...html.events, ...big.events]) expect(Buffer.byteLength(JSON.stringify(e.data))).toBeLessThanOrEqual(MAX_EVENT_BYTES);
  });

  it("refuses people who are not in the dialog, and messages to a closed dialog", async () => {
    const { dialogId, visitorId, op } = await activeDialog();
    const stranger = await makeVisitor(t.db);
    const otherOp = await makeOperator(t.db, { skills: [] });
    const sup = await makeOperator(t.db, { skills: [], role: "supervisor" });
    await expect(sendMessage(t.db, { dialogId, sender: { type: "visitor", id: stranger.visitorId }, clientId: "x", body: "hi" })).rejects.toThrow(Forbidden);
    await expect(sendMessage(t.db, { dialogId, sender: { type: "operator", id: otherOp.id }, clientId: "x", body: "hi" })).rejects.toThrow(Forbidden);
    await expect(sendMessage(t.db, { dialogId, sender: { type: "supervisor", id: sup.id }, clientId: "x", body: "hi" })).rejects.toThrow(Forbidden);
    // A supervisor who joined to talk may write.
    await t.db.insert(dialogParticipants).values({ dialogId, userId: sup.id, mode: "join" });
    expect((await sendMessage(t.db, { dialogId, sender: { type: "supervisor", id: sup.id }, clientId: "x", body: "hi" })).message.seq).toBe(1);

    await sendMessage(t.db, { dialogId, sender: { type: "visitor", id: visitorId }, clientId: "before", body: "bye" });
    await closeDialog(t.db, { dialogId, actor: { type: "operator", id: op.id } });
    const err = await sendMessage(t.db, { dialogId, sender: { type: "visitor", id: visitorId }, clientId: "after", body: "wait" }).catch((e) => e);
    expect(err).toBeInstanceOf(Conflict);
    expect(err.message).toBe("This chat is closed");
    // A retry of a send that made it before the close still gets its row back.
    expect((await sendMessage(t.db, { dialogId, sender: { type: "visitor", id: visitorId }, clientId: "before", body: "bye" })).created).toBe(false);
    expect(await rows(dialogId)).toHaveLength(2);
  });

  it("lets a visitor write while waiting, before any operator has accepted", async () => {
    const cat = await makeCategory(t.db);
    await readyOperator(t.db, { skills: [cat.id], maxDialogs: 1 });
    const v1 = await makeVisitor(t.db);
    const v2 = await makeVisitor(t.db);
    const offered = await startDialog(t.db, { visitorId: v1.visitorId, categoryId: cat.id, now: at(0) });
    const queued = await startDialog(t.db, { visitorId: v2.visitorId, categoryId: cat.id, now: at(0) });
    if (offered.outcome === "offline" || queued.outcome === "offline") throw new Error("expected dialogs");
    expect([offered.dialog.state, queued.dialog.state]).toEqual(["offered", "queued"]);
    for (const [d, v] of [[offered, v1], [queued, v2]] as const) {
      const r = await sendMessage(t.db, { dialogId: d.dialog.id, sender: { type: "visitor", id: v.visitorId }, clientId: "w", body: "anyone?", now: at(1) });
      expect(r.dialog.state).toBe(d.dialog.state);
    }
  });

  it("catches up after a seq, without internal notes unless asked, and marks the other side's messages read", async () => {
    const { dialogId, visitorId, op } = await activeDialog();
    for (let i = 1; i <= 5; i++) {
      const sender = i % 2 ? { type: "visitor" as const, id: visitorId } : { type: "operator" as const, id: op.id };
      await sendMessage(t.db, { dialogId, sender, clientId: `k${i}`, body: `m${i}` });
    }
    await t.db.insert(messages).values({ dialogId, seq: 6, senderType: "supervisor", body: "whisper", internal: true });
    expect((await messagesAfter(t.db, { dialogId, afterSeq: 2 })).map((m) => m.seq)).toEqual([3, 4, 5]);
    expect((await messagesAfter(t.db, { dialogId, afterSeq: 2, includeInternal: true })).map((m) => m.seq)).toEqual([3, 4, 5, 6]);
    expect((await messagesAfter(t.db, { dialogId, afterSeq: 0, limit: 2 })).map((m) => m.seq)).toEqual([1, 2]);

    const r = await markRead(t.db, { dialogId, reader: { type: "operator", id: op.id }, upToSeq: 3, now: at(9) });
    expect(r.updated).toBe(2); // the visitor's seq 1 and 3
    expect(r.events[0]).toMatchObject({ name: "messages.read", data: { dialogId, readerType: "operator", upToSeq: 3 } });
    expect((await markRead(t.db, { dialogId, reader: { type: "operator", id: op.id }, upToSeq: 3 })).updated).toBe(0);
    const v = await markRead(t.db, { dialogId, reader: { type: "visitor", id: visitorId }, upToSeq: 6 });
    expect(v.updated).toBe(2); // seq 2 and 4; never the internal note
    const stored = await rows(dialogId);
    expect(stored.filter((m) => m.readAt).map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    const stranger = await makeVisitor(t.db);
    await expect(markRead(t.db, { dialogId, reader: { type: "visitor", id: stranger.visitorId }, upToSeq: 6 })).rejects.toThrow(Forbidden);
  });
});
