// POST /api/operator/dialogs/{id}/close: the operator ends their dialog
// (a supervisor may end any, as a supervisor).
import { getDb } from "@/lib/db";
import { closeDialog } from "@/lib/dialogs/close";
import { publishEvents } from "@/lib/dialogs/events";
import { readJson } from "@/lib/http/responses";
import { json, pathId, staffRoute } from "@/lib/http/staff-route";
import { actorFor, dialogForReader } from "@/lib/workplace/workplace";

export const dynamic = "force-dynamic";

export function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return staffRoute(req, "dialog.serve", async (user) => {
    const id = pathId((await params).id);
    await readJson(req, 1024);
    const db = await getDb();
    const dialog = await dialogForReader(db, user, id);
    const r = await closeDialog(db, { dialogId: id, actor: actorFor(user, dialog) });
    await publishEvents(r.events);
    return json({ dialog: { id: r.dialog.id, state: r.dialog.state, outcome: r.dialog.outcome } });
  });
}
