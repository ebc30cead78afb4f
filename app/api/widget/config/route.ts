// GET /api/widget/config: the widget's look for the loader on a customer's page.
import { getDb } from "@/lib/db";
import { cachedWidgetSettings, publicWidgetConfig } from "@/lib/settings/widget-settings";
import { corsHeaders, isOriginAllowed } from "@/lib/widget/cors";
import { publicOrigin } from "@/lib/widget/public-origin";

export const dynamic = "force-dynamic";

async function originCheck(req: Request) {
  const origin = req.headers.get("origin");
  const { allowedOrigins, ...settings } = await cachedWidgetSettings(await getDb());
  const self = publicOrigin(req.headers, req.url);
  return {
    allowed: isOriginAllowed(origin, allowedOrigins, self),
    headers: corsHeaders(origin, allowedOrigins, self),
    settings: { ...settings, allowedOrigins },
  };
}

export async function GET(req: Request) {
  const { allowed, headers, settings } = await originCheck(req);
  if (!allowed) {
    return Response.json({ error: "origin_not_allowed" }, { status: 403, headers: { ...headers, "Cache-Control": "no-store" } });
  }
  // Short: an admin's change reaches every site within a minute.
  return Response.json(publicWidgetConfig(settings), {
    headers: { ...headers, "Cache-Control": "public, max-age=60" },
  });
}

export async function OPTIONS(req: Request) {
  const { allowed, headers } = await originCheck(req);
  return new Response(null, { status: allowed ? 204 : 403, headers });
}
