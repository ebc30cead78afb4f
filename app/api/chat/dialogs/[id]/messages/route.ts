// POST /api/chat/dialogs/:id/messages: the visitor writes; a retry with the
// same clientId returns the stored message. GET ?after=SEQ: catch-up.
import { z } from "zod";
import { ownDialog, visitorMessages } from "@/lib/chat/visitor-chat";
import { json, readBody, MESSAGE_BODY_LIMIT, visitorRoute } from "@/lib/chat/visitor-route";
import { publishEvents, toRealtimeMessage } from "@/lib/dialogs/events";
import { sendMessage } from "@/lib/dialogs/messages";
import { clientIdField, messageBodyField } from "@/lib/dialogs/schemas";
import { enforceLimit } from "@/lib/http/rate-limit";
import { parseOrThrow } from "@/lib/validation";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

const sendBody = z.object({ clientId: clientIdField, body: messageBodyField });
const afterQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(200),
});

export async function POST(req: Request, { params }: Params) {
  const { id } = await params;
  return visitorRoute(req, async ({ db, visitor, ip }) => {
    const dialog = await ownDialog(db, visitor.id, id);
    const body = await readBody(req, sendBody, MESSAGE_BODY_LIMIT);
    await enforceLimit("message", [visitor.id, ip]);
    const r = await sendMessage(db, {
      dialogId: dialog.id,
      sender: { type: "visitor", id: visitor.id },
      senderName: visitor.name,
      clientId: body.clientId,
      body: body.body,
    });
    await publishEvents(r.events);
    return json({ message: toRealtimeMessage(r.message), created: r.created }, r.created ? 201 : 200);
  });
}

export async function GET(req: Request, { params }: Params) {
  const { id } = await params;
  return visitorRoute(req, async ({ db, visitor }) => {
    const dialog = await ownDialog(db, visitor.id, id);
    const q = new URL(req.url).searchParams;
    const { after, limit } = parseOrThrow(afterQuery, { after: q.get("after") ?? undefined, limit: q.get("limit") ?? undefined });
    const messages = await visitorMessages(db, dialog.id, after, limit);
    return json({ messages, more: messages.length === limit });
  });
}
