// POST /api/operator/status {status}: ready / away / offline, like a phone agent.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { publishEvents } from "@/lib/dialogs/events";
import { setOperatorStatus } from "@/lib/dialogs/operator-status";
import { readJson } from "@/lib/http/responses";
import { json, staffRoute } from "@/lib/http/staff-route";
import { parseOrThrow } from "@/lib/validation";

export const dynamic = "force-dynamic";

const body = z.object({ status: z.enum(["ready", "away", "offline"], { message: "Choose ready, away or offline" }) });

export function POST(req: Request) {
  return staffRoute(req, "dialog.serve", async (user) => {
    const { status } = parseOrThrow(body, await readJson(req, 1024));
    const r = await setOperatorStatus(await getDb(), { userId: user.id, status });
    await publishEvents(r.events);
    return json({ status: r.user.status, statusSince: r.user.statusSince.toISOString() });
  });
}
