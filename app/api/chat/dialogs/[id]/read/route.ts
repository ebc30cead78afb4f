// POST /api/chat/dialogs/:id/read {upToSeq}: the visitor has seen the staff's messages up to a seq.
import { ownDialog } from "@/lib/chat/visitor-chat";
import { json, readBody, visitorRoute, onlyKeys } from "@/lib/chat/visitor-route";
import { publishEvents } from "@/lib/dialogs/events";
import { markRead } from "@/lib/dialogs/messages";

export const dynamic = "force-dynamic";

const readBodySchema = onlyKeys("upToSeq");

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return visitorRoute(req, async ({ db, visitor }) => {
    const dialog = await ownDialog(db, visitor.id, id);
    const body = await readBody(req, readBodySchema);
    const r = await markRead(db, { dialogId: dialog.id, reader: { type: "visitor", id: visitor.id }, upToSeq: body.upToSeq as number });
    await publishEvents(r.events);
    return json({ updated: r.updated });
  });
}
