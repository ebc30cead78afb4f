// POST /api/operator/heartbeat: the open workplace says it is alive every 15 s;
// a browser that stops is marked offline by the sweeper.
import { getDb } from "@/lib/db";
import { operatorHeartbeat } from "@/lib/dialogs/operator-status";
import { readJson } from "@/lib/http/responses";
import { json, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export function POST(req: Request) {
  return staffRoute(req, "dialog.serve", async (user) => {
    await readJson(req, 1024);
    const r = await operatorHeartbeat(await getDb(), { userId: user.id });
    return json({ status: r.status, now: new Date().toISOString() });
  });
}
