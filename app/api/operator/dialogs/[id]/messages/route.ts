// GET  /api/operator/dialogs/{id}/messages?after=SEQ: catch-up after a reconnect
//      (and the fetch behind a message event too large for the realtime channel).
// POST /api/operator/dialogs/{id}/messages {clientId, body}: send; a retry with
//      the same clientId returns the stored message.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { publishEvents } from "@/lib/dialogs/events";
import { sendMessage } from "@/lib/dialogs/messages";
import { clientIdField, messageBodyField } from "@/lib/dialogs/schemas";
import { readJson } from "@/lib/http/responses";
import { json, pathId, staffRoute } from "@/lib/http/staff-route";
import { parseOrThrow } from "@/lib/validation";
import { actorFor, dialogForReader, toMessageView, transcriptAfter } from "@/lib/workplace/workplace";

export const dynamic = "force-dynamic";

/** 5,000 characters of any script, JSON-escaped, stay well below this. */
const BODY_LIMIT = 64 * 1024;

const query = z.object({
  after: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
const body = z.object({ clientId: clientIdField, body: messageBodyField });

export function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return staffRoute(req, "dialog.serve", async (user) => {
    const id = pathId((await params).id);
    const sp = new URL(req.url).searchParams;
    const q = parseOrThrow(query, { after: sp.get("after") ?? undefined, limit: sp.get("limit") ?? undefined });
    const db = await getDb();
    const dialog = await dialogForReader(db, user, id);
    return json({ messages: await transcriptAfter(db, dialog, q.after, q.limit), lastSeq: dialog.lastSeq, state: dialog.state });
  });
}

export function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return staffRoute(req, "dialog.serve", async (user) => {
    const id = pathId((await params).id);
    const b = parseOrThrow(body, await readJson(req, BODY_LIMIT));
    const db = await getDb();
    const dialog = await dialogForReader(db, user, id);
    const r = await sendMessage(db, { dialogId: id, sender: actorFor(user, dialog), senderName: user.name, clientId: b.clientId, body: b.body });
    await publishEvents(r.events);
    return json({ message: toMessageView(r.message, user.name), created: r.created }, { status: r.created ? 201 : 200 });
  });
}
