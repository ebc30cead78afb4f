// POST /api/widget/track: page views, heartbeats and leaving (sendBeacon) for
// the live monitor (M1). text/plain JSON, so browsers send it without a preflight.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { publishEvents } from "@/lib/dialogs/events";
import { Unauthorized } from "@/lib/errors";
import { errorResponse, readJson } from "@/lib/http/responses";
import { parseOrThrow } from "@/lib/validation";
import { authenticateVisitor } from "@/lib/visitors/session";
import { markLeft, recordPageView, visitorHeartbeat } from "@/lib/visitors/tracking";
import { originRefused, widgetOriginCheck } from "../origin-check";

export const dynamic = "force-dynamic";

const BODY_LIMIT = 8 * 1024;

const loose = z.unknown().optional().transform((v) => (typeof v === "string" ? v : null));
const trackBody = z.object({
  token: loose,
  type: z.enum(["pageview", "heartbeat", "leave"], { message: "type must be pageview, heartbeat or leave" }),
  url: loose,
  title: loose,
  referrer: loose,
});

export async function POST(req: Request) {
  let headers: Record<string, string> = { "Cache-Control": "no-store" };
  try {
    const db = await getDb();
    const cors = await widgetOriginCheck(db, req);
    headers = cors.headers;
    if (!cors.allowed) return originRefused(headers);
    const body = parseOrThrow(trackBody, await readJson(req, BODY_LIMIT));
    const visitor = await authenticateVisitor(db, body.token);
    if (!visitor) throw new Unauthorized("Unknown visitor token");

    if (body.type === "pageview") {
      const r = await recordPageView(db, { visitorId: visitor.id, url: body.url ?? "", title: body.title, referrer: body.referrer });
      await publishEvents(r.events);
    } else if (body.type === "heartbeat") {
      await visitorHeartbeat(db, { visitorId: visitor.id });
    } else {
      await publishEvents((await markLeft(db, { visitorId: visitor.id })).events);
    }
    return new Response(null, { status: 204, headers });
  } catch (err) {
    return errorResponse(err, headers);
  }
}

export async function OPTIONS(req: Request) {
  const { allowed, headers } = await widgetOriginCheck(await getDb(), req);
  return new Response(null, { status: allowed ? 204 : 403, headers });
}
