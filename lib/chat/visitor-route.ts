// The plumbing every /api/chat route shares: the visitor behind the
// X-Visitor-Token header, bounded and schema-checked bodies, and one mapping
// of domain errors to HTTP answers.
import { z } from "zod";
import { getDb, type Db } from "../db";
import type { Visitor } from "../db/schema";
import { Unauthorized } from "../errors";
import { clientIp } from "../http/client-ip";
import { errorResponse, readJson } from "../http/responses";
import { parseOrThrow } from "../validation";
import { visitorFromRequest } from "../visitors/request";

/** Bodies of the chat API; a message body is 5,000 characters, up to 3 bytes each in UTF-8, plus JSON escapes. */
export const BODY_LIMIT = 16 * 1024;
export const MESSAGE_BODY_LIMIT = 32 * 1024;

const NO_STORE = { "Cache-Control": "no-store" };

export interface VisitorContext {
  db: Db;
  visitor: Visitor;
  ip: string | null;
}

export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: NO_STORE });
}

/** Runs `fn` for an authenticated visitor: 401 without a valid token, domain errors as their status. */
export async function visitorRoute(req: Request, fn: (ctx: VisitorContext) => Promise<Response>): Promise<Response> {
  try {
    const db = await getDb();
    const visitor = await visitorFromRequest(db, req);
    if (!visitor) throw new Unauthorized("Your chat session is not valid");
    return await fn({ db, visitor, ip: clientIp(req) });
  } catch (err) {
    return errorResponse(err, NO_STORE);
  }
}

/**
 * The JSON body within `limit` bytes (413 above it, 422 when malformed),
 * parsed by `schema`; unknown keys are dropped by zod's default object mode.
 */
export async function readBody<S extends z.ZodType>(req: Request, schema: S, limit = BODY_LIMIT): Promise<z.output<S>> {
  return parseOrThrow(schema, await readJson(req, limit));
}

/**
 * A body schema that keeps only `keys`, as unchecked values for the domain
 * function to validate: whatever else the client sends (a status, an operator
 * id, a seq) never gets further than this.
 */
export function onlyKeys<K extends string>(...keys: K[]) {
  return z.object(Object.fromEntries(keys.map((k) => [k, z.unknown().optional()])) as Record<K, z.ZodOptional<z.ZodUnknown>>);
}
