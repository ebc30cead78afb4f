// Visitor identity: a random id plus a 256-bit secret. Only the secret's hash
// is stored, so a database leak does not let anyone speak as a visitor.
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../db";
import { visitors, type Visitor } from "../db/schema";
import { isUuid } from "../realtime/channels";
import { parseOrThrow } from "../validation";
import { createSessionSchema, type CreateSessionInput } from "./schemas";
import { parseUserAgent } from "./user-agent";

/** `${visitorId}.${secret}`, kept by the widget in the site's own storage. */
export type VisitorToken = string;

const SECRET_RE = /^[A-Za-z0-9_-]{43}$/;

function hashSecret(secret: string): string {
  return crypto.createHash("sha256").update(secret).digest("hex");
}

export async function createVisitorSession(
  db: Db,
  input: CreateSessionInput,
): Promise<{ visitorId: string; token: VisitorToken; visitor: Visitor }> {
  const p = parseOrThrow(createSessionSchema, input);
  const now = p.now ?? new Date();
  const id = crypto.randomUUID();
  const secret = crypto.randomBytes(32).toString("base64url");
  const ua = parseUserAgent(p.userAgent);
  const [visitor] = await db
    .insert(visitors)
    .values({
      id,
      tokenHash: hashSecret(secret),
      ip: p.ip,
      userAgent: p.userAgent,
      browser: ua.browser,
      os: ua.os,
      device: ua.device,
      language: p.language,
      origin: p.origin,
      firstSeenAt: now,
      lastSeenAt: now,
    })
    .returning();
  return { visitorId: id, token: `${id}.${secret}`, visitor: visitor! };
}

/** The visitor behind a token, or null for a malformed, forged or unknown token. */
export async function authenticateVisitor(db: Db, token: unknown): Promise<Visitor | null> {
  if (typeof token !== "string" || token.length > 100) return null;
  const dot = token.indexOf(".");
  if (dot < 0) return null;
  const id = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  if (!isUuid(id) || !SECRET_RE.test(secret)) return null;
  const [visitor] = await db.select().from(visitors).where(eq(visitors.id, id.toLowerCase()));
  if (!visitor) return null;
  const expected = Buffer.from(visitor.tokenHash, "hex");
  const actual = Buffer.from(hashSecret(secret), "hex");
  if (expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual)) return null;
  return visitor;
}
