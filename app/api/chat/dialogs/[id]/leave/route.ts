// POST /api/chat/dialogs/:id/leave: the visitor leaves the queue (the dialog
// ends as abandoned) or ends the chat with the operator.
import { dialogView, ownDialog } from "@/lib/chat/visitor-chat";
import { json, visitorRoute } from "@/lib/chat/visitor-route";
import { closeDialog } from "@/lib/dialogs/close";
import { publishEvents } from "@/lib/dialogs/events";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return visitorRoute(req, async ({ db, visitor }) => {
    const dialog = await ownDialog(db, visitor.id, id);
    const r = await closeDialog(db, { dialogId: dialog.id, actor: { type: "visitor", id: visitor.id } });
    await publishEvents(r.events);
    return json({ dialog: await dialogView(db, r.dialog) });
  });
}
