// W3 offline messages (stored, and mailed through a real SMTP listener) and W5
// ratings and complaints, with the bad inputs that must change nothing.
import { count, eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categories, complaints, dialogs, offlineMessages, ratings, visitors } from "@/lib/db/schema";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { deliverOfflineMessage, fileComplaint, rateDialog, submitOfflineMessage } from "@/lib/feedback/feedback";
import { createTestDb, type TestDb } from "../helpers/db";

let t: TestDb;
let smtp: SMTPServer;
const received: { to: string[]; data: string }[] = [];
let categoryId: string;
let visitorA: string;
let visitorB: string;

beforeAll(async () => {
  t = await createTestDb();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, cb) {
      let data = "";
      stream.on("data", (c) => (data += c));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
  const [c] = await t.db.insert(categories).values({ name: "Sales", kind: "topic", offlineEmail: "sales@acme.test" }).returning();
  categoryId = c!.id;
  const [a, b] = await t.db.insert(visitors).values([{ tokenHash: "a" }, { tokenHash: "b" }]).returning();
  visitorA = a!.id;
  visitorB = b!.id;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((r) => smtp.close(() => r()));
  await t?.drop();
});

const offline = { name: "Mia", email: "mia@example.com", body: "Please call me back <b>tomorrow</b>" };

describe("offline messages (W3)", () => {
  it("are stored and mailed to the category's mailbox as plain text", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    const row = await submitOfflineMessage(t.db, visitorA, { ...offline, categoryId });
    expect(await deliverOfflineMessage(t.db, row.id)).toBe("sent");
    const mail = received.at(-1)!;
    expect(mail.to).toEqual(["sales@acme.test"]);
    expect(mail.data).toContain("Please call me back <b>tomorrow</b>");
    expect(mail.data).toMatch(/Reply-To: mia@example\.com/i);
    expect(mail.data).not.toMatch(/Content-Type: text\/html/i);
    const [stored] = await t.db.select().from(offlineMessages).where(eq(offlineMessages.id, row.id));
    expect(stored!.mailedAt).not.toBeNull();
    // Delivering again sends nothing more.
    expect(await deliverOfflineMessage(t.db, row.id)).toBe("skipped");
  });

  it("stay in the inbox with the error when the mail server is down", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    const row = await submitOfflineMessage(t.db, visitorA, { ...offline, categoryId });
    expect(await deliverOfflineMessage(t.db, row.id)).toBe("failed");
    const [stored] = await t.db.select().from(offlineMessages).where(eq(offlineMessages.id, row.id));
    expect(stored!.mailedAt).toBeNull();
    expect(stored!.mailError).toBeTruthy();
  });

  it("are only stored when no SMTP server is configured", async () => {
    delete process.env.SMTP_URL;
    const row = await submitOfflineMessage(t.db, null, { ...offline, categoryId });
    expect(await deliverOfflineMessage(t.db, row.id)).toBe("skipped");
  });

  it.each([
    [{ ...offline, email: "nope" }, "email"],
    [{ ...offline, name: "" }, "name"],
    [{ ...offline, body: "   " }, "body"],
    [{ ...offline, body: "x".repeat(5001) }, "body"],
  ])("refuse bad input %# and store nothing", async (input, field) => {
    const before = (await t.db.select({ n: count() }).from(offlineMessages))[0]!.n;
    const err = await submitOfflineMessage(t.db, visitorA, input).catch((e) => e);
    expect(err).toBeInstanceOf(Invalid);
    expect(Object.keys(err.fieldErrors)).toContain(field);
    expect((await t.db.select({ n: count() }).from(offlineMessages))[0]!.n).toBe(before);
  });
});

describe("ratings and complaints (W5)", () => {
  async function dialogOf(visitorId: string, state: "active" | "closed") {
    const [d] = await t.db.insert(dialogs).values({ visitorId, categoryId, state }).returning();
    return d!.id;
  }

  it("a visitor rates their own ended chat once", async () => {
    const id = await dialogOf(visitorA, "closed");
    const r = await rateDialog(t.db, visitorA, { dialogId: id, score: "5", comment: "Great" });
    expect(r.score).toBe(5);
    await expect(rateDialog(t.db, visitorA, { dialogId: id, score: 1 })).rejects.toBeInstanceOf(Conflict);
    const rows = await t.db.select().from(ratings).where(eq(ratings.dialogId, id));
    expect(rows.map((x) => x.score)).toEqual([5]);
  });

  it("refuses ratings of running chats, other visitors' chats and scores out of range", async () => {
    const running = await dialogOf(visitorA, "active");
    await expect(rateDialog(t.db, visitorA, { dialogId: running, score: 4 })).rejects.toBeInstanceOf(Conflict);
    const others = await dialogOf(visitorB, "closed");
    await expect(rateDialog(t.db, visitorA, { dialogId: others, score: 4 })).rejects.toBeInstanceOf(NotFound);
    const mine = await dialogOf(visitorA, "closed");
    await expect(rateDialog(t.db, visitorA, { dialogId: mine, score: 6 })).rejects.toBeInstanceOf(Invalid);
    await expect(rateDialog(t.db, visitorA, { dialogId: mine, score: 0 })).rejects.toBeInstanceOf(Invalid);
    expect(await t.db.select().from(ratings).where(eq(ratings.dialogId, others))).toHaveLength(0);
  });

  it("a complaint can be filed at any time, about the visitor's own dialog only", async () => {
    const running = await dialogOf(visitorA, "active");
    const c = await fileComplaint(t.db, visitorA, { dialogId: running, body: "The operator was rude", email: "" });
    expect(c).toMatchObject({ status: "open", visitorId: visitorA, email: null });
    const others = await dialogOf(visitorB, "active");
    await expect(fileComplaint(t.db, visitorA, { dialogId: others, body: "x" })).rejects.toBeInstanceOf(NotFound);
    await expect(fileComplaint(t.db, visitorA, { body: "" })).rejects.toBeInstanceOf(Invalid);
    expect(await t.db.select().from(complaints).where(eq(complaints.dialogId, others))).toHaveLength(0);
  });
});
