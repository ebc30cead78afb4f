// POST /api/operator/offers/{dialogId}/accept {attempt?}: answers a ringing
// chat; 409 when someone else has it or the offer is over.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { acceptOffer } from "@/lib/dialogs/accept";
import { publishEvents } from "@/lib/dialogs/events";
import { readJson } from "@/lib/http/responses";
import { json, pathId, staffRoute } from "@/lib/http/staff-route";
import { parseOrThrow } from "@/lib/validation";

export const dynamic = "force-dynamic";

const body = z.object({ attempt: z.number().int().positive().optional() });

export function POST(req: Request, { params }: { params: Promise<{ dialogId: string }> }) {
  return staffRoute(req, "dialog.serve", async (user) => {
    const dialogId = pathId((await params).dialogId);
    const { attempt } = parseOrThrow(body, await readJson(req, 1024));
    const r = await acceptOffer(await getDb(), { dialogId, operatorId: user.id, attempt });
    await publishEvents(r.events);
    return json({ dialog: { id: r.dialog.id, state: r.dialog.state, lastSeq: r.dialog.lastSeq } });
  });
}
