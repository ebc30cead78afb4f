// POST /api/chat/complaints: a complaint to the contact center's administrator, at any time (W5).
import { json, readBody, MESSAGE_BODY_LIMIT, visitorRoute, onlyKeys } from "@/lib/chat/visitor-route";
import { fileComplaint } from "@/lib/feedback/feedback";
import { enforceLimit } from "@/lib/http/rate-limit";

export const dynamic = "force-dynamic";

const complaintBody = onlyKeys("dialogId", "name", "email", "body");

export async function POST(req: Request) {
  return visitorRoute(req, async ({ db, visitor, ip }) => {
    const body = await readBody(req, complaintBody, MESSAGE_BODY_LIMIT);
    await enforceLimit("feedback", [visitor.id, ip]);
    const row = await fileComplaint(db, visitor.id, body);
    return json({ complaint: { id: row.id } }, 201);
  });
}
