// The visitor's view of the queue: where they are, roughly how long it takes,
// and leaving it.
import { and, desc, eq, gt, inArray, isNotNull, or, lt, sql } from "drizzle-orm";
import type { Db } from "../db";
import { dialogs, userCategories, users, type Dialog } from "../db/schema";
import { Conflict, Forbidden, NotFound } from "../errors";
import { parseOrThrow } from "../validation";
import { finishDialog, refill } from "./close";
import type { RealtimeEvent } from "./events";
import { queuePositionSchema, visitorDialogSchema, type QueuePositionInput, type VisitorDialogInput } from "./schemas";
import { onlineSince } from "./settings";
import { lockDialog } from "./transition";

/** Used while a category has no answered dialogs to learn from. */
export const FALLBACK_WAIT_SEC = 30;
const HISTORY_WINDOW_MS = 24 * 3600_000;
const HISTORY_SIZE = 50;

/** The visitor leaves while waiting (queued or ringing): the dialog ends as abandoned. */
export async function leaveQueue(db: Db, input: VisitorDialogInput): Promise<{ dialog: Dialog; events: RealtimeEvent[] }> {
  const p = parseOrThrow(visitorDialogSchema, input);
  const now = p.now ?? new Date();
  const r = await db.transaction(async (tx) => {
    const d = await lockDialog(tx, p.dialogId);
    if (d.visitorId !== p.visitorId) throw new Forbidden("You are not in this chat");
    if (d.state === "closed") throw new Conflict("This chat is already closed");
    if (d.state !== "queued" && d.state !== "offered") throw new Conflict("An operator has already joined this chat");
    return finishDialog(tx, d, { outcome: "abandoned", type: "abandoned", actorType: "visitor", actorId: p.visitorId, now });
  });
  return refill(db, r, now);
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface QueuePosition {
  state: Dialog["state"];
  /** 1-based place among the category's waiting dialogs (queued or ringing), by arrival; null when not waiting. */
  position: number | null;
  /** A rough figure: the recent median wait, scaled by how many are ahead per online operator. */
  estimatedWaitSec: number | null;
  queueDeadlineAt: Date | null;
}

export async function queuePosition(db: Db, input: QueuePositionInput): Promise<QueuePosition> {
  const p = parseOrThrow(queuePositionSchema, input);
  const now = p.now ?? new Date();
  const [d] = await db.select().from(dialogs).where(eq(dialogs.id, p.dialogId));
  if (!d) throw new NotFound("Chat not found");
  if (p.visitorId && d.visitorId !== p.visitorId) throw new Forbidden("You are not in this chat");
  if (d.state !== "queued" && d.state !== "offered") {
    return { state: d.state, position: null, estimatedWaitSec: null, queueDeadlineAt: null };
  }
  const [ahead] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(dialogs)
    .where(
      and(
        eq(dialogs.categoryId, d.categoryId),
        inArray(dialogs.state, ["queued", "offered"]),
        or(lt(dialogs.queuedAt, d.queuedAt), and(eq(dialogs.queuedAt, d.queuedAt), lt(dialogs.id, d.id))),
      ),
    );
  const position = Number(ahead?.n ?? 0) + 1;
  const recent = await db
    .select({ sec: sql<number>`extract(epoch from (${dialogs.answeredAt} - ${dialogs.queuedAt}))::float8` })
    .from(dialogs)
    .where(
      and(
        eq(dialogs.categoryId, d.categoryId),
        isNotNull(dialogs.answeredAt),
        gt(dialogs.answeredAt, new Date(now.getTime() - HISTORY_WINDOW_MS)),
      ),
    )
    .orderBy(desc(dialogs.answeredAt))
    .limit(HISTORY_SIZE);
  const [online] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .innerJoin(userCategories, and(eq(userCategories.userId, users.id), eq(userCategories.categoryId, d.categoryId)))
    .where(and(eq(users.active, true), eq(users.status, "ready"), gt(users.lastHeartbeatAt, onlineSince(now))));
  const typical = median(recent.map((r) => Math.max(0, Number(r.sec)))) ?? FALLBACK_WAIT_SEC;
  const perOperator = Math.ceil(position / Math.max(1, Number(online?.n ?? 0)));
  return {
    state: d.state,
    position,
    estimatedWaitSec: Math.round(typical * perOperator),
    queueDeadlineAt: d.queueDeadlineAt,
  };
}
