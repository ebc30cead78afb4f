// The ACD: waiting dialogs are offered in arrival order, each to the best free
// operator with the category's skill. "Best" is: not someone who already
// refused this dialog (while anyone else can take it), then the least loaded,
// then the one idle longest — with one dialog per operator this is the classic
// longest-idle rule; with several it spreads the chats before doubling up.
import { and, asc, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../db";
import { categories, dialogEvents, dialogs, messages, userCategories, users, visitors, type Dialog, type User } from "../db/schema";
import { dialogUpdated, monitorUpdated, offerCreated, type RealtimeEvent } from "./events";
import { addSeconds, getRoutingSettings, onlineSince, type RoutingSettings } from "./settings";
import { lockDialog, lockOperator, operatorLoad, recordTransition, REFUSAL_EVENT_TYPES, updateDialog } from "./transition";

const PREVIEW_CHARS = 200;
const URL_CHARS = 500;

/** Online = ready, enabled and heard from within the heartbeat window. */
function onlineCondition(now: Date) {
  return and(eq(users.active, true), eq(users.status, "ready"), gt(users.lastHeartbeatAt, onlineSince(now)));
}

/** W3: whether anyone who serves the category is online now (busy or not). */
export async function hasOnlineOperator(db: Db, categoryId: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userCategories, and(eq(userCategories.userId, users.id), eq(userCategories.categoryId, categoryId)))
    .where(onlineCondition(now))
    .limit(1);
  return Boolean(row);
}

const loadSql = sql<number>`(select count(*)::int from ${dialogs} d
  where (d.operator_id = ${users.id} and d.state in ('active', 'on_hold'))
     or (d.offered_to_id = ${users.id} and d.state = 'offered'))`;

/**
 * The operator who gets the offer, locked, with capacity re-checked under the
 * lock (dispatchers of other categories may aim at the same person). Only the
 * first candidate is locked: if the re-check fails, the caller rolls back and
 * starts over, so a dispatcher never holds one operator while waiting for
 * another (two dispatchers doing that in opposite order would deadlock).
 */
export async function chooseOperator(tx: Db, dialog: Dialog, now: Date): Promise<User | "retry" | null> {
  const refusedAt = sql<Date | null>`(select max(e.at) from ${dialogEvents} e
    where e.dialog_id = ${dialog.id} and e.operator_id = ${users.id}
      and e.type in (${sql.join(
        REFUSAL_EVENT_TYPES.map((t) => sql`${t}`),
        sql`, `,
      )}))`;
  const [best] = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(userCategories, and(eq(userCategories.userId, users.id), eq(userCategories.categoryId, dialog.categoryId)))
    .where(and(onlineCondition(now), lt(loadSql, users.maxDialogs)))
    .orderBy(sql`${refusedAt} asc nulls first`, asc(loadSql), asc(users.idleSince), asc(users.id))
    .limit(1);
  if (!best) return null;
  const op = await lockOperator(tx, best.id);
  const fresh = op.lastHeartbeatAt && op.lastHeartbeatAt > onlineSince(now);
  if (!op.active || op.status !== "ready" || !fresh) return "retry";
  if ((await operatorLoad(tx, op.id)) >= op.maxDialogs) return "retry";
  return op;
}

/** The first waiting dialog of the category that is still waiting once locked. */
async function lockHeadOfQueue(tx: Db, categoryId: string, now: Date): Promise<Dialog | null> {
  // A head may leave the queue while we wait for its lock (the visitor left,
  // the deadline passed); then the next one is the head.
  for (let round = 0; round < 5; round++) {
    const heads = await tx
      .select({ id: dialogs.id })
      .from(dialogs)
      .where(waitingCondition(categoryId, now))
      .orderBy(asc(dialogs.queuedAt), asc(dialogs.id))
      .limit(5);
    if (!heads.length) return null;
    for (const h of heads) {
      const d = await lockDialog(tx, h.id);
      if (d.state === "queued" && (!d.queueDeadlineAt || d.queueDeadlineAt > now)) return d;
    }
  }
  return null;
}

function waitingCondition(categoryId: string, now: Date) {
  // Past their deadline, dialogs belong to the sweeper (W3 redirect), not to an operator.
  return and(
    eq(dialogs.state, "queued"),
    eq(dialogs.categoryId, categoryId),
    or(isNull(dialogs.queueDeadlineAt), gt(dialogs.queueDeadlineAt, now)),
  );
}

/** Rolls back an offer whose chosen operator changed under our feet. */
class RetryOffer extends Error {}

/** One offer in one transaction: the head of the category's queue to the best operator. */
async function offerNextInCategory(
  db: Db,
  categoryId: string,
  settings: RoutingSettings,
  now: Date,
): Promise<{ dialog: Dialog; events: RealtimeEvent[] } | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await tryOfferNextInCategory(db, categoryId, settings, now);
    } catch (e) {
      // Rare (the operator's load or status changed between the pick and the
      // lock); the next attempt sees the committed change. Give up after a few:
      // the sweeper comes back within a second.
      if (!(e instanceof RetryOffer)) throw e;
      if (attempt >= 5) return null;
    }
  }
}

