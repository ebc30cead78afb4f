import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../db";
import { categories, dialogs, userCategories, users, visitors } from "../db/schema";

const ONLINE_WINDOW_MS = 60_000;

/** The supervisor's headline counters (M1). */
export async function monitorCounters(db: Db, now = new Date()) {
  const since = new Date(now.getTime() - ONLINE_WINDOW_MS);
  const [v] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(visitors)
    .where(and(gt(visitors.lastSeenAt, since), isNull(visitors.leftAt)));
  const byState = await db
    .select({ state: dialogs.state, n: sql<number>`count(*)::int` })
    .from(dialogs)
    .where(inArray(dialogs.state, ["queued", "offered", "active", "on_hold"]))
    .groupBy(dialogs.state);
  const [ready] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.status, "ready"), eq(users.active, true)));
  const count = (s: string) => Number(byState.find((r) => r.state === s)?.n ?? 0);
  return {
    visitorsOnline: Number(v?.n ?? 0),
    queued: count("queued") + count("offered"),
    active: count("active") + count("on_hold"),
    operatorsReady: Number(ready?.n ?? 0),
  };
}

/** Staff who take dialogs, with their status and load. */
export async function operatorBoard(db: Db) {
  return db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      status: users.status,
      statusSince: users.statusSince,
      maxDialogs: users.maxDialogs,
      load: sql<number>`(select count(*)::int from ${dialogs} d where d.operator_id = ${users.id} and d.state in ('active','on_hold'))`,
    })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ["operator", "supervisor"])))
    .orderBy(users.name);
}

/** The categories an operator serves, for the workplace header. */
export async function skillsOf(db: Db, userId: string) {
  return db
    .select({ id: categories.id, name: categories.name, kind: categories.kind })
    .from(userCategories)
    .innerJoin(categories, eq(categories.id, userCategories.categoryId))
    .where(and(eq(userCategories.userId, userId), isNull(categories.archivedAt)))
    .orderBy(categories.sortOrder);
}
