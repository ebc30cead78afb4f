// GET /api/operator/workplace: my status, what rings for me, my open dialogs.
import { getDb } from "@/lib/db";
import { json, staffRoute } from "@/lib/http/staff-route";
import { loadWorkplace } from "@/lib/workplace/workplace";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return staffRoute(req, "dialog.serve", async (user) => json(await loadWorkplace(await getDb(), user.id)));
}
