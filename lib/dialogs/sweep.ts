// The timers (DESIGN §3): offer expiry, hold expiry, queue wait limit and lost
// heartbeats are deadline columns, handled here. Every row is handled in its
// own transaction after a `FOR NO KEY UPDATE SKIP LOCKED` pick, so any number
// of instances may sweep at once, and a second run finds nothing left to do.
import { and, asc, eq, isNull, lt, lte, ne, or } from "drizzle-orm";
import type { Db } from "../db";
import { dialogs, users, type Dialog } from "../db/schema";
import { parseOrThrow } from "../validation";
import { assignWaitingDialogs } from "./assign";
import { finishDialog } from "./close";
import { returnOfferToQueue } from "./decline";
import { operatorStatusChanged, type RealtimeEvent } from "./events";
import { requeueHeldDialog } from "./hold";
import { withdrawPendingOffers } from "./operator-status";
import { sweepSchema, type SweepInput } from "./schemas";
import { getRoutingSettings, onlineSince, type RoutingSettings } from "./settings";
import { lockOperator } from "./transition";

export interface SweepResult {
  operatorsOffline: number;
  offersExpired: number;
  operatorsAway: number;
  holdsExpired: number;
  queueTimeouts: number;
  offered: number;
  events: RealtimeEvent[];
}

type DueKind = "offer" | "hold" | "queue";

function dueCondition(kind: DueKind, now: Date) {
  if (kind === "offer") return and(eq(dialogs.state, "offered"), lte(dialogs.offerExpiresAt, now));
  if (kind === "hold") return and(eq(dialogs.state, "on_hold"), lte(dialogs.holdExpiresAt, now));
  return and(eq(dialogs.state, "queued"), lte(dialogs.queueDeadlineAt, now));
}

function dueOrder(kind: DueKind) {
  if (kind === "offer") return asc(dialogs.offerExpiresAt);
  if (kind === "hold") return asc(dialogs.holdExpiresAt);
  return asc(dialogs.queueDeadlineAt);
}

/** Handles due dialogs of one kind, one transaction each, until none is left or the batch is used up. */
async function forEachDue<T>(
  db: Db,
  kind: DueKind,
  now: Date,
  batchSize: number,
  handle: (tx: Db, d: Dialog) => Promise<T>,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < batchSize; i++) {
    const r = await db.transaction(async (tx) => {
      const [d] = await tx
        .select()
        .from(dialogs)
        .where(dueCondition(kind, now))
        .orderBy(dueOrder(kind))
        .limit(1)
        .for("no key update", { skipLocked: true });
      return d ? { value: await handle(tx, d) } : null;
    });
    if (!r) break;
    out.push(r.value);
  }
  return out;
}

async function markSilentOperatorsOffline(db: Db, now: Date): Promise<string[]> {
  const since = onlineSince(now);
  const silent = or(isNull(users.lastHeartbeatAt), lt(users.lastHeartbeatAt, since));
  const candidates = await db
    .select({ id: users.id })
    .from(users)
    .where(and(ne(users.status, "offline"), silent));
  const changed: string[] = [];
  // One statement per operator: a multi-row UPDATE would lock operators in an
  // arbitrary order and could deadlock with a dispatcher.
  for (const { id } of candidates) {
    const [row] = await db
      .update(users)
      .set({ status: "offline", statusSince: now, updatedAt: now })
      .where(and(eq(users.id, id), ne(users.status, "offline"), silent))
      .returning({ id: users.id });
    if (row) changed.push(row.id);
  }
  return changed;
}

async function expireOffer(tx: Db, d: Dialog, settings: RoutingSettings, now: Date) {
  const r = await returnOfferToQueue(tx, d, { reason: "expired", actorType: "system", now });
  const op = await lockOperator(tx, d.offeredToId!);
  const missed = op.missedOffers + 1;
  // Like a phone agent who lets calls ring out: after N in a row, not ready.
  const setAway = missed >= settings.maxMissedOffers && op.status === "ready";
  await tx
    .update(users)
    .set({ missedOffers: missed, updatedAt: now, ...(setAway ? { status: "away" as const, statusSince: now } : {}) })
    .where(eq(users.id, op.id));
  const events = setAway ? [...r.events, ...operatorStatusChanged(op.id, "away", "missed_offers")] : r.events;
  return { events, awayId: setAway ? op.id : null };
}

export async function sweep(db: Db, input: SweepInput = {}): Promise<SweepResult> {
  const p = parseOrThrow(sweepSchema, input);
  const now = p.now ?? new Date();
  const settings = await getRoutingSettings(db);
  const events: RealtimeEvent[] = [];

  const offline = await markSilentOperatorsOffline(db, now);
  for (const id of offline) events.push(...operatorStatusChanged(id, "offline", "heartbeat"));

  const expired = await forEachDue(db, "offer", now, p.batchSize, (tx, d) => expireOffer(tx, d, settings, now));
  for (const e of expired) events.push(...e.events);
  const away = expired.flatMap((e) => (e.awayId ? [e.awayId] : []));

  // Offers still ringing for operators who just went offline or away.
  const withdrawn = await withdrawPendingOffers(db, [...offline, ...away], { reason: "cancelled", now });
  events.push(...withdrawn.events);

  const holds = await forEachDue(db, "hold", now, p.batchSize, (tx, d) =>
    requeueHeldDialog(tx, d, { type: "hold_expired", actorType: "system", now }),
  );
  for (const h of holds) events.push(...h.events);

  // W3: never dropped silently; the visitor's chat shows the e-mail form on this outcome.
  const timeouts = await forEachDue(db, "queue", now, p.batchSize, (tx, d) =>
    finishDialog(tx, d, { outcome: "offline_redirect", type: "queue_timeout", actorType: "system", now }),
  );
  for (const t of timeouts) events.push(...t.events);

  const assigned = await assignWaitingDialogs(db, { now, settings });
  events.push(...assigned.events);

  return {
    operatorsOffline: offline.length,
    offersExpired: expired.length,
    operatorsAway: away.length,
    holdsExpired: holds.length,
    queueTimeouts: timeouts.length,
    offered: assigned.offered.length,
    events,
  };
}
