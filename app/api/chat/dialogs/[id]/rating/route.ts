// POST /api/chat/dialogs/:id/rating: 1–5 and an optional comment, once, after the chat ended (W5).
import { ownDialog } from "@/lib/chat/visitor-chat";
import { json, readBody, visitorRoute, onlyKeys } from "@/lib/chat/visitor-route";
import { rateDialog } from "@/lib/feedback/feedback";
import { enforceLimit } from "@/lib/http/rate-limit";

export const dynamic = "force-dynamic";

const ratingBody = onlyKeys("score", "comment");

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return visitorRoute(req, async ({ db, visitor, ip }) => {
    const dialog = await ownDialog(db, visitor.id, id);
    const body = await readBody(req, ratingBody);
    await enforceLimit("feedback", [visitor.id, ip]);
    const rating = await rateDialog(db, visitor.id, { dialogId: dialog.id, score: body.score, comment: body.comment });
    return json({ rating: { score: rating.score, comment: rating.comment } }, 201);
  });
}
