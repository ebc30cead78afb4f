import { and, gt, isNull, or, eq, type SQL } from "drizzle-orm";
import type { Db } from "../db";
import { blacklist } from "../db/schema";
import { parseOrThrow } from "../validation";
import { blockCheckSchema } from "./schemas";

/** M11: whether an active blacklist entry (not lifted, not expired) matches the visitor or the IP. */
export async function isBlocked(
  db: Db,
  input: { visitorId?: string | null; ip?: string | null; now?: Date },
): Promise<boolean> {
  const p = parseOrThrow(blockCheckSchema, input);
  const now = p.now ?? new Date();
  const who: SQL[] = [];
  if (p.visitorId) who.push(eq(blacklist.visitorId, p.visitorId));
  if (p.ip) who.push(eq(blacklist.ip, p.ip));
  if (!who.length) return false;
  const [hit] = await db
    .select({ id: blacklist.id })
    .from(blacklist)
    .where(and(or(...who), isNull(blacklist.liftedAt), or(isNull(blacklist.until), gt(blacklist.until, now))))
    .limit(1);
  return Boolean(hit);
}
