// Timers of the single-process deployment: server.ts runs sweep() every second
// (DESIGN §2). On Vercel the same work runs from /api/cron/sweep.
import { getDb } from "../db";
import { publishEvents } from "../dialogs/events";
import { sweep } from "../dialogs/sweep";

const DEFAULT_INTERVAL_MS = 1000;

/** SWEEP_INTERVAL_MS overrides the period; 0 turns the in-process sweeper off (cron only). */
function sweepInterval(): number {
  const raw = process.env.SWEEP_INTERVAL_MS;
  if (raw === undefined || raw.trim() === "") return DEFAULT_INTERVAL_MS;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : DEFAULT_INTERVAL_MS;
}

/**
 * A timer that runs `task` every `ms`, never two runs at once (a slow run makes
 * the next tick skip), and never lets an error escape: it is logged, at most
 * once a minute while it repeats, and the next tick tries again.
 */
export function everyInterval(name: string, ms: number, task: () => Promise<void>): NodeJS.Timeout {
  let running = false;
  let lastLogged = 0;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch((err: unknown) => {
        const now = Date.now();
        if (now - lastLogged >= 60_000) {
          lastLogged = now;
          console.error(`[${name}] failed:`, err instanceof Error ? (err.stack ?? err.message) : err);
        }
      })
      .finally(() => {
        running = false;
      });
  }, ms);
  // The timer alone must not keep a stopping process alive.
  timer.unref();
  return timer;
}

export async function sweepOnce(): Promise<void> {
  const { events } = await sweep(await getDb());
  await publishEvents(events);
}

export function startBackgroundJobs(): NodeJS.Timeout[] {
  const ms = sweepInterval();
  if (ms === 0) return [];
  return [everyInterval("sweep", ms, sweepOnce)];
}
