import { currentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { assertMaySubscribe } from "@/lib/realtime/authorize";
import { pusherServer } from "@/lib/realtime/publish";
import { errorResponse, readForm } from "@/lib/http/responses";
import { visitorFromRequest } from "@/lib/visitors/request";

// pusher-js posts socket_id and channel_name here for every private channel.
export async function POST(req: Request) {
  try {
    const form = await readForm(req, 4096);
    const db = await getDb();
    const [staff, visitor] = await Promise.all([currentUser(), visitorFromRequest(db, req)]);
    const { socketId, channel } = await assertMaySubscribe(db, form.get("socket_id"), form.get("channel_name"), {
      staff,
      visitorId: visitor?.id ?? null,
    });
    return Response.json(pusherServer().authorizeChannel(socketId, channel), { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse(err);
  }
}
