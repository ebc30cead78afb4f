// POST /api/widget/session: the loader's (or the standalone chat's) visitor
// identity. A valid token resumes that visitor and records the page view;
// anything else gets a new visitor. Blocked visitors get an identity too: the
// chat refuses them when they try to start a chat (M11).
import { z } from "zod";
import { getDb, type Db } from "@/lib/db";
import { publishEvents } from "@/lib/dialogs/events";
import { Invalid } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { enforceLimit } from "@/lib/http/rate-limit";
import { errorResponse, readJson } from "@/lib/http/responses";
import { parseOrThrow } from "@/lib/validation";
import { createVisitorSession, authenticateVisitor } from "@/lib/visitors/session";
import { recordPageView } from "@/lib/visitors/tracking";
import { originRefused, widgetOriginCheck } from "../origin-check";

export const dynamic = "force-dynamic";

/** Page address, title and referrer of a long tracking URL fit well within this. */
const BODY_LIMIT = 8 * 1024;

// Tracking input from a host page is taken leniently: anything that is not a string is absent.
const loose = z.unknown().optional().transform((v) => (typeof v === "string" ? v : null));
const sessionBody = z.object({ visitorId: loose, token: loose, url: loose, title: loose, referrer: loose, language: loose });

async function pageView(db: Db, visitorId: string, b: z.output<typeof sessionBody>) {
  if (!b.url) return;
  try {
    const r = await recordPageView(db, { visitorId, url: b.url, title: b.title, referrer: b.referrer });
    await publishEvents(r.events);
  } catch (err) {
    // A page address we cannot use (not http/https, too long) must not cost the visitor the chat.
    if (!(err instanceof Invalid)) throw err;
  }
}

export async function POST(req: Request) {
  let headers: Record<string, string> = { "Cache-Control": "no-store" };
  try {
    const db = await getDb();
    const cors = await widgetOriginCheck(db, req);
    headers = cors.headers;
    if (!cors.allowed) return originRefused(headers);
    const body = parseOrThrow(sessionBody, await readJson(req, BODY_LIMIT));
    const ip = clientIp(req);

    const known = body.token ? await authenticateVisitor(db, body.token) : null;
    if (known && (!body.visitorId || body.visitorId.toLowerCase() === known.id)) {
      await enforceLimit("session", [known.id]);
      await pageView(db, known.id, body);
      return Response.json({ visitorId: known.id, token: body.token }, { headers });
    }

    await enforceLimit("session", [ip]);
    const created = await createVisitorSession(db, {
      ip,
      userAgent: req.headers.get("user-agent"),
      language: body.language,
      origin: req.headers.get("origin"),
    });
    await pageView(db, created.visitorId, body);
    return Response.json({ visitorId: created.visitorId, token: created.token }, { status: 201, headers });
  } catch (err) {
    return errorResponse(err, headers);
  }
}

export async function OPTIONS(req: Request) {
  const { allowed, headers } = await widgetOriginCheck(await getDb(), req);
  return new Response(null, { status: allowed ? 204 : 403, headers });
}
