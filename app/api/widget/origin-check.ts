// CORS for the widget API on customers' sites: only origins the admin allows
// (any until a list is set), and always the chat host itself.
import type { Db } from "@/lib/db";
import { cachedWidgetSettings } from "@/lib/settings/widget-settings";
import { corsHeaders, isOriginAllowed } from "@/lib/widget/cors";
import { publicOrigin } from "@/lib/widget/public-origin";

export async function widgetOriginCheck(db: Db, req: Request): Promise<{ allowed: boolean; headers: Record<string, string> }> {
  const origin = req.headers.get("origin");
  const { allowedOrigins } = await cachedWidgetSettings(db);
  const self = publicOrigin(req.headers, req.url);
  return {
    allowed: isOriginAllowed(origin, allowedOrigins, self),
    headers: { ...corsHeaders(origin, allowedOrigins, self), "Cache-Control": "no-store" },
  };
}

export function originRefused(headers: Record<string, string>): Response {
  return Response.json({ error: "origin_not_allowed", message: "This site may not use the chat" }, { status: 403, headers });
}
