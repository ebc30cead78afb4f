// GET /api/operator/dialogs/{id}: the dialog, its transcript (internal notes
// included) and the visitor's details; only for its operator or a supervisor.
import { getDb } from "@/lib/db";
import { json, pathId, staffRoute } from "@/lib/http/staff-route";
import { loadDialogView } from "@/lib/workplace/workplace";

export const dynamic = "force-dynamic";

export function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return staffRoute(req, "dialog.serve", async (user) => {
    const id = pathId((await params).id);
    return json(await loadDialogView(await getDb(), user, id));
  });
}
