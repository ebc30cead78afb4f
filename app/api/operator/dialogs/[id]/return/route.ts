// POST /api/operator/dialogs/{id}/return (M8): back to the queue, where the
// first free operator takes it.
import { getDb } from "@/lib/db";
import { publishEvents } from "@/lib/dialogs/events";
import { returnToQueue } from "@/lib/dialogs/hold";
import { readJson } from "@/lib/http/responses";
import { Forbidden } from "@/lib/errors";
import { json, pathId, staffRoute } from "@/lib/http/staff-route";
import { dialogForReader } from "@/lib/workplace/workplace";

export const dynamic = "force-dynamic";

export function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return staffRoute(req, "dialog.serve", async (user) => {
    const id = pathId((await params).id);
    await readJson(req, 1024);
    const db = await getDb();
    const dialog = await dialogForReader(db, user, id);
    if (dialog.operatorId !== user.id) throw new Forbidden("This chat is not yours");
    const r = await returnToQueue(db, { dialogId: id, operatorId: user.id });
    await publishEvents(r.events);
    return json({ dialog: { id: r.dialog.id, state: r.dialog.state } });
  });
}
