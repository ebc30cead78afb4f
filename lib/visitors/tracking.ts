// M1 tracking: the page a visitor is on, since when, and whether they are still
// there. The heartbeat publishes nothing: at 10,000 tracked visitors that would
// be a flood; the monitor derives "online" from lastSeenAt instead.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db";
import { pageViews, visitors, type Visitor } from "../db/schema";
import { NotFound } from "../errors";
import { parseOrThrow } from "../validation";
import { monitorUpdated, type RealtimeEvent } from "../dialogs/events";
import { pageViewSchema, visitorPingSchema, type PageViewInput } from "./schemas";

export async function recordPageView(
  db: Db,
  input: PageViewInput,
): Promise<{ visitor: Visitor; pageViewId: number; events: RealtimeEvent[] }> {
  const p = parseOrThrow(pageViewSchema, input);
  const now = p.now ?? new Date();
  return db.transaction(async (tx) => {
    const [visitor] = await tx
      .update(visitors)
      .set({
        currentUrl: p.url,
        currentTitle: p.title,
        currentPageSince: now,
        pageCount: sql`${visitors.pageCount} + 1`,
        lastSeenAt: now,
        leftAt: null,
      })
      .where(eq(visitors.id, p.visitorId))
      .returning();
    if (!visitor) throw new NotFound("Visitor not found");
    await tx
      .update(pageViews)
      .set({ leftAt: now })
      .where(and(eq(pageViews.visitorId, p.visitorId), isNull(pageViews.leftAt)));
    const [view] = await tx
      .insert(pageViews)
      .values({ visitorId: p.visitorId, url: p.url, title: p.title, referrer: p.referrer, at: now })
      .returning({ id: pageViews.id });
    return { visitor, pageViewId: view!.id, events: [monitorUpdated({ visitorId: visitor.id })] };
  });
}

export async function visitorHeartbeat(db: Db, input: { visitorId: string; now?: Date }): Promise<void> {
  const p = parseOrThrow(visitorPingSchema, input);
  const now = p.now ?? new Date();
  const res = await db
    .update(visitors)
    .set({ lastSeenAt: now, leftAt: null })
    .where(eq(visitors.id, p.visitorId))
    .returning({ id: visitors.id });
  if (!res.length) throw new NotFound("Visitor not found");
}

/**
 * The page was hidden or closed (sendBeacon). The chat itself goes on: the
 * visitor is often only moving to the next page of the site.
 */
export async function markLeft(
  db: Db,
  input: { visitorId: string; now?: Date },
): Promise<{ events: RealtimeEvent[] }> {
  const p = parseOrThrow(visitorPingSchema, input);
  const now = p.now ?? new Date();
  return db.transaction(async (tx) => {
    const res = await tx
      .update(visitors)
      .set({ leftAt: now, lastSeenAt: now })
      .where(eq(visitors.id, p.visitorId))
      .returning({ id: visitors.id });
    if (!res.length) throw new NotFound("Visitor not found");
    await tx
      .update(pageViews)
      .set({ leftAt: now })
      .where(and(eq(pageViews.visitorId, p.visitorId), isNull(pageViews.leftAt)));
    return { events: [monitorUpdated({ visitorId: p.visitorId })] };
  });
}
