// GET /api/chat/state: what the chat app shows on load — the visitor's dialog,
// its messages and queue place, the categories to choose from, the look.
import { listVisitorCategories } from "@/lib/categories/categories";
import { visitorChatState } from "@/lib/chat/visitor-chat";
import { json, visitorRoute } from "@/lib/chat/visitor-route";
import { getWidgetSettings, publicWidgetConfig } from "@/lib/settings/widget-settings";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return visitorRoute(req, async ({ db, visitor, ip }) => {
    const [state, categories, settings] = await Promise.all([
      visitorChatState(db, visitor, { ip }),
      listVisitorCategories(db),
      getWidgetSettings(db),
    ]);
    return json({ ...state, categories, look: publicWidgetConfig(settings) });
  });
}
