// POST /api/operator/dialogs/{id}/read {seq}: the visitor's messages up to seq were read.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { publishEvents } from "@/lib/dialogs/events";
import { markRead } from "@/lib/dialogs/messages";
import { readJson } from "@/lib/http/responses";
import { json, pathId, staffRoute } from "@/lib/http/staff-route";
import { parseOrThrow } from "@/lib/validation";
import { actorFor, dialogForReader } from "@/lib/workplace/workplace";

export const dynamic = "force-dynamic";

const body = z.object({ seq: z.number().int().min(0).max(2_147_483_647) });

export function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return staffRoute(req, "dialog.serve", async (user) => {
    const id = pathId((await params).id);
    const { seq } = parseOrThrow(body, await readJson(req, 1024));
    const db = await getDb();
    const dialog = await dialogForReader(db, user, id);
    const r = await markRead(db, { dialogId: id, reader: actorFor(user, dialog), upToSeq: seq });
    await publishEvents(r.events);
    return json({ updated: r.updated });
  });
}
