// POST /api/chat/dialogs: the visitor asks for a chat in a category, with an
// optional first message. No operator online → {outcome: "offline"} and the
// chat offers the e-mail form (W3); a blocked visitor → 403 (M11).
import { dialogView, queueView } from "@/lib/chat/visitor-chat";
import { json, MESSAGE_BODY_LIMIT, onlyKeys, readBody, visitorRoute } from "@/lib/chat/visitor-route";
import { publishEvents, toRealtimeMessage } from "@/lib/dialogs/events";
import type { StartDialogInput } from "@/lib/dialogs/schemas";
import { startDialog } from "@/lib/dialogs/start-dialog";
import { Invalid, NotFound } from "@/lib/errors";
import { enforceLimit } from "@/lib/http/rate-limit";

export const dynamic = "force-dynamic";

// The visitor and the IP come from the request, never from the body.
const startBody = onlyKeys("categoryId", "name", "phone", "email", "text", "clientId");

export async function POST(req: Request) {
  return visitorRoute(req, async ({ db, visitor, ip }) => {
    const body = await readBody(req, startBody, MESSAGE_BODY_LIMIT);
    await enforceLimit("dialog", [visitor.id, ip]);
    // startDialog validates every field itself; the cast only hands it the unknown values.
    const input = { ...body, visitorId: visitor.id, ip } as StartDialogInput;
    const r = await startDialog(db, input).catch((err) => {
      // The visitor is authenticated, so "not found" here can only be the category.
      if (err instanceof NotFound) throw new Invalid("This category does not exist", { categoryId: ["Choose another category"] });
      throw err;
    });
    await publishEvents(r.events);
    if (r.outcome === "offline") return json({ outcome: "offline" });
    const [dialog, queue] = await Promise.all([dialogView(db, r.dialog), queueView(db, r.dialog)]);
    return json(
      { outcome: r.outcome, dialog, message: r.message ? toRealtimeMessage(r.message) : null, queue },
      r.outcome === "started" ? 201 : 200,
    );
  });
}