async function tryOfferNextInCategory(
  db: Db,
  categoryId: string,
  settings: RoutingSettings,
  now: Date,
): Promise<{ dialog: Dialog; events: RealtimeEvent[] } | null> {
  return db.transaction(async (tx) => {
    // The category lock makes dispatch per category strictly first come, first served.
    const [category] = await tx.select().from(categories).where(eq(categories.id, categoryId)).for("no key update");
    if (!category) return null;
    const head = await lockHeadOfQueue(tx, categoryId, now);
    if (!head) return null;
    const op = await chooseOperator(tx, head, now);
    if (op === "retry") throw new RetryOffer();
    if (!op) return null;
    const attempt = head.offerCount + 1;
    const expiresAt = addSeconds(now, category.offerTimeoutSec ?? settings.offerTimeoutSec);
    const dialog = await updateDialog(tx, head.id, now, {
      state: "offered",
      offeredToId: op.id,
      offerExpiresAt: expiresAt,
      offeredAt: head.offeredAt ?? now,
      offerCount: attempt,
    });
    await recordTransition(tx, {
      dialogId: dialog.id,
      type: "offered",
      from: "queued",
      to: "offered",
      actorType: "system",
      operatorId: op.id,
      data: { attempt, expiresAt: expiresAt.toISOString() },
      at: now,
    });
    // What the ringing card shows: who, where, and the visitor's last words, in one query.
    const [visitor] = await tx
      .select({
        name: visitors.name,
        url: visitors.currentUrl,
        browser: visitors.browser,
        preview: sql<string | null>`(select m.body from ${messages} m
          where m.dialog_id = ${dialog.id} and m.sender_type = 'visitor' order by m.seq desc limit 1)`,
      })
      .from(visitors)
      .where(eq(visitors.id, dialog.visitorId));
    const last = visitor?.preview != null ? { body: visitor.preview } : null;
    const events: RealtimeEvent[] = [
      offerCreated(op.id, {
        dialogId: dialog.id,
        expiresAt: expiresAt.toISOString(),
        attempt,
        categoryId: category.id,
        categoryName: category.name,
        ...(visitor?.name ? { visitorName: visitor.name } : {}),
        visitorPage: visitor?.url ? visitor.url.slice(0, URL_CHARS) : null,
        visitorBrowser: visitor?.browser ?? null,
        ...(last ? { preview: last.body.slice(0, PREVIEW_CHARS) } : {}),
      }),
      dialogUpdated(dialog),
      monitorUpdated({ dialogId: dialog.id }),
    ];
    return { dialog, events };
  });
}

export interface AssignResult {
  offered: Dialog[];
  events: RealtimeEvent[];
}

/**
 * Offers waiting dialogs until no category can place one more. Each offer is
 * its own transaction, so call this with the database, after the transition
 * that freed an operator or queued a dialog has committed.
 */
export async function assignWaitingDialogs(
  db: Db,
  params: { categoryIds?: string[]; now?: Date; settings?: RoutingSettings } = {},
): Promise<AssignResult> {
  const result: AssignResult = { offered: [], events: [] };
  if (params.categoryIds && params.categoryIds.length === 0) return result;
  const now = params.now ?? new Date();
  const settings = params.settings ?? (await getRoutingSettings(db));
  const waiting = await db
    .selectDistinct({ categoryId: dialogs.categoryId })
    .from(dialogs)
    .where(
      and(
        eq(dialogs.state, "queued"),
        params.categoryIds ? inArray(dialogs.categoryId, params.categoryIds) : undefined,
      ),
    );
  for (const { categoryId } of waiting) {
    await inCategoryTurn(categoryId, async () => {
      // Bounded so that one call cannot spin forever; the sweeper picks up the rest.
      for (let i = 0; i < 1000; i++) {
        const r = await offerNextInCategory(db, categoryId, settings, now);
        if (!r) break;
        result.offered.push(r.dialog);
        result.events.push(...r.events);
      }
    });
  }
  return result;
}

const TURNS = Symbol.for("webchat.dispatch.turns");
type TurnHolder = { [TURNS]?: Map<string, Promise<void>> };

/**
 * Runs `fn` when this process's earlier dispatches of the category are done.
 * The category row lock already serializes dispatch in the database; waiting
 * here first means a burst of new chats queues up in memory instead of in
 * PostgreSQL, where every waiter would hold a pooled connection and starve
 * every other request. Other processes still meet at the row lock. On
 * globalThis because server.ts and the Next.js bundle load separate copies.
 */
async function inCategoryTurn(categoryId: string, fn: () => Promise<void>): Promise<void> {
  const turns = ((globalThis as TurnHolder)[TURNS] ??= new Map());
  const before = turns.get(categoryId) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const tail = before.then(() => mine);
  turns.set(categoryId, tail);
  await before;
  try {
    await fn();
  } finally {
    release();
    if (turns.get(categoryId) === tail) turns.delete(categoryId);
  }
}

/** The categories an operator serves, for dispatch after they become free. */
export async function skillIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: userCategories.categoryId })
    .from(userCategories)
    .where(eq(userCategories.userId, userId));
  return rows.map((r) => r.id);
}
