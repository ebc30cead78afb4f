// POST /api/chat/offline: the W3 e-mail form. Stored first (the admin's inbox),
// then mailed to the category's mailbox after the answer, best effort.
import { after } from "next/server";
import { json, readBody, MESSAGE_BODY_LIMIT, visitorRoute, onlyKeys } from "@/lib/chat/visitor-route";
import { deliverOfflineMessage, submitOfflineMessage } from "@/lib/feedback/feedback";
import { enforceLimit } from "@/lib/http/rate-limit";

export const dynamic = "force-dynamic";

const offlineBody = onlyKeys("categoryId", "dialogId", "name", "email", "body");

export async function POST(req: Request) {
  return visitorRoute(req, async ({ db, visitor, ip }) => {
    const body = await readBody(req, offlineBody, MESSAGE_BODY_LIMIT);
    await enforceLimit("offline", [visitor.id, ip]);
    const row = await submitOfflineMessage(db, visitor.id, body);
    after(async () => {
      try {
        await deliverOfflineMessage(db, row.id);
      } catch (err) {
        console.error("offline message delivery failed", row.id, err);
      }
    });
    return json({ offlineMessage: { id: row.id } }, 201);
  });
}
