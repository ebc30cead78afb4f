// GET|POST /api/cron/sweep: the timers (offer expiry, holds, queue limits, lost
// heartbeats) for deployments without a long-lived process, e.g. Vercel Cron,
// which sends `Authorization: Bearer ${CRON_SECRET}`. sweep() is idempotent,
// so this may run beside the in-process sweeper or on several instances.
import crypto from "node:crypto";
import { getDb } from "@/lib/db";
import { publishEvents } from "@/lib/dialogs/events";
import { sweep } from "@/lib/dialogs/sweep";
import { errorResponse } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

function json(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(data, { status: init.status, headers: { ...NO_STORE, ...init.headers } });
}

function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison time says nothing about the secret.
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

async function run(req: Request): Promise<Response> {
  const secret = process.env.CRON_SECRET?.trim();
  if (!secret) return json({ error: "not_configured", message: "CRON_SECRET is not set" }, { status: 503 });
  const header = req.headers.get("authorization") ?? "";
  const given = header.startsWith("Bearer ") ? header.slice(7) : "";
  if (!given || !sameSecret(given, secret)) {
    return json({ error: "unauthorized", message: "A valid cron secret is required" }, { status: 401, headers: { "www-authenticate": "Bearer" } });
  }
  try {
    const { events, ...counts } = await sweep(await getDb());
    await publishEvents(events);
    return json({ ok: true, ...counts, events: events.length });
  } catch (err) {
    return errorResponse(err, NO_STORE);
  }
}

export const GET = run;
export const POST = run;
